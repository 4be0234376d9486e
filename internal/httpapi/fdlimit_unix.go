//go:build unix

package httpapi

import "golang.org/x/sys/unix"

// openFileLimit is the process's limit of open files (which the Go runtime
// raised to the hard limit at start).
func openFileLimit() (uint64, bool) {
	var l unix.Rlimit
	if err := unix.Getrlimit(unix.RLIMIT_NOFILE, &l); err != nil {
		return 0, false
	}
	return l.Cur, true
}
