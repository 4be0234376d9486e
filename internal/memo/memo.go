package memo

import (
	"errors"
	"fmt"
	"strings"

	"b22/classify"
	"b22/internal/outline"
)

// Formats and languages Render accepts.
var (
	Formats   = []string{"md", "html", "docx"}
	Languages = []string{"zh", "en", "bilingual"}
)

// ErrOptions is returned for an unknown format or language.
var ErrOptions = errors.New("bad memo options")

// Options choose the memo's format, language and date.
type Options struct {
	// Format is md, html or docx.
	Format string
	// Lang is zh, en or bilingual (each section in Chinese, then English).
	Lang string
	// Date is the day the memo is prepared; the zero Date means the result's
	// as-of date. It also fixes the DOCX timestamps, so that the same answers
	// and date give the same bytes.
	Date classify.Date

	// The memo's header, all optional: who it is prepared for and by, the
	// firm's matter reference, whether it is a draft or final (a draft
	// carries the word across every page), and a confidentiality line for
	// every page. They are untrusted text, escaped like the answers.
	PreparedFor  string
	PreparedBy   string
	Matter       string
	Status       string // "", "draft" or "final"
	Confidential string

	// ReferenceDOCX is a firm's Word template (a .docx file's bytes): a
	// DOCX memo takes its styles, theme, fonts, page size and margins, and
	// its header and footer, as pandoc's --reference-doc does. Ignored by
	// the other formats.
	ReferenceDOCX []byte

	// AllLevers lists in the sensitivity appendix every answer that moves
	// the outcome, the relabellings of use cases and the withdrawals from
	// the market or the users included; by default they are left out.
	AllLevers bool

	// Disclaimer replaces the rule set's closing disclaimer ("not legal
	// advice") with the author's text, or drops it when "none". Left empty,
	// a memo carries the rule set's disclaimer unless PreparedBy is set: a
	// memo counsel prepares does not disclaim being advice.
	Disclaimer string
}

// Statuses Render accepts for Options.Status.
var Statuses = []string{"", "draft", "final"}

// Render writes the memo for res, the result of rs.Evaluate with Levers
// set. A result evaluated without levers has them worked out here, so that the memo never says nothing would change a conclusion
// it was merely not told about. That is all Render reads of the result:
// the memo sets out its outline (outline.Result), the same parts in the
// same words as the text report and the interview. It reads the clock of
// nobody: everything shown comes from its arguments.
func Render(rs *classify.RuleSet, doc *classify.Document, res *classify.Result, o Options) ([]byte, error) {
	if !contains(Formats, o.Format) {
		return nil, fmt.Errorf("%w: format %q; allowed: %s", ErrOptions, o.Format, strings.Join(Formats, ", "))
	}
	if !contains(Languages, o.Lang) {
		return nil, fmt.Errorf("%w: language %q; allowed: %s", ErrOptions, o.Lang, strings.Join(Languages, ", "))
	}
	if !contains(Statuses, o.Status) {
		return nil, fmt.Errorf("%w: status %q; allowed: %s", ErrOptions, o.Status, strings.Join(Statuses[1:], ", "))
	}
	if rs == nil || doc == nil || res == nil {
		return nil, errors.New("memo: rule set, document and result are required")
	}
	if len(doc.Answers) != len(rs.Questions()) {
		return nil, fmt.Errorf("memo: answers for %d questions; the rule set has %d", len(doc.Answers), len(rs.Questions()))
	}
	if o.Date.IsZero() {
		o.Date = res.Questionnaire.AsOf
	}
	if res.Levers == nil || res.Routes == nil {
		full, err := rs.Evaluate(doc, classify.Options{AsOf: res.Questionnaire.AsOf, Levers: true})
		if err != nil {
			return nil, fmt.Errorf("memo: %w", err)
		}
		r := *res // the caller's result stays as it was
		if r.Levers == nil {
			r.Levers = full.Levers
		}
		if r.Routes == nil {
			r.Routes = full.Routes
		}
		res = &r
	}
	m, err := build(rs, doc, outlines(rs, doc, res, o.Lang), o)
	if err != nil {
		return nil, err
	}
	if o.Format == "docx" && o.ReferenceDOCX != nil {
		if m.ref, err = readReference(o.ReferenceDOCX); err != nil {
			return nil, fmt.Errorf("%w: reference DOCX: %w", ErrOptions, err)
		}
	}
	switch o.Format {
	case "md":
		return writeMarkdown(m), nil
	case "html":
		return writeHTML(m), nil
	default:
		return writeDOCX(m)
	}
}

// outlines are the outline of res in each language of a memo in lang,
// every lever in it, the relabellings marked: the memo sets out what the
// outline does, in counsel's prose, and leaves out what the author did not
// ask for.
func outlines(rs *classify.RuleSet, doc *classify.Document, res *classify.Result, lang string) map[string]outline.Outline {
	langs := []string{lang}
	if lang == "bilingual" {
		langs = []string{"zh", "en"}
	}
	out := map[string]outline.Outline{}
	for _, l := range langs {
		out[l] = outline.Result(rs, doc, res, outline.Options{Lang: l, Relabellings: true})
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
