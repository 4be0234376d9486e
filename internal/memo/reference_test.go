package memo

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// refStyles is a firm's styles: a distinctive font and colour for Normal
// and Heading 1, so that a test can tell them from the memo's own.
const refStyles = xmlHeader + `<w:styles xmlns:w="` + nsW + `">
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Georgia" w:hAnsi="Georgia" w:eastAsia="KaiTi"/><w:sz w:val="22"/></w:rPr></w:rPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:rPr><w:color w:val="1F4E79"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:rPr><w:rFonts w:ascii="Garamond" w:hAnsi="Garamond"/><w:color w:val="C00000"/><w:sz w:val="36"/></w:rPr></w:style>
</w:styles>
`

// referenceDOCX builds a small firm template: its styles, a theme, US
// Letter with wide margins, and a header that shows a logo.
func referenceDOCX(t *testing.T) []byte {
	t.Helper()
	files := []part{
		{"[Content_Types].xml", `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="png" ContentType="image/png"/><Default Extension="xml" ContentType="application/xml"/></Types>`},
		{"word/styles.xml", refStyles},
		{"word/theme/theme1.xml", `<?xml version="1.0"?><a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Firm"><a:themeElements/></a:theme>`},
		{"word/document.xml", xmlHeader + `<w:document xmlns:w="` + nsW + `" xmlns:r="` + nsR + `"><w:body><w:p><w:r><w:t>Template text, never copied</w:t></w:r></w:p>` +
			`<w:sectPr><w:headerReference w:type="default" r:id="rIdH"/><w:pgSz w:w="12240" w:h="15840"/><w:pgMar w:top="1440" w:right="1800" w:bottom="1440" w:left="1800" w:header="720" w:footer="720" w:gutter="0"/></w:sectPr></w:body></w:document>`},
		{"word/_rels/document.xml.rels", `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdH" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header3.xml"/></Relationships>`},
		{"word/header3.xml", xmlHeader + `<w:hdr xmlns:w="` + nsW + `"><w:p><w:r><w:t>LI &amp; PARTNERS LLP</w:t></w:r></w:p></w:hdr>`},
		{"word/_rels/header3.xml.rels", `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdI" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/logo.png"/></Relationships>`},
		{"word/media/logo.png", "\x89PNG\r\n\x1a\n"},
	}
	return zipParts(t, files)
}

// zipParts packs files as a zip, in order.
func zipParts(t *testing.T, files []part) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range files {
		w, err := zw.Create(f.name)
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, f.data)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// unzipAll is the parts of a DOCX by name, as text.
func unzipAll(t *testing.T, data []byte) map[string]string {
	t.Helper()
	parts, _ := unzip(t, data)
	out := make(map[string]string, len(parts))
	for name, b := range parts {
		out[name] = string(b)
	}
	return out
}

// TestReferenceMarks: a draft, confidential memo carries its marks in the
// header of every page whatever the template's header: one with content
// of its own, none at all, or a different first page.
func TestReferenceMarks(t *testing.T) {
	rs := ruleSet(t)
	doc, res := example(t, rs, "meeting-app.json")
	sect := func(refs string) string {
		return xmlHeader + `<w:document xmlns:w="` + nsW + `" xmlns:r="` + nsR + `"><w:body><w:p/><w:sectPr>` + refs +
			`<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="720" w:footer="720" w:gutter="0"/></w:sectPr></w:body></w:document>`
	}
	rels := `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rIdD" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>` +
		`<Relationship Id="rIdF" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header2.xml"/></Relationships>`
	hdr := func(text string) string {
		return xmlHeader + `<w:hdr xmlns:w="` + nsW + `"><w:p><w:r><w:t>` + text + `</w:t></w:r></w:p></w:hdr>`
	}
	base := []part{
		{"[Content_Types].xml", `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`},
		{"word/styles.xml", refStyles},
		{"word/_rels/document.xml.rels", rels},
		{"word/header1.xml", hdr("FIRM DEFAULT HEADER")},
		{"word/header2.xml", hdr("FIRM FIRST PAGE")},
	}
	for _, c := range []struct {
		name, refs, firm string
	}{
		{"header", `<w:headerReference w:type="default" r:id="rIdD"/>`, "FIRM DEFAULT HEADER"},
		{"no header", ``, ""},
		{"first page", `<w:headerReference w:type="default" r:id="rIdD"/><w:headerReference w:type="first" r:id="rIdF"/><w:titlePg/>`, "FIRM DEFAULT HEADER"},
	} {
		ref := zipParts(t, append(append([]part(nil), base...), part{"word/document.xml", sect(c.refs)}))
		for _, lang := range []string{"en", "zh"} {
			out, err := Render(rs, doc, res, Options{Format: "docx", Lang: lang, Date: prepared, ReferenceDOCX: ref,
				Status: "draft", Confidential: "Privileged & Confidential"})
			if err != nil {
				t.Fatal(err)
			}
			files := unzipAll(t, out)
			h := files["word/header1.xml"]
			mark := map[string]string{"en": "DRAFT", "zh": "草稿"}[lang]
			for _, want := range []string{"Privileged &amp; Confidential", mark, c.firm} {
				if !strings.Contains(h, want) {
					t.Errorf("%s, %s: the page header lacks %q:\n%s", c.name, lang, want, h)
				}
			}
			body := files["word/document.xml"]
			// Every page uses that one header: the body's section has no
			// first page of its own, where the marks could be missing.
			if strings.Contains(body, "<w:titlePg") || strings.Count(body, "<w:headerReference") != 1 {
				t.Errorf("%s, %s: the memo's section is not one default header for every page", c.name, lang)
			}
			checkDOCX(t, rs, out, doc.Product.Name)
		}
	}
}

// TestReferenceDOCX: a memo written with a firm's template has the
// template's styles (with the memo's own only where the template has
// none), theme, page and header, and none of its text; the same template
// gives the same bytes; LibreOffice opens it.
func TestReferenceDOCX(t *testing.T) {
	rs := ruleSet(t)
	doc, res := example(t, rs, "meeting-app.json")
	ref := referenceDOCX(t)
	o := Options{Format: "docx", Lang: "bilingual", Date: prepared, ReferenceDOCX: ref}
	out, err := Render(rs, doc, res, o)
	if err != nil {
		t.Fatal(err)
	}
	again, err := Render(rs, doc, res, o)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(out, again) {
		t.Error("the same template gave different bytes")
	}
	files := unzipAll(t, out)
	styles := files["word/styles.xml"]
	if !strings.HasPrefix(styles, strings.TrimSuffix(refStyles, "</w:styles>\n")) {
		t.Error("styles.xml does not start with the template's styles")
	}
	if strings.Count(styles, `w:styleId="Heading1"`) != 1 || !strings.Contains(styles, "Garamond") {
		t.Error("the template's Heading 1 was not kept as the only one")
	}
	for _, id := range []string{"Title", "Heading2", "TableGrid", "FootnoteText", "Small"} {
		if !strings.Contains(styles, `w:styleId="`+id+`"`) {
			t.Errorf("styles.xml lacks %s, which the memo uses", id)
		}
	}
	if files["word/theme/theme1.xml"] == "" || !strings.Contains(files["word/_rels/document.xml.rels"], "theme/theme1.xml") {
		t.Error("the template's theme is not in the memo")
	}
	body := files["word/document.xml"]
	if !strings.Contains(body, `<w:pgSz w:w="12240" w:h="15840"/>`) || !strings.Contains(body, `w:left="1800"`) {
		t.Error("the memo does not take the template's page size and margins")
	}
	if strings.Contains(body, "Template text") {
		t.Error("the template's own text was copied")
	}
	if !strings.Contains(files["word/header1.xml"], "LI &amp; PARTNERS LLP") || files["word/media/logo.png"] == "" ||
		files["word/_rels/header1.xml.rels"] == "" || !strings.Contains(files["[Content_Types].xml"], `Extension="png"`) {
		t.Error("the template's header and its logo are not in the memo")
	}
	checkDOCX(t, rs, out, doc.Product.Name)

	if _, err := Render(rs, doc, res, Options{Format: "docx", Lang: "en", ReferenceDOCX: []byte("not a zip")}); err == nil {
		t.Error("a file that is not a DOCX was taken as a template")
	}

	soffice, err := exec.LookPath("soffice")
	if err != nil || testing.Short() {
		return
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "memo.docx")
	if err := os.WriteFile(path, out, 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 120*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, soffice, "-env:UserInstallation=file://"+filepath.ToSlash(filepath.Join(dir, "profile")),
		"--headless", "--convert-to", "pdf", "--outdir", dir, path)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("libreoffice: %v\n%s", err, b)
	}
	checkPDF(t, filepath.Join(dir, "memo.pdf"), "B22", "结论", "Conclusion", "LI & PARTNERS LLP")
}

// TestDOCXTableStyle: table borders, margins and the shading of header
// rows and labels come from named table styles in styles.xml, not from the
// tables, so a firm's template that defines B22Table restyles every table;
// and the SHA-256 of the record is set in four groups of sixteen digits, so
// that it breaks only between them.
func TestDOCXTableStyle(t *testing.T) {
	rs := ruleSet(t)
	doc, res := example(t, rs, "meeting-app.json")
	out, err := Render(rs, doc, res, Options{Format: "docx", Lang: "bilingual", Date: prepared})
	if err != nil {
		t.Fatal(err)
	}
	files := unzipAll(t, out)
	body, styles := files["word/document.xml"], files["word/styles.xml"]
	for _, direct := range []string{"<w:tblBorders", "<w:shd ", "<w:tcBorders", "<w:tblCellMar"} {
		if n := strings.Count(body, direct); n > 0 {
			t.Errorf("document.xml sets %s on tables directly %d times", direct, n)
		}
	}
	tables := strings.Count(body, "<w:tbl>")
	data, cols := strings.Count(body, `<w:tblStyle w:val="B22Table"/>`), strings.Count(body, `<w:tblStyle w:val="B22Columns"/>`)
	if tables == 0 || data == 0 || cols == 0 || data+cols != tables {
		t.Errorf("%d tables, %d in B22Table and %d in B22Columns", tables, data, cols)
	}
	for _, want := range []string{`w:styleId="B22Table"`, `<w:tblStylePr w:type="firstRow">`, `<w:tblStylePr w:type="firstCol">`, `w:fill="E8E8E8"`, `w:styleId="B22Columns"`} {
		if !strings.Contains(styles, want) {
			t.Errorf("styles.xml lacks %s", want)
		}
	}
	sha := res.AnswersSHA256
	grouped := sha[:16] + " " + sha[16:32] + " " + sha[32:48] + " " + sha[48:]
	if !strings.Contains(body, ">"+grouped+"<") || strings.Contains(body, sha) {
		t.Errorf("the record's SHA-256 is not set as four groups of 16: want %s", grouped)
	}

	// A firm's template with its own B22Table: the memo keeps it, alone.
	firm := `<w:style w:type="table" w:styleId="B22Table"><w:name w:val="B22 Table"/><w:tblPr><w:tblBorders><w:top w:val="double" w:sz="4" w:space="0" w:color="C00000"/></w:tblBorders></w:tblPr></w:style>`
	files0 := []part{
		{"[Content_Types].xml", `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`},
		{"word/styles.xml", strings.Replace(refStyles, "</w:styles>", firm+"\n</w:styles>", 1)},
		{"word/document.xml", xmlHeader + `<w:document xmlns:w="` + nsW + `"><w:body><w:p/><w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="720" w:footer="720" w:gutter="0"/></w:sectPr></w:body></w:document>`},
	}
	out, err = Render(rs, doc, res, Options{Format: "docx", Lang: "en", Date: prepared, ReferenceDOCX: zipParts(t, files0)})
	if err != nil {
		t.Fatal(err)
	}
	styles = unzipAll(t, out)["word/styles.xml"]
	if strings.Count(styles, `w:styleId="B22Table"`) != 1 || !strings.Contains(styles, `w:val="double"`) {
		t.Error("the template's B22Table was not kept as the only one")
	}
	if !strings.Contains(styles, `w:styleId="B22Columns"`) {
		t.Error("styles.xml lacks the memo's B22Columns, which the template does not define")
	}
}
