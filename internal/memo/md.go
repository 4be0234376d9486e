package memo

import (
	"strconv"
	"strings"
)

// writeMarkdown lays the memo out as GitHub-flavoured Markdown. Every text
// is escaped so that it reads as itself: no markup, raw HTML, links,
// autolinks, math or tables can come out of it. The only links are those of
// the rule set's sources.
func writeMarkdown(m *memo) []byte {
	var w strings.Builder
	for i, bl := range m.blocks {
		if i > 0 {
			w.WriteString("\n")
		}
		switch bl.kind {
		case kindTitle:
			w.WriteString("# " + mdLine(bl.runs, false) + "\n")
		case kindSubtitle:
			w.WriteString("_" + strings.TrimSpace(mdLine(bl.runs, false)) + "_\n")
		case kindHeading:
			num := ""
			if bl.num != "" {
				num = mdText(bl.num) + " "
			}
			w.WriteString(strings.Repeat("#", bl.level+1) + " " + num + mdLine(bl.runs, false) + "\n")
		case kindPara:
			w.WriteString(mdLine(bl.runs, true) + "\n")
		case kindList:
			for _, it := range bl.items {
				w.WriteString("- " + mdCell(it, "\\\n  ", true) + "\n")
			}
		case kindTable:
			mdTable(&w, bl.table, m.colon)
		case kindBi:
			// Markdown has no columns: the English right under the
			// Chinese, as a quoted line.
			for j, r := range bl.bi {
				if j > 0 {
					w.WriteString("\n")
				}
				lead := ""
				if r.bullet {
					lead = "- "
				}
				w.WriteString(lead + mdCell(r.zh, "\\\n  ", true) + "\\\n  " + mdCell(r.en, "\\\n  ", true) + "\n")
			}
		}
	}
	return []byte(w.String())
}

func mdTable(w *strings.Builder, t *table, colon string) {
	if t.kv {
		for _, r := range t.rows {
			w.WriteString("- **" + strings.TrimSpace(mdText(cellText(r[0]))) + "**" + colon + mdCell(r[1], "<br>", false) + "\n")
		}
		return
	}
	row := func(cells []string) {
		w.WriteString("|")
		for _, c := range cells {
			if c == "" {
				c = " "
			}
			w.WriteString(" " + c + " |")
		}
		w.WriteString("\n")
	}
	head := make([]string, len(t.head))
	rule := make([]string, len(t.head))
	for i, h := range t.head {
		head[i] = mdText(h)
		rule[i] = "---"
	}
	row(head)
	row(rule)
	for _, r := range t.rows {
		cells := make([]string, len(r))
		for i, c := range r {
			cells[i] = mdCell(c, "<br>", false)
		}
		row(cells)
	}
}

// cellText is a cell's plain text, lines joined by spaces.
func cellText(c cell) string {
	var parts []string
	for _, l := range c {
		var s strings.Builder
		for _, r := range l {
			s.WriteString(r.text)
		}
		parts = append(parts, s.String())
	}
	return strings.Join(parts, " ")
}

// mdCell writes a cell's lines joined by sep; start says whether each line
// starts a Markdown line (a paragraph or list item) and must be guarded.
func mdCell(c cell, sep string, start bool) string {
	parts := make([]string, len(c))
	for i, l := range c {
		parts[i] = mdLine(l, start)
	}
	return strings.Join(parts, sep)
}

// mdLine writes runs on one line. When the line starts a Markdown line, it
// never starts with a character that would open a block (heading, list,
// setext underline, indented code).
func mdLine(runs []run, start bool) string {
	var s strings.Builder
	for _, r := range runs {
		s.WriteString(mdRun(r))
	}
	if !start {
		return s.String()
	}
	return mdLineStart(s.String())
}

func mdRun(r run) string {
	switch {
	case r.note > 0:
		// Markdown has no superscript without raw HTML: the number in
		// brackets, as the list of citations numbers its entries.
		return "\\[" + strconv.Itoa(r.note) + "\\]"
	case r.href != "" && safeURL(r.href) && r.text == r.href:
		return "<" + r.href + ">"
	case r.href != "" && safeURL(r.href):
		return "[" + mdText(r.text) + "](" + r.href + ")"
	case r.code && r.text != "" && !strings.ContainsAny(r.text, "`|\n\r\\") && clean(r.text) == r.text:
		return "`" + r.text + "`"
	case r.strong:
		t := mdText(r.text)
		inner := strings.TrimSpace(t)
		if inner == "" {
			return t
		}
		i := strings.Index(t, inner)
		return t[:i] + "**" + inner + "**" + t[i+len(inner):]
	}
	return mdText(r.text)
}

// mdText escapes text for Markdown. Backslash escapes cover inline markup
// (emphasis, code, links and images, raw HTML, entities, tables,
// strikethrough, math); an empty HTML comment breaks what GitHub would
// otherwise turn into a link by itself (http://, www., e-mail addresses).
// Newlines become <br>, so text never starts a Markdown block.
func mdText(s string) string {
	s = clean(s)
	var b strings.Builder
	rs := []rune(s)
	for i, r := range rs {
		next := rune(0)
		if i+1 < len(rs) {
			next = rs[i+1]
		}
		switch {
		case r == '\n':
			b.WriteString("<br>")
			continue
		case r == '\t':
			b.WriteByte(' ')
			continue
		case strings.ContainsRune("\\`*_[]<>|&~!$", r):
			b.WriteByte('\\')
		case r == ':' && next == '/':
			b.WriteString("<!-- -->")
		case r == ':' && (isWordByte(next) || next == '+' || next == '-'):
			b.WriteByte('\\')
		case r == '@':
			b.WriteString("<!-- -->")
		case r == '.' && i >= 3 && strings.EqualFold(string(rs[i-3:i]), "www"):
			b.WriteString("<!-- -->")
		}
		b.WriteRune(r)
	}
	return b.String()
}

func isWordByte(r rune) bool {
	return r == '_' || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || (r >= '0' && r <= '9')
}

// mdLineStart escapes a character at the start of a line that would open a
// block: headings, lists, quotes, setext underlines, indented code.
// Characters of text that mdText escapes anyway ('>', '*', '|' ...) need
// nothing more; a leading '*' here is the memo's own bold.
func mdLineStart(s string) string {
	s = strings.TrimLeft(s, " ") // leading spaces could make indented code
	if s == "" {
		return s
	}
	switch s[0] {
	case '#', '-', '+', '=':
		return "\\" + s
	}
	// "1." or "1)" opens an ordered list.
	j := 0
	for j < len(s) && j < 10 && s[j] >= '0' && s[j] <= '9' {
		j++
	}
	if j > 0 && j < len(s) && (s[j] == '.' || s[j] == ')') {
		return s[:j] + "\\" + s[j:]
	}
	return s
}
