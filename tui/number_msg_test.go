package tui

import (
	"strings"
	"testing"
)

// TestNumberMessagesFitTheQuestion: the endpoint count's messages speak of
// whole numbers, not of amounts in 万 or millions, and quote what was
// typed whole, not the fragment the reading stopped at.
func TestNumberMessagesFitTheQuestion(t *testing.T) {
	for _, c := range []struct {
		lang, typed string
		want        []string
	}{
		{"en", "", []string{"Type a whole number, such as 12 or 1,500. Type s if not sure."}},
		{"en", "goo", []string{`Could not read "goo" as a number: type a whole number in digits`}},
		{"en", "12 people", []string{`Could not read "12 people" as a number`}},
		{"zh", "", []string{"请输入整数，例如 12 或 1,500。不确定请输入 s。"}},
		{"zh", "很多人", []string{"无法将“很多人”识别为数字"}},
	} {
		d := newDriver(t, testOptions(t, c.lang), 80, 24)
		d.keys("enter", "enter", "enter", "y", "y")
		d.wantQuestion("max_participants")
		d.keys(c.typed, "enter")
		d.wantView(c.want...)
		if msg := d.m.question.msg; strings.Contains(msg, "万") || strings.Contains(msg, "million") {
			t.Errorf("%s %q: %q speaks of amounts", c.lang, c.typed, msg)
		}
	}
	// The capital question keeps the amounts' examples.
	d := newDriver(t, testOptions(t, "en"), 80, 24)
	d.keys("enter", "enter", "enter")
	jumpTo(d, "registered_capital_cny")
	d.keys("enter")
	d.wantView("Type an amount, for example 1000万")
}
