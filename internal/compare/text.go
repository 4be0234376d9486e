package compare

import (
	"io"

	"b22/classify"
	"b22/internal/outline"
)

// TextOptions choose the language, width and colour of the text form.
type TextOptions struct {
	Lang  string // "zh" or "en"
	Width int    // columns; 80 when 0
	Color bool   // bold headings
}

// WriteText writes d for people: its outline (see Outline) printed as
// text, as the text report prints a result's.
func WriteText(w io.Writer, rs *classify.RuleSet, d Diff, o TextOptions) {
	outline.Write(w, Outline(rs, d, o.Lang), outline.TextOptions{Width: o.Width, Color: o.Color})
}
