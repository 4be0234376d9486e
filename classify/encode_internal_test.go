package classify

import (
	"bytes"
	"encoding/json"
	"testing"
)

// FuzzAppendJSONString: the hand-written string encoder writes what
// encoding/json writes (without HTML escaping), for any string, valid UTF-8 or not.
func FuzzAppendJSONString(f *testing.F) {
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
		got := appendJSONString(nil, s)
		if !bytes.Equal(got, bytes.TrimSuffix(want.Bytes(), []byte("\n"))) {
			t.Fatalf("appendJSONString(%q) = %s, want %s", s, got, want.Bytes())
		}
	})
}
