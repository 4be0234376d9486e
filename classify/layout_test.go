package classify_test

import (
	"go/build"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// The import directions of docs/architecture.md: the engine knows nothing
// of files, terminals or renderers, and the renderers never reach into the
// command line. A package that breaks them fails here, by name.
func TestImportDirections(t *testing.T) {
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	imports := map[string][]string{} // package path → what it imports
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) && path != root {
			return filepath.SkipDir
		}
		if !d.IsDir() {
			return nil
		}
		p, err := build.ImportDir(path, 0)
		if err != nil {
			return nil // no Go files here
		}
		rel, _ := filepath.Rel(root, path)
		imports["b22/"+filepath.ToSlash(rel)] = p.Imports
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(imports) < 10 {
		t.Fatalf("found only %d packages under %s; the walk is wrong", len(imports), root)
	}
	engine := func(pkg string) bool { return pkg == "b22/classify" || strings.HasPrefix(pkg, "b22/classify/") }
	for pkg, deps := range imports {
		for _, dep := range deps {
			switch {
			case engine(pkg) && strings.HasPrefix(dep, "b22/") && !engine(dep):
				t.Errorf("%s imports %s: the engine imports nothing of b22 outside classify/", pkg, dep)
			case engine(pkg) && isIO(dep):
				t.Errorf("%s imports %s: the engine reads rule sets through fs.FS and writes nothing", pkg, dep)
			case engine(pkg) && strings.Contains(strings.Split(dep, "/")[0], ".") && dep != "go.yaml.in/yaml/v3":
				t.Errorf("%s imports %s: the engine's only outside dependency is the YAML parser", pkg, dep)
			case pkg == "b22/classify" && strings.HasPrefix(dep, "b22/classify/") && !strings.HasPrefix(dep, "b22/classify/internal/"):
				t.Errorf("%s imports %s: the core is below answers and resultjson, not above them", pkg, dep)
			case !strings.HasPrefix(pkg, "b22/cmd") && strings.HasPrefix(dep, "b22/cmd"):
				t.Errorf("%s imports %s: only the command line wires the packages together", pkg, dep)
			case dep == "b22/internal/golden":
				t.Errorf("%s imports %s: golden files are for tests; import it from a _test.go file", pkg, dep)
			case (pkg == "b22/tui" || strings.HasPrefix(pkg, "b22/internal/")) && slices.Contains(renderers, dep) && !slices.Contains(allowedRenderer[pkg], dep):
				t.Errorf("%s imports %s: renderers share words through internal/present, not each other", pkg, dep)
			}
		}
	}
}

// renderers present results to people, each in its own medium.
var renderers = []string{"b22/tui", "b22/internal/report", "b22/internal/memo"}

// allowedRenderer lists the renderers a package may build on: the
// interview's plain mode prints the text report; the service, which the
// command line and the HTTP API share, renders memos and the
// questionnaire as they are asked for.
var allowedRenderer = map[string][]string{
	"b22/tui":              {"b22/internal/report"},
	"b22/internal/service": {"b22/internal/memo", "b22/internal/report"},
}

// isIO reports whether a standard package reaches files, processes, the
// network or the terminal.
func isIO(dep string) bool {
	for _, p := range []string{"os", "net", "syscall", "log", "bufio", "embed"} {
		if dep == p || strings.HasPrefix(dep, p+"/") {
			return true
		}
	}
	return false
}
