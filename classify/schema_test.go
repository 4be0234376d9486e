package classify_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"b22/classify"
	"b22/classify/answers"
	"b22/classify/resultjson"
	"b22/internal/gen"
)

func compileSchema(t *testing.T, name string, schema map[string]any) *jsonschema.Schema {
	t.Helper()
	// Round-trip through JSON so the validator sees plain JSON values.
	raw, err := json.Marshal(schema)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	if err := c.AddResource(name, doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(name)
	if err != nil {
		t.Fatalf("the %s schema does not compile: %v", name, err)
	}
	return s
}

func instance(t *testing.T, b []byte) any {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// TestSchemasDescribeRealDocuments: every generated document passes the
// answers schema and every result passes the result schema; a document the
// parser refuses is refused by the schema too.
func TestSchemasDescribeRealDocuments(t *testing.T) {
	rs := embedded(t)
	answersSchema := compileSchema(t, "answers.json", answers.Schema(rs))
	result := compileSchema(t, "result.json", resultjson.Schema(rs))
	lines := bytes.Split(bytes.TrimSpace(gen.Lines(9, 300)), []byte("\n"))
	lines = append(lines, []byte(`{}`), []byte(`{"answers":{"audience":"internal_only"}}`))
	for i, line := range lines {
		if err := answersSchema.Validate(instance(t, line)); err != nil {
			t.Fatalf("document %d fails the answers schema: %v", i, err)
		}
		doc, err := parserOf(rs).ParseLine("g", i+1, line)
		if err != nil {
			t.Fatal(err)
		}
		for _, date := range []string{"2018-06-01", "2026-11-01"} {
			r, err := rs.Evaluate(doc, classify.Options{AsOf: mustDate(date)})
			if err != nil {
				t.Fatal(err)
			}
			out := encoderOf(rs).Append(nil, r)
			if err := result.Validate(instance(t, out)); err != nil {
				t.Fatalf("result %d fails the result schema: %v", i, err)
			}
		}
	}
	for _, bad := range []string{`{"answers":{"coverage":"national"}}`, `{"answers":{"max_participants":1}}`, `{"answer":{}}`, `{"answers":{"use_cases":["vod","vod"]}}`} {
		if answersSchema.Validate(instance(t, []byte(bad))) == nil {
			t.Errorf("the answers schema accepts %s", bad)
		}
		if _, err := parserOf(rs).Parse("b", []byte(bad), answers.FormatJSON); err == nil {
			t.Errorf("ParseAnswers accepts %s", bad)
		}
	}
	if !strings.Contains(string(mustJSON(t, answers.Schema(rs))), "2020-12") {
		t.Error("not a draft 2020-12 schema")
	}
}

func mustJSON(t *testing.T, v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestListsNeverNullWithParameterBranches: a condition decided by a
// parameter branch rests on no answer key; its list of keys is still a
// list ([]), never null, in every part of the result (the schema says so).
func TestListsNeverNullWithParameterBranches(t *testing.T) {
	files := ruleFiles(t)
	edit(t, files, "rules.yaml", "when: {key: audience, equals: internal_only}",
		"when: {any: [{param: foreign_equity_cap_percent, unset: true}, {key: audience, equals: internal_only}]}")
	rs, err := classify.Load(files)
	if err != nil {
		t.Fatal(err)
	}
	result := compileSchema(t, "result.json", resultjson.Schema(rs))
	doc, err := parserOf(rs).Parse("p", []byte(`{"answers":{"audience":"public"}}`), answers.FormatJSON)
	if err != nil {
		t.Fatal(err)
	}
	r, err := rs.Evaluate(doc, classify.Options{AsOf: mustDate("2026-01-01")}) // no foreign-equity cap: the gate holds
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Exclusions) != 1 || r.Exclusions[0].Answers == nil {
		t.Fatalf("exclusions %+v: want the gate, with a list of answer keys", r.Exclusions)
	}
	out := encoderOf(rs).Append(nil, r)
	if err := result.Validate(instance(t, out)); err != nil {
		t.Fatalf("result fails the result schema: %v\n%s", err, out)
	}
}
