package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// liveRows is how many lines the question and review screens give to
// where the answers lead so far.
const liveRows = 2

// liveLines say where the answers lead so far, on at most liveRows lines:
// the verdict, the sub-categories reached and how firmly, those still
// open, and how many questions decide it. Before any answer they say only
// that, so that no list of sub-categories reads as a finding. Where all
// of it does not fit, the lists give way first, the open ones before the
// ones reached, each ending in how many more there are: the verdict and
// the count of deciding questions are never the part cut off.
func (m Model) liveLines() []string {
	c := m.c
	if m.evalErr != nil {
		return m.cutLive(" " + c.st.err.Render(safe(m.evalErr.Error())))
	}
	if answered, _ := m.s.Progress(); answered == 0 {
		return m.cutLive(c.st.dim.Render(c.t("live") + c.t("sep") + c.t("live_none")))
	}
	r := m.res
	var found, open []string
	for _, s := range r.Matched() {
		name := c.words().SubcategoryShort(s.ID)
		if !s.Settled {
			open = append(open, name)
			continue
		}
		found = append(found, fmt.Sprintf(c.t("live_sub"), name, c.words().Strength(s.Strength)))
	}
	var text string
	for shown := len(found) + len(open); shown >= 0; shown-- {
		nf := min(len(found), shown)
		text = m.liveText(found, nf, open, shown-nf)
		if lines := c.wrap(text, 1); len(lines) <= liveRows {
			return lines
		}
	}
	return m.cutLive(text)
}

// liveText is the live line with the first nf sub-categories reached and
// the first no still open named, and how many more of each.
func (m Model) liveText(found []string, nf int, open []string, no int) string {
	c, r := m.c, m.res
	parts := []string{c.st.verdict[string(r.Verdict)].Render(c.words().VerdictShort(r.Verdict))}
	parts = append(parts, found[:nf]...)
	switch {
	case nf == len(found):
	case nf > 0:
		parts = append(parts, fmt.Sprintf(c.t("live_more"), len(found)-nf))
	default:
		parts = append(parts, fmt.Sprintf(c.t("live_found_count"), len(found)))
	}
	switch {
	case len(open) == 0:
	case no == len(open):
		parts = append(parts, c.t("live_open")+strings.Join(open, c.t("list_sep")))
	case no > 0:
		parts = append(parts, c.t("live_open")+fmt.Sprintf(c.t("live_open_more"), strings.Join(open[:no], c.t("list_sep")), len(open)-no))
	default:
		parts = append(parts, fmt.Sprintf(c.t("live_open_count"), len(open)))
	}
	if n := len(r.PivotalQuestions); n > 0 {
		key := "live_hinges"
		if n == 1 {
			key = "live_hinges_one"
		}
		parts = append(parts, fmt.Sprintf(c.t(key), n))
	}
	return c.st.dim.Render(c.t("live")) + c.t("sep") + strings.Join(parts, c.st.dim.Render(c.t("dot_sep")))
}

// cutLive wraps text to the live lines and, where it goes on further,
// says so where it stops: for what has no list to shorten (an error, or a
// window too narrow for even the verdict and the count).
func (m Model) cutLive(text string) []string {
	c := m.c
	lines := c.wrap(text, 1)
	if len(lines) > liveRows {
		lines = lines[:liveRows]
		lines[liveRows-1] = ansi.Truncate(lines[liveRows-1], c.width-2, "") + c.st.dim.Render("…")
	}
	return lines
}
