// Package clidocs writes b22's command reference from the command tree,
// with cobra's doc package: Markdown pages (docs/cli, kept in the
// repository and current by a test in package cmd) and manual pages
// (made for a release, see the Makefile). It is kept out of package cmd so
// that the b22 binary does not carry the Markdown and roff writers.
package clidocs

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"
	"github.com/spf13/pflag"
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
	return manTree(root, dir, version)
}

// manTree writes the page of c and of each command under it. Each page is
// titled by its own command (B22-CLASSIFY(1), not B22(1) on every page,
// as git's and gh's pages are), and its options show the placeholders
// --help shows (--as-of YYYY-MM-DD, --jsonl) where cobra's writer puts
// the default value (--as-of="", --jsonl[=false]).
func manTree(c *cobra.Command, dir, version string) error {
	for _, sub := range c.Commands() {
		if !sub.IsAvailableCommand() || sub.IsAdditionalHelpTopicCommand() {
			continue
		}
		if err := manTree(sub, dir, version); err != nil {
			return err
		}
	}
	// An empty title is the command's path, which doc.GenMan fills in.
	header := &doc.GenManHeader{Section: "1", Source: "b22 " + version, Manual: "b22 manual"}
	var b bytes.Buffer
	if err := doc.GenMan(c, header, &b); err != nil {
		return fmt.Errorf("manual pages: %w", err)
	}
	page := manFlags(b.String(), c)
	name := strings.ReplaceAll(c.CommandPath(), " ", "-") + ".1"
	if err := os.WriteFile(filepath.Join(dir, name), []byte(page), 0o644); err != nil {
		return fmt.Errorf("manual pages: %w", err)
	}
	return nil
}

// manFlags rewrites each option's line of a page: "\fB--as-of\fP=\"\""
// becomes "\fB--as-of\fP \fIYYYY-MM-DD\fP", "\fB--jsonl\fP[=false]"
// becomes "\fB--jsonl\fP", and a default worth saying is said under it,
// as --help says it.
func manFlags(page string, c *cobra.Command) string {
	flags := map[string]*pflag.Flag{}
	add := func(f *pflag.Flag) { flags[f.Name] = f }
	c.NonInheritedFlags().VisitAll(add)
	c.InheritedFlags().VisitAll(add)
	lines := strings.Split(page, "\n")
	for i, l := range lines {
		m := optionLine.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		f := flags[m[2]]
		if f == nil {
			continue
		}
		line := m[1] + `\fB--` + f.Name + `\fP`
		if varname, _ := pflag.UnquoteUsage(f); varname != "" && f.NoOptDefVal == "" {
			line += ` \fI` + varname + `\fP`
		}
		lines[i] = line
		switch f.DefValue {
		case "", "false", "[]", "0":
		default:
			if i+1 < len(lines) && !strings.Contains(lines[i+1], "(default ") {
				lines[i+1] += " (default " + f.DefValue + ")"
			}
		}
	}
	return strings.Join(lines, "\n")
}

// optionLine is an option's line as cobra writes it: the short form, the
// long one, and its default.
var optionLine = regexp.MustCompile(`^((?:\\fB-[^\\]+\\fP, )?)\\fB--([A-Za-z0-9-]+)\\fP(?:\[=.*\]|=.*)$`)

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
