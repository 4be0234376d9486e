package memo

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"unicode"

	"github.com/google/go-cmp/cmp"
)

// The skeleton of an HTML or DOCX memo is its golden form for every memo
// but the one kept in full: the memo's structure without its words. One
// line per block (heading, paragraph, list item, table, row, cell), in
// order and nested by indentation, with its tag or Word style and every
// attribute or property it carries; inline markup as {descriptor|…}.
// Headings and table headers keep their text, so that the skeleton reads
// as the memo's table of contents; other text is written "…", keeping
// any bullet or bracket before its first letter or digit and all text
// with none (the "、" and " / " between runs).
//
// The words are not lost: the Markdown memo keeps them, and
// TestFormatsAgree holds the HTML's and the DOCX's letters and digits to
// the Markdown's and their punctuation to each other's. Together they
// fail on any change of words, order, numbering, headings, styles or
// table structure in any format, at a fifth of the size of the files.

// skeletonFormat says which elements of a format are blocks, which carry
// the properties of their parent, and which keep their text.
type skeletonFormat struct {
	block      func(name string) bool
	properties func(name string) bool // folded into the parent's descriptor
	// titled reports whether a block keeps its text: a heading, a title,
	// a table's header row.
	titled   func(n *node) bool
	run      string // an element written as its properties only (w:r)
	text     string // an element whose content is text (w:t)
	preserve string // its attribute that keeps edge spaces
	html     bool   // class and id written as .class#id
}

var htmlSkeleton = skeletonFormat{
	block: func(name string) bool {
		switch name {
		case "body", "main", "header", "footer", "section", "div", "p", "h1", "h2", "h3", "h4", "h5", "h6",
			"table", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td", "caption",
			"ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre", "hr", "figure", "nav", "aside":
			return true
		}
		return false
	},
	properties: func(string) bool { return false },
	titled: func(n *node) bool {
		switch n.name {
		case "h1", "h2", "h3", "h4", "h5", "h6", "thead":
			return true
		}
		return n.name == "p" && attr(n, "class") == "subtitle"
	},
	html: true,
}

var docxSkeleton = skeletonFormat{
	block: func(name string) bool {
		switch name {
		case "body", "p", "tbl", "tr", "tc", "sectPr":
			return true
		}
		return false
	},
	properties: func(name string) bool { return strings.HasSuffix(name, "Pr") && name != "sectPr" },
	titled: func(n *node) bool {
		switch n.name {
		case "p":
			s := attr(child(child(n, "pPr"), "pStyle"), "val")
			return s == "Title" || s == "Subtitle" || strings.HasPrefix(s, "Heading")
		case "tr":
			return child(child(n, "trPr"), "tblHeader") != nil
		}
		return false
	},
	run:      "r",
	text:     "t",
	preserve: "space",
}

// skeletonHTML is the head of an HTML memo as it is (its metadata and
// style sheet, which name the product and the date), then the skeleton of
// its body.
func skeletonHTML(data []byte) (string, error) {
	head, body, err := htmlBody(data)
	if err != nil {
		return "", err
	}
	out, err := skeleton(body, htmlSkeleton)
	return string(head) + out, err
}

// htmlBody splits an HTML memo before <body>, and returns the body up to
// </body>.
func htmlBody(data []byte) (head, body []byte, err error) {
	head, rest, ok := bytes.Cut(data, []byte("<body>"))
	if !ok {
		return nil, nil, errors.New("no <body>")
	}
	rest, _, ok = bytes.Cut(rest, []byte("</body>"))
	if !ok {
		return nil, nil, errors.New("no </body>")
	}
	return head, []byte("<body>" + string(rest) + "</body>"), nil
}

// skeletonDOCX is the skeleton of a DOCX memo's word/document.xml.
func skeletonDOCX(documentXML []byte) (string, error) { return skeleton(documentXML, docxSkeleton) }

// node is an element, or a run of text when name is empty.
type node struct {
	name  string
	attrs []xml.Attr
	kids  []*node
	text  string
}

func skeleton(data []byte, f skeletonFormat) (string, error) {
	root, err := parseTree(data)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	for _, k := range root.kids {
		if k.name != "" {
			f.writeBlock(&b, k, 0, false)
		}
	}
	return b.String(), nil
}

// parseTree reads XML (or XHTML, with HTML's entities) into a tree under
// an unnamed root, with local names and without namespace declarations.
func parseTree(data []byte) (*node, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false
	d.Entity = xml.HTMLEntity
	d.AutoClose = xml.HTMLAutoClose
	root := &node{}
	stack := []*node{root}
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		top := stack[len(stack)-1]
		switch tok := tok.(type) {
		case xml.StartElement:
			n := &node{name: tok.Name.Local}
			for _, a := range tok.Attr {
				if a.Name.Space != "xmlns" && a.Name.Local != "xmlns" {
					n.attrs = append(n.attrs, a)
				}
			}
			top.kids = append(top.kids, n)
			stack = append(stack, n)
		case xml.EndElement:
			if len(stack) == 1 {
				return nil, fmt.Errorf("unexpected </%s>", tok.Name.Local)
			}
			stack = stack[:len(stack)-1]
		case xml.CharData:
			top.kids = append(top.kids, &node{text: string(tok)})
		}
	}
	if len(stack) != 1 {
		return nil, fmt.Errorf("<%s> is not closed", stack[len(stack)-1].name)
	}
	return root, nil
}

// writeBlock writes n's line: its descriptor, then ": " and the inline
// content before its first block; each block inside on lines of its own,
// one level deeper; inline content after a block on a line of its own
// starting "… ". A block whose only content is one block (a cell of one
// paragraph) shares its line: "tc tcW(w=2505,type=dxa) > p pStyle=TableText: …".
func (f skeletonFormat) writeBlock(b *strings.Builder, n *node, depth int, titled bool) {
	indent := strings.Repeat("  ", depth)
	titled = titled || f.titled(n)
	b.WriteString(indent + f.descriptor(n))
	for only := f.content(n); len(only) == 1 && only[0].name != "" && f.block(only[0].name); only = f.content(n) {
		n = only[0]
		titled = titled || f.titled(n)
		b.WriteString(" > " + f.descriptor(n))
	}
	var line strings.Builder
	lineEnded := false
	flush := func() {
		switch {
		case !lineEnded && line.Len() > 0:
			b.WriteString(": " + line.String() + "\n")
		case !lineEnded:
			b.WriteString("\n")
		case line.Len() > 0:
			b.WriteString(indent + "  … " + line.String() + "\n")
		}
		lineEnded = true
		line.Reset()
	}
	// Blocks alike in skeleton (rows, list items) are written once, with
	// their number: "3× tr cantSplit".
	var same string
	count := 0
	writeSame := func() {
		if count > 1 {
			sp := len(same) - len(strings.TrimLeft(same, " "))
			same = same[:sp] + fmt.Sprintf("%d× ", count) + same[sp:]
		}
		b.WriteString(same)
		same, count = "", 0
	}
	for _, k := range f.content(n) {
		if k.name != "" && f.block(k.name) {
			flush()
			var kb strings.Builder
			f.writeBlock(&kb, k, depth+1, titled)
			if kb.String() != same {
				writeSame()
				same = kb.String()
			}
			count++
			continue
		}
		if count > 0 {
			writeSame()
		}
		f.writeInline(&line, k, titled)
	}
	writeSame()
	flush()
}

// content is what n holds but its property elements and the whitespace
// between blocks.
func (f skeletonFormat) content(n *node) []*node {
	blocks := false
	for _, k := range n.kids {
		blocks = blocks || (k.name != "" && f.block(k.name))
	}
	var out []*node
	for _, k := range n.kids {
		switch {
		case k.name == "" && blocks && strings.TrimSpace(k.text) == "":
		case k.name != "" && f.properties(k.name):
		default:
			out = append(out, k)
		}
	}
	return out
}

// writeInline writes text (as it is where titled, else elided) and an
// inline element as {descriptor|content}, or {descriptor} when empty.
func (f skeletonFormat) writeInline(b *strings.Builder, n *node, titled bool) {
	if n.name == "" {
		writeText(b, n.text, titled)
		return
	}
	if f.text != "" && n.name == f.text {
		var t strings.Builder
		for _, k := range n.kids {
			t.WriteString(k.text)
		}
		s := t.String()
		// Word drops the edge spaces of a text without xml:space.
		if strings.TrimSpace(s) != s && attr(n, f.preserve) == "" {
			b.WriteString("{t|")
			writeText(b, s, titled)
			b.WriteString("}")
			return
		}
		writeText(b, s, titled)
		return
	}
	d := f.descriptor(n)
	kids := f.content(n)
	// A DOCX run is written as its properties, and without any as its
	// text: {b bCs|…}.
	if f.run != "" && n.name == f.run {
		if d = strings.TrimSpace(strings.TrimPrefix(d, f.run)); d == "" {
			for _, k := range kids {
				f.writeInline(b, k, titled)
			}
			return
		}
	}
	b.WriteString("{" + d)
	if len(kids) > 0 {
		b.WriteString("|")
		for _, k := range kids {
			f.writeInline(b, k, titled)
		}
	}
	b.WriteString("}")
}

// writeText writes s where titled; else what comes before its first
// letter or digit and "…" for the rest, once for a run of text; a text
// with no letter or digit as it is. Line breaks are written ⏎.
func writeText(b *strings.Builder, s string, titled bool) {
	s = strings.ReplaceAll(s, "\n", "⏎")
	i := strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) })
	if titled || i < 0 {
		b.WriteString(s)
		return
	}
	if i > 0 || !strings.HasSuffix(b.String(), "…") {
		b.WriteString(s[:i] + "…")
	}
}

// descriptor names an element with its attributes (HTML: tag.class#id
// [name=value]) and, in DOCX, the properties of its property element
// (p pStyle=Heading1 spacing(after=0)).
func (f skeletonFormat) descriptor(n *node) string {
	var b strings.Builder
	b.WriteString(n.name)
	for _, a := range n.attrs {
		switch {
		case f.html && a.Name.Local == "class":
			b.WriteString("." + strings.ReplaceAll(a.Value, " ", "."))
		case f.html && a.Name.Local == "id":
			b.WriteString("#" + a.Value)
		default:
			b.WriteString("[" + a.Name.Local + "=" + a.Value + "]")
		}
	}
	for _, k := range n.kids {
		if k.name != "" && f.properties(k.name) {
			for _, p := range k.kids {
				if p.name != "" {
					b.WriteString(" " + property(p))
				}
			}
		}
	}
	return b.String()
}

// property is one DOCX property: b, pStyle=Heading1, tcW(w=2505,type=dxa),
// numPr(ilvl=0,numId=3).
func property(p *node) string {
	var parts []string
	for _, a := range p.attrs {
		parts = append(parts, a.Name.Local+"="+a.Value)
	}
	for _, k := range p.kids {
		if k.name != "" {
			parts = append(parts, property(k))
		}
	}
	switch {
	case len(parts) == 0:
		return p.name
	case len(p.attrs) == 1 && len(parts) == 1 && p.attrs[0].Name.Local == "val":
		return p.name + "=" + p.attrs[0].Value
	default:
		return p.name + "(" + strings.Join(parts, ",") + ")"
	}
}

// child is n's first element called name, or nil.
func child(n *node, name string) *node {
	if n == nil {
		return nil
	}
	for _, k := range n.kids {
		if k.name == name {
			return k
		}
	}
	return nil
}

// attr is the value of n's attribute of that local name, or "".
func attr(n *node, local string) string {
	if n == nil {
		return ""
	}
	for _, a := range n.attrs {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// text is all the text under n, in order.
func (n *node) textContent() string {
	var b strings.Builder
	var walk func(*node)
	walk = func(n *node) {
		b.WriteString(n.text)
		for _, k := range n.kids {
			walk(k)
		}
	}
	walk(n)
	return b.String()
}

// TestSkeleton: blocks on lines of their own with their style, properties
// and attributes; headings and header rows with their text, other text
// elided but for what precedes its first letter; a cell of one paragraph
// on one line; alike rows counted.
func TestSkeleton(t *testing.T) {
	docx := `<?xml version="1.0"?>
<w:document xmlns:w="w"><w:body>
<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>1. Conclusion</w:t></w:r></w:p>
<w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">Scope: </w:t></w:r><w:r><w:t>This memo</w:t></w:r><w:r><w:t xml:space="preserve">、</w:t></w:r><w:r><w:t> stop</w:t></w:r></w:p>
<w:tbl><w:tblPr><w:tblStyle w:val="B22Table"/></w:tblPr><w:tblGrid><w:gridCol w:w="10"/></w:tblGrid>
<w:tr><w:trPr><w:tblHeader/></w:trPr><w:tc><w:p><w:r><w:t>Change</w:t></w:r></w:p></w:tc></w:tr>
<w:tr><w:tc><w:p><w:r><w:t xml:space="preserve">• one</w:t></w:r></w:p></w:tc></w:tr>
<w:tr><w:tc><w:p><w:r><w:t xml:space="preserve">• two</w:t></w:r></w:p></w:tc></w:tr>
</w:tbl>
</w:body></w:document>`
	want := `document > body
  p pStyle=Heading1: 1. Conclusion
  p: {b|…}…、{t| …}
  tbl tblStyle=B22Table: {tblGrid|{gridCol[w=10]}}
    tr tblHeader > tc > p: Change
    2× tr > tc > p: • …
`
	got, err := skeletonDOCX([]byte(docx))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(strings.Split(want, "\n"), strings.Split(got, "\n")); diff != "" {
		t.Errorf("skeletonDOCX (-want +got):\n%s", diff)
	}

	html := `<!DOCTYPE html>
<html><head><title>Memo &amp; more</title></head>
<body>
<main>
<h2>5. Options</h2>
<p class="small" id="x">See <a href="#cite-1">the list</a> &#39;here&#39;.<br/>Next</p>
<table class="bi"><tbody>
<tr class="item"><td>甲</td><td lang="en">A</td></tr>
</tbody></table>
</main>
</body></html>`
	want = `<!DOCTYPE html>
<html><head><title>Memo &amp; more</title></head>
body > main
  h2: 5. Options
  p.small#x: …{a[href=#cite-1]|…} '…{br}…
  table.bi > tbody > tr.item
    td: …
    td[lang=en]: …
`
	if got, err = skeletonHTML([]byte(html)); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(strings.Split(want, "\n"), strings.Split(got, "\n")); diff != "" {
		t.Errorf("skeletonHTML (-want +got):\n%s", diff)
	}
	for _, bad := range []string{"<p>not closed", "</p>"} {
		if _, err := skeleton([]byte(bad), htmlSkeleton); err == nil {
			t.Errorf("skeleton(%q) = nil error", bad)
		}
	}
}

// TestFormatsAgree: a word that one format changes, or punctuation that
// the HTML and the DOCX do not share, is found and located.
func TestFormatsAgree(t *testing.T) {
	md := "## 1. Scope\n\n**Scope:** the [memo](https://example.com) says so.<br>Next\n"
	html := `<html><body><h2>1. Scope</h2><p><strong>Scope:</strong> the <a href="https://example.com">memo</a> says so.<br/>Next</p></body></html>`
	docx := `<w:document><w:body><w:p><w:r><w:t>1. Scope</w:t></w:r></w:p><w:p><w:r><w:t>Scope: the memo says so.Next</w:t></w:r></w:p></w:body></w:document>`
	if err := formatsAgree([]byte(md), []byte(html), []byte(docx)); err != nil {
		t.Fatalf("formatsAgree of one memo: %v", err)
	}
	for _, c := range []struct{ md, html, docx, want string }{
		{md, strings.Replace(html, "says", "said", 1), docx, "the Markdown and the HTML differ at letter 21 of those they keep"},
		{md, html, strings.Replace(docx, "says so.", "says so;", 1), "the HTML and the DOCX differ"},
		{md, html, strings.Replace(docx, "Next", "", 1), "the HTML and the DOCX differ"},
	} {
		err := formatsAgree([]byte(c.md), []byte(c.html), []byte(c.docx))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("formatsAgree = %v, want %q", err, c.want)
		}
	}
}
