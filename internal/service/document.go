package service

import (
	"context"
	"errors"
	"path/filepath"
	"strings"

	"b22/classify"
	"b22/classify/answers"
)

// Document is an answers document as it was read: its name (a file's
// path, or <stdin>; its problems' file field, and on the command line its
// name in messages), its bytes, and the syntax its name implies.
type Document struct {
	Name   string
	Data   []byte
	Format answers.Format
	// Naming is the front end the document came through, whose words its
	// problems use.
	Naming Naming
}

// FormatOf is the syntax a file's name implies: .json JSON, .yaml and
// .yml YAML, anything else (and stdin) what the content starts with.
func FormatOf(path string) answers.Format {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".json":
		return answers.FormatJSON
	case ".yaml", ".yml":
		return answers.FormatYAML
	}
	return answers.FormatAuto
}

// Check refuses a document too large or empty to parse, before the parser
// sees it.
func (d Document) Check() error {
	if len(d.Data) > answers.MaxDocumentBytes {
		return Errorf(TooLarge, "%s: larger than the %d-byte (1 MiB) limit for an answers document; use %s for many documents", docName(d.Name), answers.MaxDocumentBytes, RefStream)
	}
	if len(strings.TrimSpace(string(d.Data))) == 0 {
		return Errorf(Input, "%s: empty input; expected an answers document (see %s)", docName(d.Name), RefAnswersSchema)
	}
	return nil
}

// Parse checks and parses an answers document. An invalid one is an
// error of kind Invalid that holds every problem (errors.As finds the
// classify.Problems) and words its message for each front end. ctx stops
// the parse of a document that would take too long.
func (s *Service) Parse(ctx context.Context, d Document) (*classify.Document, error) {
	if err := d.Check(); err != nil {
		return nil, err
	}
	doc, err := s.parserFor(d.Naming).ParseContext(ctx, d.Name, d.Data, d.Format)
	var ps classify.Problems
	if errors.As(err, &ps) {
		return nil, &invalidError{name: d.Name, ps: ps}
	}
	return doc, err
}
