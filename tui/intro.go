package tui

import (
	"fmt"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"b22/classify"
)

// introAction is a button on the intro screen.
type introAction int

const (
	actStart introAction = iota
	actResume
	actStartOver
)

// introModel is the first screen: what b22 does, how long it takes, the
// language, the product's name, and resume or start over when answers
// were saved before.
type introModel struct {
	c       *common
	name    textinput.Model
	company textinput.Model
	actions []introAction
	focus   int // 0 name, 1 company, then the actions
	// read is the product's name and company as the answers file had
	// them, and start what the fields started with: the same made safe
	// (see safe). A field the user leaves as it started gives back what
	// was read, byte for byte, never the text it showed.
	read   [2]string
	start  [2]string
	resume *Session
	path   string
	out    introAction
	chosen bool
	// full is the field (0 or 1) that refused text at its limit, -1
	// for none: the screen says so rather than cut a pasted name
	// without a word.
	full int
}

// introCharLimit is how much a product field takes from the keyboard:
// room for the longest real company names, Chinese or English, with
// their branch and former names; a longer text from the answers file is
// shown and kept whole.
const introCharLimit = 300

func newIntro(c *common, s *Session, resume *Session, path string) introModel {
	mk := func(v string) textinput.Model {
		in := textinput.New()
		in.Prompt = ""
		shown := safe(v)
		in.CharLimit = max(introCharLimit, len([]rune(shown)))
		in.Width = 36
		in.Cursor.SetMode(cursor.CursorStatic)
		in.SetValue(shown)
		return in
	}
	m := introModel{c: c, name: mk(s.Product.Name), company: mk(s.Product.Company), resume: resume, path: path, full: -1}
	m.read = [2]string{s.Product.Name, s.Product.Company}
	m.start = [2]string{m.name.Value(), m.company.Value()}
	if resume != nil && !resume.Empty() {
		m.actions = []introAction{actResume, actStartOver}
		m.focus = 2
	} else {
		m.actions = []introAction{actStart}
	}
	m.setFocus(m.focus)
	return m
}

func (m *introModel) setFocus(f int) {
	n := 2 + len(m.actions)
	m.focus = (f + n) % n
	m.name.Blur()
	m.company.Blur()
	switch m.focus {
	case 0:
		m.name.Focus()
	case 1:
		m.company.Focus()
	}
}

func (m introModel) typing() bool { return m.focus < 2 }

// product is the product with the name and company from the fields: what
// the user typed in a field they edited, what was read in one they did not.
func (m introModel) product(p classify.Product) classify.Product {
	value := func(i int, in textinput.Model) string {
		if in.Value() == m.start[i] {
			return m.read[i]
		}
		return in.Value()
	}
	p.Name, p.Company = value(0, m.name), value(1, m.company)
	return p
}

func (m introModel) update(msg tea.KeyMsg) (introModel, tea.Cmd) {
	m.chosen = false
	switch msg.Type {
	case tea.KeyUp, tea.KeyShiftTab:
		m.setFocus(m.focus - 1)
		return m, nil
	case tea.KeyDown, tea.KeyTab:
		m.setFocus(m.focus + 1)
		return m, nil
	case tea.KeyLeft, tea.KeyRight:
		if m.focus >= 2 && len(m.actions) > 1 {
			m.setFocus(2 + (m.focus-2+1)%len(m.actions))
			return m, nil
		}
	case tea.KeyEnter:
		if m.focus < 2 {
			m.setFocus(m.focus + 1)
			return m, nil
		}
		m.out, m.chosen = m.actions[m.focus-2], true
		return m, nil
	}
	if m.focus < 2 {
		in := &m.name
		if m.focus == 1 {
			in = &m.company
		}
		before := len([]rune(in.Value()))
		*in, _ = in.Update(msg)
		switch after := len([]rune(in.Value())); {
		case msg.Type == tea.KeyRunes && after-before < len(msg.Runes) && after >= in.CharLimit:
			m.full = m.focus
		case after < before:
			m.full = -1
		}
	}
	return m, nil
}

// text is what the focused field holds, "" when a button has the focus.
func (m introModel) text() string {
	switch m.focus {
	case 0:
		return m.name.Value()
	case 1:
		return m.company.Value()
	}
	return ""
}

func (m introModel) view(height int) []string {
	c := m.c
	// The description gives way first, then the blank lines, so that the
	// fields and buttons always show.
	// The title wraps on a narrow terminal rather than lose its end.
	var title []string
	for _, l := range c.wrap(c.tx(c.rs.Title()), 2) {
		title = append(title, c.st.title.Render(l))
	}
	what := c.wrap(c.t("intro_what"), 2)
	var about []string
	about = append(about, c.wrap(fmt.Sprintf(c.t("intro_time"), len(c.rs.Questions())), 2)...)
	for _, l := range c.wrap(fmt.Sprintf(c.t("intro_saved"), safe(m.path)), 2) {
		about = append(about, c.st.dim.Render(l))
	}
	lang := []string{"  " + c.t("intro_lang") + c.t("sep") + c.st.bold.Render(c.t("lang_name")) + "  " + c.st.dim.Render(c.t("intro_lang_switch"))}
	label := func(i int, s string) string {
		if m.focus == i {
			return c.st.marker.Render("› ") + c.st.selected.Render(s)
		}
		return "  " + s
	}
	name, company := m.name, m.company
	// The fields take the width there is: a long company name shows
	// whole on a wide terminal.
	name.Width = max(min(90, c.width-28), 10)
	company.Width = name.Width
	// The fields scrolled for the width they had; place them again for
	// this one (setting the cursor recomputes what part shows).
	name.SetCursor(name.Position())
	company.SetCursor(company.Position())
	name.Placeholder, company.Placeholder = c.t("intro_name_ph"), c.t("intro_company_ph")
	fields := []string{
		"  " + label(0, padRight(c.t("intro_name"), 20)) + " " + inputView(name),
		"  " + label(1, padRight(c.t("intro_company"), 20)) + " " + inputView(company),
	}
	if m.full >= 0 {
		in := m.name
		if m.full == 1 {
			in = m.company
		}
		for _, l := range c.wrap(fmt.Sprintf(c.t("intro_full"), in.CharLimit), 4) {
			fields = append(fields, c.st.warn.Render(l))
		}
	}
	var found []string
	if m.resume != nil && !m.resume.Empty() {
		a, t := m.resume.Progress()
		for _, l := range c.wrap(fmt.Sprintf(c.t("intro_found"), safe(m.path), c.answeredCount(a, t)), 2) {
			found = append(found, c.st.info.Render(l))
		}
	}
	var buttons string
	for k, a := range m.actions {
		name := map[introAction]string{actStart: "intro_start", actResume: "intro_resume", actStartOver: "intro_start_over"}[a]
		b := "[ " + c.t(name) + " ]"
		if m.focus == 2+k {
			b = c.st.marker.Render("›") + " " + c.st.selected.Render(b)
		} else {
			b = "  " + b
		}
		buttons += " " + b
	}
	actions := []string{buttons}
	if len(m.actions) > 1 {
		for _, l := range c.wrap(c.t("intro_start_over_note"), 2) {
			actions = append(actions, c.st.dim.Render(l))
		}
	}
	blocks := [][]string{title, what, about, lang, fields, found, actions}
	for _, drop := range []int{-1, 1, 2} {
		if drop >= 0 {
			blocks[drop] = nil
		}
		for _, gap := range []bool{true, false} {
			if !gap && drop < 0 {
				continue // a missing description beats a cramped screen
			}
			var out []string
			for _, b := range blocks {
				if len(b) == 0 {
					continue
				}
				if gap && len(out) > 0 {
					out = append(out, "")
				}
				out = append(out, b...)
			}
			if len(out) <= height {
				return out
			}
		}
	}
	return append(append(append(title, lang...), fields...), actions...)
}
