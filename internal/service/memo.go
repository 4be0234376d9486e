package service

import (
	"context"
	"errors"

	"b22/classify"
	"b22/internal/memo"
)

// MemoDates are the two dates of a memo: the day it is prepared, and the
// day whose rules apply, which is that day unless given apart.
type MemoDates struct {
	Date, AsOf classify.Date
	// asOfFromDate says AsOf was not given and follows Date, so that a
	// date before the rules is worded as Date's.
	asOfFromDate bool
}

// ParseMemoDates reads the date option (YYYY-MM-DD, or "" for today)
// and the as-of option (YYYY-MM-DD, or "" for the date).
func ParseMemoDates(today classify.Date, date, asOf string) (MemoDates, error) {
	var d MemoDates
	var err error
	d.Date = today
	if date != "" {
		if d.Date, err = ParseDate(OptDate, date); err != nil {
			return d, err
		}
	}
	if asOf == "" {
		d.AsOf, d.asOfFromDate = d.Date, true
		return d, nil
	}
	d.AsOf, err = ParseDate(OptAsOf, asOf)
	return d, err
}

// MemoOptions are the memo's format, language and header, as the memo
// package takes them; a front end needs no other import to ask for one.
type MemoOptions = memo.Options

// MemoRequest asks for the memo of one answers document.
type MemoRequest struct {
	Document Document
	Dates    MemoDates
	// Options are the memo's format, language and header; their Date is
	// Dates.Date.
	Options MemoOptions
}

// Memo renders the memo of one document, as of its dates.
func (s *Service) Memo(ctx context.Context, req MemoRequest) ([]byte, error) {
	doc, err := s.Parse(ctx, req.Document)
	if err != nil {
		return nil, err
	}
	res, err := s.rs.Evaluate(doc, classify.Options{AsOf: req.Dates.AsOf, Levers: true})
	if errors.Is(err, classify.ErrAsOf) && req.Dates.asOfFromDate {
		return nil, Errorf(Usage, "%s %s: the rules apply from %s; give a later %s, or %s", OptDate, req.Dates.Date, s.rs.AppliesFrom(), OptDate, OptAsOf)
	}
	if err != nil {
		return nil, asOfError(OptAsOf, err)
	}
	if err := ctx.Err(); err != nil {
		return nil, err // the memo would come too late to be worth rendering
	}
	o := req.Options
	o.Date = req.Dates.Date
	data, err := memo.Render(s.rs, doc, res, o)
	if errors.Is(err, memo.ErrOptions) {
		return nil, Errorf(Usage, "%w", err)
	}
	return data, err
}
