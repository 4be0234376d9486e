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
	out := LeverWords{Kind: word(w, leverKind, lv.Kind)}
	for _, c := range lv.Changes {
		title := c.Key
		if q := w.rs.Question(c.Key); q != nil {
			title = w.text(q.Title)
		}
		// A question ends in its own mark; a colon after it reads as a typo.
		sep := w.sep(": ", "：")
		if strings.HasSuffix(title, "?") {
			sep = " "
		} else if strings.HasSuffix(title, "？") || strings.HasSuffix(title, "）") {
			sep = ""
		}
		out.Change = append(out.Change, title+sep+w.text(c.FromLabel)+" → "+w.text(c.ToLabel))
	}
	l := leverClauses[w.lang == "zh"]
	switch {
	case lv.Verdict == classify.VerdictUndetermined:
		out.Effects = append(out.Effects, l["open"])
	case lv.Effect == classify.EffectUnlikely || lv.Effect == classify.EffectVerdict:
		out.Effects = append(out.Effects, l["verdict"]+w.VerdictShort(lv.Verdict))
	}
	names := func(ids []string) string {
		var ns []string
		for _, id := range ids {
			ns = append(ns, w.subcategoryName(id))
		}
		return strings.Join(ns, w.sep(", ", "、"))
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
			out.Effects = append(out.Effects, l[f.key]+names(f.ids))
		}
	}
	if lv.ScopeChanged {
		if lv.Scope == nil {
			out.Effects = append(out.Effects, l["scope_open"])
		} else {
			out.Effects = append(out.Effects, l["scope"]+w.scopeLicence(*lv.Scope))
		}
	}
	if len(lv.Met) > 0 {
		var ns []string
		for _, id := range lv.Met {
			ns = append(ns, w.requirementName(id))
		}
		out.Effects = append(out.Effects, l["met"]+strings.Join(ns, w.sep(", ", "、")))
	}
	return out
}

// sep is en in English and zh in Chinese.
func (w Words) sep(en, zh string) string {
	if w.lang == "zh" {
		return zh
	}
	return en
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

var (
	leverKind = map[classify.LeverKind]classify.Text{
		classify.LeverProduct: {Zh: "产品决定", En: "product decision"},
		classify.LeverCompany: {Zh: "公司情况", En: "company fact"},
		classify.LeverFact:    {Zh: "无法选择的事实", En: "fact you cannot choose"},
		classify.LeverLabel:   {Zh: "仅是描述的改变", En: "a change of description only"},
	}
	// leverClauses start each effect of a lever, by language (true: zh).
	leverClauses = map[bool]map[string]string{
		false: {"verdict": "then: ", "added": "adds: ", "removed": "no longer: ", "stronger": "stronger: ", "weaker": "weaker: ",
			"added_open": "could add, depending on questions still open: ", "stronger_open": "could be stronger, depending on questions still open: ",
			"scope": "licence: ", "scope_open": "the licence's scope is left open", "met": "meets: ",
			"open": "then the verdict depends on questions still open"},
		true: {"verdict": "则：", "added": "新增：", "removed": "不再属于：", "stronger": "更明确：", "weaker": "减弱：",
			"added_open": "视尚未确定的问题，可能新增：", "stronger_open": "视尚未确定的问题，可能更明确：",
			"scope": "许可：", "scope_open": "许可范围待定", "met": "满足：",
			"open": "则结论取决于尚未确定的问题"},
	}
)

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
