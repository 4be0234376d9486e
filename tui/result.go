package tui

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"

	"b22/classify"
	"b22/internal/compare"
	"b22/internal/outline"
)

// resultModel is the result screen: the verdict first and plain, then the
// sub-categories with reasons and basis, the licence, its conditions, the
// open questions (each one key away from answering it), what changing a
// given answer would change (each one key away from that answer's
// question), neighbouring regimes, notes and sources, in a scrollable
// viewport.
type resultModel struct {
	c      *common
	s      *Session
	res    *classify.Result
	change *change
	vp     viewport.Model
	// items are the questions the screen opens: the open questions,
	// pivotal ones first, then each lever's (its first change's); itemLine
	// is the content line where each starts, firstLever the item of the
	// first lever (len(items) when there is none).
	items      []int
	itemLine   []int
	firstLever int
	sel        int
	// digits is the number typed so far to select an item.
	digits string
	memo   bool
	out    resultIntent
}

type resultIntent struct {
	open                             int // question to answer, or -1
	save, saveResult, memo, toReview bool
}

func newResult(c *common, s *Session, res *classify.Result, ch *change, memo bool, height int) resultModel {
	m := resultModel{c: c, s: s, res: res, change: ch, memo: memo}
	m.vp = viewport.New(c.width, max(height, 3))
	m.rebuild()
	return m
}

func (m *resultModel) setSize(height int) {
	m.vp.Width = m.c.width
	m.vp.Height = max(height, 3)
	m.rebuild()
}

// rebuild renders the content for the current result, language, width and
// selection.
func (m *resultModel) rebuild() {
	lines := m.render()
	m.vp.SetContent(strings.Join(lines, "\n"))
}

// selectItem selects open question n and scrolls it into view.
func (m *resultModel) selectItem(n int) {
	m.sel = n
	m.rebuild()
	m.scrollToSel()
}

func (m *resultModel) scrollToSel() {
	if len(m.items) == 0 || m.sel >= len(m.itemLine) {
		return
	}
	l := m.itemLine[m.sel]
	if l < m.vp.YOffset+1 {
		m.vp.SetYOffset(max(0, l-1))
	} else if l+3 > m.vp.YOffset+m.vp.Height {
		m.vp.SetYOffset(l + 4 - m.vp.Height)
	}
}

func (m resultModel) update(msg tea.KeyMsg) (resultModel, tea.Cmd) {
	m.out = resultIntent{open: -1}
	k := m.c.keys
	if !digitKey(msg) {
		m.digits = ""
	}
	switch {
	case msg.Type == tea.KeyTab && len(m.items) > 0:
		if m.selVisible() {
			m.selectItem((m.sel + 1) % len(m.items))
		} else {
			m.selectItem(m.sel)
		}
	case msg.Type == tea.KeyShiftTab && len(m.items) > 0:
		m.selectItem((m.sel + len(m.items) - 1) % len(m.items))
	case is(msg, k.Up):
		if m.selVisible() && m.sel > 0 {
			m.selectItem(m.sel - 1)
		} else {
			m.vp.ScrollUp(1)
		}
	case is(msg, k.Down):
		if m.selVisible() && m.sel < len(m.items)-1 {
			m.selectItem(m.sel + 1)
		} else {
			m.vp.ScrollDown(1)
		}
	case is(msg, k.PageUp):
		m.vp.PageUp()
	case is(msg, k.PageDown):
		m.vp.PageDown()
	case msg.Type == tea.KeyHome:
		m.vp.GotoTop()
	case msg.Type == tea.KeyEnd:
		m.vp.GotoBottom()
	case is(msg, k.Open) || is(msg, k.Change):
		// Enter acts only on a selection the user can see: one scrolled
		// away is brought back into view first.
		switch {
		case len(m.items) == 0:
		case m.selVisible():
			m.out.open = m.items[m.sel]
		default:
			m.selectItem(m.firstVisible())
		}
		m.digits = ""
	case len(m.items) > 0 && digitKey(msg):
		// A number selects that item, as numbers pick choices; digits
		// typed in a row make one number where the list is that long.
		d := m.digits + msg.String()
		if n, err := strconv.Atoi(d); err != nil || n < 1 || n > len(m.items) {
			d = msg.String()
		}
		if n, _ := strconv.Atoi(d); n >= 1 && n <= len(m.items) {
			m.digits = d
			m.selectItem(n - 1)
		}
	case is(msg, k.Save):
		m.out.save = true
	case is(msg, k.SaveResult):
		m.out.saveResult = true
	case is(msg, k.Memo) && m.memo:
		m.out.memo = true
	case is(msg, k.Review):
		m.out.toReview = true
	}
	return m, nil
}

// firstVisible is the first item on screen, else the selected one.
func (m resultModel) firstVisible() int {
	for n, l := range m.itemLine {
		if l >= m.vp.YOffset && l < m.vp.YOffset+m.vp.Height {
			return n
		}
	}
	return m.sel
}

func digitKey(msg tea.KeyMsg) bool {
	s := msg.String()
	return msg.Type == tea.KeyRunes && len(s) == 1 && s[0] >= '0' && s[0] <= '9'
}

// onLever reports whether the selected item is a lever, so that the keys
// say enter changes an answer rather than answers a question.
func (m resultModel) onLever() bool {
	return m.sel >= m.firstLever && m.sel < len(m.items)
}

// selVisible reports whether the selected item is on screen.
func (m resultModel) selVisible() bool {
	if len(m.items) == 0 {
		return false
	}
	l := m.itemLine[m.sel]
	return l >= m.vp.YOffset && l < m.vp.YOffset+m.vp.Height
}

func (m resultModel) view() []string {
	return strings.Split(m.vp.View(), "\n")
}

// render writes the whole result as lines: its outline, as the text
// report prints it, with what changed after an edit under the verdict,
// recording where each question it opens starts.
func (m *resultModel) render() []string {
	c := m.c
	o := outline.Result(c.rs, m.s.Document(), m.res, outline.Options{Lang: c.lang, Answer: m.answer})
	p := newScreenPrinter(c, o, m.sel)
	p.lead(o)
	if m.change != nil {
		p.add("")
		p.add(m.change.lines(c)...)
	}
	p.sections(o.Sections)
	p.add("")
	p.para(2, o.Foot, &c.st.dim)
	m.sel, m.items, m.itemLine, m.firstLever = p.sel, p.questions, p.starts, p.firstLever
	return p.lines
}

// answer words the answer given to the question key, as the result names
// it beside the question a finding read.
func (m *resultModel) answer(key string) string {
	c := m.c
	i := c.rs.QuestionIndex(key)
	if i < 0 {
		return ""
	}
	return strings.TrimLeft(answerText(c, &c.rs.Questions()[i], m.s.Values[i], m.s.Answered[i]), "— ")
}

// change is how the result moved after an edit: the results before and
// after it.
type change struct {
	before, after *classify.Result
}

// lines are what changed, as 'b22 compare' words it: the comparison's
// verdict line and each change, under a title, without the two sides and
// the closing words a comparison on its own needs.
func (ch change) lines(c *common) []string {
	o := compare.Outline(c.rs, compare.Results(ch.before, ch.after), c.lang)
	p := &screenPrinter{c: c, verdict: o.Verdict}
	p.add("  " + c.st.section.Render(c.t("changed_title")))
	for _, l := range o.Lead {
		p.para(4, l.Text, p.style(l.Tone))
	}
	for _, s := range o.Sections {
		for _, it := range s.Items {
			p.item(it, 4)
		}
	}
	return p.lines
}
