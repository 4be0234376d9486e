package tui

import (
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

func (m questionModel) q() *classify.Question { return &m.c.rs.Questions[m.i] }

func (m questionModel) typing() bool { return !m.showHelp && m.f.typing() }

func (m questionModel) update(msg tea.KeyMsg) (questionModel, tea.Cmd) {
	m.out = questionIntent{}
	if m.showHelp {
		if is(msg, m.c.keys.Close) {
			m.showHelp = false
		}
		return m, nil
	}
	if is(msg, m.c.keys.Help) {
		m.showHelp = true
		return m, nil
	}
	var ev fieldEvent
	m.f, ev = m.f.update(msg)
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
		return append(out, m.helpView()...)
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
	out = append(out, "", m.c.st.dim.Render("  "+m.c.t("help_close")))
	return out
}

func (m questionModel) context() keyContext {
	if m.showHelp {
		return ctxHelp
	}
	return m.f.context()
}
