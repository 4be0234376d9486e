package classify_test

import (
	"bytes"
	"slices"
	"testing"
	"time"

	"b22/classify"
	"b22/classify/answers"
	"b22/internal/gen"
	"b22/questionnaires"
)

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := classify.Load(questionnaires.Shipped()); err != nil {
			b.Fatal(err)
		}
	}
}

var benchDocs = map[string]string{
	"complete":    `{"answers":{"realtime_voice":true,"realtime_video":true,"max_participants":300,"pstn_access":true,"telephone_network_video":false,"internet_delivery":true,"media_relay":true,"use_cases":["meetings"],"call_centre":false,"audience":"business_customers","delivery_model":"own_platform","charging":"paid","marketplace":false,"mainland_users":true,"coverage":"nationwide","province":"shanghai","entity_type":"prc_company","registered_capital_cny":5000000,"foreign_ownership_percent":0,"qualified_staff":12,"has_premises_and_facilities":true,"clean_record":true,"security_measures":true,"existing_licences":[]}}`,
	"half-known":  `{"answers":{"realtime_voice":true,"realtime_video":true,"max_participants":40,"internet_delivery":true,"use_cases":["remote_teaching"],"audience":"public","delivery_model":"embedded_sdk","charging":"paid"}}`,
	"all-unknown": `{}`,
}

func BenchmarkEvaluate(b *testing.B) {
	rs := embedded(b)
	asOf := mustDate("2026-11-01")
	for _, name := range []string{"complete", "half-known", "all-unknown"} {
		doc, err := parserOf(rs).Parse(name, []byte(benchDocs[name]), answers.FormatJSON)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := rs.Evaluate(doc, classify.Options{AsOf: asOf}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkEvaluateWide evaluates with a rule set of twenty sub-categories,
// whose completions' codes take two words.
func BenchmarkEvaluateWide(b *testing.B) {
	rs := loadWide(b)
	asOf := mustDate("2026-11-01")
	for _, tc := range []struct{ name, doc string }{
		{"complete", `{"answers":{"offered_here":true,"kind_a":"a01","kind_b":"none","kind_c":"c15","kind_d":["d16","d20"],"commercial":true,"coverage":"one_region","holds_licence":false,"registered":true}}`},
		{"half-known", `{"answers":{"offered_here":true,"kind_a":"none","kind_c":"c15","commercial":false}}`},
		{"all-unknown", `{}`},
	} {
		doc, err := parserOf(rs).Parse(tc.name, []byte(tc.doc), answers.FormatJSON)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(tc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := rs.Evaluate(doc, classify.Options{AsOf: asOf}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkParseAnswers(b *testing.B) {
	rs := embedded(b)
	data := []byte(benchDocs["complete"])
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := parserOf(rs).Parse("b", data, answers.FormatJSON); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEvaluateGenerated evaluates realistic documents (some answers
// unknown), as the --jsonl stream meets them.
func BenchmarkEvaluateGenerated(b *testing.B) {
	rs := embedded(b)
	asOf := mustDate("2026-11-01")
	var docs []*classify.Document
	for i, line := range bytes.Split(bytes.TrimSpace(gen.Lines(22, 1000)), []byte("\n")) {
		doc, err := parserOf(rs).ParseLine("-", i+1, line)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, doc)
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if _, err := rs.Evaluate(docs[i%len(docs)], classify.Options{AsOf: asOf}); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// BenchmarkLevers finds the levers of realistic generated documents, one
// per iteration; it reports the median and the 90th percentile per
// document besides the mean.
func BenchmarkLevers(b *testing.B) {
	rs := embedded(b)
	var docs []*classify.Document
	for i, line := range bytes.Split(bytes.TrimSpace(gen.Lines(23, 500)), []byte("\n")) {
		doc, err := parserOf(rs).ParseLine("-", i+1, line)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, doc)
	}
	asOf := mustDate("2026-11-01")
	var took []time.Duration
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		start := time.Now()
		if _, err := rs.LeversOnly(docs[i%len(docs)], asOf); err != nil {
			b.Fatal(err)
		}
		took = append(took, time.Since(start))
		i++
	}
	slices.Sort(took)
	b.ReportMetric(float64(took[len(took)/2].Microseconds()), "µs-median")
	b.ReportMetric(float64(took[len(took)*9/10].Microseconds()), "µs-p90")
}
