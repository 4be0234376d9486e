package tui

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"b22/classify"
	"b22/classify/answers"
)

func TestSessionRoundTrip(t *testing.T) {
	rs := ruleSet(t)
	s := NewSession(rs)
	s.Product = classify.Product{Name: "Acme \"Meet\" <x>", Company: "Acme 有限公司"}
	set := func(id string, v classify.Value) { s.Set(rs.QuestionIndex(id), v) }
	set("realtime_voice", classify.Value{Known: true, Bool: true})
	set("realtime_video", classify.Value{}) // not sure
	set("max_participants", classify.Value{Known: true, Num: 300})
	set("use_cases", classify.Value{Known: true, Set: 0b101})
	set("existing_licences", classify.Value{Known: true}) // none
	set("coverage", classify.Value{Known: true, Set: 1 << 2})
	set("registered_capital_cny", classify.Value{Known: true, Num: 1.5e8})
	data := s.Marshal()
	back, err := ParseSession(rs, "a.json", data)
	if err != nil {
		t.Fatalf("ParseSession(Marshal()) = %v\n%s", err, data)
	}
	if diff := cmp.Diff(s.Values, back.Values); diff != "" {
		t.Errorf("values (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(s.Answered, back.Answered); diff != "" {
		t.Errorf("answered (-want +got):\n%s", diff)
	}
	if back.Product != s.Product {
		t.Errorf("product = %+v, want %+v", back.Product, s.Product)
	}
	// "not sure" is an explicit null; unanswered keys are left out.
	want := `{
  "questionnaire": "b22",
  "product": {"name":"Acme \"Meet\" <x>","company":"Acme 有限公司"},
  "answers": {
    "realtime_voice": true,
    "realtime_video": null,
    "max_participants": 300,
    "use_cases": ["meetings","remote_teaching"],
    "coverage": "nationwide",
    "registered_capital_cny": 150000000,
    "existing_licences": []
  }
}
`
	if diff := cmp.Diff(want, string(data)); diff != "" {
		t.Errorf("Marshal (-want +got):\n%s", diff)
	}
}

func TestSessionEmptyIsValid(t *testing.T) {
	rs := ruleSet(t)
	data := NewSession(rs).Marshal()
	doc, err := answers.New(rs).Parse("a.json", data, answers.FormatAuto)
	if err != nil {
		t.Fatalf("empty session: %v\n%s", err, data)
	}
	res, err := rs.Evaluate(doc, classify.Options{AsOf: testDate})
	if err != nil || res.Verdict != "undetermined" {
		t.Errorf("Evaluate(empty) = %v, %v; want undetermined", res, err)
	}
}

func TestParseSessionYAMLNulls(t *testing.T) {
	rs := ruleSet(t)
	s, err := ParseSession(rs, "a.yaml", []byte("answers:\n  realtime_voice: true\n  coverage: null\n  pstn_access: ~\n"))
	if err != nil {
		t.Fatal(err)
	}
	for id, want := range map[string]bool{"realtime_voice": true, "coverage": true, "pstn_access": true, "realtime_video": false} {
		if _, answered := value(t, s, id); answered != want {
			t.Errorf("answered(%s) = %v, want %v", id, answered, want)
		}
	}
}

func TestParseSessionInvalid(t *testing.T) {
	rs := ruleSet(t)
	_, err := ParseSession(rs, "a.json", []byte(`{"answers": {"coverage": "national"}}`))
	var ps classify.Problems
	if err == nil || !asProblems(err, &ps) || len(ps) != 1 || ps[0].Key != "answers.coverage" {
		t.Fatalf("ParseSession(bad) = %v, want one problem at answers.coverage", err)
	}
}

func asProblems(err error, ps *classify.Problems) bool {
	p, ok := err.(classify.Problems)
	*ps = p
	return ok
}

func TestSessionPath(t *testing.T) {
	rs := ruleSet(t)
	s := NewSession(rs)
	idx := rs.QuestionIndex
	if got := s.NextMissing(-1); got != 0 {
		t.Fatalf("NextMissing(-1) = %d, want 0", got)
	}
	_, total := s.Position(0)
	if total != len(rs.Questions()) {
		t.Errorf("total on an empty path = %d, want every question (%d): unknown means asked", total, len(rs.Questions()))
	}
	// No voice and no video: the questions about calls drop off the path.
	s.Set(idx("realtime_voice"), classify.Value{Known: true, Bool: false})
	s.Set(idx("realtime_video"), classify.Value{Known: true, Bool: false})
	if s.Asked(idx("max_participants")) || s.Asked(idx("pstn_access")) {
		t.Error("max_participants and pstn_access asked without voice or video")
	}
	if got := s.NextMissing(idx("realtime_video")); got != idx("internet_delivery") {
		t.Errorf("NextMissing after realtime_video = %s, want internet_delivery", rs.Questions()[got].ID)
	}
	pos, total2 := s.Position(idx("internet_delivery"))
	if pos != 3 || total2 >= total {
		t.Errorf("Position(internet_delivery) = %d of %d, want 3 of fewer than %d", pos, total2, total)
	}
	if got := s.PrevAsked(idx("internet_delivery")); got != idx("realtime_video") {
		t.Errorf("PrevAsked(internet_delivery) = %s, want realtime_video", rs.Questions()[got].ID)
	}
	// Internal only: the company section is skipped.
	s.Set(idx("audience"), classify.Value{Known: true, Set: 1})
	if s.Asked(idx("entity_type")) {
		t.Error("entity_type asked for an internal-only tool")
	}
}
