package memo

import (
	"encoding/xml"
	"fmt"
	"html"
	"io"
	"regexp"
	"strings"
	"sync"
	"testing"
	"unicode"

	"b22/classify"
)

// hostile are product texts that try to become markup, links, formulas or
// terminal escapes.
var hostile = []string{
	`<script>alert(1)</script>`,
	`"><img src=x onerror=alert(1)>`,
	"\x1b[31mred\x1b[0m \x1b]8;;http://evil.example\x07link\x1b]8;;\x07",
	`=HYPERLINK("http://evil.example","click")`,
	`[x](javascript:alert(1)) ![i](http://evil.example/p.png) <http://evil.example>`,
	"http://evil.example/a www.evil.example mail@evil.example",
	"| a | b |\n| --- | --- |\n# heading\n- item\n1. one\n===",
	"**bold** _em_ `code` ~~gone~~ $x^2$ [^1] <!-- c --> &amp; &lt;",
	"\u202eevil\u202c \u2028 \x00nul \uFFFE \uFFFF \x7f",
	"'single' \"double\" \\ backslash\ttab",
}

func hostileDoc(t testing.TB, rs *classify.RuleSet, s string) (*classify.Document, *classify.Result) {
	t.Helper()
	doc, res := example(t, rs, "meeting-app.json")
	d := *doc
	d.Product = classify.Product{Name: s, Company: s, Description: s}
	res2, err := rs.Evaluate(&d, classify.Options{AsOf: prepared})
	if err != nil {
		t.Fatal(err)
	}
	_ = res
	return &d, res2
}

// TestHostileHeader: the header fields (who the memo is for and by, the
// matter, the confidentiality line) are as untrusted as the answers, and
// come out escaped and shown as themselves in every format.
func TestHostileHeader(t *testing.T) {
	rs := ruleSet(t)
	doc, res := example(t, rs, "meeting-app.json")
	for i, s := range hostile {
		for _, lang := range Languages {
			t.Run(fmt.Sprintf("%d-%s", i, lang), func(t *testing.T) {
				for _, format := range Formats {
					out, err := Render(rs, doc, res, Options{Format: format, Lang: lang, Date: prepared,
						PreparedFor: s, PreparedBy: s, Matter: s, Status: "draft", Confidential: s})
					if err != nil {
						t.Fatalf("Render %s: %v", format, err)
					}
					checkOutput(t, rs, format, out, s)
				}
			})
		}
	}
}

func TestHostileText(t *testing.T) {
	rs := ruleSet(t)
	for i, s := range hostile {
		doc, res := hostileDoc(t, rs, s)
		for _, lang := range Languages {
			t.Run(fmt.Sprintf("%d-%s", i, lang), func(t *testing.T) {
				for _, format := range Formats {
					out, err := Render(rs, doc, res, Options{Format: format, Lang: lang, Date: prepared})
					if err != nil {
						t.Fatalf("Render %s: %v", format, err)
					}
					checkOutput(t, rs, format, out, s)
				}
			})
		}
	}
}

// checkOutput checks one rendered memo: well-formed, nothing active, and the
// product text shown as itself.
func checkOutput(t testing.TB, rs *classify.RuleSet, format string, out []byte, product string) {
	t.Helper()
	switch format {
	case "html":
		checkHTML(t, rs, out, product)
	case "md":
		checkMarkdown(t, out)
	case "docx":
		checkDOCX(t, rs, out, product)
	}
}

func allowedURLs(rs *classify.RuleSet) map[string]bool {
	m := map[string]bool{}
	for _, s := range rs.Sources() {
		m[s.URL] = true
		for _, l := range s.Links {
			m[l.URL] = true
		}
	}
	return m
}

// htmlElements and htmlAttrs are everything the HTML writer may emit.
var (
	htmlElements = map[string]bool{"html": true, "head": true, "meta": true, "title": true, "style": true, "body": true, "main": true,
		"h1": true, "h2": true, "h3": true, "p": true, "ul": true, "li": true, "table": true, "colgroup": true, "col": true,
		"thead": true, "tbody": true, "tr": true, "th": true, "td": true, "strong": true, "code": true, "span": true, "a": true, "br": true,
		"sup": true, "div": true}
	htmlAttrs = map[string]bool{"lang": true, "charset": true, "http-equiv": true, "content": true, "name": true, "class": true,
		"style": true, "href": true, "rel": true, "id": true, "aria-hidden": true}
)

// citeAnchor is a link from a citation's number to its entry in the list
// of citations, the one link within the memo.
var citeAnchor = regexp.MustCompile(`^#cite-[1-9][0-9]*$`)

func checkHTML(t testing.TB, rs *classify.RuleSet, out []byte, product string) {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(string(out)))
	d.Strict = true
	d.Entity = map[string]string{} // html.EscapeString uses only XML's own and numeric ones
	urls := allowedURLs(rs)
	var text strings.Builder
	inStyle := false
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("HTML is not well-formed: %v", err)
		}
		switch x := tok.(type) {
		case xml.StartElement:
			if !htmlElements[x.Name.Local] {
				t.Errorf("HTML has a <%s> element", x.Name.Local)
			}
			inStyle = x.Name.Local == "style"
			for _, a := range x.Attr {
				if !htmlAttrs[a.Name.Local] {
					t.Errorf("HTML has a %s attribute on <%s>", a.Name.Local, x.Name.Local)
				}
				if a.Name.Local == "href" && !urls[a.Value] && !citeAnchor.MatchString(a.Value) {
					t.Errorf("HTML links to %q, which is not a source of the rule set", a.Value)
				}
				if a.Name.Local == "style" && x.Name.Local != "col" {
					t.Errorf("HTML has a style attribute on <%s>", x.Name.Local)
				}
			}
			if x.Name.Local == "br" {
				text.WriteString("\n")
			}
		case xml.EndElement:
			inStyle = false
		case xml.CharData:
			if inStyle && strings.ContainsAny(string(x), "<&") {
				t.Error("the style sheet contains < or &")
			}
			text.Write(x)
		case xml.ProcInst, xml.Comment:
			t.Errorf("HTML has %T", x)
		}
	}
	// A name of only blanks is no name: the memo says "not stated".
	if want := strings.ReplaceAll(clean(product), "\t", " "); strings.TrimSpace(want) != "" && !strings.Contains(text.String(), want) {
		t.Errorf("the HTML text does not show the product text %q as itself", want)
	}
	if strings.Contains(strings.ToLower(string(out)), "<script") {
		t.Error("HTML contains <script")
	}
}

var (
	// mdLink is a Markdown link or image; its target must be a source.
	mdLink = regexp.MustCompile(`\]\(([^)]*)\)`)
	// mdAngle is a raw '<' that is not escaped: only <br>, the empty
	// comment and autolinks to sources are the writer's own.
	mdAngle = regexp.MustCompile(`(^|[^\\])<`)
	// mdCode is a code span, which only the writer makes.
	mdCode = regexp.MustCompile("`[^`\n]*`")
)

func checkMarkdown(t testing.TB, out []byte) {
	t.Helper()
	s := string(out)
	for _, r := range s {
		if r != '\n' && (unicode.IsControl(r) || r == '\u2028' || r == '\u2029' || (r >= 0x202a && r <= 0x202e) || xmlForbidden(r)) {
			t.Fatalf("Markdown contains the raw control character %U", r)
		}
	}
	for _, m := range mdLink.FindAllStringSubmatchIndex(s, -1) {
		if m[0] > 0 && s[m[0]-1] == '\\' {
			continue // an escaped ], text
		}
		if target := s[m[2]:m[3]]; !safeURL(target) {
			t.Errorf("Markdown has a link to %q", target)
		}
	}
	noCode := mdCode.ReplaceAllString(s, "``")
	for _, m := range mdAngle.FindAllStringIndex(noCode, -1) {
		rest := noCode[m[1]-1:]
		if !strings.HasPrefix(rest, "<br>") && !strings.HasPrefix(rest, "<!-- -->") && !strings.HasPrefix(rest, "<http") {
			end := min(len(rest), 30)
			t.Errorf("Markdown has raw HTML: %q", rest[:end])
		}
	}
	for _, line := range strings.Split(s, "\n") {
		if strings.HasPrefix(line, "#") && !strings.HasPrefix(line, "# ") && !strings.HasPrefix(line, "## ") && !strings.HasPrefix(line, "### ") {
			t.Errorf("Markdown line opens a block it should not: %q", line)
		}
		if strings.HasPrefix(line, "===") || strings.HasPrefix(line, "1. ") {
			t.Errorf("Markdown line opens a block it should not: %q", line)
		}
	}
}

func checkDOCX(t testing.TB, rs *classify.RuleSet, out []byte, product string) {
	t.Helper()
	parts, _ := unzip(t, out)
	for name, data := range parts {
		if !strings.HasSuffix(name, ".xml") && !strings.HasSuffix(name, ".rels") {
			continue // a template's logo
		}
		if wellFormedParts.seen(data) {
			continue // the same bytes as a part checked before: styles, theme, settings
		}
		if err := wellFormed(data); err != nil {
			t.Fatalf("%s is not well-formed XML: %v", name, err)
		}
		wellFormedParts.add(data)
	}
	body := string(parts["word/document.xml"])
	if strings.Contains(body, "fldSimple") || strings.Contains(body, "instrText") || strings.Contains(body, "fldChar") {
		t.Error("document.xml has a field")
	}
	urls := allowedURLs(rs)
	for _, m := range externalTarget.FindAllStringSubmatch(string(parts["word/_rels/document.xml.rels"]), -1) {
		if target := html.UnescapeString(m[1]); !urls[target] {
			t.Errorf("DOCX links to %q, which is not a source", target)
		}
	}
	// The product text, as Word would show it: w:t contents, w:br as a
	// line break, w:tab as a tab.
	d := xml.NewDecoder(strings.NewReader(body))
	var text strings.Builder
	inT := false
	for {
		tok, err := d.Token()
		if err != nil {
			break
		}
		switch x := tok.(type) {
		case xml.StartElement:
			switch x.Name.Local {
			case "t":
				inT = true
			case "br":
				text.WriteString("\n")
			case "tab":
				text.WriteString("\t")
			}
		case xml.EndElement:
			inT = false
		case xml.CharData:
			if inT {
				text.Write(x)
			}
		}
	}
	// A name of only blanks ("\t") is no name: the memo says "not stated".
	if want := clean(product); strings.TrimSpace(want) != "" && !strings.Contains(text.String(), want) {
		t.Errorf("the DOCX text does not show the product text %q as itself", want)
	}
}

var externalTarget = regexp.MustCompile(`Target="([^"]*)" TargetMode="External"`)

// wellFormedParts remembers DOCX parts already found well-formed: most
// parts are the same bytes in every memo, and a fuzz run checks thousands.
var wellFormedParts = &partCache{m: map[string]bool{}}

type partCache struct {
	mu sync.Mutex
	m  map[string]bool
}

func (c *partCache) seen(data []byte) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.m[string(data)]
}

func (c *partCache) add(data []byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.m) < 64 { // the parts that repeat are found first; the rest vary
		c.m[string(data)] = true
	}
}

// wellFormed parses data as XML.
func wellFormed(data []byte) error {
	d := xml.NewDecoder(strings.NewReader(string(data)))
	d.Strict = true
	for {
		_, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// TestMarkdownEscape: every character with a meaning in Markdown comes out
// escaped.
func TestMarkdownEscape(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Acme", "Acme"},
		{"a*b_c", `a\*b\_c`},
		{"[x](javascript:alert(1))", `\[x\](javascript\:alert(1))`},
		{"<b>&amp;", `\<b\>\&amp;`},
		{"http://x.example", "http<!-- -->://x.example"},
		{"www.x.example", "www<!-- -->.x.example"},
		{"me@x.example", "me<!-- -->@x.example"},
		{"a|b", `a\|b`},
		{"line\nnext", "line<br>next"},
		{"$1", `\$1`},
		{"\x1b[31m", `\\u001b\[31m`},
	} {
		if got := mdText(tc.in); got != tc.want {
			t.Errorf("mdText(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	for _, tc := range []struct{ in, want string }{
		{"# x", `\# x`}, {"- x", `\- x`}, {"12. x", `12\. x`}, {"  code", "code"}, {"=== x", `\=== x`},
	} {
		if got := mdLineStart(tc.in); got != tc.want {
			t.Errorf("mdLineStart(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
