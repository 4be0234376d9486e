// Package present holds what every renderer of a result shares: the words
// for its conclusions in Chinese and English, an answer written in words,
// a condition written the way rules.yaml means it, the line wrapper for
// mixed Chinese and Latin text, and the sanitising of untrusted text.
//
// The text report (internal/report), the interview (tui) and the memo
// (internal/memo) each lay a result out their own way; present is where
// they agree, so that a verdict, a status or an amount reads the same in
// each of them. It decides nothing: the rule set and the result say what
// is true, present only words it.
package present
