package classify_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"b22/classify"
)

// TestCoreAPI: the core's entry points are few and named here, so that
// widening them is a decision written down rather than a side effect. The
// rule set's state is its own, one method evaluates (with options, not a
// method per extra), what only one package uses is out of sight, and no
// method of the core writes words for people.
func TestCoreAPI(t *testing.T) {
	rs := reflect.TypeFor[classify.RuleSet]()
	for i := range rs.NumField() {
		if f := rs.Field(i); f.IsExported() {
			t.Errorf("RuleSet.%s is exported: a caller could change a rule set every result shares", f.Name)
		}
	}
	for _, tt := range []struct {
		typ  reflect.Type
		want []string
	}{
		{reflect.TypeFor[*classify.RuleSet](), []string{
			// reading the rule set
			"AppliesFrom", "Category", "Effective", "Gates", "ID", "LicenceName", "Parameters", "Questions", "Regimes",
			"Requirements", "Routes", "Scopes", "Sections", "Sources", "Subcategories", "Texts", "Title", "Version", "Notes", "Existing",
			"Question", "QuestionIndex", "Source", "RuleCount", "Covers",
			// what a document's answers mean
			"Asked", "AskedAll", "Canonical", "Fingerprint",
			// checking and evaluating
			"Lint", "Evaluate", "ProcessTexts", "Cite",
		}},
		{reflect.TypeFor[*classify.Question](), []string{"ChoiceIndex", "JSONValue"}},
		{reflect.TypeFor[classify.Pinpoint](), []string{"String"}},
		{reflect.TypeFor[classify.Problems](), []string{"Error", "Is", "Total"}},
	} {
		var got []string
		for i := range tt.typ.NumMethod() {
			got = append(got, tt.typ.Method(i).Name)
		}
		got = withoutTestHooks(got)
		slices.Sort(got)
		slices.Sort(tt.want)
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("methods of %s (-want +got):\n%s", tt.typ, diff)
		}
	}
	want := []string{"DateOf", "FormatCNY", "Load", "NumberValue", "ParseCitation", "ParseDate"}
	if diff := cmp.Diff(want, exportedFuncs(t)); diff != "" {
		t.Errorf("functions of classify (-want +got):\n%s", diff)
	}
}

// withoutTestHooks drops what export_test.go adds for the benchmarks.
func withoutTestHooks(names []string) []string {
	return slices.DeleteFunc(names, func(n string) bool { return n == "LeversOnly" })
}

// exportedFuncs lists the package's exported functions, sorted.
func exportedFuncs(t *testing.T) []string {
	notTest := func(fi fs.FileInfo) bool { return !strings.HasSuffix(fi.Name(), "_test.go") }
	pkgs, err := parser.ParseDir(token.NewFileSet(), ".", notTest, parser.SkipObjectResolution)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, f := range pkgs["classify"].Files {
		for _, d := range f.Decls {
			if fn, ok := d.(*ast.FuncDecl); ok && fn.Recv == nil && fn.Name.IsExported() {
				out = append(out, fn.Name.Name)
			}
		}
	}
	slices.Sort(out)
	return out
}
