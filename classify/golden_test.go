package classify_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"b22/classify"
	"b22/classify/answers"
	"b22/questionnaires"
)

var update = flag.Bool("update", false, "rewrite golden files")

// golden compares got with testdata/<test>/<name>.golden, rewriting it
// under -update. Golden files are reviewed like code.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", strings.Split(t.Name(), "/")[0], name+".golden")
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s differs (-want +got):\n%s", path, diff)
	}
}

// TestGoldenJSON pins the full JSON result of every shipped example.
func TestGoldenJSON(t *testing.T) {
	rs := embedded(t)
	examples, err := fs.Glob(questionnaires.B22(), "examples/*")
	if err != nil || len(examples) == 0 {
		t.Fatalf("no examples: %v", err)
	}
	for _, ex := range examples {
		t.Run(filepath.Base(ex), func(t *testing.T) {
			data, err := fs.ReadFile(questionnaires.B22(), ex)
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
			golden(t, strings.TrimSuffix(filepath.Base(ex), filepath.Ext(ex)), b.Bytes())
		})
	}
}
