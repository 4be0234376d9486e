package classify

import "testing"

// TestCitationWrittenOut: each kind of pinpoint reads as a lawyer cites it,
// in both languages.
func TestCitationWrittenOut(t *testing.T) {
	tests := []struct {
		at, zh, en string
	}{
		{"art. 6 item 4", "第六条第（四）项", "art. 6(iv)"},
		{"art. 6 para. 1 item 4", "第六条第一款第（四）项", "art. 6(1)(iv)"},
		{"art. 7 para. 3", "第七条第三款", "art. 7(3)"},
		{"art. 69", "第六十九条", "art. 69"},
		{"art. 10", "第十条", "art. 10"},
		{"art. 47 para. 1", "第四十七条第一款", "art. 47(1)"},
		{"art. 105", "第一百零五条", "art. 105"},
		{"art. 120 item 19", "第一百二十条第（十九）项", "art. 120(xix)"},
		{"entry B22", "B22项", "entry B22"},
		{"item 16", "第16项", "item 16"},
		{"whole", "", ""},
		{"not verified", "（条款未核实）", "(article not verified)"},
	}
	for _, tt := range tests {
		p, err := parsePinpoint(tt.at)
		if err != nil {
			t.Errorf("parsePinpoint(%q): %v", tt.at, err)
			continue
		}
		if got := p.inWords("zh"); got != tt.zh {
			t.Errorf("parsePinpoint(%q).inWords(zh) = %q, want %q", tt.at, got, tt.zh)
		}
		if got := p.inWords("en"); got != tt.en {
			t.Errorf("parsePinpoint(%q).inWords(en) = %q, want %q", tt.at, got, tt.en)
		}
		if got := p.String(); got != tt.at {
			t.Errorf("parsePinpoint(%q).String() = %q", tt.at, got)
		}
	}
}

// FuzzParseCitation: any string is refused or read into a citation that
// writes back to an equal one, and whose texts are never empty for a
// pinpoint that names a place.
func FuzzParseCitation(f *testing.F) {
	for _, s := range []string{"licensing-measures-2017 art. 6 item 4", "a art. 6 para. 1 item 4", "b entry B22", "c item 16", "d whole", "e not verified", "f", "g art. 999 para. 999 item 999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := ParseCitation(s)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("empty error")
			}
			return
		}
		again, err := ParseCitation(c.String())
		if err != nil || again != c {
			t.Fatalf("ParseCitation(%q) = %+v; written back %q reads %+v, %v", s, c, c.String(), again, err)
		}
		if k := c.At.Kind; k != PinWhole && k != PinNone && (c.At.inWords("zh") == "" || c.At.inWords("en") == "") {
			t.Fatalf("ParseCitation(%q): empty text for %+v", s, c.At)
		}
	})
}
