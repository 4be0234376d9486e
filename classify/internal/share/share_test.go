package share

import "testing"

// Of reaches, for each rule set, the values the provider points at: the
// rule set's own, not a copy.
func TestOfReachesWhatTheProviderGives(t *testing.T) {
	type values = Values[string, string, string, string]
	type ruleSet struct{ shared values }
	Provide(func(rs *ruleSet) *values { return &rs.shared })
	a, b := &ruleSet{values{Texts: []string{"a"}}}, &ruleSet{values{Texts: []string{"b"}}}
	if got := Of[ruleSet, values](a); got != &a.shared {
		t.Errorf("Of(a) = %p, want %p", got, &a.shared)
	}
	if got := Of[ruleSet, values](b); got.Texts[0] != "b" {
		t.Errorf("Of(b).Texts = %v, want [b]", got.Texts)
	}
}
