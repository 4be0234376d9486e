package classify

import yaml "go.yaml.in/yaml/v3"

// Bounds on one condition of the rule data (a `when`, `met_when`,
// `ask_when`...). The shipped rules' largest condition has 16 parts and
// nests 5 levels; the bounds leave room for rules many times as rich while
// keeping every check on a condition (compiling, lint's exhaustive runs,
// explaining a result) small: each walks the condition once per answer
// combination, and the recursive ones go as deep as it nests.
const (
	// maxCondParts is the most parts (all, any, not, leaves) one condition
	// may have.
	maxCondParts = 1000
	// maxCondDepth is the deepest one condition may nest, counting the
	// condition itself as level 1; the same bound as for answers documents
	// (answers.maxDepth).
	maxCondDepth = 32
)

// checkCondSize reports a condition with more than maxCondParts parts or
// nested deeper than maxCondDepth, and reports whether it is within both. It
// walks the yaml with a stack of its own, so a condition nested thousands
// deep costs no recursion, and stops at the first part too deep. It counts
// what would be compiled as parts, leaving every other check to compile.
func checkCondSize(d ydec, root *yaml.Node, key string) bool {
	type part struct {
		n     *yaml.Node
		depth int
	}
	stack := []part{{root, 1}}
	parts := 0
	for len(stack) > 0 {
		p := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if p.depth > maxCondDepth {
			d.bad(p.n, key, CodeRuleCondition, "the condition nests more than %d levels deep here; at most %d are allowed", maxCondDepth, maxCondDepth)
			return false
		}
		parts++
		n := p.n
		if n.Kind != yaml.MappingNode || len(n.Content) < 2 {
			continue
		}
		switch v := n.Content[1]; n.Content[0].Value {
		case "all", "any":
			if v.Kind == yaml.SequenceNode {
				for i := len(v.Content) - 1; i >= 0; i-- {
					stack = append(stack, part{v.Content[i], p.depth + 1})
				}
			}
		case "not":
			stack = append(stack, part{v, p.depth + 1})
		}
	}
	if parts > maxCondParts {
		d.bad(root, key, CodeRuleCondition, "the condition has %d parts; at most %d are allowed", parts, maxCondParts)
		return false
	}
	return true
}
