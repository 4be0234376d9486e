package cmd

import (
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"b22/classify"
	"b22/report"
)

type validateOptions struct {
	File   string
	Format string
}

func newValidateCmd(a *app, runF func(*validateOptions) error) *cobra.Command {
	opts := &validateOptions{}
	c := &cobra.Command{
		Use:   "validate [FILE|-]",
		Short: "Check an answers document and list every problem in it",
		Example: `  b22 validate answers.json
  b22 validate --format json - < answers.yaml`,
		Args: usageArgs(cobra.MaximumNArgs(1)),
		RunE: func(c *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.File = args[0]
			}
			if opts.Format != "text" && opts.Format != "json" {
				return usageErrorf("--format %q: allowed: text, json", opts.Format)
			}
			if runF != nil {
				return runF(opts)
			}
			return runValidate(a, opts)
		},
	}
	c.Flags().StringVar(&opts.Format, "format", "text", "output `text` or json")
	return c
}

// validation is the JSON report of 'b22 validate --format json'.
type validation struct {
	Valid      bool               `json:"valid"`
	Problems   []classify.Problem `json:"problems"`
	Answered   []string           `json:"answered"`
	Unanswered []string           `json:"unanswered"`
	// NotAsked are answered questions that the other answers make
	// irrelevant (phone access with no voice): kept, but worth a look.
	NotAsked []string `json:"not_asked"`
}

func runValidate(a *app, o *validateOptions) error {
	rs, doc, err := a.parseDocument(o.File)
	var ps classify.Problems
	if err != nil && !errors.As(err, &ps) {
		return err
	}
	v := validation{Valid: err == nil, Problems: []classify.Problem(ps), Answered: []string{}, Unanswered: []string{}, NotAsked: []string{}}
	if v.Problems == nil {
		v.Problems = []classify.Problem{}
	}
	if doc != nil {
		asked := rs.AskedAll(doc.Answers)
		for i, q := range rs.Questions {
			switch {
			case doc.Answers[i].Known && !asked[i]:
				v.Answered = append(v.Answered, q.ID)
				v.NotAsked = append(v.NotAsked, q.ID)
			case doc.Answers[i].Known:
				v.Answered = append(v.Answered, q.ID)
			default:
				v.Unanswered = append(v.Unanswered, q.ID)
			}
		}
	}
	if o.Format == "json" {
		if err := writeJSON(a.s.Out, v, true); err != nil {
			return err
		}
	} else if v.Valid {
		fmt.Fprintf(a.s.Out, "valid: %d of %d questions answered\n", len(v.Answered), len(v.Answered)+len(v.Unanswered))
		if len(v.Unanswered) > 0 {
			fmt.Fprintf(a.s.Out, "not known: %s\n", strings.Join(v.Unanswered, ", "))
		}
		if len(v.NotAsked) > 0 {
			fmt.Fprintf(a.s.Out, "answered, though the other answers make them irrelevant: %s\n", strings.Join(v.NotAsked, ", "))
		}
	} else {
		for _, p := range ps {
			fmt.Fprintln(a.s.Err, report.Sanitize(p.Error()))
		}
		fmt.Fprintf(a.s.Err, "%d problem(s)\n", ps.Total())
	}
	if !v.Valid {
		return exitCodeError{exitInvalid}
	}
	return nil
}
