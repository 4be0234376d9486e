package classify

import (
	"b22/classify/internal/jsonw"
	"fmt"
	"slices"
	"sort"
	"strings"
)

// epoch is a span of dates over which every parameter keeps one value.
type epoch struct {
	from   Date
	params []ParamValue
	// process is what results list under process on these dates.
	process []ProcessResult
}

// finish derives what evaluation needs from the checked data: parameter
// epochs, texts rendered for each epoch, and the answer domains the verdict
// is enumerated over. It also checks what needs the whole rule set at once.
func (l *loader) finish() {
	rs := l.rs
	c := collector{file: fileParameters, ps: &l.ps}
	dates := map[Date]bool{}
	for _, p := range rs.parameters {
		if rs.appliesFrom.Before(p.Values[0].From) {
			c.add(pos{}, "parameters."+p.ID, CodeRuleValue, "no value on %s, the applies_from date of the rule set", rs.appliesFrom)
		}
		for _, v := range p.Values {
			if !v.From.Before(rs.appliesFrom) {
				dates[v.From] = true
			}
		}
	}
	// A source cited only while in force starts or ends a span of dates
	// on which results cite differently.
	for _, src := range rs.sources {
		for _, d := range []Date{src.InForce.From, src.InForce.Until.next()} {
			if !d.IsZero() && rs.appliesFrom.Before(d) {
				dates[d] = true
			}
		}
	}
	rs.eachDated(func(later []DatedText) {
		for _, t := range later {
			if rs.appliesFrom.Before(t.From) {
				dates[t.From] = true
			}
		}
	})
	dates[rs.appliesFrom] = true
	for d := range dates {
		rs.epochs = append(rs.epochs, epoch{from: d})
	}
	sort.Slice(rs.epochs, func(i, j int) bool { return rs.epochs[i].from.Before(rs.epochs[j].from) })
	for e := range rs.epochs {
		for _, p := range rs.parameters {
			var v ParamValue
			for _, pv := range p.Values {
				if !rs.epochs[e].from.Before(pv.From) {
					v = pv
				}
			}
			rs.epochs[e].params = append(rs.epochs[e].params, v)
		}
	}
	l.checkBasesInForce()
	l.renderTexts()
	l.citeAll()
	for e := range rs.epochs {
		ps := make([]ProcessResult, len(rs.texts.Process))
		for i, p := range rs.texts.Process {
			ps[i] = ProcessResult{ID: p.ID, Name: p.Name, Text: p.texts[e], Basis: p.cited.ids[e], Citations: p.cited.refs[e]}
		}
		rs.epochs[e].process = ps
	}
	l.checkAskWhen()
	l.sortForCanonical()
	rs.sectionAsk = make([]*Cond, len(rs.questions))
	for i, q := range rs.questions {
		for _, sec := range rs.sections {
			if sec.ID == q.Section {
				rs.sectionAsk[i] = sec.AskWhen
			}
		}
	}
	for _, c := range rs.allConds() {
		c.flat = c.isFlat()
		c.read = make([]string, 0, 4)
		for _, k := range c.keys(nil) {
			c.read = append(c.read, rs.questions[k].ID)
		}
	}
	if len(l.ps) == 0 {
		l.buildDomains()
		l.buildLeverDomains()
		l.prepareFills()
		l.prepareShared()
	}
}

// checkBasesInForce refuses a basis that cites no source in force on some
// date the rule set answers for: an edition cited only while in force needs
// its predecessor or successor beside it.
func (l *loader) checkBasesInForce() {
	for _, b := range l.bases {
		for _, ep := range l.rs.epochs {
			if !slices.ContainsFunc(b.cites, func(c Citation) bool {
				src := l.rs.Source(c.Source)
				return src == nil || src.InForce.Holds(ep.from)
			}) {
				b.d.bad(b.n, b.key, CodeRuleCitation, "cites no source in force on %s; cite the edition in force then too", ep.from)
				break
			}
		}
	}
}

// renderTexts fills each text's per-epoch renderings, checking placeholders.
func (l *loader) renderTexts() {
	rs := l.rs
	render := func(file, key string, t Text, later []DatedText) []Text {
		out := make([]Text, len(rs.epochs))
		for e := range rs.epochs {
			te := t
			for _, d := range later {
				if !rs.epochs[e].from.Before(d.From) {
					te = d.Text
				}
			}
			out[e] = Text{Zh: l.fill(file, key, te.Zh, "zh", e), En: l.fill(file, key, te.En, "en", e)}
		}
		return out
	}
	for i := range rs.gates {
		rs.gates[i].texts = render(fileRules, "gates."+rs.gates[i].ID, rs.gates[i].Text, rs.gates[i].Later)
	}
	for i := range rs.subcategories {
		for j := range rs.subcategories[i].Rules {
			r := &rs.subcategories[i].Rules[j]
			r.texts = render(fileRules, "subcategories."+r.ID, r.Text, r.Later)
		}
	}
	for i := range rs.scopes {
		for j := range rs.scopes[i].Authority {
			v := &rs.scopes[i].Authority[j]
			v.texts = render(fileRules, "scopes."+rs.scopes[i].ID+".authority", v.Text, v.Later)
		}
	}
	rs.existing.texts = render(fileRules, "existing_licence", rs.existing.Text, rs.existing.Later)
	for i := range rs.requirements {
		for j := range rs.requirements[i].Variants {
			v := &rs.requirements[i].Variants[j]
			v.texts = render(fileRules, "requirements."+rs.requirements[i].ID, v.Text, v.Later)
		}
	}
	for i := range rs.regimes {
		rs.regimes[i].texts = render(fileRules, "regimes."+rs.regimes[i].ID, rs.regimes[i].Text, rs.regimes[i].Later)
	}
	for i := range rs.notes {
		rs.notes[i].texts = render(fileRules, "notes."+rs.notes[i].ID, rs.notes[i].Text, rs.notes[i].Later)
	}
	for i := range rs.constraints {
		c := &rs.constraints[i]
		c.texts = render(fileRules, "constraints."+c.ID, c.Text, c.Later)
	}
	for i := range rs.routes {
		r := &rs.routes[i]
		r.texts = render(fileRules, "routes."+r.ID, r.Text, r.Later)
		r.titles = render(fileRules, "routes."+r.ID+".title", r.Title, r.TitleLater)
		r.caveats = render(fileRules, "routes."+r.ID+".caveats", r.Caveats, r.CaveatsLater)
	}
	for i := range rs.texts.ScopeUnknownVariants {
		v := &rs.texts.ScopeUnknownVariants[i]
		v.texts = render(fileTexts, "scope_unknown", v.Text, v.Later)
	}
	for i := range rs.texts.Process {
		p := &rs.texts.Process[i]
		p.texts = render(fileTexts, "process."+p.ID, p.Text, p.Later)
	}
}

// prepareFills fills in, for each variant text that names the answer to
// one enum question, the text for every answer, so that Evaluate picks one
// instead of filling it in. The same fillAnswers makes them.
func (l *loader) prepareFills() {
	rs := l.rs
	prepare := func(v *Variant) {
		v.fillKey = noFill
		for _, t := range v.texts {
			for _, s := range []string{t.Zh, t.En} {
				for _, p := range placeholders(s) {
					k, ok := rs.questionIndex[p.name]
					switch {
					case !ok || p.suffix == "":
					case v.fillKey == noFill:
						v.fillKey = k
					case v.fillKey != k:
						v.fillKey = fillMany
					}
				}
			}
		}
		if v.fillKey < 0 {
			return
		}
		q := &rs.questions[v.fillKey]
		ev := evaluation{rs: rs, a: make(Answers, len(rs.questions))}
		v.filled = make([][]Text, len(v.texts))
		for e, t := range v.texts {
			v.filled[e] = make([]Text, len(q.Choices))
			for c := range q.Choices {
				ev.a[v.fillKey] = Value{Known: true, Set: 1 << c}
				v.filled[e][c] = Text{Zh: ev.fillAnswers(t.Zh, "zh"), En: ev.fillAnswers(t.En, "en")}
			}
		}
	}
	for _, v := range rs.variants() {
		prepare(v)
	}
}

// variants lists every variant text: the scopes' authorities and the
// requirements' texts.
func (rs *RuleSet) variants() []*Variant {
	var out []*Variant
	for i := range rs.scopes {
		for j := range rs.scopes[i].Authority {
			out = append(out, &rs.scopes[i].Authority[j])
		}
	}
	for i := range rs.requirements {
		for j := range rs.requirements[i].Variants {
			out = append(out, &rs.requirements[i].Variants[j])
		}
	}
	for i := range rs.texts.ScopeUnknownVariants {
		out = append(out, &rs.texts.ScopeUnknownVariants[i])
	}
	return out
}

// fill replaces {param} placeholders with the parameter's value in epoch e.
// {question.zh|en|full} stay for Evaluate, which knows the answer.
func (l *loader) fill(file, key, s, lang string, e int) string {
	rs := l.rs
	return expand(s, func(whole string, p placeholder) string {
		pi, isParam := rs.paramIndex[p.name]
		switch {
		case isParam && p.suffix == "":
			return formatParam(rs.parameters[pi].Unit, rs.epochs[e].params[pi], lang)
		case isParam && p.suffix == "bare":
			// An amount as a statute words it: 10万元, not 人民币10万元.
			if v := rs.epochs[e].params[pi]; rs.parameters[pi].Unit == "cny" && v.Set {
				return strings.TrimPrefix(formatParam("cny", v, lang), "人民币")
			}
			if e == 0 || rs.parameters[pi].Unit == "cny" && rs.epochs[e-1].params[pi].Set {
				collector{file: file, ps: &l.ps}.add(pos{}, key, CodeRuleReference, "%s needs a money parameter with a value on every date; %s has none from %s", whole, p.name, rs.epochs[e].from)
			}
			return whole
		case p.suffix != "":
			if q := rs.Question(p.name); q != nil && q.Type == TypeEnum {
				return whole
			}
		}
		if e == 0 {
			collector{file: file, ps: &l.ps}.add(pos{}, key, CodeRuleReference, "unknown placeholder %s; use a parameter id, {money_parameter.bare} or {enum_question.zh|en|full}", whole)
		}
		return whole
	})
}

// checkAskWhen refuses a question whose ask_when reads itself or a later
// question: the interview asks in order, so the condition must be decidable
// from what was asked before.
func (l *loader) checkAskWhen() {
	c := collector{file: fileQuestions, ps: &l.ps}
	for i, q := range l.rs.questions {
		for _, k := range q.AskWhen.keys(nil) {
			if k >= i {
				c.add(q.pos, "questions."+q.ID+".ask_when", CodeRuleReference, "reads %q, which is not asked before it", l.rs.questions[k].ID)
			}
		}
	}
	for _, s := range l.rs.sections {
		first := len(l.rs.questions)
		for i, q := range l.rs.questions {
			if q.Section == s.ID && i < first {
				first = i
			}
		}
		for _, k := range s.AskWhen.keys(nil) {
			if k >= first {
				c.add(pos{}, "sections."+s.ID+".ask_when", CodeRuleReference, "reads %q, which is not asked before the section", l.rs.questions[k].ID)
			}
		}
	}
}

// Covers returns an error wrapping ErrAsOf when the rule set cannot
// classify as of d: a date before it applies.
func (rs *RuleSet) Covers(d Date) error {
	_, err := rs.epochFor(d)
	return err
}

// epochFor returns the index of the parameter values in force on d.
func (rs *RuleSet) epochFor(d Date) (int, error) {
	if d.Before(rs.appliesFrom) {
		return 0, fmt.Errorf("%w: the rule set covers %s onwards; %s is earlier", ErrAsOf, rs.appliesFrom, d)
	}
	e := 0
	for i, ep := range rs.epochs {
		if !d.Before(ep.from) {
			e = i
		}
	}
	return e, nil
}

// sortForCanonical orders questions and choices by id once, so Canonical
// writes sorted keys without sorting each time.
func (l *loader) sortForCanonical() {
	rs := l.rs
	rs.canonicalOrder = make([]int, len(rs.questions))
	for i := range rs.canonicalOrder {
		rs.canonicalOrder[i] = i
	}
	sort.Slice(rs.canonicalOrder, func(a, b int) bool {
		return rs.questions[rs.canonicalOrder[a]].ID < rs.questions[rs.canonicalOrder[b]].ID
	})
	for qi := range rs.questions {
		q := &rs.questions[qi]
		q.sortedChoices = make([]int, len(q.Choices))
		for i := range q.sortedChoices {
			q.sortedChoices[i] = i
		}
		sort.Slice(q.sortedChoices, func(a, b int) bool { return q.Choices[q.sortedChoices[a]].ID < q.Choices[q.sortedChoices[b]].ID })
		q.keyJSON = append(jsonw.AppendString(nil, q.ID), ':')
		q.choiceJSON = make([][]byte, len(q.Choices))
		for i, c := range q.Choices {
			q.choiceJSON[i] = jsonw.AppendString(nil, c.ID)
		}
	}
}
