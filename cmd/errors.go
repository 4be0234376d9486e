package cmd

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"b22/internal/present"
	"b22/internal/service"
)

// Exit codes of the contract (docs/contract.md) that are not an error's:
// an error's exit code is its kind's (service.Kind.ExitCode).
const (
	exitOK      = 0
	exitInvalid = 2
	// exitChanged is 'b22 compare' finding a change: like diff(1), whose
	// 1 would here read as a failure.
	exitChanged = 3
	// exitTestFailed is 'b22 test' with a failing scenario: apart from 2,
	// a folder that would not load, so CI can tell a wrong rule from a
	// broken file.
	exitTestFailed   = 4
	exitLikely       = 10
	exitPossible     = 11
	exitUndetermined = 12
)

// usageErrorf is a bad command line: exit 2.
func usageErrorf(format string, args ...any) error {
	return service.Errorf(service.Usage, format, args...)
}

// inputErrorf is input that cannot be read as asked (no such file, a
// folder, nothing at all): exit 2.
func inputErrorf(format string, args ...any) error {
	return service.Errorf(service.Input, format, args...)
}

// exitCodeError carries an exit code that is not a failure (--exit-status,
// a change found by compare, and the 2 of a --jsonl run whose bad lines
// were already reported): Main exits with it and prints nothing.
type exitCodeError struct{ code int }

func (e exitCodeError) Error() string { return fmt.Sprintf("exit %d", e.code) }

func exitCode(err error) int {
	var ec exitCodeError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &ec):
		return ec.code
	default:
		return service.KindOf(err).ExitCode()
	}
}

// printError writes an error's message to w, every line of it starting
// with "b22: " (a second problem of a document as much as the first), but
// for indented lines, which go on the line above them (a list of allowed
// values). Messages quote the input: control characters are neutralised.
func printError(w io.Writer, msg string) {
	var b strings.Builder
	for _, line := range strings.Split(present.Sanitize(msg), "\n") {
		if !strings.HasPrefix(line, " ") && !strings.HasPrefix(line, "\t") {
			b.WriteString("b22: ")
		}
		b.WriteString(line)
		b.WriteByte('\n')
	}
	_, _ = io.WriteString(w, b.String())
}
