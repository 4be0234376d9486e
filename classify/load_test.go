package classify_test

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"b22/classify"
	"b22/classify/answers"
	"b22/questionnaires"
)

// ruleFiles copies the embedded rule set into a MapFS that a test can break.
func ruleFiles(t testing.TB) fstest.MapFS {
	t.Helper()
	return copyRules(t, questionnaires.Shipped())
}

// ruleFilesIn copies the rule set folder dir into a MapFS.
func ruleFilesIn(t testing.TB, dir string) fstest.MapFS {
	t.Helper()
	return copyRules(t, os.DirFS(dir))
}

func copyRules(t testing.TB, fsys fs.FS) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	err := fs.WalkDir(fsys, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(fsys, path)
		m[path] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// edit replaces old with new in one file of m, failing if old is absent.
func edit(t testing.TB, m fstest.MapFS, file, old, new string) {
	t.Helper()
	s := string(m[file].Data)
	if !strings.Contains(s, old) {
		t.Fatalf("%s does not contain %q", file, old)
	}
	m[file] = &fstest.MapFile{Data: []byte(strings.Replace(s, old, new, 1))}
}

func TestLoadEmbedded(t *testing.T) {
	rs := embedded(t)
	if rs.ID() != "b22" || len(rs.Subcategories()) != 3 || len(rs.Questions()) < 21 {
		t.Fatalf("Load(embedded) = %s with %d sub-categories and %d questions", rs.ID(), len(rs.Subcategories()), len(rs.Questions()))
	}
}

// TestLoadReportsEveryProblem breaks the rule data in one way per case and
// checks that Load names the file, line, column and what is wrong.
func TestLoadReportsEveryProblem(t *testing.T) {
	tests := []struct {
		name, file, old, new string
		want                 string
		code                 classify.Code // of the problem that says want
	}{
		{"unknown key in condition", "rules.yaml", "{key: audience, equals: internal_only}", "{key: audiense, equals: internal_only}",
			`rules.yaml:67:17: gates[0].when.key`, classify.CodeRuleReference},
		{"unknown key hint", "rules.yaml", "{key: audience, equals: internal_only}", "{key: audiense, equals: internal_only}",
			`unknown answer key "audiense" (did you mean "audience"?)`, classify.CodeRuleReference},
		{"unknown value", "rules.yaml", "{key: audience, equals: internal_only}", "{key: audience, equals: internal}",
			`"internal" is not a value of "audience"`, classify.CodeRuleReference},
		{"unknown source", "rules.yaml", "basis: [practice-platforms whole]", "basis: [practice-platform whole]",
			`unknown source "practice-platform"`, classify.CodeRuleReference},
		{"bad pinpoint", "rules.yaml", "basis: [practice-platforms whole]", "basis: [practice-platforms art. six]",
			`rules.yaml:70:13: gates[0].basis[0]: art. "six": want a whole number from 1 to 999`, classify.CodeRuleCitation},
		{"unknown pinpoint", "rules.yaml", "basis: [practice-platforms whole]", "basis: [practice-platforms section 3]",
			`"section 3" is not a pinpoint; allowed: "art. N"`, classify.CodeRuleCitation},
		{"basis without a place", "rules.yaml", "basis: [practice-platforms whole]", "basis: [practice-platforms]",
			`rules.yaml:70:13: gates[0].basis[0]: "practice-platforms" cites no place in the source`, classify.CodeRuleCitation},
		{"edition cited out of force", "rules.yaml", "basis: [licensing-measures-2017 art. 6 item 5]", "basis: [fite-2022 art. 5]",
			"requirements[4].basis: cites no source in force on 2017-09-01", classify.CodeRuleCitation},
		{"dated texts out of order", "rules.yaml", "      - from: 2023-08-04\n", "      - from: 2023-09-01\n        zh: 甲\n        en: A\n      - from: 2023-08-04\n",
			"dates must increase; 2023-08-04 is not after 2023-09-01", classify.CodeRuleValue},
		{"same citation twice", "rules.yaml", "basis: [practice-platforms whole]", "basis: [practice-platforms whole, practice-platforms whole]",
			`"practice-platforms whole" is cited twice`, classify.CodeRuleCitation},
		{"span backwards", "sources.yaml", "in_force: {from: 2018-07-30, until: 2019-07-29}", "in_force: {from: 2019-07-30, until: 2019-07-29}",
			`until 2019-07-29 is before from 2019-07-30`, classify.CodeRuleValue},
		{"unknown placeholder suffix", "texts.yaml", "{penalty_min_cny.bare}", "{review_days.bare}", `{review_days.bare} needs a money parameter with a value on every date; review_days has none from 2017-09-01`, classify.CodeRuleReference},
		{"missing translation", "questions.yaml", "      zh: 用户之间能否通过产品实时语音交谈？\n", "",
			`questions.yaml:20:7: questions.realtime_voice.title: missing "zh"`, classify.CodeRuleSchema},
		{"wrong operator for type", "rules.yaml", "{key: max_participants, at_least: 3}", "{key: max_participants, includes: 3}",
			`includes needs a multi question`, classify.CodeRuleValue},
		{"unknown parameter unit", "parameters.yaml", "unit: days", "unit: dayz",
			`.unit: a parameter's unit is one of: cny, percent, days, years, people, year`, classify.CodeRuleValue},
		{"unknown parameter", "rules.yaml", "{param: capital_provincial}", "{param: capital_province}",
			`unknown parameter "capital_province"`, classify.CodeRuleReference},
		{"bad confidence", "rules.yaml", "confidence: low\n", "confidence: lowish\n", `"lowish" is not allowed`, classify.CodeRuleValue},
		{"unknown field", "questions.yaml", "    unsure: true\n", "    unsure: true\n    unsur: true\n", `unknown key; allowed:`, classify.CodeRuleSchema},
		{"duplicate id", "rules.yaml", "id: gate_third_party_service", "id: gate_internal_only", `duplicate id "gate_internal_only"`, classify.CodeRuleReference},
		{"dates out of order", "parameters.yaml", "{from: 2019-07-30, value: null}", "{from: 2017-01-01, value: null}", `dates must increase`, classify.CodeRuleValue},
		{"bad date", "questionnaire.yaml", "effective: 2024-11-01", "effective: 2024-13-01", `expected a date YYYY-MM-DD`, classify.CodeRuleValue},
		{"yaml syntax", "sources.yaml", "sources:\n", "sources: [\n", `sources.yaml:`, classify.CodeRuleSyntax},
		{"alias bomb", "texts.yaml", "verdicts:\n", "bomb: &a [x, x]\nbomb2: [*a, *a]\nverdicts:\n", `anchors and aliases are not allowed`, classify.CodeRuleSyntax},
		{"ask_when reads a later question", "questions.yaml", "ask_when: {key: realtime_voice, equals: true}", "ask_when: {key: audience, equals: public}",
			`reads "audience", which is not asked before it`, classify.CodeRuleReference},
		{"answered in a verdict rule", "rules.yaml", "{key: pstn_access, equals: true}\n            - {key: max_participants, at_least: 3}", "{key: pstn_access, answered: true}\n            - {key: max_participants, at_least: 3}",
			"`answered` may select texts but not decide a verdict", classify.CodeRuleSchema},
		{"unknown placeholder", "texts.yaml", "{review_days}", "{review_dayz}", `unknown placeholder {review_dayz}`, classify.CodeRuleReference},
		{"no licence", "rules.yaml", "licence:\n  category: B22\n  name:\n    zh: 国内多方通信服务业务\n    en: domestic multi-party communication services\n", "",
			`rules.yaml:42:1: missing "licence"`, classify.CodeRuleSchema},
		{"bad category", "rules.yaml", "category: B22", "category: B 22", `rules.yaml:35:13: licence.category: "B 22" is not a licence category`, classify.CodeRuleValue},
		{"licence name without en", "rules.yaml", "    en: domestic multi-party communication services\n", "", `rules.yaml:37:5: licence.name: missing "en"`, classify.CodeRuleSchema},
		{"unknown contract kind", "rules.yaml", "    scopes: [provincial, cross_regional]", "    scope: [provincial, cross_regional]",
			`rules.yaml:50:5: contract.exactly.scope: unknown key; allowed: questions, parameters, gates, subcategories, scopes, requirements, regimes, notes (did you mean "scopes"?)`, classify.CodeRuleSchema},
		{"contract kind twice", "rules.yaml", "    parameters: [validity_years]", "    scopes: [national]",
			`rules.yaml:59:13: contract.including.scopes: scopes are fixed under contract.exactly already`, classify.CodeRuleSchema},
		{"contract id twice", "rules.yaml", "scopes: [provincial, cross_regional]", "scopes: [provincial, provincial]",
			`rules.yaml:50:26: contract.exactly.scopes[1]: "provincial" is listed twice`, classify.CodeRuleSchema},
		{"empty contract list", "rules.yaml", "scopes: [provincial, cross_regional]", "scopes: []", `contract.exactly.scopes: an empty list fixes nothing`, classify.CodeRuleSchema},
		{"fallback with when", "rules.yaml", "      - text:\n          zh: 申请人须为在中国大陆依法设立的公司（《电信条例》第十三条第一项，《电信业务经营许可管理办法》第六条第一项）。", "      - when: {key: entity_type, equals: individual}\n        text:\n          zh: 申请人须为在中国大陆依法设立的公司（《电信条例》第十三条第一项，《电信业务经营许可管理办法》第六条第一项）。",
			"the last text is the fallback", classify.CodeRuleSchema},
		// Constraints and routes (rules.md): each refused with what is wrong.
		{"constraint on a number", "rules.yaml", "    key: media_relay\n    rules_out: false", "    key: max_participants\n    rules_out: false",
			`a constraint rules out a value of a bool or enum question; "max_participants" is int`, classify.CodeRuleValue},
		{"constraint with answered", "rules.yaml", "        - {key: max_participants, at_least: 9}\n        - {key: use_cases, includes: live_streaming}",
			"        - {key: max_participants, answered: true}\n        - {key: use_cases, includes: live_streaming}", "`answered` may select texts but not decide a verdict", classify.CodeRuleSchema},
		{"route without expect", "rules.yaml", "    expect:\n      met: [registered_capital]\n", "",
			"a route that changes answers needs `expect`", classify.CodeRuleSchema},
		{"route expecting an unknown condition", "rules.yaml", "      met: [registered_capital]", "      met: [capital]",
			`unknown requirement "capital"`, classify.CodeRuleReference},
		{"route changing an unknown key", "rules.yaml", "      - {key: registered_capital_cny, to: {param: capital_cross_regional}}", "      - {key: capital_cny, to: {param: capital_cross_regional}}",
			`unknown answer key "capital_cny"`, classify.CodeRuleReference},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := ruleFiles(t)
			edit(t, m, tt.file, tt.old, tt.new)
			_, err := classify.Load(m)
			if err == nil {
				t.Fatal("Load accepted broken data")
			}
			if !errors.Is(err, classify.ErrInvalid) {
				t.Errorf("error is not ErrInvalid: %v", err)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Load error lacks %q:\n%v", tt.want, err)
			}
			var ps classify.Problems
			errors.As(err, &ps)
			for _, p := range ps {
				if p.Code == "" {
					t.Errorf("problem without a code: %v", p)
				}
				if strings.Contains(p.Error(), tt.want) && p.Code != tt.code {
					t.Errorf("code %q, want %q: %v", p.Code, tt.code, p)
				}
			}
		})
	}
}

func TestLoadMissingFile(t *testing.T) {
	m := ruleFiles(t)
	delete(m, "rules.yaml")
	_, err := classify.Load(m)
	if err == nil || !strings.Contains(err.Error(), "rules.yaml: missing file") {
		t.Fatalf("Load without rules.yaml = %v", err)
	}
}

func TestLoadSortsProblems(t *testing.T) {
	m := ruleFiles(t)
	edit(t, m, "rules.yaml", "basis: [practice-platforms whole]", "basis: [nope-1 whole]")
	edit(t, m, "questions.yaml", "    type: bool\n", "    type: boolean\n")
	_, err := classify.Load(m)
	var ps classify.Problems
	if !errors.As(err, &ps) || len(ps) < 2 {
		t.Fatalf("want several problems, got %v", err)
	}
	for i := 1; i < len(ps); i++ {
		a, b := ps[i-1], ps[i]
		if a.File > b.File || (a.File == b.File && a.Line > b.Line) {
			t.Errorf("problems out of order: %v before %v", a, b)
		}
	}
}

// TestLoadRefusesAliasBomb: a billion-laughs rules file is refused at once,
// before anything expands.
func TestLoadRefusesAliasBomb(t *testing.T) {
	var b strings.Builder
	b.WriteString("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n")
	for i := 1; i < 10; i++ {
		fmt.Fprintf(&b, "a%d: &a%d [", i, i)
		for j := 0; j < 10; j++ {
			if j > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "*a%d", i-1)
		}
		b.WriteString("]\n")
	}
	m := ruleFiles(t)
	m["rules.yaml"] = &fstest.MapFile{Data: []byte(b.String() + string(m["rules.yaml"].Data))}
	start := time.Now()
	_, err := classify.Load(m)
	if err == nil || !strings.Contains(err.Error(), "anchors and aliases are not allowed") {
		t.Fatalf("Load(alias bomb) = %v", err)
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("refusing the bomb took %v", d)
	}
}

// TestAskedIgnoresStaleAnswers: an answer kept from before (phone access)
// opens no question once the question it depends on (voice) says no.
func TestAskedIgnoresStaleAnswers(t *testing.T) {
	rs := embedded(t)
	doc, err := parserOf(rs).Parse("a", []byte(`{"answers":{"realtime_voice":false,"pstn_access":true}}`), answers.FormatJSON)
	if err != nil {
		t.Fatal(err)
	}
	for id, want := range map[string]bool{"realtime_voice": true, "pstn_access": false, "call_centre": false, "max_participants": true, "audience": true} {
		if got := rs.Asked(rs.QuestionIndex(id), doc.Answers); got != want {
			t.Errorf("Asked(%s) = %v, want %v", id, got, want)
		}
	}
	doc, _ = parserOf(rs).Parse("a", []byte(`{"answers":{"audience":"internal_only"}}`), answers.FormatJSON)
	if rs.Asked(rs.QuestionIndex("registered_capital_cny"), doc.Answers) {
		t.Error("the company section is asked for an internal-only product")
	}
}
