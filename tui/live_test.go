package tui

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"b22/classify"
)

// TestLiveLinesKeepVerdictAndCount: at every step of a walk, on the
// shipped rule set and on one of twenty sub-categories, at 40, 50 and 80
// columns, in both languages, the live lines fit in their two rows and
// keep the verdict and how many questions decide it; a list too long for
// them names what it can and says how many more, and nothing is cut with
// "…".
func TestLiveLinesKeepVerdictAndCount(t *testing.T) {
	wide, err := classify.Load(os.DirFS("../testdata/rules/wide"))
	if err != nil {
		t.Fatal(err)
	}
	walks := []struct {
		name string
		rs   *classify.RuleSet
		keys []string
	}{
		{"shipped", ruleSet(t), walkKeys[3:]},
		// Offered here, then not sure of each kind: twenty sub-categories
		// left open.
		{"wide", wide, []string{"y", "s", "s", "s", "s", "y", "1"}},
	}
	for _, w := range walks {
		for _, lang := range []string{"en", "zh"} {
			for _, width := range []int{40, 50, 80} {
				t.Run(fmt.Sprintf("%s/%s/%d", w.name, lang, width), func(t *testing.T) {
					o := testOptions(t, lang)
					o.RuleSet = w.rs
					d := newDriver(t, o, width, 24)
					d.keys("enter", "enter", "enter")
					for _, k := range w.keys {
						d.keys(k)
						if d.m.screen == screenQuestion || d.m.screen == screenReview {
							checkLive(t, d, k)
						}
					}
				})
			}
		}
	}
}

func checkLive(t *testing.T, d *driver, after string) {
	t.Helper()
	c, r := d.m.c, d.m.res
	lines := d.m.liveLines()
	var text string
	for _, l := range lines {
		l = ansi.Strip(l)
		if ansi.StringWidth(l) > c.width {
			t.Errorf("after %q: %q is wider than %d", after, l, c.width)
		}
		text += l
	}
	// Lines break at spaces or between Chinese characters: compare
	// without spaces.
	flat := func(s string) string { return strings.ReplaceAll(s, " ", "") }
	text = flat(text)
	if len(lines) > liveRows {
		t.Errorf("after %q: %d live lines, want at most %d", after, len(lines), liveRows)
	}
	if strings.Contains(text, "…") {
		t.Errorf("after %q: live lines cut: %s", after, text)
	}
	if answered, _ := d.m.s.Progress(); answered == 0 {
		return
	}
	if v := c.words().VerdictShort(r.Verdict); !strings.Contains(text, flat(v)) {
		t.Errorf("after %q: live lines lack the verdict %q: %s", after, v, text)
	}
	if n := len(r.PivotalQuestions); n > 1 && !strings.Contains(text, flat(fmt.Sprintf(c.t("live_hinges"), n))) {
		t.Errorf("after %q: live lines lack the %d questions that decide it: %s", after, n, text)
	}
	// Each list names what it can and counts the rest.
	var found, open, foundNamed, openNamed int
	for _, s := range r.Matched() {
		named := strings.Contains(text, flat(c.words().SubcategoryShort(s.ID)))
		switch {
		case s.Settled && named:
			found, foundNamed = found+1, foundNamed+1
		case s.Settled:
			found++
		case named:
			open, openNamed = open+1, openNamed+1
		default:
			open++
		}
	}
	var more []string
	switch {
	case foundNamed == found:
	case foundNamed > 0:
		more = append(more, fmt.Sprintf(c.t("live_more"), found-foundNamed))
	default:
		more = append(more, fmt.Sprintf(c.t("live_found_count"), found))
	}
	switch {
	case openNamed == open:
	case openNamed > 0:
		more = append(more, fmt.Sprintf(c.t("live_open_more"), "", open-openNamed))
	default:
		more = append(more, fmt.Sprintf(c.t("live_open_count"), open))
	}
	for _, m := range more {
		if !strings.Contains(text, flat(m)) {
			t.Errorf("after %q: no %q for the sub-categories not named: %s", after, m, text)
		}
	}
}
