package memo

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"b22/internal/golden"
)

// fullMemo is the memo kept byte for byte in every format: its Markdown,
// its HTML and its DOCX's word/document.xml. It pins what is the same in
// every memo: the XML declaration and namespaces, the style sheet,
// escaping, the whitespace between blocks.
const fullMemo = "meeting-app.en"

// TestGolden renders the shipped examples in every format and language.
// Every Markdown memo is kept as it is: it holds the memo's words. The
// HTML and DOCX of the other memos are kept as skeletons (skeleton_test.go),
// their structure without the words, and their words are held to the
// Markdown's by formatsAgree.
func TestGolden(t *testing.T) {
	rs := ruleSet(t)
	cases := []struct {
		example        string
		langs, formats []string
	}{
		{"meeting-app.json", Languages, Formats},
		{"vod-site.json", Languages, Formats},
		{"half-known.json", Languages, Formats},
		// A gate rules B22 out; the memo says what it would be if operated.
		{"internal-tool.yaml", []string{"zh", "en"}, []string{"md"}},
		{"game-voice.json", []string{"zh", "en"}, []string{"md"}},
	}
	kept := map[string]bool{} // the golden files the cases compare with
	for _, c := range cases {
		doc, res := example(t, rs, c.example)
		base := strings.TrimSuffix(c.example, filepath.Ext(c.example))
		for _, lang := range c.langs {
			memo := base + "." + lang
			outs := map[string][]byte{}
			for _, format := range c.formats {
				out, err := Render(rs, doc, res, Options{Format: format, Lang: lang, Date: prepared})
				if err != nil {
					t.Fatalf("Render(%s, %s): %v", memo, format, err)
				}
				name := memo + "." + format
				if format == "docx" {
					parts, _ := unzip(t, out)
					out, name = parts["word/document.xml"], memo+".document.xml"
				}
				outs[format] = out
				full := memo == fullMemo || format == "md"
				if !full {
					name += ".skeleton"
				}
				kept[filepath.Join("testdata", t.Name(), name+".golden")] = true
				t.Run(name, func(t *testing.T) {
					if !full {
						out = mustSkeleton(t, format, out)
					}
					golden.Check(t, golden.Path(t, name), out)
				})
			}
			if len(outs) == len(Formats) {
				t.Run(memo+".agree", func(t *testing.T) {
					if err := formatsAgree(outs["md"], outs["html"], outs["docx"]); err != nil {
						t.Error(err)
					}
				})
			}
		}
	}
	// A golden file that no case compares with is left from an earlier
	// form of the memo or of this test.
	files, err := filepath.Glob(filepath.Join("testdata", t.Name(), "*.golden"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if !kept[f] {
			t.Errorf("%s is compared with nothing: remove it", f)
		}
	}
}

// mustSkeleton is the skeleton of an HTML memo or of a DOCX's
// word/document.xml.
func mustSkeleton(t *testing.T, format string, data []byte) []byte {
	t.Helper()
	skeleton := skeletonHTML
	if format == "docx" {
		skeleton = skeletonDOCX
	}
	s, err := skeleton(data)
	if err != nil {
		t.Fatalf("the %s memo has no skeleton: %v", format, err)
	}
	return []byte(s)
}

// formatsAgree reports where the three formats of one memo say different
// things: the letters and digits of the Markdown (less its link targets
// and line breaks), the HTML's body and the DOCX's document.xml must be
// the same, in the same order, and the HTML's and the DOCX's punctuation
// too (but for the bullets a bilingual DOCX writes as text, which the
// HTML draws with CSS, and which the skeleton keeps).
func formatsAgree(md, html, documentXML []byte) error {
	_, body, err := htmlBody(html)
	if err != nil {
		return err
	}
	htmlTree, err := parseTree(body)
	if err != nil {
		return fmt.Errorf("HTML: %v", err)
	}
	docxTree, err := parseTree(documentXML)
	if err != nil {
		return fmt.Errorf("DOCX: %v", err)
	}
	mdText := mdMarkup.ReplaceAllString(string(md), "]")
	htmlText, docxText := htmlTree.textContent(), docxTree.textContent()
	if err := sameRunes("Markdown", mdText, "HTML", htmlText, isWord); err != nil {
		return err
	}
	return sameRunes("HTML", htmlText, "DOCX", docxText, func(r rune) bool { return !unicode.IsSpace(r) && r != '•' })
}

// mdMarkup is what Markdown adds to a memo's words: link targets and
// line breaks within a cell.
var mdMarkup = regexp.MustCompile(`\]\([^()\s]*\)|<br>`)

func isWord(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// sameRunes compares the runes of a and b that keep holds, and says where
// they first differ.
func sameRunes(aName, a, bName, b string, keep func(rune) bool) error {
	filter := func(s string) []rune {
		var out []rune
		for _, r := range s {
			if keep(r) {
				out = append(out, r)
			}
		}
		return out
	}
	ra, rb := filter(a), filter(b)
	i := 0
	for i < len(ra) && i < len(rb) && ra[i] == rb[i] {
		i++
	}
	if i == len(ra) && i == len(rb) {
		return nil
	}
	around := func(r []rune) string { return string(r[max(i-30, 0):min(i+30, len(r))]) }
	return fmt.Errorf("the %s and the %s differ at letter %d of those they keep:\n%s: …%s…\n%s: …%s…", aName, bName, i+1, aName, around(ra), bName, around(rb))
}
