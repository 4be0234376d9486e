package outline

import (
	"fmt"
	"io"

	"b22/classify"
	"b22/internal/present"
)

// TextOptions choose how a result or a comparison is printed as text:
// the language its outline is built in, the width and the colour. The
// text report and the comparison's text take the same options
// (report.TextOptions and compare.TextOptions are this type).
type TextOptions struct {
	// Lang is the language of the outline a caller builds, "zh" or "en";
	// Write prints an outline in the language it was built in.
	Lang  string
	Width int  // columns; 80 when 0
	Color bool // ANSI colour and bold
}

// Write prints o as text for a terminal or a file: the title and the lines
// under it, the lead, each section under its heading, the closing words.
// Paragraphs are wrapped to the width, bullets hang, links stay whole.
// The text report and `b22 compare` both print this way.
func Write(w io.Writer, o Outline, t TextOptions) {
	if t.Width <= 0 {
		t.Width = 80
	}
	p := textPrinter{Printer: present.Printer{W: w, Width: t.Width, Color: t.Color}, verdict: o.Verdict}
	p.Para("", o.Title, bold)
	for _, l := range o.Meta {
		if l.Label != "" {
			p.Hang("  "+l.Label, "    ", l.Text, p.tone(l.Tone))
			continue
		}
		p.Para("", l.Text, p.tone(l.Tone))
	}
	fmt.Fprintln(w)
	for _, l := range o.Lead {
		p.Para("", l.Text, p.tone(l.Tone))
	}
	for _, s := range o.Sections {
		if s.Heading != "" {
			fmt.Fprintln(w)
			fmt.Fprintln(w, p.Style(s.Heading, bold))
		}
		for _, it := range s.Items {
			p.item(it, "  ")
		}
	}
	fmt.Fprintln(w)
	p.Para("", o.Foot, dim)
}

// ANSI codes of the text form.
const (
	bold  = "1"
	dim   = "2"
	green = "32"
	red   = "31"
	amber = "33"
	cyan  = "36"
)

type textPrinter struct {
	present.Printer
	verdict classify.Verdict
}

// tone is the ANSI code of a tone: what backs a statement and what a
// change does are dim, names bold, the verdict bold in its colour.
func (p textPrinter) tone(t Tone) string {
	switch t {
	case Strong:
		return bold
	case Quiet, Effects:
		return dim
	case Verdict:
		return bold + ";" + map[classify.Verdict]string{classify.VerdictLikely: red, classify.VerdictPossible: amber,
			classify.VerdictUnlikely: green, classify.VerdictUndetermined: cyan}[p.verdict]
	}
	return ""
}

// item prints it after indent, its own items and lines one step further in.
func (p textPrinter) item(it Item, indent string) {
	switch it.Kind {
	case Bullet:
		p.Item(indent, it.Text, p.tone(it.Tone))
	case Plain:
		p.Para(indent, it.Text, p.tone(it.Tone))
	case Dash:
		p.Hang(indent+"- ", indent+"  ", it.Text, p.tone(it.Tone))
	case Status:
		code := map[classify.Status]string{classify.StatusMet: green, classify.StatusUnmet: red, classify.StatusUnknown: amber}[it.Status]
		fmt.Fprintln(p.W, indent+p.Style(it.Label, code)+"  "+present.OneLine(it.Text))
	}
	under := indent + "  "
	for _, sub := range it.Items {
		p.item(sub, under)
	}
	for _, l := range it.Lines {
		p.Para(under, l.Text, p.tone(l.Tone))
	}
	for _, l := range it.Links {
		if l.Label != "" {
			fmt.Fprintln(p.W, under+p.Style(l.Label, dim))
		}
		fmt.Fprintln(p.W, under+p.Style(present.Sanitize(l.URL), dim))
	}
}
