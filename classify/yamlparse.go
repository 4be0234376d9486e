package classify

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"regexp"
	"strconv"

	yaml "go.yaml.in/yaml/v3"
)

// parseYAML parses one YAML document into a node tree. Anchors and aliases are
// refused (an answers document has no use for them, and they are how YAML
// bombs work), and so are duplicate keys and non-finite numbers.
func parseYAML(data []byte) (*node, *Problem) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, &Problem{Message: "the document is empty; expected a YAML mapping"}
		}
		return nil, yamlProblem(err)
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		return nil, &Problem{Line: extra.Line, Col: extra.Column, Message: "a second YAML document; an answers file holds one"}
	} else if !errors.Is(err, io.EOF) {
		return nil, yamlProblem(err)
	}
	if doc.Kind == yaml.DocumentNode && len(doc.Content) == 1 {
		return fromYAML(doc.Content[0], 0)
	}
	return nil, &Problem{Message: "the document is empty; expected a YAML mapping"}
}

var yamlLineRE = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// yamlProblem turns a yaml.v3 syntax error into a located problem.
func yamlProblem(err error) *Problem {
	msg := err.Error()
	if m := yamlLineRE.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		return &Problem{Line: line, Col: 1, Message: m[2]}
	}
	return &Problem{Message: msg}
}

func fromYAML(y *yaml.Node, depth int) (*node, *Problem) {
	at := pos{Line: y.Line, Col: y.Column}
	fail := func(format string, args ...any) (*node, *Problem) {
		return nil, &Problem{Line: at.Line, Col: at.Col, Message: fmt.Sprintf(format, args...)}
	}
	if depth > maxDepth {
		return fail("nesting deeper than %d levels", maxDepth)
	}
	if y.Anchor != "" || y.Kind == yaml.AliasNode {
		return fail("YAML anchors and aliases are not allowed in an answers document")
	}
	switch y.Kind {
	case yaml.MappingNode:
		n := &node{kind: kindObject, at: at}
		for i := 0; i+1 < len(y.Content); i += 2 {
			k, v := y.Content[i], y.Content[i+1]
			if k.Kind != yaml.ScalarNode || k.Tag == "!!merge" {
				return nil, &Problem{Line: k.Line, Col: k.Column, Message: "a key must be a plain string"}
			}
			for _, f := range n.fields {
				if f.key == k.Value {
					return nil, &Problem{Line: k.Line, Col: k.Column, Message: fmt.Sprintf("duplicate key %q (first at %d:%d)", k.Value, f.at.Line, f.at.Col)}
				}
			}
			val, p := fromYAML(v, depth+1)
			if p != nil {
				return nil, p
			}
			n.fields = append(n.fields, field{key: k.Value, at: pos{Line: k.Line, Col: k.Column}, val: val})
		}
		return n, nil
	case yaml.SequenceNode:
		n := &node{kind: kindArray, at: at}
		for _, c := range y.Content {
			val, p := fromYAML(c, depth+1)
			if p != nil {
				return nil, p
			}
			n.items = append(n.items, val)
		}
		return n, nil
	case yaml.ScalarNode:
		switch y.ShortTag() {
		case "!!null":
			return &node{kind: kindNull, at: at}, nil
		case "!!bool":
			var b bool
			if err := y.Decode(&b); err != nil {
				return fail("%v", err)
			}
			return &node{kind: kindBool, at: at, flag: b}, nil
		case "!!int", "!!float":
			var f float64
			if err := y.Decode(&f); err != nil {
				return fail("number %s is out of range", y.Value)
			}
			if math.IsNaN(f) || math.IsInf(f, 0) {
				return fail("number %s is not finite", y.Value)
			}
			return &node{kind: kindNumber, at: at, str: y.Value, num: f}, nil
		case "!!str":
			return &node{kind: kindString, at: at, str: y.Value}, nil
		default:
			return fail("unsupported YAML value of type %s", y.ShortTag())
		}
	}
	return fail("unsupported YAML node")
}
