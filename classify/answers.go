package classify

import (
	"b22/classify/internal/jsonw"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math"
	"math/bits"
	"strconv"
	"strings"
	"unicode/utf8"
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

// Format is the syntax of an answers document.
type Format int

const (
	// FormatAuto takes JSON when the first non-blank character is '{' or '[',
	// and YAML otherwise.
	FormatAuto Format = iota
	FormatJSON
	FormatYAML
)

// maxProblems bounds the problems reported for one document, so a hostile
// file cannot make the report larger than itself many times over.
const maxProblems = 100

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// ParseAnswers parses and checks an answers document. name is used in
// problem locations ("acme.json"). On any problem it returns Problems listing
// every one found (up to 100), each with line, column, key and what is allowed.
func (rs *RuleSet) ParseAnswers(name string, data []byte, format Format) (*Document, error) {
	return rs.parseAnswers(name, data, format, inFile)
}

// where says where a document comes from, for what a problem suggests.
type where struct {
	lineBase int    // added to reported lines: the line's place in a stream
	notJSON  string // appended to a syntax error at the start of the document
}

var (
	inFile   = where{notJSON: "; a JSON document starts with '{' (is this YAML? name the file .yaml)"}
	inStream = where{notJSON: "; each line of a JSON Lines stream is one JSON object"}
)

func (rs *RuleSet) parseAnswers(name string, data []byte, format Format, at where) (*Document, error) {
	return rs.parseAnswersQuick(name, data, format, at, true)
}

// parseAnswersQuick is parseAnswers, trying quickDocument first when quick
// is set (tests turn it off to compare the two).
func (rs *RuleSet) parseAnswersQuick(name string, data []byte, format Format, at where, quick bool) (*Document, error) {
	lineBase := at.lineBase
	fail := func(p Problem) (*Document, error) {
		p.File = name
		return nil, Problems{p}
	}
	if len(data) > MaxDocumentBytes {
		return fail(Problem{Message: fmt.Sprintf("the document is %d bytes; the limit is %d bytes (1 MiB)", len(data), MaxDocumentBytes)})
	}
	// A byte-order mark is how some editors start UTF-8 files; it carries no
	// content, so it is dropped rather than refused.
	data = bytes.TrimPrefix(data, utf8BOM)
	if !utf8.Valid(data) {
		off := firstInvalidUTF8(data)
		line := bytes.Count(data[:off], []byte("\n")) + 1 + lineBase
		col := utf8.RuneCount(data[bytes.LastIndexByte(data[:off], '\n')+1:off]) + 1
		return fail(Problem{Line: line, Col: col, Message: "invalid UTF-8; save the file as UTF-8"})
	}
	if format == FormatAuto {
		format = FormatYAML
		if t := bytes.TrimLeft(data, " \t\r\n"); len(t) > 0 && (t[0] == '{' || t[0] == '[') {
			format = FormatJSON
		}
	}
	if format == FormatJSON && quick {
		if doc, ok := rs.quickDocument(data); ok {
			return doc, nil
		}
	}
	var root *node
	var early []Problem
	if format == FormatJSON {
		root, early = parseJSON(data, lineBase, rs.intern, at.notJSON)
	} else {
		root, early = parseYAML(data)
	}
	if root == nil {
		ps := Problems(early)
		if format == FormatJSON {
			runeColumns(data, lineBase, ps)
		}
		for i := range ps {
			ps[i].File = name
		}
		return nil, ps
	}
	ps := Problems(early)
	for i := range ps {
		ps[i].File = name
	}
	c := collector{file: name, ps: &ps}
	doc := rs.document(root, c)
	if len(ps) > 0 {
		if format == FormatJSON {
			runeColumns(data, lineBase, ps)
		}
		ps = ps.sorted()
		if len(ps) > maxProblems {
			ps = append(ps[:maxProblems], Problem{File: name, More: len(ps) - maxProblems, Message: fmt.Sprintf("and %d more problems", len(ps)-maxProblems)})
		}
		return nil, ps
	}
	return doc, nil
}

func firstInvalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return len(b)
}

var topKeys = []string{"questionnaire", "product", "answers"}
var productKeys = []string{"name", "company", "description"}

func (rs *RuleSet) document(root *node, c collector) *Document {
	doc := &Document{Answers: make(Answers, len(rs.Questions))}
	if root.kind != kindObject {
		c.add(root.at, "", "the document is %s; expected an object with \"answers\"", root.kind)
		return doc
	}
	for _, f := range root.fields {
		switch f.key {
		case "questionnaire":
			if f.val.kind == kindNull {
				continue
			}
			if f.val.kind != kindString || f.val.str != rs.ID {
				c.add(f.val.at, "questionnaire", "%s is not this questionnaire; allowed: %q", describe(f.val), rs.ID)
			}
		case "product":
			rs.product(f.val, &doc.Product, c)
		case "answers":
			rs.answers(f.val, doc, c)
		default:
			msg := fmt.Sprintf("unknown key; allowed: %s%s", strings.Join(topKeys, ", "), hint(f.key, topKeys))
			if rs.Question(f.key) != nil {
				msg = fmt.Sprintf("unknown key; answer keys go inside \"answers\": {\"%s\": ...}", f.key)
			}
			c.add(f.at, clip(f.key), "%s", msg)
		}
	}
	return doc
}

func (rs *RuleSet) product(n *node, p *Product, c collector) {
	if n.kind == kindNull {
		return
	}
	if n.kind != kindObject {
		c.add(n.at, "product", "expected an object with name, company and description; got %s", n.kind)
		return
	}
	for _, f := range n.fields {
		key := "product." + f.key
		var dst *string
		switch f.key {
		case "name":
			dst = &p.Name
		case "company":
			dst = &p.Company
		case "description":
			dst = &p.Description
		default:
			c.add(f.at, "product."+clip(f.key), "unknown key; allowed: %s%s", strings.Join(productKeys, ", "), hint(f.key, productKeys))
			continue
		}
		switch f.val.kind {
		case kindNull:
		case kindString:
			*dst = f.val.str
		default:
			c.add(f.val.at, key, "expected a string; got %s", f.val.kind)
		}
	}
}

func (rs *RuleSet) answers(n *node, doc *Document, c collector) {
	a := doc.Answers
	if n.kind == kindNull {
		return
	}
	if n.kind != kindObject {
		c.add(n.at, "answers", "expected an object of answers; got %s", n.kind)
		return
	}
	for _, f := range n.fields {
		i, ok := rs.questionIndex[f.key]
		if !ok {
			c.add(f.at, "answers."+clip(f.key), "unknown key%s; see `b22 questions` for the keys", hint(f.key, rs.questionIDs()))
			continue
		}
		if f.val.kind == kindNull {
			if doc.Unsure == nil {
				doc.Unsure = make([]bool, len(rs.Questions))
			}
			doc.Unsure[i] = true
			continue
		}
		if f.val.kind == kindBad {
			continue
		}
		if v, ok := rs.Questions[i].value(f.val, c); ok {
			a[i] = v
		}
	}
}

func (rs *RuleSet) questionIDs() []string {
	ids := make([]string, len(rs.Questions))
	for i, q := range rs.Questions {
		ids[i] = q.ID
	}
	return ids
}

// value checks one answer against its question. The key path of a problem
// ("answers.coverage") is built only when there is one.
func (q *Question) value(n *node, c collector) (Value, bool) {
	switch q.Type {
	case TypeBool:
		if n.kind != kindBool {
			c.add(n.at, "answers."+q.ID, "%s is not allowed; allowed: true, false, or null for not known", describe(n))
			return Value{}, false
		}
		return Value{Known: true, Bool: n.flag}, true
	case TypeInt, TypeNumber:
		if n.kind != kindNumber {
			c.add(n.at, "answers."+q.ID, "%s is not allowed; allowed: %s, or null for not known", describe(n), q.RangeText())
			return Value{}, false
		}
		if q.Type == TypeInt && n.num != math.Trunc(n.num) {
			c.add(n.at, "answers."+q.ID, "%s is not a whole number; allowed: %s", clip(n.str), q.RangeText())
			return Value{}, false
		}
		if (q.Min != nil && n.num < *q.Min) || (q.Max != nil && n.num > *q.Max) {
			c.add(n.at, "answers."+q.ID, "%s is out of range; allowed: %s", clip(n.str), q.RangeText())
			return Value{}, false
		}
		return NumberValue(n.num), true
	case TypeEnum:
		if n.kind != kindString {
			c.add(n.at, "answers."+q.ID, "%s is not allowed; allowed: %s, or null for not known", describe(n), strings.Join(q.choiceIDs(), ", "))
			return Value{}, false
		}
		i := q.ChoiceIndex(n.str)
		if i < 0 {
			c.add(n.at, "answers."+q.ID, "%q is not allowed; allowed: %s%s", clip(n.str), strings.Join(q.choiceIDs(), ", "), hint(n.str, q.choiceIDs()))
			return Value{}, false
		}
		return Value{Known: true, Set: 1 << i}, true
	case TypeMulti:
		if n.kind != kindArray {
			c.add(n.at, "answers."+q.ID, "%s is not allowed; expected a list of: %s ([] for none, null for not known)", describe(n), strings.Join(q.choiceIDs(), ", "))
			return Value{}, false
		}
		var set uint64
		ok := true
		for j, it := range n.items {
			i := -1
			if it.kind == kindString {
				i = q.ChoiceIndex(it.str)
			}
			switch {
			case it.kind == kindBad:
				ok = false
			case i < 0 && it.kind == kindString:
				c.add(it.at, itemKey(q.ID, j), "%q is not allowed; allowed: %s%s", it.str, strings.Join(q.choiceIDs(), ", "), hint(it.str, q.choiceIDs()))
				ok = false
			case i < 0:
				c.add(it.at, itemKey(q.ID, j), "%s is not allowed; allowed: %s", describe(it), strings.Join(q.choiceIDs(), ", "))
				ok = false
			case set&(1<<i) != 0:
				c.add(it.at, itemKey(q.ID, j), "%q is listed twice", it.str)
				ok = false
			default:
				set |= 1 << i
			}
		}
		return Value{Known: true, Set: set}, ok
	}
	return Value{}, false
}

// itemKey is the path of item j of a list answer: answers.use_cases[2].
func itemKey(id string, j int) string { return "answers." + id + "[" + strconv.Itoa(j) + "]" }

// describe shows a bad value in a message, short and quoted.
func describe(n *node) string {
	switch n.kind {
	case kindString:
		return strconv.Quote(clip(n.str))
	case kindNumber:
		return clip(n.str)
	case kindBool:
		return strconv.FormatBool(n.flag)
	default:
		return n.kind.String()
	}
}

func (q *Question) choiceIDs() []string {
	ids := make([]string, len(q.Choices))
	for i, c := range q.Choices {
		ids[i] = c.ID
	}
	return ids
}

// RangeText says in words which numbers a number question takes.
func (q *Question) RangeText() string {
	what := "a number"
	if q.Type == TypeInt {
		what = "a whole number"
	}
	f := func(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
	switch {
	case q.Min != nil && q.Max != nil:
		return fmt.Sprintf("%s from %s to %s", what, f(*q.Min), f(*q.Max))
	case q.Min != nil:
		return fmt.Sprintf("%s of at least %s", what, f(*q.Min))
	case q.Max != nil:
		return fmt.Sprintf("%s of at most %s", what, f(*q.Max))
	}
	return what
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
		q := &rs.Questions[i]
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
		b = append(b, `,"product":{`...)
		n := 0
		for _, f := range [...]struct{ k, v string }{{"company", p.Company}, {"description", p.Description}, {"name", p.Name}} {
			if f.v == "" {
				continue
			}
			if n > 0 {
				b = append(b, ',')
			}
			n++
			b = jsonw.AppendString(b, f.k)
			b = append(b, ':')
			b = jsonw.AppendString(b, f.v)
		}
		b = append(b, '}')
	}
	b = append(b, `,"questionnaire":`...)
	b = jsonw.AppendString(b, rs.ID)
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

// ParseLine parses one line of a JSON Lines stream: lineNo is its line
// number in the stream, which problems report.
func (rs *RuleSet) ParseLine(name string, lineNo int, data []byte) (*Document, error) {
	at := inStream
	at.lineBase = lineNo - 1
	return rs.parseAnswers(name, data, FormatJSON, at)
}
