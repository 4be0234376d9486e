package tui

import (
	"errors"
	"fmt"
	"math"
	"strings"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"b22/classify"
	"b22/internal/present"
)

// numberField takes a number as people type it (see ParseAmount) and shows
// what it read ("= RMB 10,000,000") before it is recorded. "s" or "-" alone
// answers "not sure".
type numberField struct {
	c     *common
	q     *classify.Question
	in    textinput.Model
	orig  string
	known bool
}

func newNumberField(c *common, q *classify.Question, v classify.Value, answered bool, draft string) numberField {
	in := textinput.New()
	in.Prompt = "› "
	in.PromptStyle = c.st.marker
	in.CharLimit = 64
	in.Width = 30
	in.Cursor.SetMode(cursor.CursorStatic)
	in.Focus()
	f := numberField{c: c, q: q}
	switch {
	case answered && v.Known:
		f.orig, f.known = present.Number(v.Num), true
	case answered && q.Unsure:
		f.orig = "s"
	}
	in.SetValue(f.orig)
	if draft != "" {
		in.SetValue(draft)
	}
	f.in = in
	return f
}

func (f numberField) update(msg tea.KeyMsg) (field, fieldEvent) {
	switch msg.Type {
	case tea.KeyEnter:
		if f.q.Unsure && isUnsureText(f.in.Value()) {
			return f, fieldUnsure
		}
		return f, fieldSubmit
	case tea.KeyUp, tea.KeyDown:
		return f, fieldNone
	}
	f.in, _ = f.in.Update(msg)
	return f, fieldNone
}

// numberKind is money, percent or count, from the question's unit: it
// picks the examples shown.
func numberKind(q *classify.Question) string {
	switch q.Unit {
	case "cny":
		return "money"
	case "percent":
		return "percent"
	}
	return "count"
}

// isUnsureText is how a typing field says "not sure": s or - alone, as in
// the plain mode, or the words.
func isUnsureText(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "s", "-", "not sure", "unsure", "不确定", "不知道":
		return true
	}
	return false
}

func (f numberField) view(int) []string {
	f.in.Placeholder = f.c.t(numberKind(f.q) + "_placeholder")
	out := []string{"  " + inputView(f.in)}
	if v, msg := f.answer(); msg == "" && strings.TrimSpace(f.in.Value()) != "" && !isUnsureText(f.in.Value()) {
		out = append(out, "    "+f.c.st.ok.Render("= "+f.c.words().Answer(f.q, v)))
	} else {
		out = append(out, "")
	}
	hint := f.c.t(numberKind(f.q) + "_hint")
	if f.q.Unsure {
		hint += f.c.t("sep") + f.c.t("number_hint_unsure")
	}
	for _, l := range f.c.wrap(hint, 4) {
		out = append(out, f.c.st.dim.Render(l))
	}
	return out
}

func (f numberField) answer() (classify.Value, string) {
	return parseNumberAnswer(f.c.lang, f.q, f.in.Value())
}

// parseNumberAnswer reads a typed number for q and checks its range; the
// message says what to type instead.
func parseNumberAnswer(lang string, q *classify.Question, s string) (classify.Value, string) {
	v, err := ParseAmount(s)
	var ae *AmountError
	if errors.As(err, &ae) {
		switch ae.Reason {
		case AmountEmpty:
			msg := tr(lang, "n_empty_"+numberKind(q))
			if q.Unsure {
				msg += tr(lang, "sep") + tr(lang, "number_hint_unsure")
			}
			return classify.Value{}, msg
		case AmountNegative:
			return classify.Value{}, tr(lang, "n_negative")
		case AmountSeparators:
			return classify.Value{}, fmt.Sprintf(tr(lang, "n_separators"), safe(ae.Near))
		case AmountUnitOrder:
			return classify.Value{}, fmt.Sprintf(tr(lang, "n_unit_order"), safe(ae.Near))
		case AmountTooLarge:
			return classify.Value{}, rangeMessage(lang, q)
		default:
			// The whole text typed, not the word that stopped the
			// reading: "12 people", not "people".
			return classify.Value{}, fmt.Sprintf(tr(lang, "n_unknown_"+numberKind(q)), safe(strings.TrimSpace(s)))
		}
	}
	if (q.Min != nil && v < *q.Min) || (q.Max != nil && v > *q.Max) {
		return classify.Value{}, rangeMessage(lang, q)
	}
	if q.Type == classify.TypeInt && v != math.Trunc(v) {
		return classify.Value{}, fmt.Sprintf(tr(lang, "n_whole"), present.Number(math.Round(v)))
	}
	return classify.NumberValue(v), ""
}

func rangeMessage(lang string, q *classify.Question) string {
	f := func(v *float64) string { return present.Number(*v) }
	what := tr(lang, "n_a_number")
	if q.Type == classify.TypeInt {
		what = tr(lang, "n_a_whole_number")
	}
	switch {
	case q.Min != nil && q.Max != nil:
		return fmt.Sprintf(tr(lang, "n_range"), what, f(q.Min), f(q.Max))
	case q.Min != nil:
		return fmt.Sprintf(tr(lang, "n_range_min"), what, f(q.Min))
	case q.Max != nil:
		return fmt.Sprintf(tr(lang, "n_range_max"), what, f(q.Max))
	}
	return tr(lang, "n_too_large")
}

// pending keeps a typed number that reads, when leaving without enter.
func (f numberField) pending() (classify.Value, bool) {
	s := strings.TrimSpace(f.in.Value())
	if s == f.orig || s == "" || isUnsureText(s) {
		return classify.Value{}, false
	}
	v, msg := f.answer()
	return v, msg == ""
}

// draft keeps typed text that does not read yet.
func (f numberField) draft() string {
	s := f.in.Value()
	if strings.TrimSpace(s) == f.orig {
		return ""
	}
	if _, msg := f.answer(); msg != "" {
		return s
	}
	return ""
}

func (f numberField) typing() bool        { return true }
func (f numberField) context() keyContext { return ctxNumber }

func (f numberField) text() string { return f.in.Value() }

// plainChoices is empty: a number is typed, not chosen.
func (f numberField) plainChoices() []string { return nil }

func (f numberField) plainHint() string {
	return plainHint(f.c, f.q, f.c.t("plain_allowed_"+numberKind(f.q)))
}

// parseLine reads a line as the widget reads what is typed in it. Every
// message it gives says what to type instead: the keys every prompt
// takes follow it, not the whole hint again.
func (f numberField) parseLine(line string) (classify.Value, string) {
	v, problem := parseNumberAnswer(f.c.lang, f.q, line)
	if problem != "" {
		return v, sentences(f.c.lang, problem, plainKeys(f.c, f.q))
	}
	return v, ""
}
