// Package jsonw writes JSON strings and numbers byte for byte as
// encoding/json does (with SetEscapeHTML(false)), without reflection: the
// canonical answers document and the result encoder both build on it, and
// tests hold both to encoding/json.
package jsonw

import (
	"encoding/binary"
	"math"
	"strconv"
	"unicode/utf8"
)

// AppendNumber writes a number as encoding/json does.
func AppendNumber(b []byte, f float64) []byte {
	abs := math.Abs(f)
	format := byte('f')
	if abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' { // clean up e-09 to e-9, as encoding/json does
		n := len(b)
		if n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
}

// AppendString writes s as a JSON string as encoding/json does with
// SetEscapeHTML(false): control characters, quote and backslash escaped,
// invalid UTF-8 replaced by U+FFFD, U+2028 and U+2029 escaped. Runs of
// plain bytes are copied whole.
func AppendString(b []byte, s string) []byte {
	b = append(b, '"')
	// Ids and English text are mostly plain ASCII: step over eight such
	// bytes at a time, and copy a string that is plain throughout at once.
	i := 0
	for i+8 <= len(s) && plain8(s[i:i+8]) {
		i += 8
	}
	for i < len(s) && s[i] < utf8.RuneSelf && !Escapes[s[i]] {
		i++
	}
	if i == len(s) {
		b = append(b, s...)
		return append(b, '"')
	}
	start := 0
	for i < len(s) {
		if i+8 <= len(s) && plain8(s[i:i+8]) {
			i += 8
			continue
		}
		c := s[i]
		if c < utf8.RuneSelf {
			if !Escapes[c] {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			default:
				b = append(b, `\u00`...)
				b = append(b, "0123456789abcdef"[c>>4], "0123456789abcdef"[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i++
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, `\u202`...)
			b = append(b, "0123456789abcdef"[r&0xf])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// plain8 reports whether none of the eight bytes of s needs escaping:
// each is ASCII from space up and none is '"' or '\\'.
func plain8(s string) bool {
	return PlainWord(binary.LittleEndian.Uint64([]byte(s))) // no copy: read-only
}

// PlainWord is plain8 for eight bytes read as a little-endian word.
func PlainWord(w uint64) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	// (x - ones*n) & ^x & highs is non-zero when x has a byte below n (for
	// bytes under 0x80): a control character, or, in x = w^(ones*c), a
	// byte equal to c.
	q, bs := w^(ones*'"'), w^(ones*'\\')
	return (w&highs|(w-ones*0x20)&^w|(q-ones)&^q|(bs-ones)&^bs)&highs == 0
}

// Escapes marks the ASCII bytes a JSON string must escape.
var Escapes = func() (t [utf8.RuneSelf]bool) {
	for c := 0; c < 0x20; c++ {
		t[c] = true
	}
	t['"'], t['\\'] = true, true
	return t
}()

// AppendStrings appends a JSON object of the string fields given as
// key, value pairs, in that order, leaving out those whose value is "".
func AppendStrings(b []byte, kv ...string) []byte {
	b = append(b, '{')
	n := 0
	for i := 0; i+1 < len(kv); i += 2 {
		if kv[i+1] == "" {
			continue
		}
		if n > 0 {
			b = append(b, ',')
		}
		n++
		b = AppendString(b, kv[i])
		b = append(b, ':')
		b = AppendString(b, kv[i+1])
	}
	return append(b, '}')
}
