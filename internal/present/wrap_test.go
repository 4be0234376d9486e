package present_test

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/google/go-cmp/cmp"

	"b22/internal/present"
)

func TestWrap(t *testing.T) {
	tests := []struct {
		in   string
		wrap present.Wrap
		want []string
	}{
		{"one two three four five", present.Wrap{Width: 10}, []string{"one two", "three four", "five"}},
		{"the quick brown fox", present.Wrap{Width: 10}, []string{"the quick", "brown fox"}},
		{"许可证有效期为五年", present.Wrap{Width: 10}, []string{"许可证有效", "期为五年"}},
		{"b22 判断产品是否需要许可", present.Wrap{Width: 10}, []string{"b22 判断产", "品是否需要", "许可"}},
		{"约需 5–10 分钟。", present.Wrap{Width: 9}, []string{"约需 5–10", "分钟。"}},
		{"abcdefghijklmnop", present.Wrap{Width: 10}, []string{"abcdefghij", "klmnop"}},
		{"abcdefghijkl", present.Wrap{Width: 5}, []string{"abcde", "fghij", "kl"}},
		{"a\nb", present.Wrap{Width: 10}, []string{"a", "b"}},
		{"", present.Wrap{Width: 10}, []string{""}},

		// Closing punctuation never starts a line: on a screen the
		// character before it goes down with it ...
		{"有效期（五年）。然后", present.Wrap{Width: 12}, []string{"有效期（五", "年）。然后"}},
		{"约二十三题中已答九题。", present.Wrap{Width: 20}, []string{"约二十三题中已答九", "题。"}},
		{"或被呼叫（固定电话或手机网络）？", present.Wrap{Width: 28}, []string{"或被呼叫（固定电话或手机网", "络）？"}},
		{"或被呼叫（固定电话或手机网络）？", present.Wrap{Width: 30}, []string{"或被呼叫（固定电话或手机网", "络）？"}},
		// ... and opening punctuation never ends one.
		{"会议电视及图像（很可能）", present.Wrap{Width: 16}, []string{"会议电视及图像", "（很可能）"}},
		// ... while in plain text it overhangs the width instead.
		{"有效期（五年）。然后", present.Wrap{Width: 12, Overhang: true}, []string{"有效期（五", "年）。然后"}},
		{"约二十三题中已答九题。", present.Wrap{Width: 20, Overhang: true}, []string{"约二十三题中已答九题。"}},
		{"约二十三题中已答九题。", present.Wrap{Width: 18, Overhang: true}, []string{"约二十三题中已答九", "题。"}},
		// Opening punctuation never ends a line, in plain text either.
		{"依照《电信条例》", present.Wrap{Width: 6, Overhang: true}, []string{"依照", "《电信", "条例》"}},
		{"许可（省内）", present.Wrap{Width: 6, Overhang: true}, []string{"许可", "（省内）"}},

		// Latin punctuation right after Chinese is kept with it; after a
		// space it is a word of its own and may start a line.
		{"业务覆盖范围) on", present.Wrap{Width: 12}, []string{"业务覆盖范", "围) on"}},
		{"业务覆盖范围) on", present.Wrap{Width: 12, Overhang: true}, []string{"业务覆盖范围)", "on"}},
		{"keys: tab skip ? help", present.Wrap{Width: 14}, []string{"keys: tab skip", "? help"}},
		{"keys: tab skip ? help", present.Wrap{Width: 14, Overhang: true}, []string{"keys: tab skip", "? help"}},

		// A first line of its own width, after a longer prefix.
		{"one two three four five", present.Wrap{Width: 10, First: 5}, []string{"one", "two three", "four five"}},
		{"abcdefghijklmnop", present.Wrap{Width: 10, First: 6}, []string{"abcdef", "ghijklmnop"}},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, tt.wrap.Lines(tt.in)); diff != "" {
			t.Errorf("%+v.Lines(%q) (-want +got):\n%s", tt.wrap, tt.in, diff)
		}
	}
}

// TestWrapStyled: escape sequences take no width and stay with their text.
func TestWrapStyled(t *testing.T) {
	styled := "\x1b[1mbold words\x1b[0m and 中文文字"
	lines := present.Wrap{Width: 8}.Lines(styled)
	for _, l := range lines {
		if ansi.StringWidth(l) > 8 {
			t.Errorf("styled line too wide: %q", l)
		}
	}
	if got := strings.ReplaceAll(ansi.Strip(strings.Join(lines, "")), " ", ""); got != "boldwordsand中文文字" {
		t.Errorf("styled text changed: %q", got)
	}
}

// TestWrapWidth: on a screen no line is wider than asked; in plain text
// only closing punctuation may overhang, by one character.
func TestWrapWidth(t *testing.T) {
	text := "B22不设外资股比上限（外商投资准入负面清单自2019年版起将国内多方通信排除在50%上限之外）。 Real-time voice or video among three or more parties over the Internet is the core."
	for w := 10; w < 60; w++ {
		for _, overhang := range []bool{false, true} {
			allowed := w
			if overhang {
				allowed += 2
			}
			for _, line := range (present.Wrap{Width: w, Overhang: overhang}).Lines(text) {
				if ansi.StringWidth(line) > allowed {
					t.Fatalf("width %d, overhang %v: line %q is %d wide", w, overhang, line, ansi.StringWidth(line))
				}
			}
		}
	}
}

// TestWrapKeepsText: wrapping only breaks lines; the text is all there.
func TestWrapKeepsText(t *testing.T) {
	text := "会议电视及图像（很可能）：B22, 点播式) and \"quoted\" words; 约需 5–10 分钟。"
	want := strings.ReplaceAll(text, " ", "")
	for w := 1; w < 40; w++ {
		for _, overhang := range []bool{false, true} {
			got := strings.ReplaceAll(strings.Join(present.Wrap{Width: w, Overhang: overhang}.Lines(text), ""), " ", "")
			if got != want {
				t.Fatalf("width %d, overhang %v: text became %q", w, overhang, got)
			}
		}
	}
}

// TestWrapKeepsNumbersWithUnits: a line never ends between a currency and
// its amount, or an amount and its unit.
func TestWrapKeepsNumbersWithUnits(t *testing.T) {
	for _, c := range []struct {
		text  string
		width int
		apart []string // pairs that must stay on one line
	}{
		{"a fine of 3 to 5 times those gains, or RMB 100,000 to RMB 1,000,000 where gains are small", 62, []string{"RMB 1,000,000", "RMB 100,000"}},
		{"a fine of 3 to 5 times those gains, or RMB 100,000 to RMB 1,000,000 where gains are small", 57, []string{"RMB 1,000,000"}},
		{"The licence is valid for 5 years and then renewed", 26, []string{"5 years"}},
		{"每年第一季度报送年报（2017年起取代年检）；未报送的", 22, []string{"2017年"}},
	} {
		lines := present.Wrap{Width: c.width}.Lines(c.text)
		for _, l := range lines {
			if ansi.StringWidth(l) > c.width {
				t.Errorf("%q at %d: line %q too wide", c.text, c.width, l)
			}
		}
		joined := strings.Join(lines, "\n")
		for _, p := range c.apart {
			if !strings.Contains(joined, p) {
				t.Errorf("%q at %d: %q split:\n%s", c.text, c.width, p, joined)
			}
		}
	}
}

// TestWrapDocumentNumberBrackets: 〔 never ends a line, 〕 never starts one.
func TestWrapDocumentNumberBrackets(t *testing.T) {
	for w := 10; w <= 40; w++ {
		for _, l := range (present.Wrap{Width: w}).Lines("《工业和信息化部关于开展移动互联网应用程序备案工作的通知》（工信部信管〔2023〕105号）") {
			if strings.HasSuffix(l, "〔") || strings.HasPrefix(l, "〕") {
				t.Errorf("width %d: %q", w, l)
			}
		}
	}
}
