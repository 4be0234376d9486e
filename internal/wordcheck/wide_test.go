package wordcheck_test

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"b22/classify"
	"b22/classify/answers"
	"b22/internal/compare"
	"b22/internal/memo"
	"b22/internal/report"
	"b22/internal/scenario"
	"b22/internal/wordcheck"
)

// wide is the rule set of twenty sub-categories under a licence that is
// not B22, and the answers of its scenarios, with one more that no
// sub-category fits.
func wide(t *testing.T) (*classify.RuleSet, []*classify.Document) {
	t.Helper()
	fsys := os.DirFS("../../testdata/rules/wide")
	rs, err := classify.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	files, err := scenario.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	var sets []map[string]any
	for _, f := range files {
		for _, sc := range f.Scenarios {
			sets = append(sets, sc.Answers)
		}
	}
	sets = append(sets, map[string]any{"offered_here": true, "kind_a": "none", "kind_b": "none", "kind_c": "none",
		"kind_d": []string{}, "commercial": false, "coverage": "one_region", "holds_licence": false, "registered": true})
	p := answers.New(rs)
	var docs []*classify.Document
	for _, a := range sets {
		data, err := yaml.Marshal(map[string]any{"product": map[string]any{"name": "Acme"}, "answers": a})
		if err != nil {
			t.Fatal(err)
		}
		doc, err := p.Parse("answers.yaml", data, answers.FormatYAML)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, doc)
	}
	return rs, docs
}

// TestWideRuleSet: the text report, the memo and 'b22 compare' name
// everything of a rule set unlike B22 as its data does, in both languages:
// no raw id, and its own count of sub-categories.
func TestWideRuleSet(t *testing.T) {
	rs, docs := wide(t)
	asOf, _ := classify.ParseDate("2026-11-26")
	check := func(what string, text []byte) {
		t.Helper()
		for _, p := range wordcheck.Problems(rs, string(text)) {
			t.Errorf("%s: %s", what, p)
		}
	}
	var prev *classify.Result
	counted := false
	for i, doc := range docs {
		res, err := rs.Evaluate(doc, classify.Options{AsOf: asOf, Levers: true})
		if err != nil {
			t.Fatal(err)
		}
		for _, lang := range []string{"en", "zh"} {
			var b bytes.Buffer
			report.WriteText(&b, rs, doc, res, report.TextOptions{Lang: lang, Width: 100})
			check("text report, answers "+string(rune('A'+i))+", "+lang, b.Bytes())
			if prev != nil {
				b.Reset()
				compare.WriteText(&b, rs, compare.Results(prev, res), compare.TextOptions{Lang: lang, Width: 100})
				check("compare, answers "+string(rune('A'+i))+", "+lang, b.Bytes())
			}
		}
		for _, lang := range []string{"en", "zh", "bilingual"} {
			md, err := memo.Render(rs, doc, res, memo.Options{Format: "md", Lang: lang, Date: asOf})
			if err != nil {
				t.Fatal(err)
			}
			check("memo, answers "+string(rune('A'+i))+", "+lang, md)
			counted = counted || strings.Contains(string(md), "None of the 20 Z20 sub-categories")
		}
		prev = res
	}
	if !counted {
		t.Error("no memo said that none of the 20 sub-categories fits: the answers no longer reach that sentence")
	}
}

// TestProblems: the check finds an id where words belong, and a count of
// sub-categories that is not the rule set's.
func TestProblems(t *testing.T) {
	rs, _ := wide(t)
	for text, want := range map[string]int{
		"Licence: scope_regional → scope_national":                       2,
		"None of the three Z20 sub-categories fits":                      1,
		"所填回答不符合Z20三个子类中的任何一个。":                                          1,
		"None of the 20 Z20 sub-categories fits; 二十个子类":                  0,
		"depends on the coverage; see https://example.org/test-measures": 0,
	} {
		if got := wordcheck.Problems(rs, text); len(got) != want {
			t.Errorf("Problems(%q) = %q, want %d", text, got, want)
		}
	}
}

// TestProblemsSeesThroughMarkdown: an id Markdown escapes, and an id of no
// rule set at all (a key the program itself wrote), are still found.
func TestProblemsSeesThroughMarkdown(t *testing.T) {
	rs, _ := wide(t)
	for _, text := range []string{
		`licences held: existing\_licences`,
		"the answer to existing_licences",
		`kind\_a is met`,
	} {
		if len(wordcheck.Problems(rs, text)) == 0 {
			t.Errorf("Problems(%q) found nothing", text)
		}
	}
	if p := wordcheck.Problems(rs, "Licences held: ICP filing. See https://example.org/a_b_c."); len(p) != 0 {
		t.Errorf("prose and a link with underscores: %v", p)
	}
}
