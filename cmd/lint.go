package cmd

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"b22/classify"
	"b22/internal/present"
	"b22/questionnaires"
)

type lintOptions struct{ Dir string }

func newLintCmd(a *app) *cobra.Command {
	opts := &lintOptions{}
	return &cobra.Command{
		Use:   "lint [DIR]",
		Short: "Check a questionnaire and rule set (the embedded one, or DIR)",
		Long: `lint loads a rule set folder and checks that every key, value, parameter and
source id resolves, every text has Chinese and English, every sub-category,
rule and verdict can be reached, and every question is asked on some path.`,
		Example: `  b22 lint
  b22 lint ./my-rules`,
		Args:              takes(0, 1, "takes at most one rule set folder (DIR; none for the embedded rule set)"),
		ValidArgsFunction: dirArg,
		RunE: func(c *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.Dir = args[0]
			} else {
				opts.Dir = a.rulesDir
			}
			return runLint(a, opts)
		},
	}
}

func runLint(a *app, o *lintOptions) error {
	var rs *classify.RuleSet
	var err error
	where := "embedded rule set"
	if o.Dir == "" {
		rs, err = classify.Load(questionnaires.Shipped())
		if err == nil {
			if ps := rs.Lint(); len(ps) > 0 {
				err = ps
			}
		}
	} else {
		where = o.Dir
		rs, err = loadRulesDir(o.Dir, "")
	}
	var ps classify.Problems
	if errors.As(err, &ps) {
		for _, p := range ps {
			fmt.Fprintln(a.s.Err, present.Sanitize(p.Error()))
		}
		fmt.Fprintf(a.s.Err, "%s: %d problem(s)\n", where, ps.Total())
		return exitCodeError{exitInvalid}
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(a.s.Out, "ok: %s %s %s: %d questions, %d rules, %d parameters, %d sources\n",
		where, rs.ID(), rs.Version(), len(rs.Questions()), rs.RuleCount(), len(rs.Parameters()), len(rs.Sources()))
	return nil
}
