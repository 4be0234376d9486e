package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"b22/classify"
)

// TestFilesNotOverwritten: the result screen's m and o never replace a
// file the interview did not write in this session (a memo a lawyer has
// edited, a result JSON from last week): they write beside it and say
// where; a file they wrote themselves is written again in place.
func TestFilesNotOverwritten(t *testing.T) {
	for _, lang := range []string{"en", "zh"} {
		t.Run(lang, func(t *testing.T) {
			o := testOptions(t, lang)
			memos := 0
			o.Memo = func(*classify.Document, *classify.Result, string) ([]byte, error) {
				memos++
				return []byte("memo " + strings.Repeat("x", memos)), nil
			}
			dir := filepath.Dir(o.Path)
			edited := []byte("the lawyer's edited memo")
			old := []byte(`{"old": "result"}`)
			if err := os.WriteFile(MemoPath(o.Path), edited, 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(ResultPath(o.Path), old, 0o644); err != nil {
				t.Fatal(err)
			}
			d := newDriver(t, o, 80, 24)
			d.keys(walkKeys...)
			d.keys("r", "m")
			memo2 := filepath.Join(dir, "answers.memo-2.md")
			d.wantView("answers.memo-2.md", "answers.memo.md")
			d.keys("o")
			result2 := filepath.Join(dir, "answers.result-2.json")
			d.wantView("answers.result-2.json", "answers.result.json")
			for path, want := range map[string]string{MemoPath(o.Path): string(edited), ResultPath(o.Path): string(old), memo2: "memo x"} {
				if got, err := os.ReadFile(path); err != nil || string(got) != want {
					t.Errorf("%s = %q (%v), want %q", path, got, err, want)
				}
			}
			if got, err := os.ReadFile(result2); err != nil || !strings.Contains(string(got), `"verdict"`) {
				t.Errorf("%s = %q (%v), want the result", result2, got, err)
			}
			// Written again: the session's own file, in place.
			d.keys("m")
			if got, _ := os.ReadFile(memo2); string(got) != "memo xx" {
				t.Errorf("second memo: %s = %q, want it rewritten", memo2, got)
			}
			if _, err := os.Stat(filepath.Join(dir, "answers.memo-3.md")); err == nil {
				t.Error("second memo went to a third file")
			}
			if got, _ := os.ReadFile(MemoPath(o.Path)); string(got) != string(edited) {
				t.Errorf("the edited memo changed: %q", got)
			}
		})
	}
}

// TestFilesWrittenWhenFree: with nothing in the way, m and o write the
// usual names.
func TestFilesWrittenWhenFree(t *testing.T) {
	o := testOptions(t, "en")
	o.Memo = func(*classify.Document, *classify.Result, string) ([]byte, error) { return []byte("memo"), nil }
	d := newDriver(t, o, 80, 24)
	d.keys(walkKeys...)
	d.keys("r", "m")
	d.wantView("Memo saved to")
	d.noView("kept")
	for _, p := range []string{MemoPath(o.Path)} {
		if _, err := os.Stat(p); err != nil {
			t.Error(err)
		}
	}
}
