package present

import (
	"strings"
	"unicode"
)

// Sanitize neutralises control characters (ANSI escapes among them) and
// bidirectional controls in text that came from the input, so that printing
// it cannot drive the terminal or reorder what a reader sees. Line breaks
// and tabs survive, for text laid out over several lines; every other
// control shows as its \u escape.
func Sanitize(s string) string { return escape(s, keepBreaks) }

// OneLine is Sanitize for a field shown on one line of plain text (a
// product or company name): line breaks and tabs are written as \n and \t,
// as git quotes them in paths, so that a name cannot print lines of its
// own, such as a forged verdict above the real one.
func OneLine(s string) string { return escape(s, quoteBreaks) }

// Escape is Sanitize with no exception: line breaks and tabs show as their
// \u escape too. It is for the interview's screens, where every such text
// sits inside one line or one input field and each escape stands for one
// character the user typed or a file brought.
func Escape(s string) string { return escape(s, escapeBreaks) }

// breaks is what escape does with a line break or a tab.
type breaks int

const (
	keepBreaks   breaks = iota // leave them as they are
	quoteBreaks                // \n and \t
	escapeBreaks               // \u000a and \u0009
)

func escape(s string, b breaks) string {
	if strings.IndexFunc(s, func(r rune) bool { return unsafe(r, b) }) < 0 {
		return s
	}
	var out strings.Builder
	for _, r := range s {
		switch {
		case !unsafe(r, b):
			out.WriteRune(r)
		case b == quoteBreaks && r == '\n':
			out.WriteString(`\n`)
		case b == quoteBreaks && r == '\t':
			out.WriteString(`\t`)
		default:
			const hex = "0123456789abcdef"
			out.WriteString(`\u`)
			out.WriteByte(hex[r>>12&0xf])
			out.WriteByte(hex[r>>8&0xf])
			out.WriteByte(hex[r>>4&0xf])
			out.WriteByte(hex[r&0xf])
		}
	}
	return out.String()
}

// unsafe reports a character escape writes out: a control (C0 or C1), a
// line or paragraph separator, or a bidirectional embedding, override or
// isolate (U+202A-U+202E, U+2066-U+2069); line breaks and tabs unless b
// keeps them.
func unsafe(r rune, b breaks) bool {
	if r == '\n' || r == '\t' {
		return b != keepBreaks
	}
	return unicode.IsControl(r) || r == '\u2028' || r == '\u2029' || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069)
}
