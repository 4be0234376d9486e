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
		return rs.Parameters()[p.Param].ID + " has no limit"
	}
	q := &rs.Questions()[p.Question]
	operand := func() string {
		if p.Param >= 0 {
			return rs.Parameters()[p.Param].ID
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

// Condition writes c as a sentence for people, from the rule data: each
// test as the question's own words and the answer it asks for, in the
// words' language. "Do users talk with each other live by voice through
// the product? yes; At most how many endpoints take part in one call or
// meeting? 3 or more". Where Condition (above) shows the rule data to
// those who write it, this is what a memo or a result screen says.
// Empty for nil.
func (w Words) Condition(c *classify.Cond) string {
	if c == nil {
		return ""
	}
	return w.condition(c, false)
}

func (w Words) condition(c *classify.Cond, nested bool) string {
	rs := w.rs
	p := c.Parts()
	open, close := w.Label("paren_open"), w.Label("paren_close")
	switch p.Kind {
	case classify.CondAll, classify.CondAny:
		parts := make([]string, len(p.Conds))
		for i, k := range p.Conds {
			parts[i] = w.condition(k, true)
		}
		if len(parts) == 1 {
			return parts[0]
		}
		var s string
		if p.Kind == classify.CondAll {
			s = strings.Join(parts, w.Label("semi"))
			if nested {
				s = w.Label("cond.all_of") + open + s + close
			}
			return s
		}
		s = strings.Join(parts, w.Label("cond.or"))
		return w.Label("cond.any_of") + open + s + close
	case classify.CondNot:
		k := p.Conds[0].Parts()
		if k.Kind == classify.CondEquals && k.Question >= 0 && rs.Questions()[k.Question].Type == classify.TypeBool {
			// "not no" keeps the unknown answer in: the rule holds unless
			// the answer is known to be the other one.
			return w.questionTitle(k.Question) + w.Label("cond.but_before") + w.Bool(k.Flag) + w.Label("cond.but_after")
		}
		return w.Label("cond.not") + open + w.condition(p.Conds[0], true) + close
	case classify.CondNoLimit:
		return w.text(rs.Parameters()[p.Param].Title) + w.Label("cond.no_limit")
	}
	q := &rs.Questions()[p.Question]
	title := w.questionTitle(p.Question)
	choices := func(or bool) string {
		var ls []string
		for i, ch := range q.Choices {
			if p.Choices&(1<<i) != 0 {
				ls = append(ls, w.text(ch.Label))
			}
		}
		if or {
			return strings.Join(ls, w.Label("cond.choice_or"))
		}
		return strings.Join(ls, w.Label("list_sep"))
	}
	operand := func() string {
		if p.Param >= 0 {
			return w.text(rs.Parameters()[p.Param].Title)
		}
		if q.Unit == "cny" {
			return CNY(p.Number, w.lang)
		}
		return Number(p.Number)
	}
	switch p.Kind {
	case classify.CondEquals:
		switch q.Type {
		case classify.TypeBool:
			return title + w.spaceAfter(title) + w.Bool(p.Flag)
		case classify.TypeEnum:
			return title + w.spaceAfter(title) + choices(true)
		}
		return title + w.spaceAfter(title) + operand()
	case classify.CondIn:
		return title + w.spaceAfter(title) + choices(true)
	case classify.CondAtLeast:
		if p.Param >= 0 {
			return title + w.spaceAfter(title) + w.Label("cond.at_least_param") + operand()
		}
		return title + w.spaceAfter(title) + operand() + w.Label("cond.at_least")
	case classify.CondAtMost:
		if p.Param >= 0 {
			return title + w.spaceAfter(title) + w.Label("cond.at_most_param") + operand()
		}
		return title + w.spaceAfter(title) + operand() + w.Label("cond.at_most")
	case classify.CondIncludes:
		return title + w.spaceAfter(title) + w.Label("cond.includes") + choices(true)
	case classify.CondOnly:
		return title + w.spaceAfter(title) + w.Label("cond.only") + choices(false)
	case classify.CondAnswered:
		if p.Flag {
			return title + w.spaceAfter(title) + w.Label("cond.answered")
		}
		// Not answered, or answered "not sure": not known either way.
		return title + w.spaceAfter(title) + w.Label("cond.not_known")
	}
	return "?"
}

// questionTitle is question i's wording.
func (w Words) questionTitle(i int) string { return w.text(w.rs.Questions()[i].Title) }

// spaceAfter is what separates a question's wording from the answer after
// it: a space after a question mark, a colon after anything else.
func (w Words) spaceAfter(title string) string {
	switch {
	case strings.HasSuffix(title, "?"):
		return " "
	case strings.HasSuffix(title, "？"), strings.HasSuffix(title, "）"):
		return ""
	}
	return w.Label("colon")
}
