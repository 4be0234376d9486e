package tui

import (
	"strconv"

	tea "github.com/charmbracelet/bubbletea"

	"b22/classify"
)

// enumField is a single choice: a short list, one key per choice (1, 2, …),
// and "not sure" (s) where the question allows it. As with yes/no, an
// unanswered question has no row selected.
type enumField struct {
	c       *common
	q       *classify.Question
	cursor  int // len(q.Choices) is the "not sure" row
	current int // the recorded answer's row, or -1
}

func newEnumField(c *common, q *classify.Question, v classify.Value, answered bool) enumField {
	row := answeredRow(q, v, answered)
	return enumField{c: c, q: q, cursor: row, current: row}
}

func (f enumField) rows() int { return listRows(len(f.q.Choices), f.q.Unsure) }

func (f enumField) update(msg tea.KeyMsg) (field, fieldEvent) {
	k := f.c.keys
	switch {
	case is(msg, k.Up), is(msg, k.Down):
		f.cursor = cycle(f.cursor, f.rows(), is(msg, k.Up))
	case is(msg, k.Choose):
		if f.cursor == len(f.q.Choices) {
			return f, fieldUnsure
		}
		return f, fieldSubmit
	case is(msg, k.NotSure) && f.q.Unsure:
		f.cursor = len(f.q.Choices)
		return f, fieldUnsure
	default:
		if k, _ := choiceNumber(msg.String(), len(f.q.Choices)); k >= 0 {
			f.cursor = k
			return f, fieldSubmit
		}
	}
	return f, fieldNone
}

func (f enumField) view(height int) []string {
	items := make([][]string, f.rows())
	for i := range items {
		if i == len(f.q.Choices) {
			items[i] = choiceRow(f.c, f.cursor == i, "s", f.c.t("not_sure"), f.current == i)
			continue
		}
		items[i] = choiceRow(f.c, f.cursor == i, strconv.Itoa(i+1), f.c.tx(f.q.Choices[i].Label), f.current == i)
	}
	return listWindow(f.c, items, f.cursor, height)
}

func (f enumField) answer() (classify.Value, string) {
	if f.cursor < 0 {
		return classify.Value{}, f.c.t(chooseHint("choose_enum", f.q.Unsure))
	}
	if f.cursor >= len(f.q.Choices) {
		return classify.Value{}, ""
	}
	return classify.Value{Known: true, Set: 1 << f.cursor}, ""
}

func (f enumField) pending() (classify.Value, bool) { return classify.Value{}, false }
func (f enumField) draft() string                   { return "" }
func (f enumField) typing() bool                    { return false }
func (f enumField) context() keyContext             { return ctxChoice }

func (f enumField) text() string { return "" }

func (f enumField) plainChoices() []string { return numberedChoices(f.c, f.q, f.c.tx) }
func (f enumField) plainHint() string      { return listHint(f.c, f.q, "plain_allowed_enum") }

func (f enumField) parseLine(line string) (classify.Value, string) {
	return parseChoiceLine(f.c, f.q, line, f.plainHint())
}
