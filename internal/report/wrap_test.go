package report

import (
	"strings"
	"testing"

	"github.com/mattn/go-runewidth"
)

func TestWrap(t *testing.T) {
	tests := []struct {
		in    string
		width int
		want  []string
	}{
		{"one two three four five", 10, []string{"one two", "three four", "five"}},
		{"许可证有效期为五年", 10, []string{"许可证有效", "期为五年"}},
		{"有效期（五年）。然后", 12, []string{"有效期（五年）", "。然后"}},
		{"abcdefghijklmnop", 10, []string{"abcdefghij", "klmnop"}},
		{"a\nb", 10, []string{"a", "b"}},
	}
	for _, tt := range tests {
		got := wrap(tt.in, tt.width)
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("wrap(%q, %d) = %q, want %q", tt.in, tt.width, got, tt.want)
		}
	}
}

// TestWrapNeverExceedsWidth: apart from closing punctuation, which may
// overhang by one character, no line is wider than asked.
func TestWrapNeverExceedsWidth(t *testing.T) {
	text := "B22不设外资股比上限（外商投资准入负面清单自2019年版起将国内多方通信排除在50%上限之外）。 Real-time voice or video among three or more parties over the Internet is the core."
	for w := 10; w < 60; w++ {
		for _, line := range wrap(text, w) {
			if runewidth.StringWidth(line) > w+2 {
				t.Fatalf("width %d: line %q is %d wide", w, line, runewidth.StringWidth(line))
			}
		}
	}
}

func TestSanitize(t *testing.T) {
	for in, want := range map[string]string{
		"plain 中文":           "plain 中文",
		"\x1b[31mred\x1b[0m": `\u001b[31mred\u001b[0m`,
		"bell\a":             `bell\u0007`,
		"tab\tok\nline":      "tab\tok\nline",
		"rtl\u202eevil":      `rtl\u202eevil`,
	} {
		if got := Sanitize(in); got != want {
			t.Errorf("Sanitize(%q) = %q, want %q", in, got, want)
		}
	}
}
