// Package answers reads answers documents: JSON, YAML and the lines of a
// JSON Lines stream, each checked against a rule set's questions, with
// every problem located (file, line, column, key) and worded with what is
// allowed. The core (package classify) evaluates the documents it returns.
package answers

import "b22/classify"

// Parser reads answers documents for one rule set. It is built once per
// rule set and is safe for concurrent use.
type Parser struct {
	rs *classify.RuleSet
	// index maps each answer key to its question's index.
	index map[string]int
	// questionIDs lists the answer keys, for suggestions.
	questionIDs []string
	// intern maps every key and value an answers document is made of
	// (question and choice ids) to itself: a string the JSON parser finds
	// there costs no allocation.
	intern map[string]string
}

// New prepares a parser for the rule set's questions.
func New(rs *classify.RuleSet) *Parser {
	p := &Parser{rs: rs, index: map[string]int{}, intern: map[string]string{rs.ID(): rs.ID()}}
	for i, q := range rs.Questions() {
		p.index[q.ID] = i
		p.questionIDs = append(p.questionIDs, q.ID)
		p.intern[q.ID] = q.ID
		for _, c := range q.Choices {
			p.intern[c.ID] = c.ID
		}
	}
	for _, k := range append(append([]string{}, topKeys...), productKeys...) {
		p.intern[k] = k
	}
	return p
}
