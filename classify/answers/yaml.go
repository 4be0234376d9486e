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
func parseYAML(data []byte, problems *problemList) *node {
	if p, ok := diag.ControlChar(data); ok {
		problems.add(fromDiag(p))
		return nil
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			problems.add(classify.Problem{Code: classify.CodeSyntax, Message: "the document is empty; expected a YAML mapping"})
			return nil
		}
		problems.add(yamlProblem(err, data))
		return nil
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		problems.add(classify.Problem{Line: extra.Line, Col: extra.Column, Code: classify.CodeSyntax, Message: "a second YAML document; an answers file holds one"})
		return nil
	} else if !errors.Is(err, io.EOF) {
		problems.add(yamlProblem(err, data))
		return nil
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) != 1 {
		problems.add(classify.Problem{Code: classify.CodeSyntax, Message: "the document is empty; expected a YAML mapping"})
		return nil
	}
	c := yamlConverter{problems: problems}
	return c.node(doc.Content[0], 0)
}

// yamlProblem turns a yaml.v3 syntax error into a located problem, with a
// word on the usual cause where the library's message does not say it.
func yamlProblem(err error, data []byte) classify.Problem {
	return fromDiag(diag.YAMLError(err, data, maxDepth))
}

// yamlConverter turns yaml.Nodes into nodes, collecting the problems that
// need not stop it.
type yamlConverter struct {
	problems *problemList
	path     []string
	values   int // nodes converted, against maxValues
}

func (c *yamlConverter) problem(y *yaml.Node, code classify.Code, format string, args ...any) {
	at := pos{Line: y.Line, Col: y.Column}
	if !c.problems.wants(at) {
		c.problems.more++
		return
	}
	c.problems.add(classify.Problem{Line: at.Line, Col: at.Col, Key: pathString(c.path), Code: code, Message: fmt.Sprintf(format, args...)})
}

// node converts y; nil means a problem that stops the conversion.
func (c *yamlConverter) node(y *yaml.Node, depth int) *node {
	at := pos{Line: y.Line, Col: y.Column}
	if depth > maxDepth {
		c.problem(y, classify.CodeTooDeep, "nesting deeper than %d levels", maxDepth)
		return nil
	}
	if c.values++; c.values > maxValues {
		c.problem(y, classify.CodeTooLarge, "more than %d values in one document; an answers document has a few hundred", maxValues)
		return nil
	}
	if y.Anchor != "" || y.Kind == yaml.AliasNode {
		c.problem(y, classify.CodeAlias, "YAML anchors and aliases are not allowed in an answers document")
		return nil
	}
	switch y.Kind {
	case yaml.MappingNode:
		n := &node{kind: kindObject, at: at}
		var seen map[string]int // the fields by key, once there are many
		for i := 0; i+1 < len(y.Content); i += 2 {
			k, v := y.Content[i], y.Content[i+1]
			if k.Kind != yaml.ScalarNode || k.Tag == "!!merge" {
				c.problem(k, classify.CodeSyntax, "a key must be a plain string")
				return nil
			}
			c.path = append(c.path, k.Value)
			first, dup := findField(n.fields, &seen, k.Value)
			if dup {
				c.problem(k, classify.CodeDuplicateKey, "duplicate key %q (first at %d:%d); give each key once", clip(k.Value), first.Line, first.Col)
			}
			val := c.node(v, depth+1)
			c.path = c.path[:len(c.path)-1]
			if val == nil {
				return nil
			}
			if !dup {
				n.fields = addField(n.fields, seen, field{key: k.Value, at: pos{Line: k.Line, Col: k.Column}, val: val})
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
