package cmd

import (
	"github.com/spf13/cobra"
)

type memoOptions struct {
	File   string
	Format string
	Out    string
	Lang   string
	Date   string
	AsOf   string
	Force  bool
}

func newMemoCmd(a *app, runF func(*memoOptions) error) *cobra.Command {
	opts := &memoOptions{}
	c := &cobra.Command{
		Use:   "memo [FILE|-]",
		Short: "Write a classification memo (md, html or docx) from an answers document",
		Args:  usageArgs(cobra.MaximumNArgs(1)),
		RunE: func(c *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.File = args[0]
			}
			if runF != nil {
				return runF(opts)
			}
			return usageErrorf("the memo is not available in this build")
		},
	}
	f := c.Flags()
	f.StringVar(&opts.Format, "format", "md", "memo format: md, html or docx")
	f.StringVarP(&opts.Out, "output", "o", "", "write to `FILE` instead of stdout")
	f.StringVar(&opts.Lang, "lang", "", "zh, en or bilingual")
	f.StringVar(&opts.Date, "date", "", "the date the memo is prepared, YYYY-MM-DD (default today)")
	f.StringVar(&opts.AsOf, "as-of", "", "apply the rules in force on YYYY-MM-DD (default: --date)")
	f.BoolVar(&opts.Force, "force", false, "overwrite an existing -o file")
	return c
}
