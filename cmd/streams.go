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
	// LookupEnv reads the environment where empty and unset differ
	// (B22_TOKEN); nil falls back on Getenv.
	LookupEnv func(string) (string, bool)
	// Width is the terminal's width in columns, or 0 when not a terminal.
	Width func() int
}

// StdStreams are the process's own streams.
func StdStreams() Streams {
	tty := func(f *os.File) bool { return isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd()) }
	return Streams{
		In: os.Stdin, Out: os.Stdout, Err: os.Stderr,
		InTTY: tty(os.Stdin), OutTTY: tty(os.Stdout), ErrTTY: tty(os.Stderr),
		Getenv: os.Getenv, LookupEnv: os.LookupEnv,
		Width: func() int { return terminalWidth(os.Stdout) },
	}
}

func (s Streams) getenv(k string) string {
	if s.Getenv == nil {
		return ""
	}
	return s.Getenv(k)
}

// checkedWriter remembers the first error writing standard output, so that a
// full disk ends the run with exit 1 and a message (as jq and git do) even
// where a command writes with fmt.Fprint and moves on. Writes after the
// first error are not attempted.
//
// A standard output closed at start ('>&-') cannot be told from /dev/null:
// the Go runtime opens /dev/null read-write in its place before b22 runs,
// exactly as Python's subprocess.DEVNULL and daemons hand it over, so b22
// writes there and cannot report the loss.
type checkedWriter struct {
	w   io.Writer
	err error
}

func (c *checkedWriter) Write(p []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	n, err := c.w.Write(p)
	if err != nil {
		c.err = err
	}
	return n, err
}

// lookupEnv reads the environment, telling a variable set but empty from
// one not set.
func (s Streams) lookupEnv(k string) (string, bool) {
	if s.LookupEnv != nil {
		return s.LookupEnv(k)
	}
	v := s.getenv(k)
	return v, v != ""
}
