package present

import (
	"b22/classify"
	"strings"
)

// Words are the words for a result's conclusions in one language. They
// come from the rule set's texts where it has them (a verdict as a
// sentence, strengths, statuses); the shorter forms a screen or a listing
// needs, which the rule data does not carry, are kept here once.
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
func (w Words) VerdictShort(v classify.Verdict) string { return word(w, verdictShort, v) }

// VerdictWord is the verdict alone, for a listing that already says what
// it is about: "likely", after "answered yes →".
func (w Words) VerdictWord(v classify.Verdict) string { return word(w, verdictWord, v) }

// Leads words what each answer to a pivotal question would lead to,
// "yes → likely", with verdict (VerdictWord or VerdictShort) for a verdict
// the answer settles; an answer that settles nothing alone says that the
// other questions decide, not "undetermined" again. note is what to say
// under a question none of whose answers settles the verdict alone.
func (w Words) Leads(p classify.Pivotal, verdict func(classify.Verdict) string) (leads []string, note string) {
	settled := false
	for _, l := range p.LeadsTo {
		to := w.text(leadOpen)
		if l.Verdict != classify.VerdictUndetermined {
			to, settled = verdict(l.Verdict), true
		}
		leads = append(leads, w.text(l.Label)+" → "+to)
	}
	if !settled && len(p.LeadsTo) > 0 {
		note = w.text(leadsNote)
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
func (w Words) Coverage(c classify.Coverage) string { return word(w, coverage, c) }

// CoverageSentence is Coverage as a sentence of its own, for prose: "An
// existing licence of the company covers this service."
func (w Words) CoverageSentence(c classify.Coverage) string { return word(w, coverageSentence, c) }

// RegimeStatus is whether a neighbouring regime applies, as the rule set
// words it: "applies", "applies to whoever operates the service", or
// "depends on unanswered questions".
func (w Words) RegimeStatus(s classify.RegimeStatus) string {
	if _, ok := w.rs.Texts().RegimeStatuses[string(s)]; ok {
		return w.fromData(w.rs.Texts().RegimeStatuses, string(s))
	}
	return word(w, regimeStatus, s)
}

// Bool is a yes or no answer: "yes", "否".
func (w Words) Bool(b bool) string {
	if b {
		return w.text(yes)
	}
	return w.text(no)
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

// word is a word of one of the tables below, or the id where the table
// has none.
func word[K ~string](w Words, table map[K]classify.Text, id K) string {
	if t, ok := table[id]; ok {
		return Licence(w.rs, w.text(t))
	}
	return string(id)
}

// Licence fills {licence} in s with the licence the rule set decides (B22):
// words written once for any rule set.
func Licence(rs *classify.RuleSet, s string) string {
	if !strings.Contains(s, "{licence}") {
		return s
	}
	return strings.ReplaceAll(s, "{licence}", rs.Category())
}

// The words the rule data does not carry, in both languages. Each table
// has an entry for every value of its type (TestWordsComplete).
var (
	verdictShort = map[classify.Verdict]classify.Text{
		classify.VerdictLikely:       {Zh: "很可能需要{licence}许可", En: "likely needs {licence}"},
		classify.VerdictPossible:     {Zh: "可能需要{licence}许可", En: "may need {licence}"},
		classify.VerdictUnlikely:     {Zh: "不太可能需要{licence}许可", En: "unlikely to need {licence}"},
		classify.VerdictUndetermined: {Zh: "尚无法判断", En: "undetermined"},
	}
	verdictWord = map[classify.Verdict]classify.Text{
		classify.VerdictLikely:       {Zh: "很可能需要", En: "likely"},
		classify.VerdictPossible:     {Zh: "可能需要", En: "possible"},
		classify.VerdictUnlikely:     {Zh: "不太可能需要", En: "unlikely"},
		classify.VerdictUndetermined: {Zh: "尚无法判断", En: "undetermined"},
	}
	coverage = map[classify.Coverage]classify.Text{
		classify.CoverageCovers: {Zh: "已覆盖本服务", En: "covers this service"},
		// Said after "existing licence:", true whether the company holds
		// a licence that falls short or none at all.
		classify.CoverageDoesNotCover: {Zh: "无覆盖本服务的许可", En: "none that covers this service"},
		classify.CoverageUnknown:      {Zh: "未知", En: "not known"},
	}
	coverageSentence = map[classify.Coverage]classify.Text{
		classify.CoverageCovers:       {Zh: "公司现有许可已覆盖本服务。", En: "An existing licence of the company covers this service."},
		classify.CoverageDoesNotCover: {Zh: "公司现有许可不覆盖本服务。", En: "No existing licence of the company covers this service."},
		classify.CoverageUnknown:      {Zh: "尚不清楚公司现有许可是否覆盖本服务。", En: "Whether an existing licence of the company covers this service is not known."},
	}
	// regimeStatus is for a rule set whose texts.yaml lacks
	// regime_statuses (loading requires them; results built by hand may
	// carry any status).
	regimeStatus = map[classify.RegimeStatus]classify.Text{
		classify.RegimeTriggered: {Zh: "已触发", En: "triggered"},
		classify.RegimeUnknown:   {Zh: "取决于尚未确定的问题", En: "depends on questions still open"},
		classify.RegimeCustomer:  {Zh: "适用于服务的经营者", En: "applies to whoever operates the service"},
	}
	leadOpen  = classify.Text{Zh: "仍待确定", En: "still open"}
	leadsNote = classify.Text{Zh: "单独回答此题不能确定结论，须与所列其他问题一并回答。", En: "No answer to this question settles the verdict alone: it does together with the other questions listed."}
	yes       = classify.Text{Zh: "是", En: "yes"}
	no        = classify.Text{Zh: "否", En: "no"}
	none      = classify.Text{Zh: "无", En: "none"}
	listSep   = classify.Text{Zh: "、", En: ", "}
)
