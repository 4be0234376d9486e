package present

import (
	"slices"
	"strings"

	"b22/classify"
)

// LeverWords is a lever in words: what changes, who decides it, and what
// it does, each effect a short clause.
type LeverWords struct {
	// Change is each answer changed: `question? from → to`.
	Change []string
	// Kind is who decides the change: "product decision", "company fact"
	// or "fact you cannot choose".
	Kind string
	// Effects are what the change does, most important first.
	Effects []string
}

// Lever words a lever of a result of the words' rule set.
func (w Words) Lever(lv classify.Lever) LeverWords {
	out := LeverWords{Kind: word(w, "lever_kind", lv.Kind)}
	for _, c := range lv.Changes {
		title := c.Key
		if q := w.rs.Question(c.Key); q != nil {
			title = w.text(q.Title)
		}
		out.Change = append(out.Change, title+w.spaceAfter(title)+w.text(c.FromLabel)+" → "+w.text(c.ToLabel))
	}
	l := func(key string) string { return w.Label("lever." + key) }
	switch {
	case lv.Verdict == classify.VerdictUndetermined:
		out.Effects = append(out.Effects, l("open"))
	case lv.Effect == classify.EffectUnlikely || lv.Effect == classify.EffectVerdict:
		out.Effects = append(out.Effects, l("verdict")+w.VerdictShort(lv.Verdict))
	}
	names := func(ids []string) string {
		var ns []string
		for _, id := range ids {
			ns = append(ns, w.subcategoryName(id))
		}
		return strings.Join(ns, w.Label("list_sep"))
	}
	// A sub-category the change brings in only if other answers allow is
	// said so, never as settled.
	settled := func(ids []string, open bool) []string {
		var out []string
		for _, id := range ids {
			if slices.Contains(lv.Open, id) == open {
				out = append(out, id)
			}
		}
		return out
	}
	for _, f := range []struct {
		key string
		ids []string
	}{{"added", settled(lv.Added, false)}, {"added_open", settled(lv.Added, true)}, {"removed", lv.Removed},
		{"stronger", settled(lv.Strengthened, false)}, {"stronger_open", settled(lv.Strengthened, true)}, {"weaker", lv.Weakened}} {
		if len(f.ids) > 0 && lv.Verdict != classify.VerdictUnlikely {
			out.Effects = append(out.Effects, l(f.key)+names(f.ids))
		}
	}
	if lv.ScopeChanged {
		if lv.Scope == nil {
			out.Effects = append(out.Effects, l("scope_open"))
		} else {
			out.Effects = append(out.Effects, l("scope")+w.scopeLicence(*lv.Scope))
		}
	}
	if len(lv.Met) > 0 {
		var ns []string
		for _, id := range lv.Met {
			ns = append(ns, w.requirementName(id))
		}
		out.Effects = append(out.Effects, l("met")+strings.Join(ns, w.Label("list_sep")))
	}
	return out
}

func (w Words) subcategoryName(id string) string {
	for _, s := range w.rs.Subcategories() {
		if s.ID == id {
			return w.text(s.Name)
		}
	}
	return id
}

func (w Words) requirementName(id string) string {
	for _, r := range w.rs.Requirements() {
		if r.ID == id {
			return w.text(r.Name)
		}
	}
	return id
}

// scopeLicence names the licence of a scope ("a provincial licence").
func (w Words) scopeLicence(scope string) string {
	for _, s := range w.rs.Scopes() {
		if s.Scope == scope {
			return w.text(s.Licence)
		}
	}
	return scope
}

// ForPeople are the levers a person is shown: all but relabellings (a
// change of what the product is said to be for, which changes nothing in
// fact; B22.md section 7). Scripts read them all in the JSON.
func ForPeople(levers []classify.Lever) []classify.Lever {
	out := make([]classify.Lever, 0, len(levers))
	for _, lv := range levers {
		if lv.Kind != classify.LeverLabel {
			out = append(out, lv)
		}
	}
	return out
}

// SubcategoryShort is the short name of the sub-category id, for a status
// line: the data's `short`, or its name.
func (w Words) SubcategoryShort(id string) string {
	for _, s := range w.rs.Subcategories() {
		if s.ID == id {
			return w.text(s.Short)
		}
	}
	return id
}

// ScopeLicence names the licence of a scope ("a provincial licence").
func (w Words) ScopeLicence(scope string) string { return w.scopeLicence(scope) }
