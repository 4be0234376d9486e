package present_test

import (
	"testing"

	"b22/internal/present"
)

func TestSanitize(t *testing.T) {
	tests := []struct {
		in                        string
		sanitize, oneLine, escape string
	}{
		{"plain 中文", "plain 中文", "plain 中文", "plain 中文"},
		{"\x1b[31mred\x1b[0m", `\u001b[31mred\u001b[0m`, `\u001b[31mred\u001b[0m`, `\u001b[31mred\u001b[0m`},
		{"bell\a", `bell\u0007`, `bell\u0007`, `bell\u0007`},
		{"tab\tok\nline", "tab\tok\nline", `tab\tok\nline`, `tab\u0009ok\u000aline`},
		{"cr\r\n", `cr\u000d` + "\n", `cr\u000d\n`, `cr\u000d\u000a`},
		{"rtl\u202eevil\u202c", `rtl\u202eevil\u202c`, `rtl\u202eevil\u202c`, `rtl\u202eevil\u202c`},
		{"isolate\u2066x\u2069", `isolate\u2066x\u2069`, `isolate\u2066x\u2069`, `isolate\u2066x\u2069`},
		{"line\u2028para\u2029", `line\u2028para\u2029`, `line\u2028para\u2029`, `line\u2028para\u2029`},
		{"c1\u0085nel\u009b", `c1\u0085nel\u009b`, `c1\u0085nel\u009b`, `c1\u0085nel\u009b`},
		// Text with nothing to escape comes back as it was, invalid
		// UTF-8 included; where something is escaped, invalid bytes
		// become U+FFFD.
		{"bad \xff", "bad \xff", "bad \xff", "bad \xff"},
		{"bad \xff\a", "bad \ufffd\\u0007", "bad \ufffd\\u0007", "bad \ufffd\\u0007"},
	}
	for _, tt := range tests {
		if got := present.Sanitize(tt.in); got != tt.sanitize {
			t.Errorf("Sanitize(%q) = %q, want %q", tt.in, got, tt.sanitize)
		}
		if got := present.OneLine(tt.in); got != tt.oneLine {
			t.Errorf("OneLine(%q) = %q, want %q", tt.in, got, tt.oneLine)
		}
		if got := present.Escape(tt.in); got != tt.escape {
			t.Errorf("Escape(%q) = %q, want %q", tt.in, got, tt.escape)
		}
	}
}
