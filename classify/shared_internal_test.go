package classify

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"testing"

	"b22/internal/gen"
	"b22/questionnaires"
)

// sameOutput checks that two rule sets, one with a shortcut taken away,
// write the same results for realistic documents.
func sameOutput(t *testing.T, rs, slow *RuleSet) {
	t.Helper()
	asOf, _ := ParseDate("2026-11-01")
	for i, line := range bytes.Split(bytes.TrimSpace(gen.Lines(3, 300)), []byte("\n")) {
		doc, err := docFromJSON(rs, line)
		if err != nil {
			t.Fatal(err)
		}
		a, _ := rs.Evaluate(doc, Options{AsOf: asOf})
		b, _ := slow.Evaluate(doc, Options{AsOf: asOf})
		if !reflect.DeepEqual(a, b) {
			t.Fatalf("line %d: results differ", i+1)
		}
	}
}

// cited gives the same sources with the bits prepared at load as by
// looking each id up, the way a rule set of more than 64 sources works.
func TestCitedWithoutSourceBits(t *testing.T) {
	slow := loadEmbedded(t)
	slow.sourceBits = false
	sameOutput(t, loadEmbedded(t), slow)
}

// Texts filled in at load for each answer read as texts filled in when
// the answer is known.
func TestPreparedFills(t *testing.T) {
	slow := loadEmbedded(t)
	prepared := 0
	for i := range slow.scopes {
		for j := range slow.scopes[i].Authority {
			if v := &slow.scopes[i].Authority[j]; v.fillKey >= 0 {
				v.fillKey = fillMany
				prepared++
			}
		}
	}
	if prepared == 0 {
		t.Fatal("no authority names an answer: the test tests nothing")
	}
	sameOutput(t, loadEmbedded(t), slow)
}

// docFromJSON reads a generated answers line into a Document the plain way
// (the answers package, which reads them for real, imports this one).
func docFromJSON(rs *RuleSet, line []byte) (*Document, error) {
	var raw struct{ Answers map[string]any }
	if err := json.Unmarshal(line, &raw); err != nil {
		return nil, err
	}
	doc := &Document{Answers: make(Answers, len(rs.questions))}
	for key, v := range raw.Answers {
		i := rs.QuestionIndex(key)
		if i < 0 {
			return nil, fmt.Errorf("unknown key %q", key)
		}
		q := &rs.questions[i]
		switch x := v.(type) {
		case nil:
		case bool:
			doc.Answers[i] = Value{Known: true, Bool: x}
		case float64:
			doc.Answers[i] = NumberValue(x)
		case string:
			doc.Answers[i] = Value{Known: true, Set: 1 << q.ChoiceIndex(x)}
		case []any:
			set := uint64(0)
			for _, c := range x {
				set |= 1 << q.ChoiceIndex(c.(string))
			}
			doc.Answers[i] = Value{Known: true, Set: set}
		}
	}
	return doc, nil
}

func loadEmbedded(t testing.TB) *RuleSet {
	t.Helper()
	rs, err := Load(questionnaires.Shipped())
	if err != nil {
		t.Fatal(err)
	}
	return rs
}
