package present_test

import (
	"sync"
	"testing"

	"b22/classify"
	"b22/questionnaires"
)

var loaded = sync.OnceValues(func() (*classify.RuleSet, error) { return classify.Load(questionnaires.Shipped()) })

// ruleSet is the B22 rule set, loaded once for the package's tests.
func ruleSet(t *testing.T) *classify.RuleSet {
	t.Helper()
	rs, err := loaded()
	if err != nil {
		t.Fatal(err)
	}
	return rs
}
