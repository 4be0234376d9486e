package tui

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"b22/classify"
)

// hostileAnswers is an answers file written by something other than the
// interview: a company name of 166 characters (longer than the intro's
// input takes from the keyboard), a newline in the name, escape sequences
// (ESC as \u001b, BEL, a C1 control) and bidirectional overrides and
// isolates in all three fields.
const hostileAnswers = `{
  "questionnaire": "b22",
  "product": {
    "name": "Acme\nMeet \u202eevil\u202c \u001b[5mblink\u001b[0m",
    "company": "Acme Holdings Acme Holdings Acme Holdings Acme Holdings Acme Holdings Acme Holdings Acme Holdings Acme Holdings Acme Holdings Acme Holdings Acme Holdings Co \u2066\u001b[1mLtd\u2069",
    "description": "A meeting app \u001b[31mred\u001b[0m \u001b]0;title\u0007 \u0085 and \u202eoverride"
  },
  "answers": {"realtime_voice": true}
}
`

// hostileProduct is the product block of hostileAnswers, as the file holds
// it.
func hostileProduct(t *testing.T) classify.Product {
	t.Helper()
	var doc struct{ Product classify.Product }
	if err := json.Unmarshal([]byte(hostileAnswers), &doc); err != nil {
		t.Fatal(err)
	}
	if n := len([]rune(doc.Product.Company)); n != 166 {
		t.Fatalf("company has %d characters, want 166", n)
	}
	return doc.Product
}

// resumeHostile writes hostileAnswers to o.Path and sets o up to resume it.
func resumeHostile(t *testing.T, o *Options) {
	t.Helper()
	if err := os.WriteFile(o.Path, []byte(hostileAnswers), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := ParseSession(o.RuleSet, o.Path, []byte(hostileAnswers))
	if err != nil {
		t.Fatal(err)
	}
	if s.Product != hostileProduct(t) {
		t.Fatalf("the fixture does not read back: %+q", s.Product)
	}
	o.Resume, o.ResumeData = s, []byte(hostileAnswers)
}

// unsafeRunes lists the characters in a frame that must not reach a
// terminal as they are: C0 and C1 controls (ESC among them; the newlines
// between lines aside) and the bidirectional embeddings, overrides and
// isolates.
func unsafeRunes(frame string) []string {
	var out []string
	for _, r := range frame {
		if (r < 0x20 && r != '\n') || (r >= 0x7f && r <= 0x9f) || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) {
			out = append(out, fmt.Sprintf("U+%04X", r))
		}
	}
	return out
}

// wantSafe fails when the frame (not stripped of anything) has an unsafe
// character, or lacks one of the escaped forms.
func (d *driver) wantSafe(where string, escaped ...string) {
	d.t.Helper()
	v := d.m.View()
	if bad := unsafeRunes(v); len(bad) > 0 {
		d.t.Errorf("%s: raw %v reaches the terminal:\n%s", where, bad, v)
	}
	for _, e := range escaped {
		if !strings.Contains(v, e) {
			d.t.Errorf("%s: the view lacks %q:\n%s", where, e, v)
		}
	}
}

// paste is text pasted into the terminal, as Bubble Tea delivers it.
func paste(s string) tea.Msg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s), Paste: true} }

// TestResumeKeepsProduct: resuming and answering one question writes the
// product back as the file had it: nothing cut to the input's length,
// no newline turned into a space, no escape dropped.
func TestResumeKeepsProduct(t *testing.T) {
	want := hostileProduct(t)
	o := testOptions(t, "en")
	resumeHostile(t, &o)
	d := newDriver(t, o, 80, 24)
	d.keys("enter") // resume
	d.wantQuestion("realtime_video")
	d.keys("y")
	if got := d.saved().Product; got != want {
		t.Errorf("saved product = %+q\nwant %+q", got, want)
	}
	// Back to the intro and on again, still without touching the fields.
	for range 5 {
		if d.m.screen == screenIntro {
			break
		}
		d.keys("esc")
	}
	if d.m.screen != screenIntro {
		t.Fatalf("back did not reach the intro: %s", d.current())
	}
	d.keys("enter")
	if d.m.screen != screenQuestion {
		t.Fatalf("start did not go on to a question: %s", d.current())
	}
	d.keys("y")
	if got := d.saved().Product; got != want {
		t.Errorf("after a second pass, saved product = %+q\nwant %+q", got, want)
	}
}

// TestResumeSavesEditedProduct: a field the user edits is saved as typed;
// the one left alone keeps its bytes.
func TestResumeSavesEditedProduct(t *testing.T) {
	want := hostileProduct(t)
	o := testOptions(t, "en")
	resumeHostile(t, &o)
	d := newDriver(t, o, 80, 24)
	// Up from the buttons is the company, up once more the name.
	d.keys("up", "up")
	for range 80 {
		d.keys("backspace")
	}
	d.keys("Acme Meet")
	d.send(paste(" \u202eX"))
	d.keys("enter", "enter", "enter") // on to the company, the button, resume
	d.wantQuestion("realtime_video")
	d.keys("y")
	got := d.saved().Product
	want.Name = "Acme Meet \u202eX"
	if got != want {
		t.Errorf("saved product = %+q\nwant %+q", got, want)
	}
}

func TestAccessibleResumeKeepsProduct(t *testing.T) {
	want := hostileProduct(t)
	o := testOptions(t, "en")
	resumeHostile(t, &o)
	_, out := plainRun(t, o, "y", "y")
	if got := readSession(t, o).Product; got != want {
		t.Errorf("saved product = %+q\nwant %+q", got, want)
	}
	wantPlainSafe(t, out)
}

// TestUntrustedTextEscaped: the product from a file and text typed or
// pasted into the fields show escaped on every screen, never raw.
func TestUntrustedTextEscaped(t *testing.T) {
	o := testOptions(t, "en")
	resumeHostile(t, &o)
	d := newDriver(t, o, 100, 30)
	d.wantSafe("intro", `Acme\u000aMeet \u202eevil\u202c`, "Acme Holdings Acme Holdings")
	d.keys("up", "up")
	d.send(paste("\u202e\u2066"))
	d.keys("\u202d")
	d.wantSafe("intro, typing", `\u202e\u2066\u202d`)
	d.keys("down", "down", "enter")
	d.wantQuestion("realtime_video")
	d.wantSafe("question")

	// A number field: a pasted override shows escaped, and so does the
	// message about it.
	d.m.goQuestion(o.RuleSet.QuestionIndex("max_participants"))
	d.send(paste("30\u202e0\x1b[31m"))
	d.wantSafe("number field", `30\u202e0`)
	d.keys("enter")
	d.wantSafe("number field message", `\u202e`)

	// The province picker's filter: pasted and typed.
	d.m.goQuestion(o.RuleSet.QuestionIndex("province"))
	d.send(paste("gd\u202e\u2067\x1b[2J"))
	d.keys("\u0085", "\u202a")
	d.wantSafe("province filter", `gd\u202e\u2067`, `\u202a`)

	d.keys("ctrl+g", "5", "enter")
	if d.m.screen != screenReview {
		t.Fatalf("screen = %s, want review", d.m.screen)
	}
	d.wantSafe("review")
	d.keys("ctrl+g", "6", "enter")
	if d.m.screen != screenResult {
		t.Fatalf("screen = %s, want result", d.m.screen)
	}
	d.wantSafe("result", `\u202e`)
}

// TestAccessibleEscapesEchoes: a line the plain mode echoes back (a choice
// it does not know) shows escaped.
func TestAccessibleEscapesEchoes(t *testing.T) {
	o := testOptions(t, "en")
	_, out := plainRun(t, o, "Acme \u202eMeet", "", "\u202eyes\x1b[2J", "y", "\u2066", "q")
	wantPlainSafe(t, out)
	wantOutput(t, out, `"\u202eyes\u001b[2J" is not one of the choices`)
	if got := readSession(t, o).Product.Name; got != "Acme \u202eMeet" {
		t.Errorf("saved name = %+q, want what was typed", got)
	}
}

// TestIntroLongCompanyShowsStart: a company name wider than its input
// shows from its start, with an ellipsis where it is cut.
func TestIntroLongCompanyShowsStart(t *testing.T) {
	o := testOptions(t, "en")
	resumeHostile(t, &o)
	d := newDriver(t, o, 80, 24)
	var line string
	for _, l := range strings.Split(d.view(), "\n") {
		if strings.Contains(l, "Company (optional)") {
			line = l
		}
	}
	if !strings.Contains(line, "Acme Holdings Acme") || !strings.Contains(line, "…") {
		t.Errorf("company line = %q, want its start and an ellipsis", line)
	}
}

// wantPlainSafe fails on each line of plain output with an unsafe
// character.
func wantPlainSafe(t *testing.T, out string) {
	t.Helper()
	for _, l := range strings.Split(out, "\n") {
		if bad := unsafeRunes(l); len(bad) > 0 {
			t.Errorf("plain mode wrote raw %v: %q", bad, l)
		}
	}
}
