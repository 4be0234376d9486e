package answers

import (
	"b22/classify"
	"bytes"
	"context"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

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
func (p *Parser) Parse(name string, data []byte, format Format) (*classify.Document, error) {
	return p.ParseContext(context.Background(), name, data, format)
}

// ParseContext is Parse, stopping with ctx's error once ctx is done.
func (p *Parser) ParseContext(ctx context.Context, name string, data []byte, format Format) (*classify.Document, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return p.parseAnswers(ctx, name, data, format, inFile)
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

func (p *Parser) parseAnswers(ctx context.Context, name string, data []byte, format Format, at where) (*classify.Document, error) {
	return p.parseAnswersQuick(ctx, name, data, format, at, true)
}

// parseAnswersQuick is parseAnswers, trying quickDocument first when quick
// is set (tests turn it off to compare the two).
func (p *Parser) parseAnswersQuick(ctx context.Context, name string, data []byte, format Format, at where, quick bool) (*classify.Document, error) {
	lineBase := at.lineBase
	fail := func(p classify.Problem) (*classify.Document, error) {
		p.File = name
		return nil, classify.Problems{p}
	}
	if len(data) > MaxDocumentBytes {
		return fail(classify.Problem{Code: classify.CodeTooLarge, Message: fmt.Sprintf("the document is %d bytes; the limit is %d bytes (1 MiB)", len(data), MaxDocumentBytes)})
	}
	// A byte-order mark is how some editors start UTF-8 files; it carries no
	// content, so it is dropped rather than refused.
	data = bytes.TrimPrefix(data, utf8BOM)
	if !utf8.Valid(data) {
		off := firstInvalidUTF8(data)
		line := bytes.Count(data[:off], []byte("\n")) + 1 + lineBase
		col := utf8.RuneCount(data[bytes.LastIndexByte(data[:off], '\n')+1:off]) + 1
		return fail(classify.Problem{Line: line, Col: col, Code: classify.CodeEncoding, Message: "invalid UTF-8; save the file as UTF-8"})
	}
	if format == FormatAuto {
		format = FormatYAML
		if t := bytes.TrimLeft(data, " \t\r\n"); len(t) > 0 && (t[0] == '{' || t[0] == '[') {
			format = FormatJSON
		}
	}
	if format == FormatYAML && len(data) > MaxYAMLBytes {
		return fail(classify.Problem{Code: classify.CodeTooLarge, Message: fmt.Sprintf("the YAML document is %d bytes; the limit for YAML is %d bytes (64 KiB): write a larger document as JSON", len(data), MaxYAMLBytes)})
	}
	if format == FormatJSON && quick {
		if doc, ok := p.quickDocument(data); ok {
			return doc, nil
		}
	}
	var root *node
	var ps problemList
	var columns []byte // JSON, whose byte columns become character columns
	if format == FormatJSON {
		var err error
		if root, err = parseJSON(ctx, data, lineBase, p.intern, at.notJSON, &ps); err != nil {
			return nil, err
		}
		columns = data
	} else {
		root = parseYAML(data, &ps)
	}
	if root == nil {
		return nil, ps.report(name, columns, lineBase)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	doc := p.document(root, collector{ps: &ps})
	if len(ps.ps) > 0 || ps.more > 0 {
		return nil, ps.report(name, columns, lineBase)
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

func (p *Parser) document(root *node, c collector) *classify.Document {
	doc := &classify.Document{Answers: make(classify.Answers, len(p.rs.Questions()))}
	if root.kind != kindObject {
		c.add(root.at, "", classify.CodeWrongType, "the document is %s; expected an object with \"answers\"", root.kind)
		return doc
	}
	for _, f := range root.fields {
		switch f.key {
		case "questionnaire":
			if f.val.kind == kindNull {
				continue
			}
			if f.val.kind != kindString || f.val.str != p.rs.ID() {
				c.add(f.val.at, "questionnaire", classify.CodeQuestionnaire, "%s is not this questionnaire; allowed: %q", describe(f.val), p.rs.ID())
			}
		case "product":
			p.product(f.val, &doc.Product, c)
		case "answers":
			p.answers(f.val, doc, c)
		default:
			msg := fmt.Sprintf("unknown key; allowed: %s%s", strings.Join(topKeys, ", "), hint(f.key, topKeys))
			if p.rs.Question(f.key) != nil {
				msg = fmt.Sprintf("unknown key; answer keys go inside \"answers\": {\"%s\": ...}", f.key)
			}
			c.add(f.at, clip(f.key), classify.CodeUnknownKey, "%s", msg)
		}
	}
	return doc
}

func (p *Parser) product(n *node, prod *classify.Product, c collector) {
	if n.kind == kindNull {
		return
	}
	if n.kind != kindObject {
		c.add(n.at, "product", classify.CodeWrongType, "expected an object with name, company and description; got %s", n.kind)
		return
	}
	for _, f := range n.fields {
		key := "product." + f.key
		var dst *string
		switch f.key {
		case "name":
			dst = &prod.Name
		case "company":
			dst = &prod.Company
		case "description":
			dst = &prod.Description
		default:
			c.add(f.at, "product."+clip(f.key), classify.CodeUnknownKey, "unknown key; allowed: %s%s", strings.Join(productKeys, ", "), hint(f.key, productKeys))
			continue
		}
		switch f.val.kind {
		case kindNull:
		case kindString:
			*dst = f.val.str
		default:
			c.add(f.val.at, key, classify.CodeWrongType, "expected a string; got %s", f.val.kind)
		}
	}
}

func (p *Parser) answers(n *node, doc *classify.Document, c collector) {
	a := doc.Answers
	if n.kind == kindNull {
		return
	}
	if n.kind != kindObject {
		c.add(n.at, "answers", classify.CodeWrongType, "expected an object of answers; got %s", n.kind)
		return
	}
	for _, f := range n.fields {
		i, ok := p.index[f.key]
		if !ok && !c.wants(f.at) {
			c.ps.more++
			continue
		}
		if !ok {
			c.add(f.at, "answers."+clip(f.key), classify.CodeUnknownKey, "unknown key%s; see %s for the keys", hint(f.key, p.questionIDs), p.keysRef)
			continue
		}
		if f.val.kind == kindNull {
			if doc.Unsure == nil {
				doc.Unsure = make([]bool, len(p.rs.Questions()))
			}
			doc.Unsure[i] = true
			continue
		}
		if f.val.kind == kindBad {
			continue
		}
		if v, ok := value(&p.rs.Questions()[i], f.val, c); ok {
			a[i] = v
		}
	}
}

// value checks one answer against its question. The key path of a problem
// ("answers.coverage") is built only when there is one.
func value(q *classify.Question, n *node, c collector) (classify.Value, bool) {
	switch q.Type {
	case classify.TypeBool:
		if n.kind != kindBool {
			hint := ""
			if n.kind == kindString {
				hint = yesNoHint(n.str)
			}
			c.add(n.at, "answers."+q.ID, classify.CodeWrongType, "%s is not allowed; allowed: true, false, or null for not known%s", describe(n), hint)
			return classify.Value{}, false
		}
		return classify.Value{Known: true, Bool: n.flag}, true
	case classify.TypeInt, classify.TypeNumber:
		if n.kind != kindNumber {
			c.add(n.at, "answers."+q.ID, classify.CodeWrongType, "%s is not allowed; allowed: %s, or null for not known", describe(n), Range(q))
			return classify.Value{}, false
		}
		if q.Type == classify.TypeInt && n.num != math.Trunc(n.num) {
			c.add(n.at, "answers."+q.ID, classify.CodeNotWhole, "%s is not a whole number; allowed: %s", clip(n.str), Range(q))
			return classify.Value{}, false
		}
		if (q.Min != nil && n.num < *q.Min) || (q.Max != nil && n.num > *q.Max) {
			c.add(n.at, "answers."+q.ID, classify.CodeOutOfRange, "%s is out of range; allowed: %s", clip(n.str), Range(q))
			return classify.Value{}, false
		}
		return classify.NumberValue(n.num), true
	case classify.TypeEnum:
		if n.kind != kindString {
			c.add(n.at, "answers."+q.ID, classify.CodeWrongType, "%s is not allowed; allowed: %s, or null for not known", describe(n), strings.Join(choiceIDs(q), ", "))
			return classify.Value{}, false
		}
		i := q.ChoiceIndex(n.str)
		if i < 0 {
			c.add(n.at, "answers."+q.ID, classify.CodeNotAllowed, "%q is not allowed; allowed: %s%s", clip(n.str), strings.Join(choiceIDs(q), ", "), hint(n.str, choiceIDs(q)))
			return classify.Value{}, false
		}
		return classify.Value{Known: true, Set: 1 << i}, true
	case classify.TypeMulti:
		if n.kind != kindArray {
			c.add(n.at, "answers."+q.ID, classify.CodeWrongType, "%s is not allowed; expected a list of: %s ([] for none, null for not known)", describe(n), strings.Join(choiceIDs(q), ", "))
			return classify.Value{}, false
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
			case (i < 0 || set&(1<<i) != 0) && !c.wants(it.at):
				c.ps.more++ // not shown: neither worded nor suggested
				ok = false
			case i < 0 && it.kind == kindString:
				c.add(it.at, itemKey(q.ID, j), classify.CodeNotAllowed, "%q is not allowed; allowed: %s%s", it.str, strings.Join(choiceIDs(q), ", "), hint(it.str, choiceIDs(q)))
				ok = false
			case i < 0:
				c.add(it.at, itemKey(q.ID, j), classify.CodeNotAllowed, "%s is not allowed; allowed: %s", describe(it), strings.Join(choiceIDs(q), ", "))
				ok = false
			case set&(1<<i) != 0:
				c.add(it.at, itemKey(q.ID, j), classify.CodeListedTwice, "%q is listed twice", it.str)
				ok = false
			default:
				set |= 1 << i
			}
		}
		return classify.Value{Known: true, Set: set}, ok
	}
	return classify.Value{}, false
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

func choiceIDs(q *classify.Question) []string {
	ids := make([]string, len(q.Choices))
	for i, c := range q.Choices {
		ids[i] = c.ID
	}
	return ids
}

// ParseLine parses one line of a JSON Lines stream: lineNo is its line
// number in the stream, which problems report.
func (p *Parser) ParseLine(name string, lineNo int, data []byte) (*classify.Document, error) {
	return p.ParseLineContext(context.Background(), name, lineNo, data)
}

// ParseLineContext is ParseLine, stopping with ctx's error once ctx is done.
func (p *Parser) ParseLineContext(ctx context.Context, name string, lineNo int, data []byte) (*classify.Document, error) {
	at := inStream
	at.lineBase = lineNo - 1
	return p.parseAnswers(ctx, name, data, FormatJSON, at)
}

// yesNoHint says what to write for a YAML 1.1 boolean word (yes, no, on,
// off, y, n): YAML 1.2, which answers files are read as, takes them as
// text, and b22 refuses rather than guess (docs/contract.md).
func yesNoHint(s string) string {
	switch strings.ToLower(s) {
	case "yes", "y", "on":
		return " (write true for yes: " + strconv.Quote(s) + " is text in JSON and in YAML 1.2)"
	case "no", "n", "off":
		return " (write false for no: " + strconv.Quote(s) + " is text in JSON and in YAML 1.2)"
	}
	return ""
}
