package resultjson

import (
	"b22/classify"
	"slices"
)

// The JSON Schema is built from the rule set itself, so it cannot drift
// from the ids the engine produces.

const schemaDraft = "https://json-schema.org/draft/2020-12/schema"

type obj = map[string]any

// Schema is the JSON Schema (draft 2020-12) of a result of rs.
func Schema(rs *classify.RuleSet) map[string]any {
	str := obj{"type": "string"}
	text := obj{"$ref": "#/$defs/text"}
	strs := obj{"type": "array", "items": str}
	keys := obj{"type": "array", "items": obj{"enum": questionIDs(rs)}}
	sources := obj{"type": "array", "items": obj{"enum": sourceIDs(rs)}}
	conf := obj{"enum": classify.Confidences}
	foot := obj{"enum": classify.Footings}
	var subIDs, reqIDs, regIDs []string
	for _, s := range rs.Subcategories() {
		subIDs = append(subIDs, s.ID)
	}
	for _, r := range rs.Requirements() {
		reqIDs = append(reqIDs, r.ID)
	}
	for _, r := range rs.Regimes() {
		regIDs = append(regIDs, r.ID)
	}
	subs := obj{"type": "array", "items": obj{"enum": subIDs}}
	closed := func(required []string, props obj) obj {
		return obj{"type": "object", "additionalProperties": false, "required": required, "properties": props}
	}
	cites := obj{"type": "array", "items": closed([]string{"source", "pinpoint", "verified", "text"},
		obj{"source": obj{"enum": sourceIDs(rs)}, "pinpoint": str, "verified": obj{"type": "boolean"}, "text": text})}
	finding := closed([]string{"id", "text", "answers", "basis", "citations", "confidence", "footing"},
		obj{"id": str, "text": text, "answers": keys, "basis": sources, "citations": cites, "confidence": conf, "footing": foot})
	reason := closed([]string{"rule", "outcome", "text", "answers", "basis", "citations", "confidence", "footing"},
		obj{"rule": str, "outcome": obj{"enum": []string{"true", "unknown"}}, "text": text, "answers": keys, "basis": sources, "citations": cites, "confidence": conf, "footing": foot})
	subcat := closed([]string{"id", "name", "strength", "settled", "depends_on", "confidence", "footing", "reasons"},
		obj{"id": obj{"enum": subIDs}, "name": text, "strength": obj{"enum": classify.Strengths}, "settled": obj{"type": "boolean"},
			"depends_on": keys, "confidence": conf, "footing": foot, "reasons": obj{"type": "array", "items": reason}})
	numOrNull := obj{"type": []string{"number", "null"}}
	props := obj{
		"questionnaire": closed([]string{"id", "version", "effective", "as_of"},
			obj{"id": obj{"const": rs.ID()}, "version": str, "effective": obj{"type": "string", "format": "date"}, "as_of": obj{"type": "string", "format": "date"}}),
		"verdict":                     obj{"enum": classify.Verdicts},
		"summary":                     text,
		"covered_by_existing_licence": obj{"type": "boolean"},
		"existing_licence":            obj{"enum": []classify.Coverage{classify.CoverageCovers, classify.CoverageDoesNotCover, classify.CoverageUnknown}},
		"subcategories":               obj{"type": "array", "items": subcat},
		"open_subcategories":          obj{"type": "array", "items": subcat},
		"exclusions":                  obj{"type": "array", "items": finding},
		"if_operated":                 obj{"type": "array", "items": subcat},
		"licence": closed([]string{"category", "scope", "title", "authority", "min_registered_capital_cny", "validity_years", "basis", "citations"},
			obj{"category": obj{"const": rs.Category()}, "scope": obj{"enum": append(scopeIDs(rs), nil)},
				"title": obj{"anyOf": []any{text, obj{"type": "null"}}}, "authority": obj{"anyOf": []any{text, obj{"type": "null"}}},
				"min_registered_capital_cny": numOrNull, "validity_years": obj{"type": "number"}, "basis": sources, "citations": cites}),
		"requirements": obj{"type": "array", "items": closed([]string{"id", "name", "status", "text", "answers", "basis", "citations", "confidence", "footing"},
			obj{"id": obj{"enum": reqIDs}, "name": text, "status": obj{"enum": classify.Statuses}, "text": text, "answers": keys, "basis": sources, "citations": cites, "confidence": conf, "footing": foot})},
		"process": obj{"type": "array", "items": closed([]string{"id", "name", "text", "basis", "citations"},
			obj{"id": str, "name": text, "text": text, "basis": sources, "citations": cites})},
		"pivotal_questions": obj{"type": "array", "items": closed([]string{"key", "question", "why", "leads_to"},
			obj{"key": obj{"enum": questionIDs(rs)}, "question": text, "why": text, "leads_to": obj{"type": "array", "items": closed([]string{"answer", "label", "verdict"},
				obj{"answer": obj{}, "label": text, "verdict": obj{"enum": classify.Verdicts}})}})},
		"open_questions": obj{"type": "array", "items": closed([]string{"key", "question", "affects"},
			obj{"key": obj{"enum": questionIDs(rs)}, "question": text, "affects": strs})},
		"levers": obj{"type": []string{"array", "null"}, "items": closed([]string{"kind", "effect", "changes", "verdict", "added", "removed", "strengthened", "weakened", "open", "scope_changed", "scope", "met", "rules"},
			obj{"kind": obj{"enum": []classify.LeverKind{classify.LeverProduct, classify.LeverCompany, classify.LeverFact, classify.LeverLabel}},
				"effect":  obj{"enum": []classify.LeverEffect{classify.EffectUnlikely, classify.EffectVerdict, classify.EffectSubcategories, classify.EffectScope, classify.EffectConditions}},
				"changes": obj{"type": "array", "minItems": 1, "maxItems": 2, "items": closed([]string{"key", "from", "to", "from_label", "to_label"}, obj{"key": obj{"enum": questionIDs(rs)}, "from": obj{}, "to": obj{}, "from_label": text, "to_label": text})},
				"verdict": obj{"enum": classify.Verdicts}, "added": subs, "removed": subs, "strengthened": subs, "weakened": subs, "open": subs,
				"scope_changed": obj{"type": "boolean"}, "scope": obj{"enum": append(scopeIDs(rs), nil)},
				"met": obj{"type": "array", "items": obj{"enum": reqIDs}}, "rules": strs})},
		"routes": obj{"type": []string{"array", "null"}, "items": closed([]string{"id", "title", "text", "caveats", "changes", "verdict", "scope", "authority", "met", "answers", "basis", "citations", "confidence", "footing"},
			obj{"id": routeID(rs), "title": text, "text": text, "caveats": text,
				"changes": obj{"type": "array", "items": closed([]string{"key", "from", "to", "from_label", "to_label"}, obj{"key": obj{"enum": questionIDs(rs)}, "from": obj{}, "to": obj{}, "from_label": text, "to_label": text})},
				"verdict": obj{"enum": classify.Verdicts}, "scope": obj{"enum": append(scopeIDs(rs), nil)}, "authority": obj{"anyOf": []any{text, obj{"type": "null"}}},
				"met": obj{"type": "array", "items": obj{"enum": reqIDs}}, "answers": keys, "basis": sources, "citations": cites, "confidence": conf, "footing": foot})},
		"missing_elements": obj{"type": "array", "items": closed([]string{"id", "name", "elements", "basis", "citations"},
			obj{"id": obj{"enum": subIDs}, "name": text, "basis": sources, "citations": cites,
				"elements": obj{"type": "array", "items": closed([]string{"id", "text", "answers"}, obj{"id": str, "text": text, "answers": keys})}})},
		"related_regimes": obj{"type": "array", "items": closed([]string{"id", "name", "status", "text", "because", "basis", "citations", "confidence"},
			obj{"id": obj{"enum": regIDs}, "name": text, "status": obj{"enum": []classify.RegimeStatus{classify.RegimeTriggered, classify.RegimeUnknown, classify.RegimeCustomer}}, "text": text, "because": keys, "basis": sources, "citations": cites, "confidence": conf})},
		"notes": obj{"type": "array", "items": finding},
		"sources": obj{"type": "array", "items": closed([]string{"id", "title", "title_en", "url", "reprint"},
			obj{"id": obj{"enum": sourceIDs(rs)}, "title": str, "title_en": str, "url": obj{"type": "string", "format": "uri"},
				"date": obj{"type": "string", "format": "date"}, "reprint": obj{"type": "boolean"},
				"links": obj{"type": "array", "items": closed([]string{"url", "kind", "read"},
					obj{"url": obj{"type": "string", "format": "uri"}, "kind": obj{"enum": []string{"official", "reprint", "commentary"}}, "read": obj{"type": "boolean"}})}})},
		"answers_sha256": obj{"type": "string", "pattern": "^[0-9a-f]{64}$"},
		// Only on a --jsonl result line: the input line it answers.
		"line": obj{"type": "integer", "minimum": 1},
		"trace": obj{"type": "array", "items": closed([]string{"rule", "kind", "outcome", "answers"},
			obj{"rule": str, "kind": obj{"enum": []string{"gate", "subcategory", "existing_licence", "scope", "requirement", "regime", "note", "constraint"}},
				"outcome": obj{"enum": []string{"true", "false", "unknown"}}, "answers": keys})},
	}
	required := make([]string, 0, len(props))
	for _, k := range []string{"questionnaire", "verdict", "summary", "covered_by_existing_licence", "existing_licence", "subcategories", "open_subcategories", "exclusions",
		"if_operated", "licence", "requirements", "process", "pivotal_questions", "open_questions", "levers", "routes", "missing_elements", "related_regimes", "notes", "sources", "answers_sha256", "trace"} {
		required = append(required, k)
	}
	return obj{
		"$schema":              schemaDraft,
		"$id":                  "urn:b22:schema:result:" + rs.Version(),
		"title":                "b22 classification result",
		"type":                 "object",
		"additionalProperties": false,
		"required":             required,
		"properties":           props,
		"$defs": obj{"text": obj{"type": "object", "additionalProperties": false, "required": []string{"zh", "en"},
			"properties": obj{"zh": str, "en": str}}},
	}
}

// routeID is the schema of a route's id: one of the rule set's routes.
func routeID(rs *classify.RuleSet) obj {
	if len(rs.Routes()) == 0 {
		return obj{"type": "string"} // a rule set without routes offers none
	}
	ids := make([]string, len(rs.Routes()))
	for i, r := range rs.Routes() {
		ids[i] = r.ID
	}
	return obj{"enum": ids}
}

func sourceIDs(rs *classify.RuleSet) []string {
	ids := make([]string, len(rs.Sources()))
	for i, s := range rs.Sources() {
		ids[i] = s.ID
	}
	return ids
}

func questionIDs(rs *classify.RuleSet) []string {
	ids := make([]string, len(rs.Questions()))
	for i, q := range rs.Questions() {
		ids[i] = q.ID
	}
	return ids
}

// scopeIDs lists the scopes the rule set can name, each once, in order.
func scopeIDs(rs *classify.RuleSet) []any {
	var ids []any
	for _, s := range rs.Scopes() {
		if !slices.Contains(ids, any(s.Scope)) {
			ids = append(ids, s.Scope)
		}
	}
	return ids
}
