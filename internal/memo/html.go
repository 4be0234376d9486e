package memo

import (
	"fmt"
	"html"
	"strings"
)

// htmlLang is the lang attribute for a memo language.
func htmlLang(l string) string {
	if l == "en" {
		return "en"
	}
	return "zh-CN"
}

// writeHTML lays the memo out as one self-contained HTML file: no scripts,
// no external resources (a Content-Security-Policy says so to the browser
// too), print CSS for A4 with page numbers. Every text goes through
// html.EscapeString; the only attribute values are the writer's own and the
// rule set's http(s) source addresses. The output is also well-formed XML.
func writeHTML(m *memo) []byte {
	var w strings.Builder
	docLang := htmlLang(m.lang)
	w.WriteString("<!DOCTYPE html>\n")
	w.WriteString(`<html lang="` + docLang + `">` + "\n<head>\n")
	w.WriteString(`<meta charset="utf-8"/>` + "\n")
	w.WriteString(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"/>` + "\n")
	w.WriteString(`<meta name="viewport" content="width=device-width, initial-scale=1"/>` + "\n")
	w.WriteString(`<meta name="generator" content="b22"/>` + "\n")
	title := m.title
	if strings.TrimSpace(m.product) != "" {
		title += " — " + m.product
	}
	title = strings.Join(strings.Fields(clean(title)), " ") // <title> holds text only
	w.WriteString("<title>" + esc(title) + "</title>\n")
	meta := func(name, content string) {
		if content = strings.Join(strings.Fields(clean(content)), " "); content != "" {
			w.WriteString(`<meta name="` + name + `" content="` + esc(content) + `"/>` + "\n")
		}
	}
	meta("author", m.author)
	meta("description", m.subject)
	meta("keywords", m.keywords)
	w.WriteString("<style>\n" + css(m) + "</style>\n</head>\n<body>\n")
	if m.banner != "" {
		// The mark of a draft, on every printed page (a fixed element
		// repeats on each page when printing).
		w.WriteString(`<div class="watermark" aria-hidden="true">` + esc(m.banner) + "</div>\n")
	}
	w.WriteString("<main>\n")
	for _, bl := range m.blocks {
		la := ""
		if l := htmlLang(bl.lang); l != docLang {
			la = ` lang="` + l + `"`
		}
		switch bl.kind {
		case kindTitle:
			w.WriteString(`<h1 class="title"` + la + ">" + htmlRuns(bl.runs) + "</h1>\n")
		case kindSubtitle:
			w.WriteString(`<p class="subtitle"` + la + ">" + htmlRuns(bl.runs) + "</p>\n")
		case kindHeading:
			tag := fmt.Sprintf("h%d", bl.level+1)
			num := ""
			if bl.num != "" {
				num = esc(bl.num) + " "
			}
			w.WriteString("<" + tag + la + ">" + num + htmlRuns(bl.runs) + "</" + tag + ">\n")
		case kindPara:
			class := ""
			if bl.small {
				class = ` class="small"`
			}
			id := ""
			if bl.anchor != "" {
				id = ` id="` + bl.anchor + `"`
			}
			w.WriteString("<p" + id + class + la + ">" + htmlRuns(bl.runs) + "</p>\n")
		case kindBi:
			htmlBi(&w, bl.bi)
		case kindList:
			w.WriteString("<ul" + la + ">\n")
			for _, it := range bl.items {
				w.WriteString("<li>" + htmlCell(it) + "</li>\n")
			}
			w.WriteString("</ul>\n")
		case kindTable:
			htmlTable(&w, bl.table, la)
		}
	}
	w.WriteString("</main>\n</body>\n</html>\n")
	return []byte(w.String())
}

func htmlTable(w *strings.Builder, t *table, la string) {
	class := ""
	if t.kv {
		class = ` class="kv"`
	}
	w.WriteString("<table" + class + la + ">\n<colgroup>")
	for _, pct := range colWidths(t) {
		fmt.Fprintf(w, `<col style="width:%d%%"/>`, pct)
	}
	w.WriteString("</colgroup>\n")
	if !t.kv {
		w.WriteString("<thead><tr>")
		for _, h := range t.head {
			w.WriteString("<th>" + esc(h) + "</th>")
		}
		w.WriteString("</tr></thead>\n")
	}
	w.WriteString("<tbody>\n")
	for _, r := range t.rows {
		w.WriteString("<tr>")
		for i, c := range r {
			tag := "td"
			if t.kv && i == 0 {
				tag = "th"
			}
			w.WriteString("<" + tag + ">" + htmlCell(c) + "</" + tag + ">")
		}
		w.WriteString("</tr>\n")
	}
	w.WriteString("</tbody>\n</table>\n")
}

// htmlBi lays Chinese beside English, a row for each paragraph or list
// item; the English column says it is English.
func htmlBi(w *strings.Builder, rows []biRow) {
	w.WriteString(`<table class="bi">` + "\n" + `<colgroup><col style="width:50%"/><col style="width:50%"/></colgroup>` + "\n<tbody>\n")
	for _, r := range rows {
		class := ""
		switch {
		case r.small:
			class = ` class="small"`
		case r.bullet:
			class = ` class="item"`
		}
		id := ""
		if r.anchor != "" {
			id = ` id="` + r.anchor + `"`
		}
		w.WriteString("<tr" + id + class + "><td>" + htmlCell(r.zh) + `</td><td lang="en">` + htmlCell(r.en) + "</td></tr>\n")
	}
	w.WriteString("</tbody>\n</table>\n")
}

func htmlCell(c cell) string {
	parts := make([]string, len(c))
	for i, l := range c {
		parts[i] = htmlRuns(l)
	}
	return strings.Join(parts, "<br/>")
}

func htmlRuns(runs []run) string {
	var s strings.Builder
	for _, r := range runs {
		t := esc(r.text)
		if r.grouped {
			t = esc(hashGroups(r.text))
		}
		if r.alt {
			s.WriteString(`<span class="en" lang="en">`)
		}
		switch {
		case r.note > 0:
			fmt.Fprintf(&s, `<sup><a class="note" href="#cite-%d">%d</a></sup>`, r.note, r.note)
		case r.href != "" && safeURL(r.href):
			s.WriteString(`<a href="` + html.EscapeString(r.href) + `" rel="noreferrer">` + t + "</a>")
		case r.code && r.muted:
			s.WriteString(`<code class="muted">` + t + "</code>")
		case r.code:
			s.WriteString("<code>" + t + "</code>")
		case r.strong && r.muted:
			s.WriteString(`<strong class="muted">` + t + "</strong>")
		case r.strong:
			s.WriteString("<strong>" + t + "</strong>")
		case r.muted:
			s.WriteString(`<span class="muted">` + t + "</span>")
		default:
			s.WriteString(t)
		}
		if r.alt {
			s.WriteString("</span>")
		}
	}
	return s.String()
}

// esc makes any text safe in HTML content: cleaned, escaped, newlines as
// line breaks.
func esc(s string) string {
	s = html.EscapeString(clean(s))
	s = strings.ReplaceAll(s, "\t", " ")
	return strings.ReplaceAll(s, "\n", "<br/>")
}

// cssString quotes s as a CSS string, escaping everything but letters,
// digits, spaces and non-ASCII text.
func cssString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range clean(s) {
		switch {
		case r == ' ' || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || (r >= '0' && r <= '9') || (r > 0x7f && r != 0x2028 && r != 0x2029):
			b.WriteRune(r)
		default:
			fmt.Fprintf(&b, "\\%x ", r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

func css(m *memo) string {
	page := cssString(m.page[0]) + " counter(page) " + cssString(m.page[1]) + " counter(pages) " + cssString(m.page[2])
	return `:root { color-scheme: light; }
body {
  font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif;
  font-size: 10.5pt; line-height: 1.55; color: #111; background: #fff;
  max-width: 50rem; margin: 2rem auto; padding: 0 1rem;
}
.muted { color: #555; font-size: 8.5pt; }
code.muted { font-size: 8pt; }
h1.title { font-size: 20pt; line-height: 1.25; margin: 0 0 .2em; }
p.subtitle { color: #444; margin: 0 0 1em; }
h2 { font-size: 14pt; margin: 1.6em 0 .5em; padding-bottom: .15em; border-bottom: 1.5px solid #333; break-after: avoid; }
h3 { font-size: 11.5pt; margin: 1.2em 0 .4em; break-after: avoid; }
p { margin: .45em 0; }
p.small { font-size: 9pt; color: #444; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; margin: .6em 0 1em; }
th, td { border: 1px solid #777; padding: .3em .45em; vertical-align: top; text-align: left; overflow-wrap: break-word; word-break: normal; hyphens: manual; }
table.bi { margin: .3em 0 .6em; }
table.bi td { border: none; border-top: 1px solid #ddd; padding: .35em .6em .35em 0; }
table.bi td + td { padding-left: .6em; border-left: 1px solid #ddd; }
table.bi tr.item td:first-child::before, table.bi tr.item td + td::before { content: "• "; }
table.bi tr.small td { font-size: 9pt; color: #444; }
span.en { display: block; color: #2b3f66; }
sup { line-height: 0; font-size: 7pt; }
a.note { text-decoration: none; }
div.watermark { position: fixed; top: 38%; left: 0; right: 0; text-align: center; transform: rotate(-30deg); font-size: 96pt; font-weight: bold; color: rgba(180, 0, 0, .10); z-index: -1; pointer-events: none; }
thead th { background: #e8e8e8; }
table.kv th { background: #f3f3f3; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
ul { padding-left: 1.3em; margin: .4em 0; }
li { margin: .3em 0; }
code { font-family: "Noto Sans Mono CJK SC", "DejaVu Sans Mono", Consolas, monospace; font-size: .86em; overflow-wrap: anywhere; }
a { color: #0645ad; overflow-wrap: anywhere; }
@page {
  size: A4;
  margin: 18mm 16mm 20mm 16mm;
  @top-left { content: ` + cssString(m.running) + `; font-family: sans-serif; font-size: 8pt; color: #555; }
  @top-center { content: ` + cssString(m.confidential) + `; font-family: sans-serif; font-size: 8pt; font-weight: bold; color: #555; }
  @bottom-left { content: ` + cssString(m.banner) + `; font-family: sans-serif; font-size: 8pt; font-weight: bold; color: #a00; }
  @top-right { content: ` + cssString(m.date) + `; font-family: sans-serif; font-size: 8pt; color: #555; }
  @bottom-right { content: ` + page + `; font-family: sans-serif; font-size: 8pt; color: #555; }
}
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10pt; }
  a { color: inherit; text-decoration: none; }
}
`
}
