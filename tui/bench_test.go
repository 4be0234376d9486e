package tui

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"b22/classify"
	"b22/questionnaires"
)

// BenchmarkFirstScreen is what happens between start and the first frame:
// loading the embedded rule set, building the model, the terminal's size,
// the first View. Target: well under 100 ms.
func BenchmarkFirstScreen(b *testing.B) {
	for b.Loop() {
		rs, err := classify.Load(questionnaires.Shipped())
		if err != nil {
			b.Fatal(err)
		}
		m := New(Options{RuleSet: rs, Lang: "en", AsOf: testDate, Path: "b22-answers.json"})
		next, _ := m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
		_ = next.View()
	}
}

// BenchmarkFirstScreenModel is the same without loading the rule set.
func BenchmarkFirstScreenModel(b *testing.B) {
	rs := ruleSet(b)
	for b.Loop() {
		m := New(Options{RuleSet: rs, Lang: "en", AsOf: testDate, Path: "b22-answers.json"})
		next, _ := m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
		_ = next.View()
	}
}

// heaviest is the result screen with the most to show: a half-known
// product, so every section, pivotal and open question is there.
func heaviest(b *testing.B) *driver {
	o := testOptions(b, "zh")
	d := newDriver(b, o, 80, 24)
	d.keys("enter", "enter", "enter", "y", "y", "300", "enter", "s", "s", "y", "1", "3", "enter", "s", "s", "2", "2", "1", "y", "ctrl+g", "6", "enter")
	if d.m.screen != screenResult {
		b.Fatalf("screen %v", d.m.screen)
	}
	return d
}

// BenchmarkRenderHeaviest re-renders the result screen from the result
// (what a language switch, a resize or a new selection costs) and draws it.
// Target: under 5 ms.
func BenchmarkRenderHeaviest(b *testing.B) {
	d := heaviest(b)
	m := d.m
	for b.Loop() {
		m.result.rebuild()
		_ = m.View()
	}
}

// BenchmarkScrollResult is one scroll step on the result screen.
func BenchmarkScrollResult(b *testing.B) {
	d := heaviest(b)
	down := tea.KeyMsg{Type: tea.KeyDown}
	up := tea.KeyMsg{Type: tea.KeyUp}
	m := tea.Model(d.m)
	for i := 0; b.Loop(); i++ {
		k := down
		if i%40 >= 20 {
			k = up
		}
		m, _ = m.Update(k)
		_ = m.View()
	}
}

// BenchmarkAnswer is one answer: evaluate, re-render the question screen.
func BenchmarkAnswer(b *testing.B) {
	rs := ruleSet(b)
	o := testOptions(b, "en")
	d := newDriver(b, o, 80, 24)
	d.keys("enter", "enter", "enter")
	m := d.m
	s := m.s
	for b.Loop() {
		s.Set(0, classify.Value{Known: true, Bool: true})
		m.evaluate()
		_ = m.View()
	}
	_ = rs
}
