package service

import (
	"strings"

	"b22/classify/answers"
	"b22/classify/resultjson"
)

// ParseFields reads the fields option: given says whether it was given
// at all, since given empty is a mistake, not a wish for every field.
func ParseFields(given bool, names []string) (resultjson.Fields, error) {
	if !given {
		return resultjson.AllFields, nil
	}
	if len(names) == 0 {
		return 0, Errorf(Usage, "%s needs at least one field; allowed: %s", OptFields, strings.Join(resultjson.ResultFields(), ", "))
	}
	set, unknown, ok := resultjson.FieldSet(names)
	if !ok {
		msg, args := "%s: %q is not a result field; allowed: %s", []any{OptFields, unknown, strings.Join(resultjson.ResultFields(), ", ")}
		if s := answers.Suggest(unknown, resultjson.ResultFields()); s != "" {
			msg += " (did you mean %q?)"
			args = append(args, s)
		}
		return 0, Errorf(Usage, msg, args...)
	}
	return set, nil
}
