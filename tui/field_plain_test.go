package tui

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"b22/classify"
)

// TestEveryKindAsksPlainly: every question of the shipped and the wide
// rule set, of every kind, is asked by the plain interview through the
// widget the full screen builds for it. The plain prompt lists the choices
// as the widget names them, and an answer typed on a line is the answer
// the widget records from the same choice (or the same refusal, in the
// same words). A new kind of question, or a widget without its plain form,
// fails here.
func TestEveryKindAsksPlainly(t *testing.T) {
	wide, err := classify.Load(os.DirFS("../testdata/rules/wide"))
	if err != nil {
		t.Fatalf("Load(wide): %v", err)
	}
	types := map[classify.QuestionType]bool{}
	picker := false
	for name, rs := range map[string]*classify.RuleSet{"b22": ruleSet(t), "wide": wide} {
		for _, lang := range []string{"en", "zh"} {
			for i := range rs.Questions() {
				q := &rs.Questions()[i]
				types[q.Type] = true
				picker = picker || (q.Type == classify.TypeEnum && len(q.Choices) > pickerThreshold)
				t.Run(name+"/"+lang+"/"+q.ID, func(t *testing.T) {
					askedAsOnScreen(t, rs, lang, i)
				})
			}
		}
	}
	for k := classify.TypeBool; k <= classify.TypeMulti; k++ {
		if !types[k] {
			t.Errorf("no question of type %s was asked plainly", k)
		}
	}
	if !picker {
		t.Error("no list long enough for the picker was asked plainly")
	}
}

func askedAsOnScreen(t *testing.T, rs *classify.RuleSet, lang string, i int) {
	q := &rs.Questions()[i]
	c := plainCommon(rs, lang, 500)
	f := newField(c, NewSession(rs), i, "")
	hint := f.plainHint()
	if !strings.HasSuffix(hint, c.t("plain_allowed_rest")) {
		t.Errorf("plainHint() = %q, want it to end with the keys every prompt takes", hint)
	}
	screen := ansi.Strip(strings.Join(f.view(500), "\n"))
	for _, l := range f.plainChoices() {
		_, label, ok := strings.Cut(l, ") ")
		if !ok || !strings.HasPrefix(l, "  ") || !strings.Contains(screen, label) {
			t.Errorf("plain choice %q is not a choice of the widget:\n%s", l, screen)
		}
	}
	for _, in := range sameAnswers(q, f) {
		plainV, problem, out := askOneLine(t, rs, lang, i, in.line)
		screenV, screenProblem := answerOnScreen(newField(c, NewSession(rs), i, ""), in.keys)
		if screenProblem != "" {
			// The screen's message says what to type instead; the keys
			// every prompt takes follow it, not the hint again.
			if want := sentences(lang, screenProblem, plainKeys(c, q)); problem != want {
				t.Errorf("line %q: plain says %q, want %q", in.line, problem, want)
			}
			continue
		}
		if problem != "" || !plainV.Known || plainV != screenV {
			t.Errorf("line %q = %v (%s); keys %q on the screen = %v", in.line, q.JSONValue(plainV), problem, in.keys, q.JSONValue(screenV))
		}
		for _, want := range append(f.plainChoices(), hint) {
			if !strings.Contains(out, want+"\n") {
				t.Errorf("the plain prompt lacks %q:\n%s", want, out)
			}
		}
	}
	_, problem := f.parseLine("zzz")
	switch f.(type) {
	case numberField:
		// What a number takes is said once, in the refusal's own words.
		takes := c.t("plain_allowed_" + numberKind(q))
		if strings.Contains(problem, takes) || !strings.HasSuffix(problem, plainKeys(c, q)) {
			t.Errorf(`parseLine("zzz") = %q, want what to type said once, then the keys`, problem)
		}
	default:
		if want := sentences(lang, fmt.Sprintf(c.t("plain_not_choice"), "zzz"), hint); problem != want {
			t.Errorf(`parseLine("zzz") = %q, want %q: a refusal that says again what to type`, problem, want)
		}
	}
	if lang == "zh" && strings.Contains(problem, "。 ") {
		t.Errorf(`parseLine("zzz") = %q: a Latin space after 。`, problem)
	}
}

// sameAnswer is one answer given in each mode: a line typed in the plain
// one, keys pressed on the full screen.
type sameAnswer struct{ line, keys string }

// sameAnswers are every choice the plain prompt offers, by its number (the
// picker filters by name on the screen: its keys are the choice's id), or
// for a number some amounts, good and bad, typed alike in both.
func sameAnswers(q *classify.Question, f field) []sameAnswer {
	var out []sameAnswer
	for _, l := range f.plainChoices() {
		token, _, _ := strings.Cut(strings.TrimSpace(l), ")")
		if token == "s" {
			// "not sure" is the prompt's, for every kind alike.
			continue
		}
		keys := token
		if n, err := strconv.Atoi(token); err == nil && f.typing() {
			keys = q.Choices[n-1].ID
		}
		out = append(out, sameAnswer{token, keys})
	}
	if len(out) == 0 {
		for _, s := range []string{"0", "12", "49.5", "1,500", "1.5亿", "-5", "1,5", "12 people"} {
			out = append(out, sameAnswer{s, s})
		}
	}
	return out
}

// askOneLine runs the plain interview's prompt for question i on one line
// of input, and gives what it recorded or the problem it said.
func askOneLine(t *testing.T, rs *classify.RuleSet, lang string, i int, line string) (classify.Value, string, string) {
	t.Helper()
	var out strings.Builder
	path := filepath.Join(t.TempDir(), "answers.json")
	p := &plain{o: Options{RuleSet: rs, Lang: lang, Path: path}, lang: lang, r: bufio.NewReader(strings.NewReader(line + "\n")),
		w: &out, s: NewSession(rs), sv: &saver{path: path}, width: 80, echo: true}
	back, err := p.ask(i)
	switch {
	case back:
		t.Fatalf("line %q went back", line)
	case err == nil && p.s.Answered[i]:
		return p.s.Values[i], "", out.String()
	case err == nil:
		t.Fatalf("line %q: ask ended without an answer", line)
	}
	// Refused: the problem is the line after the answer, and then the
	// input ends.
	_, after, _ := strings.Cut(out.String(), "> "+line+"\n")
	problem, _, _ := strings.Cut(after, "\n")
	return classify.Value{}, problem, out.String()
}

// answerOnScreen presses keys in the widget, then enter unless a key
// answered already, and gives what it records or what it says to do.
func answerOnScreen(f field, keys string) (classify.Value, string) {
	for _, msg := range keyMsgs(keys) {
		var ev fieldEvent
		if f, ev = f.update(msg.(tea.KeyMsg)); ev == fieldSubmit {
			return f.answer()
		}
	}
	f, _ = f.update(tea.KeyMsg{Type: tea.KeyEnter})
	return f.answer()
}

// TestYesNoReadOneWay: a yes or no pressed as one key on the full screen
// is the same word typed on a line in the plain mode. A number differs on
// purpose: the screen takes it as a row's number, as on every list there;
// the plain mode refuses it, since a piped line may be a step out of line.
func TestYesNoReadOneWay(t *testing.T) {
	rs := ruleSet(t)
	i := rs.QuestionIndex("realtime_voice")
	c := plainCommon(rs, "en", 80)
	for _, word := range []string{"y", "Y", "n", "N", "是", "对", "有", "否", "不", "无"} {
		f := newField(c, NewSession(rs), i, "")
		onScreen, _ := answerOnScreen(f, word)
		typed, problem := f.parseLine(word)
		if problem != "" || !typed.Known || typed != onScreen {
			t.Errorf("%q: typed %+v (%s), pressed %+v", word, typed, problem, onScreen)
		}
	}
	for n, want := range []bool{true, false} {
		f := newField(c, NewSession(rs), i, "")
		key := strconv.Itoa(n + 1)
		if v, _ := answerOnScreen(f, key); !v.Known || v.Bool != want {
			t.Errorf("key %s on the screen = %+v, want the row %v", key, v, want)
		}
		if _, problem := f.parseLine(key); problem == "" {
			t.Errorf("line %q was read as a yes or no", key)
		}
	}
}
