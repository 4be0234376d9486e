package memo

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"strings"
	"time"
)

// DOCX layout: A4 with 2 cm margins, in twentieths of a point.
const (
	pageW     = 11906
	pageH     = 16838
	margin    = 1134
	textWidth = pageW - 2*margin
)

const (
	nsW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsR = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
)

// writeDOCX lays the memo out as a Word document: the minimal OOXML
// package, written with fixed timestamps (from the memo's date), a fixed
// file order and no random ids, so that the same memo gives the same bytes.
// All text is XML-escaped in w:t elements; no text becomes a field code or a
// link target (links are the rule set's http(s) source addresses).
func writeDOCX(m *memo) ([]byte, error) {
	d := &docxWriter{m: m, pgW: pageW, pgH: pageH, textWidth: textWidth}
	ref := m.ref
	if ref != nil && ref.pgW > 0 {
		d.pgW, d.pgH, d.textWidth = ref.pgW, ref.pgH, ref.textWidth
	}
	body := d.document()
	styles, fonts := stylesXML, fontTableXML
	header, footer := d.header(), d.footer()
	var extra []part
	types := contentTypes
	if ref != nil {
		styles = ref.styles
		if ref.fontTable != "" {
			fonts = ref.fontTable
		}
		if ref.header != nil {
			// The template's header, with the memo's marks added at its
			// end: a draft and a confidential memo say so on every page
			// whatever the firm's header holds. A header the marks cannot
			// be added to gives way to the memo's own.
			if h, ok := withMarks(ref.header.xml, d.marks()); ok {
				header = h
				extra = append(extra, ref.header.files...)
			}
		}
		if ref.footer != nil {
			footer = ref.footer.xml
			extra = append(extra, ref.footer.files...)
		}
		if ref.theme != "" {
			extra = append(extra, part{"word/theme/theme1.xml", ref.theme})
		}
		types = ref.contentTypes()
	}
	parts := []part{
		{"[Content_Types].xml", types},
		{"_rels/.rels", packageRels},
		{"docProps/app.xml", appXML},
		{"docProps/core.xml", d.core()},
		{"word/document.xml", body},
		{"word/styles.xml", styles},
		{"word/settings.xml", settingsXML},
		{"word/numbering.xml", numberingXML},
		{"word/fontTable.xml", fonts},
		{"word/header1.xml", header},
		{"word/footer1.xml", footer},
		{"word/_rels/document.xml.rels", d.rels(ref != nil && ref.theme != "")},
	}
	parts = append(parts, extra...)
	mod := zipTime(m.date)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	seen := map[string]bool{}
	for _, p := range parts {
		if seen[p.name] { // a logo both the header and the footer show
			continue
		}
		seen[p.name] = true
		f, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: mod})
		if err != nil {
			return nil, err
		}
		if _, err := f.Write([]byte(p.data)); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// part is one file of the package.
type part struct{ name, data string }

// zipTime is midnight UTC of the memo's date (zip cannot store dates before
// 1980).
func zipTime(date string) time.Time {
	t, err := time.Parse(time.DateOnly, date)
	if err != nil || t.Year() < 1980 {
		t = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return t
}

type docxWriter struct {
	m     *memo
	links []string // hyperlink targets, rIdL1... in order of appearance
	// the page and the width tables fill, in twentieths of a point: the
	// memo's A4, or the reference DOCX's page
	pgW, pgH, textWidth int
}

// xmlText escapes text for XML character data and attribute values.
func xmlText(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(clean(s))) // writes to a strings.Builder never fail
	return b.String()
}

const xmlHeader = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"

func (d *docxWriter) document() string {
	var w strings.Builder
	w.WriteString(xmlHeader)
	w.WriteString(`<w:document xmlns:w="` + nsW + `" xmlns:r="` + nsR + `">` + "\n<w:body>\n")
	for _, bl := range d.m.blocks {
		switch bl.kind {
		case kindTitle:
			d.para(&w, "Title", bl.runs)
		case kindSubtitle:
			d.para(&w, "Subtitle", bl.runs)
		case kindHeading:
			runs := bl.runs
			if bl.num != "" {
				runs = append(line(txt(bl.num+" ")), runs...)
			}
			d.para(&w, fmt.Sprintf("Heading%d", bl.level), runs)
		case kindPara:
			style := ""
			switch {
			case bl.anchor != "":
				style = "FootnoteText" // an entry of the list of citations
			case bl.small:
				style = "Small"
			}
			d.para(&w, style, bl.runs)
		case kindBi:
			d.bi(&w, bl.bi)
		case kindList:
			for _, it := range bl.items {
				w.WriteString(`<w:p><w:pPr><w:pStyle w:val="ListBullet"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>`)
				for i, l := range it {
					if i > 0 {
						w.WriteString("<w:r><w:br/></w:r>")
					}
					d.runs(&w, l)
				}
				w.WriteString("</w:p>\n")
			}
		case kindTable:
			d.table(&w, bl.table)
		}
	}
	pgMar := fmt.Sprintf(`<w:pgMar w:top="1247" w:right="%d" w:bottom="1247" w:left="%d" w:header="567" w:footer="567" w:gutter="0"/>`, margin, margin)
	if d.m.ref != nil && d.m.ref.pgMar != "" {
		pgMar = d.m.ref.pgMar
	}
	fmt.Fprintf(&w, `<w:sectPr><w:headerReference w:type="default" r:id="rId4"/><w:footerReference w:type="default" r:id="rId5"/>`+
		`<w:pgSz w:w="%d" w:h="%d"/>%s</w:sectPr>`+"\n", d.pgW, d.pgH, pgMar)
	w.WriteString("</w:body>\n</w:document>\n")
	return w.String()
}

func (d *docxWriter) para(w *strings.Builder, style string, runs []run) {
	w.WriteString("<w:p>")
	if style != "" {
		w.WriteString(`<w:pPr><w:pStyle w:val="` + style + `"/></w:pPr>`)
	}
	d.runs(w, runs)
	w.WriteString("</w:p>\n")
}

// runs writes w:r elements.
func (d *docxWriter) runs(w *strings.Builder, runs []run) {
	for _, r := range runs {
		// Every look comes from a named character style (Hyperlink, Code,
		// Muted for the answers relied on, EnglishText for the English
		// column), so that a firm's template restyles it; only bold is
		// direct.
		var props string
		link := r.href != "" && safeURL(r.href)
		if r.note > 0 {
			w.WriteString(`<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t>` + xmlText(r.text) + `</w:t></w:r>`)
			continue
		}
		switch {
		case link:
			props = `<w:rStyle w:val="Hyperlink"/>`
		case r.code:
			props = `<w:rStyle w:val="Code"/>`
		case r.muted:
			props = `<w:rStyle w:val="Muted"/>`
		case r.alt:
			props = `<w:rStyle w:val="EnglishText"/>`
		}
		if r.strong {
			props += "<w:b/><w:bCs/>"
		}
		// Written straight into w: a run may hold a long text, which a
		// builder of its own would copy once more.
		if link {
			d.links = append(d.links, r.href)
			fmt.Fprintf(w, `<w:hyperlink r:id="rIdL%d">`, len(d.links))
		}
		w.WriteString("<w:r>")
		if props != "" {
			w.WriteString("<w:rPr>" + props + "</w:rPr>")
		}
		text := r.text
		if r.grouped {
			text = hashGroups(text)
		}
		textRuns(w, text)
		w.WriteString("</w:r>")
		if link {
			w.WriteString("</w:hyperlink>")
		}
	}
}

// textRuns writes the content of a run: text, with tabs and line breaks as
// their own elements.
func textRuns(w *strings.Builder, s string) {
	i := 0
	for ln := range strings.SplitSeq(clean(s), "\n") {
		if i++; i > 1 {
			w.WriteString("<w:br/>")
		}
		j := 0
		for part := range strings.SplitSeq(ln, "\t") {
			if j++; j > 1 {
				w.WriteString("<w:tab/>")
			}
			if part != "" {
				w.WriteString(`<w:t xml:space="preserve">`)
				_ = xml.EscapeText(w, []byte(part)) // the text is clean already; a strings.Builder never fails
				w.WriteString("</w:t>")
			}
		}
	}
}

func (d *docxWriter) table(w *strings.Builder, t *table) {
	textWidth := d.textWidth
	pcts := colWidths(t)
	cols := len(pcts)
	if cols == 0 {
		return
	}
	widths := make([]int, cols)
	sum := 0
	for i := range widths {
		pct := 100 / cols
		if i < len(pcts) {
			pct = pcts[i]
		}
		widths[i] = textWidth * pct / 100
		sum += widths[i]
	}
	widths[cols-1] += textWidth - sum
	// Borders, margins and the shading of the header row (or of the
	// labels of a two-column list) come from the B22Table style, which a
	// firm's template may define as it likes; the table only says which of
	// the style's parts apply: the first row, or the first column.
	fmt.Fprintf(w, `<w:tbl><w:tblPr><w:tblStyle w:val="B22Table"/><w:tblW w:w="%d" w:type="dxa"/><w:tblLayout w:type="fixed"/>`, textWidth)
	if t.kv {
		w.WriteString(`<w:tblLook w:val="0680" w:firstRow="0" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr>`)
	} else {
		w.WriteString(`<w:tblLook w:val="0620" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr>`)
	}
	w.WriteString("<w:tblGrid>")
	for _, cw := range widths {
		fmt.Fprintf(w, `<w:gridCol w:w="%d"/>`, cw)
	}
	w.WriteString("</w:tblGrid>\n")
	cellXML := func(i int, c cell) {
		fmt.Fprintf(w, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/></w:tcPr>`, widths[i])
		if len(c) == 0 {
			c = cell{nil}
		}
		for _, l := range c {
			w.WriteString(`<w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr>`)
			d.runs(w, l) // a header or a label is bold by the table style
			w.WriteString("</w:p>")
		}
		w.WriteString("</w:tc>")
	}
	if !t.kv {
		w.WriteString(`<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>`)
		for i := 0; i < cols; i++ {
			h := ""
			if i < len(t.head) {
				h = t.head[i]
			}
			cellXML(i, cell{{txt(h)}})
		}
		w.WriteString("</w:tr>\n")
	}
	for _, r := range t.rows {
		w.WriteString(`<w:tr><w:trPr><w:cantSplit/></w:trPr>`)
		for i := 0; i < cols; i++ {
			var c cell
			if i < len(r) {
				c = r[i]
			}
			cellXML(i, c)
		}
		w.WriteString("</w:tr>\n")
	}
	w.WriteString("</w:tbl>\n")
	// Word needs a paragraph between two tables; a small gap reads better
	// anyway.
	w.WriteString(`<w:p><w:pPr><w:pStyle w:val="TableGap"/></w:pPr></w:p>` + "\n")
}

// bi lays Chinese beside English in a two-column table without outer
// borders, a row for each paragraph or list item.
func (d *docxWriter) bi(w *strings.Builder, rows []biRow) {
	half := d.textWidth / 2
	// The rules between the columns and the rows come from the
	// B22Columns style.
	fmt.Fprintf(w, `<w:tbl><w:tblPr><w:tblStyle w:val="B22Columns"/><w:tblW w:w="%d" w:type="dxa"/><w:tblLayout w:type="fixed"/>`, 2*half)
	w.WriteString(`<w:tblLook w:val="0600" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr>`)
	fmt.Fprintf(w, `<w:tblGrid><w:gridCol w:w="%d"/><w:gridCol w:w="%d"/></w:tblGrid>`+"\n", half, half)
	for _, r := range rows {
		w.WriteString(`<w:tr><w:trPr><w:cantSplit/></w:trPr>`)
		for _, c := range []cell{r.zh, r.en} {
			fmt.Fprintf(w, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/></w:tcPr>`, half)
			style := "Normal"
			switch {
			case r.anchor != "":
				style = "FootnoteText"
			case r.small:
				style = "Small"
			}
			if len(c) == 0 {
				c = cell{nil}
			}
			for i, l := range c {
				w.WriteString(`<w:p><w:pPr><w:pStyle w:val="` + style + `"/><w:spacing w:after="40"/></w:pPr>`)
				if r.bullet && i == 0 {
					w.WriteString(`<w:r><w:t xml:space="preserve">• </w:t></w:r>`)
				}
				d.runs(w, l)
				w.WriteString("</w:p>")
			}
			w.WriteString("</w:tc>")
		}
		w.WriteString("</w:tr>\n")
	}
	w.WriteString("</w:tbl>\n")
	w.WriteString(`<w:p><w:pPr><w:pStyle w:val="TableGap"/></w:pPr></w:p>` + "\n")
}

func (d *docxWriter) rels(theme bool) string {
	var w strings.Builder
	w.WriteString(xmlHeader)
	w.WriteString(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` + "\n")
	const base = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
	for i, r := range []string{"styles", "settings", "numbering", "header", "footer", "fontTable"} {
		target := map[string]string{"header": "header1.xml", "footer": "footer1.xml"}[r]
		if target == "" {
			target = r + ".xml"
		}
		fmt.Fprintf(&w, `<Relationship Id="rId%d" Type="%s%s" Target="%s"/>`+"\n", i+1, base, r, target)
	}
	if theme {
		fmt.Fprintf(&w, `<Relationship Id="rId7" Type="%stheme" Target="theme/theme1.xml"/>`+"\n", base)
	}
	for i, l := range d.links {
		fmt.Fprintf(&w, `<Relationship Id="rIdL%d" Type="%shyperlink" Target="%s" TargetMode="External"/>`+"\n", i+1, base, xmlText(l))
	}
	w.WriteString("</Relationships>\n")
	return w.String()
}

// marks are the header paragraphs every page of a draft or confidential
// memo carries: the confidentiality line and the draft mark.
func (d *docxWriter) marks() string {
	var w strings.Builder
	if d.m.confidential != "" {
		w.WriteString(`<w:p><w:pPr><w:pStyle w:val="Header"/><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:b/></w:rPr>`)
		textRuns(&w, d.m.confidential)
		w.WriteString(`</w:r></w:p>`)
	}
	if d.m.banner != "" {
		w.WriteString(`<w:p><w:pPr><w:pStyle w:val="Header"/><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:b/><w:color w:val="AA0000"/></w:rPr><w:t xml:space="preserve">` + xmlText(d.m.banner) + `</w:t></w:r></w:p>`)
	}
	return w.String()
}

// withMarks adds marks at the end of a template's header part; ok is false
// when the part does not end as a WordprocessingML header does.
func withMarks(hdr, marks string) (string, bool) {
	i := strings.LastIndex(hdr, "</w:hdr>")
	if i < 0 {
		return "", false
	}
	return hdr[:i] + marks + hdr[i:], true
}

func (d *docxWriter) header() string {
	var w strings.Builder
	w.WriteString(xmlHeader + `<w:hdr xmlns:w="` + nsW + `" xmlns:r="` + nsR + `">`)
	if d.m.confidential != "" {
		w.WriteString(`<w:p><w:pPr><w:pStyle w:val="Header"/><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:b/></w:rPr>`)
		textRuns(&w, d.m.confidential)
		w.WriteString(`</w:r></w:p>`)
	}
	w.WriteString(`<w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr>`)
	w.WriteString(`<w:r><w:t xml:space="preserve">` + xmlText(d.m.running+" · "+d.m.date) + `</w:t></w:r>`)
	if d.m.banner != "" {
		// A draft says so on every page, in the header's red.
		w.WriteString(`<w:r><w:rPr><w:b/><w:color w:val="AA0000"/></w:rPr><w:t xml:space="preserve">` + xmlText(" · "+d.m.banner) + `</w:t></w:r>`)
	}
	w.WriteString("</w:p></w:hdr>\n")
	return w.String()
}

func (d *docxWriter) footer() string {
	t := func(s string) string {
		if s == "" {
			return ""
		}
		return `<w:r><w:t xml:space="preserve">` + xmlText(s) + `</w:t></w:r>`
	}
	field := func(instr string) string {
		return `<w:fldSimple w:instr=" ` + instr + ` "><w:r><w:t>1</w:t></w:r></w:fldSimple>`
	}
	p := d.m.page
	return xmlHeader + `<w:ftr xmlns:w="` + nsW + `" xmlns:r="` + nsR + `"><w:p><w:pPr><w:pStyle w:val="Footer"/><w:jc w:val="right"/></w:pPr>` +
		t(p[0]) + field("PAGE") + t(p[1]) + field("NUMPAGES") + t(p[2]) + `</w:p></w:ftr>` + "\n"
}

func (d *docxWriter) core() string {
	lang := "zh-CN"
	if d.m.lang == "en" {
		lang = "en-GB"
	}
	title := d.m.title
	if d.m.product != "" {
		title += " — " + d.m.product
	}
	stamp := zipTime(d.m.date).Format(time.RFC3339)
	author := d.m.author
	if author == "" {
		author = "b22"
	}
	return xmlHeader + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
		`<dc:title>` + xmlText(title) + `</dc:title><dc:subject>` + xmlText(d.m.subject) + `</dc:subject>` +
		`<dc:creator>` + xmlText(author) + `</dc:creator><cp:keywords>` + xmlText(d.m.keywords) + `</cp:keywords>` +
		`<cp:lastModifiedBy>` + xmlText(author) + `</cp:lastModifiedBy>` +
		`<dc:language>` + lang + `</dc:language>` +
		`<dcterms:created xsi:type="dcterms:W3CDTF">` + stamp + `</dcterms:created>` +
		`<dcterms:modified xsi:type="dcterms:W3CDTF">` + stamp + `</dcterms:modified></cp:coreProperties>` + "\n"
}

const contentTypes = xmlHeader + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>
<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>
<Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/>
<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>
<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>
</Types>
`

const packageRels = xmlHeader + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>
</Relationships>
`

const appXML = xmlHeader + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>b22</Application><DocSecurity>0</DocSecurity></Properties>
`

const settingsXML = xmlHeader + `<w:settings xmlns:w="` + nsW + `"><w:zoom w:percent="100"/><w:defaultTabStop w:val="420"/><w:characterSpacingControl w:val="compressPunctuation"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>
`

// fontTable.xml tells a reader without SimSun or Microsoft YaHei that they
// are Chinese (GB2312) fonts, so that it substitutes a Chinese font.
const fontTableXML = xmlHeader + `<w:fonts xmlns:w="` + nsW + `">` +
	`<w:font w:name="Calibri"><w:panose1 w:val="020F0502020204030204"/><w:charset w:val="00"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>` +
	`<w:font w:name="SimSun"><w:altName w:val="宋体"/><w:panose1 w:val="02010600030101010101"/><w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>` +
	`<w:font w:name="Microsoft YaHei"><w:altName w:val="微软雅黑"/><w:panose1 w:val="020B0503020204020204"/><w:charset w:val="86"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>` +
	`<w:font w:name="Consolas"><w:panose1 w:val="020B0609020204030204"/><w:charset w:val="00"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>` +
	"</w:fonts>\n"

const numberingXML = xmlHeader + `<w:numbering xmlns:w="` + nsW + `"><w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="singleLevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="357" w:hanging="357"/></w:pPr></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>
`

// The styles: Latin text in Calibri, Chinese in SimSun (body) and Microsoft
// YaHei (headings), as a Chinese law firm's Word would have them; other
// systems substitute their own CJK fonts.
const stylesXML = xmlHeader + `<w:styles xmlns:w="` + nsW + `">
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:eastAsia="SimSun" w:cs="Calibri"/><w:sz w:val="21"/><w:szCs w:val="21"/><w:lang w:val="en-GB" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="300" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="80"/></w:pPr><w:rPr><w:rFonts w:eastAsia="Microsoft YaHei"/><w:b/><w:bCs/><w:sz w:val="40"/><w:szCs w:val="40"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Subtitle"><w:name w:val="Subtitle"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="240"/></w:pPr><w:rPr><w:color w:val="444444"/><w:sz w:val="22"/><w:szCs w:val="22"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:pBdr><w:bottom w:val="single" w:sz="8" w:space="1" w:color="333333"/></w:pBdr><w:spacing w:before="360" w:after="120"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:rFonts w:eastAsia="Microsoft YaHei"/><w:b/><w:bCs/><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="240" w:after="80"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:rFonts w:eastAsia="Microsoft YaHei"/><w:b/><w:bCs/><w:sz w:val="23"/><w:szCs w:val="23"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="200" w:after="60"/><w:outlineLvl w:val="2"/></w:pPr><w:rPr><w:rFonts w:eastAsia="Microsoft YaHei"/><w:b/><w:bCs/><w:sz w:val="21"/><w:szCs w:val="21"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="FootnoteText"><w:name w:val="footnote text"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="60" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Small"><w:name w:val="Small"/><w:basedOn w:val="Normal"/><w:qFormat/><w:rPr><w:color w:val="444444"/><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="ListBullet"><w:name w:val="List Bullet"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="80"/><w:ind w:left="357" w:hanging="357"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="TableText"><w:name w:val="Table Text"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:before="20" w:after="20" w:line="264" w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="19"/><w:szCs w:val="19"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="TableGap"><w:name w:val="Table Gap"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="0" w:line="120" w:lineRule="exact"/></w:pPr><w:rPr><w:sz w:val="8"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="0"/></w:pPr><w:rPr><w:color w:val="666666"/><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="0"/></w:pPr><w:rPr><w:color w:val="666666"/><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr></w:style>
<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>
<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/><w:basedOn w:val="DefaultParagraphFont"/><w:rPr><w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr></w:style>
<w:style w:type="character" w:styleId="Muted"><w:name w:val="Muted"/><w:basedOn w:val="DefaultParagraphFont"/><w:qFormat/><w:rPr><w:color w:val="555555"/><w:sz w:val="17"/><w:szCs w:val="17"/></w:rPr></w:style>
<w:style w:type="character" w:styleId="EnglishText"><w:name w:val="English Text"/><w:basedOn w:val="DefaultParagraphFont"/><w:qFormat/><w:rPr><w:color w:val="2B3F66"/></w:rPr></w:style>
<w:style w:type="character" w:styleId="Code"><w:name w:val="Code"/><w:basedOn w:val="DefaultParagraphFont"/><w:rPr><w:rFonts w:ascii="Consolas" w:hAnsi="Consolas" w:cs="Consolas"/><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style>
<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:left w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:right w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="808080"/></w:tblBorders></w:tblPr></w:style>
<w:style w:type="table" w:styleId="B22Table"><w:name w:val="B22 Table"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:left w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:right w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="808080"/></w:tblBorders><w:tblCellMar><w:top w:w="45" w:type="dxa"/><w:left w:w="85" w:type="dxa"/><w:bottom w:w="45" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:bCs/></w:rPr><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="E8E8E8"/></w:tcPr></w:tblStylePr><w:tblStylePr w:type="firstCol"><w:rPr><w:b/><w:bCs/></w:rPr><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="F3F3F3"/></w:tcPr></w:tblStylePr></w:style>
<w:style w:type="table" w:styleId="B22Columns"><w:name w:val="B22 Columns"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/><w:tblPr><w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/><w:insideH w:val="single" w:sz="2" w:space="0" w:color="D0D0D0"/><w:insideV w:val="single" w:sz="2" w:space="0" w:color="D0D0D0"/></w:tblBorders><w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:left w:w="85" w:type="dxa"/><w:bottom w:w="40" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
</w:styles>
`
