package cmd

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

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
		Args: usageArgs(cobra.MaximumNArgs(1)),
		RunE: func(c *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.File = args[0]
			}
			if opts.Format != "text" && opts.Format != "json" {
				return usageErrorf("--format %q: allowed: text, json", opts.Format)
			}
			return runValidate(a, opts)
		},
	}
	c.Flags().StringVar(&opts.Format, "format", "text", "output `text` or json")
	return c
}

// escapeBidi writes the bidirectional embedding, override and isolate
// characters (U+202A–U+202E, U+2066–U+2069) of JSON text as \u escapes:
// the same strings to a program, but a key name cannot reorder what a
// person reading the output in a terminal sees. Outside strings JSON has
// only ASCII, so every such character is inside a string.
func escapeBidi(b []byte) []byte {
	if !bytes.ContainsAny(b, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069") {
		return b
	}
	out := make([]byte, 0, len(b)+32)
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		if (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) {
			out = fmt.Appendf(out, `\u%04x`, r)
		} else {
			out = append(out, b[:n]...)
		}
		b = b[n:]
	}
	return out
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
	// NotApplicable are unanswered questions that the other answers
	// make irrelevant: never asked, so not "not known" either.
	NotApplicable []string `json:"not_applicable"`
}

func runValidate(a *app, o *validateOptions) error {
	rs, doc, err := a.parseDocument(o.File)
	var ps classify.Problems
	if err != nil && !errors.As(err, &ps) {
		return err
	}
	v := validation{Valid: err == nil, Problems: []classify.Problem(ps), Answered: []string{}, Unanswered: []string{}, NotAsked: []string{}, NotApplicable: []string{}}
	if v.Problems == nil {
		v.Problems = []classify.Problem{}
	}
	if doc != nil {
		asked := rs.AskedAll(doc.Answers)
		for i, q := range rs.Questions() {
			switch {
			case doc.Answers[i].Known && !asked[i]:
				v.Answered = append(v.Answered, q.ID)
				v.NotAsked = append(v.NotAsked, q.ID)
			case doc.Answers[i].Known:
				v.Answered = append(v.Answered, q.ID)
			case !asked[i]:
				v.NotApplicable = append(v.NotApplicable, q.ID)
			default:
				v.Unanswered = append(v.Unanswered, q.ID)
			}
		}
	}
	if o.Format == "json" {
		var b bytes.Buffer
		if err := writeJSON(&b, v, true); err != nil {
			return err
		}
		if _, err := a.s.Out.Write(escapeBidi(b.Bytes())); err != nil {
			return err
		}
	} else if v.Valid {
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
	} else {
		for _, p := range ps {
			fmt.Fprintln(a.s.Err, present.Sanitize(p.Error()))
		}
		fmt.Fprintf(a.s.Err, "%d problem(s)\n", ps.Total())
	}
	if !v.Valid {
		return exitCodeError{exitInvalid}
	}
	return nil
}
