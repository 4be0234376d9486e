package cmd

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"b22/internal/golden"
)

// TestCompareGolden pins the JSON and text of one comparison, the
// shipped meeting app before and after dropping phone dial-in, and the
// text of one where most sections move: a half-answered document against
// the complete meeting app.
func TestCompareGolden(t *testing.T) {
	dialIn := []string{"../questionnaires/b22/examples/meeting-app.json", "testdata/compare/meeting-app-no-dial-in.json"}
	answered := []string{"../questionnaires/b22/examples/half-known.json", "../questionnaires/b22/examples/meeting-app.json"}
	for _, c := range []struct {
		name  string
		args  []string
		files []string
	}{
		{"json", []string{"--format", "json"}, dialIn},
		{"text-en", []string{"--format", "text", "--lang", "en"}, dialIn},
		{"text-zh", []string{"--format", "text", "--lang", "zh"}, dialIn},
		{"answered-text-en", []string{"--format", "text", "--lang", "en"}, answered},
		{"answered-text-zh", []string{"--format", "text", "--lang", "zh"}, answered},
	} {
		t.Run(c.name, func(t *testing.T) {
			var out, errs bytes.Buffer
			s := Streams{In: strings.NewReader(""), Out: &out, Err: &errs, Getenv: func(string) string { return "" }}
			args := append(append([]string{"compare"}, c.args...), c.files...)
			if code := mainAt(args, s, func() time.Time { return mustTime("2026-11-26") }); code != exitChanged {
				t.Fatalf("b22 %s: exit %d, want %d; stderr: %s", strings.Join(args, " "), code, exitChanged, errs.String())
			}
			if errs.Len() > 0 {
				t.Errorf("stderr: %s", errs.String())
			}
			golden.Check(t, golden.Path(t, c.name), out.Bytes())
		})
	}
}

// On a terminal compare writes text; otherwise JSON. One file needs a
// second date or rule set to be compared with.
func TestCompareOptions(t *testing.T) {
	for _, c := range []struct {
		opts    compareOptions
		files   int
		tty     bool
		want    string
		wantErr string
	}{
		{opts: compareOptions{}, files: 2, tty: true, want: "text"},
		{opts: compareOptions{}, files: 2, want: "json"},
		{opts: compareOptions{Format: "json"}, files: 2, tty: true, want: "json"},
		{opts: compareOptions{ToAsOf: "2019-01-01"}, files: 1, want: "json"},
		{opts: compareOptions{ToRules: "new"}, files: 1, want: "json"},
		{opts: compareOptions{}, files: 1, wantErr: "compare needs two answers files"},
		{opts: compareOptions{AsOf: "2019-01-01"}, files: 1, wantErr: "compare needs two answers files"},
		{opts: compareOptions{FileA: "-", FileB: "-"}, files: 2, wantErr: "only one of the two answers files can be '-'"},
	} {
		a := &app{s: Streams{OutTTY: c.tty, Getenv: func(string) string { return "" }}}
		o := c.opts
		err := o.check(a, c.files)
		switch {
		case c.wantErr != "" && (err == nil || !strings.Contains(err.Error(), c.wantErr)):
			t.Errorf("%+v: check = %v, want an error with %q", c.opts, err, c.wantErr)
		case c.wantErr != "" && exitCode(err) != exitInvalid:
			t.Errorf("%+v: exit %d, want %d", c.opts, exitCode(err), exitInvalid)
		case c.wantErr == "" && err != nil:
			t.Errorf("%+v: check = %v", c.opts, err)
		case c.wantErr == "" && o.Format != c.want:
			t.Errorf("%+v: format %s, want %s", c.opts, o.Format, c.want)
		}
	}
}
