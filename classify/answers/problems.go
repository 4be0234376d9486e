package answers

import (
	"bytes"
	"fmt"
	"slices"
	"unicode/utf8"

	"b22/classify"
	"b22/classify/internal/diag"
)

// pos is a place in a document, 1-based; zero when not known.
type pos struct{ Line, Col int }

// before reports whether a comes before b in a report: by line, then
// column.
func before(a, b pos) bool { return a.Line < b.Line || a.Line == b.Line && a.Col < b.Col }

// problemList keeps the problems of one document that its report will
// show: the first maxProblems in report order (line, then column, then the
// order found), and the count of the rest. However many problems a
// document has, the list holds at most twice maxProblems, and a problem
// that cannot be shown is counted without being worded.
type problemList struct {
	ps   []classify.Problem
	more int
	// last is the place of the last problem kept once some were dropped
	// (full): a problem at or after it cannot be shown any more.
	full bool
	last pos
}

// wants reports whether a problem at at would still be shown: callers
// skip the wording (and its suggestions) of one that would not.
func (l *problemList) wants(at pos) bool { return !l.full || before(at, l.last) }

func (l *problemList) add(p classify.Problem) {
	if !l.wants(pos{p.Line, p.Col}) {
		l.more++
		return
	}
	l.ps = append(l.ps, p)
	if len(l.ps) >= 2*maxProblems {
		l.compact()
	}
}

// compact sorts the problems kept and drops all but the first maxProblems.
// A stable sort keeps the order found among problems at one place, so the
// report is the one sorting every problem would have given.
func (l *problemList) compact() {
	slices.SortStableFunc(l.ps, func(a, b classify.Problem) int {
		switch {
		case before(pos{a.Line, a.Col}, pos{b.Line, b.Col}):
			return -1
		case before(pos{b.Line, b.Col}, pos{a.Line, a.Col}):
			return 1
		}
		return 0
	})
	if len(l.ps) > maxProblems {
		l.more += len(l.ps) - maxProblems
		clear(l.ps[maxProblems:])
		l.ps = l.ps[:maxProblems:maxProblems]
		l.full = true
		l.last = pos{l.ps[maxProblems-1].Line, l.ps[maxProblems-1].Col}
	}
}

// report returns the problems for file, in order, with the count of the
// rest as a last problem. For JSON (data given), byte columns become
// character columns.
func (l *problemList) report(file string, data []byte, lineBase int) classify.Problems {
	l.compact()
	ps := classify.Problems(l.ps)
	if data != nil {
		runeColumns(data, lineBase, ps)
	}
	for i := range ps {
		ps[i].File = file
	}
	if l.more > 0 {
		ps = append(ps, classify.Problem{File: file, More: l.more, Code: classify.CodeMore, Message: fmt.Sprintf("and %d more problems", l.more)})
	}
	return ps
}

// runeColumns rewrites the byte columns of problems in data, sorted by
// place as parseJSON reports them, into character columns, so a column
// counts Chinese text as one per character. It reads data once, however
// many problems share a line.
func runeColumns(data []byte, lineBase int, ps []classify.Problem) {
	line, start := 1+lineBase, 0 // the line reached and where it starts
	counted, runes := 0, 0       // bytes of the line counted so far, and their characters
	for i := range ps {
		p := &ps[i]
		if p.Line < line || p.Col < 1 {
			continue // no place, or not in data
		}
		for line < p.Line {
			nl := bytes.IndexByte(data[start:], '\n')
			if nl < 0 {
				start = -1
				break
			}
			start += nl + 1
			line++
			counted, runes = 0, 0
		}
		if start < 0 {
			return
		}
		end := min(start+p.Col-1, len(data))
		if end < start+counted {
			continue // before a column already counted: cannot happen when sorted
		}
		runes += utf8.RuneCount(data[start+counted : end])
		counted = end - start
		p.Col = runes + 1
	}
}

// collector gathers the problems of one document.
type collector struct {
	ps *problemList
}

// wants reports whether a problem at at would be shown.
func (c collector) wants(at pos) bool { return c.ps.wants(at) }

func (c collector) add(at pos, key string, code classify.Code, format string, args ...any) {
	if !c.ps.wants(at) {
		c.ps.more++
		return
	}
	c.ps.add(classify.Problem{Line: at.Line, Col: at.Col, Key: key, Code: code, Message: fmt.Sprintf(format, args...)})
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
