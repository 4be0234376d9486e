package classify

import (
	"errors"
	"fmt"
	"math/bits"
	"sort"
	"strings"
)

// ErrAsOf is returned for an as-of date the rule set does not cover.
var ErrAsOf = errors.New("date outside the rule set")

// Evaluate classifies a document with the rules in force on asOf. It is pure
// and deterministic: the same document and date give the same Result.
func (rs *RuleSet) Evaluate(doc *Document, asOf Date) (*Result, error) {
	if len(doc.Answers) != len(rs.Questions) {
		return nil, fmt.Errorf("answers for %d questions; the rule set has %d", len(doc.Answers), len(rs.Questions))
	}
	e, err := rs.epochFor(asOf)
	if err != nil {
		return nil, err
	}
	ev := evaluation{rs: rs, a: doc.Answers, params: rs.epochs[e].params, epoch: e,
		whyBuf: make([]int, 0, 16), trace: make([]TraceStep, 0, rs.RuleCount())}
	ev.run()
	r := &Result{
		Questionnaire: QuestionnaireRef{ID: rs.ID, Version: rs.Version, Effective: rs.Effective, AsOf: asOf},
		Verdict:       verdictNames[ev.verdict],
		Summary:       rs.Texts.Verdicts[verdictNames[ev.verdict]],
		AnswersSHA256: rs.Fingerprint(doc),
		enc:           &rs.enc,
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

	sp        space
	whyBuf    []int
	verdict   int
	gateFails bool // in every completion
	trace     []TraceStep
	// open lists, by question, the parts of the result an unanswered key
	// leaves open; nil until one does.
	open [][]string
}

func (ev *evaluation) run() {
	rs := ev.rs
	// The verdict and sub-category strengths over every completion of the
	// unanswered verdict keys. When three-valued evaluation already settles
	// everything, the single evaluation stands for all completions.
	if code, ok := rs.settledCode(ev.a, ev.params); ok {
		ev.sp = space{codes: []uint32{code}}
	} else {
		ev.sp = rs.enumerate(ev.a, ev.params)
	}
	ev.verdict = only(ev.sp.set(verdictField))
	if ev.verdict < 0 {
		ev.verdict = vUndetermined
	}
	ev.gateFails = ev.sp.set(gateField) == 1<<1
}

// step evaluates a rule's condition and records it in the trace.
func (ev *evaluation) step(id, kind string, c *Cond) Tri {
	out := c.eval(ev.a, ev.params)
	ev.trace = append(ev.trace, TraceStep{Rule: id, Kind: kind, Outcome: out, Answers: c.read, cond: c})
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
	keys := c.why(ev.a, ev.params, ev.whyBuf[:0])
	if len(keys) == len(c.read) {
		same := true
		for i, k := range keys {
			same = same && ev.rs.Questions[k].ID == c.read[i]
		}
		if same {
			return c.read
		}
	}
	names := make([]string, len(keys))
	for i, k := range keys {
		names[i] = ev.rs.Questions[k].ID
	}
	return names
}

func (ev *evaluation) subcategories(r *Result) {
	rs := ev.rs
	r.Exclusions = []Finding{}
	for i := range rs.Gates {
		g := &rs.Gates[i]
		if ev.step(g.ID, "gate", g.When) == True {
			r.Exclusions = append(r.Exclusions, ev.finding(g, ev.why(g.When, True)))
		}
	}
	var found []SubcategoryResult
	for i := range rs.Subcategories {
		s := &rs.Subcategories[i]
		var outsBuf [16]Tri
		outs := outsBuf[:0]
		for j := range s.Rules {
			outs = append(outs, ev.step(s.Rules[j].ID, "subcategory", s.Rules[j].When))
		}
		field := strengthField(i)
		set := ev.sp.set(field)
		if set&^1 == 0 { // none in every completion
			continue
		}
		strongest := 1
		if set&(1<<2) != 0 {
			strongest = 2
		}
		sr := SubcategoryResult{ID: s.ID, Name: s.Name, Strength: strengths[2-strongest], Settled: only(set) >= 0,
			DependsOn: []string{}, Confidence: s.Confidence, Footing: s.Footing, Reasons: []Reason{}}
		if !sr.Settled {
			for j, k := range ev.sp.keys {
				if ev.sp.matters(j, field) {
					sr.DependsOn = append(sr.DependsOn, rs.Questions[k].ID)
				}
			}
		}
		for _, want := range []Tri{True, Unknown} {
			for j := range s.Rules {
				rule := &s.Rules[j]
				if outs[j] != want || (sr.Settled && rule.Strength != sr.Strength) {
					continue
				}
				sr.Reasons = append(sr.Reasons, Reason{Rule: rule.ID, Outcome: outs[j], Text: rule.texts[ev.epoch], Answers: ev.why(rule.When, outs[j]),
					Basis: rule.Basis, Confidence: rule.Confidence, Footing: rule.Footing})
			}
			if sr.Settled && len(sr.Reasons) > 0 {
				break
			}
		}
		found = append(found, sr)
	}
	r.Subcategories, r.OpenSubcategories, r.IfOperated = []SubcategoryResult{}, []SubcategoryResult{}, []SubcategoryResult{}
	if ev.gateFails {
		r.IfOperated = append(r.IfOperated, found...)
		return
	}
	r.considered = found
	for _, s := range found {
		if s.Settled {
			r.Subcategories = append(r.Subcategories, s)
		} else {
			r.OpenSubcategories = append(r.OpenSubcategories, s)
		}
	}
}

func (ev *evaluation) finding(rule *Rule, why []string) Finding {
	return Finding{ID: rule.ID, Text: rule.texts[ev.epoch], Answers: why, Basis: rule.Basis, Confidence: rule.Confidence, Footing: rule.Footing}
}

// affects records that an unanswered key leaves part of the result open:
// the part the rule decides (c.part, set at load: "requirements.staff").
func (ev *evaluation) affects(c *Cond, out Tri) {
	if out != Unknown {
		return
	}
	if ev.open == nil {
		ev.open = make([][]string, len(ev.rs.Questions))
	}
	for _, k := range c.why(ev.a, ev.params, ev.whyBuf[:0]) {
		if !ev.a[k].Known && !contains(ev.open[k], c.part) {
			ev.open[k] = append(ev.open[k], c.part)
		}
	}
}

func (ev *evaluation) licence(r *Result) {
	rs := ev.rs
	lic := Licence{Category: strings.ToUpper(rs.ID), Basis: []string{}}
	if pi, ok := rs.paramIndex["validity_years"]; ok {
		lic.ValidityYears = ev.params[pi].Value
	}
	cov := ev.step(rs.Existing.ID, "existing_licence", rs.Existing.When)
	r.CoveredByExistingLicence = cov == True
	r.ExistingLicence = [...]string{"does_not_cover", "unknown", "covers"}[cov]
	for i := range rs.Scopes {
		s := &rs.Scopes[i]
		out := ev.step(s.ID, "scope", s.When)
		if ev.verdict == vUnlikely {
			continue
		}
		ev.affects(s.When, out)
		if out != True || lic.Scope != nil {
			continue
		}
		scope := s.Scope
		lic.Scope, lic.Title = &scope, &s.Licence
		auth := ev.variant(s.Authority)
		lic.Authority = &auth
		if p := ev.params[s.minCapital]; p.Set {
			v := p.Value
			lic.MinRegisteredCapitalCNY = &v
		}
		lic.Basis = s.Basis
	}
	if ev.verdict != vUnlikely {
		ev.affects(rs.Existing.When, cov)
		if lic.Scope == nil {
			t := rs.Texts.ScopeUnknown
			lic.Authority = &t
		}
	}
	r.Licence = lic
}

// variant picks the first text whose condition holds and fills in answers.
func (ev *evaluation) variant(vs []Variant) Text {
	for _, v := range vs {
		if v.When == nil || v.When.eval(ev.a, ev.params) == True {
			t := v.texts[ev.epoch]
			return Text{Zh: ev.fillAnswers(t.Zh, "zh"), En: ev.fillAnswers(t.En, "en")}
		}
	}
	return Text{}
}

// fillAnswers replaces {question.zh|en} with the label of the enum answer.
func (ev *evaluation) fillAnswers(s, lang string) string {
	if !strings.Contains(s, "{") {
		return s
	}
	return placeholderRE.ReplaceAllStringFunc(s, func(ph string) string {
		m := placeholderRE.FindStringSubmatch(ph)
		q := ev.rs.Question(m[1])
		if q == nil || m[3] == "" {
			return ph
		}
		v := ev.a[ev.rs.questionIndex[m[1]]]
		for i, c := range q.Choices {
			if v.Known && v.Set == 1<<i {
				if m[3] == "full" {
					if c.Full != "" {
						return c.Full
					}
					return c.Label.Zh
				}
				return c.Label.In(m[3])
			}
		}
		return ph
	})
}

func (ev *evaluation) requirements(r *Result) {
	rs := ev.rs
	r.Requirements = make([]RequirementResult, 0, len(rs.Requirements))
	for i := range rs.Requirements {
		req := &rs.Requirements[i]
		out := ev.step(req.ID, "requirement", req.MetWhen)
		if ev.verdict == vUnlikely {
			continue
		}
		// Every key the condition reads: its text may turn on one that did
		// not decide the status (the foreign share under no cap).
		why := req.MetWhen.read
		ev.affects(req.MetWhen, out)
		r.Requirements = append(r.Requirements, RequirementResult{
			ID: req.ID, Name: req.Name, Status: [...]string{"unmet", "unknown", "met"}[out], Text: ev.variant(req.Variants),
			Answers: why, Basis: req.Basis, Confidence: req.Confidence, Footing: req.Footing,
		})
	}
}

func (ev *evaluation) process(r *Result) {
	if ev.verdict == vUnlikely {
		r.Process = []ProcessResult{}
		return
	}
	r.Process = make([]ProcessResult, 0, len(ev.rs.Texts.Process))
	for _, p := range ev.rs.Texts.Process {
		r.Process = append(r.Process, ProcessResult{ID: p.ID, Name: p.Name, Text: p.texts[ev.epoch], Basis: p.Basis})
	}
}

func (ev *evaluation) pivotal(r *Result) {
	rs := ev.rs
	r.PivotalQuestions = []Pivotal{}
	if ev.verdict != vUndetermined {
		return
	}
	for j, k := range ev.sp.keys {
		if !ev.sp.matters(j, verdictField) {
			continue
		}
		q := &rs.Questions[k]
		p := Pivotal{Key: q.ID, Question: q.Title, Why: q.Pivot}
		for _, ex := range rs.domains[k].examples {
			v := only(ev.sp.setWhere(j, ex.class, verdictField))
			if v < 0 {
				v = vUndetermined
			}
			p.LeadsTo = append(p.LeadsTo, LeadTo{Answer: ex.answer, Label: ex.label, Verdict: verdictNames[v]})
		}
		r.PivotalQuestions = append(r.PivotalQuestions, p)
	}
	// Questions whose answer alone settles the verdict come first: they are
	// the ones to ask; the rest matter only together with others.
	sort.SliceStable(r.PivotalQuestions, func(i, j int) bool {
		return settling(r.PivotalQuestions[i]) > settling(r.PivotalQuestions[j])
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
	r.RelatedRegimes, r.Notes = make([]RegimeResult, 0, len(rs.Regimes)), []Finding{}
	for i := range rs.Regimes {
		g := &rs.Regimes[i]
		out := ev.step(g.ID, "regime", g.When)
		ev.affects(g.When, out)
		if out == False {
			continue
		}
		why := ev.why(g.When, out)
		r.RelatedRegimes = append(r.RelatedRegimes, RegimeResult{ID: g.ID, Status: [...]string{Unknown: "unknown", True: "triggered"}[out],
			Text: g.texts[ev.epoch], Because: why, Basis: g.Basis, Confidence: g.Confidence})
	}
	for i := range rs.Notes {
		n := &rs.Notes[i]
		if ev.step(n.ID, "note", n.When) == True {
			r.Notes = append(r.Notes, ev.finding(n, ev.why(n.When, True)))
		}
	}
}

func (ev *evaluation) openQuestions(r *Result) {
	r.OpenQuestions = []OpenQuestion{}
	pivotal := map[string]bool{}
	for _, p := range r.PivotalQuestions {
		pivotal[p.Key] = true
	}
	for k, q := range ev.rs.Questions {
		var parts []string
		if ev.open != nil {
			parts = ev.open[k]
		}
		if len(parts) == 0 || pivotal[q.ID] {
			continue
		}
		r.OpenQuestions = append(r.OpenQuestions, OpenQuestion{Key: q.ID, Question: q.Title, Affects: parts})
	}
}

// cited lists, in sources.yaml order, every source the result cites.
func (rs *RuleSet) cited(r *Result) []SourceRef {
	// One bit per source; a basis list the rule set holds has its bits
	// ready (encoded.basis), any other is looked up id by id.
	var small [1]uint64
	used := small[:]
	if n := len(rs.Sources); n > 64 {
		used = make([]uint64, (n+63)/64)
	}
	mark := func(ids []string) {
		if l, ok := rs.enc.lists.get(listKey(ids)); ok && l.hasSources {
			used[0] |= l.sources
			return
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
	for i := range rs.Sources {
		if used[i/64]&(1<<(i%64)) != 0 {
			out = append(out, rs.enc.sources[i])
		}
	}
	return out
}

// ProcessTexts are the facts about applying for and holding the licence
// (texts.yaml `process`), with the parameters in force on asOf filled in.
func (rs *RuleSet) ProcessTexts(asOf Date) ([]ProcessStep, error) {
	e, err := rs.epochFor(asOf)
	if err != nil {
		return nil, err
	}
	out := make([]ProcessStep, len(rs.Texts.Process))
	for i, p := range rs.Texts.Process {
		out[i] = ProcessStep{ID: p.ID, Name: p.Name, Text: p.texts[e], Basis: p.Basis}
	}
	return out, nil
}

// ref is the source as results list it.
func (s *Source) ref() SourceRef {
	return SourceRef{ID: s.ID, Title: s.Title, TitleEn: s.TitleEn, URL: s.URL, Date: s.Date, Reprint: s.Reprint}
}
