package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/textinput"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"b22/classify"
	"b22/internal/present"
)

// common is what every screen shares: the rule set, the language, the
// terminal's size, the styles and the keys. Screens hold a pointer to the
// one value the root model owns.
type common struct {
	rs     *classify.RuleSet
	lang   string
	width  int
	height int
	st     styles
	keys   KeyMap
	help   help.Model
	// links is true when URLs are drawn as terminal hyperlinks (OSC 8):
	// on a terminal drawn in colour; terminals without them show the text.
	links bool
}

func newCommon(rs *classify.RuleSet, lang string, r *lipgloss.Renderer) *common {
	c := &common{rs: rs, lang: lang, width: 80, height: 24, st: newStyles(r), keys: newKeyMap(), links: r.ColorProfile() != termenv.Ascii}
	c.help = help.New()
	c.help.Styles.ShortKey = c.st.key
	c.help.Styles.ShortDesc = c.st.dim
	c.help.Styles.ShortSeparator = c.st.dim
	c.help.Styles.FullKey = c.st.key
	c.help.Styles.FullDesc = c.st.dim
	c.help.Styles.FullSeparator = c.st.dim
	c.help.Styles.Ellipsis = c.st.dim
	c.setLang(lang)
	return c
}

func (c *common) setLang(lang string) {
	c.lang = lang
	c.keys.setLang(lang)
	// The go-to list's numbers: its sections, the review and the result.
	c.keys.Pick.SetHelp(fmt.Sprintf("1–%d", len(c.rs.Sections())+2), tr(lang, "k_pick"))
}

// t is a UI string in the current language, the rule set's names filled in.
func (c *common) t(key string) string { return c.words().Fill(tr(c.lang, key)) }

// tx is a rule-set text in the current language.
func (c *common) tx(t classify.Text) string { return t.In(c.lang) }

// words are the words for a result's conclusions and for answers in the
// current language.
func (c *common) words() present.Words { return present.NewWords(c.rs, c.lang) }

// wrap breaks s to the width minus indent columns and indents every line;
// user text must be sanitised before it gets here.
func (c *common) wrap(s string, indent int) []string {
	w := present.Wrap{Width: max(c.width-indent, 20)}
	pad := strings.Repeat(" ", indent)
	var out []string
	for _, l := range w.Lines(s) {
		out = append(out, pad+l)
	}
	return out
}

// safe neutralises control characters in text the user typed or a file
// brought, before it is shown (see present.Escape): every such text is
// shown on one line, so newlines and tabs are escaped too. What it returns
// is for the screen only, never saved in place of what was read or typed.
func safe(s string) string { return present.Escape(s) }

// inputView draws a text input with its text made safe: a control or
// override character pasted or typed into it shows escaped, the cursor on
// the same character. A field without focus whose text is wider than the
// field shows the start of the text and an ellipsis where it is cut,
// rather than whatever window the input last scrolled to with nothing to
// say that text is hidden. (With focus, the input scrolls to keep the
// cursor in sight, as bubbles draws it.)
func inputView(in textinput.Model) string {
	v := in.Value()
	shown := safe(v)
	if !in.Focused() && in.Width > 0 && ansi.StringWidth(shown) > in.Width {
		// The field draws its text and a one-column cursor in Width+1
		// columns.
		text := ansi.Truncate(shown, in.Width, "…")
		return in.PromptStyle.Render(in.Prompt) + in.TextStyle.Inline(true).Render(padRight(text, in.Width+1))
	}
	if in.Focused() && in.Width > 0 && ansi.StringWidth(shown)+1 > in.Width+1 {
		r := []rune(v)
		at := len([]rune(safe(string(r[:min(in.Position(), len(r))]))))
		return in.PromptStyle.Render(in.Prompt) + scrolledInput(in, []rune(shown), at)
	}
	if shown == v {
		return in.View()
	}
	r := []rune(v)
	at := len([]rune(safe(string(r[:min(in.Position(), len(r))]))))
	in.Reset()
	in.CharLimit = 0
	in.SetValue(shown)
	in.SetCursor(at)
	return in.View()
}

// scrolledInput draws a focused field whose text is wider than the field:
// the part around the cursor, with an ellipsis on each side where text is
// hidden, so that the start of a long name is never gone without a sign.
// The field has Width+1 columns: its text and a one-column cursor.
func scrolledInput(in textinput.Model, text []rune, at int) string {
	room := in.Width + 1
	w := func(rs []rune) int { return ansi.StringWidth(string(rs)) }
	right := 0
	if at+1 < len(text) {
		right = 1
	}
	start := 0
	for start < at {
		left := 0
		if start > 0 {
			left = 1
		}
		if w(text[start:at])+1+left+right <= room {
			break
		}
		start++
	}
	used := w(text[start:at]) + 1
	if start > 0 {
		used++
	}
	end := min(at+1, len(text))
	for end < len(text) {
		ell := 0
		if end+1 < len(text) {
			ell = 1
		}
		if used+w(text[at+1:end+1])+ell > room {
			break
		}
		end++
	}
	var b strings.Builder
	if start > 0 {
		b.WriteString("…")
	}
	b.WriteString(in.TextStyle.Inline(true).Render(string(text[start:at])))
	cur := " "
	if at < len(text) {
		cur = string(text[at])
	}
	in.Cursor.SetChar(cur)
	b.WriteString(in.Cursor.View())
	if at+1 < end {
		b.WriteString(in.TextStyle.Inline(true).Render(string(text[at+1 : end])))
	}
	if end < len(text) {
		b.WriteString("…")
	}
	return padRight(b.String(), room)
}

// fit cuts a line to the width, so that nothing wraps on a narrow terminal.
func (c *common) fit(s string) string {
	if ansi.StringWidth(s) <= c.width {
		return s
	}
	return ansi.Truncate(s, c.width, "…")
}

// styles are built on a renderer so that colour follows the terminal the
// interview draws on (stderr), not stdout, and NO_COLOR.
type styles struct {
	title, section, bold, dim, key   lipgloss.Style
	selected, marker, checked        lipgloss.Style
	err, ok, warn, info, box, banner lipgloss.Style
	verdict                          map[string]lipgloss.Style
	status                           map[string]lipgloss.Style
	barFull, barEmpty                lipgloss.Style
}

func newStyles(r *lipgloss.Renderer) styles {
	ac := func(light, dark string) lipgloss.AdaptiveColor {
		return lipgloss.AdaptiveColor{Light: light, Dark: dark}
	}
	accent := ac("#5A3FC0", "#A78BFA")
	red := ac("#B42318", "#F97066")
	amber := ac("#9A6700", "#FDB022")
	green := ac("#067647", "#47CD89")
	cyan := ac("#0E6E8C", "#67E3F9")
	grey := ac("#667085", "#98A2B3")
	s := styles{
		title:    r.NewStyle().Bold(true).Foreground(accent),
		section:  r.NewStyle().Bold(true),
		bold:     r.NewStyle().Bold(true),
		dim:      r.NewStyle().Foreground(grey),
		key:      r.NewStyle().Foreground(accent),
		selected: r.NewStyle().Bold(true).Foreground(accent),
		marker:   r.NewStyle().Foreground(accent).Bold(true),
		checked:  r.NewStyle().Foreground(green),
		err:      r.NewStyle().Foreground(red),
		ok:       r.NewStyle().Foreground(green),
		warn:     r.NewStyle().Foreground(amber),
		info:     r.NewStyle().Foreground(cyan),
		box:      r.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(grey).Padding(0, 1),
		banner:   r.NewStyle().Bold(true),
		barFull:  r.NewStyle().Foreground(accent),
		barEmpty: r.NewStyle().Foreground(grey),
	}
	s.verdict = map[string]lipgloss.Style{
		"likely":       r.NewStyle().Bold(true).Foreground(red),
		"possible":     r.NewStyle().Bold(true).Foreground(amber),
		"unlikely":     r.NewStyle().Bold(true).Foreground(green),
		"undetermined": r.NewStyle().Bold(true).Foreground(cyan),
	}
	s.status = map[string]lipgloss.Style{"met": s.ok, "unmet": s.err, "unknown": s.warn}
	return s
}
