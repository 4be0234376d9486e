package resultjson_test

import (
	"b22/classify"
	"b22/classify/answers"
	"b22/classify/resultjson"
	"testing"
)

// BenchmarkAppendJSON writes one realistic result, as the stream does.
func BenchmarkAppendJSON(b *testing.B) {
	rs := embedded(b)
	doc, err := parserOf(rs).Parse("b", []byte(benchDocs["half-known"]), answers.FormatJSON)
	if err != nil {
		b.Fatal(err)
	}
	r, err := rs.Evaluate(doc, classify.Options{AsOf: mustDate("2026-11-01")})
	if err != nil {
		b.Fatal(err)
	}
	buf := encoderOf(rs).Append(nil, r)
	b.SetBytes(int64(len(buf)))
	b.ReportAllocs()
	for b.Loop() {
		buf = encoderOf(rs).Append(buf[:0], r)
	}
}

// benchDocs are the documents classify's benchmarks use.
var benchDocs = map[string]string{
	"complete":    `{"answers":{"realtime_voice":true,"realtime_video":true,"max_participants":300,"pstn_access":true,"telephone_network_video":false,"internet_delivery":true,"media_relay":true,"use_cases":["meetings"],"call_centre":false,"audience":"business_customers","delivery_model":"own_platform","charging":"paid","marketplace":false,"mainland_users":true,"coverage":"nationwide","province":"shanghai","entity_type":"prc_company","registered_capital_cny":5000000,"foreign_ownership_percent":0,"qualified_staff":12,"has_premises_and_facilities":true,"clean_record":true,"security_measures":true,"existing_licences":[]}}`,
	"half-known":  `{"answers":{"realtime_voice":true,"realtime_video":true,"max_participants":40,"internet_delivery":true,"use_cases":["remote_teaching"],"audience":"public","delivery_model":"embedded_sdk","charging":"paid"}}`,
	"all-unknown": `{}`,
}

// BenchmarkNew prepares the encoder of the embedded rule set, which a
// command does once, after Load.
func BenchmarkNew(b *testing.B) {
	rs := embedded(b)
	b.ReportAllocs()
	for b.Loop() {
		resultjson.New(rs)
	}
}
