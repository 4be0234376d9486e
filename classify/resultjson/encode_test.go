package resultjson_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"testing"

	"b22/classify"
	"b22/classify/answers"
	"b22/classify/resultjson"
	"b22/internal/gen"
)

// plainResult has no MarshalJSON, so encoding/json encodes it by reflection:
// the reference the hand-written encoder must match byte for byte.
type plainResult classify.Result

func reflectJSON(t *testing.T, r *classify.Result) []byte {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode((*plainResult)(r)); err != nil {
		t.Fatal(err)
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n"))
}

func TestAppendJSONMatchesEncodingJSON(t *testing.T) {
	rs := embedded(t)
	lines := bytes.Split(bytes.TrimSpace(gen.Lines(7, 400)), []byte("\n"))
	lines = append(lines, []byte(`{}`),
		[]byte(`{"product":{"name":"<b>&\"\u2028\u0001\u00e9\t\b\f","company":"\u001b[31m"},"answers":{"audience":"internal_only"}}`),
		[]byte(`{"answers":{"registered_capital_cny":1e-7,"foreign_ownership_percent":0.5,"max_participants":1000000}}`))
	// One date in each span over which parameters, texts or cited editions
	// stay the same.
	for _, date := range []string{"2018-01-01", "2018-12-01", "2020-06-01", "2021-09-01", "2022-06-01", "2023-09-01", "2024-05-01", "2024-08-01", "2026-11-01"} {
		for i, line := range lines {
			doc, err := parserOf(rs).Parse("g", line, answers.FormatJSON)
			if err != nil {
				t.Fatal(err)
			}
			r, err := rs.Evaluate(doc, classify.Options{AsOf: mustDate(date)})
			if err != nil {
				t.Fatal(err)
			}
			got := encoderOf(rs).Append(nil, r)
			if want := reflectJSON(t, r); !bytes.Equal(got, want) {
				n := 0
				for n < len(got) && n < len(want) && got[n] == want[n] {
					n++
				}
				t.Fatalf("line %d: AppendJSON differs from encoding/json at byte %d:\n got %s\nwant %s", i, n, got[max(0, n-80):min(len(got), n+80)], want[max(0, n-80):min(len(want), n+80)])
			}
		}
	}
}

// A result edited after Evaluate must not be written from what the rule set
// encoded at load: the encoder recognises rule-set texts and sources by
// their storage, and an edited value is stored elsewhere.
func TestAppendJSONAfterEdits(t *testing.T) {
	rs := embedded(t)
	doc, err := parserOf(rs).Parse("e", []byte(benchDocs["complete"]), answers.FormatJSON)
	if err != nil {
		t.Fatal(err)
	}
	edits := map[string]func(r *classify.Result){
		"summary retyped": func(r *classify.Result) { r.Summary.En = r.Summary.En[:len(r.Summary.En)-1] + "!" },
		"summary same words, new storage": func(r *classify.Result) {
			r.Summary.Zh = string([]byte(r.Summary.Zh))
		},
		"source title changed": func(r *classify.Result) { r.Sources[0].Title = "edited" },
		"sources reordered": func(r *classify.Result) {
			r.Sources[0], r.Sources[len(r.Sources)-1] = r.Sources[len(r.Sources)-1], r.Sources[0]
		},
		"source added twice": func(r *classify.Result) { r.Sources = append(r.Sources, r.Sources[0]) },
		"requirement text shortened": func(r *classify.Result) {
			r.Requirements[0].Text.Zh = r.Requirements[0].Text.Zh[:3]
		},
		"trace step renamed":    func(r *classify.Result) { r.Trace[0].Rule += "-x" },
		"trace step re-kinded":  func(r *classify.Result) { r.Trace[1].Kind = "note" },
		"process step retitled": func(r *classify.Result) { r.Process[0].Name.En = "x" },
		"reason basis replaced": func(r *classify.Result) {
			r.Subcategories[0].Reasons[0].Basis = []string{"x"}
		},
	}
	for name, edit := range edits {
		r, err := rs.Evaluate(doc, classify.Options{AsOf: mustDate("2026-11-01")})
		if err != nil {
			t.Fatal(err)
		}
		edit(r)
		got := encoderOf(rs).Append(nil, r)
		if want := reflectJSON(t, r); !bytes.Equal(got, want) {
			t.Errorf("%s: AppendJSON differs from encoding/json", name)
		}
	}
}

// AppendFields writes the same result cut down to the chosen fields: each
// field byte for byte as in the whole result, in the whole result's order.
func TestAppendFieldsIsAProjection(t *testing.T) {
	rs := embedded(t)
	names := resultjson.ResultFields()
	if len(names) == 0 || names[0] != "questionnaire" || names[len(names)-1] != "trace" {
		t.Fatalf("ResultFields() = %v", names)
	}
	lines := bytes.Split(bytes.TrimSpace(gen.Lines(11, 50)), []byte("\n"))
	for i, line := range lines {
		doc, err := parserOf(rs).ParseLine("-", i+1, line)
		if err != nil {
			t.Fatal(err)
		}
		r, _ := rs.Evaluate(doc, classify.Options{AsOf: asOf})
		var whole map[string]json.RawMessage
		if err := json.Unmarshal(encoderOf(rs).Append(nil, r), &whole); err != nil {
			t.Fatal(err)
		}
		// A different subset per line: every field is in some, and out of some.
		var picked []string
		for j, n := range names {
			if (i>>(j%6))&1 == 1 || j == i%len(names) {
				picked = append(picked, n)
			}
		}
		set, unknown, ok := resultjson.FieldSet(picked)
		if !ok {
			t.Fatalf("FieldSet(%v): unknown %q", picked, unknown)
		}
		var want bytes.Buffer
		want.WriteByte('{')
		for _, n := range picked { // picked follows names' order
			if want.Len() > 1 {
				want.WriteByte(',')
			}
			fmt.Fprintf(&want, "%q:%s", n, whole[n])
		}
		want.WriteByte('}')
		if got := encoderOf(rs).AppendFields(nil, r, set); !bytes.Equal(got, want.Bytes()) {
			t.Fatalf("line %d, fields %v:\n got %s\nwant %s", i+1, picked, got, want.Bytes())
		}
	}
	if _, unknown, ok := resultjson.FieldSet([]string{"verdict", "verdicts"}); ok || unknown != "verdicts" {
		t.Errorf("FieldSet accepted an unknown field (%q, %v)", unknown, ok)
	}
}
