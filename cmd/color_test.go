package cmd

import (
	"io"
	"testing"

	"github.com/muesli/termenv"

	"b22/tui"
)

// The precedence of colorProfile, on a terminal and off one.
func TestColorProfile(t *testing.T) {
	for _, c := range []struct {
		name string
		mode colorMode
		tty  bool
		env  map[string]string
		want termenv.Profile
	}{
		{"terminal", "", true, map[string]string{"TERM": "xterm-256color"}, termenv.ANSI256},
		{"truecolor terminal", "", true, map[string]string{"TERM": "xterm", "COLORTERM": "truecolor"}, termenv.TrueColor},
		{"dumb terminal", "", true, map[string]string{"TERM": "dumb"}, termenv.Ascii},
		{"file", "", false, map[string]string{"TERM": "xterm-256color"}, termenv.Ascii},
		{"NO_COLOR", "", true, map[string]string{"TERM": "xterm-256color", "NO_COLOR": "1"}, termenv.Ascii},
		{"CLICOLOR=0", "", true, map[string]string{"TERM": "xterm-256color", "CLICOLOR": "0"}, termenv.Ascii},
		{"CLICOLOR_FORCE, file", "", false, map[string]string{"CLICOLOR_FORCE": "1"}, termenv.ANSI},
		{"FORCE_COLOR, file", "", false, map[string]string{"FORCE_COLOR": "1"}, termenv.ANSI},
		{"FORCE_COLOR=0", "", false, map[string]string{"FORCE_COLOR": "0"}, termenv.Ascii},
		{"CLICOLOR_FORCE=0 wins over FORCE_COLOR", "", false, map[string]string{"CLICOLOR_FORCE": "0", "FORCE_COLOR": "1"}, termenv.Ascii},
		{"forcing beats CLICOLOR=0", "", true, map[string]string{"TERM": "xterm-256color", "CLICOLOR": "0", "FORCE_COLOR": "1"}, termenv.ANSI256},
		{"NO_COLOR beats forcing", "", false, map[string]string{"NO_COLOR": "1", "CLICOLOR_FORCE": "1"}, termenv.Ascii},
		{"always beats NO_COLOR", "always", false, map[string]string{"NO_COLOR": "1"}, termenv.ANSI},
		{"always keeps the terminal's profile", "always", true, map[string]string{"TERM": "xterm-256color", "CLICOLOR": "0"}, termenv.ANSI256},
		{"never beats forcing", "never", true, map[string]string{"TERM": "xterm-256color", "FORCE_COLOR": "1"}, termenv.Ascii},
		{"auto is the default", "auto", true, map[string]string{"TERM": "xterm-256color"}, termenv.ANSI256},
	} {
		t.Run(c.name, func(t *testing.T) {
			a := &app{colorMode: c.mode, s: Streams{Getenv: func(k string) string { return c.env[k] }}}
			if got := a.colorProfile(c.tty); got != c.want {
				t.Errorf("got %v, want %v", got, c.want)
			}
		})
	}
}

// The interview's renderer takes the same decision as text output:
// CLICOLOR=0, which lipgloss alone would also honour, and --color=always,
// which it would not know of.
func TestInterviewRendererFollowsColorDecision(t *testing.T) {
	env := map[string]string{"TERM": "xterm-256color", "CLICOLOR": "0"}
	a := &app{s: Streams{ErrTTY: true, Getenv: func(k string) string { return env[k] }}}
	if p := tui.NewRenderer(io.Discard, a.colorProfile(a.s.ErrTTY)).ColorProfile(); p != termenv.Ascii {
		t.Errorf("CLICOLOR=0: profile %v, want Ascii", p)
	}
	a.colorMode = "always"
	if p := tui.NewRenderer(io.Discard, a.colorProfile(a.s.ErrTTY)).ColorProfile(); p != termenv.ANSI256 {
		t.Errorf("--color=always: profile %v, want ANSI256", p)
	}
}
