package classify

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"b22/internal/gen"
	"b22/questionnaires"
)

func TestStorageTable(t *testing.T) {
	var tab storageTable[int]
	if _, ok := tab.get(listKey([]string{"a"})); ok {
		t.Fatal("empty table found a key")
	}
	lists := make([][]string, 1000)
	for i := range lists {
		lists[i] = []string{strings.Repeat("x", i%7)}
		tab.put(listKey(lists[i]), i)
	}
	tab.put(listKey(lists[3]), -3) // a second put replaces
	for i, l := range lists {
		want := i
		if i == 3 {
			want = -3
		}
		if v, ok := tab.get(listKey(l)); !ok || v != want {
			t.Fatalf("list %d: got %d, %v; want %d", i, v, ok, want)
		}
		// Same contents, other storage: not the same key.
		if _, ok := tab.get(listKey(append([]string(nil), l...))); ok {
			t.Fatalf("list %d found by a copy", i)
		}
		if _, ok := tab.get(listKey(l[:0])); ok {
			t.Fatalf("list %d found with another length", i)
		}
	}
	if tab.n != len(lists) || 2*tab.n > len(tab.keys) {
		t.Fatalf("%d entries in %d slots", tab.n, len(tab.keys))
	}
}

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
		a, _ := rs.Evaluate(doc, asOf)
		b, _ := slow.Evaluate(doc, asOf)
		if !bytes.Equal(a.AppendJSON(nil), b.AppendJSON(nil)) {
			t.Fatalf("line %d: results differ", i+1)
		}
	}
}

// cited gives the same sources with the bits prepared at load as by
// looking each id up, the way a rule set of more than 64 sources works.
func TestCitedWithoutSourceBits(t *testing.T) {
	slow := loadEmbedded(t)
	for i := range slow.enc.lists.vals {
		slow.enc.lists.vals[i].hasSources = false
	}
	sameOutput(t, loadEmbedded(t), slow)
}

// Texts filled in at load for each answer read as texts filled in when
// the answer is known.
func TestPreparedFills(t *testing.T) {
	slow := loadEmbedded(t)
	prepared := 0
	for i := range slow.Scopes {
		for j := range slow.Scopes[i].Authority {
			if v := &slow.Scopes[i].Authority[j]; v.fillKey >= 0 {
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
	doc := &Document{Answers: make(Answers, len(rs.Questions))}
	for key, v := range raw.Answers {
		i := rs.QuestionIndex(key)
		if i < 0 {
			return nil, fmt.Errorf("unknown key %q", key)
		}
		q := &rs.Questions[i]
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
	rs, err := Load(questionnaires.B22())
	if err != nil {
		t.Fatal(err)
	}
	return rs
}
