package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/google/go-cmp/cmp"
)

func TestWrapText(t *testing.T) {
	tests := []struct {
		in    string
		width int
		want  []string
	}{
		{"the quick brown fox", 10, []string{"the quick", "brown fox"}},
		{"b22 判断产品是否需要许可", 10, []string{"b22 判断产", "品是否需要", "许可"}},
		{"约需 5–10 分钟。", 9, []string{"约需 5–10", "分钟。"}},
		{"abcdefghijkl", 5, []string{"abcde", "fghij", "kl"}},
		{"a\nb", 10, []string{"a", "b"}},
		// Chinese closing punctuation never starts a line.
		{"约二十三题中已答九题。", 20, []string{"约二十三题中已答九", "题。"}},
		{"或被呼叫（固定电话或手机网络）？", 28, []string{"或被呼叫（固定电话或手机网", "络）？"}},
		{"会议电视及图像（很可能）", 16, []string{"会议电视及图像", "（很可能）"}},
		{"或被呼叫（固定电话或手机网络）？", 30, []string{"或被呼叫（固定电话或手机网", "络）？"}},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, wrapText(tt.in, tt.width)); diff != "" {
			t.Errorf("wrapText(%q, %d) (-want +got):\n%s", tt.in, tt.width, diff)
		}
	}
	styled := "\x1b[1mbold words\x1b[0m and 中文文字"
	for _, l := range wrapText(styled, 8) {
		if ansi.StringWidth(l) > 8 {
			t.Errorf("styled line too wide: %q", l)
		}
	}
	if got := strings.ReplaceAll(ansi.Strip(strings.Join(wrapText(styled, 8), "")), " ", ""); got != "boldwordsand中文文字" {
		t.Errorf("styled text changed: %q", got)
	}
}
