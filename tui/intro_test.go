package tui

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"b22/classify"
)

// TestIntroSaysWhatTheRuleSetAsks: the welcome screen counts the rule
// set's questions and promises no time the data does not give: the
// minutes of one rule set are wrong for any other.
func TestIntroSaysWhatTheRuleSetAsks(t *testing.T) {
	wide, err := classify.Load(os.DirFS("../testdata/rules/wide"))
	if err != nil {
		t.Fatal(err)
	}
	for _, rs := range []*classify.RuleSet{ruleSet(t), wide} {
		for _, lang := range []string{"en", "zh"} {
			o := testOptions(t, lang)
			o.RuleSet = rs
			d := newDriver(t, o, 200, 40)
			v := d.view()
			n := len(rs.Questions())
			if want := map[string]string{"en": fmt.Sprintf("Up to %d questions", n), "zh": fmt.Sprintf("最多 %d 个问题", n)}[lang]; !strings.Contains(v, want) {
				t.Errorf("%s, %d questions: the intro lacks %q:\n%s", lang, n, want, v)
			}
			for _, w := range []string{"minute", "分钟"} {
				if strings.Contains(v, w) {
					t.Errorf("%s: the intro promises %s:\n%s", lang, w, v)
				}
			}
		}
	}
}

// TestChineseScreensNoLatinSpace: no Chinese screen of the goldens puts a
// Latin space after a full-width stop, comma, semicolon or colon, where
// Chinese has none ("语言：中文", not "语言： 中文").
func TestChineseScreensNoLatinSpace(t *testing.T) {
	files, err := filepath.Glob("testdata/TestGolden/*zh*.golden")
	if err != nil || len(files) == 0 {
		t.Fatalf("no Chinese goldens: %v", err)
	}
	after := regexp.MustCompile(`[。，；：] \S`)
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for n, l := range strings.Split(string(b), "\n") {
			if m := after.FindString(l); m != "" {
				t.Errorf("%s:%d: a Latin space in %q: %s", f, n+1, m, l)
			}
		}
	}
}
