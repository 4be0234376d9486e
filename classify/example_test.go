package classify_test

import (
	"fmt"

	"b22/classify"
	"b22/classify/answers"
	"b22/questionnaires"
)

func ExampleRuleSet_Evaluate() {
	rs, err := classify.Load(questionnaires.Shipped())
	if err != nil {
		panic(err)
	}
	doc, err := answers.New(rs).Parse("meet.json", []byte(`{"answers": {
		"realtime_voice": true, "realtime_video": true, "max_participants": 50,
		"internet_delivery": true, "media_relay": true, "use_cases": ["meetings"],
		"audience": "business_customers", "delivery_model": "own_platform",
		"coverage": "nationwide"}}`), answers.FormatJSON)
	if err != nil {
		panic(err)
	}
	day, _ := classify.ParseDate("2026-11-01")
	r, err := rs.Evaluate(doc, classify.Options{AsOf: day})
	if err != nil {
		panic(err)
	}
	fmt.Println(r.Verdict)
	for _, p := range r.PivotalQuestions {
		for _, l := range p.LeadsTo {
			fmt.Printf("%s = %v -> %s\n", p.Key, l.Answer, l.Verdict)
		}
	}
	// Output:
	// undetermined
	// mainland_users = true -> likely
	// mainland_users = false -> unlikely
}

// With Options.Levers, a result also says which answers would change it.
func ExampleRuleSet_Evaluate_levers() {
	rs, err := classify.Load(questionnaires.Shipped())
	if err != nil {
		panic(err)
	}
	doc, err := answers.New(rs).Parse("meet.json", []byte(`{"answers": {
		"realtime_voice": true, "realtime_video": true, "max_participants": 50,
		"internet_delivery": true, "media_relay": true, "use_cases": ["meetings"],
		"audience": "business_customers", "delivery_model": "own_platform",
		"coverage": "nationwide", "mainland_users": true}}`), answers.FormatJSON)
	if err != nil {
		panic(err)
	}
	day, _ := classify.ParseDate("2026-11-01")
	r, err := rs.Evaluate(doc, classify.Options{AsOf: day, Levers: true})
	if err != nil {
		panic(err)
	}
	fmt.Println(r.Verdict)
	for _, lv := range r.Levers {
		if lv.Effect == classify.EffectUnlikely && len(lv.Changes) == 1 {
			c := lv.Changes[0]
			fmt.Printf("%s = %v -> %s\n", c.Key, c.To, lv.Verdict)
		}
	}
	// Output:
	// likely
	// audience = internal_only -> unlikely
	// delivery_model = third_party_service -> unlikely
	// delivery_model = on_premise -> unlikely
	// mainland_users = false -> unlikely
}
