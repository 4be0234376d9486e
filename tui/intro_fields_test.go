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

// TestProvinceNotSureKey: on the province list s types into the filter,
// so the help names the key that does answer "not sure" there.
func TestProvinceNotSureKey(t *testing.T) {
	for _, lang := range []string{"en", "zh"} {
		d := newDriver(t, testOptions(t, lang), 80, 24)
		d.keys("enter", "enter", "enter")
		jumpTo(d, "province")
		d.keys("?")
		d.wantView("end", map[string]string{"en": "not sure (the last row)", "zh": "不确定（最后一行）"}[lang])
		d.noView(map[string]string{"en": "s          not sure", "zh": "s          不确定"}[lang])
		d.keys("esc", "s", "end", "enter")
		if v, ok := value(t, d.m.s, "province"); v != nil || !ok {
			t.Fatalf("province = %v (answered %v), want not sure", v, ok)
		}
	}
}

// TestProvinceFilterHintWhole: the filter's hint is not cut, at 50 and 80
// columns, in both languages.
func TestProvinceFilterHintWhole(t *testing.T) {
	for _, lang := range []string{"en", "zh"} {
		for _, w := range []int{50, 80} {
			d := newDriver(t, testOptions(t, lang), w, 24)
			d.keys("enter", "enter", "enter")
			jumpTo(d, "province")
			d.wantView(map[string]string{"en": "type pinyin, Chinese or English to filter", "zh": "输入拼音、中文或英文筛选"}[lang])
		}
	}
}
