package cmd

import (
	"bufio"
	"context"
	"strings"

	"github.com/spf13/cobra"

	"b22/classify"
	"b22/classify/resultjson"
	"b22/internal/report"
	"b22/internal/service"
)

type classifyOptions struct {
	File        string
	Format      string
	JSONL       bool
	AsOf        string
	ExitStatus  bool
	Lang        string
	Fields      []string
	Levers      bool
	fieldsGiven bool
	fieldSet    resultjson.Fields
}

func newClassifyCmd(a *app) *cobra.Command {
	opts := &classifyOptions{}
	c := &cobra.Command{
		Use:   "classify [FILE|-]",
		Short: "Classify an answers document (JSON or YAML) and print the result",
		Long: `classify reads one answers document, JSON or YAML, from FILE, or from
standard input when FILE is - or left out, and prints the result: the verdict,
the sub-categories with their reasons and legal basis, the licence, its
conditions, the open questions and neighbouring regimes.

The result is JSON when standard output is not a terminal (a file, a pipe)
and text for people on a terminal; --format json or text chooses either way.
--jq, --template and --fields always write JSON. The same answers, date and
rule set give the same bytes.

--jsonl reads one document per line and writes one result per line, in
input order, each starting with "line", the input line it answers. A line
that cannot be classified gives an error object in its place,
{"line": N, "error": {"message": ..., "problems": [...]}}, its problems go
to standard error, the run goes on, and the exit code is 2 when any line
was invalid.

Exit codes: 0 done, 2 bad usage or an invalid document (the message names
the file, line:column, the key and what is allowed), 1 anything else; with
--exit-status, 0 unlikely, 10 likely, 11 possible, 12 undetermined.`,
		Example: `  b22 classify questionnaires/b22/examples/meeting-app.json
  b22 classify --format text --lang zh answers.yaml
  b22 classify --as-of 2019-01-01 --exit-status answers.json; echo $?
  b22 classify --jsonl portfolio.jsonl > results.jsonl
  b22 classify --jsonl --fields verdict,subcategories,licence portfolio.jsonl
  b22 classify --jsonl --levers portfolio.jsonl`,
		Args: takes(0, 1, takesAnswersFile),
		RunE: func(c *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.File = args[0]
			}
			opts.fieldsGiven = c.Flags().Changed("fields")
			if err := opts.check(a); err != nil {
				return err
			}
			return runClassify(a, opts)
		},
	}
	c.ValidArgsFunction = files(1, streamExts)
	f := c.Flags()
	enumFlag(c, f, &opts.Format, jsonOrText, "", "output {} (default json, or text on a terminal)")
	f.BoolVar(&opts.JSONL, "jsonl", false, "read one answers document per line, write one result per line")
	f.StringVar(&opts.AsOf, "as-of", "", "apply the rules in force on `YYYY-MM-DD` (default today)")
	completeFlag(c, "as-of", noFiles)
	f.BoolVar(&opts.ExitStatus, "exit-status", false, "exit 0 unlikely, 10 likely, 11 possible, 12 undetermined")
	enumFlag(c, f, &opts.Lang, service.Lang, "", "language of the text format: {} (default from LANG)")
	f.StringSliceVar(&opts.Fields, "fields", nil, "write only these top-level result `fields` (comma-separated; JSON only)")
	completeFlag(c, "fields", completeFields)
	f.BoolVar(&opts.Levers, "levers", false, "with --jsonl, also list what would change each verdict and the routes to compliance (one document always has them)")
	return c
}

func (o *classifyOptions) check(a *app) error {
	if o.Format == "" {
		o.Format = "json"
		if a.s.OutTTY && !o.JSONL && !o.fieldsGiven { // --fields asks for JSON
			o.Format = "text"
		}
	}
	if o.JSONL && o.Format != "json" {
		return usageErrorf("--jsonl writes JSON lines; it takes no --format %s", o.Format)
	}
	// A comma escaped for the shell ("verdict\,licence", as zsh
	// completion writes it when quoted) still separates fields.
	for i, f := range o.Fields {
		o.Fields[i] = strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(f), "\\"), "\\")
	}
	if len(o.Fields) > 0 && o.Format != "json" {
		return usageErrorf("--fields picks fields of the JSON result; it takes no --format %s", o.Format)
	}
	set, err := service.ParseFields(o.fieldsGiven, o.Fields)
	if err != nil {
		return err
	}
	o.fieldSet = set
	if o.JSONL && o.ExitStatus {
		return usageErrorf("--exit-status needs a single document; --jsonl exits 0 when every line was classified and 2 otherwise")
	}
	o.Lang = a.lang(o.Lang)
	return nil
}

func runClassify(a *app, o *classifyOptions) error {
	asOf, err := a.asOf(o.AsOf)
	if err != nil {
		return err
	}
	svc, err := a.service()
	if err != nil {
		return err
	}
	if o.JSONL {
		return a.classifyStream(svc, o.File, asOf, o.fieldSet, o.Levers)
	}
	doc, err := a.readDocument(o.File)
	if err != nil {
		return err
	}
	c, err := svc.Classify(context.Background(), service.ClassifyRequest{Document: doc, AsOf: asOf, Fields: o.fieldSet})
	if err != nil {
		return err
	}
	w := bufio.NewWriter(a.s.Out)
	if o.Format == "text" {
		report.WriteText(w, c.RuleSet, c.Document, c.Result, report.TextOptions{Lang: o.Lang, Width: a.width(), Color: a.color()})
	} else {
		_, err = w.Write(c.JSON())
	}
	if ferr := w.Flush(); err == nil {
		err = ferr
	}
	if err != nil {
		return err
	}
	if o.ExitStatus {
		return verdictExit(c.Result.Verdict)
	}
	return nil
}

func verdictExit(verdict classify.Verdict) error {
	code := map[classify.Verdict]int{classify.VerdictLikely: exitLikely, classify.VerdictPossible: exitPossible, classify.VerdictUndetermined: exitUndetermined}[verdict]
	if code == 0 {
		return nil
	}
	return exitCodeError{code}
}
