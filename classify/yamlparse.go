package classify

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"regexp"
	"strconv"
	"strings"

	yaml "go.yaml.in/yaml/v3"
)

// parseYAML parses one YAML document into a node tree. Anchors and aliases are
// refused (an answers document has no use for them, and they are how YAML
// bombs work), and so are duplicate keys and non-finite numbers. As with
// parseJSON, a nil node means parsing stopped; otherwise the problems are
// those found on the way.
func parseYAML(data []byte) (*node, []Problem) {
	if p := yamlControlChar(data); p != nil {
		return nil, []Problem{*p}
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, []Problem{{Message: "the document is empty; expected a YAML mapping"}}
		}
		return nil, []Problem{yamlProblem(err, data)}
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		return nil, []Problem{{Line: extra.Line, Col: extra.Column, Message: "a second YAML document; an answers file holds one"}}
	} else if !errors.Is(err, io.EOF) {
		return nil, []Problem{yamlProblem(err, data)}
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) != 1 {
		return nil, []Problem{{Message: "the document is empty; expected a YAML mapping"}}
	}
	c := yamlConverter{}
	n := c.node(doc.Content[0], 0)
	if n == nil {
		return nil, c.problems
	}
	return n, c.problems
}

var yamlLineRE = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// yamlProblem turns a yaml.v3 syntax error into a located problem, with a
// word on the usual cause where the library's message does not say it.
func yamlProblem(err error, data []byte) Problem {
	return yamlProblemDepth(err, data, maxDepth)
}

// yamlProblemDepth is yamlProblem for a kind of document nested at most
// limit deep: the YAML library's own depth error (at 10,000 levels, often
// without a place) is reported at the bracket where limit is passed, in the
// words the rest of b22 uses.
func yamlProblemDepth(err error, data []byte, limit int) Problem {
	msg := err.Error()
	if strings.Contains(msg, "exceeded max depth") {
		if p := yamlFlowDepth(data, limit); p != nil {
			return *p
		}
		return Problem{Message: fmt.Sprintf("nesting deeper than %d levels", limit)}
	}
	m := yamlLineRE.FindStringSubmatch(msg)
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

// yamlFlowDepth finds where flow collections ([ and {) nest deeper than
// limit, outside quoted strings and comments. It only locates a depth the
// YAML library has already refused, so a bracket it misreads (in a block
// scalar, on a continuation line) can misplace that error but never refuse
// a valid document. Block nesting that deep needs more indentation than a
// document's size limit allows.
func yamlFlowDepth(data []byte, limit int) *Problem {
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
				return &Problem{Line: line, Col: col, Message: fmt.Sprintf("nesting deeper than %d levels", limit)}
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

// yamlControlChar finds a control character YAML does not allow, which the
// YAML library reports without a place.
func yamlControlChar(data []byte) *Problem {
	line, col := 1, 1
	for _, r := range string(data) {
		switch {
		case r == '\n':
			line, col = line+1, 1
			continue
		case r == '\t' || r == '\r':
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
			return &Problem{Line: line, Col: col, Message: fmt.Sprintf("control character %U; YAML does not allow it (write it as an escape in a double-quoted string)", r)}
		}
		col++
	}
	return nil
}

// yamlConverter turns yaml.Nodes into nodes, collecting the problems that
// need not stop it.
type yamlConverter struct {
	problems []Problem
	path     []string
}

func (c *yamlConverter) problem(y *yaml.Node, format string, args ...any) {
	c.problems = append(c.problems, Problem{Line: y.Line, Col: y.Column, Key: pathString(c.path), Message: fmt.Sprintf(format, args...)})
}

// node converts y; nil means a problem that stops the conversion.
func (c *yamlConverter) node(y *yaml.Node, depth int) *node {
	at := pos{Line: y.Line, Col: y.Column}
	if depth > maxDepth {
		c.problem(y, "nesting deeper than %d levels", maxDepth)
		return nil
	}
	if y.Anchor != "" || y.Kind == yaml.AliasNode {
		c.problem(y, "YAML anchors and aliases are not allowed in an answers document")
		return nil
	}
	switch y.Kind {
	case yaml.MappingNode:
		n := &node{kind: kindObject, at: at}
		for i := 0; i+1 < len(y.Content); i += 2 {
			k, v := y.Content[i], y.Content[i+1]
			if k.Kind != yaml.ScalarNode || k.Tag == "!!merge" {
				c.problem(k, "a key must be a plain string")
				return nil
			}
			c.path = append(c.path, k.Value)
			dup := false
			for _, f := range n.fields {
				if f.key == k.Value {
					c.problem(k, "duplicate key %q (first at %d:%d); give each key once", clip(k.Value), f.at.Line, f.at.Col)
					dup = true
				}
			}
			val := c.node(v, depth+1)
			c.path = c.path[:len(c.path)-1]
			if val == nil {
				return nil
			}
			if !dup {
				n.fields = append(n.fields, field{key: k.Value, at: pos{Line: k.Line, Col: k.Column}, val: val})
			}
		}
		return n
	case yaml.SequenceNode:
		n := &node{kind: kindArray, at: at}
		for i, it := range y.Content {
			c.path = append(c.path, "["+strconv.Itoa(i)+"]")
			val := c.node(it, depth+1)
			c.path = c.path[:len(c.path)-1]
			if val == nil {
				return nil
			}
			n.items = append(n.items, val)
		}
		return n
	case yaml.ScalarNode:
		switch y.ShortTag() {
		case "!!null":
			return &node{kind: kindNull, at: at}
		case "!!bool":
			var b bool
			if err := y.Decode(&b); err != nil {
				c.problem(y, "%v", err)
				return &node{kind: kindBad, at: at}
			}
			return &node{kind: kindBool, at: at, flag: b}
		case "!!int", "!!float":
			var f float64
			if err := y.Decode(&f); err != nil {
				c.problem(y, "number %s is out of range", clip(y.Value))
				return &node{kind: kindBad, at: at}
			}
			if math.IsNaN(f) || math.IsInf(f, 0) {
				c.problem(y, "number %s is not finite", clip(y.Value))
				return &node{kind: kindBad, at: at}
			}
			return &node{kind: kindNumber, at: at, str: y.Value, num: f}
		case "!!str":
			return &node{kind: kindString, at: at, str: y.Value}
		default:
			c.problem(y, "unsupported YAML value of type %s", y.ShortTag())
			return &node{kind: kindBad, at: at}
		}
	}
	c.problem(y, "unsupported YAML node")
	return nil
}
