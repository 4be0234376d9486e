package present_test

import (
	"strings"
	"testing"

	"b22/classify"
	"b22/internal/present"
)

func TestLeverWords(t *testing.T) {
	rs := ruleSet(t)
	scope := "provincial"
	lv := classify.Lever{Kind: classify.LeverProduct, Effect: classify.EffectScope, Verdict: classify.VerdictLikely,
		Changes:      []classify.LeverChange{{Key: "coverage", FromLabel: classify.Text{Zh: "全国", En: "nationwide"}, ToLabel: classify.Text{Zh: "仅在一个省级行政区内", En: "one province only"}}},
		ScopeChanged: true, Scope: &scope, Met: []string{"registered_capital"}, Removed: []string{"multiparty_telephone"}}
	for _, tt := range []struct {
		lang string
		want []string
	}{
		{"en", []string{"Where in mainland China is the service offered? nationwide → one province only", "product decision", "no longer: domestic multi-party telephone conference service", "licence: value-added telecom business licence (provincial)", "meets: Registered capital"}},
		{"zh", []string{"服务覆盖范围多大？全国 → 仅在一个省级行政区内", "产品决定", "不再属于：国内多方电话会议服务业务", "许可：增值电信业务经营许可证（省内）", "满足：注册资本"}},
	} {
		w := present.NewWords(rs, tt.lang).Lever(lv)
		all := strings.Join(w.Change, "|") + "|" + w.Kind + "|" + strings.Join(w.Effects, "|")
		for _, s := range tt.want {
			if !strings.Contains(all, s) {
				t.Errorf("%s: %q lacks %q", tt.lang, all, s)
			}
		}
		if strings.Contains(all, "registered_capital") || strings.Contains(all, "multiparty_telephone") || strings.Contains(all, "coverage") {
			t.Errorf("%s: an id in words for people: %q", tt.lang, all)
		}
	}
	// A lever that makes a licence unlikely says so first, and lists no
	// sub-categories it no longer falls in (none remain to list).
	unlikely := classify.Lever{Kind: classify.LeverProduct, Effect: classify.EffectUnlikely, Verdict: classify.VerdictUnlikely,
		Changes: []classify.LeverChange{{Key: "audience"}}, Removed: []string{"multiparty_telephone"}}
	if w := present.NewWords(rs, "en").Lever(unlikely); len(w.Effects) != 1 || w.Effects[0] != "then: unlikely to need B22" {
		t.Errorf("unlikely lever effects = %q", w.Effects)
	}
}

// TestLeverCouldAdd: a sub-category a change brings in only if questions
// still open allow is "could add", never "adds"; a relabelling is not
// shown to people.
func TestLeverCouldAdd(t *testing.T) {
	rs := ruleSet(t)
	lv := classify.Lever{Kind: classify.LeverProduct, Effect: classify.EffectSubcategories, Verdict: classify.VerdictLikely,
		Changes: []classify.LeverChange{{Key: "realtime_video", FromLabel: classify.Text{Zh: "否", En: "no"}, ToLabel: classify.Text{Zh: "是", En: "yes"}}},
		Added:   []string{"video_telephone_conference", "internet_conference_image"}, Open: []string{"video_telephone_conference"}}
	for lang, want := range map[string][]string{
		"en": {"adds: domestic Internet conference television and image service", "could add, depending on questions still open: domestic video-telephone conference service"},
		"zh": {"新增：国内互联网会议电视及图像服务业务", "视尚未确定的问题，可能新增：国内可视电话会议服务业务"},
	} {
		effects := strings.Join(present.NewWords(rs, lang).Lever(lv).Effects, "|")
		for _, s := range want {
			if !strings.Contains(effects, s) {
				t.Errorf("%s: %q lacks %q", lang, effects, s)
			}
		}
		if strings.Count(effects, "video-telephone")+strings.Count(effects, "可视电话") != 1 {
			t.Errorf("%s: %q names the open sub-category twice", lang, effects)
		}
	}
	label := classify.Lever{Kind: classify.LeverLabel, Changes: []classify.LeverChange{{Key: "use_cases"}}}
	if got := present.ForPeople([]classify.Lever{lv, label}); len(got) != 1 || got[0].Kind != classify.LeverProduct {
		t.Errorf("ForPeople kept %+v", got)
	}
}
