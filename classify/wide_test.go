package classify_test

import (
	"encoding/json"
	"maps"
	"math/rand/v2"
	"os"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"b22/classify"
	scenariofile "b22/internal/scenario"
)

// wideDir is a rule set for another licence than B22, with twenty
// sub-categories: more than one word of a completion's code holds.
const wideDir = "../testdata/rules/wide"

func loadWide(t testing.TB) *classify.RuleSet {
	t.Helper()
	rs, err := classify.Load(os.DirFS(wideDir))
	if err != nil {
		t.Fatalf("Load(%s) = %v", wideDir, err)
	}
	return rs
}

// TestWideLoadsAndLints: the engine takes its licence, its contract and any
// number of sub-categories from the data.
func TestWideLoadsAndLints(t *testing.T) {
	rs := loadWide(t)
	if rs.ID() != "wide" || rs.Category() != "Z20" || len(rs.Subcategories()) != 20 {
		t.Fatalf("Load(%s) = %s, category %q, %d sub-categories; want wide, Z20, 20", wideDir, rs.ID(), rs.Category(), len(rs.Subcategories()))
	}
	if want := (classify.Text{Zh: "二十类测试业务", En: "twenty-kind test service"}); rs.LicenceName() != want {
		t.Errorf("LicenceName = %v, want %v", rs.LicenceName(), want)
	}
	if ps := rs.Lint(); len(ps) > 0 {
		t.Fatalf("Lint(%s):\n%v", wideDir, ps)
	}
	r := evalMap(t, rs, map[string]any{"offered_here": true, "kind_c": "c15", "coverage": "one_region"})
	if r.Licence.Category != "Z20" || r.Licence.ValidityYears != 3 {
		t.Errorf("Evaluate: licence %s valid %v years, want Z20 valid 3", r.Licence.Category, r.Licence.ValidityYears)
	}
}

// TestWideContract: lint reads what the contract fixes from the rule set,
// not from the engine.
func TestWideContract(t *testing.T) {
	m := ruleFilesIn(t, wideDir)
	edit(t, m, "rules.yaml", "  - id: s20\n", "  - id: s21\n")
	edit(t, m, "rules.yaml", "gates: [gate_not_offered]", "gates: [gate_not_offered, gate_elsewhere]")
	rs, err := classify.Load(m)
	if err != nil {
		t.Fatal(err)
	}
	got := rs.Lint().Error()
	for _, want := range []string{
		`rules.yaml:13:116: contract.exactly.subcategories[19]: the contract's sub-category "s20" is missing`,
		`rules.yaml:334:5: subcategories.s21: "s21" is not a sub-category of the contract; allowed: s01,`,
		`contract.including.gates[1]: the contract's gate "gate_elsewhere" is missing`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("Lint() lacks %q:\n%s", want, got)
		}
	}
}

func TestWideScenarios(t *testing.T) {
	rs := loadWide(t)
	n := 0
	for file, list := range loadScenariosIn(t, wideDir) {
		for _, sc := range list {
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
	if n < 5 {
		t.Errorf("%d scenarios for %s; want at least 5", n, wideDir)
	}
}

// wideValues are answers to the wide rule set's verdict keys, covering
// every case its rules tell apart: every kind of groups A to C, and of
// group D each kind both in and out.
var wideValues = map[string][]any{
	"offered_here": {true, false},
	"kind_a":       {"a01", "a02", "a03", "a04", "a05", "none"},
	"kind_b":       {"b06", "b07", "b08", "b09", "b10", "none"},
	"kind_c":       {"c11", "c12", "c13", "c14", "c15", "none"},
	"kind_d":       {[]string{}, []string{"d16"}, []string{"d17", "d20"}, []string{"d18", "d19", "d20"}},
	"commercial":   {true, false},
}

// TestWideOverCompletions checks by brute force, over the completions of
// a few unknown keys, what a partial result says of each sub-category:
// settled at its strength when every completion agrees; open at the
// strongest reachable otherwise, depending on exactly the unknown keys
// whose answer alone changes it in some completion; absent when no
// completion matches it. The verdict is that of every completion, or
// undetermined.
func TestWideOverCompletions(t *testing.T) {
	rs := loadWide(t)
	keys := make([]string, 0, len(wideValues))
	for k := range wideValues {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	rng := rand.New(rand.NewPCG(20, 15))
	checkedOpen := 0
	for n := 0; n < 100; n++ {
		rng.Shuffle(len(keys), func(i, j int) { keys[i], keys[j] = keys[j], keys[i] })
		unknown := slices.Clone(keys[:1+rng.IntN(3)])
		answers := map[string]any{}
		for _, k := range keys[len(unknown):] {
			vals := wideValues[k]
			answers[k] = vals[rng.IntN(len(vals))]
		}
		// The strengths and verdict of every completion, by its answers.
		type outcome struct {
			strengths map[string]string
			verdict   classify.Verdict
		}
		outcomes := map[string]outcome{}
		var all []map[string]any
		var complete func(unknown []string)
		complete = func(unknown []string) {
			if len(unknown) == 0 {
				c := maps.Clone(answers)
				r := evalMap(t, rs, c)
				outcomes[wideKey(c)] = outcome{wideStrengths(r), r.Verdict}
				all = append(all, c)
				return
			}
			for _, v := range wideValues[unknown[0]] {
				answers[unknown[0]] = v
				complete(unknown[1:])
			}
			delete(answers, unknown[0])
		}
		complete(unknown)

		// Which sub-categories each unknown key alone changes somewhere.
		changes := map[string]map[string]bool{}
		for _, k := range unknown {
			changes[k] = map[string]bool{}
			for _, c := range all {
				here := outcomes[wideKey(c)].strengths
				other := maps.Clone(c)
				for _, v := range wideValues[k] {
					other[k] = v
					there := outcomes[wideKey(other)].strengths
					for _, s := range rs.Subcategories() {
						if here[s.ID] != there[s.ID] {
							changes[k][s.ID] = true
						}
					}
				}
			}
		}
		want := map[string]classify.SubcategoryResult{}
		verdicts := map[classify.Verdict]bool{}
		for _, c := range all {
			verdicts[outcomes[wideKey(c)].verdict] = true
		}
		for _, s := range rs.Subcategories() {
			seen := map[string]bool{}
			for _, c := range all {
				seen[outcomes[wideKey(c)].strengths[s.ID]] = true
			}
			if len(seen) == 1 && seen[""] {
				continue
			}
			sr := classify.SubcategoryResult{ID: s.ID, Settled: len(seen) == 1, Strength: classify.StrengthPossible, DependsOn: []string{}}
			if seen[string(classify.StrengthLikely)] {
				sr.Strength = classify.StrengthLikely
			}
			if !sr.Settled {
				for _, k := range unknown {
					if changes[k][s.ID] {
						sr.DependsOn = append(sr.DependsOn, k)
					}
				}
				sort.Strings(sr.DependsOn)
				checkedOpen++
			}
			want[s.ID] = sr
		}
		wantVerdict := classify.VerdictUndetermined
		if len(verdicts) == 1 {
			for v := range verdicts {
				wantVerdict = v
			}
		}

		partial := evalMap(t, rs, answers)
		gotSubs := map[string]classify.SubcategoryResult{}
		for _, list := range [][]classify.SubcategoryResult{partial.Subcategories, partial.OpenSubcategories, partial.IfOperated} {
			for _, s := range list {
				dep := slices.Clone(s.DependsOn)
				sort.Strings(dep)
				gotSubs[s.ID] = classify.SubcategoryResult{ID: s.ID, Settled: s.Settled, Strength: s.Strength, DependsOn: dep}
			}
		}
		if partial.Verdict != wantVerdict {
			t.Errorf("Evaluate(%s).Verdict = %s, want %s", wideKey(answers), partial.Verdict, wantVerdict)
		}
		if diff := cmp.Diff(want, gotSubs, cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("Evaluate(%s) sub-categories, unknown %v (-want +got):\n%s", wideKey(answers), unknown, diff)
		}
	}
	if checkedOpen < 50 {
		t.Errorf("only %d open sub-categories checked: widen the test", checkedOpen)
	}
}

// wideKey names a set of answers, whatever the order of its keys.
func wideKey(answers map[string]any) string {
	b, _ := json.Marshal(answers) // maps encode sorted by key
	return string(b)
}

// wideStrengths is each sub-category's strength on a complete set of
// answers, from its features alone (under if_operated when a gate holds).
func wideStrengths(r *classify.Result) map[string]string {
	out := map[string]string{}
	for _, list := range [][]classify.SubcategoryResult{r.Subcategories, r.IfOperated} {
		for _, s := range list {
			out[s.ID] = string(s.Strength)
		}
	}
	return out
}
