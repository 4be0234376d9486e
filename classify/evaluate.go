package classify

import (
	"b22/classify/internal/storage"
	"errors"
	"fmt"
	"math/bits"
	"slices"
)

// ErrAsOf is returned for an as-of date the rule set does not cover.
var ErrAsOf = errors.New("date outside the rule set")

// Options say what an evaluation works out beyond the classification.
type Options struct {
	// AsOf is the day whose rules apply: parameters, texts and sources in
	// force that day. The rule set must cover it (see Covers).
	AsOf Date
	// Levers adds what would change the outcome (Result.Levers) and the
	// routes to compliance (Result.Routes): the whole answer for one
	// document, as its reader is shown it. They cost many evaluations, so
	// a stream of documents leaves them out unless asked.
	Levers bool
}

// Evaluate classifies a document with the rules in force on o.AsOf. It is
// pure and deterministic: the same document and options give the same
// Result.
func (rs *RuleSet) Evaluate(doc *Document, o Options) (*Result, error) {
	r, err := rs.evaluate(doc, o.AsOf)
	if err != nil || !o.Levers {
		return r, err
	}
	if r.Levers, err = rs.levers(doc, o.AsOf); err != nil {
		return nil, err
	}
	r.Routes, err = rs.routesOffered(doc, r)
	return r, err
}

// evaluate classifies a document without levers or routes: what every
// line of a stream costs.
func (rs *RuleSet) evaluate(doc *Document, asOf Date) (*Result, error) {
	if len(doc.Answers) != len(rs.questions) {
		return nil, fmt.Errorf("answers for %d questions; the rule set has %d", len(doc.Answers), len(rs.questions))
	}
	e, err := rs.epochFor(asOf)
	if err != nil {
		return nil, err
	}
	ev := evaluation{rs: rs, a: doc.Answers, params: rs.epochs[e].params, epoch: e,
		trace: make([]TraceStep, 0, rs.RuleCount())}
	ev.run()
	r := &Result{
		Questionnaire: QuestionnaireRef{ID: rs.id, Version: rs.version, Effective: rs.effective, AsOf: asOf},
		Verdict:       verdictNames[ev.verdict],
		Summary:       rs.texts.Verdicts[string(verdictNames[ev.verdict])],
		AnswersSHA256: rs.Fingerprint(doc),
	}
	ev.subcategories(r)
	ev.licence(r)
	ev.requirements(r)
	ev.process(r)
	ev.pivotal(r)
	ev.regimesAndNotes(r)
	ev.openQuestions(r)
	r.Trace = ev.trace
	r.Sources = rs.cited(r)
	return r, nil
}

// evaluation holds the state of one Evaluate call.
type evaluation struct {
	rs     *RuleSet
	a      Answers
	params []ParamValue
	epoch  int

	sp space
	// verdictOuts are the outcomes of the verdict rules (verdictConds) on
	// the answers as given.
	verdictOuts []Tri
	// strs is where lists of ids made for this result are cut from, one
	// allocation for many small lists.
	strs      []string
	verdict   int
	gateFails bool // in every completion
	trace     []TraceStep
	// open lists the parts of the result an unanswered key leaves open, in
	// the order found.
	open []openPart
}

func (ev *evaluation) run() {
	rs := ev.rs
	// The verdict and sub-category strengths over every completion of the
	// unanswered verdict keys. When three-valued evaluation already settles
	// everything, the single evaluation stands for all completions.
	ev.verdictOuts = make([]Tri, len(rs.verdictConds))
	rs.verdictOutcomes(ev.a, ev.params, nil, ev.verdictOuts)
	var more []uint32
	if rs.morePlanes > 0 {
		more = make([]uint32, rs.morePlanes)
	}
	if code, ok := rs.codeOf(ev.verdictOuts, more); ok {
		ev.sp = settledSpace(code, more)
	} else {
		ev.sp = rs.enumerate(ev.a, ev.params, ev.verdictOuts)
	}
	ev.verdict = only(ev.sp.set(verdictField))
	if ev.verdict < 0 {
		ev.verdict = vUndetermined
	}
	ev.gateFails = ev.sp.set(gateField) == 1<<1
}

// openPart is a part of the result (c.part) an unanswered key leaves open.
type openPart struct {
	key  int
	part string
}

// names returns a list of n ids to fill, cut from ev.strs. Its capacity is
// n, so appending to it never writes over another list.
func (ev *evaluation) names(n int) []string {
	if n == 0 {
		return []string{} // a list in the result, never null
	}
	if len(ev.strs)+n > cap(ev.strs) {
		ev.strs = make([]string, 0, max(n, 16))
	}
	l := ev.strs[len(ev.strs) : len(ev.strs)+n : len(ev.strs)+n]
	ev.strs = ev.strs[:len(ev.strs)+n]
	return l
}

// step evaluates a rule's condition and records it in the trace.
func (ev *evaluation) step(id, kind string, c *Cond) Tri {
	return ev.record(id, kind, c, c.eval(ev.a, ev.params))
}

// record adds a rule's outcome to the trace.
func (ev *evaluation) record(id, kind string, c *Cond, out Tri) Tri {
	ev.trace = append(ev.trace, TraceStep{Rule: id, Kind: kind, Outcome: out, Answers: c.read})
	return out
}

// why names the answer keys that decided c's outcome out. When they are all
// the keys c reads, as they mostly are, the rule's own list is shared; a
// condition of only "all" and "not" that holds was decided by every key it
// reads, which needs no second look.
func (ev *evaluation) why(c *Cond, out Tri) []string {
	if out == True && c.flat {
		return c.read
	}
	var buf [32]int
	keys := c.why(ev.a, ev.params, buf[:0])
	if len(keys) == len(c.read) {
		same := true
		for i, k := range keys {
			same = same && ev.rs.questions[k].ID == c.read[i]
		}
		if same {
			return c.read
		}
	}
	names := ev.names(len(keys))
	for i, k := range keys {
		names[i] = ev.rs.questions[k].ID
	}
	return names
}

func (ev *evaluation) subcategories(r *Result) {
	rs := ev.rs
	r.Exclusions = []Finding{}
	verdictOuts := ev.verdictOuts // the gates', then each sub-category's rules'
	for i := range rs.gates {
		g := &rs.gates[i]
		if ev.record(g.ID, "gate", g.When, verdictOuts[i]) == True {
			r.Exclusions = append(r.Exclusions, ev.finding(g, ev.why(g.When, True)))
		}
	}
	verdictOuts = verdictOuts[len(rs.gates):]
	found := make([]SubcategoryResult, 0, len(rs.subcategories))
	for i := range rs.subcategories {
		s := &rs.subcategories[i]
		outs := verdictOuts[:len(s.Rules)]
		verdictOuts = verdictOuts[len(s.Rules):]
		for j := range s.Rules {
			ev.record(s.Rules[j].ID, "subcategory", s.Rules[j].When, outs[j])
		}
		set := ev.sp.strengths(i)
		if set&^1 == 0 { // none in every completion
			continue
		}
		strongest := 1
		if set&(1<<2) != 0 {
			strongest = 2
		}
		sr := SubcategoryResult{ID: s.ID, Name: s.Name, Strength: Strengths[2-strongest], Settled: only(set) >= 0,
			DependsOn: []string{}, Confidence: s.Confidence, Footing: s.Footing}
		if !sr.Settled {
			n := 0
			for j := range ev.sp.keys {
				if ev.sp.strengthMatters(j, i) {
					n++
				}
			}
			sr.DependsOn = ev.names(n)[:0]
			for j, k := range ev.sp.keys {
				if ev.sp.strengthMatters(j, i) {
					sr.DependsOn = append(sr.DependsOn, rs.questions[k].ID)
				}
			}
		}
		// The reasons: the rules that hold, then those still open; for a
		// settled match only the rules of its strength, and the open ones
		// only when none holds.
		var pick [16]int
		picked := pick[:0]
		for _, want := range []Tri{True, Unknown} {
			for j := range s.Rules {
				if outs[j] == want && (!sr.Settled || s.Rules[j].Strength == sr.Strength) {
					picked = append(picked, j)
				}
			}
			if sr.Settled && len(picked) > 0 {
				break
			}
		}
		sr.Reasons = make([]Reason, len(picked))
		for n, j := range picked {
			rule := &s.Rules[j]
			sr.Reasons[n] = Reason{Rule: rule.ID, Outcome: outs[j], Text: rule.texts[ev.epoch], Answers: ev.why(rule.When, outs[j]),
				Basis: rule.cited.ids[ev.epoch], Citations: rule.cited.refs[ev.epoch], Confidence: rule.Confidence, Footing: rule.Footing}
		}
		found = append(found, sr)
	}
	r.Subcategories, r.OpenSubcategories, r.IfOperated = []SubcategoryResult{}, []SubcategoryResult{}, []SubcategoryResult{}
	r.MissingElements = []MissingElements{}
	if ev.verdict == vUnlikely && len(r.Exclusions) == 0 {
		ev.missing(r)
	}
	if ev.gateFails {
		r.IfOperated = found
		return
	}
	r.considered = found
	settled := 0
	for _, s := range found {
		if s.Settled {
			settled++
		}
	}
	// One array for both lists; the first list's capacity ends where the
	// second begins.
	both := make([]SubcategoryResult, 0, len(found))
	r.Subcategories, r.OpenSubcategories = both[:0:settled], both[settled:settled]
	for _, s := range found {
		if s.Settled {
			r.Subcategories = append(r.Subcategories, s)
		} else {
			r.OpenSubcategories = append(r.OpenSubcategories, s)
		}
	}
}

// missing lists, for an unlikely verdict no gate explains, what each
// sub-category needs and the answers rule out, so that the verdict always
// says why.
func (ev *evaluation) missing(r *Result) {
	rs := ev.rs
	for i := range rs.subcategories {
		s := &rs.subcategories[i]
		m := MissingElements{ID: s.ID, Name: s.Name, Elements: []MissingElement{}, Basis: s.cited.ids[ev.epoch], Citations: s.cited.refs[ev.epoch]}
		for _, e := range s.Elements {
			if e.When.eval(ev.a, ev.params) == False {
				m.Elements = append(m.Elements, MissingElement{ID: e.ID, Text: e.Absent, Answers: ev.why(e.When, False)})
			}
		}
		if len(m.Elements) > 0 {
			r.MissingElements = append(r.MissingElements, m)
		}
	}
}

func (ev *evaluation) finding(rule *Rule, why []string) Finding {
	return Finding{ID: rule.ID, Text: rule.texts[ev.epoch], Answers: why, Basis: rule.cited.ids[ev.epoch], Citations: rule.cited.refs[ev.epoch], Confidence: rule.Confidence, Footing: rule.Footing}
}

// affects records that an unanswered key leaves part of the result open:
// the part the rule decides (c.part, set at load: "requirements.staff").
func (ev *evaluation) affects(c *Cond, out Tri) {
	if out != Unknown {
		return
	}
	if ev.open == nil {
		ev.open = make([]openPart, 0, 16)
	}
	var buf [32]int
	for _, k := range c.why(ev.a, ev.params, buf[:0]) {
		if !ev.a[k].Known && !slices.Contains(ev.open, openPart{k, c.part}) {
			ev.open = append(ev.open, openPart{k, c.part})
		}
	}
}

func (ev *evaluation) licence(r *Result) {
	rs := ev.rs
	lic := Licence{Category: rs.category, Basis: []string{}, Citations: []CitationRef{}}
	if pi, ok := rs.paramIndex["validity_years"]; ok {
		lic.ValidityYears = ev.params[pi].Value
	}
	cov := ev.step(rs.existing.ID, "existing_licence", rs.existing.When)
	r.CoveredByExistingLicence = cov == True
	r.ExistingLicence = [...]Coverage{CoverageDoesNotCover, CoverageUnknown, CoverageCovers}[cov]
	for i := range rs.scopes {
		s := &rs.scopes[i]
		out := ev.step(s.ID, "scope", s.When)
		if ev.verdict == vUnlikely {
			continue
		}
		ev.affects(s.When, out)
		if out != True || lic.Scope != nil {
			continue
		}
		// The values the licence points to, in one allocation.
		vals := &struct {
			scope     string
			authority Text
			capital   float64
		}{scope: s.Scope, authority: ev.variant(s.Authority)}
		lic.Scope, lic.Title, lic.Authority = &vals.scope, &s.Licence, &vals.authority
		if p := ev.params[s.minCapital]; p.Set {
			vals.capital = p.Value
			lic.MinRegisteredCapitalCNY = &vals.capital
		}
		lic.Basis, lic.Citations = s.cited.ids[ev.epoch], s.cited.refs[ev.epoch]
	}
	if ev.verdict != vUnlikely {
		ev.affects(rs.existing.When, cov)
		if lic.Scope == nil {
			lic.Authority = &rs.scopeUnknown
			if len(rs.texts.ScopeUnknownVariants) > 0 {
				t := ev.variant(rs.texts.ScopeUnknownVariants)
				lic.Authority = &t
			}
		}
	}
	r.Licence = lic
}

// variant picks the first text whose condition holds and fills in answers.
// A condition left open by unanswered keys leaves open the part of the
// result it belongs to (the authority), where it names one.
func (ev *evaluation) variant(vs []Variant) Text {
	for _, v := range vs {
		out := True
		if v.When != nil {
			out = v.When.eval(ev.a, ev.params)
			if out == Unknown && v.When.part != "" {
				ev.affects(v.When, out)
			}
		}
		if out == True {
			t := v.texts[ev.epoch]
			if v.fillKey == noFill {
				return t
			}
			if v.fillKey >= 0 {
				if a := ev.a[v.fillKey]; a.Known && a.Set != 0 && a.Set&(a.Set-1) == 0 {
					return v.filled[ev.epoch][bits.TrailingZeros64(a.Set)]
				}
			}
			return Text{Zh: ev.fillAnswers(t.Zh, "zh"), En: ev.fillAnswers(t.En, "en")}
		}
	}
	return Text{}
}

// fillAnswers replaces {question.zh|en|full} with the label of the enum
// answer; a placeholder without a known answer stays as it is.
func (ev *evaluation) fillAnswers(s, lang string) string {
	return expand(s, func(whole string, p placeholder) string {
		k, ok := ev.rs.questionIndex[p.name]
		if !ok || p.suffix == "" {
			return whole
		}
		q, v := &ev.rs.questions[k], ev.a[k]
		for i, c := range q.Choices {
			if v.Known && v.Set == 1<<i {
				if p.suffix == "full" {
					if c.Full != "" {
						return c.Full
					}
					return c.Label.Zh
				}
				return c.Label.In(p.suffix)
			}
		}
		return whole
	})
}

func (ev *evaluation) requirements(r *Result) {
	rs := ev.rs
	r.Requirements = make([]RequirementResult, 0, len(rs.requirements))
	for i := range rs.requirements {
		req := &rs.requirements[i]
		out := ev.step(req.ID, "requirement", req.MetWhen)
		if ev.verdict == vUnlikely {
			continue
		}
		if out == False && req.UnknownWhen != nil && req.UnknownWhen.eval(ev.a, ev.params) != False {
			out = Unknown
		}
		// Every key the condition reads: its text may turn on one that did
		// not decide the status (the foreign share under no cap).
		why := req.MetWhen.read
		ev.affects(req.MetWhen, out)
		r.Requirements = append(r.Requirements, RequirementResult{
			ID: req.ID, Name: req.Name, Status: [...]Status{StatusUnmet, StatusUnknown, StatusMet}[out], Text: ev.variant(req.Variants),
			Answers: why, Basis: req.cited.ids[ev.epoch], Citations: req.cited.refs[ev.epoch], Confidence: req.Confidence, Footing: req.Footing,
		})
	}
}

func (ev *evaluation) process(r *Result) {
	if ev.verdict == vUnlikely {
		r.Process = []ProcessResult{}
		return
	}
	r.Process = append([]ProcessResult(nil), ev.rs.epochs[ev.epoch].process...)
}

func (ev *evaluation) pivotal(r *Result) {
	rs := ev.rs
	r.PivotalQuestions = []Pivotal{}
	if ev.verdict != vUndetermined {
		return
	}
	r.PivotalQuestions = make([]Pivotal, 0, len(ev.sp.keys))
	for j, k := range ev.sp.keys {
		if !ev.sp.matters(j, verdictBits) {
			continue
		}
		q := &rs.questions[k]
		examples := rs.domains[k].examples
		p := Pivotal{Key: q.ID, Question: q.Title, Why: q.Pivot, LeadsTo: make([]LeadTo, 0, len(examples))}
		constrained := rs.constrains(k)
		for _, ex := range examples {
			set := ev.sp.verdictsWhere(j, ex.class)
			if set == 0 && !constrained {
				continue
			}
			v := only(set)
			if constrained {
				// Answered, the key lifts its own constraint: an explicit
				// answer stands, so what it leads to is what a document
				// with that answer gives.
				a := slices.Clone(ev.a)
				a[k] = ex.value
				v = rs.outcomeOf(a, ev.epoch).verdict
			}
			if v < 0 {
				v = vUndetermined
			}
			p.LeadsTo = append(p.LeadsTo, LeadTo{Answer: ex.answer, Label: ex.label, Verdict: verdictNames[v]})
		}
		r.PivotalQuestions = append(r.PivotalQuestions, p)
	}
	// Questions whose answer alone settles the verdict come first: they are
	// the ones to ask; the rest matter only together with others.
	slices.SortStableFunc(r.PivotalQuestions, func(a, b Pivotal) int {
		return settling(b) - settling(a)
	})
}

// settling counts the answers to a pivotal question that settle the verdict.
func settling(p Pivotal) int {
	n := 0
	for _, l := range p.LeadsTo {
		if l.Verdict != verdictNames[vUndetermined] {
			n++
		}
	}
	return n
}

func (ev *evaluation) regimesAndNotes(r *Result) {
	rs := ev.rs
	var outsBuf [32]Tri
	outs := outsBuf[:0]
	listed := 0
	for i := range rs.regimes {
		g := &rs.regimes[i]
		out := ev.step(g.ID, "regime", g.When)
		ev.affects(g.When, out)
		outs = append(outs, out)
		if out != False {
			listed++
		}
	}
	r.RelatedRegimes, r.Notes = make([]RegimeResult, 0, listed), []Finding{}
	for i, out := range outs {
		g := &rs.regimes[i]
		if out == False {
			continue
		}
		why := ev.why(g.When, out)
		status := [...]RegimeStatus{Unknown: RegimeUnknown, True: RegimeTriggered}[out]
		// Whose duty: the regime binds whoever operates the service when
		// the company does not (B22.md section 4); open while that is.
		if out == True && g.CustomerWhen != nil {
			switch cw := g.CustomerWhen.eval(ev.a, ev.params); cw {
			case True:
				status = RegimeCustomer
				why = mergeKeys(why, ev.why(g.CustomerWhen, cw))
			case Unknown:
				status = RegimeUnknown
				ev.affects(g.CustomerWhen, cw)
				why = mergeKeys(why, ev.why(g.CustomerWhen, cw))
			}
		}
		r.RelatedRegimes = append(r.RelatedRegimes, RegimeResult{ID: g.ID, Name: g.Name, Status: status,
			Text: g.texts[ev.epoch], Because: why, Basis: g.cited.ids[ev.epoch], Citations: g.cited.refs[ev.epoch], Confidence: g.Confidence})
	}
	ev.inferences(r)
	for i := range rs.notes {
		n := &rs.notes[i]
		if ev.step(n.ID, "note", n.When) == True {
			r.Notes = append(r.Notes, ev.finding(n, ev.why(n.When, True)))
		}
	}
}

// mergeKeys is a followed by the keys of b it lacks; a itself when b adds
// none (it may be shared with the rule set, so it is never appended to).
func mergeKeys(a, b []string) []string {
	var out []string
	for _, k := range b {
		if !slices.Contains(a, k) && !slices.Contains(out, k) {
			out = append(out, k)
		}
	}
	if len(out) == 0 {
		return a
	}
	return append(slices.Clone(a), out...)
}

// openQuestions lists, in question order, each unanswered key that leaves
// part of the result open, but for the pivotal ones, listed already.
func (ev *evaluation) openQuestions(r *Result) {
	r.OpenQuestions = []OpenQuestion{}
	if len(ev.open) == 0 {
		return
	}
	slices.SortStableFunc(ev.open, func(a, b openPart) int { return a.key - b.key })
	pivotal := func(id string) bool {
		for _, p := range r.PivotalQuestions {
			if p.Key == id {
				return true
			}
		}
		return false
	}
	keys := 1
	for i := 1; i < len(ev.open); i++ {
		if ev.open[i].key != ev.open[i-1].key {
			keys++
		}
	}
	r.OpenQuestions = make([]OpenQuestion, 0, keys)
	for i := 0; i < len(ev.open); {
		k, j := ev.open[i].key, i
		for j < len(ev.open) && ev.open[j].key == k {
			j++
		}
		if q := &ev.rs.questions[k]; !pivotal(q.ID) {
			parts := ev.names(j - i)
			for n := range parts {
				parts[n] = ev.open[i+n].part
			}
			r.OpenQuestions = append(r.OpenQuestions, OpenQuestion{Key: q.ID, Question: q.Title, Affects: parts})
		}
		i = j
	}
}

// cited lists, in sources.yaml order, every source the result cites.
func (rs *RuleSet) cited(r *Result) []SourceRef {
	// One bit per source; a basis list the rule set holds has its bits
	// ready (basisSources), any other is looked up id by id.
	var small [1]uint64
	used := small[:]
	if n := len(rs.sources); n > 64 {
		used = make([]uint64, (n+63)/64)
	}
	mark := func(ids []string) {
		if rs.sourceBits {
			if b, ok := rs.basisSources.Get(storage.Slice(ids)); ok {
				used[0] |= b
				return
			}
		}
		for _, id := range ids {
			i := rs.sourceIndex[id]
			used[i/64] |= 1 << (i % 64)
		}
	}
	for _, list := range [...][]SubcategoryResult{r.Subcategories, r.OpenSubcategories, r.IfOperated} {
		for _, s := range list {
			for _, reason := range s.Reasons {
				mark(reason.Basis)
			}
		}
	}
	for _, list := range [...][]Finding{r.Exclusions, r.Notes} {
		for _, f := range list {
			mark(f.Basis)
		}
	}
	for _, m := range r.MissingElements {
		mark(m.Basis)
	}
	for _, rt := range r.Routes {
		mark(rt.Basis)
	}
	mark(r.Licence.Basis)
	for _, q := range r.Requirements {
		mark(q.Basis)
	}
	for _, p := range r.Process {
		mark(p.Basis)
	}
	for _, g := range r.RelatedRegimes {
		mark(g.Basis)
	}
	n := 0
	for _, u := range used {
		n += bits.OnesCount64(u)
	}
	out := make([]SourceRef, 0, n)
	for i := range rs.sources {
		if used[i/64]&(1<<(i%64)) != 0 {
			out = append(out, rs.shared.Sources[i])
		}
	}
	return out
}

// ProcessTexts are the facts about applying for and holding the licence
// (texts.yaml `process`), as a result lists them on asOf: the parameters
// in force filled in, and the editions in force cited.
func (rs *RuleSet) ProcessTexts(asOf Date) ([]ProcessResult, error) {
	e, err := rs.epochFor(asOf)
	if err != nil {
		return nil, err
	}
	return append([]ProcessResult(nil), rs.epochs[e].process...), nil
}

// Cite writes a citation out as results give it, for a presenter showing
// a rule-set text (a sub-category's definition) beside a result.
func (rs *RuleSet) Cite(c Citation) CitationRef {
	if src := rs.Source(c.Source); src != nil {
		return c.ref(src)
	}
	return CitationRef{Source: c.Source, Text: Text{Zh: c.Source, En: c.Source}}
}

// ref is the source as results list it.
func (s *Source) ref() SourceRef {
	return SourceRef{ID: s.ID, Title: s.Title, TitleEn: s.TitleEn, URL: s.URL, Date: s.Date, Reprint: s.Reprint, Links: s.Links}
}
