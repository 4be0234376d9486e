package classify

import (
	"fmt"
	"strings"

	yaml "go.yaml.in/yaml/v3"
)

// contractList is ids of one kind that the rule set's public contract
// fixes: scripts read them in results, so renaming or dropping one breaks
// them. Lint checks that the rule set still provides each.
type contractList struct {
	// kind is what the ids name: questions (answer keys), parameters,
	// gates, subcategories, scopes, requirements, regimes or notes.
	kind string
	ids  []string
	// exactly is set when the contract closes the list: the rule set may
	// have no other id of the kind either.
	exactly bool
	at      []pos // where each id is written
}

// contractKinds are the kinds of ids a contract can fix: what results name
// by id, and the parameters results read. A scope's id is the value of its
// `scope`, as licence.scope gives it; a question's is its answer key.
var contractKinds = []string{"questions", "parameters", "gates", "subcategories", "scopes", "requirements", "regimes", "notes"}

// contractNouns name one id of each kind in messages.
var contractNouns = map[string]string{
	"questions": "answer key", "parameters": "parameter", "gates": "gate", "subcategories": "sub-category",
	"scopes": "scope", "requirements": "requirement", "regimes": "regime", "notes": "note",
}

// maxCategory bounds a licence category: results print it in every result.
const maxCategory = 32

// licence reads rules.yaml's `licence`: the licence the rules decide, which
// results name, and its name.
func (l *loader) licence(d ydec, n *yaml.Node) {
	m := d.mapping(n, "licence", []string{"category", "name"}, nil)
	if m == nil {
		return
	}
	rs := l.rs
	rs.category = d.str(m["category"], "licence.category")
	rs.licenceName = d.text(m["name"], "licence.name")
	if c := rs.category; c != "" && !isCategory(c) {
		d.bad(m["category"], "licence.category", CodeRuleValue, "%q is not a licence category; write it as results should name it, in at most %d letters, digits and hyphens, such as B22", clip(c), maxCategory)
	}
}

// isCategory reports whether s is a word results can print as a licence
// category: ASCII letters, digits and inner hyphens.
func isCategory(s string) bool {
	if len(s) > maxCategory || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// contract reads rules.yaml's `contract`: under `exactly` the kinds whose
// ids the contract closes, under `including` those it fixes while more may
// be added, each kind with its ids.
func (l *loader) contract(d ydec, n *yaml.Node) {
	if n == nil {
		return
	}
	m := d.mapping(n, "contract", nil, []string{"exactly", "including"})
	if m == nil {
		return
	}
	if len(m) == 0 {
		d.bad(n, "contract", CodeRuleSchema, "give exactly, including or both, each a mapping of kinds to ids; allowed kinds: %s", strings.Join(contractKinds, ", "))
		return
	}
	fixed := map[string]string{} // kind -> the group that fixes it
	for _, group := range []string{"exactly", "including"} {
		gn := m[group]
		if gn == nil {
			continue
		}
		key := "contract." + group
		km := d.mapping(gn, key, nil, contractKinds)
		if km == nil {
			continue
		}
		if len(km) == 0 {
			d.bad(gn, key, CodeRuleSchema, "names no kind; allowed: %s", strings.Join(contractKinds, ", "))
		}
		for _, kind := range contractKinds {
			ln := km[kind]
			if ln == nil {
				continue
			}
			kkey := key + "." + kind
			if other, dup := fixed[kind]; dup {
				d.bad(ln, kkey, CodeRuleSchema, "%s are fixed under contract.%s already; a kind goes under exactly or including, not both", kind, other)
				continue
			}
			fixed[kind] = group
			c := contractList{kind: kind, exactly: group == "exactly"}
			items := d.list(ln, kkey)
			if ln.Kind == yaml.SequenceNode && len(items) == 0 {
				d.bad(ln, kkey, CodeRuleSchema, "an empty list fixes nothing; list the ids or leave the kind out")
			}
			for i, in := range items {
				ikey := fmt.Sprintf("%s[%d]", kkey, i)
				id := d.str(in, ikey)
				if id == "" {
					continue
				}
				if contains(c.ids, id) {
					d.bad(in, ikey, CodeRuleSchema, "%q is listed twice", clip(id))
					continue
				}
				c.ids = append(c.ids, id)
				c.at = append(c.at, at(in))
			}
			l.rs.contract = append(l.rs.contract, c)
		}
	}
}
