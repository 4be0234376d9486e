// Package clidocs writes b22's command reference from the command tree,
// with cobra's doc package: Markdown pages (docs/cli, kept in the
// repository and current by a test in package cmd) and manual pages
// (made for a release, see the Makefile). It is kept out of package cmd so
// that the b22 binary does not carry the Markdown and roff writers.
package clidocs

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"
)

// Markdown writes one page per command (b22.md, b22_classify.md, ...) to
// dir, which must exist.
func Markdown(root *cobra.Command, dir string) error {
	prepare(root)
	if err := doc.GenMarkdownTree(root, dir); err != nil {
		return fmt.Errorf("command reference: %w", err)
	}
	return nil
}

// Man writes one manual page per command (b22.1, b22-classify.1, ...) to
// dir, creating it. The pages are dated by SOURCE_DATE_EPOCH when set (the
// Makefile sets it to the commit's date), so that a release can be made
// again byte for byte.
func Man(root *cobra.Command, dir, version string) error {
	prepare(root)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	header := &doc.GenManHeader{Title: "B22", Section: "1", Source: "b22 " + version, Manual: "b22 manual"}
	if err := doc.GenManTree(root, header, dir); err != nil {
		return fmt.Errorf("manual pages: %w", err)
	}
	return nil
}

// prepare drops the "Auto generated on DATE" footer, which would change
// the pages every day, and adds the completion command, which cobra
// otherwise adds only when the command runs.
func prepare(root *cobra.Command) {
	root.InitDefaultCompletionCmd()
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		c.DisableAutoGenTag = true
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}
