package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// TestSourceURLsWhole: every copy of every source is on the result screen
// whole, at 50 and 80 columns, in both languages: at its label's indent,
// on one line where it fits, else in pieces one under another that join
// into the address; never shortened with "…", never wider than the
// screen. With hyperlinks, every piece links to the whole URL.
func TestSourceURLsWhole(t *testing.T) {
	for _, lang := range []string{"en", "zh"} {
		for _, w := range []int{50, 80} {
			d := newDriver(t, testOptions(t, lang), w, 24)
			d.keys(walkKeys...)
			d.keys("r")
			lines := d.m.result.render()
			var urls []string
			for _, s := range d.m.res.Sources {
				urls = append(urls, s.URL)
				for _, l := range s.Links {
					urls = append(urls, l.URL)
				}
			}
			if len(urls) == 0 {
				t.Fatal("no sources")
			}
			plain := make([]string, len(lines))
			for i, l := range lines {
				plain[i] = ansi.Strip(l)
				if cw := ansi.StringWidth(plain[i]); cw > w {
					t.Errorf("%s, width %d: line %d is %d columns: %q", lang, w, i, cw, plain[i])
				}
			}
			for _, url := range urls {
				at, _ := findURL(plain, url)
				if at < 0 {
					t.Errorf("%s, width %d: %s is not whole on the screen", lang, w, url)
					continue
				}
				indent := len(plain[at]) - len(strings.TrimLeft(plain[at], " "))
				// The line above is the copy's label, or the source's own
				// last line, whose text starts after its bullet.
				label := plain[at-1]
				li := len(label) - len(strings.TrimLeft(label, " "))
				if strings.HasPrefix(strings.TrimLeft(label, " "), "• ") {
					li += 2
				}
				if li != indent {
					t.Errorf("%s, width %d: %s starts at column %d, under %q at column %d", lang, w, url, indent, label, li)
				}
			}
			// With hyperlinks, every piece of a URL is a link to all of it.
			d.m.c.links = true
			raw := d.m.result.render()
			for _, url := range urls {
				at, n := findURL(plain, url)
				for k := at; at >= 0 && k < at+n; k++ {
					piece := strings.TrimLeft(raw[k], " ")
					if !strings.HasPrefix(piece, "\x1b]8;") || !strings.Contains(piece, ";"+url+"\a") || !strings.HasSuffix(piece, ansi.ResetHyperlink()) {
						t.Errorf("%s, width %d: piece %q of %s is not a link to it: %q", lang, w, plain[k], url, raw[k])
					}
				}
			}
		}
	}
}

// findURL finds url on lines, whole on one line or in pieces on lines one
// under another, each piece alone on its line at one indent: the first
// line and how many.
func findURL(lines []string, url string) (at, n int) {
	for i, l := range lines {
		piece := strings.TrimLeft(l, " ")
		if piece == "" || !strings.HasPrefix(url, piece) {
			continue
		}
		indent := len(l) - len(piece)
		got := piece
		k := i + 1
		for got != url && k < len(lines) {
			next := strings.TrimLeft(lines[k], " ")
			if len(lines[k])-len(next) != indent || next == "" || !strings.HasPrefix(url, got+next) {
				break
			}
			got += next
			k++
		}
		if got == url {
			return i, k - i
		}
	}
	return -1, 0
}
