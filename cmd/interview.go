package cmd

import (
	"github.com/spf13/cobra"
)

type interviewOptions struct {
	Lang       string
	Answers    string
	Accessible bool
}

func newInterviewCmd(a *app, runF func(*interviewOptions) error) *cobra.Command {
	opts := &interviewOptions{}
	c := &cobra.Command{
		Use:   "interview",
		Short: "Answer the questionnaire interactively",
		Args:  usageArgs(cobra.NoArgs),
		RunE: func(c *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return runInterview(a, opts)
		},
	}
	c.Flags().StringVar(&opts.Lang, "lang", "", "language: zh or en (default from LANG)")
	c.Flags().StringVar(&opts.Answers, "answers", "", "pre-fill from and autosave to `FILE`")
	c.Flags().BoolVar(&opts.Accessible, "accessible", false, "plain numbered prompts, line by line")
	return c
}

func runInterview(a *app, o *interviewOptions) error {
	return usageErrorf("the interview is not available in this build")
}
