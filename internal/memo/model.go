package memo

import (
	"net/url"
	"strings"
	"unicode/utf8"

	"b22/internal/present"
)

// The memo model: what the memo says, in order, independent of the format.
// Text in the model is plain text; every writer escapes all of it for its
// own syntax, so no text, from the answers or from the rule data, can turn
// into markup.

// memo is the whole document.
type memo struct {
	lang    string // zh, en or bilingual
	title   string // the document title (also DOCX core properties)
	running string // running header of printed pages
	date    string // YYYY-MM-DD, the day it was prepared
	product string // the product's name, for the DOCX properties
	// author (--prepared-by), subject (the matter, else the memo's
	// subtitle) and keywords fill the document properties: DOCX core
	// properties and HTML <meta>.
	author, subject, keywords string
	colon                     string // ": " or "：", after labels in Markdown
	// status is "draft" or "final" (or ""), banner the words a draft
	// carries across its pages, confidential the confidentiality line of
	// every page's header; all from the options, cleaned and escaped by
	// each writer like any other text.
	status       string
	banner       string
	confidential string
	blocks       []block
	// ref is the firm's reference DOCX, whose styles and page the DOCX
	// takes; nil for the memo's own.
	ref *reference
	// page is the footer's page number: page[0] N page[1] M page[2].
	page [3]string
}

type blockKind int

const (
	kindTitle blockKind = iota
	kindSubtitle
	kindHeading // level 1 or 2
	kindPara
	kindList
	kindTable
	// kindBi is Chinese beside English, row by row: the paragraphs and
	// list items of a bilingual memo.
	kindBi
)

// block is one heading, paragraph, list or table.
type block struct {
	kind  blockKind
	level int    // headings: 1 or 2
	num   string // headings: the section number, "3.1"; kept apart so that a bilingual heading carries it once
	lang  string // zh or en: the language of the block's text
	small bool   // a paragraph of lesser weight (notes, disclaimer)
	runs  []run  // title, subtitle, heading, paragraph
	items []cell // list items
	table *table
	bi    []biRow
	// anchor names the block as a link target in HTML (a citation's
	// entry in the list of citations).
	anchor string
}

// biRow is one paragraph or list item in Chinese and in English.
type biRow struct {
	zh, en cell
	small  bool
	bullet bool
	anchor string
}

// run is a piece of text with one look.
type run struct {
	text   string
	strong bool
	code   bool   // an identifier: an answer key, a rule or source id, a hash
	muted  bool   // a detail set in smaller, grey type (references)
	href   string // a link target; only http(s) addresses of the rule set's sources
	// note is the number of a citation in the memo's list of citations,
	// set as a superscript reference to it; the run's text is the number.
	note int
	// alt marks the English beside the Chinese in a bilingual table cell.
	alt bool
	// grouped sets a hash in groups of 16 digits where a printed page may
	// break a line (DOCX, HTML); Markdown keeps it whole, to copy.
	grouped bool
}

// cell is one or more lines of runs: a table cell or a list item.
type cell [][]run

// table is a table with a header row, or a two-column list of labels and
// values (kv) without one.
type table struct {
	head []string
	rows [][]cell
	kv   bool
}

// Constructors keep build.go short.

func txt(s string) run     { return run{text: s} }
func bold(s string) run    { return run{text: s, strong: true} }
func line(rs ...run) []run { return rs }

func lines(ls ...[]run) cell { return cell(ls) }

func textCell(s string) cell { return cell{{txt(s)}} }

// link is a link to a source; targets that are not plain http(s) addresses
// stay text.
func link(text, target string) run {
	if safeURL(target) {
		return run{text: text, href: target}
	}
	return txt(text)
}

// safeURL accepts an absolute http or https address with no characters that
// would need escaping in Markdown link syntax or XML attributes beyond &.
func safeURL(s string) bool {
	if s == "" || len(s) > 2048 || strings.ContainsAny(s, " \t\r\n<>\"'`()[]{}|\\^") {
		return false
	}
	for _, r := range s {
		if r < 0x21 || r > 0x7e {
			return false
		}
	}
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// clean makes any text safe to place in every format before escaping:
// invalid UTF-8 is replaced, control characters (ANSI escapes among them) and
// bidi overrides are neutralised by present.Sanitize, and characters that XML
// 1.0 forbids are dropped. Newlines and tabs survive; writers lay them out.
func clean(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	s = present.Sanitize(s)
	if strings.IndexFunc(s, xmlForbidden) >= 0 {
		s = strings.Map(func(r rune) rune {
			if xmlForbidden(r) {
				return -1
			}
			return r
		}, s)
	}
	return s
}

// xmlForbidden reports characters outside XML 1.0's Char production.
func xmlForbidden(r rune) bool {
	switch {
	case r == 0x9 || r == 0xA || r == 0xD:
		return false
	case r < 0x20:
		return true
	case r >= 0xD800 && r <= 0xDFFF:
		return true
	case r == 0xFFFE || r == 0xFFFF:
		return true
	case r > 0x10FFFF:
		return true
	}
	return false
}
