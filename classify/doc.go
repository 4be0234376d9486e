// Package classify is the rule engine of b22: a questionnaire and rule set
// loaded from data, and answers evaluated against it in three-valued
// logic, where an unanswered question is unknown and never "no". Which
// licence a rule set decides (B22 for the one b22 ships), its questions,
// sub-categories, scopes and words are all data; the engine names none.
//
// The API keeps to two steps, as a policy engine's prepare and evaluate:
// Load reads and checks a rule set folder once, returning a ready
// *RuleSet or every problem found, each at file:line:col, and Lint runs
// the checks that need the whole rule set. A RuleSet is immutable and
// safe for concurrent use. Its methods read it (Questions, Subcategories,
// Texts and the like hand out its own storage, to be read, never written)
// and evaluate with it: Evaluate(doc, Options{AsOf: day}) classifies one
// answers document with the rules in force that day, and Options.Levers
// adds what would change the outcome and the routes to compliance.
//
// Reading and writing belong to other packages: classify/answers parses
// answers documents into a Document and words their problems, and
// classify/resultjson encodes a Result. This package is pure: rule sets
// come through an fs.FS, the date is an option, and nothing reaches a
// file, the clock or a terminal, so the same inputs always give the same
// Result.
//
//	rs, err := classify.Load(os.DirFS("questionnaires/b22"))
//	...
//	doc, err := answers.New(rs).Parse("meet.json", data, answers.FormatAuto)
//	...
//	r, err := rs.Evaluate(doc, classify.Options{AsOf: day, Levers: true})
package classify
