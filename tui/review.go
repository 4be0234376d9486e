package tui

import (
	"fmt"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"b22/internal/present"
)

// reviewModel lists every answer by section; enter edits one. Questions
// that stopped being asked but were answered are listed, marked, and kept.
type reviewModel struct {
	c      *common
	s      *Session
	cursor int // question index
	out    reviewIntent
}

type reviewIntent struct {
	edit   int // question to edit, or -1
	result bool
}

func newReview(c *common, s *Session, cursor int) reviewModel {
	m := reviewModel{c: c, s: s, cursor: cursor}
	rows := m.rows()
	if len(rows) > 0 && !contains(rows, cursor) {
		m.cursor = rows[0]
	}
	return m
}

func contains(xs []int, x int) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// rows are the questions listed: asked on this path, or answered.
func (m reviewModel) rows() []int {
	var out []int
	for i := range m.c.rs.Questions() {
		if m.s.Asked(i) || m.s.Answered[i] {
			out = append(out, i)
		}
	}
	return out
}

func (m reviewModel) update(msg tea.KeyMsg) (reviewModel, tea.Cmd) {
	m.out = reviewIntent{edit: -1}
	rows := m.rows()
	pos := 0
	for k, i := range rows {
		if i == m.cursor {
			pos = k
		}
	}
	k := m.c.keys
	switch {
	case is(msg, k.Up):
		if pos > 0 {
			m.cursor = rows[pos-1]
		}
	case is(msg, k.Down):
		if pos < len(rows)-1 {
			m.cursor = rows[pos+1]
		}
	case is(msg, k.PageUp):
		m.cursor = rows[max(0, pos-10)]
	case is(msg, k.PageDown) && msg.String() != " ":
		m.cursor = rows[min(len(rows)-1, pos+10)]
	case msg.Type == tea.KeyHome:
		m.cursor = rows[0]
	case msg.Type == tea.KeyEnd:
		m.cursor = rows[len(rows)-1]
	case is(msg, k.Edit):
		m.out.edit = m.cursor
	case is(msg, k.Result) || msg.Type == tea.KeyTab:
		m.out.result = true
	}
	return m, nil
}

// view is the body: a summary line, then the answers by section, scrolled
// so that the cursor stays in sight.
func (m reviewModel) view(height int, top []string) []string {
	c := m.c
	answered, total := m.s.Progress()
	head := append([]string{}, top...)
	head = append(head, "  "+c.st.section.Render(c.t("review_title")))
	if total > answered {
		head = append(head, "  "+c.st.warn.Render(fmt.Sprintf(c.t("review_missing"), total-answered)))
	}
	head = append(head, "")
	var items [][]string
	cursorItem := 0
	section := ""
	// Answers are short and questions long: the answer gets at most
	// three tenths of the width, the question the rest.
	ansW := max(min(c.width*3/10, 30), 14)
	// On a wide terminal the question column is no wider than the
	// longest question, and than a line one reads at a glance, so that
	// each answer stands near its question rather than at the far edge.
	longest := 0
	for _, i := range m.rows() {
		longest = max(longest, ansi.StringWidth(c.tx(c.rs.Questions()[i].Title)))
	}
	titleW := max(min(c.width-ansW-6, reviewTitleMax, longest), 16)
	for _, i := range m.rows() {
		q := &c.rs.Questions()[i]
		var item []string
		if q.Section != section {
			section = q.Section
			if len(items) > 0 {
				item = append(item, "")
			}
			item = append(item, "  "+c.st.section.Render(c.sectionTitle(section)))
		}
		// The question and its answer, each wrapped in its column.
		titles := (present.Wrap{Width: titleW}).Lines(c.tx(q.Title))
		ans := answerText(c, q, m.s.Values[i], m.s.Answered[i])
		ansSt := func(s ...string) string { return strings.Join(s, "") }
		switch {
		case !m.s.Answered[i]:
			ansSt = c.st.warn.Render
		case !m.s.Asked(i):
			ans += c.t("sep") + c.t("kept_not_asked")
			ansSt = c.st.dim.Render
		}
		answers := (present.Wrap{Width: ansW}).Lines(ans)
		marker := "  "
		titleSt := func(s ...string) string { return strings.Join(s, "") }
		if i == m.cursor {
			marker = c.st.marker.Render("› ")
			titleSt = c.st.selected.Render
			cursorItem = len(items)
		}
		for k := range max(len(titles), len(answers)) {
			var t, a string
			if k < len(titles) {
				t = titles[k]
			}
			if k < len(answers) {
				a = ansSt(answers[k])
			}
			lead := "    "
			if k == 0 {
				lead = "  " + marker
			}
			item = append(item, strings.TrimRight(lead+titleSt(padRight(t, titleW))+"  "+a, " "))
		}
		items = append(items, item)
	}
	room := max(height-len(head), 3)
	return append(head, listWindow(c, items, cursorItem, room)...)
}

// reviewTitleMax is the widest the review's question column grows.
const reviewTitleMax = 72

// padRight pads s with spaces to w display columns.
func padRight(s string, w int) string { return s + spaces(w-ansi.StringWidth(s)) }

func spaces(n int) string {
	if n <= 0 {
		return ""
	}
	return fmt.Sprintf("%*s", n, "")
}
