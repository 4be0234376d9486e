package cmd

import (
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"
)

// notifySignals is process.notify for the real process.
func notifySignals(c chan<- os.Signal, sig ...os.Signal) (stop func()) {
	signal.Notify(c, sig...)
	return func() { signal.Stop(c) }
}

// tuneForStream is process.tuneStream for the real process. A stream makes
// much short-lived garbage (parsed lines, results) and keeps little:
// collecting less often buys a fifth more throughput, and the memory limit
// keeps the process well under 50 MiB all the same (the heap comes close
// to it; the program's own pages come on top).
func tuneForStream() (restore func()) {
	gc, limit := debug.SetGCPercent(400), debug.SetMemoryLimit(36<<20)
	return func() {
		debug.SetGCPercent(gc)
		debug.SetMemoryLimit(limit)
	}
}

// streamSignals stop a --jsonl stream cleanly (see classifyStream).
var streamSignals = []os.Signal{os.Interrupt, syscall.SIGTERM, syscall.SIGHUP, syscall.SIGQUIT}

// signalExit is what a stream stopped by sig says it was, and its exit
// code: the shell's for a process the signal ended, 128 + the signal's
// number (SIGHUP 129, SIGINT 130, SIGQUIT 131, SIGTERM 143). Exit 2 stays
// the code for bad input, which Go's own SIGQUIT handling would exit with.
func signalExit(sig os.Signal) (what string, code int) {
	switch sig {
	case syscall.SIGHUP:
		return "hung up", 128 + 1
	case syscall.SIGQUIT:
		return "quit", 128 + 3
	case syscall.SIGTERM:
		return "terminated", 128 + 15
	default:
		return "interrupted", 128 + 2
	}
}
