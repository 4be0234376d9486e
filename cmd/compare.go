package cmd

import (
	"bufio"
	"errors"

	"github.com/spf13/cobra"

	"b22/classify"
	"b22/classify/answers"
	"b22/internal/compare"
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
		Args: usageArgs(cobra.RangeArgs(1, 2)),
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
	f := c.Flags()
	f.StringVar(&opts.Format, "format", "", "output `json` or text (default json, or text on a terminal)")
	f.StringVar(&opts.Lang, "lang", "", "language of the text format: zh or en (default from LANG)")
	f.StringVar(&opts.AsOf, "as-of", "", "apply the rules in force on `YYYY-MM-DD` (default today); both sides unless --to-as-of")
	f.StringVar(&opts.ToAsOf, "to-as-of", "", "apply the rules in force on `YYYY-MM-DD` to the second side")
	f.StringVar(&opts.ToRules, "to-rules", "", "load the second side's rules from `DIR` (the first's: --rules, or the embedded ones)")
	return c
}

func (o *compareOptions) check(a *app, files int) error {
	if o.Format == "" {
		o.Format = "json"
		if a.s.OutTTY {
			o.Format = "text"
		}
	}
	if o.Format != "json" && o.Format != "text" {
		return usageErrorf("--format %q: allowed: json, text", o.Format)
	}
	if files == 1 && o.ToAsOf == "" && o.ToRules == "" {
		return usageErrorf("compare needs two answers files, or one with --to-as-of or --to-rules to compare it with itself (see 'b22 compare --help')")
	}
	if files == 2 && isStdin(o.FileA) && isStdin(o.FileB) {
		return usageErrorf("only one of the two answers files can be '-' (stdin)")
	}
	lang, err := a.lang(o.Lang)
	o.Lang = lang
	return err
}

func isStdin(path string) bool { return path == "-" }

// side is one assessment of a comparison: its rules, date and answers.
type side struct {
	rs     *classify.RuleSet
	parser *answers.Parser
	asOf   classify.Date
	// asOfFlag names the flag the date came from, for messages.
	asOfFlag string
	res      *classify.Result
}

func runCompare(a *app, o *compareOptions) error {
	asOfA, err := a.asOf(o.AsOf)
	if err != nil {
		return err
	}
	asOfB, asOfFlagB := asOfA, "--as-of"
	if o.ToAsOf != "" {
		asOfFlagB = "--to-as-of"
		if asOfB, err = classify.ParseDate(o.ToAsOf); err != nil {
			return usageErrorf("--to-as-of %q: expected a date YYYY-MM-DD", o.ToAsOf)
		}
	}
	rsA, err := a.ruleSet()
	if err != nil {
		return err
	}
	sa := &side{rs: rsA, parser: a.answersParser(), asOf: asOfA, asOfFlag: "--as-of"}
	sb := &side{rs: rsA, parser: sa.parser, asOf: asOfB, asOfFlag: asOfFlagB}
	if o.ToRules != "" {
		// The second rule set passes the same checks as --rules and 'b22 lint'.
		if sb.rs, err = loadRulesDir(o.ToRules, "--to-rules "); err != nil {
			return err
		}
		sb.parser = answers.New(sb.rs)
	}

	// Each file is read once: stdin cannot be read twice, and a file
	// compared with itself is the same document on both sides.
	nameA, dataA, formatA, err := a.readDocument(o.FileA)
	if err != nil {
		return err
	}
	nameB, dataB, formatB := nameA, dataA, formatA
	if o.FileB != o.FileA {
		if nameB, dataB, formatB, err = a.readDocument(o.FileB); err != nil {
			return err
		}
	}
	if err := sa.evaluate(nameA, dataA, formatA); err != nil {
		return err
	}
	if err := sb.evaluate(nameB, dataB, formatB); err != nil {
		return err
	}

	d := compare.Results(sa.res, sb.res)
	d.A.File, d.B.File = nameA, nameB
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
		compare.WriteText(w, sb.rs, d, compare.TextOptions{Lang: o.Lang, Width: a.width(), Color: a.color()})
	} else {
		err = writeJSON(w, d, true)
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
func (s *side) evaluate(name string, data []byte, format answers.Format) error {
	doc, err := s.parser.Parse(name, data, format)
	if err != nil {
		return err
	}
	s.res, err = s.rs.Evaluate(doc, classify.Options{AsOf: s.asOf})
	if errors.Is(err, classify.ErrAsOf) {
		return usageErrorf("%s: %v", s.asOfFlag, err)
	}
	return err
}
