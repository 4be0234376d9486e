package cmd

import (
	"context"
	"errors"
	"io/fs"
	"os"

	"github.com/spf13/cobra"

	"b22/internal/fsutil"
	"b22/internal/service"
)

type memoOptions struct {
	File   string
	Format string
	Out    string
	Lang   string
	Date   string
	AsOf   string
	Force  bool
	// dates are --date and --as-of, read.
	dates service.MemoDates

	PreparedFor   string
	PreparedBy    string
	Matter        string
	Status        string
	Confidential  string
	ReferenceDOCX string
	AllLevers     bool
	Disclaimer    string
}

func newMemoCmd(a *app) *cobra.Command {
	opts := &memoOptions{}
	c := &cobra.Command{
		Use:   "memo [FILE|-]",
		Short: "Write a classification memo (md, html or docx) from an answers document",
		Long: `memo writes the classification memo for one answers document: the conclusion,
the facts as stated, the analysis of each sub-category with its legal basis and
confidence, the licence conditions, the open questions, what would change the
conclusion, neighbouring regimes, the licensing process and the sources. It renders the same result that
'b22 classify' prints and decides nothing itself.

The same answers and --date give byte-identical files, DOCX included.`,
		Example: `  b22 memo questionnaires/b22/examples/meeting-app.json --format html -o memo.html
  b22 memo answers.yaml --format docx --lang bilingual -o memo.docx
  b22 memo --lang zh --date 2026-11-26 - < answers.json > memo.md`,
		Args: takes(0, 1, takesAnswersFile),
		RunE: func(c *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.File = args[0]
			}
			if err := opts.check(a); err != nil {
				return err
			}
			return runMemo(a, opts)
		},
	}
	c.ValidArgsFunction = files(1, answersExts)
	f := c.Flags()
	enumFlag(c, f, &opts.Format, service.MemoFormat, "md", "memo format")
	f.StringVarP(&opts.Out, "output", "o", "", "write to `FILE` instead of stdout (atomically; see --force)")
	// -o completes any file name: the memo may be written anywhere.
	enumFlag(c, f, &opts.Lang, service.MemoLang, "", "language: {} (default from LANG: zh or en)")
	f.StringVar(&opts.Date, "date", "", "the date the memo is prepared, `YYYY-MM-DD` (default today)")
	f.StringVar(&opts.AsOf, "as-of", "", "apply the rules in force on `YYYY-MM-DD` (default: --date)")
	f.BoolVar(&opts.Force, "force", false, "overwrite an existing -o file")
	f.StringVar(&opts.PreparedFor, "prepared-for", "", "who the memo is prepared for (the client), printed in its header")
	f.StringVar(&opts.PreparedBy, "prepared-by", "", "who prepared the memo (counsel, the firm), printed in its header")
	f.StringVar(&opts.Matter, "matter", "", "the firm's matter `REFERENCE`, printed in the header")
	enumFlag(c, f, &opts.Status, service.MemoStatus, "", "{} (a draft is marked as such on every page)")
	f.StringVar(&opts.Confidential, "confidential", "", "a confidentiality `LINE` for the top of the memo and every page, e.g. \"Privileged & Confidential\"")
	f.StringVar(&opts.ReferenceDOCX, "reference-docx", "", "take styles, fonts, page size, header and footer from this Word template `FILE` (--format docx)")
	completeFlag(c, "reference-docx", files(-1, []string{"docx"}))
	f.BoolVar(&opts.AllLevers, "all-levers", false, "list in the sensitivity appendix every answer that moves the outcome, relabellings and withdrawals from the market included")
	f.StringVar(&opts.Disclaimer, "disclaimer", "", "end the memo with this `TEXT` instead of the default disclaimer, or none (default: the tool's disclaimer, only without --prepared-by)")
	// Dates and the header's words are the author's, not file names.
	for _, free := range []string{"date", "as-of", "prepared-for", "prepared-by", "matter", "confidential", "disclaimer"} {
		completeFlag(c, free, noFiles)
	}
	return c
}

// check validates the flags and fills in the defaults, before any input is
// read.
func (o *memoOptions) check(a *app) error {
	if o.Lang == "" {
		o.Lang = a.lang("")
	}
	if o.ReferenceDOCX != "" && o.Format != "docx" {
		return usageErrorf("--reference-docx applies to --format docx, not %s", o.Format)
	}
	dates, err := service.ParseMemoDates(a.today(), o.Date, o.AsOf)
	if err != nil {
		return err
	}
	o.dates = dates
	if o.Out == "-" {
		o.Out = ""
	}
	if o.Out == "" {
		if o.Format == "docx" && a.s.OutTTY {
			return usageErrorf("--format docx writes a binary file; give -o FILE or redirect stdout, not a terminal")
		}
		return nil
	}
	return checkTarget(o.Out, o.Force)
}

// checkTarget refuses, before any work, an -o target that WriteFile would
// refuse: a symbolic link, something other than a regular file, or an
// existing file without --force.
func checkTarget(path string, force bool) error {
	info, err := os.Lstat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return usageErrorf("-o %s: %v", path, errors.Unwrap(err))
	case info.Mode()&fs.ModeSymlink != 0:
		return usageErrorf("-o %s: is a symbolic link; refusing to write through it", path)
	case info.IsDir():
		return usageErrorf("-o %s: is a folder; give a file name", path)
	case !info.Mode().IsRegular():
		return usageErrorf("-o %s: not a regular file", path)
	case !force:
		return usageErrorf("-o %s: file exists (use --force to overwrite)", path)
	}
	return nil
}

func runMemo(a *app, o *memoOptions) error {
	svc, err := a.service()
	if err != nil {
		return err
	}
	doc, err := a.readDocument(o.File)
	if err != nil {
		return err
	}
	var ref []byte
	if o.ReferenceDOCX != "" {
		if ref, err = os.ReadFile(o.ReferenceDOCX); err != nil {
			return usageErrorf("--reference-docx %s: %v", o.ReferenceDOCX, errors.Unwrap(err))
		}
	}
	data, err := svc.Memo(context.Background(), service.MemoRequest{Document: doc, Dates: o.dates, Options: service.MemoOptions{
		Format: o.Format, Lang: o.Lang, PreparedFor: o.PreparedFor, PreparedBy: o.PreparedBy, Matter: o.Matter,
		Status: o.Status, Confidential: o.Confidential, ReferenceDOCX: ref, AllLevers: o.AllLevers, Disclaimer: o.Disclaimer}})
	if err != nil {
		return err
	}
	if o.Out == "" {
		_, err = a.s.Out.Write(data)
		return err
	}
	if err := fsutil.WriteFile(o.Out, data, fsutil.WriteOptions{Overwrite: o.Force}); err != nil {
		if errors.Is(err, fsutil.ErrExists) {
			return usageErrorf("%v", err)
		}
		return err
	}
	return nil
}
