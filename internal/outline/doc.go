// Package outline holds what a reader is told about a result, or about
// what changed between two: an ordered document in one language, of
// sections with their headings, items, the lines under each and the
// citations they carry. Result builds it once from a result, and
// compare.Outline from a comparison; the text report, `b22 compare`'s
// text (both through Write) and the interview's result screen print it.
// None of them walks a result, orders its parts or words them: a part
// shown in one and not another, or worded two ways, cannot happen.
//
// Words come from the rule set and from present's shared label table;
// every name, count and id a reader meets is the rule set's.
package outline
