// Command b22docs writes b22's command reference: Markdown pages to
// docs/cli (committed; a test in package cmd fails when they are stale) or,
// with -man, manual pages to a folder (for a release). It is a program of
// its own so that b22 itself does not carry the writers.
//
//	go generate ./cmd/b22docs           # docs/cli/*.md
//	go run ./cmd/b22docs -man dist/man  # dist/man/*.1
package main

//go:generate go run . -md ../../docs/cli

import (
	"flag"
	"fmt"
	"os"

	"b22/cmd"
	"b22/internal/gen/clidocs"
)

func main() {
	md := flag.String("md", "", "write the Markdown reference to `DIR`")
	man := flag.String("man", "", "write the manual pages to `DIR`")
	version := flag.String("version", "devel", "the version the manual pages name")
	flag.Parse()
	if *md == "" && *man == "" || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: b22docs [-md DIR] [-man DIR [-version V]]")
		os.Exit(2)
	}
	if *md != "" {
		if err := os.MkdirAll(*md, 0o755); err != nil {
			fail(err)
		}
		if err := clidocs.Markdown(cmd.CommandTree(), *md); err != nil {
			fail(err)
		}
	}
	if *man != "" {
		if err := clidocs.Man(cmd.CommandTree(), *man, *version); err != nil {
			fail(err)
		}
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "b22docs:", err)
	os.Exit(1)
}
