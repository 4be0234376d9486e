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
	// keysRef is where an unknown key's problem sends its reader for the
	// keys: a command on the command line, a route over HTTP.
	keysRef string
}

// WithKeysRef is p sending the reader of an unknown key's problem to ref
// for the keys ("GET /v1/questions" over HTTP); it shares p's tables.
func (p *Parser) WithKeysRef(ref string) *Parser {
	q := *p
	q.keysRef = ref
	return &q
}

// New prepares a parser for the rule set's questions.
func New(rs *classify.RuleSet) *Parser {
	p := &Parser{rs: rs, index: map[string]int{}, intern: map[string]string{rs.ID(): rs.ID()}, keysRef: "`b22 questions`"}
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
