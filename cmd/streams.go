package cmd

import (
	"io"
	"os"

	"github.com/mattn/go-isatty"
)

// Streams are the standard streams and what is known about them; tests pass
// buffers instead of the process's files.
type Streams struct {
	In     io.Reader
	Out    io.Writer
	Err    io.Writer
	InTTY  bool
	OutTTY bool
	ErrTTY bool
	// Getenv reads the environment (NO_COLOR, LANG, TERM, COLUMNS).
	Getenv func(string) string
	// Width is the terminal's width in columns, or 0 when not a terminal.
	Width func() int
}

// StdStreams are the process's own streams.
func StdStreams() Streams {
	tty := func(f *os.File) bool { return isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd()) }
	return Streams{
		In: os.Stdin, Out: os.Stdout, Err: os.Stderr,
		InTTY: tty(os.Stdin), OutTTY: tty(os.Stdout), ErrTTY: tty(os.Stderr),
		Getenv: os.Getenv,
		Width:  func() int { return terminalWidth(os.Stdout) },
	}
}

func (s Streams) getenv(k string) string {
	if s.Getenv == nil {
		return ""
	}
	return s.Getenv(k)
}
