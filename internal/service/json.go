package service

import (
	"encoding/json"
	"io"

	"b22/classify"
)

// WriteJSON writes v as b22 writes JSON of its own making: without HTML
// escaping, indented by two spaces or on one line, and a newline.
func WriteJSON(w io.Writer, v any, indent bool) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	if indent {
		enc.SetIndent("", "  ")
	}
	return enc.Encode(v)
}

// ErrorObject is what a request or a stream's line that failed gives in
// place of a result: {"message": ..., "problems": [...]}.
type ErrorObject struct {
	Message  string             `json:"message"`
	Problems []classify.Problem `json:"problems"`
}

// ErrorLine is a stream's line that could not be classified:
// {"line": N, "error": {...}}.
type ErrorLine struct {
	Line  int         `json:"line"`
	Error ErrorObject `json:"error"`
}
