package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// TestCountsRead: once every question asked is answered the count says
// so ("all 26 answered", not "24 of about 24"), and the live line says
// how many questions decide the verdict in words, not "hinges on 10 open".
func TestCountsRead(t *testing.T) {
	for lang, want := range map[string][]string{
		"en": {"all 26 answered"},
		"zh": {"26 题已全部作答"},
	} {
		d := newDriver(t, testOptions(t, lang), 80, 24)
		d.keys(walkKeys...)
		d.wantView(want...)
		d.noView("26 of about 26", "约 26 题中已答 26 题")
	}
	for lang, want := range map[string]string{"en": "· 10 questions decide it", "zh": "取决于 10 个待定问题"} {
		d := newDriver(t, testOptions(t, lang), 160, 24)
		d.keys("enter", "enter", "enter", "y")
		d.wantView(want)
		d.noView("hinges on", "未答问题")
	}
}

// TestGoToFooter: the go-to list's key line says what enter does there
// and that numbers pick an entry, not "enter answer".
func TestGoToFooter(t *testing.T) {
	for lang, want := range map[string][]string{"en": {"enter go there", "1–6 select", "esc close"}, "zh": {"enter 前往", "1–6 选择"}} {
		d := newDriver(t, testOptions(t, lang), 80, 24)
		d.keys("enter", "enter", "enter", "y", "ctrl+g")
		d.wantView(want...)
		d.noView("enter answer", "enter 确定")
	}
}

// TestNoStaleError: an error about a typed number goes once the text is
// changed, rather than stand under a value that now reads.
func TestNoStaleError(t *testing.T) {
	d := newDriver(t, testOptions(t, "en"), 80, 24)
	d.keys("enter", "enter", "enter", "y", "y", "2.5", "enter")
	d.wantView("Type a whole number, such as 3.")
	d.keys("backspace", "backspace")
	d.wantView("= 2")
	d.noView("Type a whole number, such as 3.")
}

// TestTitlesWhole: the intro's title wraps rather than lose its end at
// 50 or 60 columns, and "(editing)" in Chinese has no space before its
// full-width bracket.
func TestTitlesWhole(t *testing.T) {
	for _, w := range []int{50, 60} {
		d := newDriver(t, testOptions(t, "en"), w, 24)
		d.wantView("check\n")
		d.noView("…")
	}
	d := newDriver(t, testOptions(t, "zh"), 60, 24)
	d.keys(walkKeys...)
	d.keys("home", "enter")
	d.wantView("服务内容（修改中）")
}

// TestVerdictOnce: the result states the verdict once, in the rule
// data's words.
func TestVerdictOnce(t *testing.T) {
	d := newDriver(t, testOptions(t, "en"), 80, 24)
	d.keys(walkKeys...)
	d.keys("r")
	d.wantView("Verdict: a B22 licence is likely needed")
	d.noView("LIKELY NEEDS B22")
}

// TestPageDownWords: pgdn pages down, and says so.
func TestPageDownWords(t *testing.T) {
	d := newDriver(t, testOptions(t, "en"), 80, 24)
	d.keys(walkKeys...)
	d.keys("r", "?")
	d.wantView("pgdn    page down")
	d.noView("pgdn    scroll")
}

// TestReviewAnswersNearQuestions: at 160 columns an answer stands near its
// question, not at the far edge of the screen.
func TestReviewAnswersNearQuestions(t *testing.T) {
	d := newDriver(t, testOptions(t, "en"), 160, 40)
	d.keys(walkKeys...)
	for _, l := range strings.Split(d.view(), "\n") {
		if strings.Contains(l, "users talk with each other live by voice") {
			if w := ansi.StringWidth(strings.TrimRight(l, " ")); w > 90 {
				t.Fatalf("answer at column %d: %q", w, l)
			}
			return
		}
	}
	t.Fatalf("no voice question in the review:\n%s", d.view())
}

// TestWindowTooSmall: at 30×8 the interview says the window is too small
// and how large to make it, and comes back when it is.
func TestWindowTooSmall(t *testing.T) {
	for lang, want := range map[string]string{"en": "Window too small (30×8)", "zh": "窗口太小（30×8）"} {
		d := newDriver(t, testOptions(t, lang), 30, 8)
		d.wantView(want)
		d.send(resize(80, 24))
		d.noView(want)
		d.wantView("[ ")
	}
}
