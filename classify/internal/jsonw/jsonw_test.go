package jsonw

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// FuzzAppendString: the hand-written string encoder writes what
// encoding/json writes (without HTML escaping), for any string, valid UTF-8 or not.
func FuzzAppendString(f *testing.F) {
	for _, s := range []string{"", "plain", "中文", "\"\\\n\r\t\b\f\x00\x1f\x7f", "\u2028\u2029", "\xff\xfe", "<&>", "a\xe2\x80"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(s); err != nil {
			t.Fatal(err)
		}
		got := AppendString(nil, s)
		if !bytes.Equal(got, bytes.TrimSuffix(want.Bytes(), []byte("\n"))) {
			t.Fatalf("AppendString(%q) = %s, want %s", s, got, want.Bytes())
		}
	})
}

// BenchmarkAppendString writes the ids and English text results are
// mostly made of.
func BenchmarkAppendString(b *testing.B) {
	ss := []string{"realtime_voice", "miit-classification-2015", "domestic_multiparty_telephone_conference", "b22.video_conference.likely", "The product offers real-time voice between three or more parties."}
	buf := make([]byte, 0, 1024)
	for b.Loop() {
		buf = buf[:0]
		for _, s := range ss {
			buf = AppendString(buf, s)
		}
	}
}

// plain8 agrees with a byte-by-byte check for every byte value in every
// position, next to plain bytes and next to bytes that need escaping.
func TestPlain8(t *testing.T) {
	naive := func(s string) bool {
		for i := 0; i < len(s); i++ {
			if c := s[i]; c < 0x20 || c >= 0x80 || c == '"' || c == '\\' {
				return false
			}
		}
		return true
	}
	for _, fill := range []byte{'a', ' ', '~', 0x1f, 0x80, '"'} {
		for pos := 0; pos < 8; pos++ {
			for c := 0; c < 256; c++ {
				s := []byte(strings.Repeat(string(fill), 8))
				s[pos] = byte(c)
				if got, want := plain8(string(s)), naive(string(s)); got != want {
					t.Fatalf("plain8(%q) = %v, want %v", s, got, want)
				}
			}
		}
	}
}
