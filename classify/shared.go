package classify

import (
	"b22/classify/internal/share"
	"b22/classify/internal/storage"
)

// sharedValues are the values results copy from the rule set rather than
// build (package share says what each list holds). Only the encoder reads
// them, through share.Of; the rule set has no method for them.
type sharedValues = share.Values[Text, CitationRef, TraceStep, SourceRef]

var _ = share.Provide(func(rs *RuleSet) *sharedValues { return &rs.shared })

// prepareShared fills rs.shared, and the sources each basis cites.
func (l *loader) prepareShared() {
	rs := l.rs
	sh := &rs.shared
	rs.scopeUnknown = rs.texts.ScopeUnknown
	for _, c := range rs.allConds() {
		sh.Lists = append(sh.Lists, c.read)
	}
	for i := range rs.sources {
		sh.Sources = append(sh.Sources, rs.sources[i].ref())
	}
	trace := func(id, kind string, c *Cond) {
		if c != nil {
			sh.Traces = append(sh.Traces, TraceStep{Rule: id, Kind: kind, Answers: c.read})
		}
	}
	for _, g := range rs.gates {
		trace(g.ID, "gate", g.When)
	}
	for _, sc := range rs.subcategories {
		for _, r := range sc.Rules {
			trace(r.ID, "subcategory", r.When)
		}
	}
	trace(rs.existing.ID, "existing_licence", rs.existing.When)
	rs.existing.When.part = "covered_by_existing_licence"
	for _, sc := range rs.scopes {
		trace(sc.ID, "scope", sc.When)
		sc.When.part = "licence.scope"
		for _, v := range sc.Authority {
			if v.When != nil {
				v.When.part = "licence.authority"
			}
		}
	}
	for _, v := range rs.texts.ScopeUnknownVariants {
		if v.When != nil {
			v.When.part = "licence.authority"
		}
	}
	for _, c := range rs.constraints {
		trace(c.ID, "constraint", c.When)
	}
	for _, r := range rs.requirements {
		trace(r.ID, "requirement", r.MetWhen)
		r.MetWhen.part = "requirements." + r.ID
	}
	for _, r := range rs.regimes {
		trace(r.ID, "regime", r.When)
		r.When.part = "related_regimes." + r.ID
		if r.CustomerWhen != nil {
			r.CustomerWhen.part = "related_regimes." + r.ID
		}
	}
	for _, r := range rs.notes {
		trace(r.ID, "note", r.When)
	}
	add := func(ts ...Text) { sh.Texts = append(sh.Texts, ts...) }
	for _, t := range rs.texts.Verdicts {
		add(t)
	}
	add(rs.texts.ScopeUnknown)
	for _, q := range rs.questions {
		add(q.Title, q.Pivot)
	}
	for _, d := range rs.domains {
		for _, ex := range d.examples {
			add(ex.label)
		}
	}
	for _, g := range rs.gates {
		add(g.texts...)
	}
	for _, s := range rs.subcategories {
		add(s.Name)
		for _, r := range s.Rules {
			add(r.texts...)
		}
	}
	for _, s := range rs.scopes {
		add(s.Licence)
	}
	for _, r := range rs.requirements {
		add(r.Name)
	}
	for _, v := range rs.variants() {
		add(v.texts...)
		for _, f := range v.filled {
			add(f...)
		}
	}
	for _, p := range rs.texts.Process {
		add(p.Name)
		add(p.texts...)
	}
	for _, list := range [][]Rule{rs.regimes, rs.notes} {
		for _, r := range list {
			add(r.Name)
			add(r.texts...)
		}
	}
	for _, s := range rs.subcategories {
		for _, e := range s.Elements {
			add(e.Absent)
		}
	}
	for _, c := range rs.constraints {
		add(c.texts...)
	}
	for _, r := range rs.routes {
		add(r.texts...)
		add(r.titles...)
		add(r.caveats...)
	}
	// Each basis on every date, and the sources it cites, one bit each
	// while the rule set has at most 64 (cited looks any other up by id).
	rs.sourceBits = len(rs.sources) <= 64
	rs.eachCited(func(_ []Citation, cb *citedBasis) {
		for e := range cb.ids {
			if e > 0 && len(cb.refs[e]) > 0 && &cb.refs[e][0] == &cb.refs[e-1][0] {
				continue // shared with the date before
			}
			ids := cb.ids[e]
			if ids == nil {
				continue
			}
			sh.Lists = append(sh.Lists, ids)
			if cb.refs[e] != nil {
				sh.Citations = append(sh.Citations, cb.refs[e])
			}
			if rs.sourceBits {
				var bits uint64
				for _, id := range ids {
					bits |= 1 << rs.sourceIndex[id]
				}
				rs.basisSources.Put(storage.Slice(ids), bits)
			}
		}
	})
}
