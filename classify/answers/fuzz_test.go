package answers_test

import (
	"b22/classify"
	"b22/classify/answers"
	"encoding/json"
	"errors"
	"slices"
	"testing"
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
	parser := answers.New(rs)
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, format := range []answers.Format{answers.FormatJSON, answers.FormatYAML} {
			doc, err := parser.Parse("f", data, format)
			if err != nil {
				if err.Error() == "" {
					t.Fatal("empty error")
				}
				var ps classify.Problems
				if !errors.As(err, &ps) || len(ps) == 0 {
					t.Fatalf("error is not a list of problems: %v", err)
				}
				for _, p := range ps {
					if p.Code == "" {
						t.Fatalf("problem without a code: %v", p)
					}
				}
				continue
			}
			r, err := rs.Evaluate(doc, classify.Options{AsOf: asOf})
			if err != nil {
				t.Fatalf("Evaluate: %v", err)
			}
			if _, err := json.Marshal(r); err != nil {
				t.Fatalf("result does not encode: %v", err)
			}
			again, err := parser.Parse("c", rs.Canonical(doc), answers.FormatJSON)
			if err != nil {
				t.Fatalf("canonical form rejected: %v\n%s", err, rs.Canonical(doc))
			}
			if rs.Fingerprint(again) != rs.Fingerprint(doc) {
				t.Fatalf("canonical form changes the document")
			}
			// The readable form keeps everything, "not sure" included.
			back, err := parser.Parse("m", answers.Marshal(rs, doc), answers.FormatJSON)
			if err != nil {
				t.Fatalf("readable form rejected: %v\n%s", err, answers.Marshal(rs, doc))
			}
			if back.Product != doc.Product || !slices.Equal(back.Answers, doc.Answers) || !sameUnsure(back.Unsure, doc.Unsure) {
				t.Fatalf("readable form changes the document:\n%s", answers.Marshal(rs, doc))
			}
		}
	})
}

// sameUnsure compares two Unsure lists, nil being all false.
func sameUnsure(a, b []bool) bool {
	for i := range max(len(a), len(b)) {
		if (i < len(a) && a[i]) != (i < len(b) && b[i]) {
			return false
		}
	}
	return true
}
