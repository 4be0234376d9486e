// Package classify is the rule engine of b22: it loads a questionnaire and
// rule set from data (Load), parses answers documents (ParseAnswers) and
// evaluates them (Evaluate) in three-valued logic, where an unanswered
// question is unknown and never "no". Which licence a rule set decides (B22
// for the one b22 ships) and which of its ids are public are data too.
//
// The package is pure: no files, no clock, no terminal. Callers pass an fs.FS
// for the rules, bytes for the answers and the as-of date; the same inputs
// always give the same Result.
package classify
