package tui

import (
	"strconv"

	tea "github.com/charmbracelet/bubbletea"

	"b22/classify"
)

// multiField is a checkbox list: space (or the choice's number) ticks,
// enter records the ticked set, which may be empty ("none of these").
type multiField struct {
	c       *common
	q       *classify.Question
	cursor  int // len(q.Choices) is the "not sure" row
	set     uint64
	orig    uint64
	known   bool // the recorded answer is a known set
	touched bool
}

func newMultiField(c *common, q *classify.Question, v classify.Value, answered bool) multiField {
	f := multiField{c: c, q: q}
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
		if f.cursor == len(f.q.Choices) {
			return f, fieldUnsure
		}
		f.set ^= 1 << f.cursor
		f.touched = true
	case is(msg, k.Choose):
		if f.cursor == len(f.q.Choices) {
			return f, fieldUnsure
		}
		return f, fieldSubmit
	case is(msg, k.NotSure) && f.q.Unsure:
		f.cursor = len(f.q.Choices)
		return f, fieldUnsure
	default:
		if n, err := strconv.Atoi(msg.String()); err == nil && n >= 1 && n <= len(f.q.Choices) {
			f.cursor = n - 1
			f.set ^= 1 << f.cursor
			f.touched = true
		}
	}
	return f, fieldNone
}

func (f multiField) view(height int) []string {
	var out []string
	from, to := window(f.rows(), f.cursor, height)
	for i := from; i < to; i++ {
		if i == len(f.q.Choices) {
			out = append(out, choiceRow(f.c, f.cursor == i, "s", "    "+f.c.t("not_sure"), false))
			continue
		}
		box := "[ ]"
		if f.set&(1<<i) != 0 {
			box = f.c.st.checked.Render("[x]")
		}
		out = append(out, choiceRow(f.c, f.cursor == i, strconv.Itoa(i+1), box+" "+f.c.tx(f.q.Choices[i].Label), false))
	}
	if height-len(out) >= 2 {
		out = append(out, "")
		for _, l := range f.c.wrap(f.c.t("multi_hint"), 4) {
			out = append(out, f.c.st.dim.Render(l))
		}
	}
	return out
}

func (f multiField) answer() (classify.Value, string) {
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
