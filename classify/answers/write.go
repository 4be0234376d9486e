package answers

import (
	"strconv"

	"b22/classify"
	"b22/classify/internal/jsonw"
)

// Marshal writes doc as an answers document a person reads and edits:
// the questionnaire, the product, and the answered keys in questionnaire
// order, "not sure" (doc.Unsure) as null, indented. It is always a
// complete, valid document that Parse reads back to doc. (Canonical is
// the form a hash is taken of: sorted, compact, without the nulls.)
func Marshal(rs *classify.RuleSet, doc *classify.Document) []byte {
	b := make([]byte, 0, 1024)
	b = append(b, "{\n  \"questionnaire\": "...)
	b = jsonw.AppendString(b, rs.ID())
	if p := doc.Product; p != (classify.Product{}) {
		b = append(b, ",\n  \"product\": "...)
		b = jsonw.AppendStrings(b, "name", p.Name, "company", p.Company, "description", p.Description)
	}
	b = append(b, ",\n  \"answers\": {"...)
	first := true
	for i := range rs.Questions() {
		q := &rs.Questions()[i]
		v := doc.Answers[i]
		unsure := doc.Unsure != nil && doc.Unsure[i]
		if !v.Known && !unsure {
			continue
		}
		if !first {
			b = append(b, ',')
		}
		first = false
		b = append(b, "\n    "...)
		b = jsonw.AppendString(b, q.ID)
		b = append(b, ": "...)
		b = appendValue(b, q, v)
	}
	if !first {
		b = append(b, "\n  "...)
	}
	return append(b, "}\n}\n"...)
}

// appendValue writes one answer as an answers document holds it.
func appendValue(b []byte, q *classify.Question, v classify.Value) []byte {
	if !v.Known {
		return append(b, "null"...)
	}
	switch q.Type {
	case classify.TypeBool:
		return strconv.AppendBool(b, v.Bool)
	case classify.TypeInt, classify.TypeNumber:
		return jsonw.AppendNumber(b, v.Num)
	case classify.TypeEnum:
		for i := range q.Choices {
			if v.Set == 1<<i {
				return jsonw.AppendString(b, q.Choices[i].ID)
			}
		}
		return append(b, "null"...)
	default:
		b = append(b, '[')
		n := 0
		for i := range q.Choices {
			if v.Set&(1<<i) != 0 {
				if n > 0 {
					b = append(b, ',')
				}
				n++
				b = jsonw.AppendString(b, q.Choices[i].ID)
			}
		}
		return append(b, ']')
	}
}
