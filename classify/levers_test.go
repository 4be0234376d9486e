package classify_test

import (
	"bytes"
	"io/fs"
	"reflect"
	"slices"
	"testing"

	"b22/classify"
	"b22/classify/answers"
	"b22/internal/gen"
	"b22/questionnaires"
)

// alternatives are concrete answers to try for every question, chosen
// here and not by the engine: every choice, both yes and no, and numbers
// around every threshold the rules name (participants, capital floors,
// foreign-share caps, staff) and far from them.
func alternatives(q *classify.Question) []classify.Value {
	var out []classify.Value
	switch q.Type {
	case classify.TypeBool:
		out = append(out, classify.Value{Known: true, Bool: true}, classify.Value{Known: true})
	case classify.TypeEnum:
		for i := range q.Choices {
			out = append(out, classify.Value{Known: true, Set: 1 << i})
		}
	case classify.TypeMulti:
		out = append(out, classify.Value{Known: true})
		for i := range q.Choices {
			out = append(out, classify.Value{Known: true, Set: 1 << i})
		}
		out = append(out, classify.Value{Known: true, Set: 1<<len(q.Choices) - 1})
	default:
		for _, n := range []float64{0, 1, 2, 3, 4, 9, 10, 49, 50, 51, 100, 999999, 1e6, 1e6 + 1, 9999999, 1e7, 1e7 + 1, 1e8} {
			if (q.Min == nil || n >= *q.Min) && (q.Max == nil || n <= *q.Max) {
				out = append(out, classify.NumberValue(n))
			}
		}
	}
	return out
}

// subcategorySet is what a result says of each sub-category: its id and
// strength, settled or not, in a form to compare.
func subcategorySet(r *classify.Result) map[string]classify.Strength {
	m := map[string]classify.Strength{}
	for _, s := range r.Matched() {
		m[s.ID] = s.Strength
	}
	return m
}

// Levers, checked by brute force against Evaluate over realistic documents:
// every lever does what it claims; no single change of an answered question
// that changes the verdict is missing; a pair of changes is listed only when
// neither change alone makes the verdict unlikely.
func TestLeversAgainstBruteForce(t *testing.T) {
	rs := embedded(t)
	lines := bytes.Split(bytes.TrimSpace(gen.Lines(11, 250)), []byte("\n"))
	checked, listed, implied := 0, 0, 0
	for n, line := range lines {
		doc, err := parserOf(rs).ParseLine("g", n+1, line)
		if err != nil {
			t.Fatal(err)
		}
		base, _ := rs.Evaluate(doc, classify.Options{AsOf: asOf})
		levers, err := leversOf(rs, doc, asOf)
		if err != nil {
			t.Fatal(err)
		}
		if base.Verdict == classify.VerdictUndetermined {
			if len(levers) != 0 {
				t.Fatalf("line %d: an undetermined verdict has levers", n+1)
			}
			continue
		}
		checked++
		listed += len(levers)
		if slices.ContainsFunc(base.Notes, func(f classify.Finding) bool { return f.ID == "relay_implied" }) {
			implied++ // the constraint dropped completions of this document
		}
		apply := func(changes []classify.LeverChange) *classify.Result {
			a := slices.Clone(doc.Answers)
			for _, c := range changes {
				i := rs.QuestionIndex(c.Key)
				v := valueOf(t, &rs.Questions()[i], c.To)
				a[i] = v
			}
			r, _ := rs.Evaluate(&classify.Document{Answers: a}, classify.Options{AsOf: asOf})
			return r
		}
		// Every lever does what it says.
		unlikelyAlone := map[string]bool{}
		for _, lv := range levers {
			after := apply(lv.Changes)
			if after.Verdict != lv.Verdict {
				t.Fatalf("line %d: lever %+v claims %s, Evaluate says %s", n+1, lv.Changes, lv.Verdict, after.Verdict)
			}
			was, now := subcategorySet(base), subcategorySet(after)
			for _, id := range lv.Added {
				if _, ok := was[id]; ok {
					t.Fatalf("line %d: %s added but was there", n+1, id)
				}
				if _, ok := now[id]; !ok && after.Verdict != classify.VerdictUnlikely {
					t.Fatalf("line %d: %s added but is not there after %+v", n+1, id, lv.Changes)
				}
			}
			// "could add": a sub-category the change brings in only if
			// questions still open allow is open after it, and only such.
			if after.Verdict != classify.VerdictUnlikely {
				for _, id := range append(slices.Clone(lv.Added), lv.Strengthened...) {
					isOpen := slices.ContainsFunc(after.OpenSubcategories, func(s classify.SubcategoryResult) bool { return s.ID == id })
					if isOpen != slices.Contains(lv.Open, id) {
						t.Fatalf("line %d: %s open after %+v is %v, lever says %v", n+1, id, lv.Changes, isOpen, lv.Open)
					}
				}
			}
			for _, id := range lv.Removed {
				if _, ok := now[id]; ok {
					t.Fatalf("line %d: %s removed but still there after %+v", n+1, id, lv.Changes)
				}
			}
			for _, id := range lv.Met {
				for _, q := range after.Requirements {
					if q.ID == id && q.Status != classify.StatusMet {
						t.Fatalf("line %d: %s claimed met after %+v, is %s", n+1, id, lv.Changes, q.Status)
					}
				}
			}
			if len(lv.Changes) == 1 && lv.Verdict == classify.VerdictUnlikely {
				unlikelyAlone[lv.Changes[0].Key] = true
			}
		}
		// Pairs only where no single change reaches unlikely.
		for _, lv := range levers {
			if len(lv.Changes) == 2 && len(unlikelyAlone) > 0 {
				t.Fatalf("line %d: a pair %+v listed although %v alone makes the verdict unlikely", n+1, lv.Changes, unlikelyAlone)
			}
		}
		// No single verdict-changing change is missing.
		for i := range rs.Questions() {
			q := &rs.Questions()[i]
			if !doc.Answers[i].Known {
				continue
			}
			for _, v := range alternatives(q) {
				if v == doc.Answers[i] {
					continue
				}
				a := slices.Clone(doc.Answers)
				a[i] = v
				after, _ := rs.Evaluate(&classify.Document{Answers: a}, classify.Options{AsOf: asOf})
				if after.Verdict == base.Verdict {
					continue
				}
				found := slices.ContainsFunc(levers, func(lv classify.Lever) bool {
					return len(lv.Changes) == 1 && lv.Changes[0].Key == q.ID && lv.Verdict == after.Verdict
				})
				if !found {
					t.Fatalf("line %d: %s → %v changes the verdict from %s to %s, and no lever says so",
						n+1, q.ID, q.JSONValue(v), base.Verdict, after.Verdict)
				}
			}
		}
	}
	if checked < 50 || listed == 0 || implied < 5 {
		t.Fatalf("only %d determined documents, %d levers and %d with the relay implied: the test tests too little", checked, listed, implied)
	}
	t.Logf("%d documents with a determined verdict (%d with the relay implied), %d levers checked", checked, implied, listed)
}

// valueOf reads an answer as a lever writes it.
func valueOf(t *testing.T, q *classify.Question, v any) classify.Value {
	t.Helper()
	switch x := v.(type) {
	case bool:
		return classify.Value{Known: true, Bool: x}
	case float64:
		return classify.NumberValue(x)
	case string:
		return classify.Value{Known: true, Set: 1 << q.ChoiceIndex(x)}
	case []string:
		var set uint64
		for _, id := range x {
			set |= 1 << q.ChoiceIndex(id)
		}
		return classify.Value{Known: true, Set: set}
	}
	t.Fatalf("unexpected answer %T", v)
	return classify.Value{}
}

// A company fact never changes the verdict; it can meet a condition. A
// relabelling (what the product is said to be for) may change anything,
// which is why people are not shown it (present.ForPeople).
func TestLeverKinds(t *testing.T) {
	rs := embedded(t)
	lines := bytes.Split(bytes.TrimSpace(gen.Lines(12, 200)), []byte("\n"))
	conditions := 0
	for n, line := range lines {
		doc, _ := parserOf(rs).ParseLine("g", n+1, line)
		levers, _ := leversOf(rs, doc, asOf)
		for _, lv := range levers {
			if lv.Kind != classify.LeverProduct && lv.Kind != classify.LeverLabel && lv.Effect != classify.EffectConditions && lv.Effect != classify.EffectScope {
				t.Fatalf("line %d: a %s lever with effect %s: %+v", n+1, lv.Kind, lv.Effect, lv.Changes)
			}
			if lv.Effect == classify.EffectConditions {
				conditions++
			}
		}
	}
	if conditions == 0 {
		t.Fatal("no lever meets a condition: the test tests nothing")
	}
}

// The levers a product team asks about, on the shipped meeting app (300
// parties, phone dial-in, Internet, nationwide, RMB 5 million of capital):
// each question's change and what the rules say it does.
func TestLeversOfTheMeetingApp(t *testing.T) {
	rs := embedded(t)
	data, err := fs.ReadFile(questionnaires.Shipped(), "examples/meeting-app.json")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := parserOf(rs).Parse("meeting-app.json", data, answers.FormatJSON)
	if err != nil {
		t.Fatal(err)
	}
	levers, err := leversOf(rs, doc, asOf)
	if err != nil {
		t.Fatal(err)
	}
	find := func(key string, to any) *classify.Lever {
		for i, lv := range levers {
			if len(lv.Changes) == 1 && lv.Changes[0].Key == key && reflect.DeepEqual(lv.Changes[0].To, to) {
				return &levers[i]
			}
		}
		t.Fatalf("no lever %s → %v among %d", key, to, len(levers))
		return nil
	}
	// Drop phone dial-in: out of the telephone-conference sub-category, the
	// Internet one stays, so a licence is still likely.
	if lv := find("pstn_access", false); lv.Verdict != classify.VerdictLikely || !slices.Equal(lv.Removed, []string{"multiparty_telephone"}) || lv.Kind != classify.LeverProduct {
		t.Errorf("pstn_access → false: %+v", lv)
	}
	// One-to-one calls only: the rules read three or more parties as the
	// core of multi-party, so both sub-categories weaken to possible.
	if lv := find("max_participants", 2.0); lv.Verdict != classify.VerdictPossible || len(lv.Weakened) != 2 {
		t.Errorf("max_participants → 2: %+v", lv)
	}
	// Meetings run in a licensed provider's service under its name: the
	// company operates no B22 service.
	if lv := find("delivery_model", "third_party_service"); lv.Effect != classify.EffectUnlikely || !slices.Equal(lv.Rules, []string{"gate_third_party_service"}) {
		t.Errorf("delivery_model → third_party_service: %+v", lv)
	}
	// One province: a provincial licence, whose RMB 1 million capital floor
	// the company's RMB 5 million meets.
	if lv := find("coverage", "single_province"); lv.Effect != classify.EffectScope || lv.Scope == nil || *lv.Scope != "provincial" || !slices.Equal(lv.Met, []string{"registered_capital"}) {
		t.Errorf("coverage → single_province: %+v", lv)
	}
	// Or raise the capital to the cross-regional floor: a company fact.
	if lv := find("registered_capital_cny", 1e7); lv.Kind != classify.LeverCompany || lv.Effect != classify.EffectConditions || lv.Changes[0].ToLabel.En != "RMB 10,000,000 or more" || lv.Changes[0].ToLabel.Zh != "人民币1000万元及以上" {
		t.Errorf("registered_capital_cny → 10 million: %+v", lv)
	}
	// First what makes a licence unlikely.
	if levers[0].Effect != classify.EffectUnlikely {
		t.Errorf("first lever %+v, want one that makes it unlikely", levers[0])
	}
}

// A change that leaves the verdict to unanswered questions is a lever:
// without media_relay answered, the meeting app cut to five participants
// (too few for the relay to be implied) is likely only through phone
// dial-in, and dropping dial-in makes the verdict depend on the media path.
func TestLeverToUndetermined(t *testing.T) {
	rs := embedded(t)
	data, _ := fs.ReadFile(questionnaires.Shipped(), "examples/meeting-app.json")
	doc, err := parserOf(rs).Parse("meeting-app.json", data, answers.FormatJSON)
	if err != nil {
		t.Fatal(err)
	}
	doc.Answers[rs.QuestionIndex("media_relay")] = classify.Value{}
	doc.Answers[rs.QuestionIndex("max_participants")] = classify.Value{Known: true, Num: 5}
	if r, _ := rs.Evaluate(doc, classify.Options{AsOf: asOf}); r.Verdict != classify.VerdictLikely {
		t.Fatalf("without media_relay the verdict is %s; the test needs likely", r.Verdict)
	}
	levers, _ := leversOf(rs, doc, asOf)
	found := slices.ContainsFunc(levers, func(lv classify.Lever) bool {
		return len(lv.Changes) == 1 && lv.Changes[0].Key == "pstn_access" && lv.Verdict == classify.VerdictUndetermined &&
			lv.Effect == classify.EffectVerdict && slices.Contains(lv.Removed, "multiparty_telephone")
	})
	if !found {
		t.Errorf("no lever pstn_access → false leading to undetermined among %d", len(levers))
	}
}

// leversOf is what Evaluate finds would change the outcome.
func leversOf(rs *classify.RuleSet, doc *classify.Document, asOf classify.Date) ([]classify.Lever, error) {
	r, err := rs.Evaluate(doc, classify.Options{AsOf: asOf, Levers: true})
	if err != nil {
		return nil, err
	}
	return r.Levers, nil
}
