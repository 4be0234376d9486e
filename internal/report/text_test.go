package report_test

import (
	"bytes"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"b22/classify"
	"b22/classify/answers"
	"b22/internal/report"
	"b22/questionnaires"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

// TestTextGolden pins the text output of every shipped example in both
// languages, at 80 columns without colour, levers included.
func TestTextGolden(t *testing.T) {
	rs, err := classify.Load(questionnaires.B22())
	if err != nil {
		t.Fatal(err)
	}
	asOf, _ := classify.ParseDate("2026-11-01")
	examples, _ := fs.Glob(questionnaires.B22(), "examples/*")
	if len(examples) == 0 {
		t.Fatal("no examples")
	}
	for _, ex := range examples {
		for _, lang := range []string{"en", "zh"} {
			name := strings.TrimSuffix(filepath.Base(ex), filepath.Ext(ex)) + "." + lang
			t.Run(name, func(t *testing.T) {
				data, _ := fs.ReadFile(questionnaires.B22(), ex)
				doc, err := answers.New(rs).Parse(ex, data, answers.FormatAuto)
				if err != nil {
					t.Fatal(err)
				}
				r, err := rs.Assess(doc, asOf)
				if err != nil {
					t.Fatal(err)
				}
				var b bytes.Buffer
				report.WriteText(&b, rs, doc, r, report.TextOptions{Lang: lang, Width: 80})
				path := filepath.Join("testdata", "text", name+".golden")
				if *update {
					os.MkdirAll(filepath.Dir(path), 0o755)
					os.WriteFile(path, b.Bytes(), 0o644)
				}
				want, err := os.ReadFile(path)
				if err != nil {
					t.Fatalf("%v (go test -update writes it)", err)
				}
				if !bytes.Equal(want, b.Bytes()) {
					t.Errorf("%s differs from the text written now; review and run go test -update", path)
				}
			})
		}
	}
}
