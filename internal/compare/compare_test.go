package compare_test

import (
	"encoding/json"
	"maps"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"b22/classify"
	"b22/classify/answers"
	"b22/internal/compare"
	"b22/internal/gen"
	"b22/questionnaires"
)

var loaded = sync.OnceValues(func() (*classify.RuleSet, error) { return classify.Load(questionnaires.Shipped()) })

// ruleSet is the embedded B22 rule set, loaded once for the package's tests.
func ruleSet(t testing.TB) *classify.RuleSet {
	t.Helper()
	rs, err := loaded()
	if err != nil {
		t.Fatal(err)
	}
	return rs
}

func mustDate(s string) classify.Date {
	d, err := classify.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

var today = mustDate("2026-11-26")

// evaluate classifies an answers document given as the map of its answers.
func evaluate(t testing.TB, doc map[string]any, asOf classify.Date) *classify.Result {
	t.Helper()
	rs := ruleSet(t)
	data, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	d, err := answers.New(rs).Parse("test.json", data, answers.FormatJSON)
	if err != nil {
		t.Fatalf("Parse(%s): %v", data, err)
	}
	r, err := rs.Evaluate(d, classify.Options{AsOf: asOf})
	if err != nil {
		t.Fatalf("Evaluate(%s): %v", data, err)
	}
	return r
}

// meetingApp is a nationwide video meeting app with phone dial-in, run by
// a Chinese company that meets every licence condition but the capital
// floor of a cross-regional licence (RMB 10 million).
func meetingApp() map[string]any {
	return map[string]any{
		"realtime_voice": true, "realtime_video": true, "max_participants": 300, "pstn_access": true,
		"telephone_network_video": false, "internet_delivery": true, "media_relay": true,
		"use_cases": []string{"meetings", "collaboration"}, "call_centre": false,
		"audience": "business_customers", "delivery_model": "own_platform", "charging": "paid",
		"marketplace": false, "mainland_users": true, "coverage": "nationwide", "province": "shanghai",
		"entity_type": "prc_company", "registered_capital_cny": 5000000, "foreign_ownership_percent": 0,
		"qualified_staff": 12, "has_premises_and_facilities": true, "clean_record": true,
		"security_measures": true, "existing_licences": []string{"icp_filing"},
	}
}

// with is a copy of the answers with some changed; nil leaves one unknown.
func with(base map[string]any, changes map[string]any) map[string]any {
	out := maps.Clone(base)
	for k, v := range changes {
		if v == nil {
			delete(out, k)
		} else {
			out[k] = v
		}
	}
	return out
}

func doc(ans map[string]any) map[string]any { return map[string]any{"answers": ans} }

// none is the diff of two results that agree: every list empty, not nil.
func none() compare.Diff {
	return compare.Diff{
		Subcategories:    compare.Subcategories{Added: []compare.Subcategory{}, Removed: []compare.Subcategory{}, Changed: []compare.SubcategoryChange{}},
		Exclusions:       compare.Exclusions{Added: []compare.Exclusion{}, Removed: []compare.Exclusion{}},
		Requirements:     compare.Requirements{Added: []compare.Requirement{}, Removed: []compare.Requirement{}, Changed: []compare.RequirementChange{}},
		RelatedRegimes:   compare.Regimes{Added: []compare.Regime{}, Removed: []compare.Regime{}, Changed: []compare.RegimeChange{}},
		PivotalQuestions: compare.Questions{Added: []compare.Question{}, Removed: []compare.Question{}},
		OpenQuestions:    compare.Questions{Added: []compare.Question{}, Removed: []compare.Question{}},
		Law:              []compare.LawChange{},
	}
}

// ignoreTexts leaves out the texts kept for the text form, which follow
// the date and rule set of the side they come from (TestResultsNames
// checks them).
var ignoreTexts = cmp.Options{
	equateDates,
	cmpopts.IgnoreFields(compare.Subcategory{}, "Name"),
	cmpopts.IgnoreFields(compare.SubcategoryChange{}, "Name"),
	cmpopts.IgnoreFields(compare.Exclusion{}, "Text"),
	cmpopts.IgnoreFields(compare.ScopeChange{}, "FromTitle", "ToTitle"),
	cmpopts.IgnoreFields(compare.Requirement{}, "Name"),
	cmpopts.IgnoreFields(compare.RequirementChange{}, "Name"),
	cmpopts.IgnoreFields(compare.Regime{}, "Text"),
	cmpopts.IgnoreFields(compare.RegimeChange{}, "Text"),
	cmpopts.IgnoreFields(compare.Question{}, "Question"),
}

// idsOnly is what the expected diffs spell out: ids and values, not the
// sides.
var idsOnly = cmp.Options{ignoreTexts, cmpopts.IgnoreFields(compare.Diff{}, "A", "B")}

// equateDates compares classify.Date by value.
var equateDates = cmpopts.EquateComparable(classify.Date{})

func ptr[T any](v T) *T { return &v }

// TestResults compares realistic pairs of results. The expected changes
// are read from the rules by hand, not from the code's output.
func TestResults(t *testing.T) {
	mainland := classify.Text{Zh: "工业和信息化部", En: "Ministry of Industry and Information Technology (MIIT)"}
	for _, c := range []struct {
		name       string
		a, b       map[string]any
		asOfA      classify.Date
		asOfB      classify.Date
		want       func(d *compare.Diff)
		wantChange bool
		// authorityMoves, when set, is what the authority names after the
		// change, which its text must contain.
		authorityMoves string
	}{
		{
			name: "identical", a: meetingApp(), b: meetingApp(),
			want: func(*compare.Diff) {},
		},
		{
			// Other facts, the same conclusions: no change to act on.
			name: "more staff, already enough",
			a:    meetingApp(), b: with(meetingApp(), map[string]any{"qualified_staff": 40}),
			want: func(*compare.Diff) {},
		},
		{
			// Without phone dial-in the product leaves the telephone
			// conference sub-category, and phone numbers stop pointing at
			// basic telecom; the Internet sub-category keeps it likely.
			name: "meeting app drops phone dial-in",
			a:    meetingApp(), b: with(meetingApp(), map[string]any{"pstn_access": false}),
			wantChange: true,
			want: func(d *compare.Diff) {
				d.Subcategories.Removed = []compare.Subcategory{{ID: "multiparty_telephone", Standing: compare.Standing{Strength: classify.StrengthLikely, Settled: true}}}
				d.RelatedRegimes.Removed = []compare.Regime{{ID: "basic_telecom", Status: classify.RegimeTriggered}}
			},
		},
		{
			// Phone dial-in not yet decided: the telephone sub-category is
			// open, and so is basic telecom.
			name: "phone dial-in decided",
			a:    with(meetingApp(), map[string]any{"pstn_access": nil}), b: meetingApp(),
			wantChange: true,
			want: func(d *compare.Diff) {
				d.Subcategories.Changed = []compare.SubcategoryChange{{ID: "multiparty_telephone",
					From: compare.Standing{Strength: classify.StrengthLikely, Settled: false},
					To:   compare.Standing{Strength: classify.StrengthLikely, Settled: true}}}
				d.RelatedRegimes.Changed = []compare.RegimeChange{{ID: "basic_telecom", From: classify.RegimeUnknown, To: classify.RegimeTriggered}}
				d.OpenQuestions.Removed = []compare.Question{{Key: "pstn_access"}}
			},
		},
		{
			// One province: a provincial licence from the province's
			// administration with a floor of RMB 1 million, which the
			// company's RMB 5 million meets; nationwide: MIIT's
			// cross-regional licence, RMB 10 million, not met.
			name: "single province to nationwide",
			a:    with(meetingApp(), map[string]any{"coverage": "single_province"}), b: meetingApp(),
			wantChange: true,
			want: func(d *compare.Diff) {
				d.Licence.Scope = &compare.ScopeChange{From: ptr("provincial"), To: ptr("cross_regional")}
				d.Licence.Authority = &compare.Change[*classify.Text]{
					From: &classify.Text{Zh: "上海市通信管理局", En: "Shanghai Communications Administration"},
					To:   &mainland,
				}
				d.Licence.MinRegisteredCapitalCNY = &compare.Change[*float64]{From: ptr(1e6), To: ptr(1e7)}
				d.Requirements.Changed = []compare.RequirementChange{{ID: "registered_capital", From: classify.StatusMet, To: classify.StatusUnmet}}
			},
		},
		{
			name: "registered capital raised above the floor",
			a:    meetingApp(), b: with(meetingApp(), map[string]any{"registered_capital_cny": 12000000}),
			wantChange: true,
			want: func(d *compare.Diff) {
				d.Requirements.Changed = []compare.RequirementChange{{ID: "registered_capital", From: classify.StatusUnmet, To: classify.StatusMet}}
			},
		},
		{
			// Coverage unknown leaves the scope open and is an open question
			// for the scope, the capital condition and existing coverage.
			name: "coverage answered",
			a:    with(meetingApp(), map[string]any{"coverage": nil}), b: meetingApp(),
			wantChange: true,
			want: func(d *compare.Diff) {
				d.Licence.Scope = &compare.ScopeChange{From: nil, To: ptr("cross_regional")}
				d.Licence.Authority = &compare.Change[*classify.Text]{From: &classify.Text{
					Zh: "取决于覆盖范围：仅一个省的由该省通信管理局颁发，跨省或全国的由工业和信息化部颁发",
					En: "depends on the coverage - the province's communications administration for one province, MIIT for several provinces or nationwide",
				}, To: &mainland}
				d.Licence.MinRegisteredCapitalCNY = &compare.Change[*float64]{From: nil, To: ptr(1e7)}
				d.Requirements.Changed = []compare.RequirementChange{{ID: "registered_capital", From: classify.StatusUnknown, To: classify.StatusUnmet}}
				d.OpenQuestions.Removed = []compare.Question{{Key: "coverage"}}
			},
		},
		{
			// Whether mainland users are served decides between a gate and
			// a likely licence: the only question the verdict hangs on. The
			// features put the product in its sub-categories either way.
			name: "mainland users confirmed",
			a:    with(meetingApp(), map[string]any{"mainland_users": nil}), b: meetingApp(),
			wantChange: true,
			want: func(d *compare.Diff) {
				d.Verdict = &compare.Change[classify.Verdict]{From: classify.VerdictUndetermined, To: classify.VerdictLikely}
				d.PivotalQuestions.Removed = []compare.Question{{Key: "mainland_users"}}
				d.RelatedRegimes.Changed = []compare.RegimeChange{
					{ID: "basic_telecom", From: classify.RegimeUnknown, To: classify.RegimeTriggered},
					// ICP filing waits for where the servers are (hosting),
					// which the app does not say until mainland users are
					// confirmed (B22.md section 4, rev.3).
					{ID: "personal_information", From: classify.RegimeUnknown, To: classify.RegimeTriggered},
				}
			},
		},
		{
			// Made an internal tool: the gate rules B22 out, so the licence,
			// its conditions and the sub-categories go. Whether a licence
			// held covers the service is read from the licences held alone.
			name: "meeting app becomes internal only",
			a:    meetingApp(), b: with(meetingApp(), map[string]any{"audience": "internal_only"}),
			wantChange: true,
			want: func(d *compare.Diff) {
				d.Verdict = &compare.Change[classify.Verdict]{From: classify.VerdictLikely, To: classify.VerdictUnlikely}
				likely := compare.Standing{Strength: classify.StrengthLikely, Settled: true}
				d.Subcategories.Removed = []compare.Subcategory{{ID: "multiparty_telephone", Standing: likely}, {ID: "internet_conference_image", Standing: likely}}
				d.Exclusions.Added = []compare.Exclusion{{ID: "gate_internal_only"}}
				d.Licence.Scope = &compare.ScopeChange{From: ptr("cross_regional"), To: nil}
				d.Licence.Authority = &compare.Change[*classify.Text]{From: &mainland, To: nil}
				d.Licence.MinRegisteredCapitalCNY = &compare.Change[*float64]{From: ptr(1e7), To: nil}
				met, unmet := classify.StatusMet, classify.StatusUnmet
				d.Requirements.Removed = []compare.Requirement{
					{ID: "company_form", Status: met}, {ID: "registered_capital", Status: unmet}, {ID: "foreign_investment", Status: met},
					{ID: "staff", Status: met}, {ID: "premises_and_facilities", Status: met}, {ID: "clean_record", Status: met},
					{ID: "security_measures", Status: met},
				}
			},
		},
		{
			// Before 2019-07-30 a 60% foreign share was capped at 50% but
			// for free-trade zones, so the condition is unknown; from that
			// day the national list no longer caps B22.
			// Before the 2022 revision the main foreign investor needed a
			// track record the questions do not ask about (B22.md section
			// 3, rev.3): unknown until 2022-04-30, met from 2022-05-01.
			name: "foreign share across the 2022 revision",
			// MIIT either way, under the 2016 text's procedure before and
			// the 2022 revision's after: the authority's text moves.
			authorityMoves: "2022 revision",
			a:              with(meetingApp(), map[string]any{"foreign_ownership_percent": 60}), asOfA: mustDate("2022-04-30"),
			b: with(meetingApp(), map[string]any{"foreign_ownership_percent": 60}), asOfB: mustDate("2022-05-01"),
			wantChange: true,
			want: func(d *compare.Diff) {

				d.Requirements.Changed = []compare.RequirementChange{{ID: "foreign_investment", From: classify.StatusUnknown, To: classify.StatusMet}}
			},
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			if c.asOfA.IsZero() {
				c.asOfA, c.asOfB = today, today
			}
			ra, rb := evaluate(t, doc(c.a), c.asOfA), evaluate(t, doc(c.b), c.asOfB)
			got := compare.Results(ra, rb)
			want := none()
			c.want(&want)
			if c.authorityMoves != "" {
				if !strings.Contains(rb.Licence.Authority.En, c.authorityMoves) {
					t.Errorf("authority after = %q, want it to name %q", rb.Licence.Authority.En, c.authorityMoves)
				}
				want.Licence.Authority = &compare.Change[*classify.Text]{From: ra.Licence.Authority, To: rb.Licence.Authority}
			}
			if c.asOfA != c.asOfB {
				// Across two dates the law behind what holds on both may
				// move too (TestLawChanged checks what it says).
				for _, l := range got.Law {
					if !strings.HasPrefix(l.Part, "requirements.") && !strings.HasPrefix(l.Part, "related_regimes.") {
						t.Errorf("Law part %q is neither a condition nor a regime", l.Part)
					}
				}
				want.Law = got.Law
			}
			want.Changed = c.wantChange
			if diff := cmp.Diff(want, got, idsOnly); diff != "" {
				t.Errorf("Results(%s) differs (-want +got):\n%s", c.name, diff)
			}
			if got.A.Verdict != ra.Verdict || got.B.Verdict != rb.Verdict || got.A.Questionnaire != ra.Questionnaire ||
				got.B.Questionnaire != rb.Questionnaire || got.A.AnswersSHA256 != ra.AnswersSHA256 || got.B.AnswersSHA256 != rb.AnswersSHA256 {
				t.Errorf("Results(%s) sides = %+v, %+v; want the results' own", c.name, got.A, got.B)
			}
		})
	}
}

// TestResultsNames checks that the diff keeps each thing's name from the
// results, for the text form: B's for what was added or changed, A's for
// what was removed.
func TestResultsNames(t *testing.T) {
	a := evaluate(t, doc(meetingApp()), today)
	b := evaluate(t, doc(with(meetingApp(), map[string]any{"pstn_access": false, "registered_capital_cny": 20000000})), today)
	d := compare.Results(a, b)
	if got := d.Subcategories.Removed[0].Name; got != a.Matched()[0].Name {
		t.Errorf("removed sub-category name = %v, want %v", got, a.Matched()[0].Name)
	}
	removed := d.RelatedRegimes.Removed[0]
	i := slices.IndexFunc(a.RelatedRegimes, func(g classify.RegimeResult) bool { return g.ID == removed.ID })
	if i < 0 || removed.Text != a.RelatedRegimes[i].Name {
		t.Errorf("removed regime %s: named %v, not by A's name", removed.ID, removed.Text)
	}
	if got, want := d.Requirements.Changed[0].Name, b.Requirements[1].Name; got != want || got.En == "" {
		t.Errorf("changed requirement name = %v, want %v", got, want)
	}
}

// mirror is d seen from the other side: A and B swapped, every change
// reversed, what was added removed and the other way round. It is written
// here, apart from the package, so that the property below tests Results
// against an independent statement of symmetry.
func mirror(d compare.Diff) compare.Diff {
	m := d
	m.A, m.B = d.B, d.A
	if d.Verdict != nil {
		m.Verdict = &compare.Change[classify.Verdict]{From: d.Verdict.To, To: d.Verdict.From}
	}
	if d.ExistingLicence != nil {
		m.ExistingLicence = &compare.Change[classify.Coverage]{From: d.ExistingLicence.To, To: d.ExistingLicence.From}
	}
	m.Subcategories = compare.Subcategories{Added: d.Subcategories.Removed, Removed: d.Subcategories.Added, Changed: []compare.SubcategoryChange{}}
	for _, c := range d.Subcategories.Changed {
		m.Subcategories.Changed = append(m.Subcategories.Changed, compare.SubcategoryChange{ID: c.ID, From: c.To, To: c.From, Name: c.Name})
	}
	m.Exclusions = compare.Exclusions{Added: d.Exclusions.Removed, Removed: d.Exclusions.Added}
	m.Law = []compare.LawChange{}
	for _, c := range d.Law {
		m.Law = append(m.Law, compare.LawChange{Part: c.Part, Name: c.Name, From: c.To, To: c.From})
	}
	l := d.Licence
	m.Licence = compare.Licence{}
	if l.Category != nil {
		m.Licence.Category = &compare.Change[string]{From: l.Category.To, To: l.Category.From}
	}
	if l.Scope != nil {
		m.Licence.Scope = &compare.ScopeChange{From: l.Scope.To, To: l.Scope.From, FromTitle: l.Scope.ToTitle, ToTitle: l.Scope.FromTitle}
	}
	if l.Authority != nil {
		m.Licence.Authority = &compare.Change[*classify.Text]{From: l.Authority.To, To: l.Authority.From}
	}
	if l.MinRegisteredCapitalCNY != nil {
		m.Licence.MinRegisteredCapitalCNY = &compare.Change[*float64]{From: l.MinRegisteredCapitalCNY.To, To: l.MinRegisteredCapitalCNY.From}
	}
	if l.ValidityYears != nil {
		m.Licence.ValidityYears = &compare.Change[float64]{From: l.ValidityYears.To, To: l.ValidityYears.From}
	}
	m.Requirements = compare.Requirements{Added: d.Requirements.Removed, Removed: d.Requirements.Added, Changed: []compare.RequirementChange{}}
	for _, c := range d.Requirements.Changed {
		m.Requirements.Changed = append(m.Requirements.Changed, compare.RequirementChange{ID: c.ID, From: c.To, To: c.From, Name: c.Name})
	}
	m.RelatedRegimes = compare.Regimes{Added: d.RelatedRegimes.Removed, Removed: d.RelatedRegimes.Added, Changed: []compare.RegimeChange{}}
	for _, c := range d.RelatedRegimes.Changed {
		m.RelatedRegimes.Changed = append(m.RelatedRegimes.Changed, compare.RegimeChange{ID: c.ID, From: c.To, To: c.From, Text: c.Text})
	}
	m.PivotalQuestions = compare.Questions{Added: d.PivotalQuestions.Removed, Removed: d.PivotalQuestions.Added}
	m.OpenQuestions = compare.Questions{Added: d.OpenQuestions.Removed, Removed: d.OpenQuestions.Added}
	return m
}

// neighbour changes one answer of a generated document, as a product team
// changes one feature: the pairs a comparison meets, and more telling
// than two unrelated products.
func neighbour(ans map[string]any, i int) map[string]any {
	changes := []map[string]any{
		{"pstn_access": true}, {"pstn_access": false}, {"coverage": "single_province"}, {"coverage": "nationwide"},
		{"audience": "internal_only"}, {"audience": "public"}, {"mainland_users": nil}, {"media_relay": false},
		{"registered_capital_cny": 500000}, {"registered_capital_cny": 20000000}, {"foreign_ownership_percent": 100},
		{"delivery_model": "third_party_service"}, {"max_participants": 2}, {"realtime_voice": nil}, {"existing_licences": []string{"b22_cross_regional"}},
	}
	return with(ans, changes[i%len(changes)])
}

// TestResultsSymmetric: comparing B with A mirrors comparing A with B, and
// a result compared with itself has no change, over generated documents,
// their neighbours and two dates.
func TestResultsSymmetric(t *testing.T) {
	n := 300
	if testing.Short() {
		n = 60
	}
	dates := []classify.Date{mustDate("2019-07-29"), today}
	changed := 0
	for i := range n {
		g := gen.Document(7, i)
		ans := g["answers"].(map[string]any)
		pairs := [][2]map[string]any{
			{g, gen.Document(7, i+1)},
			{g, doc(neighbour(ans, i))},
		}
		for j, p := range pairs {
			da, db := dates[(i+j)%2], dates[(i+j+1)%2]
			if j == 1 {
				db = da // the neighbour on the same day: only the answer moves
			}
			ra, rb := evaluate(t, p[0], da), evaluate(t, p[1], db)
			ab, ba := compare.Results(ra, rb), compare.Results(rb, ra)
			if diff := cmp.Diff(mirror(ab), ba, ignoreTexts); diff != "" {
				t.Fatalf("document %d pair %d: Results(b, a) is not the mirror of Results(a, b) (-mirror +got):\n%s", i, j, diff)
			}
			if ab.Changed {
				changed++
			}
			if self := compare.Results(ra, ra); self.Changed {
				t.Fatalf("document %d: Results(a, a).Changed = true: %+v", i, self)
			}
		}
	}
	// The property means little if nothing ever changed.
	if changed < n {
		t.Errorf("only %d of %d pairs changed; the generated pairs are too alike", changed, 2*n)
	}
}

// TestResultsJSON pins that every list is present, never null, and that
// unchanged values are null: scripts read the shape without checks.
func TestResultsJSON(t *testing.T) {
	r := evaluate(t, doc(meetingApp()), today)
	b, err := json.Marshal(compare.Results(r, r))
	if err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	delete(got, "a")
	delete(got, "b")
	want := map[string]any{
		"changed": false, "verdict": nil, "existing_licence": nil,
		"subcategories":     map[string]any{"added": []any{}, "removed": []any{}, "changed": []any{}},
		"exclusions":        map[string]any{"added": []any{}, "removed": []any{}},
		"licence":           map[string]any{"category": nil, "scope": nil, "authority": nil, "min_registered_capital_cny": nil, "validity_years": nil},
		"requirements":      map[string]any{"added": []any{}, "removed": []any{}, "changed": []any{}},
		"pivotal_questions": map[string]any{"added": []any{}, "removed": []any{}},
		"open_questions":    map[string]any{"added": []any{}, "removed": []any{}},
		"related_regimes":   map[string]any{"added": []any{}, "removed": []any{}, "changed": []any{}},
		"law":               []any{},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("JSON of no change differs (-want +got):\n%s", diff)
	}
}

// TestLawChanged: across two dates, a licence condition that holds on
// both with the same status but on different law (the 2024 Company Law
// added to registered capital) is a change, with both citations, in JSON
// and text; on one date nothing is said of the law.
func TestLawChanged(t *testing.T) {
	rs := ruleSet(t)
	a := evaluate(t, doc(meetingApp()), mustDate("2024-06-01"))
	b := evaluate(t, doc(meetingApp()), mustDate("2024-07-02"))
	d := compare.Results(a, b)
	if !d.Changed {
		t.Fatal("Changed = false across the 2024 Company Law")
	}
	var got *compare.LawChange
	for i := range d.Law {
		if d.Law[i].Part == "requirements.registered_capital" {
			got = &d.Law[i]
		}
	}
	if got == nil {
		t.Fatalf("Law = %+v, want requirements.registered_capital", d.Law)
	}
	has := func(l compare.Law, text string) bool {
		for _, c := range l.Citations {
			if c.Text.En == text {
				return true
			}
		}
		return false
	}
	if has(got.From, "Company Law, art. 47(1)") || !has(got.To, "Company Law, art. 47(1)") || !has(got.From, "MIIT Order 42, art. 6(iv)") {
		t.Errorf("the citations do not show the Company Law added: from %+v to %+v", got.From.Citations, got.To.Citations)
	}
	js, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(js), `"law":[{"part":"requirements.registered_capital"`) {
		t.Errorf("the JSON does not carry the change of law:\n%s", js)
	}
	var buf strings.Builder
	compare.WriteText(&buf, rs, d, compare.TextOptions{Lang: "en", Width: 200})
	if !strings.Contains(buf.String(), "The law behind Registered capital changed: MIIT Order 42, art. 6(iv); FITE Provisions (2022), art. 5 → ") {
		t.Errorf("the text does not say the law changed:\n%s", buf.String())
	}

	same := compare.Results(b, evaluate(t, doc(with(meetingApp(), map[string]any{"foreign_ownership_percent": 10})), mustDate("2024-07-02")))
	if len(same.Law) != 0 {
		t.Errorf("on one date, Law = %+v, want none", same.Law)
	}
}
