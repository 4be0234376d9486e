package classify_test

import (
	"fmt"

	"b22/classify"
	"b22/classify/answers"
	"b22/questionnaires"
)

func ExampleRuleSet_Evaluate() {
	rs, err := classify.Load(questionnaires.B22())
	if err != nil {
		panic(err)
	}
	doc, err := parserOf(rs).Parse("meet.json", []byte(`{"answers": {
		"realtime_voice": true, "realtime_video": true, "max_participants": 50,
		"internet_delivery": true, "media_relay": true, "use_cases": ["meetings"],
		"audience": "business_customers", "delivery_model": "own_platform",
		"coverage": "nationwide"}}`), answers.FormatJSON)
	if err != nil {
		panic(err)
	}
	asOf, _ := classify.ParseDate("2026-11-01")
	r, err := rs.Evaluate(doc, classify.Options{AsOf: asOf})
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
