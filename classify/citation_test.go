package classify_test

import (
	"slices"
	"strings"
	"testing"

	"b22/classify"
	"b22/classify/answers"
)

// TestCitationRefused: a pinpoint the grammar does not know is an error
// that says what is allowed, never a guess.
func TestCitationRefused(t *testing.T) {
	for _, s := range []string{"x art.", "x art. 0", "x art. 06", "x art. +6", "x art. 1000", "x art. 6 item", "x art. 6 para. 1 para. 2",
		"x art. 6 section 2", "x entry b22", "x entry B", "x item -1", "x section 3", "x not", "x whole thing", "   "} {
		if c, err := classify.ParseCitation(s); err == nil {
			t.Errorf("ParseCitation(%q) = %+v, want an error", s, c)
		}
	}
	_, err := classify.ParseCitation("x section 3")
	if err == nil || !strings.Contains(err.Error(), `allowed: "art. N"`) {
		t.Errorf("error does not list what is allowed: %v", err)
	}
}

// TestAsOfCitesTheEditionInForce: the foreign-investment condition cites
// the 2016 text of the foreign-invested telecom provisions before
// 2022-05-01 and the 2022 text from then on, and each negative list only
// while it is in force (B22.md section 6).
func TestAsOfCitesTheEditionInForce(t *testing.T) {
	rs := embedded(t)
	doc, err := parserOf(rs).Parse("d", []byte(`{"answers":{"realtime_voice":true,"internet_delivery":true,"media_relay":true,"max_participants":10,"audience":"public","mainland_users":true,"delivery_model":"own_platform","use_cases":["meetings"],"foreign_ownership_percent":30}}`), answers.FormatJSON)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		date     string
		want     []string
		fiteText string
	}{
		{"2018-01-01", []string{"shanghai-ftz-2014", "fite-2016"}, "(2016 text"},
		{"2018-12-01", []string{"ftz-negative-list-2018", "shanghai-ftz-2014", "fite-2016"}, "(2016 text"},
		{"2020-06-01", []string{"negative-lists-2019-2021", "fite-2016"}, "(2016 text"},
		{"2021-06-01", []string{"negative-lists-2019-2021", "fite-2016", "fi-security-review-2020"}, "(2016 text"},
		{"2022-05-01", []string{"negative-lists-2019-2021", "fite-2022", "fi-security-review-2020"}, "(2022 revision"},
		{"2024-10-31", []string{"negative-lists-2019-2021", "fite-2022", "fi-security-review-2020"}, "(2022 revision"},
		{"2024-11-01", []string{"negative-list-2024", "fite-2022", "fi-security-review-2020"}, "(2022 revision"},
	}
	for _, tt := range tests {
		r, err := rs.Evaluate(doc, classify.Options{AsOf: mustDate(tt.date)})
		if err != nil {
			t.Fatal(err)
		}
		i := slices.IndexFunc(r.Requirements, func(q classify.RequirementResult) bool { return q.ID == "foreign_investment" })
		if i < 0 {
			t.Fatalf("as of %s: no foreign_investment condition", tt.date)
		}
		q := r.Requirements[i]
		if !slices.Equal(slices.Sorted(slices.Values(q.Basis)), slices.Sorted(slices.Values(tt.want))) {
			t.Errorf("as of %s: foreign_investment basis = %v, want %v", tt.date, q.Basis, tt.want)
		}
		if len(q.Citations) < len(q.Basis) {
			t.Errorf("as of %s: %d citations for %d sources", tt.date, len(q.Citations), len(q.Basis))
		}
		if !strings.Contains(q.Text.En, tt.fiteText) {
			t.Errorf("as of %s: text %q lacks %q", tt.date, q.Text.En, tt.fiteText)
		}
		for _, s := range r.Sources {
			if (s.ID == "fite-2022" && tt.date < "2022-05-01") || (s.ID == "fite-2016" && tt.date >= "2022-05-01") {
				t.Errorf("as of %s: sources list %s, which is not in force", tt.date, s.ID)
			}
		}
	}
}

// TestEveryCitationNamesAPlace: the shipped rules cite an article, entry or
// item, a whole text, or say the article was not verified, and a result's
// citations say which.
func TestEveryCitationNamesAPlace(t *testing.T) {
	rs := embedded(t)
	r := evalMap(t, rs, map[string]any{"realtime_voice": true, "pstn_access": true, "max_participants": 5, "internet_delivery": true,
		"media_relay": true, "use_cases": []string{"meetings"}, "audience": "public", "mainland_users": true, "delivery_model": "own_platform", "coverage": "nationwide"})
	n := 0
	check := func(where string, cs []classify.CitationRef) {
		for _, c := range cs {
			n++
			if c.Text.Zh == "" || c.Text.En == "" {
				t.Errorf("%s: citation of %s has no text", where, c.Source)
			}
			if c.Verified != (c.Pinpoint != "") {
				t.Errorf("%s: citation %+v: a verified citation names its place, an unverified one none", where, c)
			}
			if !c.Verified && !strings.Contains(c.Text.En, "not verified") {
				t.Errorf("%s: unverified citation %q does not say so", where, c.Text.En)
			}
		}
	}
	for _, s := range r.Subcategories {
		for _, reason := range s.Reasons {
			check(reason.Rule, reason.Citations)
		}
	}
	for _, q := range r.Requirements {
		check(q.ID, q.Citations)
	}
	for _, p := range r.Process {
		check(p.ID, p.Citations)
	}
	for _, g := range r.RelatedRegimes {
		check(g.ID, g.Citations)
	}
	check("licence", r.Licence.Citations)
	if n < 20 {
		t.Errorf("only %d citations checked", n)
	}
}

// TestAsOfPicksTheTextInForce: a text with later versions says what was
// true on the --as-of date, and cites only what was in force then.
func TestAsOfPicksTheTextInForce(t *testing.T) {
	rs := embedded(t)
	doc, err := parserOf(rs).Parse("d", []byte(`{"answers":{"realtime_voice":true,"realtime_video":true,"internet_delivery":true,"media_relay":true,"max_participants":2,"audience":"public","mainland_users":true,"delivery_model":"own_platform","use_cases":["remote_teaching"],"charging":"paid","registered_capital_cny":20000000,"foreign_ownership_percent":60}}`), answers.FormatJSON)
	if err != nil {
		t.Fatal(err)
	}
	regime := func(r *classify.Result, id string) classify.RegimeResult {
		for _, g := range r.RelatedRegimes {
			if g.ID == id {
				return g
			}
		}
		t.Fatalf("as of %s: no regime %s", r.Questionnaire.AsOf, id)
		return classify.RegimeResult{}
	}
	tests := []struct {
		date, regime, has, lacks string
	}{
		{"2024-04-07", "b25", "capped at 50%", "2024 opening pilot"},
		{"2024-04-08", "b25", "2024 opening pilot", ""},
		{"2019-07-14", "education", "no national rule", "filed"},
		{"2019-07-15", "education", "must be filed with the education authorities", "double reduction"},
		{"2021-07-23", "education", "must be filed with the education authorities", "double reduction"},
		{"2021-07-24", "education", "double reduction", ""},
		{"2021-09-30", "education", "school-running permit", ""},
		{"2023-08-03", "icp_filing", "ICP filing", "mini-programs"},
		{"2023-08-04", "icp_filing", "mini-programs must be filed", ""},
	}
	for _, tt := range tests {
		r, err := rs.Evaluate(doc, classify.Options{AsOf: mustDate(tt.date)})
		if err != nil {
			t.Fatal(err)
		}
		g := regime(r, tt.regime)
		if !strings.Contains(g.Text.En, tt.has) || (tt.lacks != "" && strings.Contains(g.Text.En, tt.lacks)) {
			t.Errorf("as of %s: %s text %q; want %q without %q", tt.date, tt.regime, g.Text.En, tt.has, tt.lacks)
		}
		for _, c := range g.Citations {
			if src := rs.Source(c.Source); !src.InForce.Holds(mustDate(tt.date)) {
				t.Errorf("as of %s: %s cites %s, not in force", tt.date, tt.regime, c.Source)
			}
		}
	}
	for date, want := range map[string]string{"2018-07-29": "Shanghai pilot free-trade zone", "2018-07-30": "every pilot free-trade zone"} {
		r, err := rs.Evaluate(doc, classify.Options{AsOf: mustDate(date)})
		if err != nil {
			t.Fatal(err)
		}
		i := slices.IndexFunc(r.Requirements, func(q classify.RequirementResult) bool { return q.ID == "foreign_investment" })
		if q := r.Requirements[i]; q.Status != "unknown" || !strings.Contains(q.Text.En, want) {
			t.Errorf("as of %s: foreign_investment %s, %q; want unknown and %q", date, q.Status, q.Text.En, want)
		}
	}
}
