package report

import (
	"io"

	"b22/classify"
	"b22/internal/outline"
)

// TextOptions choose the language, width and colour of the text format:
// the options of every text printer.
type TextOptions = outline.TextOptions

// WriteText writes a result for people: its outline (the verdict first,
// then the sub-categories with reasons and basis, the licence, its
// conditions, the open questions, neighbouring regimes, notes and
// sources), printed as text.
func WriteText(w io.Writer, rs *classify.RuleSet, doc *classify.Document, r *classify.Result, o TextOptions) {
	outline.Write(w, outline.Result(rs, doc, r, outline.Options{Lang: o.Lang}), o)
}
