package present

import (
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// Wrap is how Lines breaks text. Latin text breaks at spaces; Chinese text
// may break between any two characters, as it is written, except that
// closing punctuation (，。）) never starts a line. Widths are display
// columns: a Chinese character takes two, and an ANSI escape sequence none
// (it stays with the text it styles).
type Wrap struct {
	// Width is the widest a line may be; below 1 counts as 1.
	Width int
	// First, when above 0, is the width of the first line instead: for a
	// paragraph whose first line follows a longer prefix (a bullet) than
	// the lines under it.
	First int
	// Overhang lets closing punctuation that would start a line hang past
	// the width at the end of the line before, as Chinese print does: for
	// print, never a terminal, where the hanging character wraps onto a
	// line of its own. Without it the character before the punctuation
	// goes down with it, so that no line is wider than Width: what a
	// screen needs, where a column too many wraps by itself. Either way
	// opening punctuation (（《“) never ends a line.
	Overhang bool
}

// Lines breaks s into lines; a line break in s ends a line. Spaces at the
// end of a line are dropped.
func (w Wrap) Lines(s string) []string {
	rest := max(w.Width, 1)
	var lines []string
	for _, para := range strings.Split(s, "\n") {
		width := rest
		if len(lines) == 0 && w.First > 0 {
			width = w.First
		}
		var line []string // tokens
		lineW := 0
		flush := func() {
			lines = append(lines, strings.TrimRight(strings.Join(line, ""), " "))
			line, lineW, width = line[:0], 0, rest
		}
		toks := tokens(para)
		for ti, tok := range toks {
			tokW := ansi.StringWidth(tok)
			if lineW+tokW > width && lineW > 0 {
				switch {
				case strings.TrimSpace(ansi.Strip(tok)) == "" && len(line) > 1 && ti+1 < len(toks) && bindsAcrossSpace(line[len(line)-1], toks[ti+1]):
					// The space cannot break here ("RMB" | "1,000,000"):
					// the word before it goes down with it.
					last := line[len(line)-1]
					line = line[:len(line)-1]
					flush()
					line = append(line, last, tok)
					lineW = ansi.StringWidth(last) + tokW
					continue
				case strings.TrimSpace(ansi.Strip(tok)) == "":
					// A space where the line breaks is dropped; the
					// escapes it carries are kept.
					flush()
					line = append(line, strings.TrimLeft(tok, " "))
					continue
				case w.Overhang && noLineStart(line[len(line)-1], tok) && lineW <= width:
					// It hangs past the width, and the token after it
					// starts the next line; a second closing mark (。
					// after ）) does not hang, and goes down with the
					// character before them.
				default:
					// Opening punctuation goes down with what it opens,
					// in plain text too: no line ends with 《 or （.
					var carry []string
					line, carry = carryDown(line, tok)
					flush()
					for _, c := range carry {
						line = append(line, c)
						lineW += ansi.StringWidth(c)
					}
				}
			}
			for tokW > width { // a word wider than the line: cut it
				cut := ansi.Truncate(tok, width, "")
				if ansi.StringWidth(cut) == 0 {
					break
				}
				line = append(line, cut)
				tok = ansi.TruncateLeft(tok, width, "")
				flush()
				tokW = ansi.StringWidth(tok)
			}
			line = append(line, tok)
			lineW += tokW
		}
		flush()
	}
	return lines
}

// carryDown takes off the end of a full line what must go down to the
// next one with next, the token that did not fit: the character before
// closing punctuation (and before that, if it is punctuation too), then
// any opening punctuation. The line keeps at least one token.
func carryDown(line []string, next string) (kept, carry []string) {
	// A number keeps its unit: "RMB 1,000,000", "5 years", "2017年".
	if n := len(line); n > 2 && strings.TrimSpace(ansi.Strip(line[n-1])) == "" && bindsAcrossSpace(line[n-2], next) {
		carry, line = append([]string(nil), line[n-2:]...), line[:n-2]
		next = carry[0]
	}
	for first := next; len(line) > 1 && noLineStart(line[len(line)-1], first); first = carry[0] {
		carry = append([]string{line[len(line)-1]}, carry...)
		line = line[:len(line)-1]
	}
	for len(line) > 1 && noLineEnd(line[len(line)-1]) {
		carry = append([]string{line[len(line)-1]}, carry...)
		line = line[:len(line)-1]
	}
	return line, carry
}

// noLineStart reports whether tok, after prev, is punctuation that
// typesetting keeps off the start of a line: a closing bracket or quote,
// or a stop. Latin punctuation is a token of its own only after Chinese
// text (式) or a space; after a space it is a word in its own right (the
// "?" of a key list) and may start a line.
func noLineStart(prev, tok string) bool {
	t := ansi.Strip(tok)
	r, size := utf8.DecodeRuneInString(t)
	switch {
	case size != len(t) || size == 0:
		return false
	case strings.ContainsRune("，。、；：！？）」』】》〉〕”’", r):
		return true
	}
	if strings.ContainsRune("年月日元万亿个名倍项条%", r) && endsWithDigit(prev) {
		return true // a number keeps its unit: 2017年, 100万
	}
	return strings.ContainsRune(",.;:!?)", r) && strings.TrimSpace(ansi.Strip(prev)) != ""
}

// bindsAcrossSpace reports whether a and b, with a space between them,
// stay on one line: a currency and its amount ("RMB 1,000,000"), a
// number and what it numbers ("No. 321", "art. 69"), an amount and its
// unit ("5 years", "10 million").
func bindsAcrossSpace(a, b string) bool {
	a, b = ansi.Strip(a), ansi.Strip(b)
	switch {
	case (a == "RMB" || a == "CNY" || a == "USD" || a == "No." || a == "art.") && startsWithDigit(b):
		return true
	case endsWithDigit(a):
		switch strings.TrimRight(b, ",.;:)") {
		case "million", "billion", "years", "year", "days", "day", "months", "month", "working", "yuan", "per", "%":
			return true
		}
	}
	return false
}

func endsWithDigit(s string) bool {
	s = ansi.Strip(s)
	return s != "" && s[len(s)-1] >= '0' && s[len(s)-1] <= '9'
}

func startsWithDigit(s string) bool { return s != "" && s[0] >= '0' && s[0] <= '9' }

// noLineEnd reports whether tok is opening punctuation, which Chinese
// typesetting keeps off the end of a line.
func noLineEnd(tok string) bool {
	t := ansi.Strip(tok)
	r, size := utf8.DecodeRuneInString(t)
	return size == len(t) && size > 0 && strings.ContainsRune("（《「『【〔“‘", r)
}

// tokens splits text into words, single spaces and single wide characters.
// An escape sequence joins the token after it.
func tokens(s string) []string {
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
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == ' ':
			emit()
			out = append(out, pending+" ")
			pending = ""
		case ansi.StringWidth(s[i:i+size]) == 2:
			emit()
			out = append(out, pending+s[i:i+size])
			pending = ""
		default:
			cur.WriteString(pending)
			pending = ""
			cur.WriteString(s[i : i+size])
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
