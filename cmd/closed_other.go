//go:build !unix

package cmd

import "os"

// closedAtStart cannot tell a closed standard stream here; see closed_unix.go.
func closedAtStart(*os.File) bool { return false }
