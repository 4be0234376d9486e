package classify_test

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
	loadErr  error
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

var parsers sync.Map // *classify.RuleSet → *answers.Parser

// parserOf is the answers parser of rs, built once.
func parserOf(rs *classify.RuleSet) *answers.Parser {
	if p, ok := parsers.Load(rs); ok {
		return p.(*answers.Parser)
	}
	p, _ := parsers.LoadOrStore(rs, answers.New(rs))
	return p.(*answers.Parser)
}

var encoders sync.Map // *classify.RuleSet → *resultjson.Encoder

// encoderOf is the result encoder of rs, built once.
func encoderOf(rs *classify.RuleSet) *resultjson.Encoder {
	if e, ok := encoders.Load(rs); ok {
		return e.(*resultjson.Encoder)
	}
	e, _ := encoders.LoadOrStore(rs, resultjson.New(rs))
	return e.(*resultjson.Encoder)
}
