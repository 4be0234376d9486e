package compare

import (
	"io"

	"b22/classify"
	"b22/internal/outline"
)

// TextOptions choose the language, width and colour of the text form:
// the options of every text printer.
type TextOptions = outline.TextOptions

// WriteText writes d for people: its outline (see Outline) printed as
// text, as the text report prints a result's.
func WriteText(w io.Writer, rs *classify.RuleSet, d Diff, o TextOptions) {
	outline.Write(w, Outline(rs, d, o.Lang), o)
}
