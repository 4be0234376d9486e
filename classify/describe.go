package classify

import (
	"strings"
)

// Describe writes a condition the way rules.yaml means it, for listings and
// memos: `realtime_voice = true and max_participants >= 3`. Empty for nil.
func (rs *RuleSet) Describe(c *Cond) string {
	if c == nil {
		return ""
	}
	return rs.describe(c, false)
}

func (rs *RuleSet) describe(c *Cond, nested bool) string {
	switch c.op {
	case opAll, opAny:
		sep := " and "
		if c.op == opAny {
			sep = " or "
		}
		parts := make([]string, len(c.kids))
		for i, k := range c.kids {
			parts[i] = rs.describe(k, true)
		}
		s := strings.Join(parts, sep)
		if nested && len(parts) > 1 {
			s = "(" + s + ")"
		}
		return s
	case opNot:
		return "not " + rs.describe(c.kids[0], true)
	case opParamUnset:
		return rs.Parameters[c.param].ID + " has no limit"
	}
	q := &rs.Questions[c.key]
	operand := func() string {
		if c.param >= 0 {
			return rs.Parameters[c.param].ID
		}
		return formatNum(c.num)
	}
	choices := func() string {
		var ids []string
		for i, ch := range q.Choices {
			if c.mask&(1<<i) != 0 {
				ids = append(ids, ch.ID)
			}
		}
		return strings.Join(ids, ", ")
	}
	switch c.op {
	case opEquals:
		switch q.Type {
		case TypeBool:
			if c.flag {
				return q.ID + " = true"
			}
			return q.ID + " = false"
		case TypeEnum:
			return q.ID + " = " + choices()
		}
		return q.ID + " = " + operand()
	case opIn:
		return q.ID + " in [" + choices() + "]"
	case opAtLeast:
		return q.ID + " >= " + operand()
	case opAtMost:
		return q.ID + " <= " + operand()
	case opIncludes:
		if strings.Contains(choices(), ",") {
			return q.ID + " includes any of [" + choices() + "]"
		}
		return q.ID + " includes " + choices()
	case opOnly:
		return q.ID + " only [" + choices() + "]"
	case opAnswered:
		if c.flag {
			return q.ID + " is answered"
		}
		return q.ID + " is not answered"
	}
	return "?"
}
