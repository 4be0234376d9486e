package tui

import (
	"strings"
	"testing"
	"unicode"

	"b22/internal/outline"
)

// TestResultPrintsTheOutline: the result screen shows every heading, item
// and line of the result's outline, in both languages: it leaves nothing
// out and words nothing its own way. (Links are shortened to fit.)
func TestResultPrintsTheOutline(t *testing.T) {
	squeeze := func(s string) string {
		return strings.Map(func(r rune) rune {
			if unicode.IsSpace(r) {
				return -1
			}
			return r
		}, s)
	}
	for _, lang := range []string{"en", "zh"} {
		d := newDriver(t, testOptions(t, lang), 200, 3000)
		d.keys(append(append([]string{}, walkKeys...), "r")...)
		m := d.m.result
		screen := squeeze(d.view())
		o := outline.Result(d.m.c.rs, m.s.Document(), m.res, outline.Options{Lang: lang, Answer: m.answer})
		want := []string{o.Lead[0].Text, o.Foot}
		var items func([]outline.Item)
		items = func(list []outline.Item) {
			for _, it := range list {
				want = append(want, it.Label, it.Text)
				items(it.Items)
				for _, l := range it.Lines {
					want = append(want, l.Text)
				}
			}
		}
		for _, s := range o.Sections {
			want = append(want, s.Heading)
			items(s.Items)
		}
		for _, w := range want {
			if !strings.Contains(screen, squeeze(w)) {
				t.Errorf("%s: the result screen lacks %q", lang, w)
			}
		}
	}
}
