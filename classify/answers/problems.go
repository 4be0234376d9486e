package answers

import (
	"fmt"

	"b22/classify"
	"b22/classify/internal/diag"
)

// pos is a place in a document, 1-based; zero when not known.
type pos struct{ Line, Col int }

// collector gathers the problems of one document.
type collector struct {
	file string
	ps   *classify.Problems
}

func (c collector) add(at pos, key string, code classify.Code, format string, args ...any) {
	*c.ps = append(*c.ps, classify.Problem{File: c.file, Line: at.Line, Col: at.Col, Key: key, Code: code, Message: fmt.Sprintf(format, args...)})
}

func clip(s string) string                     { return diag.Clip(s) }
func hint(got string, allowed []string) string { return diag.Hint(got, allowed) }

// fromDiag is a located problem as classify reports it: a YAML syntax
// error, or nesting too deep.
func fromDiag(p diag.Problem) classify.Problem {
	code := classify.CodeSyntax
	if p.TooDeep {
		code = classify.CodeTooDeep
	}
	return classify.Problem{Line: p.Line, Col: p.Col, Code: code, Message: p.Message}
}
