// Package golden compares what a test renders with a file under testdata
// that is reviewed like code, and rewrites the file when the tests run
// with -update. It is the repository's one golden mechanism: JSON, text,
// memos and interview screens all go through Check, with one flag.
//
// Only tests import it.
package golden

import (
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	// The -update flag is the one teatest's golden package defines: a test
	// binary that links teatest has it already, and a second flag of that
	// name would panic when the binary starts. Importing the package here
	// defines it in every test binary that uses Check, and initialises it
	// before this package, so that one flag drives both.
	_ "github.com/charmbracelet/x/exp/golden"
)

// Update reports whether the tests run with -update, and so rewrite the
// golden files instead of failing on a difference.
func Update() bool {
	f := flag.Lookup("update")
	if f == nil {
		return false
	}
	on, _ := f.Value.(flag.Getter).Get().(bool)
	return on
}

// Path is testdata/<Test>/<name>.golden: the golden file called name of the
// top-level test t belongs to.
func Path(t testing.TB, name string) string {
	return filepath.Join("testdata", strings.Split(t.Name(), "/")[0], name+".golden")
}

// Check compares got with the golden file at path, relative to the test's
// package. Under -update it writes got there first. On a difference it
// fails with the lines that differ (-want +got) and the command that
// rewrites the file.
func Check(t testing.TB, path string, got []byte) {
	t.Helper()
	if Update() {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v\nto write it: %s", err, Command(t))
		return
	}
	// Line by line, so that a changed word shows in its line, and located
	// at the first line that differs.
	wantLines, gotLines := strings.Split(string(want), "\n"), strings.Split(string(got), "\n")
	if diff := cmp.Diff(wantLines, gotLines); diff != "" {
		t.Errorf("%s:%d: differs (-want +got):\n%s\nif the change is meant: %s, and review the file's diff",
			path, firstDifference(wantLines, gotLines), diff, Command(t))
	}
}

// firstDifference is the number, from 1, of the first line where a and b
// differ.
func firstDifference(a, b []string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n + 1
}

// Command is the go test command line that reruns t alone with -update.
func Command(t testing.TB) string {
	parts := strings.Split(t.Name(), "/")
	for i, p := range parts {
		parts[i] = "^" + regexp.QuoteMeta(p) + "$"
	}
	return "go test " + packageDir() + " -run '" + strings.Join(parts, "/") + "' -update"
}

// packageDir is the test's package as go test names it from the module's
// root (./internal/memo), or "." when the root is not found.
func packageDir() string {
	wd, err := os.Getwd()
	if err != nil {
		return "."
	}
	for dir := wd; ; dir = filepath.Dir(dir) {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			rel, err := filepath.Rel(dir, wd)
			if err != nil || rel == "." {
				return "."
			}
			return "./" + filepath.ToSlash(rel)
		}
		if filepath.Dir(dir) == dir {
			return "."
		}
	}
}
