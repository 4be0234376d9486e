// Package memo renders a classification memo (Markdown, HTML or DOCX) from a
// classify.Result: the document a lawyer files with the client, in Chinese,
// English or both.
//
// Content is decided once, in a neutral model of headings, paragraphs, lists
// and tables (build.go); three small writers (md.go, html.go, docx.go) only
// lay it out. Like package report, memo presents what classify decided and
// never decides anything itself. The same inputs give the same bytes.
package memo
