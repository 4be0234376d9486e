// Package diag words the problems b22 reports in its inputs: how a value
// is quoted, which allowed word a mistyped one meant, and where a YAML
// document goes wrong when the YAML library does not say.
package diag

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// maxQuoted bounds a value quoted in a message, in bytes.
const maxQuoted = 60

// Clip shortens a value a message quotes: a problem names the value, and
// says how big it is, rather than repeat a megabyte of it.
func Clip(s string) string {
	if len(s) <= maxQuoted {
		return s
	}
	cut := maxQuoted
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "… (" + strconv.Itoa(len(s)) + " bytes)"
}

// DidYouMean suggests the allowed word closest to got, or "".
func DidYouMean(got string, allowed []string) string {
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

// Hint is DidYouMean as a clause a message ends with, or "".
func Hint(got string, allowed []string) string {
	if s := DidYouMean(got, allowed); s != "" {
		return fmt.Sprintf(" (did you mean %q?)", s)
	}
	return ""
}

// Range says in words which numbers a number question takes, as a
// problem says what is allowed: "a whole number from 2 to 10000".
func Range(whole bool, min, max *float64) string {
	what := "a number"
	if whole {
		what = "a whole number"
	}
	f := func(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
	switch {
	case min != nil && max != nil:
		return fmt.Sprintf("%s from %s to %s", what, f(*min), f(*max))
	case min != nil:
		return fmt.Sprintf("%s of at least %s", what, f(*min))
	case max != nil:
		return fmt.Sprintf("%s of at most %s", what, f(*max))
	}
	return what
}
