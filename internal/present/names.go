package present

import (
	"strings"

	"b22/classify"
)

// RegimeName splits a neighbouring regime's text into the regime's name
// and what to check, where the text opens with its name ("基础电信业务：…",
// "Basic telecom services - …"), so that a table names the regime rather
// than its id. name is "" where the text has no such opening.
func (w Words) RegimeName(t classify.Text) (name, rest string) {
	s := w.text(t)
	for _, sep := range []string{"：", " - ", " — "} {
		if i := strings.Index(s, sep); i > 0 && i <= 120 && !strings.ContainsAny(s[:i], "；;。") {
			return strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+len(sep):])
		}
	}
	// A text without such an opening names the regime in its first
	// clause ("ICP filing and ... app filing for every site ...; a filing
	// never replaces a licence"): that clause names it in a listing.
	return "", s
}

// Regime is the name of the neighbouring regime id: its short name from
// the data; for a regime without one, the opening of its text
// (RegimeName), or the whole text where it has none.
func (w Words) Regime(id string) string {
	for _, g := range w.rs.Regimes() {
		if g.ID == id {
			if g.Name != (classify.Text{}) {
				return w.text(g.Name)
			}
			name, rest := w.RegimeName(g.Text)
			if name != "" {
				return name
			}
			for _, sep := range []string{"；", "; "} {
				if i := strings.Index(rest, sep); i > 0 {
					return rest[:i]
				}
			}
			return rest
		}
	}
	return id
}

// Question is the wording of the question with the answer key id.
func (w Words) Question(id string) string {
	if q := w.rs.Question(id); q != nil {
		return w.text(q.Title)
	}
	return id
}

// Subcategory is the name of the sub-category id.
func (w Words) Subcategory(id string) string { return w.subcategoryName(id) }

// Requirement is the name of the licence condition id.
func (w Words) Requirement(id string) string { return w.requirementName(id) }
