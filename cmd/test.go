package cmd

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"regexp"

	"github.com/spf13/cobra"

	"b22/classify"
	"b22/internal/present"
	"b22/internal/scenario"
	"b22/internal/service"
)

type testOptions struct {
	Dir    string
	Format string
	Run    string
	Quiet  bool
}

func newTestCmd(a *app) *cobra.Command {
	opts := &testOptions{}
	c := &cobra.Command{
		Use:   "test DIR",
		Short: "Run the scenario files of a rule set folder (DIR/tests/*.yaml) against it",
		Long: `test loads the rule set folder DIR after the same checks as 'b22 lint', then
evaluates every scenario in DIR/tests/*.yaml and compares the result with the
scenario's expectation: verdict, sub-categories, scope, coverage by a licence
already held, requirement statuses, pivotal questions and related regimes.

It prints a line per scenario, what differed under each failure, and a
summary. Exit status: 0 every scenario passed, 4 some failed, 2 the folder or
a scenario file could not be read or does not pass lint.`,
		Example: `  b22 test questionnaires/b22
  b22 test --run 'meeting' ./my-rules
  b22 test --format json ./my-rules | jq '.failed'`,
		Args: takes(0, 1, takesRuleSetDir),
		RunE: func(c *cobra.Command, args []string) error {
			opts.Dir = a.rulesDir
			if len(args) == 1 {
				opts.Dir = args[0]
			}
			if opts.Dir == "" {
				return argsError(c.CommandPath(), takesRuleSetDir, args, "")
			}
			return runTest(a, opts)
		},
	}
	c.ValidArgsFunction = dirArg
	enumFlag(c, c.Flags(), &opts.Format, textOrJSON, "text", "output")
	c.Flags().StringVar(&opts.Run, "run", "", "run only the scenarios whose name matches `REGEXP`")
	completeFlag(c, "run", noFiles)
	c.Flags().BoolVar(&opts.Quiet, "quiet", false, "list only failing scenarios and the summary")
	return c
}

func runTest(a *app, o *testOptions) error {
	var match func(string) bool
	if o.Run != "" {
		re, err := regexp.Compile(o.Run)
		if err != nil {
			return usageErrorf("--run %q: %v", o.Run, err)
		}
		match = re.MatchString
	}
	rs, err := loadRulesDir(o.Dir, "")
	var ps classify.Problems
	if errors.As(err, &ps) {
		for _, p := range ps {
			fmt.Fprintln(a.s.Err, present.Sanitize(p.Error()))
		}
		fmt.Fprintf(a.s.Err, "%s: %d problem(s); fix them before testing (see 'b22 lint')\n", o.Dir, ps.Total())
		return exitCodeError{exitInvalid}
	}
	if err != nil {
		return err
	}
	files, err := scenario.Load(os.DirFS(o.Dir))
	if err != nil {
		if errors.Is(err, scenario.ErrNoScenarios) {
			return inputErrorf("%s: no scenario files in %s/%s/*.yaml", o.Dir, o.Dir, scenario.Dir)
		}
		return inputErrorf("%s/%s", o.Dir, err)
	}
	rep := scenario.Run(rs, files, match)
	if rep.Passed+rep.Failed == 0 {
		// Nothing ran: a pass would tell a CI job that a rule set it
		// never checked is fine.
		if o.Run != "" {
			return inputErrorf("%s: no scenario matches --run %q", o.Dir, o.Run)
		}
		return inputErrorf("%s: the scenario files list no scenarios", o.Dir)
	}
	w := bufio.NewWriter(a.s.Out)
	if o.Format == "json" {
		err = service.WriteJSON(w, rep.InDir(o.Dir), true)
	} else {
		err = scenario.WriteText(w, rep, o.Dir, !o.Quiet)
	}
	if ferr := w.Flush(); err == nil {
		err = ferr
	}
	if err != nil {
		return err
	}
	if !rep.OK() {
		return exitCodeError{exitTestFailed}
	}
	return nil
}
