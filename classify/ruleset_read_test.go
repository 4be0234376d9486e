package classify_test

import (
	"bytes"
	"testing"

	"b22/classify"
	"b22/classify/answers"
	"b22/classify/resultjson"
	"b22/questionnaires"
)

// TestReadersLeaveTheRuleSetAlone: what a caller does with what a rule set
// hands out never reaches the rule set. Its lists come back with no room
// to grow, so an append copies; its scalars and texts come back as copies.
// The same document then gives the same bytes before and after.
func TestReadersLeaveTheRuleSetAlone(t *testing.T) {
	rs, err := classify.Load(questionnaires.Shipped()) // its own: a failure must not spread
	if err != nil {
		t.Fatal(err)
	}
	doc, err := answers.New(rs).Parse("b", []byte(benchDocs["half-known"]), answers.FormatJSON)
	if err != nil {
		t.Fatal(err)
	}
	opts := classify.Options{AsOf: mustDate("2026-11-01"), Levers: true}
	result := func() []byte {
		r, err := rs.Evaluate(doc, opts)
		if err != nil {
			t.Fatal(err)
		}
		return resultjson.Marshal(r)
	}
	before := result()

	lists := map[string]func() int{
		"Sections":      grow(t, rs.Sections, classify.Section{ID: "added"}),
		"Questions":     grow(t, rs.Questions, classify.Question{ID: "added"}),
		"Sources":       grow(t, rs.Sources, classify.Source{ID: "added"}),
		"Parameters":    grow(t, rs.Parameters, classify.Parameter{ID: "added"}),
		"Gates":         grow(t, rs.Gates, classify.Rule{ID: "added"}),
		"Subcategories": grow(t, rs.Subcategories, classify.Subcategory{ID: "added"}),
		"Scopes":        grow(t, rs.Scopes, classify.ScopeRule{Scope: "added"}),
		"Requirements":  grow(t, rs.Requirements, classify.Requirement{ID: "added"}),
		"Regimes":       grow(t, rs.Regimes, classify.Rule{ID: "added"}),
		"Routes":        grow(t, rs.Routes, classify.Route{}),
		"Notes":         grow(t, rs.Notes, classify.Rule{ID: "added"}),
	}
	for name, length := range lists {
		if length() == 0 {
			t.Errorf("%s() is empty; the test needs something to append after", name)
		}
	}
	texts := rs.Texts()
	texts.Disclaimer = classify.Text{Zh: "改", En: "changed"}
	texts.OpenPoints = append(texts.OpenPoints, classify.Text{Zh: "加", En: "added"})
	title := rs.Title()
	title.En = "changed"

	if got := rs.Texts(); got.Disclaimer == texts.Disclaimer || len(got.OpenPoints) == len(texts.OpenPoints) {
		t.Error("a change to the copy Texts() returned reached the rule set")
	}
	if rs.Title() == title {
		t.Error("a change to the copy Title() returned reached the rule set")
	}
	if after := result(); !bytes.Equal(before, after) {
		t.Errorf("the same document gave other bytes after callers appended to the rule set's lists:\n%s\n%s", before, after)
	}
}

// grow appends to the list get returns and checks that the rule set's own
// list neither grew nor had its storage written past its end; it returns
// a function giving the list's length.
func grow[T any](t *testing.T, get func() []T, extra T) func() int {
	t.Helper()
	list := get()
	if cap(list) != len(list) {
		t.Errorf("a list of %T has room to grow (len %d, cap %d): an append would write into the rule set", extra, len(list), cap(list))
	}
	_ = append(list, extra)
	if len(get()) != len(list) {
		t.Errorf("appending to a list of %T changed the rule set's", extra)
	}
	return func() int { return len(get()) }
}
