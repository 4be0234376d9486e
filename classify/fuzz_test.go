package classify_test

import (
	"encoding/json"
	"testing"
	"testing/fstest"

	"b22/classify"
)

// FuzzParseAnswers: any bytes give a document or problems, never a panic;
// an accepted document survives its canonical form unchanged and evaluates.
func FuzzParseAnswers(f *testing.F) {
	for _, seed := range []string{
		`{"answers":{"realtime_voice":true,"use_cases":["vod"],"max_participants":3}}`,
		`{"product":{"name":"\u00e9"},"answers":{"coverage":null}}`,
		"answers:\n  coverage: nationwide\n  use_cases: [meetings]\n",
		`{"answers":{"registered_capital_cny":1e400}}`,
		"\ufeff{}", `[[[[[]]]]]`, `{"a":1,"a":2}`, "a: &x 1\nb: *x\n",
	} {
		f.Add([]byte(seed))
	}
	rs := embedded(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, format := range []classify.Format{classify.FormatJSON, classify.FormatYAML} {
			doc, err := rs.ParseAnswers("f", data, format)
			if err != nil {
				if err.Error() == "" {
					t.Fatal("empty error")
				}
				continue
			}
			r, err := rs.Evaluate(doc, asOf)
			if err != nil {
				t.Fatalf("Evaluate: %v", err)
			}
			if _, err := json.Marshal(r); err != nil {
				t.Fatalf("result does not encode: %v", err)
			}
			again, err := rs.ParseAnswers("c", rs.Canonical(doc), classify.FormatJSON)
			if err != nil {
				t.Fatalf("canonical form rejected: %v\n%s", err, rs.Canonical(doc))
			}
			if rs.Fingerprint(again) != rs.Fingerprint(doc) {
				t.Fatalf("canonical form changes the document")
			}
		}
	})
}

// FuzzLoad: a rules.yaml of any content is loaded or refused with problems,
// never a panic or a hang (aliases are refused, so no YAML bomb expands).
func FuzzLoad(f *testing.F) {
	base := ruleFiles(f)
	f.Add(base["rules.yaml"].Data)
	f.Add([]byte("gates: []\nsubcategories: []\n"))
	f.Add([]byte("a: &a [x]\nb: [*a, *a, *a]\n"))
	f.Add([]byte("gates:\n  - id: g\n    when: {any: []}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		m := fstest.MapFS{}
		for k, v := range base {
			m[k] = v
		}
		m["rules.yaml"] = &fstest.MapFile{Data: data}
		rs, err := classify.Load(m)
		if err != nil {
			return
		}
		_ = rs.Lint()
	})
}
