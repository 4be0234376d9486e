//go:build unix

package cmd

import (
	"os"

	"golang.org/x/sys/unix"
)

// closedAtStart reports whether f, a standard stream, was closed when the
// process started. The Go runtime opens /dev/null read-write in the place of
// a closed standard descriptor, so that a later file cannot take its number;
// a shell's '> /dev/null' opens it write-only. So standard output that is
// /dev/null opened read-write is taken for one that was closed ('>&-'), and
// what b22 would have written there is reported as lost.
func closedAtStart(f *os.File) bool {
	fd := int(f.Fd())
	flags, err := unix.FcntlInt(uintptr(fd), unix.F_GETFL, 0)
	if err != nil || flags&unix.O_ACCMODE != unix.O_RDWR {
		return false
	}
	var got, null unix.Stat_t
	if unix.Fstat(fd, &got) != nil || unix.Stat(os.DevNull, &null) != nil {
		return false
	}
	return got.Mode&unix.S_IFMT == unix.S_IFCHR && got.Rdev == null.Rdev
}
