package tui

import (
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"b22/classify"
)

// pickerField is a single choice among many (the province): typing filters
// the list by pinyin ("guangdong", "gd", "nmg" as letters in order),
// Chinese ("广东") or English; ↑/↓ move, enter records the highlighted one.
// "Not sure" stays last whatever the filter. An unanswered question has
// no row selected until the user moves or types a filter.
type pickerField struct {
	c       *common
	q       *classify.Question
	in      textinput.Model
	matches []int // choice indexes that pass the filter, best first
	cursor  int   // into matches, -1 for none; len(matches) is the "not sure" row
	current int   // the recorded choice, -1 for none, len(q.Choices) for not sure
}

func newPickerField(c *common, q *classify.Question, v classify.Value, answered bool) pickerField {
	in := textinput.New()
	in.Prompt = "⌕ "
	in.PromptStyle = c.st.marker
	in.CharLimit = 32
	in.Width = 24
	in.Cursor.SetMode(cursor.CursorStatic)
	in.Focus()
	// With no filter the rows are the choices in order, "not sure" last.
	row := answeredRow(q, v, answered)
	return pickerField{c: c, q: q, in: in, matches: filterChoices(q.Choices, ""), cursor: row, current: row}
}

func (f pickerField) rows() int {
	if f.q.Unsure {
		return len(f.matches) + 1
	}
	return len(f.matches)
}

func (f pickerField) update(msg tea.KeyMsg) (field, fieldEvent) {
	switch msg.Type {
	case tea.KeyUp, tea.KeyDown:
		f.cursor = cycle(f.cursor, f.rows(), msg.Type == tea.KeyUp)
		return f, fieldNone
	case tea.KeyEnd:
		// s would type into the filter: end selects "not sure", the
		// last row.
		if f.q.Unsure {
			f.cursor = len(f.matches)
		}
		return f, fieldNone
	case tea.KeyEnter:
		if f.cursor == len(f.matches) && f.q.Unsure {
			return f, fieldUnsure
		}
		return f, fieldSubmit
	}
	before := f.in.Value()
	f.in, _ = f.in.Update(msg)
	if f.in.Value() != before {
		f.matches = filterChoices(f.q.Choices, f.in.Value())
		f.cursor = 0
		if strings.TrimSpace(f.in.Value()) == "" {
			f.cursor = -1
		}
	}
	return f, fieldNone
}

func (f pickerField) view(height int) []string {
	f.in.Placeholder = f.c.t("filter_placeholder")
	// The field is as wide as its hint, where the screen has room, so
	// that the hint is read whole.
	// textinput counts the prompt and the cursor in the width.
	f.in.Width = max(24, min(ansi.StringWidth(f.in.Prompt+f.in.Placeholder)+1, f.c.width-4))
	out := []string{"  " + inputView(f.in), ""}
	if len(f.matches) == 0 {
		for _, l := range f.c.wrap(f.c.t("no_match"), 4) {
			out = append(out, f.c.st.warn.Render(l))
		}
	}
	items := make([][]string, f.rows())
	for r := range items {
		if r == len(f.matches) {
			items[r] = choiceRow(f.c, f.cursor == r, "", f.c.t("not_sure"), f.current == len(f.q.Choices))
			continue
		}
		i := f.matches[r]
		items[r] = choiceRow(f.c, f.cursor == r, "", f.label(f.q.Choices[i].Label), f.current == i)
	}
	return append(out, listWindow(f.c, items, f.cursor, max(height-len(out), 3))...)
}

func (f pickerField) answer() (classify.Value, string) {
	if f.cursor < 0 {
		return classify.Value{}, f.c.t("choose_picker")
	}
	if f.cursor >= len(f.matches) {
		if len(f.matches) == 0 && !f.q.Unsure {
			return classify.Value{}, f.c.t("no_match")
		}
		return classify.Value{}, ""
	}
	return classify.Value{Known: true, Set: 1 << f.matches[f.cursor]}, ""
}

func (f pickerField) pending() (classify.Value, bool) { return classify.Value{}, false }
func (f pickerField) draft() string                   { return "" }
func (f pickerField) typing() bool                    { return true }
func (f pickerField) context() keyContext             { return ctxPicker }

// filterChoices ranks the choices that match a filter: the pinyin id (with
// or without its underscores), the Chinese label, or the English label as
// a prefix first; then the start of another name a person may type (a city:
// "shen" for Shenzhen, in Guangdong); then the names anywhere; then letters
// of the id in order ("gd" for guangdong); last, another name anywhere, so
// that "gd" finds Guangdong before the "gd" inside Qingdao. An empty filter
// keeps every choice in order.
func filterChoices(choices []classify.Choice, filter string) []int {
	q := strings.ToLower(strings.Join(strings.Fields(filter), ""))
	q = strings.ReplaceAll(q, "_", "")
	var ranks [5][]int
	prefix := func(n string) bool { return strings.HasPrefix(strings.ToLower(n), q) }
	inside := func(n string) bool { return strings.Contains(strings.ToLower(n), q) }
	for i, ch := range choices {
		if q == "" {
			ranks[0] = append(ranks[0], i)
			continue
		}
		names := []string{strings.ReplaceAll(ch.ID, "_", ""), ch.Label.Zh, strings.ToLower(strings.ReplaceAll(ch.Label.En, " ", ""))}
		switch {
		case slices.ContainsFunc(names, prefix):
			ranks[0] = append(ranks[0], i)
		case slices.ContainsFunc(ch.Also, prefix):
			ranks[1] = append(ranks[1], i)
		case slices.ContainsFunc(names, inside):
			ranks[2] = append(ranks[2], i)
		case subsequence(names[0], q):
			ranks[3] = append(ranks[3], i)
		case slices.ContainsFunc(ch.Also, inside):
			ranks[4] = append(ranks[4], i)
		}
	}
	var out []int
	for _, r := range ranks {
		out = append(out, r...)
	}
	return out
}

// subsequence reports whether the runes of sub appear in s in order.
func subsequence(s, sub string) bool {
	r := []rune(sub)
	for _, c := range s {
		if len(r) > 0 && c == r[0] {
			r = r[1:]
		}
	}
	return len(r) == 0
}

func (f pickerField) text() string { return f.in.Value() }

// label names a choice in both languages, the screen's first, so that
// either name can be typed to find it.
func (f pickerField) label(t classify.Text) string {
	if f.c.lang == "en" {
		return t.En + "  " + t.Zh
	}
	return t.Zh + "  " + t.En
}

func (f pickerField) plainChoices() []string { return numberedChoices(f.c, f.q, f.label) }
func (f pickerField) plainHint() string      { return listHint(f.c, f.q, "plain_allowed_picker") }

func (f pickerField) parseLine(line string) (classify.Value, string) {
	return parseChoiceLine(f.c, f.q, line, f.plainHint())
}
