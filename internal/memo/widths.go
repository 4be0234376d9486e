package memo

import (
	"math"
	"strings"
	"unicode"
)

// colWidths sizes a table's columns to their content, in percent of the
// text width summing to 100: every column gets at least its longest word
// (so that no word is broken: "unknown", "not met"), and the rest goes to
// the columns with more text. Widths are counted in units of half an em:
// a Latin letter or digit is one, a Chinese character two. The HTML and
// the DOCX use the same widths.
func colWidths(t *table) []int {
	cols := len(t.head)
	for _, r := range t.rows {
		if len(r) > cols {
			cols = len(r)
		}
	}
	if cols == 0 {
		return nil
	}
	minW := make([]float64, cols) // the longest word, padded
	total := make([]float64, cols)
	for i, h := range t.head {
		w, _ := measure(h)
		minW[i] = w
	}
	for _, r := range t.rows {
		for i, c := range r {
			for _, l := range c {
				var s strings.Builder
				for _, rn := range l {
					if rn.grouped { // as DOCX and HTML set it
						s.WriteString(hashGroups(rn.text))
					} else {
						s.WriteString(rn.text)
					}
				}
				word, all := measure(s.String())
				if word > minW[i] {
					minW[i] = word
				}
				total[i] += all
			}
		}
	}
	// The text width holds about 95 units of body text; a column never
	// takes less than its longest word nor, for a table with a label
	// column, less than a fifth.
	const width = 95.0
	want := make([]float64, cols)
	sumMin, sumRest := 0.0, 0.0
	for i := range want {
		minW[i] += 2 // cell padding
		if minW[i] > width*0.45 {
			minW[i] = width * 0.45 // a long address may break; a word may not
		}
		sumMin += minW[i]
		rest := total[i] - minW[i]
		if rest < 0 {
			rest = 0
		}
		// The square root keeps a long column from starving a short one.
		want[i] = math.Sqrt(rest)
		sumRest += want[i]
	}
	out := make([]int, cols)
	spare := width - sumMin
	sum := 0
	for i := range out {
		w := minW[i]
		if spare > 0 && sumRest > 0 {
			w += spare * want[i] / sumRest
		} else if spare > 0 {
			w += spare / float64(cols)
		}
		pct := int(w/width*100 + 0.5)
		if spare < 0 {
			pct = int(minW[i]/sumMin*100 + 0.5)
		}
		if pct < 8 {
			pct = 8
		}
		out[i] = pct
		sum += pct
	}
	// The widest column takes up the rounding.
	widest := 0
	for i := range out {
		if out[i] > out[widest] {
			widest = i
		}
	}
	out[widest] += 100 - sum
	return out
}

// measure is the width of s's longest unbreakable word and of all of s, in
// half-em units. Chinese text breaks between any two characters.
func measure(s string) (word, all float64) {
	cur := 0.0
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			cur = 0
			all += 1
			continue
		case r >= 0x2E80:
			all += 2
			cur = 0
			if 2 > word {
				word = 2
			}
			continue
		case unicode.IsUpper(r) || r == 'm' || r == 'w':
			cur += 1.3
			all += 1.3
		default:
			cur += 1
			all += 1
		}
		if r == '/' || r == '-' { // a line may break after a slash or hyphen
			if cur > word {
				word = cur
			}
			cur = 0
			continue
		}
		if cur > word {
			word = cur
		}
	}
	return word, all
}
