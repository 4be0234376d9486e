// Package tui is b22's interview: a full-screen Bubble Tea program (Run)
// and a plain line-by-line mode for screen readers, dumb terminals and
// scripts (RunAccessible), in Chinese and English.
//
// The root Model holds a screen (intro, question, review, result) and one
// sub-model per screen; each question kind has its widget (field_bool.go,
// field_enum.go, field_picker.go for the province, field_multi.go,
// field_number.go), which also asks the question a line at a time for the
// plain mode. Every answer goes through classify: the package asks
// the rule set which questions are asked (RuleSet.Asked), what the answers
// lead to and what changing them would change (RuleSet.Evaluate with
// levers), and decides nothing itself.
//
// A Session is the answers so far. It is written, atomically, after every
// answer as an ordinary answers document: "not sure" is an explicit null and
// questions never answered are left out, so that a resumed interview asks
// only what is missing.
package tui
