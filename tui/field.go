package tui

import (
	"fmt"
	"strconv"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"b22/classify"
	"b22/internal/present"
)

// fieldEvent is what a key did to a field.
type fieldEvent int

const (
	fieldNone   fieldEvent = iota
	fieldSubmit            // enter, or a shortcut that answers at once
	fieldUnsure            // "not sure"
)

// field is the widget for one question; there is one kind per file
// (field_bool.go, field_enum.go, field_picker.go, field_multi.go,
// field_number.go). update returns the field itself, its concrete type
// behind the interface.
type field interface {
	update(msg tea.KeyMsg) (field, fieldEvent)
	// view is the widget's rows, at most height of them.
	view(height int) []string
	// answer is what enter would record, or a message saying what to do.
	answer() (classify.Value, string)
	// pending is what leaving the question (back, tab, a jump, quitting)
	// keeps: a ticked list or a typed number. Moving a cursor is not
	// answering, so choice fields keep nothing.
	pending() (classify.Value, bool)
	// draft is typed text that is not a valid answer yet, kept across
	// navigation so that going back never loses it.
	draft() string
	typing() bool
	// text is what a typing field holds: there, ? is text once the
	// field has some, and the question's help only in an empty field.
	text() string
	context() keyContext
	plainField
}

// plainField is the same question asked a line at a time, for the plain
// interview (accessible.go): each kind offers its choices and reads a
// typed line beside its widget, so that the two modes take the same
// answers in the same words, and a new kind cannot leave the plain mode
// out.
type plainField interface {
	// plainChoices are the lines that offer the choices, each with what
	// to type for it ("  y) yes", "  3) …"); a number offers none.
	plainChoices() []string
	// plainHint says what a line may hold, "not sure" where the question
	// offers it, and the keys every prompt takes.
	plainHint() string
	// parseLine reads a typed line (trimmed, not empty, not a command),
	// or says what is wrong with it and what to type instead.
	parseLine(line string) (classify.Value, string)
}

// newField picks the widget for question i, showing its current answer.
func newField(c *common, s *Session, i int, draft string) field {
	q := &c.rs.Questions()[i]
	v, answered := s.Values[i], s.Answered[i]
	switch q.Type {
	case classify.TypeBool:
		return newBoolField(c, q, v, answered)
	case classify.TypeEnum:
		if len(q.Choices) > pickerThreshold {
			return newPickerField(c, q, v, answered)
		}
		return newEnumField(c, q, v, answered)
	case classify.TypeMulti:
		return newMultiField(c, q, v, answered)
	default:
		return newNumberField(c, q, v, answered, draft)
	}
}

// plainHint is the hint of a plain prompt: what the kind takes, then
// "not sure" where the question offers it, then the keys every prompt
// takes.
func plainHint(c *common, q *classify.Question, takes string) string {
	if q.Unsure {
		takes += c.t("plain_allowed_unsure")
	}
	return takes + c.t("plain_allowed_rest")
}

// plainKeys is the end of a plain prompt's hint on its own: "not sure"
// where the question offers it, and the keys every prompt takes. It
// follows a message that has said already what to type.
func plainKeys(c *common, q *classify.Question) string {
	if q.Unsure {
		return c.t("plain_keys_unsure")
	}
	return c.t("plain_keys_rest")
}

// sentences joins sentences as the language does: English puts a space
// after a full stop, Chinese none after its 。.
func sentences(lang string, s ...string) string { return strings.Join(s, tr(lang, "sep")) }

// notChoice refuses a typed line, or a part of it, and says again what
// the prompt takes.
func notChoice(c *common, typed, hint string) string {
	return sentences(c.lang, fmt.Sprintf(c.t("plain_not_choice"), safe(typed)), hint)
}

// plainUnsure is the "not sure" line of a plain list of choices, where the
// question offers it.
func plainUnsure(c *common, q *classify.Question) []string {
	if !q.Unsure {
		return nil
	}
	return []string{"  s) " + c.t("not_sure")}
}

// listHint is the hint of a list's plain prompt, which counts its choices.
func listHint(c *common, q *classify.Question, key string) string {
	return plainHint(c, q, fmt.Sprintf(c.t(key), len(q.Choices)))
}

// numberedChoices offers a list's choices by number, each named by label
// as its widget names it.
func numberedChoices(c *common, q *classify.Question, label func(classify.Text) string) []string {
	out := make([]string, 0, len(q.Choices)+1)
	for k, ch := range q.Choices {
		out = append(out, fmt.Sprintf("  %d) %s", k+1, label(ch.Label)))
	}
	return append(out, plainUnsure(c, q)...)
}

// choiceNumber reads a choice's number, 1 to count, as both modes take it
// (a key on the full screen, a line in the plain mode), and gives the
// choice's index; index is -1 when s is a number outside the list, and
// isNum is false when s is no number at all.
func choiceNumber(s string, count int) (index int, isNum bool) {
	n, err := strconv.Atoi(s)
	if err != nil {
		return -1, false
	}
	if n < 1 || n > count {
		return -1, true
	}
	return n - 1, true
}

// parseChoiceLine reads one choice typed on a line, for a short list and
// the province's alike: its number, its id or label, or a part of a name
// that the list's filter finds in one choice only; where it finds a few,
// it lists them to choose from by number.
func parseChoiceLine(c *common, q *classify.Question, line, hint string) (classify.Value, string) {
	if k, isNum := choiceNumber(line, len(q.Choices)); isNum {
		if k < 0 {
			return classify.Value{}, notChoice(c, line, hint)
		}
		return classify.Value{Known: true, Set: 1 << k}, ""
	}
	low := strings.ToLower(line)
	for k, ch := range q.Choices {
		if low == ch.ID || low == strings.ToLower(ch.Label.En) || line == ch.Label.Zh {
			return classify.Value{Known: true, Set: 1 << k}, ""
		}
	}
	m := filterChoices(q.Choices, line)
	switch {
	case len(m) == 1:
		return classify.Value{Known: true, Set: 1 << m[0]}, ""
	case len(m) > 1 && len(m) <= 8:
		var names []string
		for _, k := range m {
			names = append(names, fmt.Sprintf("%d) %s", k+1, c.tx(q.Choices[k].Label)))
		}
		return classify.Value{}, fmt.Sprintf(c.t("plain_several"), strings.Join(names, c.t("list_sep")))
	}
	return classify.Value{}, notChoice(c, line, hint)
}

// answeredRow is the row of a single choice's list that holds the
// recorded answer: the choice's index, len(q.Choices) for "not sure", or
// -1 when nothing is recorded.
func answeredRow(q *classify.Question, v classify.Value, answered bool) int {
	switch {
	case answered && v.Known:
		for i := range q.Choices {
			if v.Set == 1<<i {
				return i
			}
		}
	case answered && q.Unsure:
		return len(q.Choices)
	}
	return -1
}

// pickerThreshold is how many choices an enum has before it gets a filter.
const pickerThreshold = 9

// choiceRow is one choice of a list: a marker, a shortcut and a label,
// the label wrapped under itself where the width is short, never cut.
func choiceRow(c *common, selected bool, shortcut, label string, current bool) []string {
	marker := "  "
	if selected {
		marker = c.st.marker.Render("›") + " "
	}
	prefix := "  " + marker
	indent := 4
	if shortcut != "" {
		prefix += c.st.key.Render(fmt.Sprintf("%-2s", shortcut)) + " "
		indent = 4 + max(2, ansi.StringWidth(shortcut)) + 1
	}
	text := label
	if current {
		text += c.t("sep") + c.t("current")
	}
	lines := (present.Wrap{Width: max(c.width-indent, 10)}).Lines(text)
	out := make([]string, len(lines))
	for k, l := range lines {
		// The note on the current answer is dimmed, the label bold when
		// selected; a line holding both keeps the label's style.
		switch {
		case selected:
			l = c.st.selected.Render(l)
		case current && k == len(lines)-1 && strings.HasSuffix(l, c.t("current")) && len(lines) > 1:
			l = c.st.dim.Render(l)
		}
		if k == 0 {
			out[k] = prefix + l
			continue
		}
		out[k] = spaces(indent) + l
	}
	return out
}

// listWindow is the rows of a list of items, each one or more lines,
// that fit in height lines around the cursor's item; every item is whole.
func listWindow(c *common, items [][]string, cursor, height int) []string {
	total := 0
	for _, it := range items {
		total += len(it)
	}
	if height <= 0 || total <= height || len(items) == 0 {
		var out []string
		for _, it := range items {
			out = append(out, it...)
		}
		return out
	}
	// One line says that the list goes on, and where.
	height = max(height-1, 1)
	cursor = min(max(cursor, 0), len(items)-1)
	from, to, used := cursor, cursor+1, len(items[cursor])
	for grew := true; grew; {
		grew = false
		if to < len(items) && used+len(items[to]) <= height {
			used += len(items[to])
			to++
			grew = true
		}
		if from > 0 && used+len(items[from-1]) <= height {
			from--
			used += len(items[from])
			grew = true
		}
	}
	var out []string
	for _, it := range items[from:to] {
		out = append(out, it...)
	}
	var more []string
	if from > 0 {
		more = append(more, fmt.Sprintf(c.t("more_above"), from))
	}
	if to < len(items) {
		more = append(more, fmt.Sprintf(c.t("more_below"), len(items)-to))
	}
	return append(out, c.st.dim.Render("    "+strings.Join(more, c.t("dot_sep"))))
}

// answerText shows an answer in words, or that there is none yet.
func answerText(c *common, q *classify.Question, v classify.Value, answered bool) string {
	switch {
	case !answered:
		return c.t("not_answered")
	case !v.Known:
		return c.t("not_sure")
	}
	return c.words().Answer(q, v)
}

// chooseHint is the message key saying how to choose, for enter pressed
// before any choice: with the "not sure" key where the question has it.
func chooseHint(key string, unsure bool) string {
	if unsure {
		return key + "_unsure"
	}
	return key
}

// listRows counts a choice list's rows: its options and, where the question
// allows it, "not sure".
func listRows(options int, unsure bool) int {
	if unsure {
		return options + 1
	}
	return options
}

// cycle moves a list cursor one row up or down, wrapping around; from no
// row (-1) down is the first row and up the last.
func cycle(cursor, rows int, up bool) int {
	if rows == 0 {
		return cursor
	}
	if cursor < 0 {
		if up {
			return rows - 1
		}
		return 0
	}
	if up {
		return (cursor + rows - 1) % rows
	}
	return (cursor + 1) % rows
}
