package report

import (
	"strings"

	"github.com/mattn/go-runewidth"
)

// wrap breaks s into lines of at most width display columns, counting wide
// (Chinese) characters as two. Latin text breaks at spaces; Chinese text may
// break between any two characters, as it is written.
func wrap(s string, width int) []string { return wrapHanging(s, width, width) }

// wrapHanging is wrap with a first line of its own width, for a paragraph
// whose first line starts after a longer prefix than the rest.
func wrapHanging(s string, firstWidth, restWidth int) []string {
	width := max(restWidth, 10)
	firstWidth = max(firstWidth, 10)
	var lines []string
	for _, para := range strings.Split(s, "\n") {
		var line strings.Builder
		lineW := 0
		width := width
		if len(lines) == 0 {
			width = firstWidth
		}
		flush := func() {
			lines = append(lines, strings.TrimRight(line.String(), " "))
			line.Reset()
			lineW = 0
			width = max(restWidth, 10)
		}
		for _, tok := range tokens(para) {
			w := runewidth.StringWidth(tok)
			// Closing punctuation never starts a line (kinsoku): let it
			// overhang by its width instead.
			if lineW+w > width && lineW > 0 && (!noLineStart(tok) || lineW > width) {
				flush()
				if tok == " " {
					continue
				}
			}
			for w > width { // a single token wider than the line: cut it
				cut := runewidth.Truncate(tok, width, "")
				if cut == "" {
					break
				}
				line.WriteString(cut)
				flush()
				tok = tok[len(cut):]
				w = runewidth.StringWidth(tok)
			}
			line.WriteString(tok)
			lineW += w
		}
		flush()
	}
	return lines
}

// tokens splits text into words, single spaces and single wide characters.
func tokens(s string) []string {
	var out []string
	start := -1
	for i, r := range s {
		wide := runewidth.RuneWidth(r) == 2
		if r == ' ' || wide {
			if start >= 0 {
				out = append(out, s[start:i])
				start = -1
			}
			out = append(out, string(r))
			continue
		}
		if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		out = append(out, s[start:])
	}
	return out
}

// noLineStart reports punctuation that must not begin a line.
func noLineStart(tok string) bool {
	return strings.ContainsAny(tok, "，。、；：！？）」』】》〉”’,.;:!?)") && runewidth.StringWidth(tok) <= 2 && len([]rune(tok)) == 1
}
