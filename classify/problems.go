package classify

import (
	"b22/classify/internal/diag"
	"errors"
	"fmt"
	"sort"
	"strings"
)

// ErrInvalid marks errors caused by the input (answers or rule data), as
// opposed to failures of the program.
var ErrInvalid = errors.New("invalid input")

// pos is a place in an input file, 1-based; zero when not known.
type pos struct{ Line, Col int }

// Problem is one thing wrong with an input, located where possible.
type Problem struct {
	File string `json:"file,omitempty"`
	Line int    `json:"line,omitempty"`
	Col  int    `json:"col,omitempty"`
	// Key is the path of the offending element, like "answers.coverage".
	Key string `json:"key,omitempty"`
	// Code names the kind of problem in a word scripts can act on; the
	// codes are listed in docs/contract.md and never change meaning.
	Code    Code   `json:"code,omitempty"`
	Message string `json:"message"`
	// More is set on the last problem of a list cut short: how many more
	// there were.
	More int `json:"more,omitempty"`
}

// Code is the kind of a problem. The message says what is wrong in words;
// the code lets a script tell kinds apart without parsing the words.
type Code string

// The kinds of problem in an answers document.
const (
	CodeSyntax        Code = "syntax"        // not well-formed JSON or YAML, or empty
	CodeEncoding      Code = "encoding"      // not UTF-8
	CodeTooLarge      Code = "too_large"     // over the size limit of a document or a line
	CodeTooDeep       Code = "too_deep"      // nested deeper than allowed
	CodeDuplicateKey  Code = "duplicate_key" // a key given twice in one object
	CodeAlias         Code = "alias"         // a YAML anchor or alias
	CodeBadNumber     Code = "bad_number"    // a number beyond what a double holds, or not finite
	CodeWrongType     Code = "wrong_type"    // a value of the wrong type where the type is fixed
	CodeUnknownKey    Code = "unknown_key"   // a key the document does not have
	CodeNotAllowed    Code = "not_allowed"   // a value not among those allowed
	CodeNotWhole      Code = "not_whole"     // a fraction where a whole number is asked
	CodeOutOfRange    Code = "out_of_range"  // a number outside the question's range
	CodeListedTwice   Code = "listed_twice"  // the same choice twice in a list
	CodeQuestionnaire Code = "questionnaire" // the document names another questionnaire
	CodeEmptyLine     Code = "empty_line"    // a blank line in a JSON Lines stream
	CodeMore          Code = "more"          // the last of a list cut short: how many more
)

// The kinds of problem in a rule set (Load and Lint).
const (
	CodeRuleFile      Code = "rule_file"      // a rule file missing, unreadable or too large
	CodeRuleSyntax    Code = "rule_syntax"    // a rule file that is not well-formed YAML
	CodeRuleSchema    Code = "rule_schema"    // a key missing, unknown or of the wrong type
	CodeRuleReference Code = "rule_reference" // a question, choice, source or parameter that does not exist
	CodeRuleValue     Code = "rule_value"     // a value not allowed (a date, a range, a text placeholder)
	CodeRuleCitation  Code = "rule_citation"  // a basis without a place, or citing nothing in force
	CodeRuleCondition Code = "rule_condition" // a condition too large, too deep or with too many combinations
	CodeLint          Code = "lint"           // a rule that can never apply, a question never read
)

func (p Problem) Error() string {
	var b strings.Builder
	if p.File != "" {
		b.WriteString(p.File)
		b.WriteByte(':')
	}
	switch {
	case p.Line > 0 && p.Col > 0:
		fmt.Fprintf(&b, "%d:%d:", p.Line, p.Col)
	case p.Line > 0:
		fmt.Fprintf(&b, "%d:", p.Line)
	}
	if b.Len() > 0 {
		b.WriteByte(' ')
	}
	if p.Key != "" {
		b.WriteString(p.Key)
		b.WriteString(": ")
	}
	b.WriteString(p.Message)
	return b.String()
}

// Problems is every problem found in an input, in file and position order.
// It is the error Load, ParseAnswers and Validate return.
type Problems []Problem

func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.Error()
	}
	return strings.Join(lines, "\n")
}

// Total counts the problems, including those a long list left out.
func (ps Problems) Total() int {
	if n := len(ps); n > 0 && ps[n-1].More > 0 {
		return n - 1 + ps[n-1].More
	}
	return len(ps)
}

// Is makes errors.Is(err, ErrInvalid) hold for input problems.
func (ps Problems) Is(target error) bool { return target == ErrInvalid }

// sorted sorts the problems by file, line and column, in place, and returns them.
func (ps Problems) sorted() Problems {
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := ps[i], ps[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
	return ps
}

// collector gathers problems for one file.
type collector struct {
	file string
	ps   *Problems
}

func (c collector) add(at pos, key string, code Code, format string, args ...any) {
	*c.ps = append(*c.ps, Problem{File: c.file, Line: at.Line, Col: at.Col, Key: key, Code: code, Message: fmt.Sprintf(format, args...)})
}

// fromDiag is a located problem as classify reports it.
func fromDiag(p diag.Problem) Problem {
	code := CodeRuleSyntax
	if p.TooDeep {
		code = CodeRuleCondition
	}
	return Problem{Line: p.Line, Col: p.Col, Code: code, Message: p.Message}
}

func clip(s string) string                     { return diag.Clip(s) }
func hint(got string, allowed []string) string { return diag.Hint(got, allowed) }
