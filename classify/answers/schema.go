package answers

import "b22/classify"

// The JSON Schema is built from the rule set itself, so it cannot drift
// from the questions and ids the parser accepts.

const schemaDraft = "https://json-schema.org/draft/2020-12/schema"

type obj = map[string]any

// Schema is the JSON Schema (draft 2020-12) of an answers document for rs.
func Schema(rs *classify.RuleSet) map[string]any {
	props := obj{}
	for _, q := range rs.Questions() {
		s := obj{"title": q.Title.En, "description": q.Help.En, "x-title-zh": q.Title.Zh, "x-section": q.Section}
		switch q.Type {
		case classify.TypeBool:
			s["type"] = []string{"boolean", "null"}
		case classify.TypeInt, classify.TypeNumber:
			s["type"] = []string{map[bool]string{true: "integer", false: "number"}[q.Type == classify.TypeInt], "null"}
			if q.Unit != "" {
				s["x-unit"] = q.Unit
			}
			if q.Min != nil {
				s["minimum"] = *q.Min
			}
			if q.Max != nil {
				s["maximum"] = *q.Max
			}
		case classify.TypeEnum:
			vals := []any{}
			for _, c := range q.Choices {
				vals = append(vals, c.ID)
			}
			s["enum"] = append(vals, nil)
		case classify.TypeMulti:
			s["type"] = []string{"array", "null"}
			s["items"] = obj{"enum": choiceIDs(&q)}
			s["uniqueItems"] = true
		}
		props[q.ID] = s
	}
	return obj{
		"$schema":              schemaDraft,
		"$id":                  "urn:b22:schema:answers:" + rs.Version(),
		"title":                "b22 answers document",
		"description":          "Answers to the " + rs.Category() + " questionnaire. A key that is absent or null means not known.",
		"type":                 "object",
		"additionalProperties": false,
		"properties": obj{
			"questionnaire": obj{"const": rs.ID()},
			"product": obj{
				"type": []string{"object", "null"}, "additionalProperties": false,
				"properties": obj{"name": strOrNull(), "company": strOrNull(), "description": strOrNull()},
			},
			"answers": obj{"type": "object", "additionalProperties": false, "properties": props},
		},
	}
}

func strOrNull() obj { return obj{"type": []string{"string", "null"}} }
