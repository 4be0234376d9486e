package answers

import (
	"b22/classify"
	"b22/classify/internal/diag"
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"

	yaml "go.yaml.in/yaml/v3"
)

// parseYAML parses one YAML document into a node tree. Anchors and aliases are
// refused (an answers document has no use for them, and they are how YAML
// bombs work), and so are duplicate keys and non-finite numbers. As with
// parseJSON, a nil node means parsing stopped; otherwise the problems are
// those found on the way.
func parseYAML(data []byte) (*node, []classify.Problem) {
	if p, ok := diag.ControlChar(data); ok {
		return nil, []classify.Problem{fromDiag(p)}
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, []classify.Problem{{Code: classify.CodeSyntax, Message: "the document is empty; expected a YAML mapping"}}
		}
		return nil, []classify.Problem{yamlProblem(err, data)}
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		return nil, []classify.Problem{{Line: extra.Line, Col: extra.Column, Code: classify.CodeSyntax, Message: "a second YAML document; an answers file holds one"}}
	} else if !errors.Is(err, io.EOF) {
		return nil, []classify.Problem{yamlProblem(err, data)}
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) != 1 {
		return nil, []classify.Problem{{Code: classify.CodeSyntax, Message: "the document is empty; expected a YAML mapping"}}
	}
	c := yamlConverter{}
	n := c.node(doc.Content[0], 0)
	if n == nil {
		return nil, c.problems
	}
	return n, c.problems
}

// yamlProblem turns a yaml.v3 syntax error into a located problem, with a
// word on the usual cause where the library's message does not say it.
func yamlProblem(err error, data []byte) classify.Problem {
	return fromDiag(diag.YAMLError(err, data, maxDepth))
}

// yamlConverter turns yaml.Nodes into nodes, collecting the problems that
// need not stop it.
type yamlConverter struct {
	problems []classify.Problem
	path     []string
}

func (c *yamlConverter) problem(y *yaml.Node, code classify.Code, format string, args ...any) {
	c.problems = append(c.problems, classify.Problem{Line: y.Line, Col: y.Column, Key: pathString(c.path), Code: code, Message: fmt.Sprintf(format, args...)})
}

// node converts y; nil means a problem that stops the conversion.
func (c *yamlConverter) node(y *yaml.Node, depth int) *node {
	at := pos{Line: y.Line, Col: y.Column}
	if depth > maxDepth {
		c.problem(y, classify.CodeTooDeep, "nesting deeper than %d levels", maxDepth)
		return nil
	}
	if y.Anchor != "" || y.Kind == yaml.AliasNode {
		c.problem(y, classify.CodeAlias, "YAML anchors and aliases are not allowed in an answers document")
		return nil
	}
	switch y.Kind {
	case yaml.MappingNode:
		n := &node{kind: kindObject, at: at}
		for i := 0; i+1 < len(y.Content); i += 2 {
			k, v := y.Content[i], y.Content[i+1]
			if k.Kind != yaml.ScalarNode || k.Tag == "!!merge" {
				c.problem(k, classify.CodeSyntax, "a key must be a plain string")
				return nil
			}
			c.path = append(c.path, k.Value)
			dup := false
			for _, f := range n.fields {
				if f.key == k.Value {
					c.problem(k, classify.CodeDuplicateKey, "duplicate key %q (first at %d:%d); give each key once", clip(k.Value), f.at.Line, f.at.Col)
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
				c.problem(y, classify.CodeBadNumber, "%v", err)
				return &node{kind: kindBad, at: at}
			}
			return &node{kind: kindBool, at: at, flag: b}
		case "!!int", "!!float":
			var f float64
			if err := y.Decode(&f); err != nil {
				c.problem(y, classify.CodeBadNumber, "number %s is out of range", clip(y.Value))
				return &node{kind: kindBad, at: at}
			}
			if math.IsNaN(f) || math.IsInf(f, 0) {
				c.problem(y, classify.CodeBadNumber, "number %s is not finite", clip(y.Value))
				return &node{kind: kindBad, at: at}
			}
			return &node{kind: kindNumber, at: at, str: y.Value, num: f}
		case "!!str":
			return &node{kind: kindString, at: at, str: y.Value}
		default:
			c.problem(y, classify.CodeSyntax, "unsupported YAML value of type %s", y.ShortTag())
			return &node{kind: kindBad, at: at}
		}
	}
	c.problem(y, classify.CodeSyntax, "unsupported YAML node")
	return nil
}
