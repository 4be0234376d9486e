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
// ids the contract fixes are there. An empty result means the rule set is
// fit to ship.
func (rs *RuleSet) Lint() Problems {
	var ps Problems
	add := func(file, key, format string, args ...any) {
		ps = append(ps, Problem{File: file, Key: key, Code: CodeLint, Message: fmt.Sprintf(format, args...)})
	}
	probes := rs.probeDomains()

	// Verdicts, sub-categories and their rules over every completion. The
	// verdict rules read only the verdict keys, and the verdict's own
	// domains already tell apart every answer that any of their leaves
	// does: the finer probe domains would only repeat completions, as many
	// times over as the other rules add thresholds. Each rule is evaluated
	// once per completion.
	verdicts := uint32(0)
	strengthsSeen := make([]uint32, len(rs.subcategories))
	outs := make([]Tri, len(rs.verdictConds))
	more := make([]uint32, rs.morePlanes)
	firedAt := make([]bool, len(rs.verdictConds))
	// Sub-categories whose elements do not explain some unlikely verdict:
	// answers that make it unlikely with no gate failing, yet leave every
	// element of the sub-category present.
	unexplained := make([]Answers, len(rs.subcategories))
	rs.forEach(rs.verdictKeys, rs.domains, func(a Answers, params []ParamValue) {
		rs.verdictOutcomes(a, params, nil, outs)
		code, _ := rs.codeOf(outs, more)
		if code&gateFailsBit == 0 && verdictField(code) == vUnlikely {
			for i, s := range rs.subcategories {
				if len(s.Elements) > 0 && unexplained[i] == nil && !slices.ContainsFunc(s.Elements, func(e Element) bool { return e.When.eval(a, params) == False }) {
					unexplained[i] = slices.Clone(a)
				}
			}
		}
		verdicts |= 1 << verdictField(code)
		for i := range rs.subcategories {
			strengthsSeen[i] |= 1 << strengthIn(i, code, more)
		}
		for i, o := range outs {
			if o == True {
				firedAt[i] = true
			}
		}
	})
	// verdictConds holds the gates, then every sub-category's rules.
	fired := map[string]bool{}
	i := 0
	for _, g := range rs.gates {
		fired[g.ID] = firedAt[i]
		i++
	}
	for _, s := range rs.subcategories {
		for _, r := range s.Rules {
			fired[r.ID] = firedAt[i]
			i++
		}
	}
	for v := vUnlikely; v <= vLikely; v++ {
		if verdicts&(1<<v) == 0 {
			add(fileRules, "", "no answers lead to the verdict %q", verdictNames[v])
		}
	}
	for i, s := range rs.subcategories {
		for st, name := range []Strength{"", StrengthPossible, StrengthLikely} {
			if name != "" && strengthsSeen[i]&(1<<st) == 0 && rs.hasStrength(s, name) {
				add(fileRules, "subcategories."+s.ID, "no answers make it %s", name)
			}
		}
		if strengthsSeen[i]&^1 == 0 {
			add(fileRules, "subcategories."+s.ID, "unreachable: no answers put a product in it")
		}
		for _, r := range s.Rules {
			if !fired[r.ID] {
				add(fileRules, "subcategories."+r.ID, "unreachable rule: no answers satisfy its condition")
			}
		}
	}
	for i, s := range rs.subcategories {
		if unexplained[i] != nil {
			add(fileRules, "subcategories."+s.ID+".elements", "an unlikely verdict with every element present (%s): add the element these answers lack", rs.describeAnswers(unexplained[i]))
		}
	}
	for _, g := range rs.gates {
		if !fired[g.ID] {
			add(fileRules, "gates."+g.ID, "unreachable gate: no answers satisfy its condition")
		}
	}
	// Rules outside the verdict: each must be able to come out both ways.
	both := func(key string, c *Cond, what string) {
		seen, ok := rs.outcomesOf(c, probes)
		if !ok {
			add(fileRules, key, "reads too many answers to check exhaustively (over %d combinations); split the condition", maxCompletions)
			return
		}
		if seen&(1<<True) == 0 {
			add(fileRules, key, "no answers make it %s", what)
		}
		if seen&(1<<False) == 0 {
			add(fileRules, key, "no answers make it fail; it always holds")
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

	// Questions: asked on some path, and read by some rule.
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
	for i, q := range rs.questions {
		for _, c := range []*Cond{sectionAsk[q.Section], q.AskWhen} {
			if c == nil {
				continue
			}
			asked := false
			if !rs.checkable(c.keys(nil), probes) {
				add(fileQuestions, "questions."+q.ID, "its ask_when reads too many answers to check (over %d combinations)", maxCompletions)
				continue
			}
			rs.forEach(c.keys(nil), probes, func(a Answers, params []ParamValue) { asked = asked || c.eval(a, params) != False })
			if !asked {
				add(fileQuestions, "questions."+q.ID, "never asked: its ask_when (or its section's) fails for every answer")
			}
		}
		if !read[i] {
			add(fileQuestions, "questions."+q.ID, "no rule reads it, so its answer changes nothing")
		}
		if q.Pivot == (Text{}) && contains(rs.questionIDsOf(rs.verdictKeys), q.ID) {
			add(fileQuestions, "questions."+q.ID, "can change the verdict but has no pivot text to explain why")
		}
	}

	// A question that is not asked stays unknown; no rule whose outcome is
	// shown whatever the verdict may then be left open by it. (Requirements
	// and the existing-licence check are shown only when a licence may be
	// needed, which the company section's own condition mirrors.)
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
			if !contains(c.read, q.ID) {
				continue
			}
			keys := appendKey(q.AskWhen.keys(nil), i)
			keys = c.keys(keys)
			if !rs.checkable(keys, probes) {
				continue
			}
			others := []int{}
			for _, k := range keys {
				if k != i {
					others = append(others, k)
				}
			}
			open := false
			rs.forEach(others, probes, func(a Answers, params []ParamValue) {
				open = open || (q.AskWhen.eval(a, params) == False && c.eval(a, params) == Unknown && rs.knownExcept(a, others))
			})
			if open {
				add(fileRules, key, "can be left open by %q when that question is not asked (its ask_when fails); make the rule read what decides the question too", q.ID)
			}
		}
	}

	// Texts and sources.
	rs.eachText(func(file, key string, t Text) {
		if !strings.ContainsFunc(t.Zh, func(r rune) bool { return unicode.Is(unicode.Han, r) }) {
			add(file, key, "the zh text has no Chinese; a translation is missing: %q", t.Zh)
		}
		if t.Zh == t.En {
			add(file, key, "the zh and en texts are the same; a translation is missing")
		}
	})
	cited := map[string]bool{}
	rs.eachBasis(func(file, key string, ids []string, _ []Citation) {
		for _, id := range ids {
			cited[id] = true
		}
	})
	for _, s := range rs.sources {
		if !cited[s.ID] {
			add(fileSources, "sources."+s.ID, "cited by no rule, parameter or text")
		}
	}

	// The ids scripts depend on, as the rule set's contract lists them.
	ps = append(ps, rs.lintContract()...)
	return ps.sorted()
}

// lintContract reports each id the contract fixes that the rule set
// lacks, at the place the contract lists it, and for a kind the contract
// closes, each id of the kind it does not list.
func (rs *RuleSet) lintContract() Problems {
	var ps Problems
	for _, c := range rs.contract {
		have := rs.contractIDs(c.kind)
		group := "including"
		if c.exactly {
			group = "exactly"
		}
		noun := contractNouns[c.kind]
		for i, id := range c.ids {
			if !slices.ContainsFunc(have, func(h idAt) bool { return h.id == id }) {
				ps = append(ps, Problem{File: fileRules, Line: c.at[i].Line, Col: c.at[i].Col, Key: fmt.Sprintf("contract.%s.%s[%d]", group, c.kind, i), Code: CodeLint,
					Message: fmt.Sprintf("the contract's %s %q is missing", noun, id)})
			}
		}
		if !c.exactly {
			continue
		}
		for _, h := range have {
			if !contains(c.ids, h.id) {
				ps = append(ps, Problem{File: h.file, Key: h.key, Code: CodeLint,
					Message: fmt.Sprintf("%q is not a %s of the contract; allowed: %s%s", h.id, noun, strings.Join(c.ids, ", "), hint(h.id, c.ids))})
			}
		}
	}
	return ps
}

// idAt is an id of the rule set and the file and key that name it.
type idAt struct{ id, file, key string }

// contractIDs lists the rule set's ids of a contract kind.
func (rs *RuleSet) contractIDs(kind string) []idAt {
	var out []idAt
	rules := func(list []Rule) {
		for _, r := range list {
			out = append(out, idAt{r.ID, fileRules, kind + "." + r.ID})
		}
	}
	switch kind {
	case "questions":
		for _, q := range rs.questions {
			out = append(out, idAt{q.ID, fileQuestions, "questions." + q.ID})
		}
	case "parameters":
		for _, p := range rs.parameters {
			out = append(out, idAt{p.ID, fileParameters, "parameters." + p.ID})
		}
	case "gates":
		rules(rs.gates)
	case "subcategories":
		for _, s := range rs.subcategories {
			out = append(out, idAt{s.ID, fileRules, "subcategories." + s.ID})
		}
	case "scopes":
		for _, s := range rs.scopes {
			out = append(out, idAt{s.Scope, fileRules, "scopes." + s.ID + ".scope"})
		}
	case "requirements":
		for _, r := range rs.requirements {
			out = append(out, idAt{r.ID, fileRules, "requirements." + r.ID})
		}
	case "regimes":
		rules(rs.regimes)
	case "notes":
		rules(rs.notes)
	}
	return out
}

func (rs *RuleSet) hasStrength(s Subcategory, strength Strength) bool {
	for _, r := range s.Rules {
		if r.Strength == strength {
			return true
		}
	}
	return false
}

func (rs *RuleSet) questionIDsOf(keys []int) []string {
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = rs.questions[k].ID
	}
	return out
}

// probeDomains gives every question the answer classes that all the rule
// set's conditions tell apart, for the exhaustive checks of Lint.
func (rs *RuleSet) probeDomains() map[int]domain {
	leaves := map[int][]*Cond{}
	for _, c := range rs.allConds() {
		c.leaves(func(l *Cond) {
			if l.op != opParamUnset {
				leaves[l.key] = append(leaves[l.key], l)
			}
		})
	}
	out := map[int]domain{}
	for k := range rs.questions {
		out[k] = rs.domainOf(k, leaves[k])
	}
	return out
}

// checkable reports whether forEach over keys stays within maxCompletions.
func (rs *RuleSet) checkable(keys []int, doms map[int]domain) bool {
	n := len(rs.paramSets())
	for _, k := range keys {
		n *= len(doms[k].reps)
		if n > maxCompletions {
			return false
		}
	}
	return true
}

// knownExcept reports whether every key in keys is answered in a.
func (rs *RuleSet) knownExcept(a Answers, keys []int) bool {
	for _, k := range keys {
		if !a[k].Known {
			return false
		}
	}
	return true
}

// forEach calls f with every combination of the keys' classes (the other
// questions unanswered) on every parameter epoch.
func (rs *RuleSet) forEach(keys []int, doms map[int]domain, f func(Answers, []ParamValue)) {
	a := make(Answers, len(rs.questions))
	sets := rs.paramSets()
	var rec func(i int)
	rec = func(i int) {
		if i == len(keys) {
			for _, params := range sets {
				f(a, params)
			}
			return
		}
		for _, v := range doms[keys[i]].reps {
			a[keys[i]] = v
			rec(i + 1)
		}
		a[keys[i]] = Value{}
	}
	rec(0)
}

// describeAnswers writes the known answers of a as key=value, for a lint
// message that shows an example.
func (rs *RuleSet) describeAnswers(a Answers) string {
	var parts []string
	for i, v := range a {
		if !v.Known {
			continue
		}
		q := &rs.questions[i]
		var val string
		switch x := q.JSONValue(v).(type) {
		case []string:
			val = "[" + strings.Join(x, ",") + "]"
		default:
			val = fmt.Sprint(x)
		}
		parts = append(parts, q.ID+"="+val)
	}
	return strings.Join(parts, " ")
}

// paramSets are the distinct sets of parameter values over the epochs: a
// condition reads parameters, not dates, and most epochs only change a
// text.
func (rs *RuleSet) paramSets() [][]ParamValue {
	var sets [][]ParamValue
	for _, ep := range rs.epochs {
		if !slices.ContainsFunc(sets, func(p []ParamValue) bool { return slices.Equal(p, ep.params) }) {
			sets = append(sets, ep.params)
		}
	}
	return sets
}

// outcomesOf is the set of outcomes (1<<True, 1<<False) c can take over
// every answer to the keys it reads, each key at a representative of every
// class doms tells apart, on every set of parameter values. It answers the
// question a node at a time: a partial assignment on which c is already
// true or false in three values settles every completion below it, so the
// search stops where an exhaustive one would go on; it gives up (ok false)
// after maxCompletions nodes.
func (rs *RuleSet) outcomesOf(c *Cond, doms map[int]domain) (seen uint32, ok bool) {
	keys := c.keys(nil)
	// `answered` tells an unanswered key from an answered one, so there
	// "not answered" is an answer of its own, and a partial assignment
	// settles nothing: only a complete one is evaluated.
	answered := false
	c.leaves(func(l *Cond) { answered = answered || l.op == opAnswered })
	a := make(Answers, len(rs.questions))
	nodes := 0
	var walk func(i int, params []ParamValue) bool
	walk = func(i int, params []ParamValue) bool {
		if nodes++; nodes > maxCompletions {
			return false
		}
		if !answered || i == len(keys) {
			switch out := c.eval(a, params); {
			case out != Unknown:
				seen |= 1 << out
				return true
			case i == len(keys):
				return true // a key no domain settles: nothing more to learn
			}
		}
		reps := doms[keys[i]].reps
		if answered {
			reps = append(slices.Clip(reps), Value{})
		}
		for _, v := range reps {
			a[keys[i]] = v
			if !walk(i+1, params) {
				return false
			}
			if seen == 1<<True|1<<False {
				break
			}
		}
		a[keys[i]] = Value{}
		return true
	}
	for _, params := range rs.paramSets() {
		if !walk(0, params) {
			return seen, false
		}
		if seen == 1<<True|1<<False {
			break
		}
	}
	return seen, true
}
