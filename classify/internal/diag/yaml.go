package diag

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// Problem is a place in a document and what is wrong there; Line and Col
// are 1-based, zero when not known.
type Problem struct {
	Line, Col int
	Message   string
	// TooDeep is set for nesting deeper than the limit, and otherwise the
	// problem is one of syntax.
	TooDeep bool
}

var lineRE = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// YAMLError turns a YAML library error into a located problem, with a
// word on the usual cause where the library's message does not say it.
// For a kind of document nested at most limit deep, the library's own
// depth error (at 10,000 levels, often without a place) is reported at the
// bracket where limit is passed, in the words the rest of b22 uses.
func YAMLError(err error, data []byte, limit int) Problem {
	msg := err.Error()
	if strings.Contains(msg, "exceeded max depth") {
		if p := flowDepth(data, limit); p != nil {
			return *p
		}
		return Problem{Message: fmt.Sprintf("nesting deeper than %d levels", limit), TooDeep: true}
	}
	m := lineRE.FindStringSubmatch(msg)
	if m == nil {
		return Problem{Message: strings.TrimPrefix(msg, "yaml: ")}
	}
	line, _ := strconv.Atoi(m[1])
	p := Problem{Line: line, Col: 1, Message: m[2]}
	lines := bytes.Split(data, []byte("\n"))
	for l := max(0, line-2); l < min(len(lines), line+1); l++ {
		if i := bytes.IndexByte(lines[l], '\t'); i >= 0 && len(bytes.TrimLeft(lines[l][:i], " ")) == 0 {
			p.Line, p.Col = l+1, i+1
			p.Message += "; YAML indents with spaces, not tabs"
			break
		}
	}
	return p
}

// flowDepth finds where flow collections ([ and {) nest deeper than
// limit, outside quoted strings and comments. It only locates a depth the
// YAML library has already refused, so a bracket it misreads (in a block
// scalar, on a continuation line) can misplace that error but never refuse
// a valid document. Block nesting that deep needs more indentation than a
// document's size limit allows.
func flowDepth(data []byte, limit int) *Problem {
	line, col, depth := 1, 0, 0
	var quote byte
	comment := false
	// prev is the last character before this one on the line that is not
	// a space, or '\n' at the start of a line: a quote opens a quoted
	// scalar only where a value can start, so the apostrophe in MIIT's
	// is a letter, not the start of a string.
	prev := byte('\n')
	for i := 0; i < len(data); i++ {
		b := data[i]
		col++
		switch {
		case b == '\n':
			line, col, comment, prev = line+1, 0, false, '\n'
			continue
		case comment:
			continue
		case quote != 0:
			switch {
			case quote == '"' && b == '\\':
				i++
				col++
			case quote == '\'' && b == '\'' && i+1 < len(data) && data[i+1] == '\'':
				i++
				col++
			case b == quote:
				quote, prev = 0, b
			}
			continue
		}
		switch b {
		case '"', '\'':
			if strings.IndexByte("\n:-[{,?", prev) >= 0 {
				quote = b
			}
		case '#':
			comment = i == 0 || data[i-1] == ' ' || data[i-1] == '\t' || data[i-1] == '\n'
		case '[', '{':
			// A bracket opens a collection where a value can start, or
			// anywhere inside one; in the middle of a plain text it is a
			// character of the text.
			if depth == 0 && strings.IndexByte("\n:-[{,?", prev) < 0 {
				prev = 'x' // and so are the brackets after it on the line
				continue
			}
			if depth++; depth > limit {
				return &Problem{Line: line, Col: col, Message: fmt.Sprintf("nesting deeper than %d levels", limit), TooDeep: true}
			}
		case ']', '}':
			if depth > 0 {
				depth--
			}
		}
		if b != ' ' && b != '\t' {
			prev = b
		}
	}
	return nil
}

// ControlChar finds a control character YAML does not allow, which the
// YAML library reports without a place.
func ControlChar(data []byte) (Problem, bool) {
	line, col := 1, 1
	for _, r := range string(data) {
		switch {
		case r == '\n':
			line, col = line+1, 1
			continue
		case r == '\t' || r == '\r':
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
			return Problem{Line: line, Col: col, Message: fmt.Sprintf("control character %U; YAML does not allow it (write it as an escape in a double-quoted string)", r)}, true
		}
		col++
	}
	return Problem{}, false
}
