package classify

import (
	"b22/classify/internal/storage"
)

// Shared lists the values results copy from the rule set rather than
// build: an encoder prepares each once (resultjson does) and finds it
// again by its storage. Every value a result takes from the rule set is
// here, sharing its storage; a value built for one result (an authority
// naming the province) is not, and is encoded in full.
type Shared struct {
	// Texts are the texts a result can copy: verdict summaries, questions,
	// names, rule texts on every date, filled variants.
	Texts []Text
	// Lists are the lists of ids a result can copy: the keys each rule's
	// condition reads, and each basis on every date.
	Lists [][]string
	// Citations are the lists of citations a result can copy.
	Citations [][]CitationRef
	// Traces are the trace entries a result can hold, but for the outcome.
	Traces []TraceStep
	// Sources are the sources as results list them, in sources.yaml order.
	Sources []SourceRef
}

// Shared returns the values results share with the rule set. The lists are
// the rule set's own: read them, never modify them.
func (rs *RuleSet) Shared() *Shared { return &rs.shared }

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
