package tui

import (
	"fmt"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"b22/classify"
)

// questionModel is the question screen: one question, its widget, its
// help on ?, and the last message saying what to do.
type questionModel struct {
	c        *common
	s        *Session
	i        int
	f        field
	msg      string
	showHelp bool
	// helpTop is the first line of the help shown: a long help (and the
	// keys under it) scrolls on a short terminal.
	helpTop int
	// out is what the last key asked the root model to do.
	out questionIntent
}

type questionIntent struct {
	answer bool
	v      classify.Value
}

func newQuestion(c *common, s *Session, i int, draft string) questionModel {
	return questionModel{c: c, s: s, i: i, f: newField(c, s, i, draft)}
}

func (m questionModel) q() *classify.Question { return &m.c.rs.Questions()[m.i] }

func (m questionModel) typing() bool { return !m.showHelp && m.f.typing() }

func (m questionModel) update(msg tea.KeyMsg) (questionModel, tea.Cmd) {
	m.out = questionIntent{}
	if m.showHelp {
		k := m.c.keys
		switch {
		case is(msg, k.Close):
			m.showHelp = false
		case is(msg, k.Up):
			m.helpTop = max(m.helpTop-1, 0)
		case is(msg, k.Down), is(msg, k.PageDown):
			m.helpTop++
		case is(msg, k.PageUp):
			m.helpTop = 0
		}
		return m, nil
	}
	if is(msg, m.c.keys.Help) && m.f.text() == "" {
		m.showHelp, m.helpTop = true, 0
		return m, nil
	}
	var ev fieldEvent
	before := m.f.text()
	m.f, ev = m.f.update(msg)
	if m.f.text() != before {
		// What the message was about has changed: an error stays only
		// under the text it was about.
		m.msg = ""
	}
	switch ev {
	case fieldSubmit:
		v, problem := m.f.answer()
		if problem != "" {
			m.msg = problem
			return m, nil
		}
		m.msg = ""
		m.out = questionIntent{answer: true, v: v}
	case fieldUnsure:
		if !m.q().Unsure {
			m.msg = m.c.t("unsure_not_offered")
			return m, nil
		}
		m.msg = ""
		m.out = questionIntent{answer: true}
	}
	return m, nil
}

// view is the body of the screen, at most height rows.
func (m questionModel) view(height int) []string {
	q := m.q()
	var out []string
	for _, l := range m.c.wrap(m.c.tx(q.Title), 2) {
		out = append(out, m.c.st.bold.Render(l))
	}
	out = append(out, "")
	if m.showHelp {
		help := m.helpView()
		room := height - len(out)
		if len(help) <= room {
			return append(out, help...)
		}
		// Scrolled: the lines from helpTop, and a line saying more follow.
		room = max(room-1, 1)
		top := min(m.helpTop, max(len(help)-room, 0))
		out = append(out, help[top:min(top+room, len(help))]...)
		var more []string
		if top > 0 {
			more = append(more, fmt.Sprintf(m.c.t("more_lines_above"), top))
		}
		if rest := len(help) - top - room; rest > 0 {
			more = append(more, fmt.Sprintf(m.c.t("more_lines_below"), rest))
		}
		return append(out, m.c.st.dim.Render("  "+strings.Join(more, m.c.t("dot_sep"))))
	}
	if !m.s.Asked(m.i) {
		for _, l := range m.c.wrap(m.c.t("not_asked_now"), 2) {
			out = append(out, m.c.st.warn.Render(l))
		}
	}
	msgRows := 0
	if m.msg != "" {
		msgRows = len(m.c.wrap(m.msg, 4)) + 1
	}
	out = append(out, m.f.view(height-len(out)-msgRows)...)
	if m.msg != "" {
		out = append(out, "")
		for _, l := range m.c.wrap(m.msg, 4) {
			out = append(out, m.c.st.err.Render(l))
		}
	}
	return out
}

func (m questionModel) helpView() []string {
	q := m.q()
	var out []string
	out = append(out, "  "+m.c.st.section.Render(m.c.t("help_title")))
	out = append(out, m.c.wrap(m.c.tx(q.Help), 4)...)
	if q.Pivot != (classify.Text{}) {
		out = append(out, "", "  "+m.c.st.section.Render(m.c.t("why_matters")))
		out = append(out, m.c.wrap(m.c.tx(q.Pivot), 4)...)
	}
	// The keys the key line had no room for are here, under ?.
	keys := m.c.keys
	keys.ctx = m.f.context()
	out = append(out, "", "  "+m.c.st.section.Render(m.c.t("keys_title")))
	for _, l := range m.c.fullHelpLines(keys.FullHelp(), m.c.width-4) {
		out = append(out, "    "+l)
	}
	out = append(out, "")
	for _, l := range m.c.wrap(m.c.t("help_close"), 2) {
		out = append(out, m.c.st.dim.Render(l))
	}
	return out
}

func (m questionModel) context() keyContext {
	if m.showHelp {
		return ctxHelp
	}
	return m.f.context()
}
