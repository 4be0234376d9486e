package tui

import "testing"

// TestNoAnswerByAccident: an unanswered question has no choice selected;
// enter alone records nothing and says how to choose, for every kind of
// question with a cursor. A given answer is selected when it is edited.
func TestNoAnswerByAccident(t *testing.T) {
	for _, lang := range []string{"en", "zh"} {
		t.Run(lang, func(t *testing.T) {
			d := newDriver(t, testOptions(t, lang), 80, 24)
			d.keys("enter", "enter", "enter")
			d.wantQuestion("realtime_voice")
			d.noView("›")
			// One enter too many from the intro answers nothing.
			d.keys("enter")
			d.wantQuestion("realtime_voice")
			if _, ok := value(t, d.m.s, "realtime_voice"); ok {
				t.Fatal("enter with no choice answered realtime_voice")
			}
			d.wantView(map[string]string{"en": "No answer yet: press y for yes", "zh": "尚未作答：按 y 表示是"}[lang])
			// Moving chooses a row; enter then records it.
			d.keys("down", "enter")
			d.wantQuestion("realtime_video")
			if v, ok := value(t, d.m.s, "realtime_voice"); v != true || !ok {
				t.Fatalf("realtime_voice = %v (answered %v), want true", v, ok)
			}
			// Back to an answered question: editing it, its answer is selected.
			d.keys("shift+tab")
			d.wantQuestion("realtime_voice")
			d.wantView("› y")
			d.keys("enter")
			d.wantQuestion("realtime_video")
			d.noView("›")
		})
	}
}

func TestNoAnswerByAccidentKinds(t *testing.T) {
	d := newDriver(t, testOptions(t, "en"), 80, 24)
	d.keys("enter", "enter", "enter", "y", "y", "300", "enter", "y", "n", "y", "y")
	// A list of ticks: enter with nothing ticked asks first, a second
	// enter answers "none of these".
	d.wantQuestion("use_cases")
	d.keys("enter")
	d.wantQuestion("use_cases")
	d.wantView(`Press enter again to answer "none of these"`)
	if _, ok := value(t, d.m.s, "use_cases"); ok {
		t.Fatal("enter with nothing ticked answered use_cases")
	}
	d.keys("enter")
	if v, ok := value(t, d.m.s, "use_cases"); !ok || !cmpStrings(v) {
		t.Fatalf("use_cases = %v (answered %v), want none", v, ok)
	}
	d.keys("n", "n") // no text chat, no call centre
	// A single choice.
	d.wantQuestion("audience")
	d.noView("›")
	d.keys("enter")
	d.wantQuestion("audience")
	d.wantView("No answer yet: press a choice's number")
	d.keys("down", "enter")
	if v, _ := value(t, d.m.s, "audience"); v != "internal_only" {
		t.Fatalf("audience = %v, want internal_only (down from no row is the first choice)", v)
	}
	jumpTo(d, "province")
	// The province list: no row until the user moves or filters.
	d.noView("› 北京")
	d.keys("enter")
	d.wantQuestion("province")
	d.wantView("No answer yet: type to filter")
	d.keys("gd", "enter")
	if v, _ := value(t, d.m.s, "province"); v != "guangdong" {
		t.Fatalf("province = %v, want guangdong", v)
	}
}
