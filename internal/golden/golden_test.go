package golden

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// recorder is a test that keeps its failures instead of failing.
type recorder struct {
	testing.TB
	failures []string
}

func (r *recorder) Helper() {}

func (r *recorder) Errorf(format string, args ...any) {
	r.failures = append(r.failures, fmt.Sprintf(format, args...))
}

func (r *recorder) Fatalf(format string, args ...any) { r.Errorf(format, args...) }

// TestCheck: the same bytes pass; a changed line fails at its line, shows
// both versions and says how to rewrite the file; a missing file fails
// with the same advice.
func TestCheck(t *testing.T) {
	if Update() {
		t.Skip("-update rewrites files rather than fail on them")
	}
	path := filepath.Join(t.TempDir(), "screen.golden")
	if err := os.WriteFile(path, []byte("one\ntwo\nthree\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	same := &recorder{TB: t}
	Check(same, path, []byte("one\ntwo\nthree\n"))
	if len(same.failures) != 0 {
		t.Errorf("Check of the same bytes failed: %v", same.failures)
	}

	changed := &recorder{TB: t}
	Check(changed, path, []byte("one\n2\nthree\n"))
	if len(changed.failures) != 1 {
		t.Fatalf("Check of a changed line gave %d failures, want 1", len(changed.failures))
	}
	msg := changed.failures[0]
	for _, want := range []string{path + ":2: differs (-want +got)", `"two"`, `"2"`, "go test ./internal/golden -run '^TestCheck$' -update"} {
		if !strings.Contains(msg, want) {
			t.Errorf("the failure lacks %q:\n%s", want, msg)
		}
	}

	missing := &recorder{TB: t}
	Check(missing, filepath.Join(t.TempDir(), "none.golden"), []byte("x"))
	if len(missing.failures) != 1 || !strings.Contains(missing.failures[0], "-update") {
		t.Errorf("Check of a missing file = %v, want one failure that says how to write it", missing.failures)
	}
}

// TestUpdate: -update writes the file, and Check then passes.
func TestUpdate(t *testing.T) {
	f := flag.Lookup("update")
	if f == nil {
		t.Fatal("no -update flag: the package must define it through teatest's golden package")
	}
	was := f.Value.String()
	if err := f.Value.Set("true"); err != nil {
		t.Fatal(err)
	}
	defer f.Value.Set(was)
	path := filepath.Join(t.TempDir(), "new", "file.golden")
	r := &recorder{TB: t}
	Check(r, path, []byte("written\n"))
	if got, err := os.ReadFile(path); err != nil || string(got) != "written\n" || len(r.failures) != 0 {
		t.Errorf("under -update: file %q (%v), failures %v", got, err, r.failures)
	}
}

// TestPath: a golden file lives under testdata/<Test>/, for subtests too.
func TestPath(t *testing.T) {
	t.Run("case", func(t *testing.T) {
		if got, want := Path(t, "meeting-app.en"), filepath.Join("testdata", "TestPath", "meeting-app.en.golden"); got != want {
			t.Errorf("Path = %s, want %s", got, want)
		}
	})
}
