package cmd

import (
	"github.com/spf13/cobra"

	"b22/internal/service"
)

type questionsOptions struct {
	Format string
	Lang   string
}

func newQuestionsCmd(a *app) *cobra.Command {
	opts := &questionsOptions{}
	c := &cobra.Command{
		Use:   "questions",
		Short: "Print the questionnaire: every question, its type, allowed values and texts",
		Long: `questions prints the questionnaire of the rule set (the embedded one, or
--rules DIR): every question with its answer key, type, allowed values and
range, its texts and help in Chinese and English, and when it is asked.

JSON when standard output is not a terminal, Markdown (as docs/questions.md)
on one; --format json or md chooses either way. Scripts use the JSON to build
answers documents; the keys and values are the contract's.`,
		Example: `  b22 questions --format md > QUESTIONS.md
  b22 questions --format json | jq '.questions[].id'`,
		Args: takes(0, 0, takesNothing),
		RunE: func(c *cobra.Command, args []string) error {
			if opts.Format == "" {
				opts.Format = "json"
				if a.s.OutTTY {
					opts.Format = "md"
				}
			}
			return runQuestions(a, opts)
		},
	}
	c.ValidArgsFunction = cobra.NoFileCompletions
	enumFlag(c, c.Flags(), &opts.Format, service.QuestionsFormat, "", "output {} (default json, or md on a terminal)")
	return c
}

func runQuestions(a *app, o *questionsOptions) error {
	svc, err := a.service()
	if err != nil {
		return err
	}
	data, err := svc.Questions(o.Format)
	if err != nil {
		return err
	}
	_, err = a.s.Out.Write(data)
	return err
}
