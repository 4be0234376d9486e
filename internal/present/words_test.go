package present_test

import (
	"testing"

	"b22/classify"
	"b22/internal/present"
)

func TestWords(t *testing.T) {
	rs := ruleSet(t)
	tests := []struct {
		name   string
		word   func(present.Words) string
		zh, en string
	}{
		{"Verdict(likely)", func(w present.Words) string { return w.Verdict(classify.VerdictLikely) }, "很可能需要B22许可", "a B22 licence is likely needed"},
		{"Verdict(undetermined)", func(w present.Words) string { return w.Verdict(classify.VerdictUndetermined) }, "尚无法判断：取决于未回答的问题", "cannot tell yet - it depends on unanswered questions"},
		{"VerdictShort(likely)", func(w present.Words) string { return w.VerdictShort(classify.VerdictLikely) }, "很可能需要B22许可", "likely needs B22"},
		{"VerdictShort(possible)", func(w present.Words) string { return w.VerdictShort(classify.VerdictPossible) }, "可能需要B22许可", "may need B22"},
		{"VerdictShort(unlikely)", func(w present.Words) string { return w.VerdictShort(classify.VerdictUnlikely) }, "不太可能需要B22许可", "unlikely to need B22"},
		{"VerdictShort(undetermined)", func(w present.Words) string { return w.VerdictShort(classify.VerdictUndetermined) }, "尚无法判断", "undetermined"},
		{"VerdictWord(likely)", func(w present.Words) string { return w.VerdictWord(classify.VerdictLikely) }, "很可能需要", "likely"},
		{"VerdictWord(unlikely)", func(w present.Words) string { return w.VerdictWord(classify.VerdictUnlikely) }, "不太可能需要", "unlikely"},
		{"Strength(likely)", func(w present.Words) string { return w.Strength(classify.StrengthLikely) }, "很可能", "likely"},
		{"Strength(possible)", func(w present.Words) string { return w.Strength(classify.StrengthPossible) }, "可能", "possible"},
		{"Status(met)", func(w present.Words) string { return w.Status(classify.StatusMet) }, "满足", "met"},
		{"Status(unmet)", func(w present.Words) string { return w.Status(classify.StatusUnmet) }, "不满足", "not met"},
		{"Status(unknown)", func(w present.Words) string { return w.Status(classify.StatusUnknown) }, "未知", "unknown"},
		{"Coverage(covers)", func(w present.Words) string { return w.Coverage(classify.CoverageCovers) }, "已覆盖本服务", "covers this service"},
		{"Coverage(does_not_cover)", func(w present.Words) string { return w.Coverage(classify.CoverageDoesNotCover) }, "无覆盖本服务的许可", "none that covers this service"},
		{"Coverage(unknown)", func(w present.Words) string { return w.Coverage(classify.CoverageUnknown) }, "未知", "not known"},
		{"CoverageSentence(does_not_cover)", func(w present.Words) string { return w.CoverageSentence(classify.CoverageDoesNotCover) }, "公司现有许可不覆盖本服务。", "No existing licence of the company covers this service."},
		// Regime statuses come from the rule data (texts.yaml regime_statuses).
		{"RegimeStatus(triggered)", func(w present.Words) string { return w.RegimeStatus(classify.RegimeTriggered) }, "适用于贵司", "applies to your company"},
		{"RegimeStatus(unknown)", func(w present.Words) string { return w.RegimeStatus(classify.RegimeUnknown) }, "取决于尚未确定的问题", "depends on questions still open"},
		{"RegimeStatus(customer)", func(w present.Words) string { return w.RegimeStatus(classify.RegimeCustomer) }, "适用于运营该服务的一方（例如贵司的客户）", "applies to whoever operates the service, e.g. your customers"},
		{"Bool(true)", func(w present.Words) string { return w.Bool(true) }, "是", "yes"},
		{"Bool(false)", func(w present.Words) string { return w.Bool(false) }, "否", "no"},
		// A value the words do not know shows as itself rather than as
		// nothing.
		{"Status(bogus)", func(w present.Words) string { return w.Status("bogus") }, "bogus", "bogus"},
		{"Coverage(bogus)", func(w present.Words) string { return w.Coverage("bogus") }, "bogus", "bogus"},
	}
	for _, tt := range tests {
		for lang, want := range map[string]string{"zh": tt.zh, "en": tt.en} {
			if got := tt.word(present.NewWords(rs, lang)); got != want {
				t.Errorf("%s in %s = %q, want %q", tt.name, lang, got, want)
			}
		}
	}
}

// TestWordsComplete: every value of every conclusion has its words in
// both languages, from the rule data or from the shared label table.
func TestWordsComplete(t *testing.T) {
	rs := ruleSet(t)
	for _, lang := range []string{"zh", "en"} {
		w := present.NewWords(rs, lang)
		// A value without words shows as its id, which no Chinese text is.
		check := func(kind, id, got string) {
			if got == "" || got == id && lang == "zh" {
				t.Errorf("%s %q in %s = %q: no words for it", kind, id, lang, got)
			}
		}
		for _, v := range classify.Verdicts {
			check("verdict", string(v), w.Verdict(v))
			check("short verdict", string(v), w.VerdictShort(v))
			check("verdict word", string(v), w.VerdictWord(v))
		}
		for _, s := range classify.Strengths {
			check("strength", string(s), w.Strength(s))
		}
		for _, s := range classify.Statuses {
			check("status", string(s), w.Status(s))
		}
		for _, c := range []classify.Coverage{classify.CoverageCovers, classify.CoverageDoesNotCover, classify.CoverageUnknown} {
			check("coverage", string(c), w.Coverage(c))
			check("coverage sentence", string(c), w.CoverageSentence(c))
		}
		for _, s := range []classify.RegimeStatus{classify.RegimeTriggered, classify.RegimeUnknown} {
			check("regime status", string(s), w.RegimeStatus(s))
		}
	}
}

func TestStatusMark(t *testing.T) {
	for s, want := range map[classify.Status]string{classify.StatusMet: "✓", classify.StatusUnmet: "✗", classify.StatusUnknown: "?"} {
		if got := present.StatusMark(s); got != want {
			t.Errorf("StatusMark(%s) = %q, want %q", s, got, want)
		}
	}
}
