package tui

import (
	"fmt"
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
