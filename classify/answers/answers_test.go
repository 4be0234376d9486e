package answers_test

import (
	"errors"
	"regexp"
	"slices"
	"strings"
	"testing"

	"b22/classify"
	"b22/classify/answers"
)

func TestParseAnswersAccepts(t *testing.T) {
	rs := embedded(t)
	tests := []struct {
		name, doc string
		format    answers.Format
		key       string
		want      any // JSONValue of the key; nil = not known
	}{
		{"bool", `{"answers":{"realtime_voice":true}}`, answers.FormatJSON, "realtime_voice", true},
		{"null is unknown", `{"answers":{"realtime_voice":null}}`, answers.FormatJSON, "realtime_voice", nil},
		{"absent is unknown", `{"answers":{}}`, answers.FormatJSON, "realtime_voice", nil},
		{"int", `{"answers":{"max_participants":25}}`, answers.FormatJSON, "max_participants", 25.0},
		{"int written as 1e2", `{"answers":{"max_participants":1e2}}`, answers.FormatJSON, "max_participants", 100.0},
		{"enum", `{"answers":{"coverage":"nationwide"}}`, answers.FormatJSON, "coverage", "nationwide"},
		{"multi", `{"answers":{"use_cases":["vod","meetings"]}}`, answers.FormatJSON, "use_cases", []string{"meetings", "vod"}},
		{"empty multi is known", `{"answers":{"use_cases":[]}}`, answers.FormatJSON, "use_cases", []string{}},
		{"escapes", `{"product":{"name":"A\u00e9\ud83d\ude00"},"answers":{"coverage":"nation\u0077ide"}}`, answers.FormatJSON, "coverage", "nationwide"},
		{"byte-order mark", "\ufeff{\"answers\":{\"coverage\":\"nationwide\"}}", answers.FormatAuto, "coverage", "nationwide"},
		{"yaml", "answers:\n  coverage: nationwide\n  use_cases: [vod]\n", answers.FormatYAML, "coverage", "nationwide"},
		{"yaml null", "answers:\n  coverage: ~\n", answers.FormatYAML, "coverage", nil},
		{"auto yaml", "# comment\nanswers: {realtime_voice: false}\n", answers.FormatAuto, "realtime_voice", false},
		{"number", `{"answers":{"registered_capital_cny":1500000.5}}`, answers.FormatJSON, "registered_capital_cny", 1500000.5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := answers.New(rs).Parse("a.json", []byte(tt.doc), tt.format)
			if err != nil {
				t.Fatalf("ParseAnswers: %v", err)
			}
			i := rs.QuestionIndex(tt.key)
			got := rs.Questions()[i].JSONValue(doc.Answers[i])
			if !equalJSON(got, tt.want) {
				t.Errorf("answer %s = %#v, want %#v", tt.key, got, tt.want)
			}
		})
	}
}

func equalJSON(a, b any) bool {
	as, aok := a.([]string)
	bs, bok := b.([]string)
	if aok || bok {
		return aok && bok && strings.Join(as, ",") == strings.Join(bs, ",")
	}
	return a == b
}

// TestParseAnswersRejects checks that every kind of bad input is an error
// that says where, which key, what was wrong and what is allowed.
func TestParseAnswersRejects(t *testing.T) {
	rs := embedded(t)
	tests := []struct {
		name, doc string
		format    answers.Format
		want      []string // substrings of the error, in order of problems
	}{
		{"malformed", `{"answers": {"realtime_voice": tru`, answers.FormatJSON, []string{"a.json:1:32:", "expected a value"}},
		{"trailing garbage", `{"answers":{}} x`, answers.FormatJSON, []string{"1:16", "after the end"}},
		{"empty", ``, answers.FormatJSON, []string{"empty"}},
		{"not an object", `[1,2]`, answers.FormatJSON, []string{"a list", "expected an object"}},
		{"bad enum with hint", "{\n  \"answers\": {\"coverage\": \"national\"}\n}", answers.FormatJSON,
			[]string{`a.json:2:27: answers.coverage: "national" is not allowed; allowed: single_province, multiple_provinces, nationwide (did you mean "nationwide"?)`}},
		{"unknown key with hint", `{"answers":{"realtime_voce":true}}`, answers.FormatJSON, []string{"answers.realtime_voce", `did you mean "realtime_voice"`}},
		{"answer key at top level", `{"coverage":"nationwide"}`, answers.FormatJSON, []string{`answer keys go inside "answers"`}},
		{"unknown top key", `{"anwsers":{}}`, answers.FormatJSON, []string{`did you mean "answers"`}},
		{"wrong type", `{"answers":{"max_participants":"many"}}`, answers.FormatJSON, []string{"answers.max_participants", `"many" is not allowed`, "a whole number from 2 to 1000000"}},
		{"string for bool", `{"answers":{"realtime_voice":"yes"}}`, answers.FormatJSON, []string{"allowed: true, false"}},
		{"fraction", `{"answers":{"max_participants":2.5}}`, answers.FormatJSON, []string{"2.5 is not a whole number"}},
		{"negative", `{"answers":{"registered_capital_cny":-1}}`, answers.FormatJSON, []string{"-1 is out of range", "at least 0"}},
		{"below minimum", `{"answers":{"max_participants":1}}`, answers.FormatJSON, []string{"1 is out of range"}},
		{"over 100 percent", `{"answers":{"foreign_ownership_percent":101}}`, answers.FormatJSON, []string{"from 0 to 100"}},
		{"huge number", `{"answers":{"registered_capital_cny":1e400}}`, answers.FormatJSON, []string{"answers.registered_capital_cny: number 1e400 is out of range"}},
		{"duplicate key does not hide the rest", "{\"answers\":{\"coverage\":\"x\",\n\"coverage\":\"nationwide\",\"audience\":\"y\"}}", answers.FormatJSON,
			[]string{`answers.coverage: "x" is not allowed`, `2:1: answers.coverage: duplicate key "coverage"`, `answers.audience: "y" is not allowed`}},
		{"yaml tab", "answers:\n\tcoverage: nationwide\n", answers.FormatYAML, []string{"2:1", "YAML indents with spaces, not tabs"}},
		{"yaml control char", "answers:\n  coverage: \x1b[31m\n", answers.FormatYAML, []string{"2:13: control character U+001B"}},
		{"yaml every bad number", "answers:\n  registered_capital_cny: .inf\n  foreign_ownership_percent: .nan\n", answers.FormatYAML,
			[]string{"answers.registered_capital_cny: number .inf is not finite", "answers.foreign_ownership_percent: number .nan is not finite"}},
		{"yaml in a json file", "answers:\n  coverage: nationwide\n", answers.FormatJSON, []string{`unexpected word "answers"`, "is this YAML? name the file .yaml"}},
		{"NaN", `{"answers":{"registered_capital_cny":NaN}}`, answers.FormatJSON, []string{`unexpected word "NaN"`}},
		{"duplicate key", "{\"answers\":{\"coverage\":\"nationwide\",\n\"coverage\":\"single_province\"}}", answers.FormatJSON, []string{"2:1", `duplicate key "coverage" (first at 1:13)`}},
		{"duplicate in list", `{"answers":{"use_cases":["vod","vod"]}}`, answers.FormatJSON, []string{"use_cases[1]", "listed twice"}},
		{"bad list item", `{"answers":{"use_cases":["vdo", 3]}}`, answers.FormatJSON, []string{`use_cases[0]: "vdo"`, `did you mean "vod"`, "use_cases[1]: 3 is not allowed"}},
		{"list for enum", `{"answers":{"coverage":["nationwide"]}}`, answers.FormatJSON, []string{"a list is not allowed"}},
		{"other questionnaire", `{"questionnaire":"b25","answers":{}}`, answers.FormatJSON, []string{`"b25" is not this questionnaire`}},
		{"product not object", `{"product":"Acme"}`, answers.FormatJSON, []string{"product: expected an object"}},
		{"product field type", `{"product":{"name":3}}`, answers.FormatJSON, []string{"product.name: expected a string"}},
		{"invalid utf8", "{\"product\":{\"name\":\"\xff\"}}", answers.FormatJSON, []string{"1:21", "invalid UTF-8"}},
		{"deep nesting", strings.Repeat("[", 100) + strings.Repeat("]", 100), answers.FormatJSON, []string{"nesting deeper than 32"}},
		{"control char in string", "{\"product\":{\"name\":\"a\x01\"}}", answers.FormatJSON, []string{"control character"}},
		{"leading zero", `{"answers":{"max_participants":012}}`, answers.FormatJSON, []string{"leading zero"}},
		{"yaml syntax", "answers:\n  coverage: [nationwide\n", answers.FormatYAML, []string{"a.json:"}},
		{"yaml alias", "a: &x {b: 1}\nanswers: *x\n", answers.FormatYAML, []string{"anchors and aliases are not allowed"}},
		{"yaml duplicate", "answers:\n  coverage: nationwide\n  coverage: nationwide\n", answers.FormatYAML, []string{"3:3", "duplicate key"}},
		{"yaml two documents", "answers: {}\n---\nanswers: {}\n", answers.FormatYAML, []string{"second YAML document"}},
		{"yaml inf", "answers:\n  registered_capital_cny: .inf\n", answers.FormatYAML, []string{"not finite"}},
		{"yaml bool words are strings", "answers:\n  realtime_voice: yes\n", answers.FormatYAML, []string{`"yes" is not allowed; allowed: true, false`}},
		{"every problem", `{"answers":{"coverage":"x","audience":"y","realtime_voice":3}}`, answers.FormatJSON, []string{"answers.coverage", "answers.audience", "answers.realtime_voice"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := answers.New(rs).Parse("a.json", []byte(tt.doc), tt.format)
			if err == nil {
				t.Fatal("ParseAnswers accepted it")
			}
			if !errors.Is(err, classify.ErrInvalid) {
				t.Errorf("error %v is not ErrInvalid", err)
			}
			var ps classify.Problems
			errors.As(err, &ps)
			for _, p := range ps {
				if p.Code == "" {
					t.Errorf("problem without a code: %v", p)
				}
			}
			msg := err.Error()
			at := 0
			for _, w := range tt.want {
				i := strings.Index(msg[at:], w)
				if i < 0 {
					t.Fatalf("error lacks %q (in order):\n%s", w, msg)
				}
				at += i
			}
		})
	}
}

func TestParseAnswersSizeLimit(t *testing.T) {
	rs := embedded(t)
	big := `{"product":{"description":"` + strings.Repeat("x", answers.MaxDocumentBytes) + `"}}`
	_, err := answers.New(rs).Parse("big.json", []byte(big), answers.FormatJSON)
	if err == nil || !strings.Contains(err.Error(), "limit is 1048576 bytes") {
		t.Fatalf("ParseAnswers(oversized) = %v, want the size limit", err)
	}
}

func TestParseAnswersCapsProblems(t *testing.T) {
	rs := embedded(t)
	var b strings.Builder
	b.WriteString(`{"answers":{"use_cases":[`)
	for i := 0; i < 500; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`"x"`)
	}
	b.WriteString(`]}}`)
	_, err := answers.New(rs).Parse("many.json", []byte(b.String()), answers.FormatJSON)
	var ps classify.Problems
	if !errors.As(err, &ps) || len(ps) != 101 || !strings.Contains(ps[100].Message, "and 400 more problems") || ps.Total() != 500 {
		t.Fatalf("got %d problems (total %d), want 100 and a count of the rest: %v", len(ps), ps.Total(), err)
	}
}

func TestCanonicalRoundTrip(t *testing.T) {
	rs := embedded(t)
	doc, err := answers.New(rs).Parse("a.json", []byte(`{"product":{"name":"<Acme & Co>"},"answers":{"use_cases":["vod","meetings"],"coverage":"nationwide","realtime_voice":null}}`), answers.FormatJSON)
	if err != nil {
		t.Fatal(err)
	}
	canon := string(rs.Canonical(doc))
	want := `{"answers":{"coverage":"nationwide","use_cases":["meetings","vod"]},"product":{"name":"<Acme & Co>"},"questionnaire":"b22"}`
	if canon != want {
		t.Errorf("Canonical = %s\nwant        %s", canon, want)
	}
	again, err := answers.New(rs).Parse("c.json", []byte(canon), answers.FormatJSON)
	if err != nil || rs.Fingerprint(again) != rs.Fingerprint(doc) {
		t.Errorf("re-parsed canonical form differs: %v", err)
	}
}

func TestParseAnswersMarksUnsure(t *testing.T) {
	rs := embedded(t)
	doc, err := answers.New(rs).Parse("a", []byte(`{"answers":{"coverage":null,"realtime_voice":true}}`), answers.FormatJSON)
	if err != nil {
		t.Fatal(err)
	}
	if !doc.Unsure[rs.QuestionIndex("coverage")] || doc.Unsure[rs.QuestionIndex("realtime_voice")] || doc.Unsure[rs.QuestionIndex("audience")] {
		t.Errorf("Unsure = %v; want only coverage", doc.Unsure)
	}
}

// TestNegativeZeroIsZero: -0 and 0 are one fact, with one canonical form
// and one hash, in JSON and YAML, through either reader.
func TestNegativeZeroIsZero(t *testing.T) {
	rs := embedded(t)
	hash := func(name, data string, f answers.Format) string {
		t.Helper()
		doc, err := answers.New(rs).Parse(name, []byte(data), f)
		if err != nil {
			t.Fatalf("%s: %v", data, err)
		}
		r, err := rs.Evaluate(doc, classify.Options{AsOf: asOf})
		if err != nil {
			t.Fatal(err)
		}
		if c := string(rs.Canonical(doc)); strings.Contains(c, "-0") {
			t.Errorf("%s: canonical form %s keeps the sign of zero", data, c)
		}
		return r.AnswersSHA256
	}
	want := hash("a.json", `{"answers":{"foreign_ownership_percent":0}}`, answers.FormatJSON)
	for _, tt := range []struct {
		data string
		f    answers.Format
	}{
		{`{"answers":{"foreign_ownership_percent":-0}}`, answers.FormatJSON},
		{`{"answers":{"foreign_ownership_percent":-0.0}}`, answers.FormatJSON},
		{`{"answers": {"foreign_ownership_percent": -0e5, "coverage": null}}`, answers.FormatJSON},
		{"answers:\n  foreign_ownership_percent: -0\n", answers.FormatYAML},
	} {
		if got := hash("b", tt.data, tt.f); got != want {
			t.Errorf("%q: answers_sha256 %s, want %s (that of 0)", tt.data, got, want)
		}
	}
}

// TestHugeValuesAreQuotedShort: a message quotes an offending value cut to
// a sane length with its size, so two half-megabyte numbers or a huge key
// give a few lines of errors, not a megabyte.
func TestHugeValuesAreQuotedShort(t *testing.T) {
	rs := embedded(t)
	big := strings.Repeat("9", 500000)
	key := strings.Repeat("k", 300000)
	for _, tt := range []struct {
		name, data string
		f          answers.Format
	}{
		{"json numbers", `{"answers":{"registered_capital_cny":` + big + `,"qualified_staff":` + big + `.5}}`, answers.FormatJSON},
		{"json key and string", `{"answers":{"` + key + `":1,"coverage":"` + key + `"}}`, answers.FormatJSON},
		{"yaml numbers", "answers:\n  registered_capital_cny: " + big[:30000] + "\n  qualified_staff: -" + big[:30000] + "\n", answers.FormatYAML}, // under the 64 KiB of YAML
		{"json duplicate huge key", `{"` + key + `":1,"` + key + `":2}`, answers.FormatJSON},
	} {
		_, err := answers.New(rs).Parse("big", []byte(tt.data), tt.f)
		if err == nil {
			t.Errorf("%s: accepted", tt.name)
			continue
		}
		if msg := err.Error(); len(msg) > 2000 || !strings.Contains(msg, "bytes)") {
			t.Errorf("%s: message of %d bytes: %.300s", tt.name, len(msg), msg)
		}
	}
}

// TestDeepYAMLIsLocated: YAML nested thousands of levels deep is refused
// with the place and the documented wording, before the YAML library
// recurses into it.
func TestDeepYAMLIsLocated(t *testing.T) {
	rs := embedded(t)
	for _, data := range []string{
		"answers:\n  a: " + strings.Repeat("[", 20000) + strings.Repeat("]", 20000) + "\n",
		"a: " + strings.Repeat("{x: ", 12000) + "1" + strings.Repeat("}", 12000) + "\n", // under the 64 KiB of YAML
		"# [[[[ a comment is not nesting\nanswers:\n  a: '[[[['\n  b: " + strings.Repeat("[", 40) + strings.Repeat("]", 40) + "\n",
		"product:\n  name: MIIT's app\nanswers:\n  b: " + strings.Repeat("[", 20000) + strings.Repeat("]", 20000) + "\n",
	} {
		_, err := answers.New(rs).Parse("deep.yaml", []byte(data), answers.FormatYAML)
		if err == nil || !regexp.MustCompile(`^deep\.yaml:\d+:\d+: (\S+: )?nesting deeper than 32 levels`).MatchString(err.Error()) {
			t.Errorf("%.40q: %v", data, err)
		}
	}
}

// TestBracketsInTextAreNotNesting: brackets inside a text (plain, on a
// continuation line, in a literal block) are characters, not nesting.
func TestBracketsInTextAreNotNesting(t *testing.T) {
	rs := embedded(t)
	for _, data := range []string{
		"product:\n  description: notes " + strings.Repeat("[", 50) + " end\nanswers:\n  coverage: nationwide\n",
		"product:\n  description: |\n    " + strings.Repeat("{", 200) + "\n    " + strings.Repeat("[", 200) + "\nanswers:\n  coverage: nationwide\n",
		"product:\n  name: a long\n    " + strings.Repeat("[", 50) + " name\nanswers:\n  coverage: nationwide\n",
	} {
		if _, err := answers.New(rs).Parse("text.yaml", []byte(data), answers.FormatYAML); err != nil {
			t.Errorf("valid YAML refused: %v", err)
		}
	}
}

// Each kind of problem has its code, which scripts rely on
// (docs/contract.md lists them): the codes of every problem, in order.
func TestProblemCodes(t *testing.T) {
	p := answers.New(embedded(t))
	for _, tt := range []struct {
		doc    string
		format answers.Format
		want   []classify.Code
	}{
		{`{"answers": {"realtime_voice": tru`, answers.FormatJSON, []classify.Code{classify.CodeSyntax}},
		{``, answers.FormatJSON, []classify.Code{classify.CodeSyntax}},
		{"answers: [x\n", answers.FormatYAML, []classify.Code{classify.CodeSyntax}},
		{"answers: {}\n---\nanswers: {}\n", answers.FormatYAML, []classify.Code{classify.CodeSyntax}},
		{"{\"product\":{\"name\":\"\xff\"}}", answers.FormatJSON, []classify.Code{classify.CodeEncoding}},
		{strings.Repeat("[", 40) + strings.Repeat("]", 40), answers.FormatJSON, []classify.Code{classify.CodeTooDeep}},
		{strings.Repeat("[", 40) + strings.Repeat("]", 40), answers.FormatYAML, []classify.Code{classify.CodeTooDeep}},
		{`{"answers":{"coverage":"nationwide","coverage":"nationwide"}}`, answers.FormatJSON, []classify.Code{classify.CodeDuplicateKey}},
		{"a: &x {b: 1}\nanswers: *x\n", answers.FormatYAML, []classify.Code{classify.CodeAlias}},
		{`{"answers":{"registered_capital_cny":1e400}}`, answers.FormatJSON, []classify.Code{classify.CodeBadNumber}},
		{"answers:\n  registered_capital_cny: .inf\n", answers.FormatYAML, []classify.Code{classify.CodeBadNumber}},
		{`[1]`, answers.FormatJSON, []classify.Code{classify.CodeWrongType}},
		{`{"answers":{"realtime_voice":"yes","coverage":["nationwide"]}}`, answers.FormatJSON, []classify.Code{classify.CodeWrongType, classify.CodeWrongType}},
		{`{"anwsers":{},"answers":{"realtime_voce":true},"product":{"nmae":"x"}}`, answers.FormatJSON, []classify.Code{classify.CodeUnknownKey, classify.CodeUnknownKey, classify.CodeUnknownKey}},
		{`{"answers":{"coverage":"national","use_cases":["vdo"]}}`, answers.FormatJSON, []classify.Code{classify.CodeNotAllowed, classify.CodeNotAllowed}},
		{`{"answers":{"max_participants":2.5}}`, answers.FormatJSON, []classify.Code{classify.CodeNotWhole}},
		{`{"answers":{"max_participants":1}}`, answers.FormatJSON, []classify.Code{classify.CodeOutOfRange}},
		{`{"answers":{"use_cases":["vod","vod"]}}`, answers.FormatJSON, []classify.Code{classify.CodeListedTwice}},
		{`{"questionnaire":"b25"}`, answers.FormatJSON, []classify.Code{classify.CodeQuestionnaire}},
		{strings.Repeat(" ", answers.MaxDocumentBytes+1), answers.FormatJSON, []classify.Code{classify.CodeTooLarge}},
	} {
		_, err := p.Parse("a", []byte(tt.doc), tt.format)
		var ps classify.Problems
		if !errors.As(err, &ps) {
			t.Errorf("%.40q: got %v, want problems", tt.doc, err)
			continue
		}
		var got []classify.Code
		for _, p := range ps {
			got = append(got, p.Code)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%.40q: codes %v, want %v (%v)", tt.doc, got, tt.want, err)
		}
	}
}
