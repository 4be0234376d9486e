package classify

import (
	"slices"
	"sort"
	"strconv"
	"strings"
)

// domain is what the verdict can tell apart among the answers to one
// question: one representative answer per class of answers that every
// verdict rule treats alike, and the example answers shown for a pivotal
// question, each with its class.
type domain struct {
	reps     []Value
	examples []example
}

type example struct {
	value  Value
	class  int
	answer any
	label  Text
}

// maxCompletions bounds the completions of unanswered questions Evaluate may
// enumerate; Load refuses a rule set whose verdict rules would need more.
const maxCompletions = 1 << 16

// verdictConds are the conditions that decide the verdict.
func (rs *RuleSet) gatherVerdictConds() []*Cond {
	var out []*Cond
	for _, g := range rs.gates {
		out = append(out, g.When)
	}
	for _, s := range rs.subcategories {
		for _, r := range s.Rules {
			out = append(out, r.When)
		}
	}
	return out
}

// buildDomains finds the verdict keys and their answer classes. Two answers
// are in one class when every leaf of every verdict rule on that key gives
// the same outcome for both, on every parameter epoch; then no completion
// can tell them apart, and one representative stands for all.
func (l *loader) buildDomains() {
	rs := l.rs
	rs.verdictConds = rs.gatherVerdictConds()
	rs.morePlanes = max(0, (len(rs.subcategories)-1)/perPlane)
	rs.domains = map[int]domain{}
	leaves := map[int][]*Cond{}
	// The constraints' conditions tell answers apart too: a completion
	// they rule out must be one the enumeration can reach.
	conds := slices.Clone(rs.verdictConds)
	for _, c := range rs.constraints {
		if c.drop != nil {
			conds = append(conds, c.drop)
		}
	}
	for _, c := range conds {
		rs.verdictKeys = c.keys(rs.verdictKeys)
		c.leaves(func(leaf *Cond) {
			if leaf.op != opParamUnset {
				leaves[leaf.key] = append(leaves[leaf.key], leaf)
			}
		})
	}
	sort.Ints(rs.verdictKeys)
	readers := map[int]int{}
	for _, c := range conds {
		for _, k := range c.keys(nil) {
			readers[k]++
		}
	}
	for _, g := range rs.gates {
		for _, k := range g.When.keys(nil) {
			readers[k] += 1000 // gates first: a node is settled only with the gate
		}
	}
	rs.verdictOrder = append([]int(nil), rs.verdictKeys...)
	sort.SliceStable(rs.verdictOrder, func(i, j int) bool { return readers[rs.verdictOrder[i]] < readers[rs.verdictOrder[j]] })
	total := 1
	for _, k := range rs.verdictKeys {
		d := rs.domainOf(k, leaves[k])
		rs.domains[k] = d
		total *= len(d.reps)
		if total > maxCompletions {
			collector{file: fileRules, ps: &l.ps}.add(pos{}, "", CodeRuleCondition, "the verdict rules tell apart more than %d combinations of answers; simplify the conditions on %q", maxCompletions, rs.questions[k].ID)
			return
		}
	}
}

func (rs *RuleSet) domainOf(k int, leaves []*Cond) domain {
	q := &rs.questions[k]
	leaves = distinctLeaves(leaves)
	scratch := make(Answers, len(rs.questions))
	signature := func(v Value) string {
		scratch[k] = v
		var b strings.Builder
		for _, ep := range rs.epochs {
			for _, leaf := range leaves {
				b.WriteByte(byte('0' + leaf.eval(scratch, ep.params)))
			}
		}
		return b.String()
	}
	if q.Type == TypeInt || q.Type == TypeNumber {
		signature = rs.numberSignature(leaves)
	}
	var d domain
	classOf := map[string]int{}
	classify := func(v Value) int {
		sig := signature(v)
		c, ok := classOf[sig]
		if !ok {
			c = len(d.reps)
			classOf[sig] = c
			d.reps = append(d.reps, v)
		}
		return c
	}
	add := func(v Value, answer any, label Text) {
		d.examples = append(d.examples, example{value: v, class: classify(v), answer: answer, label: label})
	}
	switch q.Type {
	case TypeBool:
		add(Value{Known: true, Bool: true}, true, Text{Zh: "是", En: "yes"})
		add(Value{Known: true}, false, Text{Zh: "否", En: "no"})
	case TypeEnum:
		for i, c := range q.Choices {
			add(Value{Known: true, Set: 1 << i}, c.ID, c.Label)
		}
	case TypeMulti:
		// Examples: none, each item the rules name alone, and one item they
		// do not name; then every subset of those, for the classes.
		var named uint64
		for _, leaf := range leaves {
			named |= leaf.mask
		}
		items := []int{}
		for i := range q.Choices {
			if named&(1<<i) != 0 {
				items = append(items, i)
			}
		}
		for i := range q.Choices {
			if named&(1<<i) == 0 {
				items = append(items, i)
				break
			}
		}
		add(Value{Known: true}, []string{}, Text{Zh: "无", En: "none"})
		for _, i := range items {
			add(Value{Known: true, Set: 1 << i}, []string{q.Choices[i].ID}, q.Choices[i].Label)
		}
		for sub := 0; sub < 1<<len(items); sub++ {
			var set uint64
			for j, i := range items {
				if sub&(1<<j) != 0 {
					set |= 1 << i
				}
			}
			classify(Value{Known: true, Set: set})
		}
	case TypeInt, TypeNumber:
		d.examples = rs.numberExamples(q, leaves, classify)
	}
	return d
}

// numberDomain tries the numbers around every threshold the rules name and
// groups them into runs, each labelled as a range ("2", "3 or more").
func (rs *RuleSet) numberExamples(q *Question, leaves []*Cond, classify func(Value) int) []example {
	step := 1.0
	if q.Type == TypeNumber {
		step = 0.01
	}
	points := map[float64]bool{}
	lo := 0.0
	if q.Min != nil {
		lo = *q.Min
	}
	points[lo] = true
	for _, leaf := range leaves {
		vals := []float64{leaf.num}
		if leaf.param >= 0 {
			vals = vals[:0]
			for _, ep := range rs.epochs {
				if p := ep.params[leaf.param]; p.Set {
					vals = append(vals, p.Value)
				}
			}
		}
		for _, c := range vals {
			for _, v := range []float64{c - step, c, c + step} {
				if (q.Min == nil || v >= *q.Min) && (q.Max == nil || v <= *q.Max) {
					points[v] = true
				}
			}
		}
	}
	sorted := make([]float64, 0, len(points))
	for v := range points {
		sorted = append(sorted, v)
	}
	sort.Float64s(sorted)
	var examples []example
	classes := make([]int, len(sorted))
	for i, v := range sorted {
		classes[i] = classify(Value{Known: true, Num: v})
	}
	// One example per run of neighbouring points in the same class.
	for i := 0; i < len(sorted); {
		j := i
		for j+1 < len(sorted) && classes[j+1] == classes[i] {
			j++
		}
		from := sorted[i]
		var label Text
		switch {
		case j == len(sorted)-1 && (q.Max == nil || sorted[j] < *q.Max):
			label = Text{Zh: formatNum(from) + " 及以上", En: formatNum(from) + " or more"}
		case i == j:
			label = Text{Zh: formatNum(from), En: formatNum(from)}
		default:
			label = Text{Zh: formatNum(from) + "–" + formatNum(sorted[j]), En: formatNum(from) + "–" + formatNum(sorted[j])}
		}
		examples = append(examples, example{value: Value{Known: true, Num: from}, class: classes[i], answer: from, label: label})
		i = j + 1
	}
	return examples
}

// distinctLeaves drops the leaves that test what an earlier one tests (the
// same operator and operand), which give the same outcome on every answer:
// a signature need not repeat them, however often the rules do.
func distinctLeaves(leaves []*Cond) []*Cond {
	type test struct {
		op    condOp
		param int
		num   float64
		mask  uint64
		flag  bool
	}
	seen := make(map[test]bool, len(leaves))
	out := make([]*Cond, 0, len(leaves))
	for _, l := range leaves {
		t := test{l.op, l.param, l.num, l.mask, l.flag}
		if !seen[t] {
			seen[t] = true
			out = append(out, l)
		}
	}
	return out
}

// numberSignature is the signature of domainOf for the leaves on a number
// question, in time logarithmic in their count rather than linear: with a
// value tried around each threshold, the linear one grew with the square of
// the thresholds. On a known number each leaf tests, on each epoch, one of
// v >= t (at_least), v <= t (at_most) or v == t (equals), or holds whatever
// v is (answered, or a parameter with no value). Two numbers pass the same
// tests exactly when as many `>=` thresholds are at or below each, as many
// `<=` thresholds are below each, and both or neither equal the same `==`
// threshold: those three make the signature.
func (rs *RuleSet) numberSignature(leaves []*Cond) func(Value) string {
	var ge, le, eq []float64
	for _, leaf := range leaves {
		var list *[]float64
		switch leaf.op {
		case opAtLeast:
			list = &ge
		case opAtMost:
			list = &le
		case opEquals:
			list = &eq
		default:
			continue
		}
		if leaf.param < 0 {
			*list = append(*list, leaf.num)
			continue
		}
		for _, ep := range rs.epochs {
			if p := ep.params[leaf.param]; p.Set {
				*list = append(*list, p.Value)
			}
		}
	}
	for _, l := range []*[]float64{&ge, &le, &eq} {
		sort.Float64s(*l)
		*l = slices.Compact(*l)
	}
	return func(v Value) string {
		// Thresholds t <= v, thresholds t < v, and the == threshold v is.
		nge := sort.Search(len(ge), func(i int) bool { return ge[i] > v.Num })
		nle, _ := slices.BinarySearch(le, v.Num)
		ieq, found := slices.BinarySearch(eq, v.Num)
		if !found {
			ieq = -1
		}
		return strconv.Itoa(nge) + " " + strconv.Itoa(nle) + " " + strconv.Itoa(ieq)
	}
}
