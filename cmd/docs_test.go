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
	for _, page := range []string{"b22.1", "b22-classify.1", "b22-memo.1", "b22-completion-fish.1"} {
		data, err := os.ReadFile(filepath.Join(dir, page))
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{`.TH "B22" "1" "Nov 2025" "b22 v1.2.3" "b22 manual"`, "--rules"} {
			if !strings.Contains(string(data), want) {
				t.Errorf("%s lacks %q", page, want)
			}
		}
	}
	data, _ := os.ReadFile(filepath.Join(dir, "b22-classify.1"))
	if !strings.Contains(string(data), "--fields") || strings.Contains(string(data), "`") {
		t.Errorf("b22-classify.1: want --fields and no raw backticks:\n%s", data)
	}
}
