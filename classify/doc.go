// Package classify is the B22 rule engine: it loads a questionnaire and rule
// set from data (Load), parses answers documents (ParseAnswers) and evaluates
// them (Evaluate) in three-valued logic, where an unanswered question is
// unknown and never "no".
//
// The package is pure: no files, no clock, no terminal. Callers pass an fs.FS
// for the rules, bytes for the answers and the as-of date; the same inputs
// always give the same Result.
package classify
