package docs

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// module is the module path of the packages the table names.
const module = "b22"

// TestArchitectureTable holds the package table of architecture.md to
// what go list reports: a row for every package and none for a package
// that is not there, and in each row's Imports column exactly the
// packages of this module and of other modules the package imports (its
// tests aside). Every word in backquotes in that column is an import
// path: this module's relative to its root (`classify`,
// `internal/present`), the others in full, a tree of packages as
// `github.com/charmbracelet/bubbles/...`. Standard packages are named
// only after "without" (up to a ";"): those the package must not import
// (`os`: nor os/exec). Each failure says which row to change and how.
func TestArchitectureTable(t *testing.T) {
	rows, err := readPackageTable("architecture.md")
	if err != nil {
		t.Fatal(err)
	}
	pkgs := goList(t)

	seen := map[string]bool{}
	for _, r := range rows {
		path := module + "/" + strings.TrimSuffix(r.pkg, "/")
		if seen[path] {
			t.Errorf("architecture.md:%d: a second row for `%s`: merge the two", r.line, r.pkg)
		}
		seen[path] = true
		imports, ok := pkgs[path]
		if !ok {
			t.Errorf("architecture.md:%d: the row `%s` names no package (go list ./... has no %s): remove the row or correct its name", r.line, r.pkg, path)
			continue
		}
		var stated []string
		for _, imp := range r.imports {
			if first, _, _ := strings.Cut(imp, "/"); !strings.Contains(first, ".") {
				imp = module + "/" + strings.TrimSuffix(imp, "/")
			}
			stated = append(stated, imp)
		}
		var remove, add []string
		for _, imp := range stated {
			if !slices.ContainsFunc(imports, func(dep string) bool { return matches(imp, dep) }) {
				remove = append(remove, "`"+shortName(imp)+"`")
			}
		}
		for _, dep := range imports {
			if !isStandard(dep) && !slices.ContainsFunc(stated, func(imp string) bool { return matches(imp, dep) }) {
				add = append(add, "`"+shortName(dep)+"`")
			}
		}
		if len(remove)+len(add) > 0 {
			t.Errorf("architecture.md:%d: the Imports of `%s` are not what %s imports:%s%s\nthe column should read: %s",
				r.line, r.pkg, path, listed("\nremove (not imported)", remove), listed("\nadd (imported)", add), importsCell(imports))
		}
		for _, bad := range r.without {
			for _, dep := range imports {
				if dep == bad || strings.HasPrefix(dep, bad+"/") {
					t.Errorf("architecture.md:%d: %s imports `%s`, which its row says it does without: take the import out, or the package from the row's \"without\"", r.line, path, dep)
				}
			}
		}
	}
	for _, path := range sortedKeys(pkgs) {
		if !seen[path] {
			t.Errorf("architecture.md: no row for %s: add | `%s/` | what it holds | %s | to the package table",
				path, strings.TrimPrefix(path, module+"/"), importsCell(pkgs[path]))
		}
	}
}

// tableRow is one row of the package table.
type tableRow struct {
	line    int
	pkg     string   // `classify/`
	imports []string // as written: `classify`, `github.com/spf13/cobra`
	without []string // standard packages it must not import
}

// readPackageTable reads the table whose header is | Package | Holds |
// Imports |.
func readPackageTable(name string) ([]tableRow, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	var rows []tableRow
	in := false
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		cells := tableCells(line)
		switch {
		case len(cells) == 3 && cells[0] == "Package" && cells[2] == "Imports":
			in = true
		case !in:
		case !strings.HasPrefix(line, "|"):
			in = false
		case strings.HasPrefix(line, "|---"):
		case len(cells) != 3:
			return nil, fmt.Errorf("%s:%d: a row of the package table has %d cells, want 3 (Package | Holds | Imports)", name, n, len(cells))
		default:
			pkg := quoted(cells[0])
			if len(pkg) != 1 {
				return nil, fmt.Errorf("%s:%d: the Package cell %q should name one package in backquotes", name, n, cells[0])
			}
			r := tableRow{line: n, pkg: pkg[0]}
			stated, without, _ := strings.Cut(cells[2], "without")
			without, rest, _ := strings.Cut(without, ";")
			r.imports = append(quoted(stated), quoted(rest)...)
			r.without = quoted(without)
			rows = append(rows, r)
		}
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("%s has no table headed | Package | Holds | Imports |", name)
	}
	return rows, sc.Err()
}

// tableCells splits a Markdown table row into its trimmed cells; a | in
// backquotes does not split.
func tableCells(line string) []string {
	if !strings.HasPrefix(line, "|") || !strings.HasSuffix(line, "|") || len(line) < 2 {
		return nil
	}
	var cells []string
	var cell strings.Builder
	code := false
	for _, r := range line[1 : len(line)-1] {
		switch {
		case r == '`':
			code = !code
		case r == '|' && !code:
			cells = append(cells, strings.TrimSpace(cell.String()))
			cell.Reset()
			continue
		}
		cell.WriteRune(r)
	}
	return append(cells, strings.TrimSpace(cell.String()))
}

// quoted are the words of s in backquotes.
func quoted(s string) []string {
	parts := strings.Split(s, "`")
	var out []string
	for i := 1; i < len(parts); i += 2 {
		out = append(out, parts[i])
	}
	return out
}

// goList is each package of the module with what it imports (not its
// tests).
func goList(t *testing.T) map[string][]string {
	t.Helper()
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command to list the packages with")
	}
	cmd := exec.Command("go", "list", "-f", `{{.ImportPath}}{{range .Imports}} {{.}}{{end}}`, "./...")
	cmd.Dir = ".."
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list ./...: %v", err)
	}
	pkgs := map[string][]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.Fields(line)
		pkgs[f[0]] = append([]string{}, f[1:]...)
	}
	return pkgs
}

// matches reports whether the import path dep is the stated import, or
// under it when it ends in "/...".
func matches(stated, dep string) bool {
	if tree, ok := strings.CutSuffix(stated, "/..."); ok {
		return dep == tree || strings.HasPrefix(dep, tree+"/")
	}
	return stated == dep
}

// isStandard reports whether an import path is of the standard library:
// neither of this module nor with a dot in its first element.
func isStandard(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return first != module && !strings.Contains(first, ".")
}

// listed is "label: a, b", or "" for no names.
func listed(label string, names []string) string {
	if len(names) == 0 {
		return ""
	}
	return label + ": " + strings.Join(names, ", ")
}

// shortName is an import path as the table writes it.
func shortName(path string) string { return strings.TrimPrefix(path, module+"/") }

// importsCell is what the Imports column should name for these imports.
func importsCell(imports []string) string {
	var names []string
	for _, dep := range imports {
		if !isStandard(dep) {
			names = append(names, "`"+shortName(dep)+"`")
		}
	}
	if len(names) == 0 {
		return "standard library"
	}
	return strings.Join(names, ", ")
}

func sortedKeys(m map[string][]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
