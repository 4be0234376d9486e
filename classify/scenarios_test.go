package classify_test

import (
	"os"
	"path/filepath"
	"sort"
	"testing"

	"b22/classify"
	scenariofile "b22/internal/scenario"
)

// scenario is one realistic product with its expected result, written by
// hand from ../shared/domain/B22.md; see questionnaires/b22/tests/. The
// files are read and results shaped by internal/scenario, which 'b22 test'
// runs too.
type scenario = scenariofile.Scenario

type expectation = scenariofile.Expectation

func loadScenarios(t testing.TB) map[string][]scenario {
	t.Helper()
	return loadScenariosIn(t, "../questionnaires/b22")
}

// loadScenariosIn reads the scenario tables of the rule set folder dir,
// from its tests folder, by file name.
func loadScenariosIn(t testing.TB, dir string) map[string][]scenario {
	t.Helper()
	files, err := scenariofile.Load(os.DirFS(dir))
	if err != nil || len(files) == 0 {
		t.Fatalf("no scenario files: %v", err)
	}
	out := map[string][]scenario{}
	for _, f := range files {
		out[filepath.Base(f.Name)] = f.Scenarios
	}
	return out
}

// got turns a Result into the shape of an expectation.
func got(r *classify.Result) expectation { return scenariofile.Got(r) }

func TestScenarios(t *testing.T) {
	rs := embedded(t)
	names := map[string]bool{}
	n := 0
	for file, list := range loadScenarios(t) {
		for _, sc := range list {
			if names[sc.Name] {
				t.Errorf("%s: duplicate scenario name %q", file, sc.Name)
			}
			names[sc.Name] = true
			n++
			t.Run(sc.Name, func(t *testing.T) {
				r := evaluateScenario(t, rs, sc)
				// The comparison b22 test makes: lists as sets, fields
				// that only some scenarios fix compared where they do.
				for _, d := range scenariofile.Compare(sc.Expect, got(r)) {
					t.Errorf("%s: %s", file, d)
				}
			})
		}
	}
	if n < 40 {
		t.Errorf("%d scenarios; the rule base needs at least 40 to be exercised", n)
	}
}

func evaluateScenario(t testing.TB, rs *classify.RuleSet, sc scenario) *classify.Result {
	t.Helper()
	r, err := scenariofile.Evaluate(rs, parserOf(rs), sc)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestScenarioCoverage checks that the scenarios together reach every rule,
// verdict, strength, requirement status and regime: a rule no scenario reaches
// is a rule no test can catch breaking.
func TestScenarioCoverage(t *testing.T) {
	rs := embedded(t)
	seen := map[string]bool{}
	for _, list := range loadScenarios(t) {
		for _, sc := range list {
			r := evaluateScenario(t, rs, sc)
			seen["verdict:"+string(r.Verdict)] = true
			for _, s := range r.Subcategories {
				seen["subcategory:"+s.ID+":"+string(s.Strength)] = true
				for _, reason := range s.Reasons {
					if reason.Outcome == classify.True {
						seen["rule:"+reason.Rule] = true
					}
				}
			}
			for _, f := range r.Exclusions {
				seen["rule:"+f.ID] = true
			}
			for _, q := range r.Requirements {
				seen["requirement:"+q.ID+":"+string(q.Status)] = true
			}
			for _, g := range r.RelatedRegimes {
				seen["regime:"+g.ID+":"+string(g.Status)] = true
			}
			if r.Licence.Scope != nil {
				seen["scope:"+*r.Licence.Scope] = true
			}
		}
	}
	var want []string
	for _, v := range []string{"likely", "possible", "unlikely", "undetermined"} {
		want = append(want, "verdict:"+v)
	}
	for _, s := range rs.Subcategories() {
		want = append(want, "subcategory:"+s.ID+":likely", "subcategory:"+s.ID+":possible")
		for _, r := range s.Rules {
			want = append(want, "rule:"+r.ID)
		}
	}
	for _, g := range rs.Gates() {
		want = append(want, "rule:"+g.ID)
	}
	for _, q := range rs.Requirements() {
		want = append(want, "requirement:"+q.ID+":met", "requirement:"+q.ID+":unknown")
		// A condition whose failure is always inconclusive is never unmet:
		// the foreign share, met with no cap and unknown above the pre-2019
		// cap, which a company in a free-trade zone escaped (B22.md section 6).
		if q.UnknownWhen == nil {
			want = append(want, "requirement:"+q.ID+":unmet")
		}
	}
	for _, g := range rs.Regimes() {
		want = append(want, "regime:"+g.ID+":triggered", "regime:"+g.ID+":unknown")
	}
	for _, s := range rs.Scopes() {
		want = append(want, "scope:"+s.Scope)
	}
	var missing []string
	for _, w := range want {
		if !seen[w] {
			missing = append(missing, w)
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("no scenario reaches: %v", missing)
	}
}
