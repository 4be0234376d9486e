package classify_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"b22/classify"
	"b22/questionnaires"
)

func TestCondParts(t *testing.T) {
	rs, err := classify.Load(questionnaires.Shipped())
	if err != nil {
		t.Fatal(err)
	}
	var staff, foreign *classify.Requirement
	for i := range rs.Requirements() {
		switch rs.Requirements()[i].ID {
		case "staff":
			staff = &rs.Requirements()[i]
		case "foreign_investment":
			foreign = &rs.Requirements()[i]
		}
	}
	param := func(id string) int {
		for i, p := range rs.Parameters() {
			if p.ID == id {
				return i
			}
		}
		t.Fatalf("no parameter %s", id)
		return -1
	}
	coverage := rs.Question("coverage")

	// {key: qualified_staff, at_least: {param: min_staff}}
	got := staff.MetWhen.Parts()
	want := classify.CondParts{Kind: classify.CondAtLeast, Question: rs.QuestionIndex("qualified_staff"), Param: param("min_staff")}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("staff met_when parts (-want +got):\n%s", diff)
	}

	// any: [{key: foreign_ownership_percent, at_most: 0}, {param: fite_vats_cap_percent, unset: true}]
	got = foreign.MetWhen.Parts()
	if got.Kind != classify.CondAny || len(got.Conds) != 2 || got.Question != -1 || got.Param != -1 {
		t.Fatalf("foreign_investment met_when parts = %+v, want any of two", got)
	}
	if p := got.Conds[0].Parts(); p.Kind != classify.CondAtMost || p.Question != rs.QuestionIndex("foreign_ownership_percent") || p.Number != 0 || p.Param != -1 {
		t.Errorf("first part = %+v, want a foreign share of at most 0", p)
	}
	if p := got.Conds[1].Parts(); p.Kind != classify.CondNoLimit || p.Param != param("fite_vats_cap_percent") || p.Question != -1 {
		t.Errorf("second part = %+v, want no limit on fite_vats_cap_percent", p)
	}

	// {key: coverage, in: [multiple_provinces, nationwide]}
	for _, s := range rs.Scopes() {
		if s.ID != "scope_cross_regional" {
			continue
		}
		got := s.When.Parts()
		want := classify.CondParts{Kind: classify.CondIn, Question: rs.QuestionIndex("coverage"), Param: -1,
			Choices: 1<<coverage.ChoiceIndex("multiple_provinces") | 1<<coverage.ChoiceIndex("nationwide")}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("scope_cross_regional when parts (-want +got):\n%s", diff)
		}
	}

	// No condition holds, as all of nothing does.
	var none *classify.Cond
	if got := none.Parts(); got.Kind != classify.CondAll || len(got.Conds) != 0 || got.Question != -1 || got.Param != -1 {
		t.Errorf("nil.Parts() = %+v, want all of nothing", got)
	}
}
