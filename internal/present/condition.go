package present

import (
	"strconv"
	"strings"

	"b22/classify"
)

// Condition writes c the way rules.yaml means it, for listings and memos:
// `realtime_voice = true and max_participants >= 3`. Empty for nil.
func Condition(rs *classify.RuleSet, c *classify.Cond) string {
	if c == nil {
		return ""
	}
	return condition(rs, c, false)
}

func condition(rs *classify.RuleSet, c *classify.Cond, nested bool) string {
	p := c.Parts()
	switch p.Kind {
	case classify.CondAll, classify.CondAny:
		sep := " and "
		if p.Kind == classify.CondAny {
			sep = " or "
		}
		parts := make([]string, len(p.Conds))
		for i, k := range p.Conds {
			parts[i] = condition(rs, k, true)
		}
		s := strings.Join(parts, sep)
		if nested && len(parts) > 1 {
			s = "(" + s + ")"
		}
		return s
	case classify.CondNot:
		return "not " + condition(rs, p.Conds[0], true)
	case classify.CondNoLimit:
		return rs.Parameters[p.Param].ID + " has no limit"
	}
	q := &rs.Questions[p.Question]
	operand := func() string {
		if p.Param >= 0 {
			return rs.Parameters[p.Param].ID
		}
		return strconv.FormatFloat(p.Number, 'f', -1, 64)
	}
	choices := func() string {
		var ids []string
		for i, ch := range q.Choices {
			if p.Choices&(1<<i) != 0 {
				ids = append(ids, ch.ID)
			}
		}
		return strings.Join(ids, ", ")
	}
	switch p.Kind {
	case classify.CondEquals:
		switch q.Type {
		case classify.TypeBool:
			return q.ID + " = " + strconv.FormatBool(p.Flag)
		case classify.TypeEnum:
			return q.ID + " = " + choices()
		}
		return q.ID + " = " + operand()
	case classify.CondIn:
		return q.ID + " in [" + choices() + "]"
	case classify.CondAtLeast:
		return q.ID + " >= " + operand()
	case classify.CondAtMost:
		return q.ID + " <= " + operand()
	case classify.CondIncludes:
		if strings.Contains(choices(), ",") {
			return q.ID + " includes any of [" + choices() + "]"
		}
		return q.ID + " includes " + choices()
	case classify.CondOnly:
		return q.ID + " only [" + choices() + "]"
	case classify.CondAnswered:
		if p.Flag {
			return q.ID + " is answered"
		}
		return q.ID + " is not answered"
	}
	return "?"
}
