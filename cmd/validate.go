package cmd

import (
	"context"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"b22/classify"
	"b22/internal/present"
)

type validateOptions struct {
	File   string
	Format string
}

func newValidateCmd(a *app) *cobra.Command {
	opts := &validateOptions{}
	c := &cobra.Command{
		Use:   "validate [FILE|-]",
		Short: "Check an answers document and list every problem in it",
		Long: `validate checks one answers document, JSON or YAML, from FILE, or from
standard input when FILE is - or left out, and lists every problem in it,
not just the first: each with file:line:column, the key, the value and what
is allowed (with a "did you mean" where one is close).

A valid document gets how many of the questions that apply are answered,
which are not known, which are not asked given the other answers, and which
are answered though the other answers make them irrelevant. --format json
writes the same as {"valid", "problems", "answered", "unanswered",
"not_asked", "not_applicable"} (see docs/contract.md).

Exit codes: 0 valid, 2 invalid (the problems on standard error, or in the
JSON), 1 anything else.`,
		Example: `  b22 validate answers.json
  b22 validate --format json - < answers.yaml`,
		Args: takes(0, 1, takesAnswersFile),
		RunE: func(c *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.File = args[0]
			}
			return runValidate(a, opts)
		},
	}
	c.ValidArgsFunction = files(1, answersExts)
	enumFlag(c, c.Flags(), &opts.Format, textOrJSON, "text", "output")
	return c
}

func runValidate(a *app, o *validateOptions) error {
	svc, err := a.service()
	if err != nil {
		return err
	}
	doc, err := a.readDocument(o.File)
	if err != nil {
		return err
	}
	v, err := svc.Validate(context.Background(), doc)
	if err != nil {
		return err
	}
	switch {
	case o.Format == "json":
		if _, err := a.s.Out.Write(v.JSON()); err != nil {
			return err
		}
	case v.Valid:
		fmt.Fprintf(a.s.Out, "valid: %d of %d questions answered\n", len(v.Answered), len(v.Answered)+len(v.Unanswered))
		if len(v.Unanswered) > 0 {
			fmt.Fprintf(a.s.Out, "not known: %s\n", strings.Join(v.Unanswered, ", "))
		}
		if len(v.NotApplicable) > 0 {
			fmt.Fprintf(a.s.Out, "not asked, given the other answers: %s\n", strings.Join(v.NotApplicable, ", "))
		}
		if len(v.NotAsked) > 0 {
			fmt.Fprintf(a.s.Out, "answered, though the other answers make them irrelevant: %s\n", strings.Join(v.NotAsked, ", "))
		}
	default:
		for _, p := range v.Problems {
			fmt.Fprintln(a.s.Err, present.Sanitize(p.Error()))
		}
		fmt.Fprintf(a.s.Err, "%d problem(s)\n", classify.Problems(v.Problems).Total())
	}
	if !v.Valid {
		return exitCodeError{exitInvalid}
	}
	return nil
}
