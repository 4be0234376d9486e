package cmd

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"b22/classify"
	"b22/classify/resultjson"
	"b22/internal/gen"
)

var streamDate = classify.DateOf(mustTime("2026-11-01"))

// syncBuffer is a bytes.Buffer safe to read while a stream writes it.
// reached, when set, is closed once it holds at least want bytes.
type syncBuffer struct {
	mu      sync.Mutex
	b       bytes.Buffer
	want    int
	reached chan struct{}
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	n, err := s.b.Write(p)
	if s.reached != nil && s.b.Len() >= s.want {
		close(s.reached)
		s.reached = nil
	}
	return n, err
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// waitFor waits until the buffer holds want bytes.
func (s *syncBuffer) waitFor(t *testing.T, want int, within time.Duration) {
	t.Helper()
	s.mu.Lock()
	reached := make(chan struct{})
	if s.b.Len() >= want {
		close(reached)
	} else {
		s.want, s.reached = want, reached
	}
	s.mu.Unlock()
	select {
	case <-reached:
	case <-time.After(within):
		t.Fatalf("%d bytes written in %s, want %d", len(s.String()), within, want)
	}
}

// TestStreamInterrupt: Ctrl+C on a stream whose input is still open writes
// what was classified and ends with exit code 130.
func TestStreamInterrupt(t *testing.T) {
	for _, c := range []struct {
		sig  syscall.Signal
		code int
		says string
	}{{syscall.SIGINT, 130, "interrupted"}, {syscall.SIGTERM, 143, "terminated"}} {
		t.Run(c.sig.String(), func(t *testing.T) {
			pr, pw := io.Pipe()
			defer pw.Close() // lets the reader, still waiting for input, finish
			out, errs := &syncBuffer{}, &syncBuffer{}
			a := &app{s: Streams{In: pr, Out: out, Err: errs}, now: time.Now}
			svc, err := a.service()
			if err != nil {
				t.Fatal(err)
			}
			relay := make(chan chan<- os.Signal, 1)
			a.process.notify = func(c chan<- os.Signal, _ ...os.Signal) func() {
				relay <- c
				return func() {}
			}
			done := make(chan error, 1)
			go func() { done <- a.classifyStream(svc, "-", streamDate, resultjson.AllFields, false) }()
			io.WriteString(pw, "{}\n")
			out.waitFor(t, 1, 10*time.Second)
			(<-relay) <- c.sig
			err = <-done
			if ec, ok := err.(exitCodeError); !ok || ec.code != c.code {
				t.Fatalf("classifyStream after %v = %v, want exit %d", c.sig, err, c.code)
			}
			if n := strings.Count(out.String(), "\n"); n != 1 {
				t.Fatalf("%d lines written, want the 1 classified", n)
			}
			if want := "b22: " + c.says + " after 1 lines\n"; errs.String() != want {
				t.Fatalf("stderr %q, want %q", errs.String(), want)
			}
		})
	}
}

// TestStreamSignalsEndOnALine runs b22 (the test binary as the b22 command,
// see TestMain) on an endless stream and signals it while it writes: it
// stops with the shell's code for the signal, 128 + its number, says so in
// one line, and its output ends with a whole line. A SIGHUP used to kill it
// mid-line, and a SIGQUIT to dump its goroutines and exit 2, the code for
// bad input.
func TestStreamSignalsEndOnALine(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no POSIX signals")
	}
	bin, err := exec.LookPath("b22")
	if err != nil {
		t.Skip(err)
	}
	input := gen.Lines(9, 500)
	for _, c := range []struct {
		sig  syscall.Signal
		code int
		says string
	}{
		{syscall.SIGHUP, 129, "hung up"},
		{syscall.SIGINT, 130, "interrupted"},
		{syscall.SIGQUIT, 131, "quit"},
		{syscall.SIGTERM, 143, "terminated"},
	} {
		t.Run(c.sig.String(), func(t *testing.T) {
			cmd := exec.Command(bin, "classify", "--jsonl", "-")
			out, errs := &syncBuffer{}, &syncBuffer{}
			cmd.Stdout, cmd.Stderr = out, errs
			in, err := cmd.StdinPipe()
			if err != nil {
				t.Fatal(err)
			}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			go func() { // endless input, until b22 is gone
				for {
					if _, err := in.Write(input); err != nil {
						return
					}
				}
			}()
			defer cmd.Process.Kill()              // if it is still running when the test fails
			out.waitFor(t, 1<<20, 20*time.Second) // well into the stream
			if err := cmd.Process.Signal(c.sig); err != nil {
				t.Fatal(err)
			}
			err = cmd.Wait()
			if code := cmd.ProcessState.ExitCode(); code != c.code {
				t.Fatalf("exit %d (%v) after %v, want %d; stderr:\n%.2000s", code, err, c.sig, c.code, errs.String())
			}
			got := out.String()
			if !strings.HasSuffix(got, "\n") {
				t.Fatalf("output ends mid-line: %q", got[max(0, len(got)-80):])
			}
			n := strings.Count(got, "\n")
			last := got[strings.LastIndexByte(got[:len(got)-1], '\n')+1:]
			if !json.Valid([]byte(last)) {
				t.Fatalf("last line is not JSON: %.200q", last)
			}
			if want := fmt.Sprintf("b22: %s after %d lines\n", c.says, n); errs.String() != want {
				t.Fatalf("stderr %.2000q, want %q", errs.String(), want)
			}
		})
	}
}
