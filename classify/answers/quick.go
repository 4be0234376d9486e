package answers

import (
	"b22/classify"
	"b22/classify/internal/jsonw"
	"encoding/binary"
	"math"
	"strconv"
)

// quickDocument reads a well-formed answers document straight into a
// Document, without the node tree, positions and messages the full parser
// builds to report problems. It gives up (ok false) at the first thing it
// is not sure of: an escape in a string, an unknown or repeated key, a value
// the question does not allow, anything but the plain shape of a valid
// document. The full parser then reads the document again and reports what
// is wrong, if anything. Whatever quickDocument accepts, the full parser
// accepts with the same Document (FuzzQuickDocument holds it to that).
//
// A stream spends most of its parsing on documents that are fine; reading
// those directly is several times faster.
func (p *Parser) quickDocument(data []byte) (doc *classify.Document, ok bool) {
	q := quickParser{data: data}
	doc = &classify.Document{Answers: make(classify.Answers, len(p.rs.Questions()))}
	if !q.byte('{') {
		return nil, false
	}
	if q.byte('}') {
		return doc, q.end()
	}
	var seenTop [3]bool // questionnaire, product, answers
	for {
		key, ok := q.str()
		if !ok || !q.byte(':') {
			return nil, false
		}
		var top int
		switch string(key) {
		case "questionnaire":
			top = 0
			if !q.null() {
				id, ok := q.str()
				if !ok || string(id) != p.rs.ID() {
					return nil, false
				}
			}
		case "product":
			top = 1
			if !q.null() && !q.product(&doc.Product) {
				return nil, false
			}
		case "answers":
			top = 2
			if !q.null() && !p.quickAnswers(&q, doc) {
				return nil, false
			}
		default:
			return nil, false
		}
		if seenTop[top] {
			return nil, false
		}
		seenTop[top] = true
		if q.byte('}') {
			return doc, q.end()
		}
		if !q.byte(',') {
			return nil, false
		}
	}
}

func (p *Parser) quickAnswers(q *quickParser, doc *classify.Document) bool {
	if !q.byte('{') {
		return false
	}
	if q.byte('}') {
		return true
	}
	var seenBuf [64]bool
	seen := seenBuf[:]
	if len(p.rs.Questions()) > len(seenBuf) {
		seen = make([]bool, len(p.rs.Questions()))
	}
	for {
		key, ok := q.str()
		if !ok || !q.byte(':') {
			return false
		}
		i, known := p.index[string(key)]
		if !known || seen[i] {
			return false
		}
		seen[i] = true
		if q.null() {
			if doc.Unsure == nil {
				doc.Unsure = make([]bool, len(p.rs.Questions()))
			}
			doc.Unsure[i] = true
		} else if doc.Answers[i], ok = q.value(&p.rs.Questions()[i]); !ok {
			return false
		}
		if q.byte('}') {
			return true
		}
		if !q.byte(',') {
			return false
		}
	}
}

// quickParser reads the tokens of a plain JSON document; every method skips
// the spaces before what it reads.
type quickParser struct {
	data []byte
	i    int
}

func (q *quickParser) space() {
	for q.i < len(q.data) {
		switch q.data[q.i] {
		case ' ', '\t', '\r', '\n':
			q.i++
		default:
			return
		}
	}
}

// byte reads c if it comes next.
func (q *quickParser) byte(c byte) bool {
	q.space()
	if q.i < len(q.data) && q.data[q.i] == c {
		q.i++
		return true
	}
	return false
}

// end reports whether nothing but spaces is left.
func (q *quickParser) end() bool {
	q.space()
	return q.i == len(q.data)
}

// word reads a literal (true, false, null) if it comes next.
func (q *quickParser) word(w string) bool {
	q.space()
	if len(q.data)-q.i >= len(w) && string(q.data[q.i:q.i+len(w)]) == w {
		q.i += len(w)
		return true
	}
	return false
}

func (q *quickParser) null() bool { return q.word("null") }

// str reads a string without escapes or control characters and returns its
// bytes, which alias the input.
func (q *quickParser) str() ([]byte, bool) {
	if !q.byte('"') {
		return nil, false
	}
	start := q.i
	for q.i+8 <= len(q.data) && jsonw.PlainWord(binary.LittleEndian.Uint64(q.data[q.i:])) {
		q.i += 8 // ids are plain ASCII: eight bytes at a time
	}
	for q.i < len(q.data) {
		switch c := q.data[q.i]; {
		case c == '"':
			q.i++
			return q.data[start : q.i-1], true
		case c == '\\' || c < 0x20:
			return nil, false
		}
		q.i++
	}
	return nil, false
}

func (q *quickParser) product(p *classify.Product) bool {
	if !q.byte('{') {
		return false
	}
	if q.byte('}') {
		return true
	}
	var seen [3]bool
	for {
		key, ok := q.str()
		if !ok || !q.byte(':') {
			return false
		}
		var k int
		var dst *string
		switch string(key) {
		case "name":
			k, dst = 0, &p.Name
		case "company":
			k, dst = 1, &p.Company
		case "description":
			k, dst = 2, &p.Description
		default:
			return false
		}
		if seen[k] {
			return false
		}
		seen[k] = true
		if !q.null() {
			s, ok := q.str()
			if !ok {
				return false
			}
			*dst = string(s)
		}
		if q.byte('}') {
			return true
		}
		if !q.byte(',') {
			return false
		}
	}
}

// value reads an answer the question allows; null is read by the caller.
func (q *quickParser) value(qu *classify.Question) (classify.Value, bool) {
	switch qu.Type {
	case classify.TypeBool:
		switch {
		case q.word("true"):
			return classify.Value{Known: true, Bool: true}, true
		case q.word("false"):
			return classify.Value{Known: true}, true
		}
	case classify.TypeInt, classify.TypeNumber:
		n, ok := q.number()
		if !ok || (qu.Type == classify.TypeInt && n != math.Trunc(n)) ||
			(qu.Min != nil && n < *qu.Min) || (qu.Max != nil && n > *qu.Max) {
			return classify.Value{}, false
		}
		return classify.NumberValue(n), true
	case classify.TypeEnum:
		s, ok := q.str()
		if c := choiceIndex(qu, s); ok && c >= 0 {
			return classify.Value{Known: true, Set: 1 << c}, true
		}
	case classify.TypeMulti:
		if !q.byte('[') {
			return classify.Value{}, false
		}
		var set uint64
		if q.byte(']') {
			return classify.Value{Known: true, Set: set}, true
		}
		for {
			s, ok := q.str()
			c := choiceIndex(qu, s)
			if !ok || c < 0 || set&(1<<c) != 0 {
				return classify.Value{}, false
			}
			set |= 1 << c
			if q.byte(']') {
				return classify.Value{Known: true, Set: set}, true
			}
			if !q.byte(',') {
				return classify.Value{}, false
			}
		}
	}
	return classify.Value{}, false
}

// choiceIndex is Question.ChoiceIndex for an id still in the input's bytes:
// comparing them with string(id) copies nothing.
func choiceIndex(qu *classify.Question, id []byte) int {
	for i := range qu.Choices {
		if qu.Choices[i].ID == string(id) {
			return i
		}
	}
	return -1
}

// number reads a JSON number in range: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
func (q *quickParser) number() (float64, bool) {
	q.space()
	start := q.i
	if q.i < len(q.data) && q.data[q.i] == '-' {
		q.i++
	}
	intStart := q.i
	if q.digits() == 0 || (q.data[intStart] == '0' && q.i-intStart > 1) {
		return 0, false
	}
	if q.i < len(q.data) && q.data[q.i] == '.' {
		q.i++
		if q.digits() == 0 {
			return 0, false
		}
	}
	if q.i < len(q.data) && (q.data[q.i] == 'e' || q.data[q.i] == 'E') {
		q.i++
		if q.i < len(q.data) && (q.data[q.i] == '+' || q.data[q.i] == '-') {
			q.i++
		}
		if q.digits() == 0 {
			return 0, false
		}
	}
	f, err := strconv.ParseFloat(string(q.data[start:q.i]), 64)
	return f, err == nil
}

func (q *quickParser) digits() int {
	s := q.i
	for q.i < len(q.data) && q.data[q.i] >= '0' && q.data[q.i] <= '9' {
		q.i++
	}
	return q.i - s
}
