package classify_test

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"b22/classify"
)

func TestLintEmbedded(t *testing.T) {
	if ps := embedded(t).Lint(); len(ps) > 0 {
		t.Fatalf("the embedded rule set fails lint:\n%v", ps)
	}
}

// TestLintFails checks that lint catches what loading cannot: each case is a
// rule set that loads but must not ship.
func TestLintFails(t *testing.T) {
	tests := []struct {
		name, file, old, new, want string
	}{
		{"unreachable rule", "rules.yaml",
			"            - {key: pstn_access, equals: true}\n            - {key: max_participants, at_least: 3}",
			"            - {key: pstn_access, equals: true}\n            - {key: pstn_access, equals: false}\n            - {key: max_participants, at_least: 3}",
			"multiparty_telephone_likely: unreachable rule"},
		{"unreachable verdict", "rules.yaml", "strength: possible", "strength: likely", ""},
		{"requirement always met", "rules.yaml", "met_when: {key: clean_record, equals: true}",
			"met_when: {any: [{key: clean_record, equals: true}, {not: {key: clean_record, equals: true}}]}", "requirements.clean_record: no answers make it fail"},
		{"missing translation", "rules.yaml", "zh: 有必要的场地、设施及技术方案。", "zh: The necessary premises.", "the zh text has no Chinese"},
		{"same text twice", "questions.yaml", "{id: meetings, zh: 会议, en: meetings}", "{id: meetings, zh: meetings, en: meetings}", "a translation is missing"},
		{"never asked", "questions.yaml", "ask_when: {key: realtime_voice, equals: true}",
			"ask_when: {all: [{key: realtime_voice, equals: true}, {key: realtime_voice, equals: false}]}", "questions.pstn_access: never asked"},
		{"unused question", "rules.yaml", "when: {key: marketplace, equals: true}", "when: {key: charging, equals: paid}", "questions.marketplace: no rule reads it"},
		{"uncited source", "rules.yaml", "basis: [health-2018 not verified, health-2022 not verified]", "basis: [catalogue-2015 entry B22, health-2022 not verified]", "sources.health-2018: cited by no rule"},
		{"contract id", "rules.yaml", "- id: security_measures\n    name:", "- id: security\n    name:", `requirements.security: "security" is not a requirement of the contract; allowed: company_form,`},
		{"contract id missing", "rules.yaml", "- id: security_measures\n    name:", "- id: security\n    name:",
			`rules.yaml:51:120: contract.exactly.requirements[6]: the contract's requirement "security_measures" is missing`},
		{"contract scope", "rules.yaml", "scope: cross_regional\n", "scope: crossregional\n",
			`scopes.scope_cross_regional.scope: "crossregional" is not a scope of the contract; allowed: provincial, cross_regional (did you mean "cross_regional"?)`},
		{"contract regime", "rules.yaml", "- id: game_publishing\n", "- id: games\n",
			`contract.including.regimes[6]: the contract's regime "game_publishing" is missing`},
		{"contract answer key", "rules.yaml", "hosting, text_chat]", "hosting, text_chat, covers_area]",
			`contract.including.questions[25]: the contract's answer key "covers_area" is missing`},
		{"elements that leave an unlikely verdict unexplained", "rules.yaml", "      - id: internet\n        when: {key: internet_delivery, equals: true}",
			"      - id: internet\n        when: {key: realtime_voice, equals: true}",
			"subcategories.internet_conference_image.elements: an unlikely verdict with every element present"},
		{"contract parameter", "rules.yaml", "parameters: [validity_years]", "parameters: [validity_years, validity]",
			`rules.yaml:59:34: contract.including.parameters[1]: the contract's parameter "validity" is missing`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := ruleFiles(t)
			if tt.name == "unreachable verdict" {
				// Every possible rule made likely: the verdict "possible" is unreachable.
				s := strings.ReplaceAll(string(m["rules.yaml"].Data), "strength: possible", "strength: likely")
				edit(t, m, "rules.yaml", "gates:", "gates:")
				m["rules.yaml"].Data = []byte(s)
				tt.want = `no answers lead to the verdict "possible"`
			} else {
				edit(t, m, tt.file, tt.old, tt.new)
			}
			rs, err := classify.Load(m)
			if err != nil {
				t.Fatalf("Load: %v", err)
			}
			ps := rs.Lint()
			if !strings.Contains(ps.Error(), tt.want) {
				t.Errorf("Lint() lacks %q:\n%v", tt.want, ps)
			}
			for _, p := range ps {
				if p.Code != classify.CodeLint {
					t.Errorf("code %q, want lint: %v", p.Code, p)
				}
				// Only a problem of the whole rule set has no key, and no place.
				if p.Key != "" && (p.Line == 0 || p.Col == 0) {
					t.Errorf("not located: %v", p)
				}
			}
		})
	}
}

// TestLintLocatesProblems: a lint problem names the file, line and column
// where the data defines what it is about, as a load problem does, so
// that an editor can jump there.
func TestLintLocatesProblems(t *testing.T) {
	tests := []struct {
		name, file, old, new string
		// at is the text whose first character the problem points at.
		at, want string
	}{
		{"a text", "rules.yaml", "zh: 有必要的场地、设施及技术方案。", "zh: The necessary premises.",
			"The necessary premises.", "requirements.premises_and_facilities: the zh text has no Chinese"},
		{"a question", "rules.yaml", "when: {key: marketplace, equals: true}", "when: {key: charging, equals: paid}",
			"id: marketplace", "questions.marketplace: no rule reads it"},
		{"a condition", "rules.yaml", "met_when: {key: clean_record, equals: true}",
			"met_when: {any: [{key: clean_record, equals: true}, {not: {key: clean_record, equals: true}}]}",
			"{any: [{key: clean_record", "requirements.clean_record: no answers make it fail"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := ruleFiles(t)
			edit(t, m, tt.file, tt.old, tt.new)
			rs, err := classify.Load(m)
			if err != nil {
				t.Fatalf("Load: %v", err)
			}
			file := tt.file
			if strings.HasPrefix(tt.want, "questions.") {
				file = "questions.yaml"
			}
			data := string(m[file].Data)
			i := strings.Index(data, tt.at)
			if i < 0 {
				t.Fatalf("%s lacks %q", file, tt.at)
			}
			line := strings.Count(data[:i], "\n") + 1
			col := utf8.RuneCountInString(data[strings.LastIndex(data[:i], "\n")+1:i]) + 1
			want := fmt.Sprintf("%s:%d:%d: %s", file, line, col, tt.want)
			if got := rs.Lint().Error(); !strings.Contains(got, want) {
				t.Errorf("Lint() lacks %q:\n%s", want, got)
			}
		})
	}
}

// TestLintFindsRulesLeftOpenByUnaskedQuestions: pstn_access is asked only
// with real-time voice; a regime reading it without voice would stay open
// for every product without voice.
func TestLintFindsRulesLeftOpenByUnaskedQuestions(t *testing.T) {
	m := ruleFiles(t)
	edit(t, m, "rules.yaml", "    when:\n      all:\n        - {key: realtime_voice, equals: true}\n        - {key: pstn_access, equals: true}\n    customer_when:",
		"    when:\n      all:\n        - {key: pstn_access, equals: true}\n    customer_when:")
	rs, err := classify.Load(m)
	if err != nil {
		t.Fatal(err)
	}
	if ps := rs.Lint(); !strings.Contains(ps.Error(), `regimes.basic_telecom: can be left open by "pstn_access"`) {
		t.Errorf("Lint() = %v", ps)
	}
}
