package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"b22/classify"
	"b22/questionnaires"
)

func TestMain(m *testing.M) {
	// bubbles' widgets draw with the default renderer: no colour in tests,
	// whatever terminal runs them, so that golden screens are stable.
	lipgloss.SetColorProfile(termenv.Ascii)
	os.Exit(m.Run())
}

var testRules *classify.RuleSet

func ruleSet(t testing.TB) *classify.RuleSet {
	t.Helper()
	if testRules == nil {
		rs, err := classify.Load(questionnaires.Shipped())
		if err != nil {
			t.Fatalf("Load: %v", err)
		}
		testRules = rs
	}
	return testRules
}

var testDate, _ = classify.ParseDate("2026-11-26")

func testOptions(t testing.TB, lang string) Options {
	return Options{RuleSet: ruleSet(t), Lang: lang, AsOf: testDate, Path: filepath.Join(t.TempDir(), "answers.json")}
}

// driver runs a model the way the Bubble Tea runtime would, but in one
// goroutine: every command's message is fed back before the next key.
type driver struct {
	t     testing.TB
	m     Model
	quit  bool
	width int
}

func newDriver(t testing.TB, o Options, w, h int) *driver {
	d := &driver{t: t, m: New(o), width: w}
	d.send(tea.WindowSizeMsg{Width: w, Height: h})
	return d
}

func (d *driver) send(msgs ...tea.Msg) *driver {
	d.t.Helper()
	queue := append([]tea.Msg(nil), msgs...)
	for len(queue) > 0 {
		msg := queue[0]
		queue = queue[1:]
		next, cmd := d.m.Update(msg)
		d.m = next.(Model)
		queue = append(queue, d.run(cmd)...)
	}
	return d
}

func (d *driver) run(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	switch msg := cmd().(type) {
	case nil:
		return nil
	case tea.QuitMsg:
		d.quit = true
		return nil
	case tea.BatchMsg:
		var out []tea.Msg
		for _, c := range msg {
			out = append(out, d.run(c)...)
		}
		return out
	default:
		return []tea.Msg{msg}
	}
}

// keys sends each argument as one key: names like "enter", "ctrl+c",
// "shift+tab", or text typed rune by rune.
func (d *driver) keys(ks ...string) *driver {
	d.t.Helper()
	for _, k := range ks {
		for _, msg := range keyMsgs(k) {
			d.send(msg)
		}
	}
	return d
}

var namedKeys = map[string]tea.KeyType{
	"enter": tea.KeyEnter, "tab": tea.KeyTab, "shift+tab": tea.KeyShiftTab, "esc": tea.KeyEsc,
	"up": tea.KeyUp, "down": tea.KeyDown, "ctrl+c": tea.KeyCtrlC, "ctrl+g": tea.KeyCtrlG,
	"ctrl+l": tea.KeyCtrlL, "backspace": tea.KeyBackspace, "pgdown": tea.KeyPgDown, "pgup": tea.KeyPgUp,
	"home": tea.KeyHome, "left": tea.KeyLeft, "right": tea.KeyRight, "end": tea.KeyEnd, "space": tea.KeySpace,
}

func keyMsgs(k string) []tea.Msg {
	if t, ok := namedKeys[k]; ok {
		return []tea.Msg{tea.KeyMsg{Type: t}}
	}
	var out []tea.Msg
	for _, r := range k {
		if r == ' ' {
			out = append(out, tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}})
			continue
		}
		out = append(out, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
	return out
}

// view is the screen without escape sequences.
func (d *driver) view() string { return ansi.Strip(d.m.View()) }

func (d *driver) wantView(subs ...string) {
	d.t.Helper()
	v := d.view()
	for _, s := range subs {
		if !strings.Contains(v, s) {
			d.t.Fatalf("view lacks %q:\n%s", s, v)
		}
	}
}

func (d *driver) noView(subs ...string) {
	d.t.Helper()
	v := d.view()
	for _, s := range subs {
		if strings.Contains(v, s) {
			d.t.Fatalf("view has %q:\n%s", s, v)
		}
	}
}

// current is the question shown, by id.
func (d *driver) current() string {
	if d.m.screen != screenQuestion {
		return "(" + d.m.screen.String() + ")"
	}
	return d.m.c.rs.Questions()[d.m.question.i].ID
}

func (d *driver) wantQuestion(id string) {
	d.t.Helper()
	if got := d.current(); got != id {
		d.t.Fatalf("question = %s, want %s\n%s", got, id, d.view())
	}
}

// saved reads the answers file back as a session.
func (d *driver) saved() *Session {
	d.t.Helper()
	data, err := os.ReadFile(d.m.o.Path)
	if err != nil {
		d.t.Fatalf("answers file: %v", err)
	}
	s, err := ParseSession(d.m.c.rs, "answers.json", data)
	if err != nil {
		d.t.Fatalf("answers file is not a valid document: %v\n%s", err, data)
	}
	return s
}

func value(t testing.TB, s *Session, id string) (any, bool) {
	t.Helper()
	i := s.rs.QuestionIndex(id)
	if i < 0 {
		t.Fatalf("no question %s", id)
	}
	return s.rs.Questions()[i].JSONValue(s.Values[i]), s.Answered[i]
}

func resize(w, h int) tea.Msg { return tea.WindowSizeMsg{Width: w, Height: h} }
