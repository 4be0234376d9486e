package cmd

import (
	"bufio"
	"context"
	"errors"

	"github.com/spf13/cobra"

	"b22/classify"
	"b22/internal/compare"
	"b22/internal/service"
)

type compareOptions struct {
	// FileA and FileB are the two answers files; FileB is FileA when one
	// file is compared with itself under two dates or rule sets.
	FileA, FileB string
	Format       string
	Lang         string
	AsOf         string
	ToAsOf       string
	ToRules      string
}

func newCompareCmd(a *app) *cobra.Command {
	opts := &compareOptions{}
	c := &cobra.Command{
		Use:   "compare FILE [FILE2]",
		Short: "Show what changed between two assessments",
		Long: `compare classifies two assessments and shows what changed from the first
to the second: the verdict, sub-categories, exclusions, the licence, its
conditions, neighbouring regimes, the open questions and whether an
existing licence covers the service.

The two sides are two answers files (the product before and after a
change), or one file under two dates (--as-of and --to-as-of) or two rule
sets (--rules and --to-rules), or any mix of these. --as-of and --rules
apply to both sides unless the --to- flag gives the second its own.

Conclusions are compared, and across two dates or rule sets the law behind a
licence condition or regime that holds on both: "the law behind X changed",
with both citations. Not the reasons or wording; 'b22 classify' gives each
side in full.

Exit status: 0 nothing changed, 3 something changed (where diff(1) says 1,
which in b22 is a failure), 2 bad usage or input, 1 a failure.`,
		Example: `  b22 compare before.json after.yaml
  b22 compare answers.json --as-of 2019-07-29 --to-as-of 2026-11-01
  b22 --rules old/ compare answers.json --to-rules new/
  b22 compare --format text --lang zh before.json after.json`,
		Args: takes(1, 2, needsTwoAnswers),
		RunE: func(c *cobra.Command, args []string) error {
			opts.FileA, opts.FileB = args[0], args[0]
			if len(args) == 2 {
				opts.FileB = args[1]
			}
			if err := opts.check(a, len(args)); err != nil {
				return err
			}
			return runCompare(a, opts)
		},
	}
	c.ValidArgsFunction = files(2, answersExts)
	f := c.Flags()
	enumFlag(c, f, &opts.Format, jsonOrText, "", "output {} (default json, or text on a terminal)")
	enumFlag(c, f, &opts.Lang, service.Lang, "", "language of the text format: {} (default from LANG)")
	f.StringVar(&opts.AsOf, "as-of", "", "apply the rules in force on `YYYY-MM-DD` (default today); both sides unless --to-as-of")
	completeFlag(c, "as-of", noFiles)
	f.StringVar(&opts.ToAsOf, "to-as-of", "", "apply the rules in force on `YYYY-MM-DD` to the second side")
	completeFlag(c, "to-as-of", noFiles)
	f.StringVar(&opts.ToRules, "to-rules", "", "load the second side's rules from `DIR` (the first's: --rules, or the embedded ones)")
	completeFlag(c, "to-rules", completeDirs)
	return c
}

func (o *compareOptions) check(a *app, files int) error {
	if o.Format == "" {
		o.Format = "json"
		if a.s.OutTTY {
			o.Format = "text"
		}
	}
	if files == 1 && o.ToAsOf == "" && o.ToRules == "" {
		return argsError("b22 compare", needsTwoAnswers, []string{o.FileA}, "")
	}
	if files == 2 && isStdin(o.FileA) && isStdin(o.FileB) {
		return usageErrorf("only one of the two answers files can be '-' (stdin)")
	}
	o.Lang = a.lang(o.Lang)
	return nil
}

func isStdin(path string) bool { return path == "-" }

// side is one assessment of a comparison: its rules, date and answers.
type side struct {
	svc  *service.Service
	asOf classify.Date
	// asOfFlag names the flag the date came from, for messages.
	asOfFlag service.Option
	res      *classify.Result
}

func runCompare(a *app, o *compareOptions) error {
	asOfA, err := a.asOf(o.AsOf)
	if err != nil {
		return err
	}
	asOfB, asOfFlagB := asOfA, service.OptAsOf
	if o.ToAsOf != "" {
		asOfFlagB = "to-as-of"
		if asOfB, err = service.ParseDate(asOfFlagB, o.ToAsOf); err != nil {
			return err
		}
	}
	svcA, err := a.service()
	if err != nil {
		return err
	}
	sa := &side{svc: svcA, asOf: asOfA, asOfFlag: service.OptAsOf}
	sb := &side{svc: svcA, asOf: asOfB, asOfFlag: asOfFlagB}
	if o.ToRules != "" {
		// The second rule set passes the same checks as --rules and 'b22 lint'.
		rsB, err := loadRulesDir(o.ToRules, "--to-rules ")
		if err != nil {
			return err
		}
		sb.svc = service.New(rsB, a.now)
	}

	// Each file is read once: stdin cannot be read twice, and a file
	// compared with itself is the same document on both sides.
	docA, err := a.readDocument(o.FileA)
	if err != nil {
		return err
	}
	docB := docA
	if o.FileB != o.FileA {
		if docB, err = a.readDocument(o.FileB); err != nil {
			return err
		}
	}
	if err := sa.evaluate(docA); err != nil {
		return err
	}
	if err := sb.evaluate(docB); err != nil {
		return err
	}

	d := compare.Results(sa.res, sb.res)
	d.A.File, d.B.File = docA.Name, docB.Name
	if a.rulesDir != "" {
		d.A.RulesDir = &a.rulesDir
		if o.ToRules == "" {
			d.B.RulesDir = &a.rulesDir
		}
	}
	if o.ToRules != "" {
		d.B.RulesDir = &o.ToRules
	}

	w := bufio.NewWriter(a.s.Out)
	if o.Format == "text" {
		compare.WriteText(w, sb.svc.RuleSet(), d, compare.TextOptions{Lang: o.Lang, Width: a.width(), Color: a.color()})
	} else {
		err = service.WriteJSON(w, d, true)
	}
	if ferr := w.Flush(); err == nil {
		err = ferr
	}
	if err != nil {
		return err
	}
	if d.Changed {
		return exitCodeError{exitChanged}
	}
	return nil
}

// evaluate parses the answers with the side's rule set and classifies them
// as of the side's date.
func (s *side) evaluate(d service.Document) error {
	doc, err := s.svc.Parse(context.Background(), d)
	if err != nil {
		return err
	}
	s.res, err = s.svc.RuleSet().Evaluate(doc, classify.Options{AsOf: s.asOf})
	if errors.Is(err, classify.ErrAsOf) {
		return usageErrorf("%s: %v", s.asOfFlag, err)
	}
	return err
}
