package tui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// wrapText breaks s into lines of at most width columns. Latin text breaks
// at spaces; Chinese text may break between any two characters, as it is
// written (ansi.Wrap treats a run of Chinese as one long word). Escape
// sequences count as zero width and stay with the text they style.
func wrapText(s string, width int) []string {
	width = max(width, 4)
	var lines []string
	for _, para := range strings.Split(s, "\n") {
		var line []string // tokens
		lineW := 0
		flush := func() {
			lines = append(lines, strings.TrimRight(strings.Join(line, ""), " "))
			line, lineW = line[:0], 0
		}
		for _, tok := range wrapTokens(para) {
			w := ansi.StringWidth(tok)
			if lineW+w > width && lineW > 0 {
				if strings.TrimSpace(ansi.Strip(tok)) == "" {
					flush()
					line = append(line, strings.TrimLeft(tok, " ")) // keep escapes, drop the space
					continue
				}
				// Chinese closing punctuation never starts a line: the
				// character before it goes down with it.
				var carry []string
				for first := tok; noLineStart(first) && len(line) > 1; first = carry[0] {
					carry = append([]string{line[len(line)-1]}, carry...)
					line = line[:len(line)-1]
				}
				// ... and opening punctuation never ends one.
				for len(line) > 1 && noLineEnd(line[len(line)-1]) {
					carry = append([]string{line[len(line)-1]}, carry...)
					line = line[:len(line)-1]
				}
				flush()
				for _, c := range carry {
					line = append(line, c)
					lineW += ansi.StringWidth(c)
				}
			}
			for w > width { // a word wider than the line: cut it
				cut := ansi.Truncate(tok, width, "")
				if ansi.StringWidth(cut) == 0 {
					break
				}
				line = append(line, cut)
				flush()
				tok = ansi.TruncateLeft(tok, width, "")
				w = ansi.StringWidth(tok)
			}
			line = append(line, tok)
			lineW += w
		}
		flush()
	}
	return lines
}

// noLineEnd reports whether tok is opening punctuation, which Chinese
// typesetting keeps off the end of a line.
func noLineEnd(tok string) bool {
	t := ansi.Strip(tok)
	return t != "" && strings.Contains("（《「『【“‘", t)
}

// noLineStart reports whether tok is punctuation that Chinese typesetting
// keeps off the start of a line.
func noLineStart(tok string) bool {
	t := ansi.Strip(tok)
	return t != "" && strings.Contains("。，、；：？！）》」』】”’", t)
}

// wrapTokens splits text into words, single spaces and single wide
// characters; an escape sequence joins the token after it.
func wrapTokens(s string) []string {
	var out []string
	var cur strings.Builder
	pending := "" // escape sequences waiting for the next token
	emit := func() {
		if cur.Len() > 0 {
			out = append(out, cur.String())
			cur.Reset()
		}
	}
	for i := 0; i < len(s); {
		if s[i] == 0x1b {
			j := i + 1
			if j < len(s) && s[j] == '[' {
				j++
				for j < len(s) && (s[j] < 0x40 || s[j] > 0x7e) {
					j++
				}
			}
			j = min(j+1, len(s))
			if cur.Len() > 0 {
				cur.WriteString(s[i:j])
			} else {
				pending += s[i:j]
			}
			i = j
			continue
		}
		r, size := rune(s[i]), 1
		if s[i] >= 0x80 {
			for _, rr := range s[i:] {
				r = rr
				break
			}
			size = len(string(r))
		}
		switch {
		case r == ' ':
			emit()
			out = append(out, pending+" ")
			pending = ""
		case ansi.StringWidth(string(r)) == 2:
			emit()
			out = append(out, pending+string(r))
			pending = ""
		default:
			if pending != "" {
				cur.WriteString(pending)
				pending = ""
			}
			cur.WriteString(string(r))
		}
		i += size
	}
	emit()
	if pending != "" {
		if len(out) > 0 {
			out[len(out)-1] += pending
		} else {
			out = append(out, pending)
		}
	}
	return out
}
