package service

import (
	"context"

	"b22/classify"
	"b22/classify/resultjson"
)

// ClassifyRequest asks for the result of one answers document.
type ClassifyRequest struct {
	Document Document
	// AsOf is the date whose rules apply (Service.AsOf reads it).
	AsOf classify.Date
	// Fields are the result's fields to write (ParseFields reads them).
	Fields resultjson.Fields
}

// Classification is a document's result, with the document and rule set
// it came from, which the text report shows beside it.
type Classification struct {
	RuleSet  *classify.RuleSet
	Document *classify.Document
	Result   *classify.Result
	fields   resultjson.Fields
	svc      *Service
}

// Classify parses and classifies one document, with the levers and routes
// a single document's result always has.
func (s *Service) Classify(ctx context.Context, req ClassifyRequest) (*Classification, error) {
	doc, err := s.Parse(ctx, req.Document)
	if err != nil {
		return nil, err
	}
	res, err := s.rs.Evaluate(doc, classify.Options{AsOf: req.AsOf, Levers: true})
	if err != nil {
		return nil, asOfError(OptAsOf, err)
	}
	return &Classification{RuleSet: s.rs, Document: doc, Result: res, fields: req.Fields, svc: s}, nil
}

// JSON is the result as 'b22 classify' writes it: indented, the fields
// asked for.
func (c *Classification) JSON() []byte { return c.svc.Encoder().Indent(c.Result, c.fields) }
