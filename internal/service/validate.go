package service

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"unicode/utf8"

	"b22/classify"
)

// Validation is the report of 'b22 validate --format json' and of
// POST /v1/validate.
type Validation struct {
	Valid      bool               `json:"valid"`
	Problems   []classify.Problem `json:"problems"`
	Answered   []string           `json:"answered"`
	Unanswered []string           `json:"unanswered"`
	// NotAsked are answered questions that the other answers make
	// irrelevant (phone access with no voice): kept, but worth a look.
	NotAsked []string `json:"not_asked"`
	// NotApplicable are unanswered questions that the other answers
	// make irrelevant: never asked, so not "not known" either.
	NotApplicable []string `json:"not_applicable"`
}

// Validate checks a document: an invalid one is a report with every
// problem (Valid false), not an error. The error is for a document that
// could not be checked at all.
func (s *Service) Validate(ctx context.Context, d Document) (*Validation, error) {
	doc, err := s.Parse(ctx, d)
	var ps classify.Problems
	if err != nil && !errors.As(err, &ps) {
		return nil, err
	}
	v := &Validation{Valid: err == nil, Problems: []classify.Problem(ps), Answered: []string{}, Unanswered: []string{}, NotAsked: []string{}, NotApplicable: []string{}}
	if v.Problems == nil {
		v.Problems = []classify.Problem{}
	}
	if doc == nil {
		return v, nil
	}
	asked := s.rs.AskedAll(doc.Answers)
	for i, q := range s.rs.Questions() {
		switch {
		case doc.Answers[i].Known && !asked[i]:
			v.Answered = append(v.Answered, q.ID)
			v.NotAsked = append(v.NotAsked, q.ID)
		case doc.Answers[i].Known:
			v.Answered = append(v.Answered, q.ID)
		case !asked[i]:
			v.NotApplicable = append(v.NotApplicable, q.ID)
		default:
			v.Unanswered = append(v.Unanswered, q.ID)
		}
	}
	return v, nil
}

// JSON is the report, indented.
func (v *Validation) JSON() []byte {
	var b bytes.Buffer
	_ = WriteJSON(&b, v, true) // strings, ints and bools
	return escapeBidi(b.Bytes())
}

// escapeBidi writes the bidirectional embedding, override and isolate
// characters (U+202A–U+202E, U+2066–U+2069) of JSON text as \u escapes:
// the same strings to a program, but a key name cannot reorder what a
// person reading the output in a terminal sees. Outside strings JSON has
// only ASCII, so every such character is inside a string.
func escapeBidi(b []byte) []byte {
	if !bytes.ContainsAny(b, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069") {
		return b
	}
	out := make([]byte, 0, len(b)+32)
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		if (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) {
			out = fmt.Appendf(out, `\u%04x`, r)
		} else {
			out = append(out, b[:n]...)
		}
		b = b[n:]
	}
	return out
}
