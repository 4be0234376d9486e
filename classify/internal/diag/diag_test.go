package diag

import (
	"errors"
	"strings"
	"testing"
)

func TestClip(t *testing.T) {
	if got := Clip("short"); got != "short" {
		t.Errorf("Clip(short) = %q", got)
	}
	long := strings.Repeat("中", 100) // 300 bytes
	got := Clip(long)
	if !strings.HasSuffix(got, "… (300 bytes)") || !strings.HasPrefix(got, "中") || strings.Contains(got, "\ufffd") {
		t.Errorf("Clip(300 bytes of Chinese) = %q: want whole characters and the size", got)
	}
}

func TestDidYouMean(t *testing.T) {
	allowed := []string{"nationwide", "single_province", "multiple_provinces"}
	for got, want := range map[string]string{
		"national":                 "nationwide", // shares most of its start
		"nationwid":                "nationwide", // one edit
		"single-provnce":           "single_province",
		"banana":                   "",
		strings.Repeat("x", 1<<20): "", // far too long: no distance computed
		"nationwide" + strings.Repeat("!", 1<<20): "nationwide",
	} {
		if s := DidYouMean(got, allowed); s != want {
			t.Errorf("DidYouMean(%.20q) = %q, want %q", got, s, want)
		}
	}
	if h := Hint("nationwid", allowed); h != ` (did you mean "nationwide"?)` {
		t.Errorf("Hint = %q", h)
	}
}

func TestYAMLError(t *testing.T) {
	tab := YAMLError(errors.New("yaml: line 2: found character that cannot start any token"), []byte("a:\n\tb: 1\n"), 32)
	if tab.Line != 2 || tab.Col != 1 || !strings.Contains(tab.Message, "spaces, not tabs") || tab.TooDeep {
		t.Errorf("tab: %+v", tab)
	}
	deep := YAMLError(errors.New("yaml: exceeded max depth of 10000"), []byte("a: "+strings.Repeat("[", 40)), 32)
	if deep.Line != 1 || deep.Col != 4+32 || !deep.TooDeep {
		t.Errorf("deep: %+v, want line 1 col 36, too deep", deep)
	}
	// A bracket in the middle of plain text is a character, not nesting.
	text := YAMLError(errors.New("yaml: exceeded max depth of 10000"), []byte("a: x"+strings.Repeat("[", 40)), 32)
	if text.Line != 0 || !text.TooDeep {
		t.Errorf("text: %+v, want no place", text)
	}
	if p, ok := ControlChar([]byte("a: b\nc: \x1b\n")); !ok || p.Line != 2 || p.Col != 4 {
		t.Errorf("ControlChar = %+v, %v", p, ok)
	}
}

// TestRange: the range of a number question reads the same in every
// problem and in the questionnaire's reference.
func TestRange(t *testing.T) {
	two, big := 2.0, 1e4
	tests := []struct {
		whole    bool
		min, max *float64
		want     string
	}{
		{true, &two, &big, "a whole number from 2 to 10000"},
		{false, &two, nil, "a number of at least 2"},
		{true, nil, &big, "a whole number of at most 10000"},
		{false, nil, nil, "a number"},
	}
	for _, tt := range tests {
		if got := Range(tt.whole, tt.min, tt.max); got != tt.want {
			t.Errorf("Range(%v, %v, %v) = %q, want %q", tt.whole, tt.min, tt.max, got, tt.want)
		}
	}
}
