package cmd

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/spf13/cobra"
)

// runArgs runs b22 with args, stdin empty and not a terminal, and returns
// the exit code, stdout and stderr.
func runArgs(args ...string) (int, string, string) {
	var out, errOut bytes.Buffer
	code := mainAt(args, Streams{In: strings.NewReader(""), Out: &out, Err: &errOut}, time.Now)
	return code, out.String(), errOut.String()
}

// commandPaths are the commands of the tree under root, as the words that
// name them ("completion bash"), but cobra's hidden __complete.
func commandPaths(c *cobra.Command, prefix []string) [][]string {
	var paths [][]string
	for _, sub := range c.Commands() {
		if sub.Hidden {
			continue
		}
		path := append(append([]string{}, prefix...), sub.Name())
		paths = append(paths, path)
		paths = append(paths, commandPaths(sub, path)...)
	}
	return paths
}

// TestArgsErrors: every command of the tree (cobra's completion and help
// among them), given arguments it does not take, refuses them before any
// work, in the tool's voice and as a usage error: exit 2, nothing on
// stdout, one line naming the command, what it takes, what it got and
// where its help is.
func TestArgsErrors(t *testing.T) {
	root := newRootCmd(&app{s: Streams{In: strings.NewReader("")}, now: time.Now})
	root.InitDefaultHelpCmd() // as Execute does
	paths := commandPaths(root, nil)
	if len(paths) < 15 {
		t.Fatalf("%d commands in the tree: %v", len(paths), paths)
	}
	check := func(t *testing.T, path []string, args []string, got string) {
		t.Helper()
		code, stdout, stderr := runArgs(append(append([]string{}, path...), args...)...)
		name := strings.Join(path, " ")
		want := regexp.MustCompile(`^b22: ` + regexp.QuoteMeta(name) + ` (takes|needs) [^\n]+; got ` + regexp.QuoteMeta(got) + `( \(did you mean "[a-z]+"\?\))? \(see 'b22 ` + regexp.QuoteMeta(name) + ` --help'\)\n$`)
		if code != exitInvalid || stdout != "" || !want.MatchString(stderr) {
			t.Errorf("b22 %s %s: exit %d, stdout %q, stderr %q; want exit 2, nothing on stdout and stderr matching %s", name, strings.Join(args, " "), code, stdout, stderr, want)
		}
	}
	// More than any command takes.
	for _, path := range paths {
		t.Run(strings.Join(path, " "), func(t *testing.T) {
			check(t, path, []string{"x1", "x2", "x3", "x4", "x5"}, `5: "x1" "x2" "x3" …`)
		})
	}
	// Fewer than those that need one take, or a word they do not know.
	for _, c := range []struct {
		path, args []string
		got        string
	}{
		{[]string{"schema"}, nil, "none"},
		{[]string{"schema"}, []string{"resul"}, `1: "resul"`},
		{[]string{"compare"}, nil, "none"},
		{[]string{"compare"}, []string{"a.json"}, `1: "a.json"`},
		{[]string{"test"}, nil, "none"},
		{[]string{"completion"}, nil, "none"},
		{[]string{"completion"}, []string{"bsh"}, `1: "bsh"`},
		{[]string{"help"}, []string{"clasify"}, `1: "clasify"`},
		{[]string{"help"}, []string{"classify", "extra"}, `2: "classify" "extra"`},
	} {
		t.Run(strings.Join(append(c.path, c.args...), " "), func(t *testing.T) {
			check(t, c.path, c.args, c.got)
		})
	}
}
