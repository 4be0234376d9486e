package cmd

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"b22/classify/answers"
)

// Positional arguments: each command says in words what it takes, and a
// wrong count, or a word it does not know, is refused before any work in
// the tool's voice, as a usage error (exit 2, docs/contract.md): the
// command, what it takes, what it got, and where its help is, as in
//
//	b22: classify takes at most one answers file (FILE, or - for stdin); got 2: "a.json" "b.json" (see 'b22 classify --help')
//
// cobra's own words ("accepts at most 1 arg(s), received 2", "unknown
// command "x" for "b22 version"") are never shown; TestArgsErrors runs
// every command of the tree with arguments it does not take.

// What the commands take, after their names. Those that more than one
// command takes, or that a command checks again once it has its flags,
// are here.
const (
	takesAnswersFile = "takes at most one answers file (FILE, or - for stdin)"
	takesNothing     = "takes no arguments"
	takesRuleSetDir  = "takes one rule set folder (DIR, or the global --rules DIR)"
	needsTwoAnswers  = "needs two answers files, or one with --to-as-of or --to-rules to compare it with itself"
)

// takes checks that a command has from min to max arguments; what says
// what they are.
func takes(min, max int, what string) cobra.PositionalArgs {
	return func(c *cobra.Command, args []string) error {
		if len(args) < min || len(args) > max {
			return argsError(c.CommandPath(), what, args, "")
		}
		return nil
	}
}

// oneOf checks that a command has one argument, one of values; what says
// so. A word close to one of them is hinted at.
func oneOf(what string, values func() []string) cobra.PositionalArgs {
	return func(c *cobra.Command, args []string) error {
		if len(args) == 1 && slices.Contains(values(), args[0]) {
			return nil
		}
		hint := ""
		if len(args) == 1 {
			if s := answers.Suggest(args[0], values()); s != "" {
				hint = fmt.Sprintf(" (did you mean %q?)", s)
			}
		}
		return argsError(c.CommandPath(), what, args, hint)
	}
}

// argsError is the usage error of the command at path ("b22 compare")
// given args, which it does not take: what it takes, and what it got,
// with hint after it.
func argsError(path, what string, args []string, hint string) error {
	name := path[strings.IndexByte(path, ' ')+1:]
	return usageErrorf("%s %s; got %s%s (see '%s --help')", name, what, gotArgs(args), hint, path)
}

// gotArgs says what a command was given: none, or how many and the first
// few, quoted.
func gotArgs(args []string) string {
	if len(args) == 0 {
		return "none"
	}
	const shown = 3
	quoted := make([]string, 0, shown+1)
	for i, a := range args {
		if i == shown {
			quoted = append(quoted, "…")
			break
		}
		if len(a) > 40 {
			a = a[:40] + "…"
		}
		quoted = append(quoted, strconv.Quote(a))
	}
	return fmt.Sprintf("%d: %s", len(args), strings.Join(quoted, " "))
}

// checkArgsOfCobrasCommands gives cobra's own commands the same checks:
// completion, which would print its help and exit 0 for a shell it does
// not know ('b22 completion bsh > script'), its shells, and help, which
// would print the root's help for a command that does not exist.
func checkArgsOfCobrasCommands(root *cobra.Command) {
	root.InitDefaultHelpCmd()
	for _, c := range root.Commands() {
		switch c.Name() {
		case "completion":
			shells := func() []string { return commandNames(c) }
			what := "takes one shell: " + strings.Join(shells(), ", ")
			c.Use = "completion " + strings.Join(shells(), "|")
			c.DisableFlagsInUseLine = true
			c.Args = oneOf(what, shells)
			// Runnable, so that an argument reaches the check rather than
			// the help. A known shell is a command of its own, and reaches
			// this only past "--".
			c.RunE = func(c *cobra.Command, args []string) error {
				shell, _, err := c.Find(args)
				if err != nil || shell == c {
					return argsError(c.CommandPath(), what, args, "")
				}
				return shell.RunE(shell, nil)
			}
			for _, shell := range c.Commands() {
				shell.Args = takes(0, 0, takesNothing)
			}
		case "help":
			c.Args = helpTopic
		}
	}
}

// helpTopic checks that help is asked about a command that exists.
func helpTopic(c *cobra.Command, args []string) error {
	if len(args) == 0 {
		return nil
	}
	target, rest, err := c.Root().Find(args)
	if err == nil && len(rest) == 0 && target != c.Root() {
		return nil
	}
	names := commandNames(c.Root())
	hint := ""
	if s := answers.Suggest(args[0], names); s != "" && !slices.Contains(names, args[0]) {
		hint = fmt.Sprintf(" (did you mean %q?)", s)
	}
	return argsError(c.CommandPath(), "takes the name of a command: "+strings.Join(names, ", "), args, hint)
}

// commandNames are the names of c's commands that help lists.
func commandNames(c *cobra.Command) []string {
	var names []string
	for _, sub := range c.Commands() {
		if sub.IsAvailableCommand() {
			names = append(names, sub.Name())
		}
	}
	return names
}
