package classify_test

import (
	"encoding/json"
	"maps"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
	"testing"

	"b22/classify"
	"b22/classify/answers"
)

var asOf = mustDate("2026-11-01")

func mustDate(s string) classify.Date {
	d, err := classify.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// verdictKeys are the answers that can change the verdict (B22.md §2), with
// concrete values covering every case the decision table tells apart. The
// test enumerates them itself, independently of the engine's own reasoning
// over unanswered questions.
var verdictKeys = map[string][]any{
	"realtime_voice":          {true, false},
	"realtime_video":          {true, false},
	"max_participants":        {2, 3, 50},
	"pstn_access":             {true, false},
	"telephone_network_video": {true, false},
	"internet_delivery":       {true, false},
	"use_cases":               {[]string{}, []string{"game_voice"}, []string{"vod"}, []string{"live_streaming"}, []string{"meetings"}, []string{"game_voice", "meetings"}, []string{"vod", "live_streaming"}},
	"audience":                {"internal_only", "business_customers", "public"},
	"mainland_users":          {true, false},
	"delivery_model":          {"own_platform", "embedded_sdk", "third_party_service", "resale", "on_premise"},
	"media_relay":             {true, false},
}

func sortedKeys() []string {
	keys := make([]string, 0, len(verdictKeys))
	for k := range verdictKeys {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func evalMap(t testing.TB, rs *classify.RuleSet, given map[string]any) *classify.Result {
	t.Helper()
	data, _ := json.Marshal(map[string]any{"answers": given})
	doc, err := parserOf(rs).Parse("p.json", data, answers.FormatJSON)
	if err != nil {
		t.Fatalf("%s: %v", data, err)
	}
	r, err := rs.Evaluate(doc, classify.Options{AsOf: asOf})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// randomPartial answers every verdict key at random except `unknown` of them.
func randomPartial(rng *rand.Rand, unknown int) (map[string]any, []string) {
	keys := sortedKeys()
	rng.Shuffle(len(keys), func(i, j int) { keys[i], keys[j] = keys[j], keys[i] })
	answers := map[string]any{}
	for _, k := range keys[unknown:] {
		vals := verdictKeys[k]
		answers[k] = vals[rng.IntN(len(vals))]
	}
	return answers, keys[:unknown]
}

// completions calls f with every completion of the unknown keys that the
// facts allow. B22.md section 2, "Relay implied": while media_relay is
// unanswered, a completion in which it is false and there are nine or
// more endpoints, or live streaming, is impossible.
func completions(answers map[string]any, unknown []string, f func(map[string]any)) {
	completionsOf(answers, unknown, slices.Contains(unknown, "media_relay"), f)
}

func completionsOf(answers map[string]any, unknown []string, relayOpen bool, f func(map[string]any)) {
	if len(unknown) == 0 {
		if relayOpen && answers["media_relay"] == false && relayImplied(answers) {
			return
		}
		f(answers)
		return
	}
	k := unknown[0]
	for _, v := range verdictKeys[k] {
		next := map[string]any{}
		for kk, vv := range answers {
			next[kk] = vv
		}
		next[k] = v
		completionsOf(next, unknown[1:], relayOpen, f)
	}
}

// relayImplied: nine or more endpoints, or live streaming.
func relayImplied(c map[string]any) bool {
	if n, ok := c["max_participants"].(int); ok && n >= 9 {
		return true
	}
	uc, _ := c["use_cases"].([]string)
	return slices.Contains(uc, "live_streaming")
}

// possible reports whether a completion of the unknown keys is one the
// facts allow (see completions).
func possible(c map[string]any, unknown []string) bool {
	return !(slices.Contains(unknown, "media_relay") && c["media_relay"] == false && relayImplied(c))
}

// TestVerdictOverCompletions: a determined verdict is the verdict of every
// completion of the unanswered questions; an undetermined one has two
// completions that differ; the pivotal questions are exactly the unanswered
// keys whose answer alone changes the verdict in some completion.
func TestVerdictOverCompletions(t *testing.T) {
	rs := embedded(t)
	rng := rand.New(rand.NewPCG(22, 1))
	for n := 0; n < 300; n++ {
		answers, unknown := randomPartial(rng, 1+rng.IntN(3))
		partial := evalMap(t, rs, answers)
		verdicts := map[classify.Verdict]bool{}
		full := map[string]classify.Verdict{}
		completions(answers, unknown, func(c map[string]any) {
			v := evalMap(t, rs, c).Verdict
			verdicts[v] = true
			b, _ := json.Marshal(c)
			full[string(b)] = v
		})
		if verdicts["undetermined"] {
			t.Fatalf("a complete document was undetermined: %v", answers)
		}
		if len(verdicts) == 1 {
			for v := range verdicts {
				if partial.Verdict != v {
					t.Errorf("Evaluate(%v).Verdict = %s, want %s (every completion)", answers, partial.Verdict, v)
				}
			}
		} else if partial.Verdict != "undetermined" {
			t.Errorf("Evaluate(%v).Verdict = %s, want undetermined (completions give %v)", answers, partial.Verdict, verdicts)
		}
		// Pivotal by brute force: flip one unknown key between any two values
		// in possible completions, or find that the verdicts the key's
		// values allow differ (with completions ruled out, a key can
		// settle the verdict without any single flip changing it).
		var want []string
		for _, k := range unknown {
			others := []string{}
			for _, u := range unknown {
				if u != k {
					others = append(others, u)
				}
			}
			pivotal := false
			byValue := make([]map[classify.Verdict]bool, len(verdictKeys[k]))
			completionsOf(answers, others, false, func(c map[string]any) {
				seen := map[string]bool{}
				for i, v := range verdictKeys[k] {
					c[k] = v
					if !possible(c, unknown) {
						continue
					}
					b, _ := json.Marshal(c)
					seen[string(full[string(b)])] = true
					if byValue[i] == nil {
						byValue[i] = map[classify.Verdict]bool{}
					}
					byValue[i][full[string(b)]] = true
				}
				pivotal = pivotal || len(seen) > 1
			})
			var first map[classify.Verdict]bool
			for _, set := range byValue {
				if set == nil {
					continue
				}
				if first == nil {
					first = set
				} else if !maps.Equal(first, set) {
					pivotal = true
				}
			}
			pivotal = pivotal && len(verdicts) > 1
			if pivotal {
				want = append(want, k)
			}
		}
		var gotKeys []string
		for _, p := range partial.PivotalQuestions {
			gotKeys = append(gotKeys, p.Key)
		}
		sort.Strings(want)
		sort.Strings(gotKeys)
		if strings.Join(want, ",") != strings.Join(gotKeys, ",") {
			t.Errorf("Evaluate(%v) pivotal = %v, want %v", answers, gotKeys, want)
		}
	}
}

// TestAnsweringKeepsDeterminedVerdict: answering an unknown never turns a
// determined verdict into another one (monotonicity), with one exception
// by design: an explicit answer the facts make unusual (peer-to-peer media
// for nine or more endpoints or a live stream) stands, where the same
// question unanswered was taken to have the usual answer (B22.md section
// 2, "Relay implied").
func TestAnsweringKeepsDeterminedVerdict(t *testing.T) {
	rs := embedded(t)
	rng := rand.New(rand.NewPCG(22, 2))
	for n := 0; n < 300; n++ {
		answers, unknown := randomPartial(rng, 1+rng.IntN(5))
		before := evalMap(t, rs, answers).Verdict
		if before == "undetermined" {
			continue
		}
		k := unknown[rng.IntN(len(unknown))]
		for _, v := range verdictKeys[k] {
			answers[k] = v
			if k == "media_relay" && v == false && relayImplied(answers) {
				continue
			}
			if after := evalMap(t, rs, answers).Verdict; after != before {
				t.Errorf("answering %s=%v turned %s into %s (%v)", k, v, before, after, answers)
			}
		}
	}
}

// TestCompanyFactsNeverChangeTheVerdict: the contract's promise.
func TestCompanyFactsNeverChangeTheVerdict(t *testing.T) {
	rs := embedded(t)
	rng := rand.New(rand.NewPCG(22, 3))
	company := map[string][]any{
		"entity_type": {"prc_company", "foreign_company", "individual"}, "registered_capital_cny": {0, 1000000, 50000000},
		"foreign_ownership_percent": {0, 60, 100}, "qualified_staff": {0, 3, 100}, "has_premises_and_facilities": {true, false},
		"clean_record": {true, false}, "security_measures": {true, false}, "existing_licences": {[]string{}, []string{"b22_cross_regional"}},
		"coverage": {"single_province", "nationwide"}, "province": {"beijing", "xinjiang"}, "charging": {"paid", "free"},
	}
	for n := 0; n < 200; n++ {
		answers, _ := randomPartial(rng, rng.IntN(4))
		want := evalMap(t, rs, answers).Verdict
		for k, vals := range company {
			answers[k] = vals[rng.IntN(len(vals))]
		}
		if got := evalMap(t, rs, answers).Verdict; got != want {
			t.Errorf("company facts changed the verdict from %s to %s: %v", want, got, answers)
		}
	}
}

// TestDeterministicBytes: the same input gives the same bytes, whatever the
// order of keys and the whitespace of the input.
func TestDeterministicBytes(t *testing.T) {
	rs := embedded(t)
	a := `{"answers":{"realtime_voice":true,"coverage":"nationwide","use_cases":["vod","meetings"],"max_participants":9},"product":{"name":"X"}}`
	b := "{\n  \"product\" : {\"name\":\"X\"},\n\t\"answers\": {\n \"max_participants\": 9, \"use_cases\": [\"vod\", \"meetings\"],\n\"coverage\":\"nationwide\", \"realtime_voice\" :true } }\n"
	c := "product:\n  name: X\nanswers:\n  use_cases: [vod, meetings]\n  max_participants: 9\n  coverage: nationwide\n  realtime_voice: true\n"
	var outs []string
	for i, in := range []string{a, b, c, a} {
		doc, err := parserOf(rs).Parse("d", []byte(in), answers.FormatAuto)
		if err != nil {
			t.Fatalf("input %d: %v", i, err)
		}
		r, err := rs.Evaluate(doc, classify.Options{AsOf: asOf})
		if err != nil {
			t.Fatal(err)
		}
		out, _ := json.Marshal(r)
		outs = append(outs, string(out))
	}
	for i := 1; i < len(outs); i++ {
		if outs[i] != outs[0] {
			t.Errorf("input %d gives different bytes than input 0", i)
		}
	}
}

// TestAsOfPicksParameters: a 60% foreign share is unknown before
// 2022-05-01, not unmet: until 2019-07-29 the 50% cap applied except in
// free-trade zones, which no question asks about, and until 2022-04-30 the
// 2016 provisions asked a track record of the main foreign investor, which
// no question asks about either; met from the 2022 revision on (B22.md
// section 3, rev.3).
func TestAsOfPicksParameters(t *testing.T) {
	rs := embedded(t)
	doc, err := parserOf(rs).Parse("d", []byte(`{"answers":{"realtime_voice":true,"internet_delivery":true,"max_participants":10,"audience":"public","mainland_users":true,"delivery_model":"own_platform","use_cases":["meetings"],"foreign_ownership_percent":60}}`), answers.FormatJSON)
	if err != nil {
		t.Fatal(err)
	}
	for date, want := range map[string]string{"2019-07-29": "unknown", "2019-07-30": "unknown", "2022-04-30": "unknown", "2022-05-01": "met", "2026-11-01": "met"} {
		r, err := rs.Evaluate(doc, classify.Options{AsOf: mustDate(date)})
		if err != nil {
			t.Fatal(err)
		}
		for _, q := range r.Requirements {
			if q.ID == "foreign_investment" && string(q.Status) != want {
				t.Errorf("as of %s foreign_investment = %s, want %s", date, q.Status, want)
			}
		}
	}
	if _, err := rs.Evaluate(doc, classify.Options{AsOf: mustDate("2017-08-31")}); err == nil {
		t.Error("Evaluate before the rule set applies succeeded")
	}
}

// strengthsOf is the strength of each sub-category a complete document
// matches on its features alone (shown under if_operated when excluded).
func strengthsOf(r *classify.Result) map[string]string {
	out := map[string]string{}
	for _, list := range [][]classify.SubcategoryResult{r.Subcategories, r.IfOperated} {
		for _, s := range list {
			out[s.ID] = string(s.Strength)
		}
	}
	return out
}

// TestOutlookOverCompletions checks by brute force what a partial result
// says of its unanswered keys: each pivotal question's leads_to gives the
// verdict of every completion with that answer (or undetermined when they
// differ), and each open sub-category depends on exactly the unknown keys
// whose answer alone changes its strength in some completion.
func TestOutlookOverCompletions(t *testing.T) {
	rs := embedded(t)
	rng := rand.New(rand.NewPCG(22, 2))
	checkedLeads, checkedOpen := 0, 0
	for n := 0; n < 300; n++ {
		answers, unknown := randomPartial(rng, 1+rng.IntN(4))
		partial := evalMap(t, rs, answers)
		others := func(k string) []string {
			var out []string
			for _, u := range unknown {
				if u != k {
					out = append(out, u)
				}
			}
			return out
		}
		for _, p := range partial.PivotalQuestions {
			for _, l := range p.LeadsTo {
				with := map[string]any{}
				for k, v := range answers {
					with[k] = v
				}
				with[p.Key] = l.Answer
				verdicts := map[string]bool{}
				completions(with, others(p.Key), func(c map[string]any) { verdicts[string(evalMap(t, rs, c).Verdict)] = true })
				want := "undetermined"
				if len(verdicts) == 1 {
					for v := range verdicts {
						want = v
					}
				}
				if string(l.Verdict) != want {
					t.Errorf("Evaluate(%v): %s=%v leads to %s, want %s", answers, p.Key, l.Answer, l.Verdict, want)
				}
				checkedLeads++
			}
		}
		for _, s := range partial.OpenSubcategories {
			var want []string
			for _, k := range unknown {
				changes := false
				byValue := make([]map[string]bool, len(verdictKeys[k]))
				completionsOf(answers, others(k), false, func(c map[string]any) {
					seen := map[string]bool{}
					for i, v := range verdictKeys[k] {
						c[k] = v
						if !possible(c, unknown) {
							continue
						}
						st := strengthsOf(evalMap(t, rs, c))[s.ID]
						seen[st] = true
						if byValue[i] == nil {
							byValue[i] = map[string]bool{}
						}
						byValue[i][st] = true
					}
					changes = changes || len(seen) > 1
				})
				var first map[string]bool
				for _, set := range byValue {
					if set == nil {
						continue
					}
					if first == nil {
						first = set
					} else if !maps.Equal(first, set) {
						changes = true
					}
				}
				if changes {
					want = append(want, k)
				}
			}
			got := append([]string(nil), s.DependsOn...)
			sort.Strings(want)
			sort.Strings(got)
			if strings.Join(got, ",") != strings.Join(want, ",") {
				t.Errorf("Evaluate(%v): %s depends on %v, want %v", answers, s.ID, got, want)
			}
			checkedOpen++
		}
	}
	if checkedLeads < 50 || checkedOpen < 20 {
		t.Fatalf("only %d leads_to and %d open sub-categories checked: widen the test", checkedLeads, checkedOpen)
	}
}
