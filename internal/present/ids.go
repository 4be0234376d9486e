package present

import (
	"strings"

	"b22/classify"
)

// QuestionTitle is the question an answer key names, in its own words:
// what a screen shows where a result lists the answers a finding reads
// ("answers: …"), so that no reader meets a key. A key the rule set does
// not know is returned as it is, so that a gap shows.
func (w Words) QuestionTitle(key string) string {
	if q := w.rs.Question(key); q != nil {
		return w.text(q.Title)
	}
	return key
}

// Topic is what the answer to question key is about, as a fact's label
// ("uses", "foreign shareholding"): the question's topic, or its title
// where the rule set gives it none. A reason names the answers it rests
// on by their topics, which read as facts; a title is a question to ask,
// with the questionnaire's instructions ("choose all that apply").
func (w Words) Topic(key string) string {
	if q := w.rs.Question(key); q != nil && q.Topic != (classify.Text{}) {
		return w.text(q.Topic)
	}
	return w.QuestionTitle(key)
}

// Topics is Topic of each key, joined as the language lists things.
func (w Words) Topics(keys []string) string {
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = w.Topic(k)
	}
	return strings.Join(out, w.Label("item_sep"))
}

// QuestionTitles is QuestionTitle of each key, joined as the language
// lists things.
func (w Words) QuestionTitles(keys []string) string {
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = w.QuestionTitle(k)
	}
	return strings.Join(out, w.Label("item_sep"))
}

// Part names a part of a result that an open question leaves open, as a
// result names it ("requirements.staff", "licence.scope"): the condition's
// name, the licence scope, whether an existing licence covers the service,
// a neighbouring regime. The memo words the same parts the same way.
func (w Words) Part(part string) string {
	switch {
	case part == "licence.scope":
		return w.Label("part.scope")
	case part == "licence.authority":
		return w.Label("part.authority")
	case part == "covered_by_existing_licence":
		return w.Label("part.covered")
	case strings.HasPrefix(part, "requirements."):
		return w.Label("part.requirement") + w.requirementName(strings.TrimPrefix(part, "requirements."))
	case strings.HasPrefix(part, "related_regimes."):
		return w.Label("part.regime")
	}
	return part
}

// Parts is Part of each part, each named once, in the order given.
func (w Words) Parts(parts []string) string {
	var out []string
	seen := map[string]bool{}
	for _, p := range parts {
		if s := w.Part(p); !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return strings.Join(out, w.Label("item_sep"))
}

// SourceName is how a source is named for a reader: the short name its
// citations start with, else its title in the language (the Chinese title
// where the data has no English one).
func (w Words) SourceName(id string) string {
	src := w.rs.Source(id)
	if src == nil {
		return id
	}
	if s := w.text(src.CiteAs); s != "" {
		return s
	}
	if w.lang == "en" && src.TitleEn != "" {
		return src.TitleEn
	}
	return src.Title
}
