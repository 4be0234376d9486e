package cmd

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"b22/internal/gen/clidocs"
)

// TestCommandReferenceIsCurrent keeps docs/cli equal to what the command
// tree gives; after changing a command, its flags or its help:
//
//	go generate ./cmd/b22docs
func TestCommandReferenceIsCurrent(t *testing.T) {
	dir := t.TempDir()
	if err := clidocs.Markdown(CommandTree(), dir); err != nil {
		t.Fatal(err)
	}
	const committed = "../docs/cli"
	want, got := mdFiles(t, committed), mdFiles(t, dir)
	if !slices.Equal(want, got) {
		t.Fatalf("docs/cli has %v, the command tree gives %v; run go generate ./cmd/b22docs", want, got)
	}
	for _, name := range got {
		w, err := os.ReadFile(filepath.Join(committed, name))
		if err != nil {
			t.Fatal(err)
		}
		g, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(string(w), string(g)); diff != "" {
			t.Errorf("docs/cli/%s is stale (-file +generated; go generate ./cmd/b22docs):\n%s", name, diff)
		}
	}
}

func mdFiles(t *testing.T, dir string) []string {
	t.Helper()
	names, err := filepath.Glob(filepath.Join(dir, "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	for i, n := range names {
		names[i] = filepath.Base(n)
	}
	slices.Sort(names)
	return names
}

// The manual pages are made for a release, not kept: this checks that they
// can be, one per command, with the flags and the date a release gives.
func TestManPages(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1764374400") // 2025-11-29
	dir := t.TempDir()
	if err := clidocs.Man(CommandTree(), dir, "v1.2.3"); err != nil {
		t.Fatal(err)
	}
	// Each page is titled by its own command, as man lists and shows it.
	for page, title := range map[string]string{"b22.1": "B22", "b22-classify.1": "B22-CLASSIFY", "b22-memo.1": "B22-MEMO", "b22-completion-fish.1": "B22-COMPLETION-FISH"} {
		data, err := os.ReadFile(filepath.Join(dir, page))
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{`.TH "` + title + `" "1" "Nov 2025" "b22 v1.2.3" "b22 manual"`, "--rules"} {
			if !strings.Contains(string(data), want) {
				t.Errorf("%s lacks %q", page, want)
			}
		}
	}
	data, _ := os.ReadFile(filepath.Join(dir, "b22-classify.1"))
	if !strings.Contains(string(data), "--fields") || strings.Contains(string(data), "`") {
		t.Errorf("b22-classify.1: want --fields and no raw backticks:\n%s", data)
	}
	// Options show the placeholders --help shows, not cobra's defaults.
	for _, want := range []string{`\fB--as-of\fP \fIYYYY-MM-DD\fP`, `\fB--fields\fP \fIfields\fP`, "\\fB--jsonl\\fP\n", `\fB--color\fP \fIwhen\fP`, "(default auto)"} {
		if !strings.Contains(string(data), want) {
			t.Errorf("b22-classify.1 lacks %q", want)
		}
	}
	for _, bad := range []string{`--as-of\fP=""`, `--fields\fP=[]`, `[=false]`} {
		if strings.Contains(string(data), bad) {
			t.Errorf("b22-classify.1 has %q", bad)
		}
	}
}
