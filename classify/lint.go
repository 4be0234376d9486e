package classify

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"
)

// Lint checks what Load cannot see rule by rule: that every verdict,
// sub-category and rule can be reached by some answers, every question is
// asked on some path and matters to some rule, every requirement can be met
// and missed, every Chinese text is Chinese, every source is cited, and the
// ids the contract fixes are there. Each problem is located, as Load's are,
// where the data defines what it is about; one about the rule set as a
// whole names the file only. An empty result means the rule set is fit to
// ship.
func (rs *RuleSet) Lint() Problems {
	l := &linter{rs: rs, probes: rs.probeDomains()}
	l.verdicts()
	l.bothWays()
	l.questions()
	l.leftOpen()
	l.texts()
	l.sources()
	l.ps = append(l.ps, rs.lintContract()...)
	return l.ps.sorted()
}

// linter is one run of Lint: the rule set, the answer classes its checks
// try, and the problems found.
type linter struct {
	rs *RuleSet
	// probes are the classes of answers every condition of the rule set
	// tells apart, per question (see probeDomains).
	probes map[int]domain
	ps     Problems
}

func (l *linter) add(file string, at pos, key, format string, args ...any) {
	l.ps = append(l.ps, Problem{File: file, Line: at.Line, Col: at.Col, Key: key, Code: CodeLint, Message: fmt.Sprintf(format, args...)})
}

// reach is what the verdict rules can do over every completion of the
// verdict keys.
type reach struct {
	verdicts  uint32   // a bit per verdict some answers lead to
	strengths []uint32 // per sub-category, a bit per strength reached
	fired     []bool   // per verdict condition, whether some answers satisfy it
	// unexplained holds, per sub-category, answers that make the verdict
	// unlikely with no gate failing yet leave every element present.
	unexplained []Answers
}

// reachable evaluates the verdict rules over every completion. They read
// only the verdict keys, and the verdict's own domains already tell apart
// every answer that any of their leaves does: the finer probe domains
// would only repeat completions, as many times over as the other rules add
// thresholds. Each rule is evaluated once per completion.
func (l *linter) reachable() reach {
	rs := l.rs
	r := reach{strengths: make([]uint32, len(rs.subcategories)), fired: make([]bool, len(rs.verdictConds)),
		unexplained: make([]Answers, len(rs.subcategories))}
	outs := make([]Tri, len(rs.verdictConds))
	more := make([]uint32, rs.morePlanes)
	rs.forEach(rs.verdictKeys, rs.domains, func(a Answers, params []ParamValue) {
		rs.verdictOutcomes(a, params, nil, outs)
		code, _ := rs.codeOf(outs, more)
		if code&gateFailsBit == 0 && verdictField(code) == vUnlikely {
			for i, s := range rs.subcategories {
				if len(s.Elements) > 0 && r.unexplained[i] == nil && !slices.ContainsFunc(s.Elements, func(e Element) bool { return e.When.eval(a, params) == False }) {
					r.unexplained[i] = slices.Clone(a)
				}
			}
		}
		r.verdicts |= 1 << verdictField(code)
		for i := range rs.subcategories {
			r.strengths[i] |= 1 << strengthIn(i, code, more)
		}
		for i, o := range outs {
			if o == True {
				r.fired[i] = true
			}
		}
	})
	return r
}

// verdicts reports verdicts, sub-categories, strengths, rules and gates
// no answers reach, and sub-categories whose elements leave an unlikely
// verdict unexplained.
func (l *linter) verdicts() {
	rs := l.rs
	r := l.reachable()
	// verdictConds holds the gates, then every sub-category's rules.
	fired := map[string]bool{}
	i := 0
	for _, g := range rs.gates {
		fired[g.ID] = r.fired[i]
		i++
	}
	for _, s := range rs.subcategories {
		for _, rule := range s.Rules {
			fired[rule.ID] = r.fired[i]
			i++
		}
	}
	for v := vUnlikely; v <= vLikely; v++ {
		if r.verdicts&(1<<v) == 0 {
			l.add(fileRules, pos{}, "", "no answers lead to the verdict %q", verdictNames[v])
		}
	}
	for i, s := range rs.subcategories {
		key := "subcategories." + s.ID
		for st, name := range []Strength{"", StrengthPossible, StrengthLikely} {
			if name != "" && r.strengths[i]&(1<<st) == 0 && rs.hasStrength(s, name) {
				l.add(fileRules, s.at, key, "no answers make it %s", name)
			}
		}
		if r.strengths[i]&^1 == 0 {
			l.add(fileRules, s.at, key, "unreachable: no answers put a product in it")
		}
		for _, rule := range s.Rules {
			if !fired[rule.ID] {
				l.add(fileRules, rule.at, "subcategories."+rule.ID, "unreachable rule: no answers satisfy its condition")
			}
		}
		if r.unexplained[i] != nil {
			l.add(fileRules, s.at, key+".elements", "an unlikely verdict with every element present (%s): add the element these answers lack", rs.describeAnswers(r.unexplained[i]))
		}
	}
	for _, g := range rs.gates {
		if !fired[g.ID] {
			l.add(fileRules, g.at, "gates."+g.ID, "unreachable gate: no answers satisfy its condition")
		}
	}
}

// bothWays reports a rule outside the verdict that cannot come out both
// ways: one that never holds, or always does.
func (l *linter) bothWays() {
	rs := l.rs
	both := func(key string, c *Cond, what string) {
		seen, ok := rs.outcomesOf(c, l.probes)
		if !ok {
			l.add(fileRules, c.at, key, "reads too many answers to check exhaustively (over %d combinations); split the condition", maxCompletions)
			return
		}
		if seen&(1<<True) == 0 {
			l.add(fileRules, c.at, key, "no answers make it %s", what)
		}
		if seen&(1<<False) == 0 {
			l.add(fileRules, c.at, key, "no answers make it fail; it always holds")
		}
	}
	for _, r := range rs.requirements {
		both("requirements."+r.ID, r.MetWhen, "met")
	}
	for _, r := range rs.regimes {
		both("regimes."+r.ID, r.When, "trigger")
	}
	for _, r := range rs.regimes {
		if r.CustomerWhen != nil {
			both("regimes."+r.ID+".customer_when", r.CustomerWhen, "hold")
		}
	}
	for _, r := range rs.notes {
		both("notes."+r.ID, r.When, "hold")
	}
	for _, c := range rs.constraints {
		both("constraints."+c.ID, c.When, "hold")
	}
	for _, r := range rs.routes {
		both("routes."+r.ID, r.When, "offer")
	}
	for _, s := range rs.scopes {
		both("scopes."+s.ID, s.When, "hold")
	}
	both("existing_licence", rs.existing.When, "hold")
}

// questions reports a question never asked, read by no rule, or able to
// change the verdict without a pivot text saying why.
func (l *linter) questions() {
	rs := l.rs
	read := map[int]bool{}
	for _, c := range rs.allConds() {
		for _, k := range c.keys(nil) {
			read[k] = true
		}
	}
	sectionAsk := map[string]*Cond{}
	for _, s := range rs.sections {
		sectionAsk[s.ID] = s.AskWhen
	}
	verdictKeys := rs.questionIDsOf(rs.verdictKeys)
	for i, q := range rs.questions {
		key := "questions." + q.ID
		for _, c := range []*Cond{sectionAsk[q.Section], q.AskWhen} {
			if c == nil {
				continue
			}
			if !rs.checkable(c.keys(nil), l.probes) {
				l.add(fileQuestions, q.pos, key, "its ask_when reads too many answers to check (over %d combinations)", maxCompletions)
				continue
			}
			asked := false
			rs.forEach(c.keys(nil), l.probes, func(a Answers, params []ParamValue) { asked = asked || c.eval(a, params) != False })
			if !asked {
				l.add(fileQuestions, q.pos, key, "never asked: its ask_when (or its section's) fails for every answer")
			}
		}
		if !read[i] {
			l.add(fileQuestions, q.pos, key, "no rule reads it, so its answer changes nothing")
		}
		if q.Pivot == (Text{}) && contains(verdictKeys, q.ID) {
			l.add(fileQuestions, q.pos, key, "can change the verdict but has no pivot text to explain why")
		}
	}
}

// leftOpen reports a rule shown whatever the verdict that a question can
// leave open by not being asked: a question that is not asked stays
// unknown. (Requirements and the existing-licence check are shown only
// when a licence may be needed, which the company section's own condition
// mirrors.)
func (l *linter) leftOpen() {
	rs := l.rs
	shownAlways := map[string]*Cond{}
	for _, g := range rs.gates {
		shownAlways["gates."+g.ID] = g.When
	}
	for _, sc := range rs.subcategories {
		for _, r := range sc.Rules {
			shownAlways["subcategories."+r.ID] = r.When
		}
	}
	for _, r := range rs.regimes {
		shownAlways["regimes."+r.ID] = r.When
	}
	for _, r := range rs.notes {
		shownAlways["notes."+r.ID] = r.When
	}
	shownKeys := make([]string, 0, len(shownAlways))
	for key := range shownAlways {
		shownKeys = append(shownKeys, key)
	}
	sort.Strings(shownKeys)
	for i, q := range rs.questions {
		if q.AskWhen == nil {
			continue
		}
		for _, key := range shownKeys {
			c := shownAlways[key]
			if contains(c.read, q.ID) && l.openWhenUnasked(i, c) {
				l.add(fileRules, c.at, key, "can be left open by %q when that question is not asked (its ask_when fails); make the rule read what decides the question too", q.ID)
			}
		}
	}
}

// openWhenUnasked reports whether some answers to the other keys c and
// question i's ask_when read leave i unasked and c unknown.
func (l *linter) openWhenUnasked(i int, c *Cond) bool {
	rs := l.rs
	ask := rs.questions[i].AskWhen
	keys := c.keys(appendKey(ask.keys(nil), i))
	if !rs.checkable(keys, l.probes) {
		return false
	}
	others := []int{}
	for _, k := range keys {
		if k != i {
			others = append(others, k)
		}
	}
	open := false
	rs.forEach(others, l.probes, func(a Answers, params []ParamValue) {
		open = open || (ask.eval(a, params) == False && c.eval(a, params) == Unknown && rs.knownExcept(a, others))
	})
	return open
}

// texts reports a text whose Chinese is missing or is the English.
func (l *linter) texts() {
	l.rs.eachText(func(file, key string, t Text) {
		at := l.rs.textAt.of(t)
		if !strings.ContainsFunc(t.Zh, func(r rune) bool { return unicode.Is(unicode.Han, r) }) {
			l.add(file, at, key, "the zh text has no Chinese; a translation is missing: %q", t.Zh)
		}
		if t.Zh == t.En {
			l.add(file, at, key, "the zh and en texts are the same; a translation is missing")
		}
	})
}

// sources reports a source nothing cites.
func (l *linter) sources() {
	cited := map[string]bool{}
	l.rs.eachBasis(func(file, key string, ids []string, _ []Citation) {
		for _, id := range ids {
			cited[id] = true
		}
	})
	for _, s := range l.rs.sources {
		if !cited[s.ID] {
			l.add(fileSources, s.at, "sources."+s.ID, "cited by no rule, parameter or text")
		}
	}
}
