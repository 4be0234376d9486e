package tui

import (
	"fmt"

	tea "github.com/charmbracelet/bubbletea"

	"b22/classify"
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
	context() keyContext
}

// newField picks the widget for question i, showing its current answer.
func newField(c *common, s *Session, i int, draft string) field {
	q := &c.rs.Questions[i]
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

// choiceRow is one row of a choice list: a marker, a shortcut and a label.
func choiceRow(c *common, selected bool, shortcut, label string, current bool) string {
	marker := "  "
	if selected {
		marker = c.st.marker.Render("›") + " "
	}
	text := label
	if selected {
		text = c.st.selected.Render(label)
	}
	row := "  " + marker + text
	if shortcut != "" {
		row = "  " + marker + c.st.key.Render(fmt.Sprintf("%-2s", shortcut)) + " " + text
	}
	if current {
		row += " " + c.st.dim.Render(c.t("current"))
	}
	return row
}

// window is the part of n rows, around the cursor, that fits in height.
func window(n, cursor, height int) (from, to int) {
	if height <= 0 || n <= height {
		return 0, n
	}
	from = max(0, cursor-height/2)
	to = from + height
	if to > n {
		to, from = n, n-height
	}
	return from, to
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

// listRows counts a choice list's rows: its options and, where the question
// allows it, "not sure".
func listRows(options int, unsure bool) int {
	if unsure {
		return options + 1
	}
	return options
}

// cycle moves a list cursor one row up or down, wrapping around.
func cycle(cursor, rows int, up bool) int {
	if rows == 0 {
		return cursor
	}
	if up {
		return (cursor + rows - 1) % rows
	}
	return (cursor + 1) % rows
}
