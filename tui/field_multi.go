package tui

import (
	"strconv"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"b22/classify"
)

// multiField is a checkbox list: space (or the choice's number) ticks,
// enter records the ticked set, which may be empty ("none of these"). An
// unanswered question starts with no row selected, and enter with nothing
// ticked or touched says how to tick before a second enter records "none
// of these", so that no answer is given by accident.
type multiField struct {
	c       *common
	q       *classify.Question
	cursor  int // -1 none yet; len(q.Choices) is the "not sure" row
	set     uint64
	orig    uint64
	known   bool // the recorded answer is a known set
	touched bool
	// warned is set by an enter that recorded nothing; blank is true
	// while that enter's message is what answer says.
	warned, blank bool
}

func newMultiField(c *common, q *classify.Question, v classify.Value, answered bool) multiField {
	f := multiField{c: c, q: q, cursor: -1}
	if answered && v.Known {
		f.set, f.orig, f.known = v.Set, v.Set, true
	}
	return f
}

func (f multiField) rows() int { return listRows(len(f.q.Choices), f.q.Unsure) }

func (f multiField) update(msg tea.KeyMsg) (field, fieldEvent) {
	k := f.c.keys
	switch {
	case is(msg, k.Up), is(msg, k.Down):
		f.cursor = cycle(f.cursor, f.rows(), is(msg, k.Up))
	case is(msg, k.Toggle):
		if f.cursor < 0 {
			f.cursor = 0
			break
		}
		if f.cursor == len(f.q.Choices) {
			return f, fieldUnsure
		}
		f.set ^= 1 << f.cursor
		f.touched = true
	case is(msg, k.Choose):
		if f.cursor == len(f.q.Choices) {
			return f, fieldUnsure
		}
		f.blank = !f.known && !f.touched && f.set == 0 && !f.warned
		f.warned = true
		return f, fieldSubmit
	case is(msg, k.NotSure) && f.q.Unsure:
		f.cursor = len(f.q.Choices)
		return f, fieldUnsure
	default:
		if k, _ := choiceNumber(msg.String(), len(f.q.Choices)); k >= 0 {
			f.cursor = k
			f.set ^= 1 << f.cursor
			f.touched = true
		}
	}
	return f, fieldNone
}

func (f multiField) view(height int) []string {
	hint := f.c.wrap(f.c.t("multi_hint"), 4)
	items := make([][]string, f.rows())
	for i := range items {
		if i == len(f.q.Choices) {
			items[i] = choiceRow(f.c, f.cursor == i, "s", "    "+f.c.t("not_sure"), false)
			continue
		}
		// The box is drawn after wrapping, so that the label's lines hang
		// under the label, not under the box.
		rows := choiceRow(f.c, f.cursor == i, strconv.Itoa(i+1), "[ ] "+f.c.tx(f.q.Choices[i].Label), false)
		if f.set&(1<<i) != 0 {
			rows[0] = strings.Replace(rows[0], "[ ]", f.c.st.checked.Render("[x]"), 1)
		}
		for k := 1; k < len(rows); k++ {
			rows[k] = "    " + rows[k]
		}
		items[i] = rows
	}
	out := listWindow(f.c, items, f.cursor, height)
	if height-len(out) >= len(hint)+1 {
		out = append(out, "")
		for _, l := range hint {
			out = append(out, f.c.st.dim.Render(l))
		}
	}
	return out
}

func (f multiField) answer() (classify.Value, string) {
	if f.blank {
		return classify.Value{}, f.c.t("choose_multi")
	}
	return classify.Value{Known: true, Set: f.set}, ""
}

// pending keeps ticks made before leaving without enter.
func (f multiField) pending() (classify.Value, bool) {
	if !f.touched || (f.known && f.set == f.orig) {
		return classify.Value{}, false
	}
	return classify.Value{Known: true, Set: f.set}, true
}

func (f multiField) draft() string       { return "" }
func (f multiField) typing() bool        { return false }
func (f multiField) context() keyContext { return ctxMulti }

func (f multiField) text() string { return "" }

func (f multiField) plainChoices() []string { return numberedChoices(f.c, f.q, f.c.tx) }
func (f multiField) plainHint() string      { return listHint(f.c, f.q, "plain_allowed_multi") }

// parseLine reads the numbers of every choice that applies, separated by
// spaces or commas, or a word for "none of these".
func (f multiField) parseLine(line string) (classify.Value, string) {
	switch strings.ToLower(line) {
	case "0", "none", "无", "没有":
		return classify.Value{Known: true}, ""
	}
	var set uint64
	for _, typed := range strings.FieldsFunc(line, func(r rune) bool { return r == ',' || r == ' ' || r == '，' || r == '、' }) {
		k, _ := choiceNumber(typed, len(f.q.Choices))
		if k < 0 {
			return classify.Value{}, notChoice(f.c, typed, f.plainHint())
		}
		set |= 1 << k
	}
	return classify.Value{Known: true, Set: set}, ""
}
