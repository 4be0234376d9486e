package cmd

import (
	"errors"
	"fmt"

	"b22/classify"
)

// Exit codes of the contract (docs/contract.md).
const (
	exitOK      = 0
	exitError   = 1
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

// errInvalid marks usage and input errors, which exit 2.
var errInvalid = classify.ErrInvalid

// usageErrorf is a bad command line: exit 2.
func usageErrorf(format string, args ...any) error {
	return fmt.Errorf("%w", invalidError{fmt.Sprintf(format, args...)})
}

type invalidError struct{ msg string }

func (e invalidError) Error() string        { return e.msg }
func (e invalidError) Is(target error) bool { return target == errInvalid }

// exitCodeError carries an exit code that is not a failure (--exit-status,
// a change found by compare, and the 2 of a --jsonl run whose bad lines
// were already reported).
type exitCodeError struct{ code int }

func (e exitCodeError) Error() string { return fmt.Sprintf("exit %d", e.code) }

func exitCode(err error) int {
	var ec exitCodeError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &ec):
		return ec.code
	case errors.Is(err, errInvalid):
		return exitInvalid
	default:
		return exitError
	}
}
