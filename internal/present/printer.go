package present

import (
	"fmt"
	"io"

	"github.com/charmbracelet/x/ansi"
)

// Printer lays out text for a terminal or a file: paragraphs wrapped to a
// width, bullets whose later lines align under their text, ANSI styles
// when colour is on. The text report and the comparison of two results
// share it.
type Printer struct {
	W     io.Writer
	Width int // columns; 80 when 0
	Color bool
}

// minWidth is the fewest columns of text a line holds, so that a very
// narrow terminal still shows words rather than letters.
const minWidth = 10

// Style wraps s in the ANSI code (bold "1", dim "2", a colour) when
// colour is on.
func (p Printer) Style(s, code string) string {
	if !p.Color || code == "" {
		return s
	}
	return "\x1b[" + code + "m" + s + "\x1b[0m"
}

// Hang writes s wrapped to the width: the first line after first, the
// others after rest (plain spaces and bullets, one column each). No line
// is wider than the width: closing punctuation takes the character before
// it down to the next line rather than hang past the edge, where a
// terminal of that width would wrap it onto a line of its own. However
// narrow the width, a line holds at least minWidth columns of text.
func (p Printer) Hang(first, rest, s, code string) {
	width := p.Width
	if width <= 0 {
		width = 80
	}
	wrap := Wrap{
		Width: max(width-ansi.StringWidth(rest), minWidth),
		First: max(width-ansi.StringWidth(first), minWidth),
	}
	for i, line := range wrap.Lines(Sanitize(s)) {
		prefix := rest
		if i == 0 {
			prefix = first
		}
		fmt.Fprintln(p.W, prefix+p.Style(line, code))
	}
}

// Para writes s wrapped, every line after indent.
func (p Printer) Para(indent, s, code string) { p.Hang(indent, indent, s, code) }

// Item writes a bulleted paragraph whose later lines align under its text.
func (p Printer) Item(indent, s, code string) { p.Hang(indent+"• ", indent+"  ", s, code) }
