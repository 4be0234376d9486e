package cmd

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"b22/classify"
	"b22/classify/resultjson"
	"b22/internal/service"
)

// classifyStream runs 'b22 classify --jsonl' on the file at path, or
// stdin. An interrupt (Ctrl+C), a hang-up, a quit (Ctrl+\) or a SIGTERM
// stops the run cleanly: the results already handed to the output are
// written, in order and whole, so the output ends with a complete line,
// and the exit code is the shell's for the signal, 128 + its number. A
// quit gives no goroutine dump: it is a user stopping a long run.
func (a *app) classifyStream(svc *service.Service, path string, asOf classify.Date, fields resultjson.Fields, levers bool) error {
	name, r, closeInput, err := a.openStream(path)
	if err != nil {
		return err
	}
	defer closeInput()
	ctx, cancel := context.WithCancelCause(context.Background())
	defer cancel(nil)
	if a.process.notify != nil {
		signals := make(chan os.Signal, 1)
		defer a.process.notify(signals, streamSignals...)()
		go func() {
			select {
			case sig := <-signals:
				cancel(stoppedBy{sig})
			case <-ctx.Done():
			}
		}()
	}
	if a.process.tuneStream != nil {
		defer a.process.tuneStream()()
	}
	sum, err := svc.Stream(ctx, service.StreamRequest{Name: name, In: r, AsOf: asOf, Fields: fields, Levers: levers,
		Invalid: func(ps classify.Problems) { printError(a.s.Err, ps.Error()) }}, a.s.Out)
	var sig stoppedBy
	switch {
	case errors.As(err, &sig):
		what, code := signalExit(sig.sig)
		if sum.OutputErr != nil {
			fmt.Fprintf(a.s.Err, "b22: %s after %d lines (the output had failed: %v)\n", what, sum.Lines, sum.OutputErr)
		} else {
			fmt.Fprintf(a.s.Err, "b22: %s after %d lines\n", what, sum.Lines)
		}
		return exitCodeError{code}
	case err != nil:
		return err
	case sum.Invalid > 0:
		fmt.Fprintf(a.s.Err, "b22: %d of %d lines invalid\n", sum.Invalid, sum.Lines)
		return exitCodeError{exitInvalid}
	}
	return nil
}

// stoppedBy is the cause of a stream a signal stopped.
type stoppedBy struct{ sig os.Signal }

func (s stoppedBy) Error() string { return "stopped by " + s.sig.String() }

func (a *app) openStream(path string) (string, io.Reader, func(), error) {
	if path == "" || path == "-" {
		if a.s.InTTY {
			return "", nil, nil, usageErrorf("--jsonl with stdin on a terminal; pass FILE or pipe the lines into '-'")
		}
		return "<stdin>", a.s.In, func() {}, nil
	}
	f, err := os.Open(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return "", nil, nil, inputErrorf("%s: no such file", path)
		}
		return "", nil, nil, inputErrorf("%s: %v", path, errors.Unwrap(err))
	}
	if st, err := f.Stat(); err == nil && st.IsDir() {
		f.Close()
		return "", nil, nil, inputErrorf("%s: is a folder; give a file of JSON lines", path)
	}
	return path, f, func() { f.Close() }, nil
}
