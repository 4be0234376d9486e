package classify

// CondKind is what a condition tests, one per operator of rules.yaml.
type CondKind uint8

const (
	CondAll      CondKind = iota // every part holds
	CondAny                      // some part holds
	CondNot                      // its one part does not hold
	CondEquals                   // a yes/no, choice or number answer equals a value
	CondIn                       // a choice answer is one of the choices
	CondAtLeast                  // a number answer is at least a number or parameter
	CondAtMost                   // a number answer is at most a number or parameter
	CondIncludes                 // a multiple-choice answer includes any of the choices
	CondOnly                     // a multiple-choice answer is not empty and within the choices
	CondAnswered                 // the question was answered (or, with Flag false, not)
	CondNoLimit                  // the parameter has no value on the date
)

var condKinds = [...]CondKind{
	opAll: CondAll, opAny: CondAny, opNot: CondNot, opEquals: CondEquals, opIn: CondIn,
	opAtLeast: CondAtLeast, opAtMost: CondAtMost, opIncludes: CondIncludes, opOnly: CondOnly,
	opAnswered: CondAnswered, opParamUnset: CondNoLimit,
}

// CondParts is a condition taken apart, for code outside the engine that
// shows conditions: the rules stay compiled for evaluation, and a listing
// or a memo reads them through this.
type CondParts struct {
	Kind CondKind
	// Conds are the conditions that all, any and not combine.
	Conds []*Cond
	// Question is the question a test reads, an index into
	// RuleSet.Questions.
	Question int
	// Param is the parameter a test compares with, or the one CondNoLimit
	// is about, as an index into RuleSet.Parameters; -1 for none.
	Param int
	// Number is what a number test compares with when Param is -1.
	Number float64
	// Flag is the value an equals on a yes/no question tests, and for
	// CondAnswered whether the question is answered.
	Flag bool
	// Choices are the choices a choice test names, bit i for the
	// question's Choices[i], as in Value.Set.
	Choices uint64
}

// Parts takes c apart. A nil condition is all of nothing, which holds, as
// a missing condition does.
func (c *Cond) Parts() CondParts {
	if c == nil {
		return CondParts{Kind: CondAll, Question: -1, Param: -1}
	}
	p := CondParts{Kind: condKinds[c.op], Conds: c.kids, Question: c.key, Param: c.param, Number: c.num, Flag: c.flag, Choices: c.mask}
	switch c.op {
	case opAll, opAny, opNot:
		p.Question, p.Param = -1, -1
	case opParamUnset:
		p.Question = -1
	}
	return p
}
