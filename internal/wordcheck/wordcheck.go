// Package wordcheck finds what text meant for people must not hold: a rule
// set's ids in place of its words, and a count of its sub-categories that
// is not the rule set's. Tests run every renderer over a rule set unlike
// B22 (testdata/rules/wide) and check what each prints with it, so that no
// name, count or id of one licence stays in Go.
package wordcheck

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"b22/classify"
	"b22/internal/present"
)

// IDs are the ids of rs that read as ids: those with an underscore, a
// hyphen or a digit (kind_a, scope_regional, s01, test-measures). An id
// that is a plain word (coverage, none) reads as itself in prose and is
// left out: finding it would say nothing.
func IDs(rs *classify.RuleSet) []string {
	rules := slices.Concat(rs.Gates(), rs.Regimes(), rs.Notes(), []classify.Rule{rs.Existing()})
	all := slices.Concat(
		idsOf(rs.Sections(), func(s classify.Section) []string { return []string{s.ID} }),
		idsOf(rs.Questions(), func(q classify.Question) []string {
			return append([]string{q.ID}, idsOf(q.Choices, func(c classify.Choice) []string { return []string{c.ID} })...)
		}),
		idsOf(rs.Sources(), func(s classify.Source) []string { return []string{s.ID} }),
		idsOf(rs.Parameters(), func(p classify.Parameter) []string { return []string{p.ID} }),
		idsOf(rs.Subcategories(), func(s classify.Subcategory) []string { return append([]string{s.ID}, idsOf(s.Rules, ruleID)...) }),
		idsOf(rs.Scopes(), func(s classify.ScopeRule) []string { return []string{s.ID, s.Scope} }),
		idsOf(rules, ruleID),
		idsOf(rs.Requirements(), func(r classify.Requirement) []string { return []string{r.ID} }),
		idsOf(rs.Routes(), func(r classify.Route) []string { return []string{r.ID} }),
	)
	var ids []string
	for _, id := range all {
		if strings.ContainsAny(id, "_-0123456789") && !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	return ids
}

func ruleID(r classify.Rule) []string { return []string{r.ID} }

// idsOf is the ids of each thing in list.
func idsOf[T any](list []T, ids func(T) []string) []string {
	var out []string
	for _, x := range list {
		out = append(out, ids(x)...)
	}
	return out
}

// links are addresses, which name their documents as their sites do.
var links = regexp.MustCompile(`https?://\S+`)

// markdownEscape is a backslash before the punctuation Markdown escapes.
var markdownEscape = regexp.MustCompile(`\\([_*\[\]()#+.!\-` + "`" + `])`)

// Problems lists what in text names a thing of rs by its id, names a
// licence by a code not the rule set's, or counts its sub-categories with
// another number than the rule set has. Links are not read, and
// Markdown's escapes are (an id printed as existing\_licences is still
// an id).
func Problems(rs *classify.RuleSet, text string) []string {
	text = markdownEscape.ReplaceAllString(links.ReplaceAllString(text, ""), "$1")
	var out []string
	ids := IDs(rs)
	for _, id := range ids {
		re := regexp.MustCompile(`(^|[^\pL\pN_-])` + regexp.QuoteMeta(id) + `($|[^\pL\pN_-])`)
		if loc := re.FindStringIndex(text); loc != nil {
			out = append(out, fmt.Sprintf("raw id %q in %q", id, around(text, loc[0])))
		}
	}
	for _, loc := range snakeCase.FindAllStringSubmatchIndex(text, -1) {
		if id := text[loc[2]:loc[3]]; !slices.Contains(ids, id) {
			out = append(out, fmt.Sprintf("id-shaped word %q in %q", id, around(text, loc[2])))
		}
	}
	for _, m := range codes.FindAllStringSubmatchIndex(text, -1) {
		if code := text[m[2]:m[3]]; code != rs.Category() {
			out = append(out, fmt.Sprintf("licence code %s where the rule set's is %s, in %q", code, rs.Category(), around(text, m[0])))
		}
	}
	n := len(rs.Subcategories())
	for _, m := range countsEn.FindAllStringSubmatchIndex(text, -1) {
		if got := text[m[2]:m[3]]; got != present.Count(n, "en") && got != fmt.Sprint(n) {
			out = append(out, fmt.Sprintf("%q sub-categories where the rule set has %d, in %q", got, n, around(text, m[0])))
		}
	}
	for _, m := range countsZh.FindAllStringSubmatchIndex(text, -1) {
		if got := text[m[2]:m[3]]; got != present.Count(n, "zh") && got != fmt.Sprint(n) {
			out = append(out, fmt.Sprintf("%q个子类 where the rule set has %d, in %q", got, n, around(text, m[0])))
		}
	}
	return out
}

// snakeCase is a word of lower-case letters and digits joined by
// underscores (existing_licences): an id of some rule set or of the
// program, never a word of prose, whichever rule set it names.
var snakeCase = regexp.MustCompile(`(?:^|[^\pL\pN_])([a-z][a-z0-9]*(?:_[a-z0-9]+)+)(?:$|[^\pL\pN_])`)

// codes are words shaped like a catalogue code (B22, Z20): a licence a
// text names, which must be the rule set's.
var codes = regexp.MustCompile(`(?:^|[^\pL\pN.])([A-Z]\d{2})(?:$|[^\pL\pN])`)

// A count of sub-categories: a number, then at most one word (the
// licence's code), then the noun.
var (
	countsEn = regexp.MustCompile(`(?i)(?:^|\s)(one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:\S+\s+)?sub-?categor`)
	countsZh = regexp.MustCompile(`([一二两三四五六七八九十百]+|\d+)\s*个\s*子类`)
)

// around is the text near i, on one line, for a message.
func around(text string, i int) string {
	from, to := max(i-40, 0), min(i+60, len(text))
	for from > 0 && !isStart(text[from]) {
		from--
	}
	for to < len(text) && !isStart(text[to]) {
		to++
	}
	return strings.Join(strings.Fields(text[from:to]), " ")
}

func isStart(b byte) bool { return b < 0x80 || b >= 0xC0 }
