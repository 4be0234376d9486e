//go:build !unix

package httpapi

func openFileLimit() (uint64, bool) { return 0, false }
