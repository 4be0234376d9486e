// Package service is what b22 does for whoever asks. The command line and
// the HTTP API read a request each in their own way (flags and files; a
// query and a body), call the service with it, and write what it returns:
// the same bytes either way. The checks of what a request asks, and the
// errors they give, are written here once; each error carries a Kind,
// which the command line maps to its exit code and the HTTP API to its
// status, from one table (errors.go).
package service

import (
	"sync"
	"time"

	"b22/classify"
	"b22/classify/answers"
	"b22/classify/resultjson"
)

// Service answers requests against one rule set. It is safe for
// concurrent use: a server shares one among all its requests.
type Service struct {
	rs  *classify.RuleSet
	now func() time.Time // only for the default dates

	parserOnce  sync.Once
	parser      *answers.Parser
	httpParser  *answers.Parser
	encoderOnce sync.Once
	encoder     *resultjson.Encoder
}

// New is the service of rs; now gives "today", the default date.
func New(rs *classify.RuleSet, now func() time.Time) *Service {
	return &Service{rs: rs, now: now}
}

// RuleSet is the rule set the service answers with.
func (s *Service) RuleSet() *classify.RuleSet { return s.rs }

// Prepare builds now what requests share (the parser and the encoder),
// rather than on the first request that needs each: a server does it
// before it listens.
func (s *Service) Prepare() {
	s.Parser()
	s.Encoder()
}

// Parser is the answers parser of the rule set, built on first use.
func (s *Service) Parser() *answers.Parser { return s.parserFor(CommandLine) }

// parserFor is the parser whose problems send their reader to the front
// end n's list of the keys.
func (s *Service) parserFor(n Naming) *answers.Parser {
	s.parserOnce.Do(func() {
		s.parser = answers.New(s.rs).WithKeysRef(RefKeys.Name(CommandLine))
		s.httpParser = s.parser.WithKeysRef(RefKeys.Name(HTTP))
	})
	if n == HTTP {
		return s.httpParser
	}
	return s.parser
}

// Encoder is the result encoder of the rule set, built on first use: a
// command that writes no JSON result never prepares one.
func (s *Service) Encoder() *resultjson.Encoder {
	s.encoderOnce.Do(func() { s.encoder = resultjson.New(s.rs) })
	return s.encoder
}

// Today is the date the clock gives, the default of every date option.
func (s *Service) Today() classify.Date { return classify.DateOf(s.now()) }

// AsOf reads the date whose rules apply, given for option o: YYYY-MM-DD,
// or "" for today.
func AsOf(today classify.Date, o Option, v string) (classify.Date, error) {
	if v == "" {
		return today, nil
	}
	return ParseDate(o, v)
}
