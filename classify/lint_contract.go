package classify

import (
	"fmt"
	"slices"
	"strings"
)

// lintContract reports each id the contract fixes that the rule set
// lacks, at the place the contract lists it, and for a kind the contract
// closes, each id of the kind it does not list.
func (rs *RuleSet) lintContract() Problems {
	var ps Problems
	for _, c := range rs.contract {
		have := rs.contractIDs(c.kind)
		group := "including"
		if c.exactly {
			group = "exactly"
		}
		noun := contractNouns[c.kind]
		for i, id := range c.ids {
			if !slices.ContainsFunc(have, func(h idAt) bool { return h.id == id }) {
				ps = append(ps, Problem{File: fileRules, Line: c.at[i].Line, Col: c.at[i].Col, Key: fmt.Sprintf("contract.%s.%s[%d]", group, c.kind, i), Code: CodeLint,
					Message: fmt.Sprintf("the contract's %s %q is missing", noun, id)})
			}
		}
		if !c.exactly {
			continue
		}
		for _, h := range have {
			if !contains(c.ids, h.id) {
				ps = append(ps, Problem{File: h.file, Line: h.at.Line, Col: h.at.Col, Key: h.key, Code: CodeLint,
					Message: fmt.Sprintf("%q is not a %s of the contract; allowed: %s%s", h.id, noun, strings.Join(c.ids, ", "), hint(h.id, c.ids))})
			}
		}
	}
	return ps
}

// idAt is an id of the rule set, the file and key that name it, and where
// the file defines it.
type idAt struct {
	id, file, key string
	at            pos
}

// contractIDs lists the rule set's ids of a contract kind.
func (rs *RuleSet) contractIDs(kind string) []idAt {
	var out []idAt
	rules := func(list []Rule) {
		for _, r := range list {
			out = append(out, idAt{r.ID, fileRules, kind + "." + r.ID, r.at})
		}
	}
	switch kind {
	case "questions":
		for _, q := range rs.questions {
			out = append(out, idAt{q.ID, fileQuestions, "questions." + q.ID, q.pos})
		}
	case "parameters":
		for _, p := range rs.parameters {
			out = append(out, idAt{p.ID, fileParameters, "parameters." + p.ID, p.at})
		}
	case "gates":
		rules(rs.gates)
	case "subcategories":
		for _, s := range rs.subcategories {
			out = append(out, idAt{s.ID, fileRules, "subcategories." + s.ID, s.at})
		}
	case "scopes":
		for _, s := range rs.scopes {
			out = append(out, idAt{s.Scope, fileRules, "scopes." + s.ID + ".scope", s.at})
		}
	case "requirements":
		for _, r := range rs.requirements {
			out = append(out, idAt{r.ID, fileRules, "requirements." + r.ID, r.at})
		}
	case "regimes":
		rules(rs.regimes)
	case "notes":
		rules(rs.notes)
	}
	return out
}
