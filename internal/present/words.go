package present

import "b22/classify"

// Words are the words for a result's conclusions in one language. They
// come from the rule set's texts where it has them (a verdict as a
// sentence, strengths, statuses); the shorter forms a screen or a listing
// needs, which the rule data does not carry, are kept once, in the shared
// label table (labels.go).
type Words struct {
	rs   *classify.RuleSet
	lang string
}

// NewWords returns the words of rs in lang ("zh" or "en"; anything else
// gives English, as classify.Text.In does).
func NewWords(rs *classify.RuleSet, lang string) Words { return Words{rs: rs, lang: lang} }

// text is t in the language of the words.
func (w Words) text(t classify.Text) string { return t.In(w.lang) }

// Verdict is the verdict as the rule set words it, a sentence: "a B22
// licence is likely needed".
func (w Words) Verdict(v classify.Verdict) string {
	return w.fromData(w.rs.Texts().Verdicts, string(v))
}

// VerdictShort is the verdict in a few words that name the licence, for a
// headline or a status line: "likely needs B22".
func (w Words) VerdictShort(v classify.Verdict) string { return word(w, "verdict_short", v) }

// VerdictWord is the verdict alone, for a listing that already says what
// it is about: "likely", after "answered yes →".
func (w Words) VerdictWord(v classify.Verdict) string { return word(w, "verdict_word", v) }

// Leads words what each answer to a pivotal question would lead to,
// "yes → likely", with verdict (VerdictWord or VerdictShort) for a verdict
// the answer settles; an answer that settles nothing alone says that the
// other questions decide, not "undetermined" again. note is what to say
// under a question none of whose answers settles the verdict alone.
func (w Words) Leads(p classify.Pivotal, verdict func(classify.Verdict) string) (leads []string, note string) {
	settled := false
	for _, l := range p.LeadsTo {
		to := w.Label("lead_open")
		if l.Verdict != classify.VerdictUndetermined {
			to, settled = verdict(l.Verdict), true
		}
		leads = append(leads, w.text(l.Label)+" → "+to)
	}
	if !settled && len(p.LeadsTo) > 0 {
		note = w.Label("leads_note")
	}
	return leads, note
}

// Strength is how firmly the product falls in a sub-category, as the rule
// set words it: "likely".
func (w Words) Strength(s classify.Strength) string {
	return w.fromData(w.rs.Texts().Strengths, string(s))
}

// Status is whether a licence condition is met, as the rule set words it:
// "not met".
func (w Words) Status(s classify.Status) string {
	return w.fromData(w.rs.Texts().Statuses, string(s))
}

// Coverage is whether an existing licence covers the service, after a
// label: "covers this service".
func (w Words) Coverage(c classify.Coverage) string { return word(w, "coverage", c) }

// CoverageSentence is Coverage as a sentence of its own, for prose: "An
// existing licence of the company covers this service."
func (w Words) CoverageSentence(c classify.Coverage) string { return word(w, "coverage_sentence", c) }

// RegimeStatus is whether a neighbouring regime applies, as the rule set
// words it: "applies", "applies to whoever operates the service", or
// "depends on unanswered questions".
func (w Words) RegimeStatus(s classify.RegimeStatus) string {
	if _, ok := w.rs.Texts().RegimeStatuses[string(s)]; ok {
		return w.fromData(w.rs.Texts().RegimeStatuses, string(s))
	}
	return word(w, "regime_status", s)
}

// Bool is a yes or no answer: "yes", "否".
func (w Words) Bool(b bool) string {
	if b {
		return w.Label("yes")
	}
	return w.Label("no")
}

// StatusMark is the mark shown before a condition's status: ✓ met, ✗ not
// met, ? unknown.
func StatusMark(s classify.Status) string {
	switch s {
	case classify.StatusMet:
		return "✓"
	case classify.StatusUnmet:
		return "✗"
	}
	return "?"
}

// fromData is the rule set's text for id in a map of texts, or the id
// itself where the data has none, so that a gap shows rather than
// printing nothing.
func (w Words) fromData(texts map[string]classify.Text, id string) string {
	if t, ok := texts[id]; ok {
		return w.text(t)
	}
	return id
}

// word is the shared label group.id, with the licence filled in, or the
// id where the table has none.
func word[K ~string](w Words, group string, id K) string {
	if t, ok := labels[group+"."+string(id)]; ok {
		return w.Fill(w.text(t))
	}
	return string(id)
}
