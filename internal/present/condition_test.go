package present_test

import (
	"strings"
	"testing"

	"b22/classify"
	"b22/internal/present"
)

func TestCondition(t *testing.T) {
	rs := ruleSet(t)
	rule := func(id string) *classify.Cond {
		for _, s := range rs.Subcategories() {
			for _, r := range s.Rules {
				if r.ID == id {
					return r.When
				}
			}
		}
		t.Fatalf("no sub-category rule %s", id)
		return nil
	}
	requirement := func(id string) *classify.Requirement {
		for i := range rs.Requirements() {
			if rs.Requirements()[i].ID == id {
				return &rs.Requirements()[i]
			}
		}
		t.Fatalf("no requirement %s", id)
		return nil
	}
	scope := func(id string) *classify.ScopeRule {
		for i := range rs.Scopes() {
			if rs.Scopes()[i].ID == id {
				return &rs.Scopes()[i]
			}
		}
		t.Fatalf("no scope %s", id)
		return nil
	}
	tests := []struct {
		name string
		c    *classify.Cond
		want string
	}{
		{"none", nil, ""},
		{"any", rs.Question("max_participants").AskWhen, "realtime_voice = true or realtime_video = true"},
		{"not, bool false", rs.Regimes()[0].When.Parts().Conds[0], "not mainland_users = false"}, // what every regime shares
		{"nested, only", rule("internet_conference_game_voice"),
			"internet_delivery = true and (realtime_voice = true or realtime_video = true) and use_cases only [game_voice]"},
		{"at_least a number, not only", rule("internet_conference_likely"),
			"internet_delivery = true and (realtime_voice = true or realtime_video = true) and max_participants >= 3 and not media_relay = false and not use_cases only [game_voice]"},
		{"includes one", rule("internet_conference_vod"), "internet_delivery = true and use_cases includes vod"},
		{"at_most, unset", requirement("foreign_investment").MetWhen,
			"foreign_ownership_percent <= 0 or fite_vats_cap_percent has no limit"},
		{"not unset", requirement("foreign_investment").UnknownWhen, "not fite_vats_cap_percent has no limit"},
		{"at_least a parameter", requirement("staff").MetWhen, "qualified_staff >= min_staff"},
		{"equals a choice", scope("scope_provincial").When, "coverage = single_province"},
		{"in", scope("scope_cross_regional").When, "coverage in [multiple_provinces, nationwide]"},
		{"not at_most", scope("scope_provincial").Authority[0].When, "not foreign_ownership_percent <= 0"},
		{"answered", scope("scope_provincial").Authority[1].When, "foreign_ownership_percent <= 0 and province is answered"},
	}
	for _, tt := range tests {
		if got := present.Condition(rs, tt.c); got != tt.want {
			t.Errorf("Condition(%s) = %q, want %q", tt.name, got, tt.want)
		}
	}
	// includes_any, inside a regime's condition.
	for _, g := range rs.Regimes() {
		if g.ID == "b25" {
			const want = "use_cases includes any of [remote_diagnosis, remote_teaching, vod, live_streaming, game_voice]"
			if got := present.Condition(rs, g.When); !strings.Contains(got, want) {
				t.Errorf("Condition(b25) = %q, want it to contain %q", got, want)
			}
		}
	}
}

// TestConditionWords: a condition for people is the questions' own words
// and the answers' labels, never an answer key or a choice id.
func TestConditionWords(t *testing.T) {
	rs := ruleSet(t)
	var gate *classify.Cond
	for _, g := range rs.Gates() {
		if g.ID == "gate_internal_only" {
			gate = g.When
		}
	}
	var likely *classify.Cond
	for _, s := range rs.Subcategories() {
		for _, r := range s.Rules {
			if r.ID == "internet_conference_likely" {
				likely = r.When
			}
		}
	}
	en, zh := present.NewWords(rs, "en"), present.NewWords(rs, "zh")
	if got, want := en.Condition(gate), "Who uses the service? own staff and group companies only"; got != want {
		t.Errorf("Condition(gate) = %q, want %q", got, want)
	}
	for _, w := range []present.Words{en, zh} {
		got := w.Condition(likely)
		for _, id := range []string{"internet_delivery", "max_participants", "media_relay", "game_voice", ">=", " = "} {
			if strings.Contains(got, id) {
				t.Errorf("Condition(likely) = %q: has %q", got, id)
			}
		}
	}
	if got := en.Condition(likely); !strings.Contains(got, "3 or more") || !strings.Contains(got, "anything but no") {
		t.Errorf("Condition(likely) = %q, want the number and the unknown-keeping negation in words", got)
	}
	if en.Condition(nil) != "" {
		t.Error("Condition(nil) is not empty")
	}
}
