// Package memo renders a classification memo (Markdown, HTML or DOCX) from a
// classify.Result: the document a lawyer files with the client, in Chinese,
// English or both.
//
// The memo prints the result's outline (internal/outline) in counsel's
// prose: the parts, their order, their words and the typed facts its prose
// turns on all come from there, so that the memo cannot set out a result
// otherwise than the text report and the interview do. It reads the rule
// set for what the outline does not hold (the catalogue of sub-categories,
// the questions and the sources) and the answers for the facts.
//
// Content is decided once, in a neutral model of headings, paragraphs, lists
// and tables (build.go, sections.go); three small writers (md.go, html.go,
// docx.go) only lay it out. Like package report, memo presents what classify
// decided and never decides anything itself. The same inputs give the same
// bytes.
package memo
