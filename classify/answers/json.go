package answers

import (
	"b22/classify"
	"context"
	"fmt"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
)

// parseJSON parses one JSON value into a node tree, tracking line and column
// of every value and key. It rejects what encoding/json would silently
// accept or lose: duplicate keys, invalid UTF-8, numbers out of range. lineBase
// is added to reported lines (for a line of a JSON Lines stream). A syntax
// error ends parsing (nil node); duplicate keys and bad numbers are reported
// in problems while parsing goes on, so that every one is listed.
func parseJSON(ctx context.Context, data []byte, lineBase int, intern map[string]string, notJSON string, problems *problemList) (*node, error) {
	p := &jsonParser{ctx: ctx, data: data, line: 1 + lineBase, lineStart: 0, intern: intern, problems: problems}
	p.skipSpace()
	if p.i >= len(p.data) {
		problems.add(*p.fail("the document is empty; expected a JSON object"))
		return nil, nil
	}
	n := p.value(0)
	if p.err == nil {
		p.skipSpace()
		if p.i < len(p.data) {
			p.fail("unexpected %s after the end of the document", p.describe())
		}
	}
	if p.cancelled != nil {
		return nil, p.cancelled
	}
	if p.err != nil {
		if p.i == 0 || (n == nil && p.err.Line == 1+lineBase && p.err.Col == 1) {
			p.err.Message += notJSON
		}
		problems.add(*p.err)
		return nil, nil
	}
	return n, nil
}

type jsonParser struct {
	data      []byte
	i         int
	line      int
	lineStart int
	err       *classify.Problem
	problems  *problemList // not fatal: parsing went on
	values    int          // nodes made, against maxValues
	ctx       context.Context
	cancelled error    // the context's error, when it ended the parsing
	path      []string // keys and [indexes] down to the current value
	slab      []node   // see node
	// intern holds the keys and values a document is made of (question and
	// choice ids): a string found there costs no allocation.
	intern map[string]string
}

// node returns a pointer to a copy of n, taken from a slab: a document's
// nodes cost one allocation per 32 instead of one each.
func (p *jsonParser) node(n node) *node {
	p.values++
	if p.values > maxValues {
		p.failCode(classify.CodeTooLarge, "more than %d values in one document; an answers document has a few hundred", maxValues)
	} else if p.values%1024 == 0 && p.err == nil {
		if err := p.ctx.Err(); err != nil {
			p.cancelled = err
			p.failCode(classify.CodeSyntax, "cancelled")
		}
	}
	if len(p.slab) == cap(p.slab) {
		p.slab = make([]node, 0, 32)
	}
	p.slab = append(p.slab, n)
	return &p.slab[len(p.slab)-1]
}

// at records a problem that does not stop parsing, at pos with the current path.
func (p *jsonParser) problem(at pos, code classify.Code, format string, args ...any) {
	if !p.problems.wants(at) {
		p.problems.more++
		return
	}
	p.problems.add(classify.Problem{Line: at.Line, Col: at.Col, Key: pathString(p.path), Code: code, Message: fmt.Sprintf(format, args...)})
}

// pathString writes a path as answers.use_cases[2].
func pathString(path []string) string {
	var b []byte
	for _, seg := range path {
		if len(b) > 0 && (seg == "" || seg[0] != '[') {
			b = append(b, '.')
		}
		b = append(b, clip(seg)...)
	}
	return string(b)
}

// here is the current position with a byte column; runeColumns turns byte
// columns into character columns for the few positions that get reported.
func (p *jsonParser) here() pos {
	return pos{Line: p.line, Col: p.i - p.lineStart + 1}
}

// fail records the syntax error that stops parsing.
func (p *jsonParser) fail(format string, args ...any) *classify.Problem {
	return p.failCode(classify.CodeSyntax, format, args...)
}

func (p *jsonParser) failCode(code classify.Code, format string, args ...any) *classify.Problem {
	if p.err == nil {
		at := p.here()
		p.err = &classify.Problem{Line: at.Line, Col: at.Col, Code: code, Message: fmt.Sprintf(format, args...)}
	}
	return p.err
}

func (p *jsonParser) describe() string {
	if p.i >= len(p.data) {
		return "end of input"
	}
	// A bare word (tru, yes, NaN) is shown whole: that is what was typed.
	j := p.i
	for j < len(p.data) && j-p.i < 20 && (p.data[j]|0x20 >= 'a' && p.data[j]|0x20 <= 'z') {
		j++
	}
	if j-p.i > 1 {
		return "word " + strconv.Quote(string(p.data[p.i:j]))
	}
	r, _ := utf8.DecodeRune(p.data[p.i:])
	return strconv.QuoteRune(r)
}

func (p *jsonParser) skipSpace() {
	for p.i < len(p.data) {
		switch p.data[p.i] {
		case '\n':
			p.line++
			p.lineStart = p.i + 1
		case ' ', '\t', '\r':
		default:
			return
		}
		p.i++
	}
}

func (p *jsonParser) value(depth int) *node {
	if depth > maxDepth {
		p.failCode(classify.CodeTooDeep, "nesting deeper than %d levels", maxDepth)
		return nil
	}
	p.skipSpace()
	at := p.here()
	if p.i >= len(p.data) {
		p.fail("unexpected end of input; expected a value")
		return nil
	}
	switch c := p.data[p.i]; {
	case c == '{':
		return p.object(at, depth)
	case c == '[':
		return p.array(at, depth)
	case c == '"':
		s, ok := p.string()
		if !ok {
			return nil
		}
		return p.node(node{kind: kindString, at: at, str: s})
	case c == '-' || (c >= '0' && c <= '9'):
		return p.number(at)
	case p.literal("true"):
		return p.node(node{kind: kindBool, at: at, flag: true})
	case p.literal("false"):
		return p.node(node{kind: kindBool, at: at})
	case p.literal("null"):
		return p.node(node{kind: kindNull, at: at})
	default:
		p.fail("unexpected %s; expected a value (object, list, string, number, true, false or null)", p.describe())
		return nil
	}
}

func (p *jsonParser) literal(word string) bool {
	if len(p.data)-p.i >= len(word) && string(p.data[p.i:p.i+len(word)]) == word {
		p.i += len(word)
		return true
	}
	return false
}

func (p *jsonParser) object(at pos, depth int) *node {
	n := p.node(node{kind: kindObject, at: at})
	var seen map[string]int // the fields by key, once there are many
	p.i++                   // {
	p.skipSpace()
	if p.i < len(p.data) && p.data[p.i] == '}' {
		p.i++
		return n
	}
	for {
		p.skipSpace()
		keyAt := p.here()
		if p.i >= len(p.data) || p.data[p.i] != '"' {
			p.fail("unexpected %s; expected a quoted key", p.describe())
			return nil
		}
		key, ok := p.string()
		if !ok {
			return nil
		}
		first, dup := findField(n.fields, &seen, key)
		if dup {
			p.path = append(p.path, key)
			p.problem(keyAt, classify.CodeDuplicateKey, "duplicate key %q (first at %d:%d); give each key once", clip(key), first.Line, first.Col)
			p.path = p.path[:len(p.path)-1]
		}
		p.skipSpace()
		if p.i >= len(p.data) || p.data[p.i] != ':' {
			p.fail("unexpected %s; expected ':' after key %q", p.describe(), clip(key))
			return nil
		}
		p.i++
		p.path = append(p.path, key)
		v := p.value(depth + 1)
		p.path = p.path[:len(p.path)-1]
		if p.err != nil {
			return nil
		}
		if !dup {
			n.fields = addField(n.fields, seen, field{key: key, at: keyAt, val: v})
		}
		p.skipSpace()
		if p.i < len(p.data) && p.data[p.i] == ',' {
			p.i++
			continue
		}
		if p.i < len(p.data) && p.data[p.i] == '}' {
			p.i++
			return n
		}
		p.fail("unexpected %s; expected ',' or '}'", p.describe())
		return nil
	}
}

func (p *jsonParser) array(at pos, depth int) *node {
	n := p.node(node{kind: kindArray, at: at})
	p.i++ // [
	p.skipSpace()
	if p.i < len(p.data) && p.data[p.i] == ']' {
		p.i++
		return n
	}
	for {
		p.path = append(p.path, "["+strconv.Itoa(len(n.items))+"]")
		v := p.value(depth + 1)
		p.path = p.path[:len(p.path)-1]
		if p.err != nil {
			return nil
		}
		n.items = append(n.items, v)
		p.skipSpace()
		if p.i < len(p.data) && p.data[p.i] == ',' {
			p.i++
			continue
		}
		if p.i < len(p.data) && p.data[p.i] == ']' {
			p.i++
			return n
		}
		p.fail("unexpected %s; expected ',' or ']'", p.describe())
		return nil
	}
}

// string reads a quoted string at p.i, decoding escapes.
func (p *jsonParser) string() (string, bool) {
	p.i++ // opening quote
	start := p.i
	// Fast path: no escapes.
	for p.i < len(p.data) {
		c := p.data[p.i]
		if c == '"' {
			raw := p.data[start:p.i]
			p.i++
			if s, ok := p.intern[string(raw)]; ok { // no allocation for the lookup
				return s, true
			}
			return string(raw), true
		}
		if c == '\\' || c < 0x20 {
			break
		}
		p.i++
	}
	buf := append([]byte(nil), p.data[start:p.i]...)
	for p.i < len(p.data) {
		c := p.data[p.i]
		switch {
		case c == '"':
			p.i++
			return string(buf), true
		case c < 0x20:
			p.fail("control character %U in a string; escape it", c)
			return "", false
		case c == '\\':
			if p.i+1 >= len(p.data) {
				p.fail("unfinished escape in a string")
				return "", false
			}
			e := p.data[p.i+1]
			p.i += 2
			switch e {
			case '"', '\\', '/':
				buf = append(buf, e)
			case 'b':
				buf = append(buf, '\b')
			case 'f':
				buf = append(buf, '\f')
			case 'n':
				buf = append(buf, '\n')
			case 'r':
				buf = append(buf, '\r')
			case 't':
				buf = append(buf, '\t')
			case 'u':
				r, ok := p.hex4()
				if !ok {
					return "", false
				}
				if utf16.IsSurrogate(r) {
					r2 := rune(-1)
					if p.i+1 < len(p.data) && p.data[p.i] == '\\' && p.data[p.i+1] == 'u' {
						p.i += 2
						if r2, ok = p.hex4(); !ok {
							return "", false
						}
					}
					if r = utf16.DecodeRune(r, r2); r == utf8.RuneError {
						p.fail("invalid surrogate pair in a \\u escape")
						return "", false
					}
				}
				buf = utf8.AppendRune(buf, r)
			default:
				p.i -= 2
				p.fail("invalid escape \\%c in a string", e)
				return "", false
			}
		default:
			buf = append(buf, c)
			p.i++
		}
	}
	p.fail("unterminated string")
	return "", false
}

func (p *jsonParser) hex4() (rune, bool) {
	if p.i+4 > len(p.data) {
		p.fail("unfinished \\u escape")
		return 0, false
	}
	v, err := strconv.ParseUint(string(p.data[p.i:p.i+4]), 16, 32)
	if err != nil {
		p.fail("invalid \\u escape")
		return 0, false
	}
	p.i += 4
	return rune(v), true
}

func (p *jsonParser) number(at pos) *node {
	start := p.i
	if p.data[p.i] == '-' {
		p.i++
	}
	digits := func() int {
		s := p.i
		for p.i < len(p.data) && p.data[p.i] >= '0' && p.data[p.i] <= '9' {
			p.i++
		}
		return p.i - s
	}
	intStart := p.i
	if digits() == 0 {
		p.fail("invalid number")
		return nil
	}
	if p.data[intStart] == '0' && p.i-intStart > 1 {
		p.err = &classify.Problem{Line: at.Line, Col: at.Col, Code: classify.CodeSyntax, Message: "invalid number: leading zero"}
		return nil
	}
	if p.i < len(p.data) && p.data[p.i] == '.' {
		p.i++
		if digits() == 0 {
			p.fail("invalid number: digits expected after '.'")
			return nil
		}
	}
	if p.i < len(p.data) && (p.data[p.i] == 'e' || p.data[p.i] == 'E') {
		p.i++
		if p.i < len(p.data) && (p.data[p.i] == '+' || p.data[p.i] == '-') {
			p.i++
		}
		if digits() == 0 {
			p.fail("invalid number: digits expected in the exponent")
			return nil
		}
	}
	lit := string(p.data[start:p.i])
	f, err := strconv.ParseFloat(lit, 64)
	if err != nil {
		p.problem(at, classify.CodeBadNumber, "number %s is out of range", clip(lit))
		return p.node(node{kind: kindBad, at: at, str: lit})
	}
	return p.node(node{kind: kindNumber, at: at, str: lit, num: f})
}
