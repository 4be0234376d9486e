package outline_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"reflect"
	"strings"
	"testing"

	"b22/internal/compare"
	"b22/internal/outline"
	"b22/internal/report"
)

// printers are the files that show a result or a comparison to people by
// printing its outline.
var printers = []string{
	"../report/text.go",
	"../compare/text.go",
	"../../tui/result.go",
	"../../tui/outline.go",
}

// resultParts are what a printer would read to walk a result itself.
var resultParts = map[string]bool{
	"Summary": true, "Exclusions": true, "MissingElements": true, "Matched": true, "IfOperated": true,
	"Licence": true, "Requirements": true, "Process": true, "PivotalQuestions": true, "OpenQuestions": true,
	"Routes": true, "Levers": true, "RelatedRegimes": true, "Notes": true, "Sources": true, "Reasons": true,
}

// TestPrintersDoNotWalkResults: the text report, the comparison's text and
// the interview's result screen print an outline; none reads a result's
// parts to order or word them itself, so none can drift from the others.
func TestPrintersDoNotWalkResults(t *testing.T) {
	fset := token.NewFileSet()
	for _, path := range printers {
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if sel, ok := n.(*ast.SelectorExpr); ok && resultParts[sel.Sel.Name] {
				t.Errorf("%s: reads .%s: print the outline instead", fset.Position(sel.Pos()), sel.Sel.Name)
			}
			return true
		})
	}
}

// TestOnePrinter: the text report and the comparison's text are both the
// one text printer's; neither keeps a writer of its own.
func TestOnePrinter(t *testing.T) {
	for _, path := range printers[:2] {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(src), "outline.Write(") || strings.Contains(string(src), "present.Printer") {
			t.Errorf("%s does not print with outline.Write", path)
		}
	}
}

// TestOneTextOptions: the text report and the comparison's text take the
// text printer's options, not copies of them that could drift apart.
func TestOneTextOptions(t *testing.T) {
	want := reflect.TypeFor[outline.TextOptions]()
	for name, got := range map[string]reflect.Type{
		"report.TextOptions":  reflect.TypeFor[report.TextOptions](),
		"compare.TextOptions": reflect.TypeFor[compare.TextOptions](),
	} {
		if got != want {
			t.Errorf("%s is %v, want %v", name, got, want)
		}
	}
}
