package answers_test

import (
	"sync"
	"testing"

	"b22/classify"
	"b22/questionnaires"
)

var (
	loadOnce sync.Once
	loaded   *classify.RuleSet
	loadErr  error
	asOf, _  = classify.ParseDate("2026-11-01")
)

// embedded is the shipped rule set, loaded once for all tests.
func embedded(t testing.TB) *classify.RuleSet {
	t.Helper()
	loadOnce.Do(func() { loaded, loadErr = classify.Load(questionnaires.Shipped()) })
	if loadErr != nil {
		t.Fatalf("Load(embedded) = %v", loadErr)
	}
	return loaded
}
