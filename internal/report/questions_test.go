package report_test

import (
	"bytes"
	"testing"

	"b22/classify"
	"b22/internal/golden"
	"b22/internal/report"
	"b22/questionnaires"
)

// TestQuestionsDocIsCurrent keeps docs/questions.md equal to what
// 'b22 questions --format md' prints: it is that command's golden file,
// rewritten with go test ./internal/report -update.
func TestQuestionsDocIsCurrent(t *testing.T) {
	rs, err := classify.Load(questionnaires.Shipped())
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	report.WriteQuestionsMarkdown(&b, rs)
	golden.Check(t, "../../docs/questions.md", b.Bytes())
}
