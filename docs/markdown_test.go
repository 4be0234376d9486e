package docs

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCodeFences: every code block of the README and the documents here is
// closed, and a block opens with its language (```sh) while a closing
// fence is bare, so that a missing fence cannot swallow the prose and the
// headings after it.
func TestCodeFences(t *testing.T) {
	files, _ := filepath.Glob("*.md")
	files = append(files, "../README.md")
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		open := 0 // line of the open fence, 0 outside a block
		for n, line := range strings.Split(string(data), "\n") {
			if !strings.HasPrefix(line, "```") {
				continue
			}
			lang := strings.TrimSpace(strings.TrimPrefix(line, "```"))
			switch {
			case open == 0 && lang == "":
				t.Errorf("%s:%d: a code block opens without a language: a closing fence whose block lost its opening one?", f, n+1)
				open = n + 1
			case open == 0:
				open = n + 1
			case lang != "":
				t.Errorf("%s:%d: a code block opens inside the one opened at line %d", f, n+1, open)
			default:
				open = 0
			}
		}
		if open != 0 {
			t.Errorf("%s:%d: code block not closed", f, open)
		}
	}
}
