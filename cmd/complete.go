package cmd

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"b22/classify/resultjson"
)

// Shell completion: cobra's generated scripts (b22 completion bash|zsh|fish|
// powershell) ask 'b22 __complete ARGS... PARTIAL' for candidates. Flags
// complete their allowed values, answers files their extensions and rule
// set folders folders; without this, every flag value falls back to file
// names. The registrations are kept here, beside each other, rather than
// in the command files: the allowed values are what each command's check
// accepts, and one table shows them all.

// answersExts are the extensions of answers documents; --jsonl reads
// .jsonl.
var (
	answersExts = []string{"json", "yaml", "yml"}
	streamExts  = []string{"json", "yaml", "yml", "jsonl"}
)

// registerCompletions adds the completions to root's commands. An error is
// a flag or command renamed without its completion: a bug every test that
// builds the command tree finds.
func registerCompletions(root *cobra.Command) error {
	var errs []string
	flag := func(c *cobra.Command, name string, f cobra.CompletionFunc) {
		if err := c.RegisterFlagCompletionFunc(name, f); err != nil {
			errs = append(errs, fmt.Sprintf("%s --%s: %v", c.CommandPath(), name, err))
		}
	}
	dirs := func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
		return nil, cobra.ShellCompDirectiveFilterDirs
	}
	noFiles := cobra.NoFileCompletions
	lang := values(
		cobra.CompletionWithDesc("zh", "Chinese, 中文"),
		cobra.CompletionWithDesc("en", "English"))

	flag(root, "rules", dirs)
	flag(root, "color", values(
		cobra.CompletionWithDesc("auto", "colour on a terminal, unless NO_COLOR or CLICOLOR=0"),
		cobra.CompletionWithDesc("always", "colour even into a file or pipe"),
		cobra.CompletionWithDesc("never", "no colour")))

	for _, c := range root.Commands() {
		switch c.Name() {
		case "classify":
			c.ValidArgsFunction = files(1, streamExts)
			flag(c, "format", values("json", "text"))
			flag(c, "lang", lang)
			flag(c, "as-of", noFiles)
			flag(c, "fields", completeFields)
		case "validate":
			c.ValidArgsFunction = files(1, answersExts)
			flag(c, "format", values("text", "json"))
		case "memo":
			c.ValidArgsFunction = files(1, answersExts)
			flag(c, "format", values("md", "html", "docx"))
			flag(c, "lang", values(
				cobra.CompletionWithDesc("zh", "Chinese, 中文"),
				cobra.CompletionWithDesc("en", "English"),
				cobra.CompletionWithDesc("bilingual", "Chinese and English, side by side")))
			flag(c, "date", noFiles)
			flag(c, "as-of", noFiles)
			flag(c, "status", values(
				cobra.CompletionWithDesc("draft", "marked as a draft on every page"),
				cobra.CompletionWithDesc("final", "no draft mark")))
			for _, free := range []string{"prepared-for", "prepared-by", "matter", "confidential", "disclaimer"} {
				flag(c, free, noFiles) // words of the author's, not file names
			}
			flag(c, "reference-docx", files(-1, []string{"docx"}))
			// -o completes any file name: the memo may be written anywhere.
		case "compare":
			c.ValidArgsFunction = files(2, answersExts)
			flag(c, "format", values("json", "text"))
			flag(c, "lang", lang)
			flag(c, "as-of", noFiles)
			flag(c, "to-as-of", noFiles)
			flag(c, "to-rules", dirs)
		case "interview":
			c.ValidArgsFunction = cobra.NoFileCompletions
			flag(c, "lang", lang)
			flag(c, "answers", files(-1, answersExts))
		case "questions":
			c.ValidArgsFunction = cobra.NoFileCompletions
			flag(c, "format", values("json", "md"))
		case "schema":
			c.ValidArgsFunction = func(_ *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
				if len(args) > 0 {
					return nil, cobra.ShellCompDirectiveNoFileComp
				}
				return values(
					cobra.CompletionWithDesc("answers", "the answers document"),
					cobra.CompletionWithDesc("result", "the result of classify"))(nil, args, toComplete)
			}
		case "lint":
			c.ValidArgsFunction = func(_ *cobra.Command, args []string, _ string) ([]cobra.Completion, cobra.ShellCompDirective) {
				if len(args) > 0 {
					return nil, cobra.ShellCompDirectiveNoFileComp
				}
				return nil, cobra.ShellCompDirectiveFilterDirs
			}
		case "version":
			c.ValidArgsFunction = cobra.NoFileCompletions
			flag(c, "format", values("text", "json"))
		case "test":
			c.ValidArgsFunction = func(_ *cobra.Command, args []string, _ string) ([]cobra.Completion, cobra.ShellCompDirective) {
				if len(args) > 0 {
					return nil, cobra.ShellCompDirectiveNoFileComp
				}
				return nil, cobra.ShellCompDirectiveFilterDirs
			}
			flag(c, "format", values("text", "json"))
			flag(c, "run", noFiles)
		case "serve":
			c.ValidArgsFunction = cobra.NoFileCompletions
			for _, name := range []string{"addr", "max-body", "max-stream-body", "read-timeout", "write-timeout", "stream-timeout", "shutdown-timeout"} {
				flag(c, name, noFiles)
			}
			// --token-file completes any file name: a secret lives anywhere.
		}
	}
	if len(errs) > 0 {
		return fmt.Errorf("shell completion: %s", strings.Join(errs, "; "))
	}
	return nil
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
