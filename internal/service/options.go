package service

import (
	"errors"
	"strconv"
	"strings"

	"b22/classify"
	"b22/classify/answers"
	"b22/internal/memo"
)

// Option is an option of a request, by its flag's name ("as-of"): the
// command line's --as-of, the HTTP API's as_of. Messages name it as the
// front end that shows them names options (Naming).
type Option string

// Name is the option as n names it.
func (o Option) Name(n Naming) string {
	if n == HTTP {
		return strings.ReplaceAll(string(o), "-", "_")
	}
	return "--" + string(o)
}

// The options requests share between the command line and HTTP.
const (
	OptAsOf   Option = "as-of"
	OptDate   Option = "date"
	OptFields Option = "fields"
	OptLevers Option = "levers"
	OptFormat Option = "format"
	OptLang   Option = "lang"
	OptStatus Option = "status"
)

// Choice is one value of an Enum, with what it means in a few words
// (shell completion shows them).
type Choice struct{ Value, Desc string }

// Enum is an option that takes one of a fixed list of values. The list is
// written once: the flag's usage, its check, its completion and the HTTP
// parameter's check all read it, in its order.
type Enum struct {
	Option  Option
	Choices []Choice
}

// NewEnum is the enum of option o over values, in their order, each with
// its description from the table of descriptions, if it has one.
func NewEnum(o Option, values ...string) Enum {
	e := Enum{Option: o}
	for _, v := range values {
		e.Choices = append(e.Choices, Choice{v, descriptions[v]})
	}
	return e
}

// descriptions are the words shell completion shows beside a value.
var descriptions = map[string]string{
	"zh":        "Chinese, 中文",
	"en":        "English",
	"bilingual": "Chinese and English, side by side",
	"draft":     "marked as a draft on every page",
	"final":     "no draft mark",
	"answers":   "the answers document",
	"result":    "the result of classify",
}

// Values are the allowed values, in order.
func (e Enum) Values() []string {
	vs := make([]string, len(e.Choices))
	for i, c := range e.Choices {
		vs[i] = c.Value
	}
	return vs
}

// Has reports whether v is one of the allowed values.
func (e Enum) Has(v string) bool {
	for _, c := range e.Choices {
		if c.Value == v {
			return true
		}
	}
	return false
}

// Check refuses a value that is not allowed, naming the option, the value
// and the allowed values, with the one meant if one is close.
func (e Enum) Check(v string) error {
	if e.Has(v) {
		return nil
	}
	msg := "%s %q: allowed: %s"
	args := []any{e.Option, clip(v), strings.Join(e.Values(), ", ")}
	// The allowed values are short words: two letters apart is a
	// rewrite, not a slip ("fr" is not "zh"), so a hint must at least
	// start as the value does.
	if s := answers.Suggest(v, e.Values()); s != "" && v != "" && strings.EqualFold(s[:1], v[:1]) {
		msg += " (did you mean %q?)"
		args = append(args, s)
	}
	return Errorf(Usage, msg, args...)
}

// clip shortens a value quoted in a message: a parameter can be long.
func clip(s string) string {
	if len(s) > 40 {
		return s[:40] + "..."
	}
	return s
}

// The enums requests share between the command line and HTTP. The memo's
// come from the memo package, which renders them.
var (
	Lang            = NewEnum(OptLang, "zh", "en")
	MemoFormat      = NewEnum(OptFormat, memo.Formats...)
	MemoLang        = NewEnum(OptLang, memo.Languages...)
	MemoStatus      = NewEnum(OptStatus, nonEmpty(memo.Statuses)...)
	QuestionsFormat = NewEnum(OptFormat, "json", "md")
	SchemaKind      = NewEnum("kind", "answers", "result")
)

func nonEmpty(vs []string) []string {
	var out []string
	for _, v := range vs {
		if v != "" {
			out = append(out, v)
		}
	}
	return out
}

// ParseDate reads a date given for option o, YYYY-MM-DD.
func ParseDate(o Option, s string) (classify.Date, error) {
	d, err := classify.ParseDate(s)
	if err != nil {
		return d, Errorf(Usage, "%s %q: expected a date YYYY-MM-DD", o, clip(s))
	}
	return d, nil
}

// ParseBool reads a yes-or-no option given as a value (a query
// parameter): true or false, or what strconv.ParseBool reads as either;
// "" is false.
func ParseBool(o Option, v string) (bool, error) {
	if v == "" {
		return false, nil
	}
	b, err := strconv.ParseBool(v)
	if err != nil {
		return false, Errorf(Usage, "%s %q: allowed: true, false", o, clip(v))
	}
	return b, nil
}

// asOfError makes a date outside the rule set a usage error naming the
// option the date came from.
func asOfError(o Option, err error) error {
	if errors.Is(err, classify.ErrAsOf) {
		return Errorf(Usage, "%s: %w", o, err)
	}
	return err
}
