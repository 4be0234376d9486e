package classify_test

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"

	"b22/classify"
	"b22/classify/answers"
	"b22/internal/golden"
	"b22/questionnaires"
)

// TestGoldenJSON pins the full JSON result of every shipped example.
func TestGoldenJSON(t *testing.T) {
	rs := embedded(t)
	examples, err := fs.Glob(questionnaires.Shipped(), "examples/*")
	if err != nil || len(examples) == 0 {
		t.Fatalf("no examples: %v", err)
	}
	for _, ex := range examples {
		t.Run(filepath.Base(ex), func(t *testing.T) {
			data, err := fs.ReadFile(questionnaires.Shipped(), ex)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := parserOf(rs).Parse(ex, data, answers.FormatAuto)
			if err != nil {
				t.Fatal(err)
			}
			// As 'b22 classify FILE' writes it: with what would change it.
			// The routes are the scenarios' to check; these files have none.
			r, err := rs.Evaluate(doc, classify.Options{AsOf: asOf, Levers: true})
			if err != nil {
				t.Fatal(err)
			}
			r.Routes = nil
			var b bytes.Buffer
			enc := json.NewEncoder(&b)
			enc.SetEscapeHTML(false)
			enc.SetIndent("", "  ")
			if err := enc.Encode(r); err != nil {
				t.Fatal(err)
			}
			golden.Check(t, golden.Path(t, strings.TrimSuffix(filepath.Base(ex), filepath.Ext(ex))), b.Bytes())
		})
	}
}
