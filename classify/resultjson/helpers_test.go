package resultjson_test

import (
	"sync"
	"testing"

	"b22/classify"
	"b22/classify/answers"
	"b22/classify/resultjson"
	"b22/questionnaires"
)

var (
	loadOnce sync.Once
	loaded   *classify.RuleSet
	parser   *answers.Parser
	encoder  *resultjson.Encoder
	loadErr  error
)

// embedded is the shipped rule set, loaded once for all tests.
func embedded(t testing.TB) *classify.RuleSet {
	t.Helper()
	loadOnce.Do(func() {
		if loaded, loadErr = classify.Load(questionnaires.Shipped()); loadErr == nil {
			parser, encoder = answers.New(loaded), resultjson.New(loaded)
		}
	})
	if loadErr != nil {
		t.Fatalf("Load(embedded) = %v", loadErr)
	}
	return loaded
}

func parserOf(*classify.RuleSet) *answers.Parser      { return parser }
func encoderOf(*classify.RuleSet) *resultjson.Encoder { return encoder }

func mustDate(s string) classify.Date {
	d, err := classify.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

var asOf = mustDate("2026-11-01")
