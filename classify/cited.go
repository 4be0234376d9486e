package classify

// citedBasis is a basis as results show it on each epoch: a citation of
// an edition the rules follow only while it is in force (Source.InForce)
// drops out on the dates outside it, so a result as of 2020 cites the 2016
// text of a regulation and not its 2022 revision.
type citedBasis struct {
	ids  [][]string      // by epoch: the ids of the sources cited, each once
	refs [][]CitationRef // by epoch
}

// CitationRef is one citation as a result gives it: the source, the place
// in it, and the citation written out as a lawyer writes it.
type CitationRef struct {
	Source string `json:"source"`
	// Pinpoint is the place as the rule data writes it ("art. 6 item 4",
	// "entry B22", "whole"); "" when the article was not verified.
	Pinpoint string `json:"pinpoint"`
	// Verified is false where the data says the article number could not
	// be checked against a text of the source.
	Verified bool `json:"verified"`
	// Text is the citation: "《电信业务经营许可管理办法》第六条第（四）项",
	// "MIIT Order 42, art. 6(iv)".
	Text Text `json:"text"`
}

// ref writes the citation out.
func (c Citation) ref(src *Source) CitationRef {
	r := CitationRef{Source: c.Source, Verified: c.At.verified()}
	if r.Verified {
		r.Pinpoint = c.At.String()
	}
	r.Text.Zh = src.CiteAs.Zh + c.At.inWords("zh")
	switch c.At.Kind {
	case PinWhole, PinNone:
		r.Text.En = src.CiteAs.En
	case PinUnverified:
		r.Text.En = src.CiteAs.En + " " + c.At.inWords("en")
	default:
		r.Text.En = src.CiteAs.En + ", " + c.At.inWords("en")
	}
	return r
}

// cite works out a basis on every epoch. Lists that come out the same on
// neighbouring epochs share their storage, so the encoder finds them once.
func (l *loader) cite(cites []Citation) citedBasis {
	rs := l.rs
	cb := citedBasis{ids: make([][]string, len(rs.epochs)), refs: make([][]CitationRef, len(rs.epochs))}
	inForce := make([]bool, len(cites))
	for e, ep := range rs.epochs {
		same := e > 0
		for i, c := range cites {
			src := rs.Source(c.Source)
			held := src != nil && src.InForce.Holds(ep.from)
			same = same && held == inForce[i]
			inForce[i] = held
		}
		if same { // the same editions in force as the day before
			cb.ids[e], cb.refs[e] = cb.ids[e-1], cb.refs[e-1]
			continue
		}
		ids := []string{}
		refs := []CitationRef{}
		for i, c := range cites {
			if !inForce[i] {
				continue
			}
			refs = append(refs, c.ref(rs.Source(c.Source)))
			if !containsString(ids, c.Source) {
				ids = append(ids, c.Source)
			}
		}
		cb.ids[e], cb.refs[e] = ids, refs
	}
	return cb
}

func containsString(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// citeAll works out every basis a result can show.
func (l *loader) citeAll() {
	l.rs.eachCited(func(cites []Citation, cb *citedBasis) { *cb = l.cite(cites) })
}

// eachCited calls f with every basis a result can show, as written and as
// worked out for results.
func (rs *RuleSet) eachCited(f func([]Citation, *citedBasis)) {
	for _, list := range [][]Rule{rs.gates, rs.regimes, rs.notes} {
		for i := range list {
			f(list[i].Cites, &list[i].cited)
		}
	}
	for i := range rs.subcategories {
		f(rs.subcategories[i].Cites, &rs.subcategories[i].cited)
		for j := range rs.subcategories[i].Rules {
			r := &rs.subcategories[i].Rules[j]
			f(r.Cites, &r.cited)
		}
	}
	for i := range rs.scopes {
		f(rs.scopes[i].Cites, &rs.scopes[i].cited)
	}
	f(rs.existing.Cites, &rs.existing.cited)
	for i := range rs.requirements {
		f(rs.requirements[i].Cites, &rs.requirements[i].cited)
	}
	for i := range rs.texts.Process {
		f(rs.texts.Process[i].Cites, &rs.texts.Process[i].cited)
	}
	for i := range rs.constraints {
		f(rs.constraints[i].Cites, &rs.constraints[i].cited)
	}
	for i := range rs.routes {
		f(rs.routes[i].Cites, &rs.routes[i].cited)
	}
}

// eachDated calls f with the later texts of every rule, variant and
// process step: the dates on which what a result says changes.
func (rs *RuleSet) eachDated(f func([]DatedText)) {
	for _, list := range [][]Rule{rs.gates, rs.regimes, rs.notes} {
		for _, r := range list {
			f(r.Later)
		}
	}
	for _, s := range rs.subcategories {
		for _, r := range s.Rules {
			f(r.Later)
		}
	}
	f(rs.existing.Later)
	for _, c := range rs.constraints {
		f(c.Later)
	}
	for _, r := range rs.routes {
		f(r.Later)
		f(r.TitleLater)
		f(r.CaveatsLater)
	}
	for _, v := range rs.variants() {
		f(v.Later)
	}
	for _, p := range rs.texts.Process {
		f(p.Later)
	}
}
