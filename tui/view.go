package tui

import (
	"fmt"
	"io"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"b22/internal/present"
)

// plainRenderer draws without colour, for tests and NO_COLOR.
func plainRenderer() *lipgloss.Renderer {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.Ascii)
	r.SetHasDarkBackground(true)
	return r
}

// ---- view ----------------------------------------------------------------

func (m Model) bodyHeight() int {
	return max(m.c.height-3-m.footerHeight(), 3)
}

func (m Model) footerHeight() int {
	n := 1 + len(m.statusLines()) // help, message
	if m.screen == screenQuestion || m.screen == screenReview {
		n += 2 // where the answers lead
	}
	return n
}

// View draws the screen: a title bar, the progress, the body, where the
// answers lead so far, any message, and the keys.
func (m Model) View() string {
	c := m.c
	if (m.termW > 0 && m.termW < minWidth) || (m.termH > 0 && m.termH < minHeight) {
		return m.tooSmall()
	}
	var lines []string
	lines = append(lines, m.titleBar(), m.progressLine(), "")
	var body []string
	h := m.bodyHeight()
	switch {
	case m.keysHelp:
		body = []string{"  " + c.st.section.Render(c.t("keys_title")), ""}
		keys := c.keys
		keys.ctx, keys.items = m.screenContext(), m.resultItems()
		keys.lever = m.screen == screenResult && m.result.onLever()
		for _, l := range c.fullHelpLines(keys.FullHelp(), c.width-4) {
			body = append(body, "  "+l)
		}
		if len(body) > h {
			body = append(body[:1], body[2:]...) // a short terminal keeps every key rather than the gap
		}
	case m.menu.open:
		body = m.menu.view()
	default:
		switch m.screen {
		case screenIntro:
			body = m.intro.view(h)
		case screenQuestion:
			body = m.question.view(h)
		case screenReview:
			var top []string
			if m.change != nil {
				top = append(m.change.lines(c), "")
			}
			body = m.review.view(h, top)
		case screenResult:
			body = m.result.view()
		}
	}
	if len(body) > h {
		body = body[:h]
	}
	for _, l := range body {
		lines = append(lines, c.fit(l))
	}
	for len(lines) < 3+h {
		lines = append(lines, "")
	}
	if m.screen == screenQuestion || m.screen == screenReview {
		live := m.liveLines()
		for len(live) < 2 {
			live = append(live, "")
		}
		for _, l := range live {
			lines = append(lines, c.fit(l))
		}
	}
	lines = append(lines, m.statusLines()...)
	keys := c.keys
	keys.ctx = m.keyContext()
	keys.lever = m.screen == screenResult && m.result.onLever()
	keys.items = m.resultItems()
	lines = append(lines, " "+c.shortHelpLine(keys, c.width-1))
	return strings.Join(lines, "\n")
}

// statusLines is the message under the screen (a file written, where, an
// error), wrapped rather than cut, so that a path is always read whole; at
// most three lines.
func (m Model) statusLines() []string {
	c := m.c
	var s string
	st := c.st.err
	switch {
	case m.saveErr != nil && m.status == "":
		s = fmt.Sprintf(c.t("save_failed"), safe(m.saveErr.Error()))
	case m.status != "":
		s = m.status
		if m.statusOK {
			st = c.st.ok
		}
	default:
		return nil
	}
	var out []string
	for _, l := range (present.Wrap{Width: max(c.width-1, 10)}).Lines(s) {
		out = append(out, c.fit(" "+st.Render(l)))
	}
	if len(out) > 3 {
		out = out[:3]
	}
	return out
}

// The smallest window the screens are drawn in.
const minWidth, minHeight = 40, 12

// tooSmall is the notice shown in place of the screen in a window smaller
// than minWidth×minHeight: its size, the size needed, and that ctrl+c
// still saves and quits. Keys keep working; the screen comes back as soon
// as the window is large enough.
func (m Model) tooSmall() string {
	c := m.c
	text := fmt.Sprintf(c.t("too_small"), m.termW, m.termH, minWidth, minHeight)
	var out []string
	for _, l := range (present.Wrap{Width: max(m.termW-1, 8)}).Lines(text) {
		out = append(out, " "+l)
	}
	if m.termH > 0 && len(out) > m.termH {
		out = out[:m.termH]
	}
	return strings.Join(out, "\n")
}

// resultItems reports whether the result screen lists something enter
// opens: an open question or a lever.
func (m Model) resultItems() bool {
	return m.screen == screenResult && len(m.result.items) > 0
}

// screenContext is the keys of the screen under the ? list or the menu.
func (m Model) screenContext() keyContext {
	switch m.screen {
	case screenIntro:
		return ctxIntro
	case screenQuestion:
		return m.question.f.context()
	case screenReview:
		return ctxReview
	}
	return ctxResult
}

func (m Model) keyContext() keyContext {
	switch {
	case m.keysHelp:
		return ctxHelp
	case m.menu.open:
		return ctxMenu
	}
	if m.screen == screenQuestion {
		return m.question.context()
	}
	return m.screenContext()
}

func (m Model) titleBar() string {
	c := m.c
	left := " " + c.st.title.Render("b22")
	switch m.screen {
	case screenQuestion:
		left += " · " + c.sectionTitle(c.rs.Questions()[m.question.i].Section)
	case screenReview:
		left += " · " + c.t("review_title")
	case screenResult:
		left += " · " + c.t("result_title")
	}
	if m.editing {
		left += c.t("sep") + c.st.info.Render(c.t("editing"))
	}
	var save string
	switch {
	case m.saveErr != nil:
		save = c.st.err.Render("✗ " + c.t("not_saved"))
	case m.dirty():
		save = c.st.dim.Render("… " + c.t("saving"))
	case m.gen > 0:
		save = c.st.ok.Render("✓ " + c.t("saved"))
	}
	right := save + "  " + c.st.dim.Render(c.t("lang_short")) + " "
	gap := c.width - ansi.StringWidth(left) - ansi.StringWidth(right)
	if gap < 1 {
		return c.fit(left)
	}
	return left + strings.Repeat(" ", gap) + right
}

func (m Model) progressLine() string {
	c := m.c
	var label string
	var frac float64
	answered, total := m.s.Progress()
	if total > 0 {
		frac = float64(answered) / float64(total)
	}
	switch m.screen {
	case screenIntro:
		return ""
	case screenQuestion:
		pos, tot := m.s.Position(m.question.i)
		label = fmt.Sprintf(c.t("progress"), pos, tot)
		if pos == 0 {
			label = fmt.Sprintf(c.t("progress_off_path"), tot)
		}
	case screenResult:
		label = c.answeredCount(answered, total)
		vp := m.result.vp
		if vp.TotalLineCount() > vp.Height {
			label += " · " + fmt.Sprintf(c.t("scrolled"), int(vp.ScrollPercent()*100+0.5))
		}
	default:
		label = c.answeredCount(answered, total)
	}
	barW := c.width - ansi.StringWidth(label) - 4
	if barW < 8 {
		return c.fit(" " + label)
	}
	barW = min(barW, 40)
	full := int(frac*float64(barW) + 0.5)
	bar := c.st.barFull.Render(strings.Repeat("━", full)) + c.st.barEmpty.Render(strings.Repeat("─", barW-full))
	return " " + bar + "  " + c.st.dim.Render(label)
}

// answeredCount is how many questions are answered, of about how many:
// "all 24 answered" once every question asked is, not "24 of about 24".
func (c *common) answeredCount(answered, total int) string {
	if answered >= total && total > 0 {
		return fmt.Sprintf(c.t("review_count_all"), answered)
	}
	return fmt.Sprintf(c.t("review_count"), answered, total)
}

func (c *common) sectionTitle(id string) string {
	for _, s := range c.rs.Sections() {
		if s.ID == id {
			return c.tx(s.Title)
		}
	}
	return id
}
