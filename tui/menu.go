package tui

import (
	"fmt"

	tea "github.com/charmbracelet/bubbletea"
)

// menuModel is the "go to" list (ctrl+g): every section with how much of it
// is answered, then the review and the result.
type menuModel struct {
	c      *common
	s      *Session
	open   bool
	cursor int
	out    menuIntent
}

// menuIntent is the entry chosen: a section index, or review or result.
type menuIntent struct {
	chosen  bool
	section int // -1 for review, -2 for result
}

const (
	menuReview = -1
	menuResult = -2
)

func (m menuModel) entries() int { return len(m.c.rs.Sections()) + 2 }

func (m menuModel) update(msg tea.KeyMsg) (menuModel, tea.Cmd) {
	m.out = menuIntent{}
	k := m.c.keys
	switch {
	case is(msg, k.Up):
		m.cursor = (m.cursor + m.entries() - 1) % m.entries()
	case is(msg, k.Down):
		m.cursor = (m.cursor + 1) % m.entries()
	case is(msg, k.Choose):
		m.open = false
		m.out.chosen = true
		switch n := len(m.c.rs.Sections()); {
		case m.cursor < n:
			m.out.section = m.cursor
		case m.cursor == n:
			m.out.section = menuReview
		default:
			m.out.section = menuResult
		}
	case msg.Type == tea.KeyEsc || is(msg, k.Sections) || msg.String() == "q":
		m.open = false
	default:
		var n int
		if _, err := fmt.Sscanf(msg.String(), "%d", &n); err == nil && n >= 1 && n <= m.entries() {
			m.cursor = n - 1
		}
	}
	return m, nil
}

func (m menuModel) view() []string {
	c := m.c
	out := []string{"  " + c.st.section.Render(c.t("menu_title")), ""}
	row := func(k int, label, note string) {
		marker := "  "
		if k == m.cursor {
			marker = c.st.marker.Render("› ")
			label = c.st.selected.Render(label)
		}
		out = append(out, c.fit(fmt.Sprintf("  %s%d  %s  %s", marker, k+1, label, c.st.dim.Render(note))))
	}
	for k, sec := range c.rs.Sections() {
		answered, total := 0, 0
		for i, q := range c.rs.Questions() {
			if q.Section == sec.ID && m.s.Asked(i) {
				total++
				if m.s.Answered[i] {
					answered++
				}
			}
		}
		note := fmt.Sprintf(c.t("menu_count"), answered, total)
		if total == 0 {
			note = c.t("menu_not_asked")
		}
		row(k, c.tx(sec.Title), note)
	}
	row(len(c.rs.Sections()), c.t("menu_review"), "")
	row(len(c.rs.Sections())+1, c.t("menu_result"), "")
	return out
}
