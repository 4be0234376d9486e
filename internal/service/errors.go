package service

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"b22/classify"
)

// Kind is what an error means to whoever asked: the command line's exit
// code and the HTTP status both follow from it, in the one table below,
// so that neither front end recognises an error by its words.
type Kind int

const (
	// Failure is anything not the asker's doing: an I/O failure, a bug.
	Failure Kind = iota
	// Usage is a bad flag, argument or request parameter.
	Usage
	// Input is input that cannot be read as asked: no such file, a
	// folder, nothing at all.
	Input
	// Invalid is input with located problems (classify.Problems): an
	// answers document or a rule set.
	Invalid
	// TooLarge is a request body over its limit.
	TooLarge
	// Timeout is a request body that stopped coming.
	Timeout
	// Unavailable is a request the server cannot take now: busy, out of
	// time, shutting down, or given up by its client.
	Unavailable
)

// kinds is the one table of what each kind means to each front end.
var kinds = [...]struct {
	name   string
	exit   int // the command line's exit code (docs/contract.md)
	status int // the HTTP status (docs/openapi.yaml)
}{
	Failure:     {"failure", 1, 500},
	Usage:       {"usage", 2, 400},
	Input:       {"input", 2, 400},
	Invalid:     {"invalid", 2, 422},
	TooLarge:    {"too large", 2, 413},
	Timeout:     {"timeout", 1, 408},
	Unavailable: {"unavailable", 1, 503},
}

func (k Kind) String() string { return kinds[k].name }

// ExitCode is the exit code of a command that failed with an error of
// this kind.
func (k Kind) ExitCode() int { return kinds[k].exit }

// Status is the HTTP status of a request that failed with an error of
// this kind.
func (k Kind) Status() int { return kinds[k].status }

// Kinded is an error that knows its kind; errors of other packages (the
// HTTP server's reading of a body) implement it to take their place in
// the table.
type Kinded interface {
	error
	Kind() Kind
}

// KindOf is the kind of err: its own, or the kind the core's errors
// stand for, or Failure.
func KindOf(err error) Kind {
	var k Kinded
	var ps classify.Problems
	switch {
	case errors.As(err, &k):
		return k.Kind()
	case errors.As(err, &ps):
		return Invalid
	case errors.Is(err, classify.ErrAsOf):
		return Usage
	case errors.Is(err, classify.ErrInvalid):
		return Invalid
	case errors.Is(err, context.DeadlineExceeded), errors.Is(err, context.Canceled):
		return Unavailable
	}
	return Failure
}

// Error is an error of a kind, worded for the front end that shows it
// (Naming): the options it names are flags on the command line (--as-of)
// and query parameters over HTTP (as_of), and so on.
type Error struct {
	kind   Kind
	format string
	args   []any
	err    error // what format's %w wraps, if anything
}

// Errorf makes an error of kind k. Options, Refs and document names among
// args are named by the front end that shows the message; %w wraps as
// fmt.Errorf does.
func Errorf(k Kind, format string, args ...any) *Error {
	e := &Error{kind: k, format: format, args: args}
	if strings.Contains(format, "%w") {
		e.err = errors.Unwrap(fmt.Errorf(format, args...))
	}
	return e
}

func (e *Error) Kind() Kind { return e.kind }

// Error is the message as the command line words it.
func (e *Error) Error() string { return e.Message(CommandLine) }

// Message is the message with what it mentions named as n names it.
func (e *Error) Message(n Naming) string {
	args := make([]any, len(e.args))
	for i, a := range e.args {
		if o, ok := a.(named); ok {
			a = o.Name(n)
		}
		args[i] = a
	}
	return fmt.Sprintf(strings.ReplaceAll(e.format, "%w", "%v"), args...)
}

func (e *Error) Unwrap() error { return e.err }

// MessageOf is err's message as the front end n words it: the wording of
// an Error or an invalid document for n, or err's own.
func MessageOf(err error, n Naming) string {
	if e, ok := err.(interface{ Message(Naming) string }); ok {
		return e.Message(n)
	}
	return err.Error()
}
