// Package cmd wires b22's command line to the service (internal/service)
// and the interview: flags and files in, the service's results out.
// Only Main turns errors into exit codes, by their kind.
package cmd

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"b22/classify"
	"b22/classify/answers"
	"b22/classify/resultjson"
	"b22/internal/service"
	_ "b22/internal/termsetup" // before bubbletea's init: see there
	"b22/questionnaires"
)

// app is what every command shares: the streams, the rule set (loaded on
// first use) and the clock, which only supplies the default --as-of date.
type app struct {
	s        Streams
	rulesDir string
	// colorMode is --color; colorProfile decides from it and the
	// environment.
	colorMode colorMode
	now       func() time.Time
	rs        *classify.RuleSet
	svc       *service.Service // for rs, built on first use (service)
	process   process
}

// process is how a command may change what belongs to the whole process:
// which signals it takes over and how the garbage collector runs. Main
// gives the real ones; in-process tests give their own or none, so that
// a test never changes the process it runs in by accident.
type process struct {
	// notify relays the signals to c until stop is called; nil relays none.
	notify func(c chan<- os.Signal, sig ...os.Signal) (stop func())
	// tuneStream sets the collector for a long --jsonl stream until
	// restore is called; nil leaves it alone.
	tuneStream func() (restore func())
}

// Main runs b22 with args and returns the exit code.
func Main(args []string, s Streams) int {
	return mainWith(args, s, time.Now, process{notify: notifySignals, tuneStream: tuneForStream})
}

// mainAt is Main with a clock, which only supplies the default dates, and
// without taking over signals or the collector.
func mainAt(args []string, s Streams, now func() time.Time) int {
	return mainWith(args, s, now, process{})
}

func mainWith(args []string, s Streams, now func() time.Time, p process) int {
	out := &checkedWriter{w: s.Out}
	s.Out = out
	a := &app{s: s, now: now, process: p}
	root := newRootCmd(a)
	if len(args) > 0 && strings.HasPrefix(args[0], cobra.ShellCompRequestCmd) {
		plainUsages(root)
	}
	root.SetArgs(args)
	err := root.Execute()
	if ec := (exitCodeError{}); out.err != nil && (err == nil || errors.Is(err, out.err) || errors.As(err, &ec) && ec.code < 128) {
		// Output that did not arrive is a failure, whatever the verdict:
		// a script must not take a truncated or missing result for one.
		// A command that stopped on the failed write itself says so in the
		// same words. A run a signal ended keeps the signal's exit code:
		// the output it could not write is part of having been stopped.
		err = fmt.Errorf("writing the output: %w", out.err)
	}
	var ec exitCodeError
	if err != nil && !errors.As(err, &ec) {
		printError(s.Err, err.Error())
	}
	return exitCode(err)
}

func newRootCmd(a *app) *cobra.Command {
	var showVersion bool
	root := &cobra.Command{
		Use:           "b22",
		Short:         "Does a product need the licence its rule set decides, and why?",
		SilenceErrors: true,
		SilenceUsage:  true,
		Args: func(c *cobra.Command, args []string) error {
			if len(args) == 0 {
				return nil
			}
			msg := fmt.Sprintf("unknown command %q", args[0])
			var names []string
			for _, sub := range c.Commands() {
				names = append(names, sub.Name())
			}
			if s := answers.Suggest(args[0], names); s != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", s)
			}
			return usageErrorf("%s; see 'b22 --help'", msg)
		},
		RunE: func(c *cobra.Command, args []string) error {
			if showVersion {
				return runVersion(a, &versionOptions{Format: "text"})
			}
			if a.s.InTTY && a.s.ErrTTY {
				return runInterview(a, &interviewOptions{})
			}
			c.SetOut(a.s.Err)
			_ = c.Help()
			return exitCodeError{exitInvalid}
		},
	}
	root.SetIn(a.s.In)
	root.SetOut(a.s.Out)
	root.SetErr(a.s.Err)
	root.SetFlagErrorFunc(flagError)
	root.PersistentFlags().StringVar(&a.rulesDir, "rules", "", "load the questionnaire and rules from `DIR` instead of the embedded ones")
	completeFlag(root, "rules", completeDirs)
	enumFlag(root, root.PersistentFlags(), &a.colorMode, colorModes, "auto",
		"colour the text output and the interview: {} (auto: on a terminal, following NO_COLOR, CLICOLOR_FORCE, FORCE_COLOR and CLICOLOR)").typ = "when"
	// Not cobra's own --version (the Version field): its template is fixed
	// when the command is built, and the rule set's version beside the
	// tool's would mean loading the rules on every run, completion included.
	root.Flags().BoolVar(&showVersion, "version", false, "print the tool's and the rule set's versions, as 'b22 version' does")
	root.AddCommand(
		newInterviewCmd(a),
		withJQ(a, withFieldsList(newClassifyCmd(a), resultjson.ResultFields), jsonLines),
		withJQ(a, newValidateCmd(a), nil),
		withJQ(a, newQuestionsCmd(a), nil),
		withJQ(a, newSchemaCmd(a), nil),
		newLintCmd(a),
		withJQ(a, newVersionCmd(a), nil),
		newMemoCmd(a),
		withJQ(a, newCompareCmd(a), nil),
		withJQ(a, newTestCmd(a), nil),
		newServeCmd(a),
	)
	patchBashCompletion(root)
	checkArgsOfCobrasCommands(root)
	nameHelpFromRules(root, a)
	return root
}

// flagHint suggests the flag meant by an unknown one ("--formt").
func flagHint(c *cobra.Command, err error) string {
	var unknown *pflag.NotExistError
	if !errors.As(err, &unknown) || unknown.GetSpecifiedShortnames() != "" {
		return "" // not a long flag: -x
	}
	var names []string
	c.Flags().VisitAll(func(f *pflag.Flag) { names = append(names, f.Name) })
	if s := answers.Suggest(unknown.GetSpecifiedName(), names); s != "" {
		return fmt.Sprintf(" (did you mean --%s?)", s)
	}
	return ""
}

// ruleSet loads the embedded rule set, or the --rules folder after the same
// checks as 'b22 lint'.
func (a *app) ruleSet() (*classify.RuleSet, error) {
	if a.rs != nil {
		return a.rs, nil
	}
	if a.rulesDir == "" {
		rs, err := classify.Load(questionnaires.Shipped())
		if err != nil {
			return nil, fmt.Errorf("the embedded rule set is broken: %v", err) // a bug, exit 1
		}
		a.rs = rs
		return rs, nil
	}
	rs, err := loadRulesDir(a.rulesDir, "--rules ")
	if err != nil {
		return nil, err
	}
	a.rs = rs
	return rs, nil
}

// service is the service of the rule set, which it loads first.
func (a *app) service() (*service.Service, error) {
	if a.svc != nil {
		return a.svc, nil
	}
	rs, err := a.ruleSet()
	if err != nil {
		return nil, err
	}
	a.svc = service.New(rs, a.now)
	return a.svc, nil
}

// loadRulesDir loads and lints a rule set folder; problems name files by
// their path so that an editor can jump to them. flag names where the folder
// came from in messages ("--rules " or "").
func loadRulesDir(dir, flag string) (*classify.RuleSet, error) {
	info, err := os.Stat(dir)
	if err != nil {
		return nil, inputErrorf("%s%s: %s", flag, dir, strings.TrimPrefix(err.Error(), "stat "+dir+": "))
	}
	if !info.IsDir() {
		return nil, usageErrorf("%s%s: not a folder; give the folder that holds questionnaire.yaml", flag, dir)
	}
	var fsys fs.FS = os.DirFS(dir)
	rs, err := classify.Load(fsys)
	var ps classify.Problems
	if errors.As(err, &ps) {
		return nil, prefixProblems(dir, ps)
	}
	if err != nil {
		return nil, err
	}
	if ps := rs.Lint(); len(ps) > 0 {
		return nil, prefixProblems(dir, ps)
	}
	return rs, nil
}

func prefixProblems(dir string, ps classify.Problems) classify.Problems {
	out := make(classify.Problems, len(ps))
	for i, p := range ps {
		if p.File != "" {
			p.File = filepath.Join(dir, p.File)
		}
		out[i] = p
	}
	return out
}

// asOf parses --as-of, defaulting to today.
func (a *app) asOf(s string) (classify.Date, error) {
	return service.AsOf(a.today(), service.OptAsOf, s)
}

// today is the date of the clock: the default of every date flag.
func (a *app) today() classify.Date { return classify.DateOf(a.now()) }
