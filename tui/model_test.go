package tui

import (
	"os"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"b22/classify"
)

func TestStartAndAnswer(t *testing.T) {
	d := newDriver(t, testOptions(t, "en"), 80, 24)
	d.wantView("Domestic multi-party communication services (B22) licence check", "Up to 27 questions", "answers.json", "[ Start ]")
	d.keys("Acme Meet", "enter", "Acme Ltd", "enter", "enter")
	d.wantQuestion("realtime_voice")
	d.wantView("Do users talk with each other live by voice", "y  yes", "s  not sure", "1 of about 27 on this path", "So far: nothing answered yet")
	d.keys("y")
	d.wantQuestion("realtime_video")
	s := d.saved()
	if v, ok := value(t, s, "realtime_voice"); v != true || !ok {
		t.Errorf("saved realtime_voice = %v (answered %v), want true", v, ok)
	}
	if s.Product.Name != "Acme Meet" || s.Product.Company != "Acme Ltd" {
		t.Errorf("saved product = %+v", s.Product)
	}
	// not sure is an answer, saved as null
	d.keys("s")
	d.wantQuestion("max_participants")
	if v, ok := value(t, d.saved(), "realtime_video"); v != nil || !ok {
		t.Errorf("saved realtime_video = %v (answered %v), want null, answered", v, ok)
	}
}

func TestNumberField(t *testing.T) {
	d := newDriver(t, testOptions(t, "en"), 80, 24)
	d.keys("enter", "enter", "enter", "y", "y")
	d.wantQuestion("max_participants")
	d.keys("2.5", "enter")
	d.wantQuestion("max_participants")
	d.wantView("Type a whole number, such as 3.")
	d.keys("backspace", "backspace", "backspace", "-3", "enter")
	d.wantView("It cannot be negative")
	d.keys("backspace", "backspace", "1,5", "enter")
	d.wantView(`"1,5" can be read two ways`)
	// Back is never blocked by an invalid number, and the draft survives.
	d.keys("shift+tab")
	d.wantQuestion("realtime_video")
	d.keys("tab")
	d.wantQuestion("max_participants")
	d.wantView("› 1,5", `"1,5" can be read two ways`)
	for range 3 {
		d.keys("backspace")
	}
	d.keys("300")
	// A valid number typed and left with back is kept.
	d.keys("shift+tab")
	if v, _ := value(t, d.saved(), "max_participants"); v != 300.0 {
		t.Errorf("max_participants after back = %v, want 300", v)
	}
	d.keys("tab")
	d.wantView("› 300", "= 300")
}

func TestMoneyAndUnsureText(t *testing.T) {
	d := newDriver(t, testOptions(t, "zh"), 80, 24)
	d.keys("enter", "enter", "enter")
	jumpTo(d, "registered_capital_cny")
	d.wantQuestion("registered_capital_cny")
	d.keys("1.5亿")
	d.wantView("= 人民币15000万元")
	d.keys("enter")
	if v, _ := value(t, d.saved(), "registered_capital_cny"); v != 1.5e8 {
		t.Errorf("registered_capital_cny = %v, want 150000000", v)
	}
	d.wantQuestion("foreign_ownership_percent")
	d.keys("s", "enter")
	if v, ok := value(t, d.saved(), "foreign_ownership_percent"); v != nil || !ok {
		t.Errorf("foreign_ownership_percent = %v (answered %v), want not sure", v, ok)
	}
}

// jumpTo answers "not sure" until question id is shown.
func jumpTo(d *driver, id string) {
	for range 40 {
		if d.current() == id {
			break
		}
		notSure(d)
	}
}

// notSure answers the question shown "not sure", whatever its widget.
func notSure(d *driver) {
	switch d.m.question.f.(type) {
	case numberField:
		d.keys("s", "enter")
	case pickerField:
		d.keys("zzz", "enter")
	default:
		d.keys("s")
	}
}

func TestHelpAndLanguage(t *testing.T) {
	d := newDriver(t, testOptions(t, "en"), 80, 24)
	d.keys("enter", "enter", "enter")
	d.keys("?")
	d.wantView("Help", "Two or more users online at the same time", "Why it matters", "Real-time voice is an element")
	d.keys("?")
	d.noView("Why it matters")
	d.keys("ctrl+l")
	d.wantView("用户之间能否通过产品实时语音交谈", "是", "不确定", "本路径约 27 题中的第 1 题", "目前结论")
	d.keys("L")
	d.wantView("Do users talk with each other live by voice")
}

func TestChoiceWidgets(t *testing.T) {
	d := newDriver(t, testOptions(t, "en"), 80, 24)
	d.keys("enter", "enter", "enter", "y", "y", "300", "enter", "y", "n", "y", "y")
	d.wantQuestion("use_cases")
	d.wantView("[ ] meetings", "Nothing ticked means none")
	d.keys("down", "space", "4")
	d.wantView("[x] meetings", "[x] collaborative work")
	d.keys("enter")
	if v, _ := value(t, d.saved(), "use_cases"); !cmpStrings(v, "meetings", "collaboration") {
		t.Errorf("use_cases = %v", v)
	}
	d.keys("y", "n")
	d.wantQuestion("audience")
	d.keys("down", "down", "enter")
	if v, _ := value(t, d.saved(), "audience"); v != "business_customers" {
		t.Errorf("audience = %v, want business_customers", v)
	}
	// Ticks made and left with back are kept.
	d.keys("shift+tab", "shift+tab", "shift+tab", "shift+tab")
	d.wantQuestion("use_cases")
	d.keys("2", "shift+tab")
	if v, _ := value(t, d.saved(), "use_cases"); !cmpStrings(v, "meetings", "remote_diagnosis", "collaboration") {
		t.Errorf("use_cases after back = %v", v)
	}
}

func cmpStrings(v any, want ...string) bool {
	got, ok := v.([]string)
	return ok && strings.Join(got, ",") == strings.Join(want, ",")
}

func TestProvincePicker(t *testing.T) {
	d := newDriver(t, testOptions(t, "zh"), 80, 24)
	d.keys("enter", "enter", "enter")
	jumpTo(d, "province")
	d.wantQuestion("province")
	d.wantView("北京  Beijing")
	d.keys("gd")
	d.wantView("› 广东  Guangdong")
	d.noView("北京")
	d.keys("backspace", "backspace", "广")
	d.wantView("广东", "广西")
	d.noView("北京")
	d.keys("down", "enter")
	if v, _ := value(t, d.saved(), "province"); v != "guangxi" {
		t.Errorf("province = %v, want guangxi", v)
	}
	d.keys("shift+tab")
	d.wantQuestion("province")
	d.wantView("（当前答案）")
	d.keys("nmg", "enter")
	if v, _ := value(t, d.saved(), "province"); v != "nei_menggu" {
		t.Errorf("province = %v, want nei_menggu", v)
	}
	d.keys("shift+tab", "xyz")
	d.wantView("没有匹配项")
}

func TestFilterChoices(t *testing.T) {
	q := ruleSet(t).Question("province")
	first := func(f string) string {
		m := filterChoices(q.Choices, f)
		if len(m) == 0 {
			return ""
		}
		return q.Choices[m[0]].ID
	}
	for in, want := range map[string]string{"guangdong": "guangdong", "gd": "guangdong", "shaanxi": "shaanxi", "Shanxi": "shanxi",
		"陕": "shaanxi", "nei menggu": "nei_menggu", "inner": "nei_menggu", "xizang": "xizang", "tibet": "xizang", "hk": ""} {
		if got := first(in); got != want {
			t.Errorf("filter %q: first = %q, want %q", in, got, want)
		}
	}
}

func TestSectionJump(t *testing.T) {
	d := newDriver(t, testOptions(t, "en"), 80, 24)
	d.keys("enter", "enter", "enter", "ctrl+g")
	d.wantView("Go to", "1  The service", "0 of 9 answered", "4  The company", "5  Review all answers", "6  Result")
	d.keys("3", "enter")
	d.wantQuestion("mainland_users")
	d.keys("n")
	// Not in mainland China: the company section is not asked.
	d.keys("ctrl+g", "4", "enter")
	d.wantView("That section is not asked given your answers.")
	d.keys("ctrl+g", "6", "enter")
	if d.m.screen != screenResult {
		t.Fatalf("screen = %v, want result", d.m.screen)
	}
	d.wantView("Verdict: a B22 licence is unlikely to be needed")
}

// walk answers the meeting app with phone dial-in: nationwide, own
// platform, a capital below the cross-regional floor.
func walk(d *driver) {
	d.keys("enter", "enter", "enter", "y", "y", "300", "enter", "y", "n", "y", "1", "4", "enter", "y", "n",
		"2", "1", "1", "n", "y", "3", "1", "shanghai", "enter", "1", "500万", "enter", "0", "enter", "12", "enter",
		"y", "y", "y", "6", "enter")
}

func TestReviewEditShowsChange(t *testing.T) {
	d := newDriver(t, testOptions(t, "en"), 80, 24)
	walk(d)
	if d.m.screen != screenReview {
		t.Fatalf("after the last answer: %s, want review", d.current())
	}
	d.wantView("Review", "The service", "Do users talk with each other", "yes", "So far:", "likely needs B22")
	if d.m.res.Verdict != "likely" {
		t.Fatalf("verdict = %s, want likely", d.m.res.Verdict)
	}
	// Edit the first answer: no voice. The phone questions stop being
	// asked; their answers are kept and marked.
	d.keys("home", "enter")
	d.wantQuestion("realtime_voice")
	d.wantView("(editing)", "yes (current answer)")
	d.keys("n")
	if d.m.screen != screenReview {
		t.Fatalf("after the edit: %s, want review", d.current())
	}
	d.wantView("What changed", "Verdict: likely needs B22 (unchanged)", "domestic multi-party telephone conference service: no longer matches", "(no longer asked;", "kept)")
	if v, ok := value(t, d.saved(), "pstn_access"); v != true || !ok {
		t.Errorf("pstn_access after it stopped being asked = %v, %v; want kept", v, ok)
	}
	// Edit mainland_users to not sure: the verdict becomes undetermined.
	for d.m.review.cursor != d.m.c.rs.QuestionIndex("mainland_users") {
		d.keys("down")
	}
	d.keys("enter", "s")
	d.wantView("Verdict: likely needs B22 → undetermined")
}

func TestEditAsksWhatBecameRelevant(t *testing.T) {
	d := newDriver(t, testOptions(t, "en"), 80, 24)
	d.keys("enter", "enter", "enter", "n", "n")
	d.wantQuestion("internet_delivery")
	jumpTo(d, "(review)")
	d.keys("home", "enter", "y")
	// Voice makes the participant and phone questions relevant: asked now.
	d.wantQuestion("max_participants")
	d.wantView("(editing)")
	d.keys("5", "enter")
	d.wantQuestion("pstn_access")
	d.keys("n")
	// Voice also opens the media-path question (delivery over the Internet
	// is not known yet) and the call-centre one (B24 runs over the phone
	// network or the Internet).
	d.wantQuestion("media_relay")
	d.keys("y")
	d.wantQuestion("call_centre")
	d.keys("n")
	if d.m.screen != screenReview {
		t.Fatalf("after the new questions: %s, want review", d.current())
	}
	d.wantView("What changed")
}

func TestResultOpenQuestion(t *testing.T) {
	d := newDriver(t, testOptions(t, "en"), 80, 24)
	d.keys("enter", "enter", "enter", "y", "y", "300", "enter", "y", "n", "y", "1", "enter", "enter", "y", "n", "2", "1", "1", "n")
	d.keys("ctrl+g", "6", "enter")
	d.wantView("Verdict: cannot tell yet")
	if d.m.res.Verdict != "undetermined" || len(d.m.result.items) == 0 {
		t.Fatalf("verdict %s with %d open questions", d.m.res.Verdict, len(d.m.result.items))
	}
	if got := d.m.c.rs.Questions()[d.m.result.items[0]].ID; got != "mainland_users" {
		t.Fatalf("first open question = %s, want mainland_users (pivotal)", got)
	}
	d.keys("tab")
	d.wantView("Questions the verdict depends on", "› 1", "Is the service offered to users in mainland China?", "yes → likely", "enter answer selected")
	d.keys("enter")
	d.wantQuestion("mainland_users")
	d.keys("y")
	// The questions that became relevant are asked, then the result shows
	// what changed.
	for d.m.screen == screenQuestion {
		notSure(d)
	}
	if d.m.screen != screenResult {
		t.Fatalf("after answering: %s, want result", d.current())
	}
	d.wantView("What changed", "Verdict: undetermined → likely needs B22")
	d.keys("o")
	d.wantView("Result JSON saved to")
	data, err := os.ReadFile(ResultPath(d.m.o.Path))
	if err != nil || !strings.Contains(string(data), `"verdict": "likely"`) {
		t.Errorf("result JSON: %v\n%.200s", err, data)
	}
}

// TestResultLever: a lever on the result screen is one key away from its
// question; the edit comes back to the result with what changed.
func TestResultLever(t *testing.T) {
	d := newDriver(t, testOptions(t, "en"), 80, 24)
	d.keys(walkKeys...)
	d.keys("r", "tab")
	d.wantView("What would change it", "Who uses the service? business customers → own staff", "enter change answer")
	phone := "Do participants join, or get called, through ordinary phone"
	for range 12 {
		if d.m.c.rs.Questions()[d.m.result.items[d.m.result.sel]].ID == "pstn_access" {
			break
		}
		d.keys("down")
	}
	d.wantView(phone, "yes → no (product", "no longer: domestic multi-party telephone conference service")
	d.keys("enter")
	d.wantQuestion("pstn_access")
	if !d.m.editing || d.m.editFrom != screenResult {
		t.Fatalf("editing %v from %v; want an edit from the result", d.m.editing, d.m.editFrom)
	}
	d.keys("n")
	for d.m.screen == screenQuestion {
		notSure(d)
	}
	if d.m.screen != screenResult {
		t.Fatalf("after answering: %s, want result", d.current())
	}
	d.wantView("What changed", "domestic multi-party telephone conference service: no longer matches")
	if v, _ := value(t, d.saved(), "pstn_access"); v != false {
		t.Errorf("pstn_access saved as %v, want false", v)
	}
	// The result is the new answers': the way back is a lever now.
	back := false
	for _, lv := range d.m.res.Levers {
		if c := lv.Changes[0]; c.Key == "pstn_access" && c.From == false && c.To == true {
			back = true
		}
	}
	if !back {
		t.Errorf("no lever turns pstn_access back to yes: %+v", d.m.res.Levers)
	}
}

func TestQuitSavesFirst(t *testing.T) {
	d := newDriver(t, testOptions(t, "en"), 80, 24)
	d.keys("enter", "enter", "enter", "y", "y", "42")
	d.keys("ctrl+c")
	if !d.quit {
		t.Fatal("ctrl+c did not quit")
	}
	if v, _ := value(t, d.saved(), "max_participants"); v != 42.0 {
		t.Errorf("max_participants typed before ctrl+c = %v, want 42", v)
	}
}

func TestQuitWhenSaveFails(t *testing.T) {
	o := testOptions(t, "en")
	o.Path = t.TempDir() + "/no/such/folder/a.json"
	d := newDriver(t, o, 80, 24)
	d.keys("enter", "enter", "enter", "y")
	d.wantView("not saved", "Could not save the answers")
	d.keys("ctrl+c")
	if d.quit {
		t.Fatal("quit although the answers could not be saved")
	}
	d.wantView("press ctrl+c again to quit without saving")
	d.keys("ctrl+c")
	if !d.quit {
		t.Fatal("second ctrl+c did not quit")
	}
}

func TestResume(t *testing.T) {
	o := testOptions(t, "en")
	first := newDriver(t, o, 80, 24)
	first.keys("enter", "enter", "enter", "y", "y", "300", "enter")
	// No quit, no final save: as if the process was killed.
	data, err := os.ReadFile(o.Path)
	if err != nil {
		t.Fatal(err)
	}
	s, err := ParseSession(o.RuleSet, o.Path, data)
	if err != nil {
		t.Fatal(err)
	}
	o.Resume, o.ResumeData = s, data
	d := newDriver(t, o, 80, 24)
	d.wantView("Found saved answers", "3 of about", "[ Resume ]", "[ Start over ]")
	d.keys("enter")
	d.wantQuestion("pstn_access")

	// Start over keeps a backup and begins with nothing answered.
	d2 := newDriver(t, o, 80, 24)
	d2.keys("right", "enter")
	d2.wantQuestion("realtime_voice")
	backup, err := os.ReadFile(siblingPath(o.Path, ".bak.json"))
	if err != nil || string(backup) != string(data) {
		t.Errorf("backup: %v\n%s", err, backup)
	}
	if s := d2.saved(); !s.Empty() {
		t.Errorf("after start over the file still has answers:\n%s", s.Marshal())
	}
}

func TestNarrowAndResize(t *testing.T) {
	for _, lang := range []string{"en", "zh"} {
		d := newDriver(t, testOptions(t, lang), 60, 20)
		check := func(where string) {
			t.Helper()
			lines := strings.Split(d.m.View(), "\n")
			if len(lines) != 20 {
				t.Errorf("%s %s: %d lines, want 20", lang, where, len(lines))
			}
			for _, l := range lines {
				if w := ansi.StringWidth(l); w > 60 {
					t.Errorf("%s %s: line %d columns wide: %q", lang, where, w, l)
				}
			}
		}
		check("intro")
		walk(d)
		check("review")
		d.keys("r")
		check("result")
		d.send(resize(100, 30))
		if got := len(strings.Split(d.m.View(), "\n")); got != 30 {
			t.Errorf("after resize: %d lines, want 30", got)
		}
		d.send(resize(60, 20))
		d.keys("esc", "home", "enter")
		check("question")
	}
}

func TestNoEscapesWithoutColour(t *testing.T) {
	d := newDriver(t, testOptions(t, "en"), 80, 24)
	walk(d)
	d.keys("r")
	if strings.Contains(d.m.View(), "\x1b") {
		t.Error("the plain renderer drew an escape sequence")
	}
}

func TestProductNameSanitised(t *testing.T) {
	d := newDriver(t, testOptions(t, "en"), 80, 24)
	d.keys("enter", "enter", "enter")
	d.m.s.Product = classify.Product{Name: "Evil\x1b[31mRed"}
	d.keys("ctrl+g", "6", "enter")
	if v := d.m.View(); strings.Contains(v, "\x1b[31m") || !strings.Contains(v, `Evil\u001b[31mRed`) {
		t.Errorf("product name not neutralised:\n%s", v)
	}
}
