package classify

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
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
	Key     string `json:"key,omitempty"`
	Message string `json:"message"`
	// More is set on the last problem of a list cut short: how many more
	// there were.
	More int `json:"more,omitempty"`
}

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

func (c collector) add(at pos, key, format string, args ...any) {
	*c.ps = append(*c.ps, Problem{File: c.file, Line: at.Line, Col: at.Col, Key: key, Message: fmt.Sprintf(format, args...)})
}

// maxQuoted bounds a value quoted in a message, in bytes.
const maxQuoted = 60

// clip shortens a value a message quotes: a problem names the value, and
// says how big it is, rather than repeat a megabyte of it.
func clip(s string) string {
	if len(s) <= maxQuoted {
		return s
	}
	cut := maxQuoted
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "… (" + strconv.Itoa(len(s)) + " bytes)"
}

// Suggest returns the allowed word a mistyped one most likely meant, or "".
func Suggest(got string, allowed []string) string { return didYouMean(got, allowed) }

// didYouMean suggests the allowed word closest to got, or "".
func didYouMean(got string, allowed []string) string {
	longest := 0
	for _, a := range allowed {
		longest = max(longest, len(a))
	}
	if len(got) > 2*longest+16 {
		// Far longer than any allowed word: nothing is a small edit away,
		// and comparing a megabyte with each word costs seconds; a word it
		// starts with may still be what was meant.
		head := strings.ToLower(got[:2*longest+16])
		for _, a := range allowed {
			if len(a) >= 4 && strings.HasPrefix(head, strings.ToLower(a)) {
				return a
			}
		}
		return ""
	}
	best, bestD := "", 1<<30
	for _, a := range allowed {
		d := editDistance(strings.ToLower(got), strings.ToLower(a))
		if d < bestD {
			best, bestD = a, d
		}
	}
	// A suggestion must be closer than a rewrite: within a third of the word,
	// or sharing most of its start ("national" for "nationwide").
	if best != "" && (bestD <= max(2, len(best)/3) || commonPrefix(strings.ToLower(got), strings.ToLower(best)) >= max(4, min(len(got), len(best))*2/3)) {
		return best
	}
	return ""
}

func commonPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

func hint(got string, allowed []string) string {
	if s := didYouMean(got, allowed); s != "" {
		return fmt.Sprintf(" (did you mean %q?)", s)
	}
	return ""
}
