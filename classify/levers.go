package classify

import (
	"slices"
	"sort"
	"strings"
)

// Lever is a change of answered questions that changes the outcome: the
// verdict, the sub-categories, the licence's scope, or a licence condition
// turning met. Pivotal questions say what the unanswered questions could
// do; levers say what changing the given answers would.
type Lever struct {
	// Kind is who decides the change: a product decision, a company fact,
	// or a fact nobody chooses (the question's data says which; for two
	// changes, the first that is not a product decision).
	Kind LeverKind `json:"kind"`
	// Effect is what the change does first, in the order levers are
	// listed: unlikely, verdict, subcategories, scope, conditions.
	Effect  LeverEffect   `json:"effect"`
	Changes []LeverChange `json:"changes"`
	// Verdict is the verdict after the change.
	Verdict Verdict `json:"verdict"`
	// Added and Removed are the sub-categories the product falls in (or
	// may) after the change and not before, and before and not after;
	// Strengthened and Weakened those it stays in at another strength.
	Added        []string `json:"added"`
	Removed      []string `json:"removed"`
	Strengthened []string `json:"strengthened"`
	Weakened     []string `json:"weakened"`
	// Open lists those of Added and Strengthened whose strength after the
	// change still depends on unanswered questions: "could add", not "adds".
	Open []string `json:"open"`
	// Scope is the licence's scope after the change, when it changes
	// (null when the change leaves no licence, or leaves it open).
	ScopeChanged bool    `json:"scope_changed"`
	Scope        *string `json:"scope"`
	// Met lists the licence conditions the change turns met.
	Met []string `json:"met"`
	// Rules are the rules whose outcome the change moves, as the trace
	// names them: where the reason for the lever is written and cited.
	Rules []string `json:"rules"`
}

// LeverChange is one answer changed.
type LeverChange struct {
	Key       string `json:"key"`
	From      any    `json:"from"`
	To        any    `json:"to"`
	FromLabel Text   `json:"from_label"`
	ToLabel   Text   `json:"to_label"`
}

// LeverEffect is what a lever does first.
type LeverEffect string

const (
	EffectUnlikely      LeverEffect = "unlikely"      // the verdict becomes unlikely
	EffectVerdict       LeverEffect = "verdict"       // the verdict changes otherwise
	EffectSubcategories LeverEffect = "subcategories" // sub-categories come or go, or change strength
	EffectScope         LeverEffect = "scope"         // the licence's scope changes
	EffectConditions    LeverEffect = "conditions"    // a licence condition turns met
)

var effectOrder = map[LeverEffect]int{EffectUnlikely: 0, EffectVerdict: 1, EffectSubcategories: 2, EffectScope: 3, EffectConditions: 4}

// outcome is the part of a result a lever can move, for one set of
// answers on one date.
type outcome struct {
	verdict   int
	strengths []uint32 // per sub-category, its set of strengths over the completions
	ruleOuts  []Tri    // the verdict rules', then the scope rules', then the requirements'
	scope     int      // the scope rule that holds, -1 none, -2 open
	met       []Tri    // per requirement
}

// outcomeOf evaluates what levers compare; it is Evaluate without the
// texts, lists and trace a result carries.
func (rs *RuleSet) outcomeOf(a Answers, e int) outcome {
	ev := evaluation{rs: rs, a: a, params: rs.epochs[e].params, epoch: e}
	ev.run()
	o := outcome{verdict: ev.verdict, strengths: make([]uint32, len(rs.subcategories)), scope: -1,
		met: make([]Tri, len(rs.requirements))}
	if !ev.gateFails {
		for i := range rs.subcategories {
			o.strengths[i] = ev.sp.strengths(i)
		}
	}
	o.ruleOuts = append(o.ruleOuts, ev.verdictOuts...)
	for i := range rs.scopes {
		out := rs.scopes[i].When.eval(a, ev.params)
		o.ruleOuts = append(o.ruleOuts, out)
		if o.scope == -1 {
			switch out {
			case True:
				o.scope = i
			case Unknown:
				o.scope = -2
			}
		}
	}
	for i := range rs.requirements {
		req := &rs.requirements[i]
		out := req.MetWhen.eval(a, ev.params)
		o.ruleOuts = append(o.ruleOuts, out)
		if out == False && req.UnknownWhen != nil && req.UnknownWhen.eval(a, ev.params) != False {
			out = Unknown
		}
		o.met[i] = out
	}
	return o
}

// leverRules names the rules in the order of outcome.ruleOuts.
func (rs *RuleSet) leverRules() []string {
	var ids []string
	for _, g := range rs.gates {
		ids = append(ids, g.ID)
	}
	for _, s := range rs.subcategories {
		for _, r := range s.Rules {
			ids = append(ids, r.ID)
		}
	}
	for _, s := range rs.scopes {
		ids = append(ids, s.ID)
	}
	for _, r := range rs.requirements {
		ids = append(ids, r.ID)
	}
	return ids
}

// buildLeverDomains finds, for every question a verdict, scope or
// requirement rule reads, the classes of answers those rules tell apart,
// with an example of each: the alternatives a lever tries.
func (l *loader) buildLeverDomains() {
	rs := l.rs
	leaves := map[int][]*Cond{}
	var conds []*Cond
	conds = append(conds, rs.verdictConds...)
	for _, c := range rs.constraints {
		if c.drop != nil {
			conds = append(conds, c.drop)
		}
	}
	for _, s := range rs.scopes {
		conds = append(conds, s.When)
	}
	for _, r := range rs.requirements {
		conds = append(conds, r.MetWhen)
		if r.UnknownWhen != nil {
			conds = append(conds, r.UnknownWhen)
		}
	}
	for _, c := range conds {
		rs.leverKeys = c.keys(rs.leverKeys)
		c.leaves(func(leaf *Cond) {
			if leaf.op != opParamUnset {
				leaves[leaf.key] = append(leaves[leaf.key], leaf)
			}
		})
	}
	sort.Ints(rs.leverKeys)
	rs.leverDomains = make(map[int]domain, len(rs.leverKeys))
	for _, k := range rs.leverKeys {
		rs.leverDomains[k] = rs.domainOf(k, leaves[k])
	}
	rs.leverRuleIDs = rs.leverRules()
}

// levers lists the changes of answered questions that change the outcome
// on asOf: each single change that changes the verdict, brings or removes
// a sub-category or changes its strength, changes the licence's scope, or
// turns a licence condition met; and, when no single change makes the
// verdict unlikely, the pairs of changes that do (neither alone does).
// Each answer is tried at one example of every class of answers the rules
// tell apart, so no change that matters is missed. An undetermined verdict
// has no levers: its pivotal questions come first. The order: what makes
// the verdict unlikely, other verdict changes, sub-categories, scope,
// conditions; then by question.
func (rs *RuleSet) levers(doc *Document, asOf Date) ([]Lever, error) {
	e, err := rs.epochFor(asOf)
	if err != nil {
		return nil, err
	}
	levers := []Lever{}
	base := rs.outcomeOf(doc.Answers, e)
	if base.verdict == vUndetermined {
		return levers, nil
	}
	a := slices.Clone(doc.Answers)
	type single struct {
		k  int
		ex example
	}
	var tried []single // verdict-key changes that do not make it unlikely, for pairs
	reachesUnlikely := false
	for _, k := range rs.leverKeys {
		if !doc.Answers[k].Known {
			continue
		}
		seen := map[string]bool{} // one lever per distinct outcome of a key
		for _, ex := range rs.leverDomains[k].examples {
			if ex.value == doc.Answers[k] {
				continue
			}
			a[k] = ex.value
			o := rs.outcomeOf(a, e)
			a[k] = doc.Answers[k]
			// A change that leaves the verdict to unanswered questions is a
			// lever too: what was settled no longer is.
			lv, ok := rs.lever(base, o, []LeverChange{rs.change(k, doc.Answers[k], ex)}, []int{k})
			if ok && !seen[lv.signature()] {
				seen[lv.signature()] = true
				levers = append(levers, lv)
			}
			if o.verdict == vUnlikely {
				reachesUnlikely = true
			} else if _, isVerdictKey := rs.domains[k]; isVerdictKey && rs.questions[k].Lever == LeverProduct {
				tried = append(tried, single{k, ex})
			}
		}
	}
	if !reachesUnlikely && base.verdict != vUnlikely {
		paired := map[[2]int]bool{} // one pair of changes per pair of questions
		for i, x := range tried {
			for _, y := range tried[i+1:] {
				if x.k == y.k || paired[[2]int{x.k, y.k}] {
					continue
				}
				a[x.k], a[y.k] = x.ex.value, y.ex.value
				o := rs.outcomeOf(a, e)
				a[x.k], a[y.k] = doc.Answers[x.k], doc.Answers[y.k]
				if o.verdict != vUnlikely {
					continue
				}
				changes := []LeverChange{rs.change(x.k, doc.Answers[x.k], x.ex), rs.change(y.k, doc.Answers[y.k], y.ex)}
				if lv, ok := rs.lever(base, o, changes, []int{x.k, y.k}); ok {
					levers = append(levers, lv)
					paired[[2]int{x.k, y.k}] = true
				}
			}
		}
	}
	sort.SliceStable(levers, func(i, j int) bool { return effectOrder[levers[i].Effect] < effectOrder[levers[j].Effect] })
	return levers, nil
}

// lever describes what moving from base to o does, and whether it is a
// lever at all.
func (rs *RuleSet) lever(base, o outcome, changes []LeverChange, keys []int) (Lever, bool) {
	lv := Lever{Kind: LeverProduct, Changes: changes, Verdict: verdictNames[o.verdict],
		Added: []string{}, Removed: []string{}, Strengthened: []string{}, Weakened: []string{}, Open: []string{}, Met: []string{}, Rules: []string{}}
	for _, k := range keys {
		if kind := rs.questions[k].Lever; kind != LeverProduct {
			lv.Kind = kind
			break
		}
	}
	for i, s := range rs.subcategories {
		before, after := strongest(base.strengths[i]), strongest(o.strengths[i])
		switch {
		case before == 0 && after > 0:
			lv.Added = append(lv.Added, s.ID)
		case before > 0 && after == 0:
			lv.Removed = append(lv.Removed, s.ID)
		case after > before:
			lv.Strengthened = append(lv.Strengthened, s.ID)
		case after < before:
			lv.Weakened = append(lv.Weakened, s.ID)
		}
		if after > before && only(o.strengths[i]) < 0 {
			lv.Open = append(lv.Open, s.ID)
		}
	}
	if o.verdict != vUnlikely && base.verdict != vUnlikely && o.scope != base.scope {
		lv.ScopeChanged = true
		if o.scope >= 0 {
			lv.Scope = &rs.scopes[o.scope].Scope
		}
	}
	if o.verdict != vUnlikely {
		for i, r := range rs.requirements {
			if o.met[i] == True && base.met[i] != True {
				lv.Met = append(lv.Met, r.ID)
			}
		}
	}
	for i, id := range rs.leverRuleIDs {
		if base.ruleOuts[i] != o.ruleOuts[i] && !slices.Contains(lv.Rules, id) {
			lv.Rules = append(lv.Rules, id)
		}
	}
	switch {
	case o.verdict != base.verdict && o.verdict == vUnlikely:
		lv.Effect = EffectUnlikely
	case o.verdict != base.verdict:
		lv.Effect = EffectVerdict
	case len(lv.Added)+len(lv.Removed)+len(lv.Strengthened)+len(lv.Weakened) > 0:
		lv.Effect = EffectSubcategories
	case lv.ScopeChanged:
		lv.Effect = EffectScope
	case len(lv.Met) > 0:
		lv.Effect = EffectConditions
	default:
		return Lever{}, false
	}
	return lv, true
}

// strongest is 2 for likely, 1 for possible, 0 for none, over a set of
// strengths.
func strongest(set uint32) int {
	switch {
	case set&(1<<2) != 0:
		return 2
	case set&(1<<1) != 0:
		return 1
	}
	return 0
}

// change describes answer k changing from v to the example ex.
func (rs *RuleSet) change(k int, v Value, ex example) LeverChange {
	q := &rs.questions[k]
	to := ex.label
	if q.Type == TypeInt || q.Type == TypeNumber {
		// The example stands for its class: the amount, and "or more"
		// when the class has no upper end.
		to = rs.answerLabel(q, ex.value)
		if strings.HasSuffix(ex.label.En, " or more") {
			to = Text{Zh: to.Zh + "及以上", En: to.En + " or more"}
		}
	}
	return LeverChange{Key: q.ID, From: q.JSONValue(v), To: q.JSONValue(ex.value), FromLabel: rs.answerLabel(q, v), ToLabel: to}
}

// answerLabel is a known answer in words, as the examples word theirs.
func (rs *RuleSet) answerLabel(q *Question, v Value) Text {
	switch q.Type {
	case TypeBool:
		if v.Bool {
			return Text{Zh: "是", En: "yes"}
		}
		return Text{Zh: "否", En: "no"}
	case TypeEnum, TypeMulti:
		var zh, en []byte
		for i, c := range q.Choices {
			if v.Set&(1<<i) == 0 {
				continue
			}
			if len(en) > 0 {
				zh, en = append(zh, "、"...), append(en, ", "...)
			}
			zh, en = append(zh, c.Label.Zh...), append(en, c.Label.En...)
		}
		if len(en) == 0 {
			return Text{Zh: "无", En: "none"}
		}
		return Text{Zh: string(zh), En: string(en)}
	}
	switch q.Unit {
	case "cny":
		return Text{Zh: FormatCNY(v.Num, "zh"), En: FormatCNY(v.Num, "en")}
	case "percent":
		n := formatNum(v.Num) + "%"
		return Text{Zh: n, En: n}
	}
	n := formatNum(v.Num)
	return Text{Zh: n, En: n}
}

// signature tells levers of one key apart by what they do and why.
func (lv Lever) signature() string {
	s := string(lv.Effect) + "|" + string(lv.Verdict)
	for _, l := range [][]string{lv.Added, lv.Removed, lv.Strengthened, lv.Weakened, lv.Met} {
		s += "|"
		for _, id := range l {
			s += id + ","
		}
	}
	if lv.Scope != nil {
		s += "|" + *lv.Scope
	}
	for _, id := range lv.Rules { // another rule moved: another reason
		s += "|" + id
	}
	return s
}
