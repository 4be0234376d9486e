package service

import (
	"bytes"

	"b22/classify/answers"
	"b22/classify/resultjson"
	"b22/internal/report"
)

// Questions is the questionnaire in format, one of QuestionsFormat: JSON
// for programs, Markdown as docs/questions.md has it.
func (s *Service) Questions(format string) ([]byte, error) {
	if err := QuestionsFormat.Check(format); err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if format == "md" {
		report.WriteQuestionsMarkdown(&b, s.rs)
		return b.Bytes(), nil
	}
	err := WriteJSON(&b, report.QuestionsJSON(s.rs), true)
	return b.Bytes(), err
}

// Schema is the JSON Schema of kind, one of SchemaKind: the answers
// document or the result.
func (s *Service) Schema(kind string) ([]byte, error) {
	if err := SchemaKind.Check(kind); err != nil {
		return nil, err
	}
	v := answers.Schema(s.rs)
	if kind == "result" {
		v = resultjson.Schema(s.rs)
	}
	var b bytes.Buffer
	err := WriteJSON(&b, v, true)
	return b.Bytes(), err
}
