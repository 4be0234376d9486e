package answers

import (
	"b22/classify"
	"b22/classify/internal/diag"
)

// The words problems with an answers document are written in, for the
// command line and the questionnaire's reference to use the same.

// Suggest returns the allowed word a mistyped one most likely meant, or
// "": the "did you mean" of every problem this package reports.
func Suggest(got string, allowed []string) string { return diag.DidYouMean(got, allowed) }

// Range says in words which numbers a number question takes, as a problem
// with its answer says what is allowed: "a whole number from 2 to 10000".
func Range(q *classify.Question) string {
	return diag.Range(q.Type == classify.TypeInt, q.Min, q.Max)
}
