package classify

import (
	"fmt"
	"slices"
	"strings"
)

// The exhaustive searches Lint runs: every answer to the keys a condition
// reads, one representative per class the rules tell apart.

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
