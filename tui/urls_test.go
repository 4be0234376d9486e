package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// TestSourceURLsNotBroken: a source's URL is never wrapped mid-URL on the
// result screen: whole on one line where it fits the width, else one line
// shortened with "…"; with hyperlinks, the link is the whole URL.
func TestSourceURLsNotBroken(t *testing.T) {
	for _, w := range []int{50, 80} {
		d := newDriver(t, testOptions(t, "en"), w, 24)
		d.keys(walkKeys...)
		d.keys("r")
		lines := d.m.result.render()
		text := ansi.Strip(strings.Join(lines, "\n"))
		if len(d.m.res.Sources) == 0 {
			t.Fatal("no sources")
		}
		for _, s := range d.m.res.Sources {
			if ansi.StringWidth(s.URL) <= w-2 {
				if !strings.Contains(text, s.URL) {
					t.Errorf("width %d: %s not whole on one line", w, s.URL)
				}
				continue
			}
			if !strings.Contains(text, ansi.Truncate(s.URL, w-2, "…")) {
				t.Errorf("width %d: %s not shortened on one line", w, s.URL)
			}
		}
		// With hyperlinks, each URL is the target of a link.
		d.m.c.links = true
		raw := strings.Join(d.m.result.render(), "\n")
		for _, s := range d.m.res.Sources {
			if !strings.Contains(raw, ansi.SetHyperlink(s.URL)) {
				t.Errorf("width %d: no hyperlink to %s", w, s.URL)
			}
		}
	}
}
