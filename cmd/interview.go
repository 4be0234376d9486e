package cmd

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/spf13/cobra"

	"b22/classify"
	"b22/classify/resultjson"
	"b22/internal/memo"
	"b22/internal/service"
	"b22/tui"
)

// defaultAnswersFile is where the interview saves when --answers is not given.
const defaultAnswersFile = "b22-answers.json"

type interviewOptions struct {
	Lang       string
	Answers    string
	Accessible bool
}

func newInterviewCmd(a *app) *cobra.Command {
	opts := &interviewOptions{}
	c := &cobra.Command{
		Use:   "interview",
		Short: "Answer the questionnaire interactively",
		Long: `interview asks the questions one at a time, by section, shows where the
answers lead as you go, lets you review and change any answer, and ends with
the result: the verdict, the sub-categories with reasons and legal basis, the
licence scope and authority, the licence conditions, and the open questions.

Every answer is saved at once to the answers file (--answers, by default
b22-answers.json in the current folder), atomically: ctrl+c, a closed
terminal or a crash lose nothing. Run it again to resume, or start over
(the old answers are kept in a backup). A partly filled file is a valid
answers document: 'b22 classify FILE' works on it, and the interview asks
only what is missing. An existing file that is not a valid answers
document is never overwritten.

On a terminal the interview is full-screen and draws on stderr; with
--accessible, TERM=dumb, or no terminal on stdin it asks line by line with
numbered prompts, reading stdin (end of input saves and stops). When stdout
is not a terminal, the result is written to it as JSON at the end, so
'b22 interview > result.json' keeps the result.`,
		Example: `  b22 interview
  b22 interview --lang zh --answers acme.json
  b22 interview --accessible < answers.txt > result.json`,
		Args: takes(0, 0, takesNothing+" (the answers file goes with --answers FILE)"),
		RunE: func(c *cobra.Command, args []string) error {
			return runInterview(a, opts)
		},
	}
	c.ValidArgsFunction = cobra.NoFileCompletions
	enumFlag(c, c.Flags(), &opts.Lang, service.Lang, "", "language: {} (default from LANG; ctrl+l switches)")
	c.Flags().StringVar(&opts.Answers, "answers", "", "pre-fill from and autosave to `FILE` (default b22-answers.json in the current folder)")
	completeFlag(c, "answers", files(-1, answersExts))
	c.Flags().BoolVar(&opts.Accessible, "accessible", false, "plain numbered prompts, line by line (also with TERM=dumb or no terminal)")
	return c
}

func runInterview(a *app, o *interviewOptions) error {
	lang := a.lang(o.Lang)
	svc, err := a.service()
	if err != nil {
		return err
	}
	rs := svc.RuleSet()
	path := o.Answers
	if path == "" {
		path = defaultAnswersFile
	}
	if path == "-" {
		return usageErrorf("--answers -: the interview saves its answers to a file; give a file name")
	}
	resume, data, err := readSavedAnswers(rs, path)
	if err != nil {
		return err
	}
	asOf := classify.DateOf(a.now())
	opts := tui.Options{RuleSet: rs, Lang: lang, AsOf: asOf, Path: path, Resume: resume, ResumeData: data}
	plain := o.Accessible || a.s.getenv("TERM") == "dumb" || !a.s.InTTY || !a.s.ErrTTY
	var out *tui.Outcome
	if plain {
		out, err = tui.RunAccessible(opts, a.s.In, a.s.Err, a.width())
	} else {
		opts.Renderer = tui.NewRenderer(a.s.Err, a.colorProfile(a.s.ErrTTY))
		opts.Memo = func(doc *classify.Document, res *classify.Result, lang string) ([]byte, error) {
			return memo.Render(rs, doc, res, memo.Options{Format: "md", Lang: lang, Date: asOf})
		}
		out, err = tui.Run(opts, a.s.In, a.s.Err)
	}
	if err != nil {
		return err
	}
	if !a.s.OutTTY && out.Result != nil {
		if _, err := a.s.Out.Write(svc.Encoder().Indent(out.Result, resultjson.AllFields)); err != nil {
			return err
		}
	}
	if out.SaveErr != nil {
		return fmt.Errorf("the answers could not be saved to %s: %w", path, out.SaveErr)
	}
	if line := out.ExitLine(rs, path); !plain && line != "" {
		fmt.Fprintln(a.s.Err, line)
	}
	return nil
}

// readSavedAnswers reads the answers file to resume, if there is one. A
// file that is not a valid answers document is an error (exit 2): the
// interview never overwrites what it cannot read.
func readSavedAnswers(rs *classify.RuleSet, path string) (*tui.Session, []byte, error) {
	info, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, nil, nil
	case err != nil:
		return nil, nil, inputErrorf("--answers %s: %v", path, errors.Unwrap(err))
	case info.IsDir():
		return nil, nil, inputErrorf("--answers %s: is a folder; give an answers file", path)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, inputErrorf("--answers %s: %v", path, errors.Unwrap(err))
	}
	keep := fmt.Sprintf("%s was not changed: fix it ('b22 validate %s' lists every problem), move it away, or pass --answers with another file", path, path)
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, nil, inputErrorf("%s: empty file; expected an answers document\n%s", path, keep)
	}
	s, err := tui.ParseSession(rs, path, data)
	if err != nil {
		return nil, nil, fmt.Errorf("%w\n%s", err, keep)
	}
	return s, data, nil
}
