package classify

import (
	"fmt"

	yaml "go.yaml.in/yaml/v3"
)

// constraint rules out, while a question is unanswered, the completions in
// which it has a given value and a condition holds: what the facts imply
// about an answer nobody gave (with nine or more endpoints, media pass
// through servers). Dropped completions take no part in the verdict, the
// sub-categories, the pivotal questions or the levers. An explicit answer
// always stands: a constraint never overrides what the user said.
type constraint struct {
	// Rule holds the id, the condition (When), the text of the note that
	// states the inference, its basis and confidence.
	Rule
	// key is the question the constraint is about; rulesOut the value it
	// rules out.
	key      int
	rulesOut Value
	// drop holds in a completion the constraint rules out: key has the
	// value and When holds. It is evaluated only while key is unanswered.
	drop *Cond
}

// constraints reads rules.yaml's `constraints`.
func (l *loader) constraints(d ydec, n *yaml.Node, seen ids) {
	rs := l.rs
	keys := map[int]bool{}
	for i, cn := range d.list(n, "constraints") {
		key := fmt.Sprintf("constraints[%d]", i)
		r, m := l.rule(d, cn, key, true, []string{"when", "text", "key", "rules_out"}, nil)
		if m == nil {
			continue
		}
		seen.check(d, cn, key, r.ID)
		qid := d.str(m["key"], key+".key")
		qi, ok := rs.questionIndex[qid]
		if !ok {
			d.bad(m["key"], key+".key", CodeRuleReference, "unknown answer key %q%s", qid, hint(qid, rs.questionIDs()))
			continue
		}
		if keys[qi] {
			d.bad(m["key"], key+".key", CodeRuleReference, "a second constraint on %q; one constraint per question keeps a value always possible", qid)
		}
		keys[qi] = true
		q := &rs.questions[qi]
		c := constraint{Rule: r, key: qi}
		out := m["rules_out"]
		is := &Cond{op: opEquals, key: qi, param: -1, at: at(out)}
		switch q.Type {
		case TypeBool:
			c.rulesOut = Value{Known: true, Bool: d.boolean(out, key+".rules_out")}
			is.flag = c.rulesOut.Bool
		case TypeEnum:
			is.mask = l.choiceMask(d, q, []*yaml.Node{out}, key+".rules_out")
			c.rulesOut = Value{Known: true, Set: is.mask}
		default:
			d.bad(m["key"], key+".key", CodeRuleValue, "a constraint rules out a value of a bool or enum question; %q is %s", qid, q.Type)
			continue
		}
		if r.When != nil {
			c.drop = &Cond{op: opAll, kids: []*Cond{is, r.When}, at: r.When.at}
		}
		rs.constraints = append(rs.constraints, c)
	}
}

// constrains reports whether a constraint is on question k.
func (rs *RuleSet) constrains(k int) bool {
	for i := range rs.constraints {
		if rs.constraints[i].key == k {
			return true
		}
	}
	return false
}

// dropped reports, in three values, whether the completion a (whose
// unanswered keys the caller may have filled) is ruled out: True when a
// constraint on a key unanswered in given rules it out, Unknown when one
// may, depending on keys a leaves open.
func (rs *RuleSet) dropped(given, a Answers, params []ParamValue) Tri {
	out := False
	for i := range rs.constraints {
		c := &rs.constraints[i]
		if given[c.key].Known {
			continue
		}
		switch c.drop.eval(a, params) {
		case True:
			return True
		case Unknown:
			out = Unknown
		}
	}
	return out
}

// inferences are the notes of the constraints that apply to a: the key is
// unanswered and asked, and the condition may hold.
func (ev *evaluation) inferences(r *Result) {
	rs := ev.rs
	var asked []bool
	for i := range rs.constraints {
		c := &rs.constraints[i]
		if ev.a[c.key].Known {
			continue
		}
		out := ev.step(c.ID, "constraint", c.When)
		if out == False {
			continue
		}
		if asked == nil {
			asked = rs.AskedAll(ev.a)
		}
		if !asked[c.key] {
			continue
		}
		r.Notes = append(r.Notes, ev.finding(&c.Rule, ev.why(c.When, out)))
	}
}
