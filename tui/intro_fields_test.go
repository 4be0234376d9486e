package tui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// TestIntroLongNames: a long company name pasted into the intro is taken
// whole, and text over the limit is refused with a message, never cut
// without a word.
func TestIntroLongNames(t *testing.T) {
	long := "Shenzhen Acme Communications and Multimedia Conferencing Technology Development Company Limited, Guangzhou Tianhe District Branch Office (formerly Acme Networks)"
	if len([]rune(long)) <= 120 {
		t.Fatal("the name must be longer than the old limit")
	}
	d := newDriver(t, testOptions(t, "en"), 80, 24)
	d.keys("down")
	d.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(long), Paste: true})
	d.noView("Names are kept to")
	d.keys("enter")
	if got := d.m.intro.product(d.m.s.Product).Company; got != long {
		t.Fatalf("company = %q, want the whole name", got)
	}
	// Over the limit: refused, and said.
	d = newDriver(t, testOptions(t, "zh"), 80, 24)
	d.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(strings.Repeat("名", introCharLimit+5)), Paste: true})
	d.wantView("名称最多 300 个字符，超出部分未录入。")
	d.keys("backspace")
	d.noView("名称最多")
}

// TestQuestionMarkIsText: in a text field with text in it, ? is typed;
// in an empty one (or on a button) it still opens the help.
func TestQuestionMarkIsText(t *testing.T) {
	d := newDriver(t, testOptions(t, "en"), 80, 24)
	d.keys("Who's there? Meet", "enter")
	if d.m.keysHelp {
		t.Fatal("? in the product name opened the keys")
	}
	if got := d.m.intro.product(d.m.s.Product).Name; got != "Who's there? Meet" {
		t.Fatalf("name = %q", got)
	}
	d.keys("down", "?")
	if !d.m.keysHelp {
		t.Fatal("? on the start button did not open the keys")
	}
	d.keys("esc", "enter")
	jumpTo(d, "province")
	d.keys("gd?")
	if d.m.question.showHelp {
		t.Fatal("? in the province filter opened the help")
	}
	d.wantView("gd?")
	for range 3 {
		d.keys("backspace")
	}
	d.keys("?")
	d.wantView("Help")
}

// TestStartButtonMarker: the selected button's marker stands apart from it.
func TestStartButtonMarker(t *testing.T) {
	d := newDriver(t, testOptions(t, "en"), 80, 24)
	d.keys("down", "down")
	d.wantView("› [ Start ]")
	d.noView("›[")
}
