package present

import (
	"strconv"
	"strings"

	"b22/classify"
)

// Answer is a known answer to q in words: yes or no, the labels of the
// choices, a number in its unit. It is "" for an unknown answer: whether
// that was left open, answered "not sure" or not asked reads differently
// on a screen and in a memo, so the caller words it.
func (w Words) Answer(q *classify.Question, v classify.Value) string {
	if !v.Known {
		return ""
	}
	switch q.Type {
	case classify.TypeBool:
		return w.Bool(v.Bool)
	case classify.TypeEnum, classify.TypeMulti:
		var labels []string
		for i, c := range q.Choices {
			if v.Set&(1<<i) != 0 {
				labels = append(labels, w.text(c.Label))
			}
		}
		if len(labels) == 0 {
			return w.Label("none")
		}
		return strings.Join(labels, w.Label("list_sep"))
	}
	switch q.Unit {
	case "cny":
		return CNY(v.Num, w.lang)
	case "percent":
		return Number(v.Num) + "%"
	}
	return Number(v.Num)
}

// CNY writes an amount of yuan: "RMB 10,000,000" or "人民币1000万元". The
// rule set writes the amounts in its own texts the same way when it loads
// ({min_capital}), so this is the engine's function: an amount reads the
// same in a rule's explanation and beside it.
func CNY(v float64, lang string) string { return classify.FormatCNY(v, lang) }

// Number writes v with its digits grouped in threes by commas, a decimal
// point where needed, never an exponent: 1,500 or 49.5. The interview's
// number parser reads it back as v; three decimals after a short whole
// part get a fourth zero ("1.1250"), which that parser would otherwise
// refuse as ambiguous (is 1.125 a decimal or 1125 grouped?).
func Number(v float64) string {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	intPart, frac, hasPoint := strings.Cut(s, ".")
	var b strings.Builder
	for i := range len(intPart) {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteByte(intPart[i])
	}
	if hasPoint {
		b.WriteByte('.')
		b.WriteString(frac)
		if len(frac) == 3 && len(intPart) <= 3 && intPart != "0" {
			b.WriteByte('0')
		}
	}
	return b.String()
}
