package compare_test

import (
	"bytes"
	"strings"
	"testing"

	"b22/internal/compare"
	"b22/internal/gen"
)

// ids lists the ids and answer keys a diff names, for scripts; the text
// form names none of them. Single words that are also plain English
// (health, education) are left out: a text may use the word.
func ids(d compare.Diff) []string {
	var out []string
	add := func(id string) {
		if strings.Contains(id, "_") {
			out = append(out, id)
		}
	}
	for _, x := range append(d.Subcategories.Added, d.Subcategories.Removed...) {
		add(x.ID)
	}
	for _, x := range d.Subcategories.Changed {
		add(x.ID)
	}
	for _, x := range append(d.Exclusions.Added, d.Exclusions.Removed...) {
		add(x.ID)
	}
	for _, x := range append(d.Requirements.Added, d.Requirements.Removed...) {
		add(x.ID)
	}
	for _, x := range d.Requirements.Changed {
		add(x.ID)
	}
	for _, x := range append(d.RelatedRegimes.Added, d.RelatedRegimes.Removed...) {
		add(x.ID)
	}
	for _, x := range d.RelatedRegimes.Changed {
		add(x.ID)
	}
	for _, q := range [][]compare.Question{d.PivotalQuestions.Added, d.PivotalQuestions.Removed, d.OpenQuestions.Added, d.OpenQuestions.Removed} {
		for _, x := range q {
			add(x.Key)
		}
	}
	if s := d.Licence.Scope; s != nil {
		for _, p := range []*string{s.From, s.To} {
			if p != nil {
				add(*p)
			}
		}
	}
	if c := d.ExistingLicence; c != nil {
		add(string(c.From))
		add(string(c.To))
	}
	return out
}

// headings are the section headings of the text form.
var headings = map[string]map[string]bool{
	"en": {"Sub-categories": true, "Exclusions": true, "Licence": true, "Licence conditions": true,
		"Questions the verdict depends on": true, "Other open questions": true, "Neighbouring regimes to check": true},
	"zh": {"所属子类": true, "排除情形": true, "许可证": true, "许可条件": true,
		"结论取决于以下问题": true, "其他待确认问题": true, "需同时检查的相关制度": true},
}

// TestWriteTextWords: over generated pairs, in both languages, the text
// says "no change" exactly when nothing changed, names no id, and says
// something under every heading it writes.
func TestWriteTextWords(t *testing.T) {
	rs := ruleSet(t)
	noChange := map[string]string{"en": "No change.", "zh": "没有变化。"}
	for i := range 80 {
		g := gen.Document(11, i)
		pairs := [][2]map[string]any{{g, gen.Document(11, i+1)}, {g, doc(neighbour(g["answers"].(map[string]any), i))}, {g, g}}
		for j, p := range pairs {
			d := compare.Results(evaluate(t, p[0], today), evaluate(t, p[1], today))
			d.A.File, d.B.File = "a.json", "b.json"
			for _, lang := range []string{"en", "zh"} {
				var b bytes.Buffer
				compare.WriteText(&b, rs, d, compare.TextOptions{Lang: lang, Width: 80})
				text := b.String()
				if got := strings.Contains(text, noChange[lang]); got == d.Changed {
					t.Fatalf("document %d pair %d (%s): says no change: %v, Changed = %v:\n%s", i, j, lang, got, d.Changed, text)
				}
				for _, id := range ids(d) {
					if strings.Contains(text, id) {
						t.Fatalf("document %d pair %d (%s): the text names the id %q:\n%s", i, j, lang, id, text)
					}
				}
				lines := strings.Split(text, "\n")
				for k, line := range lines[:len(lines)-1] {
					if headings[lang][line] && !strings.HasPrefix(lines[k+1], "  • ") {
						t.Fatalf("document %d pair %d (%s): heading %q has no items:\n%s", i, j, lang, line, text)
					}
				}
			}
		}
	}
}

// TestWriteTextNarrow: a very narrow width still gives words, each line
// within the width or a few columns past it for the overhanging stop.
func TestWriteTextNarrow(t *testing.T) {
	rs := ruleSet(t)
	d := compare.Results(evaluate(t, doc(meetingApp()), today), evaluate(t, doc(with(meetingApp(), map[string]any{"pstn_access": false})), today))
	var b bytes.Buffer
	compare.WriteText(&b, rs, d, compare.TextOptions{Lang: "en", Width: 30})
	for _, line := range strings.Split(b.String(), "\n") {
		if len([]rune(line)) > 31 {
			t.Errorf("line wider than 30 columns: %q", line)
		}
	}
	if !strings.Contains(b.String(), "telephone") {
		t.Errorf("narrow text lost its words:\n%s", b.String())
	}
}
