package cmd

import (
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"b22/classify/resultjson"
	"b22/internal/service"
)

// Shell completion: cobra's generated scripts (b22 completion bash|zsh|fish|
// powershell) ask 'b22 __complete ARGS... PARTIAL' for candidates. Each
// command registers its own beside its flags: enum flags complete their
// values (enumFlag), answers files their extensions, rule set folders
// folders, and words of the user's (dates, names) nothing; without a
// registration, a flag's value would fall back to file names.

// answersExts are the extensions of answers documents; --jsonl reads
// .jsonl.
var (
	answersExts = []string{"json", "yaml", "yml"}
	streamExts  = []string{"json", "yaml", "yml", "jsonl"}
)

// noFiles completes nothing: the value is the user's own words or a date.
var noFiles = cobra.NoFileCompletions

// completeDirs completes a flag's value with folders.
func completeDirs(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
	return nil, cobra.ShellCompDirectiveFilterDirs
}

// dirArg completes a command's one argument with folders, and nothing
// after it.
func dirArg(_ *cobra.Command, args []string, _ string) ([]cobra.Completion, cobra.ShellCompDirective) {
	if len(args) > 0 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	return nil, cobra.ShellCompDirectiveFilterDirs
}

// choiceArg completes a command's one argument with an enum's values, and
// nothing after it.
func choiceArg(e service.Enum) cobra.CompletionFunc {
	choices := completeChoices(e.Choices)
	return func(c *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		if len(args) > 0 {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		return choices(c, args, toComplete)
	}
}

// values completes one of a fixed set of values ("value\tdescription"),
// those that start with what was typed.
func values(vs ...cobra.Completion) cobra.CompletionFunc {
	return func(_ *cobra.Command, _ []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		var out []cobra.Completion
		for _, v := range vs {
			name, _, _ := strings.Cut(v, "\t")
			if strings.HasPrefix(name, toComplete) {
				out = append(out, v)
			}
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	}
}

// files completes up to max file arguments (-1: a flag's value) with the
// given extensions, and folders to reach them.
func files(max int, exts []string) cobra.CompletionFunc {
	return func(_ *cobra.Command, args []string, _ string) ([]cobra.Completion, cobra.ShellCompDirective) {
		if max >= 0 && len(args) >= max {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		return exts, cobra.ShellCompDirectiveFilterFileExt
	}
}

// completeFields completes --fields, a comma-separated list of result
// fields: the fields not yet listed, after those that are, with no space
// after so that another can follow.
func completeFields(_ *cobra.Command, _ []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
	done, last := "", toComplete
	if i := strings.LastIndexByte(toComplete, ','); i >= 0 {
		done, last = toComplete[:i+1], toComplete[i+1:]
	}
	listed := map[string]bool{}
	for _, f := range strings.Split(done, ",") {
		listed[f] = true
	}
	var out []cobra.Completion
	for _, f := range resultjson.ResultFields() {
		if !listed[f] && strings.HasPrefix(f, last) {
			out = append(out, done+f)
		}
	}
	return out, cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveNoSpace
}

// plainUsages drops the backticks that mark a flag's value name in its
// usage ("from `DIR`"): help shows them as the value's name ("--rules
// DIR"), but completion hands the usage to the shell as the flag's
// description, where fish and zsh would show them as they are.
func plainUsages(root *cobra.Command) {
	var walk func(c *cobra.Command)
	strip := func(f *pflag.Flag) { f.Usage = strings.ReplaceAll(f.Usage, "`", "") }
	walk = func(c *cobra.Command) {
		c.LocalFlags().VisitAll(strip)
		c.PersistentFlags().VisitAll(strip)
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}
