package classify

import "strings"

// A text names values by placeholder: {param} for a parameter's value on
// the as-of date ({param.bare}: an amount without its currency word, as a
// statute writes it), {question.zh}, {question.en} or {question.full} for the
// label of an enum answer. A name is [a-z0-9_]+.

// placeholder is one placeholder of a text: its name, and its suffix (bare, zh,
// en, full) or "".
type placeholder struct{ name, suffix string }

// expand returns s with each placeholder replaced by what f returns for
// it; f gets the placeholder's own text too, to keep it as it is. A text
// without one is returned as it is, without copying.
func expand(s string, f func(whole string, p placeholder) string) string {
	if !strings.Contains(s, "{") {
		return s
	}
	var b strings.Builder
	last := 0
	for i := 0; i < len(s); i++ {
		if s[i] != '{' {
			continue
		}
		p, end, ok := placeholderAt(s, i)
		if !ok {
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString(f(s[i:end], p))
		last, i = end, end-1
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// placeholders lists the placeholders of s in order.
func placeholders(s string) []placeholder {
	var out []placeholder
	expand(s, func(whole string, p placeholder) string {
		out = append(out, p)
		return whole
	})
	return out
}

// placeholderAt reads the placeholder that starts at s[i] == '{', if one
// does, and returns the index just past its '}'.
func placeholderAt(s string, i int) (p placeholder, end int, ok bool) {
	j := i + 1
	for j < len(s) && (s[j] >= 'a' && s[j] <= 'z' || s[j] >= '0' && s[j] <= '9' || s[j] == '_') {
		j++
	}
	if j == i+1 || j >= len(s) {
		return p, 0, false
	}
	p.name = s[i+1 : j]
	if s[j] == '.' {
		for _, suffix := range [...]string{"zh", "en", "full", "bare"} {
			if strings.HasPrefix(s[j+1:], suffix+"}") {
				p.suffix = suffix
				return p, j + 1 + len(suffix) + 1, true
			}
		}
		return p, 0, false
	}
	if s[j] != '}' {
		return p, 0, false
	}
	return p, j + 1, true
}
