package tui

import (
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"b22/classify"
)

// boolField is yes / no / not sure, with y, n and s as shortcuts: a key
// answers as the same word typed in the plain mode does (see yesNo). 1 and
// 2 pick the rows, as numbers do on every list of the screen; the plain
// mode, which reads lines that may be a step out of line, takes words
// only. An unanswered question has no row selected, so that enter alone
// never records an answer; an answered one (being edited) starts on its
// answer.
type boolField struct {
	c       *common
	q       *classify.Question
	cursor  int // -1 none yet, 0 yes, 1 no, 2 not sure
	current int
}

func newBoolField(c *common, q *classify.Question, v classify.Value, answered bool) boolField {
	f := boolField{c: c, q: q, cursor: -1, current: -1}
	switch {
	case answered && v.Known && v.Bool:
		f.cursor, f.current = 0, 0
	case answered && v.Known:
		f.cursor, f.current = 1, 1
	case answered && q.Unsure:
		f.cursor, f.current = 2, 2
	}
	return f
}

func (f boolField) rows() int { return listRows(2, f.q.Unsure) }

func (f boolField) update(msg tea.KeyMsg) (field, fieldEvent) {
	k := f.c.keys
	switch {
	case is(msg, k.Up), is(msg, k.Down):
		f.cursor = cycle(f.cursor, f.rows(), is(msg, k.Up))
	case is(msg, k.Choose):
		if f.cursor == 2 {
			return f, fieldUnsure
		}
		return f, fieldSubmit
	case is(msg, k.NotSure) && f.q.Unsure:
		f.cursor = 2
		return f, fieldUnsure
	default:
		if yes, ok := yesNo(msg.String()); ok {
			f.cursor = 1
			if yes {
				f.cursor = 0
			}
			return f, fieldSubmit
		}
		// A row's number picks it, as on every list of this screen.
		if k, _ := choiceNumber(msg.String(), 2); k >= 0 {
			f.cursor = k
			return f, fieldSubmit
		}
	}
	return f, fieldNone
}

func (f boolField) view(int) []string {
	out := append(choiceRow(f.c, f.cursor == 0, "y", f.c.words().Bool(true), f.current == 0),
		choiceRow(f.c, f.cursor == 1, "n", f.c.words().Bool(false), f.current == 1)...)
	if f.q.Unsure {
		out = append(out, choiceRow(f.c, f.cursor == 2, "s", f.c.t("not_sure"), f.current == 2)...)
	}
	return out
}

func (f boolField) answer() (classify.Value, string) {
	switch f.cursor {
	case -1:
		return classify.Value{}, f.c.t(chooseHint("choose_bool", f.q.Unsure))
	case 2:
		return classify.Value{}, ""
	}
	return classify.Value{Known: true, Bool: f.cursor == 0}, ""
}

func (f boolField) pending() (classify.Value, bool) { return classify.Value{}, false }
func (f boolField) draft() string                   { return "" }
func (f boolField) typing() bool                    { return false }
func (f boolField) context() keyContext             { return ctxChoice }

func (f boolField) text() string { return "" }

func (f boolField) plainChoices() []string {
	words := f.c.words()
	return append([]string{"  y) " + words.Bool(true), "  n) " + words.Bool(false)}, plainUnsure(f.c, f.q)...)
}

func (f boolField) plainHint() string { return plainHint(f.c, f.q, f.c.t("plain_allowed_bool")) }

func (f boolField) parseLine(line string) (classify.Value, string) {
	if yes, ok := yesNo(line); ok {
		return classify.Value{Known: true, Bool: yes}, ""
	}
	return classify.Value{}, notChoice(f.c, line, f.plainHint())
}

// yesNo reads yes or no in the words the prompts offer, in either
// language. A number is neither: it is a choice of the question before or
// after, so that answers one step out of line are refused rather than
// read as yes or no.
func yesNo(s string) (yes, ok bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "y", "yes", "true", "是", "是的", "对", "有":
		return true, true
	case "n", "no", "false", "否", "不是", "不", "没有", "无":
		return false, true
	}
	return false, false
}
