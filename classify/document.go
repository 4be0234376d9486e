package classify

import (
	"b22/classify/internal/jsonw"
	"crypto/sha256"
	"encoding/hex"
	"math/bits"
	"strconv"
)

// Value is one answer. Known is false for an unanswered question. An enum
// answer is a one-bit Set (bit i = choice i), a multi answer a Set of bits,
// a bool answer is Bool and numbers are Num; unused fields stay zero so that
// equality is field-wise.
type Value struct {
	Known bool
	Bool  bool
	Num   float64
	Set   uint64
}

// Answers holds one Value per question, indexed like RuleSet.Questions.
type Answers []Value

// Product describes what was assessed; it is shown, never evaluated.
type Product struct {
	Name        string `json:"name,omitempty"`
	Company     string `json:"company,omitempty"`
	Description string `json:"description,omitempty"`
}

// Document is a parsed and checked answers document.
type Document struct {
	Product Product
	Answers Answers
	// Unsure marks the questions answered with an explicit null: "not sure",
	// as the interview writes it, rather than not asked yet. Both are unknown
	// to the rules; presenters may tell them apart. Nil when none is.
	Unsure []bool
}

func (q *Question) choiceIDs() []string {
	ids := make([]string, len(q.Choices))
	for i, c := range q.Choices {
		ids[i] = c.ID
	}
	return ids
}

// JSONValue is the answer as it appears in an answers document, or nil.
func (q *Question) JSONValue(v Value) any {
	if !v.Known {
		return nil
	}
	switch q.Type {
	case TypeBool:
		return v.Bool
	case TypeInt, TypeNumber:
		return v.Num
	case TypeEnum:
		for i := range q.Choices {
			if v.Set == 1<<i {
				return q.Choices[i].ID
			}
		}
		return nil
	default:
		ids := []string{}
		for i := range q.Choices {
			if v.Set&(1<<i) != 0 {
				ids = append(ids, q.Choices[i].ID)
			}
		}
		return ids
	}
}

// Canonical is the document in canonical JSON: keys sorted, unanswered keys
// left out, no spaces. Its SHA-256 identifies the facts a result rests on.
// It is written by hand because it runs for every result.
func (rs *RuleSet) Canonical(doc *Document) []byte {
	return rs.appendCanonical(make([]byte, 0, 512), doc)
}

func (rs *RuleSet) appendCanonical(b []byte, doc *Document) []byte {
	b = append(b, `{"answers":{`...)
	first := true
	for _, i := range rs.canonicalOrder {
		v := doc.Answers[i]
		if !v.Known {
			continue
		}
		q := &rs.questions[i]
		if !first {
			b = append(b, ',')
		}
		first = false
		b = append(b, q.keyJSON...)
		switch q.Type {
		case TypeBool:
			b = strconv.AppendBool(b, v.Bool)
		case TypeInt, TypeNumber:
			b = jsonw.AppendNumber(b, v.Num)
		case TypeEnum:
			b = append(b, q.choiceJSON[bits.TrailingZeros64(v.Set)]...)
		case TypeMulti:
			b = append(b, '[')
			n := 0
			for _, c := range q.sortedChoices {
				if v.Set&(1<<c) != 0 {
					if n > 0 {
						b = append(b, ',')
					}
					n++
					b = append(b, q.choiceJSON[c]...)
				}
			}
			b = append(b, ']')
		}
	}
	b = append(b, '}')
	if p := doc.Product; p != (Product{}) {
		b = append(b, `,"product":`...)
		b = jsonw.AppendStrings(b, "company", p.Company, "description", p.Description, "name", p.Name) // keys sorted
	}
	b = append(b, `,"questionnaire":`...)
	b = jsonw.AppendString(b, rs.id)
	return append(b, '}')
}

// NumberValue is a known number. -0 is 0: one fact has one canonical form
// and one hash, and no reader is shown "-0%".
func NumberValue(n float64) Value {
	if n == 0 {
		n = 0
	}
	return Value{Known: true, Num: n}
}

// Fingerprint is the hex SHA-256 of the canonical document.
func (rs *RuleSet) Fingerprint(doc *Document) string {
	var buf [1024]byte // most documents fit: no allocation
	sum := sha256.Sum256(rs.appendCanonical(buf[:0], doc))
	var digits [2 * sha256.Size]byte
	hex.Encode(digits[:], sum[:])
	return string(digits[:])
}
