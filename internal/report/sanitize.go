package report

import (
	"strings"
	"unicode"
)

// Sanitize neutralises control characters (ANSI escapes among them) in text
// that came from the input, so that printing it cannot drive the terminal.
// Tabs survive; other controls show as their \u escape.
func Sanitize(s string) string {
	if strings.IndexFunc(s, isUnsafe) < 0 {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if isUnsafe(r) {
			b.WriteString(`\u`)
			const hex = "0123456789abcdef"
			b.WriteByte(hex[r>>12&0xf])
			b.WriteByte(hex[r>>8&0xf])
			b.WriteByte(hex[r>>4&0xf])
			b.WriteByte(hex[r&0xf])
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func isUnsafe(r rune) bool {
	return r != '\t' && r != '\n' && (unicode.IsControl(r) || r == '\u2028' || r == '\u2029' || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069))
}

// OneLine is Sanitize for a field shown on one line (a product or company
// name): line breaks and tabs are written as \n, \r and \t too, as git
// quotes them in paths, so a name cannot print lines of its own, such as a
// forged verdict above the real one.
func OneLine(s string) string {
	s = Sanitize(s)
	if !strings.ContainsAny(s, "\n\r\t") {
		return s
	}
	return strings.NewReplacer("\n", `\n`, "\r", `\r`, "\t", `\t`).Replace(s)
}
