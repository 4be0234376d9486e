package tui

import (
	"hash/fnv"
	"strconv"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
)

// urlLines lays a URL out under its label, at the label's indent: on one
// line where it fits, else cut into as many lines as it takes, every line
// but the last filling the width. The whole address is on the screen, to
// read and to select: the pieces stand one under another in a block of
// one width (a rectangle selection takes exactly the URL), and no piece
// is shortened with "…", which would leave an address that opens nothing.
// Where the terminal takes hyperlinks every piece is a link to the whole
// URL, under one id, so that the pieces are one link.
func (c *common) urlLines(url string, indent int, st lipgloss.Style) []string {
	pad := spaces(indent)
	var id string
	if c.links {
		h := fnv.New32a()
		h.Write([]byte(url))
		id = "id=b22-" + strconv.FormatUint(uint64(h.Sum32()), 36)
	}
	var out []string
	for _, piece := range cutCells(safe(url), max(c.width-indent, minURLCells)) {
		text := st.Render(piece)
		if c.links {
			text = ansi.SetHyperlink(url, id) + text + ansi.ResetHyperlink()
		}
		out = append(out, pad+text)
	}
	return out
}

// minURLCells is the fewest columns a piece of a URL is given: a deep
// indent on a narrow screen still shows pieces long enough to read.
const minURLCells = 16

// cutCells cuts s into pieces of at most width cells, never inside a
// character.
func cutCells(s string, width int) []string {
	var out []string
	var b strings.Builder
	cells := 0
	for _, r := range s {
		w := ansi.StringWidth(string(r))
		if cells+w > width && cells > 0 {
			out = append(out, b.String())
			b.Reset()
			cells = 0
		}
		b.WriteRune(r)
		cells += w
	}
	if b.Len() > 0 || len(out) == 0 {
		out = append(out, b.String())
	}
	return out
}
