package outline_test

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
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

// memoCompletes are what the memo's Render may read of a result: the
// levers and routes it works out when the caller did not ask for them,
// and the date they are worked out for. Everything else reaches the memo
// through the result's outline.
var memoCompletes = map[string]bool{"Levers": true, "Routes": true, "Questionnaire": true}

// TestMemoDoesNotWalkResults: the memo prints the result's outline in
// counsel's prose; none of its files reads a part of a result, but for
// Render completing the result before outlining it. The package is type
// checked, so that a part read under any name, through any variable, is
// found.
func TestMemoDoesNotWalkResults(t *testing.T) {
	fset := token.NewFileSet()
	paths, err := filepath.Glob("../memo/*.go")
	if err != nil {
		t.Fatal(err)
	}
	var files []*ast.File
	for _, path := range paths {
		if strings.HasSuffix(path, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	info := &types.Info{Selections: map[*ast.SelectorExpr]*types.Selection{}}
	conf := types.Config{Importer: importer.ForCompiler(fset, "source", nil)}
	if _, err := conf.Check("b22/internal/memo", fset, files, info); err != nil {
		t.Fatal(err)
	}
	var render *ast.FuncDecl
	for _, f := range files {
		for _, d := range f.Decls {
			if fn, ok := d.(*ast.FuncDecl); ok && fn.Recv == nil && fn.Name.Name == "Render" {
				render = fn
			}
		}
	}
	if render == nil {
		t.Fatal("no memo.Render")
	}
	reads := 0
	for sel, s := range info.Selections {
		if !isResult(s.Recv()) {
			continue
		}
		reads++
		inRender := sel.Pos() >= render.Pos() && sel.End() <= render.End()
		if !inRender || !memoCompletes[sel.Sel.Name] {
			t.Errorf("%s: the memo reads the result's .%s: take it from the outline", fset.Position(sel.Pos()), sel.Sel.Name)
		}
	}
	if reads == 0 {
		t.Error("Render reads nothing of the result: the check finds no selection at all")
	}
}

// isResult reports whether t is classify.Result or a pointer to one.
func isResult(t types.Type) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "b22/classify" && n.Obj().Name() == "Result"
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
