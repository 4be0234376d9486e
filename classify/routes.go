package classify

import (
	"fmt"
	"slices"

	yaml "go.yaml.in/yaml/v3"
)

// Route is a curated way to compliance (rules.yaml `routes`): when it is
// offered, the answers it stands for and what it must achieve. Unlike a
// lever, which is any answer that moves the outcome, a route is a course
// counsel would propose; the engine offers it only after evaluating its
// changes and confirming what it claims.
type Route struct {
	// Rule holds the id, the condition under which the route is offered
	// (When), the text of what it involves, its basis and confidence.
	Rule
	Title   Text
	Caveats Text
	// TitleLater and CaveatsLater replace Title and Caveats from their
	// dates on, as a rule's Later replaces its Text.
	TitleLater, CaveatsLater []DatedText
	Changes                  []RouteChange
	Expect                   RouteExpect
	// titles and caveats are Title and Caveats rendered for each epoch.
	titles, caveats []Text
}

// RouteChange is one answer a route stands for: Key becomes To (or the
// value of parameter toParam on the date), when When holds; for each key
// the first change whose condition holds applies.
type RouteChange struct {
	Key     int
	When    *Cond
	To      Value
	toParam int
}

// RouteExpect is what a route must achieve for the engine to offer it.
type RouteExpect struct {
	Verdict Verdict // "" for any
	Scope   string  // "" for any
	Met     []int   // requirement indexes that must be met
}

// RouteResult is a route offered, with what evaluating its changes gave.
type RouteResult struct {
	ID      string        `json:"id"`
	Title   Text          `json:"title"`
	Text    Text          `json:"text"`
	Caveats Text          `json:"caveats"`
	Changes []LeverChange `json:"changes"`
	// Verdict, Scope and Authority are the outcome with the changes made;
	// Met the licence conditions met then that are not met now.
	Verdict    Verdict       `json:"verdict"`
	Scope      *string       `json:"scope"`
	Authority  *Text         `json:"authority"`
	Met        []string      `json:"met"`
	Answers    []string      `json:"answers"`
	Basis      []string      `json:"basis"`
	Citations  []CitationRef `json:"citations"`
	Confidence string        `json:"confidence"`
	Footing    string        `json:"footing"`
}

// routes reads rules.yaml's `routes`.
func (l *loader) routes(d ydec, n *yaml.Node, seen ids) {
	rs := l.rs
	for i, rn := range d.list(n, "routes") {
		key := fmt.Sprintf("routes[%d]", i)
		r, m := l.rule(d, rn, key, false, []string{"when", "text", "title", "caveats", "changes"}, []string{"expect"})
		if m == nil {
			continue
		}
		seen.check(d, rn, key, r.ID)
		rt := Route{Rule: r}
		rt.Title, rt.TitleLater = d.datedText(m["title"], key+".title")
		rt.Caveats, rt.CaveatsLater = d.datedText(m["caveats"], key+".caveats")
		if m["changes"].Kind != yaml.SequenceNode {
			d.bad(m["changes"], key+".changes", CodeRuleSchema, "expected a list of changes ([] for none)")
		}
		for j, cn := range d.list(m["changes"], key+".changes") {
			if c, ok := l.routeChange(d, cn, fmt.Sprintf("%s.changes[%d]", key, j)); ok {
				rt.Changes = append(rt.Changes, c)
			}
		}
		if m["expect"] != nil {
			rt.Expect = l.routeExpect(d, m["expect"], key+".expect")
		}
		hasExpect := rt.Expect.Verdict != "" || rt.Expect.Scope != "" || len(rt.Expect.Met) > 0
		if len(rt.Changes) > 0 && !hasExpect {
			d.bad(rn, key, CodeRuleSchema, "a route that changes answers needs `expect`: what the engine must confirm it achieves")
		}
		if len(rt.Changes) == 0 && hasExpect {
			d.bad(m["expect"], key+".expect", CodeRuleSchema, "a route that changes no answer has nothing to confirm; drop `expect`")
		}
		rs.routes = append(rs.routes, rt)
	}
}

func (l *loader) routeChange(d ydec, n *yaml.Node, key string) (RouteChange, bool) {
	rs := l.rs
	m := d.mapping(n, key, []string{"key", "to"}, []string{"when"})
	if m == nil {
		return RouteChange{}, false
	}
	qid := d.str(m["key"], key+".key")
	qi, ok := rs.questionIndex[qid]
	if !ok {
		d.bad(m["key"], key+".key", CodeRuleReference, "unknown answer key %q%s", qid, hint(qid, rs.questionIDs()))
		return RouteChange{}, false
	}
	q := &rs.questions[qi]
	c := RouteChange{Key: qi, toParam: -1}
	to := m["to"]
	switch q.Type {
	case TypeBool:
		c.To = Value{Known: true, Bool: d.boolean(to, key+".to")}
	case TypeEnum:
		c.To = Value{Known: true, Set: l.choiceMask(d, q, []*yaml.Node{to}, key+".to")}
	case TypeMulti:
		c.To = Value{Known: true, Set: l.choiceMask(d, q, d.list(to, key+".to"), key+".to")}
	default:
		if to != nil && to.Kind == yaml.MappingNode {
			pm := d.mapping(to, key+".to", []string{"param"}, nil)
			id := d.str(pm["param"], key+".to.param")
			pi, ok := rs.paramIndex[id]
			if !ok {
				d.bad(to, key+".to", CodeRuleReference, "unknown parameter %q%s", id, hint(id, l.paramIDs()))
				return RouteChange{}, false
			}
			c.toParam = pi
			c.To = Value{Known: true}
		} else {
			v, _ := d.number(to, key+".to")
			c.To = Value{Known: true, Num: v}
		}
	}
	if m["when"] != nil {
		c.When = l.cond(d, m["when"], key+".when", false)
	}
	return c, true
}

func (l *loader) routeExpect(d ydec, n *yaml.Node, key string) RouteExpect {
	rs := l.rs
	m := d.mapping(n, key, nil, []string{"verdict", "scope", "met"})
	var e RouteExpect
	if m == nil {
		return e
	}
	if m["verdict"] != nil {
		e.Verdict = Verdict(l.oneOf(d, m["verdict"], key+".verdict", verdictIDs[:3]))
	}
	if m["scope"] != nil {
		e.Scope = d.str(m["scope"], key+".scope")
		if !slices.ContainsFunc(rs.scopes, func(s ScopeRule) bool { return s.Scope == e.Scope }) {
			d.bad(m["scope"], key+".scope", CodeRuleReference, "unknown scope %q", e.Scope)
		}
	}
	for i, id := range d.strs(m["met"], key+".met") {
		j := slices.IndexFunc(rs.requirements, func(r Requirement) bool { return r.ID == id })
		if j < 0 {
			d.bad(m["met"].Content[i], key+".met", CodeRuleReference, "unknown requirement %q", id)
			continue
		}
		e.Met = append(e.Met, j)
	}
	return e
}

// routesFor lists the routes offered for a result: those whose condition
// holds, whose changes, evaluated, achieve what the route expects. A
// verdict of unlikely has none.
func (rs *RuleSet) routesFor(doc *Document, r *Result, e int) []RouteResult {
	out := []RouteResult{}
	if r.Verdict == VerdictUnlikely {
		return out
	}
	params := rs.epochs[e].params
	for i := range rs.routes {
		rt := &rs.routes[i]
		if rt.When.eval(doc.Answers, params) != True {
			continue
		}
		res := RouteResult{ID: rt.ID, Title: rt.titles[e], Text: rt.texts[e], Caveats: rt.caveats[e],
			Changes: []LeverChange{}, Met: []string{}, Answers: rt.When.read,
			Basis: rt.cited.ids[e], Citations: rt.cited.refs[e], Confidence: rt.Confidence, Footing: rt.Footing}
		if len(rt.Changes) == 0 {
			res.Verdict, res.Scope, res.Authority = r.Verdict, r.Licence.Scope, r.Licence.Authority
			out = append(out, res)
			continue
		}
		a := slices.Clone(doc.Answers)
		done := map[int]bool{}
		for _, c := range rt.Changes {
			if done[c.Key] || c.When != nil && c.When.eval(doc.Answers, params) != True {
				continue
			}
			done[c.Key] = true
			to := c.To
			if c.toParam >= 0 {
				to.Num = params[c.toParam].Value
			}
			if a[c.Key] == to {
				continue
			}
			q := &rs.questions[c.Key]
			a[c.Key] = to
			res.Changes = append(res.Changes, LeverChange{Key: q.ID, From: q.JSONValue(doc.Answers[c.Key]), To: q.JSONValue(to),
				FromLabel: rs.knownLabel(q, doc.Answers[c.Key]), ToLabel: rs.answerLabel(q, to)})
		}
		if len(res.Changes) == 0 {
			continue // the answers already are what the route stands for
		}
		after, err := rs.evaluate(&Document{Answers: a}, r.Questionnaire.AsOf)
		if err != nil || !rt.Expect.holds(rs, after) {
			continue
		}
		res.Verdict, res.Scope, res.Authority = after.Verdict, after.Licence.Scope, after.Licence.Authority
		for _, q := range after.Requirements {
			if q.Status == StatusMet && !slices.ContainsFunc(r.Requirements, func(p RequirementResult) bool { return p.ID == q.ID && p.Status == StatusMet }) {
				res.Met = append(res.Met, q.ID)
			}
		}
		out = append(out, res)
	}
	return out
}

// holds reports whether a result achieves what a route expects.
func (x RouteExpect) holds(rs *RuleSet, r *Result) bool {
	if x.Verdict != "" && r.Verdict != x.Verdict {
		return false
	}
	if x.Scope != "" && (r.Licence.Scope == nil || *r.Licence.Scope != x.Scope) {
		return false
	}
	for _, j := range x.Met {
		id := rs.requirements[j].ID
		if !slices.ContainsFunc(r.Requirements, func(q RequirementResult) bool { return q.ID == id && q.Status == StatusMet }) {
			return false
		}
	}
	return true
}

// knownLabel is answerLabel for an answer that may be unknown.
func (rs *RuleSet) knownLabel(q *Question, v Value) Text {
	if !v.Known {
		return Text{Zh: "未回答", En: "not answered"}
	}
	return rs.answerLabel(q, v)
}

// routesOffered lists the routes to compliance offered for r, the result of
// evaluating doc: each evaluated with its changes made, and kept only
// when it achieves what it claims.
func (rs *RuleSet) routesOffered(doc *Document, r *Result) ([]RouteResult, error) {
	e, err := rs.epochFor(r.Questionnaire.AsOf)
	if err != nil {
		return nil, err
	}
	return rs.routesFor(doc, r, e), nil
}
