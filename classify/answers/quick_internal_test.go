package answers

import (
	"bytes"
	"context"
	"reflect"
	"testing"
	"unicode/utf8"

	"b22/classify"
	"b22/internal/gen"
	"b22/questionnaires"
)

func loadEmbedded(t testing.TB) *Parser {
	t.Helper()
	rs, err := classify.Load(questionnaires.Shipped())
	if err != nil {
		t.Fatal(err)
	}
	return New(rs)
}

// quickAgrees checks the promise quickDocument makes: whatever it accepts,
// the full parser accepts with the same Document.
func quickAgrees(t *testing.T, rs *Parser, data []byte) (accepted bool) {
	t.Helper()
	if !utf8.Valid(data) || bytes.HasPrefix(data, utf8BOM) {
		return false // parseAnswers deals with these before either parser
	}
	quick, ok := rs.quickDocument(data)
	if !ok {
		return false
	}
	full, err := rs.parseAnswersQuick(context.Background(), "q", data, FormatJSON, inFile, false)
	if err != nil {
		t.Fatalf("quick reading accepted what the full parser refuses (%v):\n%s", err, data)
	}
	if !reflect.DeepEqual(quick, full) {
		t.Fatalf("quick reading differs from the full parser:\n%s\nquick %+v\nfull  %+v", data, quick, full)
	}
	return true
}

// Realistic lines, as a stream meets them, are all read the quick way;
// otherwise the quick path would be dead weight.
func TestQuickDocumentReadsGeneratedLines(t *testing.T) {
	rs := loadEmbedded(t)
	lines := bytes.Split(bytes.TrimSpace(gen.Lines(5, 2000)), []byte("\n"))
	for i, line := range lines {
		if !quickAgrees(t, rs, line) {
			t.Fatalf("line %d not read the quick way: %s", i+1, line)
		}
	}
}

// Each of these must go to the full parser, which reports the problem or
// decodes what the quick reading does not.
func TestQuickDocumentDefers(t *testing.T) {
	rs := loadEmbedded(t)
	for _, doc := range []string{
		`{"answers":{"realtime_voice":true,"realtime_voice":false}}`,
		`{"answers":{},"answers":{}}`,
		`{"answers":{"realtime_voice":"yes"}}`,
		`{"answers":{"max_participants":2.5}}`,
		`{"answers":{"max_participants":-1}}`,
		`{"answers":{"max_participants":01}}`,
		`{"answers":{"registered_capital_cny":1e400}}`,
		`{"answers":{"coverage":"everywhere"}}`,
		`{"answers":{"use_cases":["meetings","meetings"]}}`,
		`{"answers":{"use_cases":"meetings"}}`,
		`{"answers":{"unknown_key":1}}`,
		`{"answers":{"realtime_voice":true}} {}`,
		`{"answers":{"realtime_voice":true},}`,
		`{"questionnaire":"b23"}`,
		`{"product":{"name":"a\"b"}}`,
		`{"product":{"name":"tab	here"}}`,
		`{"product":{"colour":"red"}}`,
		`{"\u0061nswers":{}}`,
		`{"realtime_voice":true}`,
		`[]`, ``, `{`, `{"answers":`,
	} {
		if _, ok := rs.quickDocument([]byte(doc)); ok {
			t.Errorf("quick reading accepted %s", doc)
		}
	}
}

// FuzzQuickDocument: the quick reading never accepts what the full parser
// refuses, and never reads a document differently.
func FuzzQuickDocument(f *testing.F) {
	for _, line := range bytes.Split(bytes.TrimSpace(gen.Lines(9, 40)), []byte("\n")) {
		f.Add(line)
	}
	for _, seed := range []string{
		`{}`, ` { "answers" : null , "product" : null , "questionnaire" : null } `,
		`{"product":{"name":"","company":null},"answers":{"coverage":null,"use_cases":[]}}`,
		`{"answers":{"registered_capital_cny":-0,"foreign_ownership_percent":1E2,"max_participants":3e0}}`,
		`{"answers":{"max_participants":1.0e+1}}`,
	} {
		f.Add([]byte(seed))
	}
	rs := loadEmbedded(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		quickAgrees(t, rs, data)
	})
}
