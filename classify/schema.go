package classify

// The JSON Schemas are built from the rule set itself, so they cannot drift
// from the questions and ids the engine accepts and produces.

const schemaDraft = "https://json-schema.org/draft/2020-12/schema"

type obj = map[string]any

// AnswersSchema is the JSON Schema (draft 2020-12) of an answers document.
func (rs *RuleSet) AnswersSchema() map[string]any {
	props := obj{}
	for _, q := range rs.Questions {
		s := obj{"title": q.Title.En, "description": q.Help.En, "x-title-zh": q.Title.Zh, "x-section": q.Section}
		switch q.Type {
		case TypeBool:
			s["type"] = []string{"boolean", "null"}
		case TypeInt, TypeNumber:
			s["type"] = []string{map[bool]string{true: "integer", false: "number"}[q.Type == TypeInt], "null"}
			if q.Unit != "" {
				s["x-unit"] = q.Unit
			}
			if q.Min != nil {
				s["minimum"] = *q.Min
			}
			if q.Max != nil {
				s["maximum"] = *q.Max
			}
		case TypeEnum:
			vals := []any{}
			for _, c := range q.Choices {
				vals = append(vals, c.ID)
			}
			s["enum"] = append(vals, nil)
		case TypeMulti:
			s["type"] = []string{"array", "null"}
			s["items"] = obj{"enum": q.choiceIDs()}
			s["uniqueItems"] = true
		}
		props[q.ID] = s
	}
	return obj{
		"$schema":              schemaDraft,
		"$id":                  "urn:b22:schema:answers:" + rs.Version,
		"title":                "b22 answers document",
		"description":          "Answers to the B22 questionnaire. A key that is absent or null means not known.",
		"type":                 "object",
		"additionalProperties": false,
		"properties": obj{
			"questionnaire": obj{"const": rs.ID},
			"product": obj{
				"type": []string{"object", "null"}, "additionalProperties": false,
				"properties": obj{"name": strOrNull(), "company": strOrNull(), "description": strOrNull()},
			},
			"answers": obj{"type": "object", "additionalProperties": false, "properties": props},
		},
	}
}

func strOrNull() obj { return obj{"type": []string{"string", "null"}} }

// ResultSchema is the JSON Schema (draft 2020-12) of a classification result.
func (rs *RuleSet) ResultSchema() map[string]any {
	str := obj{"type": "string"}
	text := obj{"$ref": "#/$defs/text"}
	strs := obj{"type": "array", "items": str}
	keys := obj{"type": "array", "items": obj{"enum": rs.questionIDs()}}
	sources := obj{"type": "array", "items": obj{"enum": rs.sourceIDsList()}}
	conf := obj{"enum": confidences}
	foot := obj{"enum": footings}
	var subIDs, reqIDs, regIDs []string
	for _, s := range rs.Subcategories {
		subIDs = append(subIDs, s.ID)
	}
	for _, r := range rs.Requirements {
		reqIDs = append(reqIDs, r.ID)
	}
	for _, r := range rs.Regimes {
		regIDs = append(regIDs, r.ID)
	}
	closed := func(required []string, props obj) obj {
		return obj{"type": "object", "additionalProperties": false, "required": required, "properties": props}
	}
	cites := obj{"type": "array", "items": closed([]string{"source", "pinpoint", "verified", "text"},
		obj{"source": obj{"enum": rs.sourceIDsList()}, "pinpoint": str, "verified": obj{"type": "boolean"}, "text": text})}
	finding := closed([]string{"id", "text", "answers", "basis", "citations", "confidence", "footing"},
		obj{"id": str, "text": text, "answers": keys, "basis": sources, "citations": cites, "confidence": conf, "footing": foot})
	reason := closed([]string{"rule", "outcome", "text", "answers", "basis", "citations", "confidence", "footing"},
		obj{"rule": str, "outcome": obj{"enum": []string{"true", "unknown"}}, "text": text, "answers": keys, "basis": sources, "citations": cites, "confidence": conf, "footing": foot})
	subcat := closed([]string{"id", "name", "strength", "settled", "depends_on", "confidence", "footing", "reasons"},
		obj{"id": obj{"enum": subIDs}, "name": text, "strength": obj{"enum": strengths}, "settled": obj{"type": "boolean"},
			"depends_on": keys, "confidence": conf, "footing": foot, "reasons": obj{"type": "array", "items": reason}})
	numOrNull := obj{"type": []string{"number", "null"}}
	props := obj{
		"questionnaire": closed([]string{"id", "version", "effective", "as_of"},
			obj{"id": obj{"const": rs.ID}, "version": str, "effective": obj{"type": "string", "format": "date"}, "as_of": obj{"type": "string", "format": "date"}}),
		"verdict":                     obj{"enum": []string{"likely", "possible", "unlikely", "undetermined"}},
		"summary":                     text,
		"covered_by_existing_licence": obj{"type": "boolean"},
		"existing_licence":            obj{"enum": []string{"covers", "does_not_cover", "unknown"}},
		"subcategories":               obj{"type": "array", "items": subcat},
		"open_subcategories":          obj{"type": "array", "items": subcat},
		"exclusions":                  obj{"type": "array", "items": finding},
		"if_operated":                 obj{"type": "array", "items": subcat},
		"licence": closed([]string{"category", "scope", "title", "authority", "min_registered_capital_cny", "validity_years", "basis", "citations"},
			obj{"category": obj{"const": "B22"}, "scope": obj{"enum": []any{"provincial", "cross_regional", nil}},
				"title": obj{"anyOf": []any{text, obj{"type": "null"}}}, "authority": obj{"anyOf": []any{text, obj{"type": "null"}}},
				"min_registered_capital_cny": numOrNull, "validity_years": obj{"type": "number"}, "basis": sources, "citations": cites}),
		"requirements": obj{"type": "array", "items": closed([]string{"id", "name", "status", "text", "answers", "basis", "citations", "confidence", "footing"},
			obj{"id": obj{"enum": reqIDs}, "name": text, "status": obj{"enum": statusIDs}, "text": text, "answers": keys, "basis": sources, "citations": cites, "confidence": conf, "footing": foot})},
		"process": obj{"type": "array", "items": closed([]string{"id", "name", "text", "basis", "citations"},
			obj{"id": str, "name": text, "text": text, "basis": sources, "citations": cites})},
		"pivotal_questions": obj{"type": "array", "items": closed([]string{"key", "question", "why", "leads_to"},
			obj{"key": obj{"enum": rs.questionIDs()}, "question": text, "why": text, "leads_to": obj{"type": "array", "items": closed([]string{"answer", "label", "verdict"},
				obj{"answer": obj{}, "label": text, "verdict": obj{"enum": []string{"likely", "possible", "unlikely", "undetermined"}}})}})},
		"open_questions": obj{"type": "array", "items": closed([]string{"key", "question", "affects"},
			obj{"key": obj{"enum": rs.questionIDs()}, "question": text, "affects": strs})},
		"related_regimes": obj{"type": "array", "items": closed([]string{"id", "status", "text", "because", "basis", "citations", "confidence"},
			obj{"id": obj{"enum": regIDs}, "status": obj{"enum": []string{"triggered", "unknown"}}, "text": text, "because": keys, "basis": sources, "citations": cites, "confidence": conf})},
		"notes": obj{"type": "array", "items": finding},
		"sources": obj{"type": "array", "items": closed([]string{"id", "title", "title_en", "url", "reprint"},
			obj{"id": obj{"enum": rs.sourceIDsList()}, "title": str, "title_en": str, "url": obj{"type": "string", "format": "uri"},
				"date": obj{"type": "string", "format": "date"}, "reprint": obj{"type": "boolean"}})},
		"answers_sha256": obj{"type": "string", "pattern": "^[0-9a-f]{64}$"},
		"trace": obj{"type": "array", "items": closed([]string{"rule", "kind", "outcome", "answers"},
			obj{"rule": str, "kind": obj{"enum": []string{"gate", "subcategory", "existing_licence", "scope", "requirement", "regime", "note"}},
				"outcome": obj{"enum": []string{"true", "false", "unknown"}}, "answers": keys})},
	}
	required := make([]string, 0, len(props))
	for _, k := range []string{"questionnaire", "verdict", "summary", "covered_by_existing_licence", "existing_licence", "subcategories", "open_subcategories", "exclusions",
		"if_operated", "licence", "requirements", "process", "pivotal_questions", "open_questions", "related_regimes", "notes", "sources", "answers_sha256", "trace"} {
		required = append(required, k)
	}
	return obj{
		"$schema":              schemaDraft,
		"$id":                  "urn:b22:schema:result:" + rs.Version,
		"title":                "b22 classification result",
		"type":                 "object",
		"additionalProperties": false,
		"required":             required,
		"properties":           props,
		"$defs": obj{"text": obj{"type": "object", "additionalProperties": false, "required": []string{"zh", "en"},
			"properties": obj{"zh": str, "en": str}}},
	}
}

func (rs *RuleSet) sourceIDsList() []string {
	ids := make([]string, len(rs.Sources))
	for i, s := range rs.Sources {
		ids[i] = s.ID
	}
	return ids
}
