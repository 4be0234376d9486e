package classify

import (
	"fmt"
	"strings"

	yaml "go.yaml.in/yaml/v3"
)

// rule reads the fields every rule shares. extra names further keys the
// caller reads itself from the returned mapping.
func (l *loader) rule(d ydec, n *yaml.Node, key string, inVerdict bool, required, optional []string) (Rule, map[string]*yaml.Node) {
	m := d.mapping(n, key, append([]string{"id", "basis", "confidence", "footing"}, required...), optional)
	if m == nil {
		return Rule{}, nil
	}
	r := Rule{ID: d.str(m["id"], key+".id"), at: at(n)}
	if m["when"] != nil {
		r.When = l.cond(d, m["when"], key+".when", inVerdict)
	}
	if m["text"] != nil {
		r.Text, r.Later = d.datedText(m["text"], key+".text")
	}
	r.Basis, r.Cites = l.basis(d, m["basis"], key+".basis")
	r.Confidence = l.oneOf(d, m["confidence"], key+".confidence", confidences)
	r.Footing = l.oneOf(d, m["footing"], key+".footing", footings)
	return r, m
}

func (l *loader) oneOf(d ydec, n *yaml.Node, key string, allowed []string) string {
	s := d.str(n, key)
	if s != "" && !contains(allowed, s) {
		d.bad(n, key, CodeRuleValue, "%q is not allowed; allowed: %s%s", s, strings.Join(allowed, ", "), hint(s, allowed))
	}
	return s
}

// ids checks that ids are unique within one list of rules.
type ids map[string]bool

func (seen ids) check(d ydec, n *yaml.Node, key, id string) {
	if id == "" {
		return
	}
	if seen[id] {
		d.bad(n, key, CodeRuleReference, "duplicate id %q", id)
	}
	seen[id] = true
}

func (l *loader) rules(n *yaml.Node) {
	d := l.dec(fileRules)
	m := d.mapping(n, "", []string{"licence", "gates", "subcategories", "scopes", "existing_licence", "requirements", "regimes_apply_when", "regimes", "notes"}, []string{"contract", "constraints", "routes"})
	if m == nil {
		return
	}
	rs := l.rs
	l.licence(d, m["licence"])
	l.contract(d, m["contract"])
	seen := ids{}
	for i, g := range d.list(m["gates"], "gates") {
		key := fmt.Sprintf("gates[%d]", i)
		r, _ := l.rule(d, g, key, true, []string{"when", "text"}, nil)
		seen.check(d, g, key, r.ID)
		rs.gates = append(rs.gates, r)
	}
	for i, s := range d.list(m["subcategories"], "subcategories") {
		key := fmt.Sprintf("subcategories[%d]", i)
		r, sm := l.rule(d, s, key, true, []string{"name", "definition", "rules"}, []string{"elements", "short"})
		if sm == nil {
			continue
		}
		seen.check(d, s, key, r.ID)
		sub := Subcategory{ID: r.ID, Basis: r.Basis, Cites: r.Cites, Confidence: r.Confidence, Footing: r.Footing, at: r.at,
			Name: d.text(sm["name"], key+".name"), Definition: d.text(sm["definition"], key+".definition")}
		for j, rn := range d.list(sm["rules"], key+".rules") {
			rkey := fmt.Sprintf("%s.rules[%d]", key, j)
			rr, rm := l.rule(d, rn, rkey, true, []string{"when", "text", "strength"}, nil)
			seen.check(d, rn, rkey, rr.ID)
			if rm != nil {
				rr.Strength = Strength(l.oneOf(d, rm["strength"], rkey+".strength", strengths))
			}
			sub.Rules = append(sub.Rules, rr)
		}
		sub.Elements = l.elements(d, sm["elements"], key+".elements")
		sub.Short = sub.Name
		if sm["short"] != nil {
			sub.Short = d.text(sm["short"], key+".short")
		}
		rs.subcategories = append(rs.subcategories, sub)
	}
	if m["constraints"] != nil {
		l.constraints(d, m["constraints"], seen)
	}
	for i, s := range d.list(m["scopes"], "scopes") {
		key := fmt.Sprintf("scopes[%d]", i)
		r, sm := l.rule(d, s, key, false, []string{"when", "scope", "min_capital", "licence", "authority"}, nil)
		if sm == nil {
			continue
		}
		seen.check(d, s, key, r.ID)
		sr := ScopeRule{Rule: r, Scope: d.str(sm["scope"], key+".scope"), Licence: d.text(sm["licence"], key+".licence")}
		if id := d.str(sm["min_capital"], key+".min_capital"); id != "" {
			pi, ok := l.rs.paramIndex[id]
			if !ok {
				d.bad(sm["min_capital"], key+".min_capital", CodeRuleReference, "unknown parameter %q%s", id, hint(id, l.paramIDs()))
			}
			sr.minCapital = pi
		}
		sr.Authority = l.variants(d, sm["authority"], key+".authority")
		rs.scopes = append(rs.scopes, sr)
	}
	key := "existing_licence"
	rs.existing, _ = l.rule(d, m[key], key, false, []string{"when", "text"}, nil)
	seen.check(d, m[key], key, rs.existing.ID)
	for i, rn := range d.list(m["requirements"], "requirements") {
		key := fmt.Sprintf("requirements[%d]", i)
		r, rm := l.rule(d, rn, key, false, []string{"name", "met_when", "variants"}, []string{"unknown_when"})
		if rm == nil {
			continue
		}
		seen.check(d, rn, key, r.ID)
		req := Requirement{ID: r.ID, Name: d.text(rm["name"], key+".name"), Basis: r.Basis, Cites: r.Cites, Confidence: r.Confidence, Footing: r.Footing, at: r.at,
			MetWhen: l.cond(d, rm["met_when"], key+".met_when", false), Variants: l.variants(d, rm["variants"], key+".variants")}
		if rm["unknown_when"] != nil {
			req.UnknownWhen = l.cond(d, rm["unknown_when"], key+".unknown_when", false)
		}
		rs.requirements = append(rs.requirements, req)
	}
	rs.regimesApplyWhen = l.cond(d, m["regimes_apply_when"], "regimes_apply_when", false)
	for i, rn := range d.list(m["regimes"], "regimes") {
		key := fmt.Sprintf("regimes[%d]", i)
		r, gm := l.rule(d, rn, key, false, []string{"when", "text", "name"}, []string{"customer_when"})
		seen.check(d, rn, key, r.ID)
		if gm != nil {
			r.Name = d.text(gm["name"], key+".name")
			if gm["customer_when"] != nil {
				r.CustomerWhen = l.cond(d, gm["customer_when"], key+".customer_when", false)
			}
		}
		if r.When != nil && rs.regimesApplyWhen != nil {
			r.When = &Cond{op: opAll, kids: []*Cond{rs.regimesApplyWhen, r.When}, at: r.When.at}
		}
		rs.regimes = append(rs.regimes, r)
	}
	for i, rn := range d.list(m["notes"], "notes") {
		key := fmt.Sprintf("notes[%d]", i)
		r, _ := l.rule(d, rn, key, false, []string{"when", "text"}, nil)
		seen.check(d, rn, key, r.ID)
		rs.notes = append(rs.notes, r)
	}
	if m["routes"] != nil {
		l.routes(d, m["routes"], seen)
	}
}

// elements reads a sub-category's [{id, when, absent}].
func (l *loader) elements(d ydec, n *yaml.Node, key string) []Element {
	var out []Element
	seen := map[string]bool{}
	for i, en := range d.list(n, key) {
		ekey := fmt.Sprintf("%s[%d]", key, i)
		em := d.mapping(en, ekey, []string{"id", "when", "absent"}, nil)
		if em == nil {
			continue
		}
		e := Element{ID: d.str(em["id"], ekey+".id"), When: l.cond(d, em["when"], ekey+".when", true), Absent: d.text(em["absent"], ekey+".absent")}
		if seen[e.ID] {
			d.bad(em["id"], ekey+".id", CodeRuleReference, "duplicate element %q", e.ID)
		}
		seen[e.ID] = true
		out = append(out, e)
	}
	return out
}

// variants reads [{when?, text}], where only the last may (and must) lack a when.
func (l *loader) variants(d ydec, n *yaml.Node, key string) []Variant {
	items := d.list(n, key)
	if n != nil && len(items) == 0 {
		d.bad(n, key, CodeRuleSchema, "needs at least one text")
	}
	var out []Variant
	for i, it := range items {
		vkey := fmt.Sprintf("%s[%d]", key, i)
		vm := d.mapping(it, vkey, []string{"text"}, []string{"when"})
		if vm == nil {
			continue
		}
		var v Variant
		v.Text, v.Later = d.datedText(vm["text"], vkey+".text")
		last := i == len(items)-1
		if vm["when"] != nil {
			if last {
				d.bad(it, vkey, CodeRuleSchema, "the last text is the fallback and takes no `when`")
			}
			v.When = l.cond(d, vm["when"], vkey+".when", false)
		} else if !last {
			d.bad(it, vkey, CodeRuleSchema, "only the last text may lack a `when`")
		}
		out = append(out, v)
	}
	return out
}

func (l *loader) texts(n *yaml.Node) {
	d := l.dec(fileTexts)
	m := d.mapping(n, "", []string{"verdicts", "scope_unknown", "strengths", "statuses", "regime_statuses", "confidence", "footing", "process", "open_points", "disclaimer"}, []string{"gates_intro", "sources_checked"})
	if m == nil {
		return
	}
	t := &l.rs.texts
	t.Verdicts = l.textMap(d, m["verdicts"], "verdicts", verdictIDs)
	if su := m["scope_unknown"]; su != nil && su.Kind == yaml.SequenceNode {
		t.ScopeUnknownVariants = l.variants(d, su, "scope_unknown")
		if n := len(t.ScopeUnknownVariants); n > 0 {
			t.ScopeUnknown = t.ScopeUnknownVariants[n-1].Text
		}
	} else {
		t.ScopeUnknown = d.text(su, "scope_unknown")
	}
	t.RegimeStatuses = l.textMap(d, m["regime_statuses"], "regime_statuses", regimeStatusIDs)
	t.Strengths = l.textMap(d, m["strengths"], "strengths", strengths)
	t.Statuses = l.textMap(d, m["statuses"], "statuses", statusIDs)
	t.Confidence = l.textMap(d, m["confidence"], "confidence", confidences)
	t.Footing = l.textMap(d, m["footing"], "footing", footings)
	for i, p := range d.list(m["process"], "process") {
		key := fmt.Sprintf("process[%d]", i)
		pm := d.mapping(p, key, []string{"id", "name", "basis", "text"}, nil)
		if pm == nil {
			continue
		}
		step := ProcessStep{ID: d.str(pm["id"], key+".id"), Name: d.text(pm["name"], key+".name")}
		step.Text, step.Later = d.datedText(pm["text"], key+".text")
		step.Basis, step.Cites = l.basis(d, pm["basis"], key+".basis")
		t.Process = append(t.Process, step)
	}
	for i, p := range d.list(m["open_points"], "open_points") {
		t.OpenPoints = append(t.OpenPoints, d.text(p, fmt.Sprintf("open_points[%d]", i)))
	}
	t.Disclaimer = d.text(m["disclaimer"], "disclaimer")
	if m["gates_intro"] != nil {
		t.GatesIntro = d.text(m["gates_intro"], "gates_intro")
	}
	if m["sources_checked"] != nil {
		t.SourcesChecked = d.date(m["sources_checked"], "sources_checked")
	}
}

// textMap reads a mapping of texts that must have exactly the given ids.
func (l *loader) textMap(d ydec, n *yaml.Node, key string, want []string) map[string]Text {
	m := d.mapping(n, key, want, nil)
	out := make(map[string]Text, len(m))
	for id, tn := range m {
		out[id] = d.text(tn, key+"."+id)
	}
	return out
}
