package tui

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"b22/classify"
	"b22/internal/outline"
)

// screenPrinter lays an outline out on the interview's screens: the same
// parts, in the same order and words, as the text report prints, under the
// screen's margin and in its styles. The questions an outline's items open
// are numbered like choices, one selected; where each starts is recorded,
// so that the result screen can scroll to it and open it.
type screenPrinter struct {
	c       *common
	verdict classify.Verdict
	lines   []string
	// questions are what the numbered items open (indexes into the rule
	// set's questions), at the content lines in starts; firstLever is the
	// first item that changes an answer rather than answers one.
	questions, starts []int
	firstLever        int
	sel               int
	numWidth          int
}

func newScreenPrinter(c *common, o outline.Outline, sel int) *screenPrinter {
	p := &screenPrinter{c: c, verdict: o.Verdict, sel: sel, firstLever: -1}
	total := 0
	for _, s := range o.Sections {
		for _, it := range s.Items {
			if p.opens(it) {
				total++
			}
		}
	}
	p.numWidth = len(strconv.Itoa(total))
	if p.sel >= total {
		p.sel = 0
	}
	return p
}

func (p *screenPrinter) add(ls ...string) { p.lines = append(p.lines, ls...) }

// para wraps s under indent, each line in st (none: as it is).
func (p *screenPrinter) para(indent int, s string, st *lipgloss.Style) {
	for _, l := range p.c.wrap(s, indent) {
		if st != nil {
			l = st.Render(l)
		}
		p.add(l)
	}
}

// hang is para with mark before the first line, the rest under the text.
func (p *screenPrinter) hang(indent int, mark, s string, st *lipgloss.Style) {
	for k, l := range p.c.wrap(s, indent+ansi.StringWidth(mark)) {
		if k == 0 {
			l = strings.Repeat(" ", indent) + mark + strings.TrimLeft(l, " ")
		}
		if st != nil {
			l = st.Render(l)
		}
		p.add(l)
	}
}

// style is the screen's style for a tone; nil for text as it is.
func (p *screenPrinter) style(t outline.Tone) *lipgloss.Style {
	st := &p.c.st
	switch t {
	case outline.Strong:
		return &st.bold
	case outline.Quiet:
		return &st.dim
	case outline.Leads, outline.Effects:
		return &st.info
	case outline.Verdict:
		v := st.verdict[string(p.verdict)]
		return &v
	}
	return nil
}

// lead prints the lead (the verdict) and who the outline is about.
func (p *screenPrinter) lead(o outline.Outline) {
	for _, l := range o.Lead {
		p.para(2, l.Text, p.style(l.Tone))
	}
	if o.Product != "" {
		p.para(2, o.Product, &p.c.st.dim)
	}
}

// sections prints each section under its heading. Above the first
// questions a reader can open, and above the levers, a line says how.
func (p *screenPrinter) sections(sections []outline.Section) {
	hinted := false
	for _, s := range sections {
		if s.Heading != "" {
			p.add("", "  "+p.c.st.section.Render(s.Heading))
		}
		opens := false
		for _, it := range s.Items {
			opens = opens || p.opens(it)
		}
		switch {
		case s.Part == outline.PartLevers:
			p.firstLever = len(p.questions)
			p.para(4, p.c.t("r_levers_hint"), &p.c.st.dim)
		case opens && !hinted:
			hinted = true
			p.para(4, p.c.t("r_open_hint"), &p.c.st.dim)
		}
		for _, it := range s.Items {
			p.item(it, 4)
		}
	}
	if p.firstLever < 0 {
		p.firstLever = len(p.questions)
	}
}

// opens reports whether it opens a question of the rule set.
func (p *screenPrinter) opens(it outline.Item) bool {
	return it.Key != "" && p.c.rs.QuestionIndex(it.Key) >= 0
}

// item prints it at indent, its own items and lines one step further in.
func (p *screenPrinter) item(it outline.Item, indent int) {
	under := indent + 2
	switch {
	case p.opens(it):
		under = p.numbered(it, indent)
	case it.Kind == outline.Plain:
		p.para(indent, it.Text, p.style(it.Tone))
	case it.Kind == outline.Dash:
		p.hang(indent, "- ", it.Text, p.style(it.Tone))
	case it.Kind == outline.Status:
		st := p.c.st.status[string(it.Status)]
		p.add(p.c.fit(strings.Repeat(" ", indent) + st.Render(it.Label) + "  " + p.c.st.bold.Render(it.Text)))
	default:
		p.hang(indent, "• ", it.Text, p.style(it.Tone))
	}
	for _, sub := range it.Items {
		p.item(sub, under)
	}
	for _, l := range it.Lines {
		p.para(under, l.Text, p.style(l.Tone))
	}
	for _, l := range it.Links {
		if l.Label != "" {
			p.para(under, l.Label, &p.c.st.dim)
		}
		p.add(p.c.urlLines(l.URL, under, p.c.st.dim)...)
	}
}

// numbered prints an item that opens a question, numbered like a choice
// where the other items have their bullets, the marker before the
// selected one; it returns the indent of what goes under it.
func (p *screenPrinter) numbered(it outline.Item, indent int) int {
	n := len(p.questions)
	p.questions = append(p.questions, p.c.rs.QuestionIndex(it.Key))
	p.starts = append(p.starts, len(p.lines))
	marker, st := "  ", p.c.st.bold
	if n == p.sel {
		marker, st = p.c.st.marker.Render("›")+" ", p.c.st.selected
	}
	num := fmt.Sprintf("%-*d ", p.numWidth, n+1)
	textIndent := indent + p.numWidth + 1
	for k, l := range p.c.wrap(it.Text, textIndent) {
		if k == 0 {
			l = strings.Repeat(" ", indent-2) + marker + p.c.st.key.Render(num) + st.Render(strings.TrimLeft(l, " "))
		} else {
			l = st.Render(l)
		}
		p.add(l)
	}
	return textIndent
}
