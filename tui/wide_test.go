package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"b22/classify"
	"b22/internal/wordcheck"
)

// TestWideRuleSet walks the interview under a rule set unlike B22 (twenty
// sub-categories, licence Z20): every screen, the result and what changed
// after an edit name its things as its data does, in both languages, with
// no raw id and its own count of sub-categories.
func TestWideRuleSet(t *testing.T) {
	rs, err := classify.Load(os.DirFS("../testdata/rules/wide"))
	if err != nil {
		t.Fatal(err)
	}
	// The keys for each question: kind 1, kind 16, paid, one region, not
	// sure whether registered.
	answer := map[string][]string{
		"offered_here": {"y"}, "kind_a": {"1"}, "kind_b": {"6"}, "kind_c": {"6"}, "kind_d": {"1", "enter"},
		"commercial": {"y"}, "coverage": {"1"}, "holds_licence": {"n"}, "registered": {"s"},
	}
	for _, lang := range []string{"en", "zh"} {
		t.Run(lang, func(t *testing.T) {
			o := Options{RuleSet: rs, Lang: lang, AsOf: testDate, Path: filepath.Join(t.TempDir(), "answers.json")}
			d := newDriver(t, o, 80, 400)
			screens := map[string]string{"intro": d.view()}
			d.wantView(map[string]string{"en": "which of its 20 sub-categories", "zh": "二十类测试业务（Z20）"}[lang])
			d.keys("enter", "enter", "enter")
			for n := 0; d.m.screen == screenQuestion && n < 20; n++ {
				id := d.current()
				screens[id] = d.view()
				if keys, ok := answer[id]; ok {
					d.keys(keys...)
				} else {
					notSure(d)
				}
			}
			screens["review"] = d.view()
			d.keys("r")
			if d.m.screen != screenResult || d.m.res.Verdict != classify.VerdictLikely {
				t.Fatalf("screen %s, verdict %v; want the result, likely:\n%s", d.m.screen, d.m.res.Verdict, d.view())
			}
			screens["result"] = d.view()
			// Serving several regions instead changes the licence's scope.
			d.keys("esc")
			for d.m.review.cursor != rs.QuestionIndex("coverage") {
				d.keys("down")
			}
			d.keys("enter", "2")
			screens["what changed"] = d.view()
			d.wantView(map[string]string{"en": "national test service licence", "zh": "全国测试业务许可证"}[lang])
			for name, screen := range screens {
				for _, p := range wordcheck.Problems(rs, screen) {
					t.Errorf("%s screen: %s", name, p)
				}
			}
			if !strings.Contains(screens["result"], rs.Subcategories()[0].Name.In(lang)) {
				t.Errorf("the result does not name kind 1:\n%s", screens["result"])
			}
		})
	}
}
