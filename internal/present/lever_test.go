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
