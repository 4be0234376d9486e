package report

import (
	"fmt"
	"io"
	"strings"

	"b22/classify"
	"b22/classify/answers"
	"b22/internal/present"
)

// QuestionJSON is one question as 'b22 questions --format json' lists it.
type QuestionJSON struct {
	ID      string         `json:"id"`
	Section string         `json:"section"`
	Type    string         `json:"type"`
	Values  []ValueJSON    `json:"values,omitempty"`
	Min     *float64       `json:"min,omitempty"`
	Max     *float64       `json:"max,omitempty"`
	Unsure  bool           `json:"unsure"`
	Asked   string         `json:"asked_when,omitempty"`
	Title   classify.Text  `json:"title"`
	Help    classify.Text  `json:"help"`
	Pivot   *classify.Text `json:"pivot,omitempty"`
}

// ValueJSON is an allowed value with its labels.
type ValueJSON struct {
	ID    string        `json:"id"`
	Label classify.Text `json:"label"`
}

// QuestionnaireJSON is the whole questionnaire.
type QuestionnaireJSON struct {
	ID        string         `json:"id"`
	Version   string         `json:"version"`
	Effective string         `json:"effective"`
	Title     classify.Text  `json:"title"`
	Sections  []SectionJSON  `json:"sections"`
	Questions []QuestionJSON `json:"questions"`
}

// SectionJSON is a section of the questionnaire.
type SectionJSON struct {
	ID    string        `json:"id"`
	Title classify.Text `json:"title"`
}

// QuestionsJSON describes the questionnaire for scripts.
func QuestionsJSON(rs *classify.RuleSet) QuestionnaireJSON {
	out := QuestionnaireJSON{ID: rs.ID(), Version: rs.Version(), Effective: rs.Effective().String(), Title: rs.Title()}
	for _, s := range rs.Sections() {
		out.Sections = append(out.Sections, SectionJSON{ID: s.ID, Title: s.Title})
	}
	for _, q := range rs.Questions() {
		qj := QuestionJSON{ID: q.ID, Section: q.Section, Type: q.Type.String(), Min: q.Min, Max: q.Max, Unsure: q.Unsure,
			Title: q.Title, Help: q.Help, Asked: present.Condition(rs, q.AskWhen)}
		if q.Pivot != (classify.Text{}) {
			p := q.Pivot
			qj.Pivot = &p
		}
		for _, c := range q.Choices {
			qj.Values = append(qj.Values, ValueJSON{ID: c.ID, Label: c.Label})
		}
		out.Questions = append(out.Questions, qj)
	}
	return out
}

// WriteQuestionsMarkdown lists the questionnaire as a Markdown document, in
// both languages, for review by lawyers and product managers.
func WriteQuestionsMarkdown(w io.Writer, rs *classify.RuleSet) {
	fmt.Fprintf(w, "# %s / %s\n\n", rs.Title().Zh, rs.Title().En)
	fmt.Fprintf(w, "Rule set `%s` %s, effective %s. A question left unanswered (or `null`) counts as not known.\n", rs.ID(), rs.Version(), rs.Effective())
	for _, s := range rs.Sections() {
		fmt.Fprintf(w, "\n## %s / %s\n", s.Title.Zh, s.Title.En)
		if c := present.Condition(rs, s.AskWhen); c != "" {
			fmt.Fprintf(w, "\nAsked when: `%s`\n", c)
		}
		for _, q := range rs.Questions() {
			if q.Section != s.ID {
				continue
			}
			fmt.Fprintf(w, "\n### `%s` (%s)\n\n%s  \n%s\n\n", q.ID, q.Type, mdEscape(q.Title.Zh), mdEscape(q.Title.En))
			fmt.Fprintf(w, "> %s  \n> %s\n\n", mdEscape(q.Help.Zh), mdEscape(q.Help.En))
			switch q.Type {
			case classify.TypeEnum, classify.TypeMulti:
				fmt.Fprintln(w, "| value | 中文 | English |\n| --- | --- | --- |")
				for _, c := range q.Choices {
					fmt.Fprintf(w, "| `%s` | %s | %s |\n", c.ID, mdEscape(c.Label.Zh), mdEscape(c.Label.En))
				}
				fmt.Fprintln(w)
			case classify.TypeInt, classify.TypeNumber:
				fmt.Fprintf(w, "Allowed: %s.\n\n", answers.Range(&q))
			case classify.TypeBool:
				fmt.Fprintln(w, "Allowed: `true`, `false`.")
				fmt.Fprintln(w)
			}
			if c := present.Condition(rs, q.AskWhen); c != "" {
				fmt.Fprintf(w, "Asked when: `%s`\n\n", c)
			}
			if q.Unsure {
				fmt.Fprintln(w, "\"Not sure\" is allowed (`null`).")
			}
		}
	}
}

// mdEscape keeps text from being read as Markdown markup.
func mdEscape(s string) string {
	r := strings.NewReplacer(`\`, `\\`, "|", `\|`, "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`, "<", "&lt;", ">", "&gt;", "#", `\#`)
	return r.Replace(present.Sanitize(s))
}
