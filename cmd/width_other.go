//go:build !unix

package cmd

import "os"

func terminalWidth(*os.File) int { return 0 }
