package report_test

import (
	"bytes"
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"

	"b22/classify"
	"b22/internal/report"
	"b22/questionnaires"
)

// TestQuestionsDocIsCurrent keeps docs/questions.md equal to what
// 'b22 questions --format md' prints; regenerate it with
// go run ./cmd/b22 questions --format md > docs/questions.md
func TestQuestionsDocIsCurrent(t *testing.T) {
	rs, err := classify.Load(questionnaires.B22())
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	report.WriteQuestionsMarkdown(&b, rs)
	want, err := os.ReadFile("../../docs/questions.md")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(want), b.String()); diff != "" {
		t.Errorf("docs/questions.md is stale (-file +generated):\n%s", diff)
	}
}
