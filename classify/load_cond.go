package classify

import (
	"fmt"
	"strings"

	yaml "go.yaml.in/yaml/v3"
)

var leafOps = []string{"equals", "in", "at_least", "at_most", "includes", "includes_any", "only", "answered"}

// cond compiles a condition, checking every key, value and parameter it
// names. inVerdict forbids `answered`, whose truth is not about the product
// and would break the reasoning over unanswered questions. A condition over
// the bounds of condsize.go is refused before any of it is compiled.
func (l *loader) cond(d ydec, n *yaml.Node, key string, inVerdict bool) *Cond {
	if n == nil || !checkCondSize(d, n, key) {
		return nil
	}
	return l.compile(d, n, key, inVerdict)
}

// compile compiles a condition that is within the bounds; its recursion is
// as deep as the condition, at most maxCondDepth.
func (l *loader) compile(d ydec, n *yaml.Node, key string, inVerdict bool) *Cond {
	if n == nil {
		return nil
	}
	if n.Kind != yaml.MappingNode || len(n.Content) == 0 {
		d.bad(n, key, CodeRuleSchema, "expected a condition: {all: [...]}, {any: [...]}, {not: ...}, {key: K, OP: V} or {param: P, unset: true}")
		return nil
	}
	first := n.Content[0].Value
	switch first {
	case "all", "any":
		m := d.mapping(n, key, []string{first}, nil)
		items := d.list(m[first], key+"."+first)
		if m != nil && len(items) == 0 {
			d.bad(n, key, CodeRuleSchema, "%s needs at least one condition", first)
		}
		c := &Cond{op: opAll, at: at(n)}
		if first == "any" {
			c.op = opAny
		}
		for i, it := range items {
			if k := l.compile(d, it, fmt.Sprintf("%s.%s[%d]", key, first, i), inVerdict); k != nil {
				c.kids = append(c.kids, k)
			}
		}
		return c
	case "not":
		m := d.mapping(n, key, []string{"not"}, nil)
		if k := l.compile(d, m["not"], key+".not", inVerdict); k != nil {
			return &Cond{op: opNot, kids: []*Cond{k}, at: at(n)}
		}
		return nil
	case "param":
		m := d.mapping(n, key, []string{"param", "unset"}, nil)
		if m == nil {
			return nil
		}
		id := d.str(m["param"], key+".param")
		pi, ok := l.rs.paramIndex[id]
		if !ok {
			d.bad(m["param"], key+".param", CodeRuleReference, "unknown parameter %q%s", id, hint(id, l.paramIDs()))
			return nil
		}
		if !d.boolean(m["unset"], key+".unset") {
			d.bad(m["unset"], key+".unset", CodeRuleSchema, "only `unset: true` is supported")
		}
		return &Cond{op: opParamUnset, param: pi, at: at(n)}
	case "key":
	default:
		d.bad(n.Content[0], key, CodeRuleSchema, "unknown condition %q; allowed: all, any, not, key, param%s", first, hint(first, []string{"all", "any", "not", "key", "param"}))
		return nil
	}
	if len(n.Content) != 4 {
		d.bad(n, key, CodeRuleSchema, "a leaf is {key: K, OP: V} with one OP of: %s", strings.Join(leafOps, ", "))
		return nil
	}
	opName := n.Content[2].Value
	m := d.mapping(n, key, []string{"key", opName}, nil)
	if m == nil {
		return nil
	}
	op, ok := opNames[opName]
	if !ok {
		d.bad(n.Content[2], key, CodeRuleSchema, "unknown operator %q; allowed: %s%s", opName, strings.Join(leafOps, ", "), hint(opName, leafOps))
		return nil
	}
	qid := d.str(m["key"], key+".key")
	qi, ok := l.rs.questionIndex[qid]
	if !ok {
		if qid != "" {
			d.bad(m["key"], key+".key", CodeRuleReference, "unknown answer key %q%s", qid, hint(qid, l.rs.questionIDs()))
		}
		return nil
	}
	q := &l.rs.questions[qi]
	c := &Cond{op: op, key: qi, param: -1, at: at(n)}
	v := m[opName]
	okey := key + "." + opName
	wrong := func(what string) *Cond {
		d.bad(v, okey, CodeRuleValue, "%s on %s question %q", what, q.Type, q.ID)
		return nil
	}
	switch opName {
	case "answered":
		if inVerdict {
			d.bad(n.Content[2], key, CodeRuleSchema, "`answered` may select texts but not decide a verdict")
			return nil
		}
		c.flag = d.boolean(v, okey)
	case "equals":
		switch q.Type {
		case TypeBool:
			c.flag = d.boolean(v, okey)
		case TypeInt, TypeNumber:
			c.num, _ = d.number(v, okey)
		case TypeEnum:
			c.mask = l.choiceMask(d, q, []*yaml.Node{v}, okey)
		default:
			return wrong("equals is not defined (use includes or only)")
		}
	case "in":
		if q.Type != TypeEnum {
			return wrong("in needs an enum")
		}
		c.mask = l.choiceMask(d, q, d.list(v, okey), okey)
		if c.mask == 0 {
			d.bad(v, okey, CodeRuleSchema, "needs at least one value")
		}
	case "includes", "includes_any", "only":
		if q.Type != TypeMulti {
			return wrong(opName + " needs a multi question")
		}
		items := []*yaml.Node{v}
		if opName != "includes" {
			items = d.list(v, okey)
		}
		c.mask = l.choiceMask(d, q, items, okey)
		if c.mask == 0 {
			d.bad(v, okey, CodeRuleSchema, "needs at least one value")
		}
	case "at_least", "at_most":
		if q.Type != TypeInt && q.Type != TypeNumber {
			return wrong(opName + " needs a number")
		}
		if v.Kind == yaml.MappingNode {
			pm := d.mapping(v, okey, []string{"param"}, nil)
			id := d.str(pm["param"], okey+".param")
			pi, ok := l.rs.paramIndex[id]
			if !ok {
				d.bad(v, okey, CodeRuleReference, "unknown parameter %q%s", id, hint(id, l.paramIDs()))
				return nil
			}
			c.param = pi
		} else {
			c.num, _ = d.number(v, okey)
		}
	}
	return c
}

func (l *loader) choiceMask(d ydec, q *Question, items []*yaml.Node, key string) uint64 {
	var mask uint64
	for _, it := range items {
		i := q.ChoiceIndex(it.Value)
		if i < 0 {
			d.bad(it, key, CodeRuleReference, "%q is not a value of %q; allowed: %s%s", it.Value, q.ID, strings.Join(q.choiceIDs(), ", "), hint(it.Value, q.choiceIDs()))
			continue
		}
		mask |= 1 << i
	}
	return mask
}

func (l *loader) paramIDs() []string {
	ids := make([]string, len(l.rs.parameters))
	for i, p := range l.rs.parameters {
		ids[i] = p.ID
	}
	return ids
}
