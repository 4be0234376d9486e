package cmd

import (
	"errors"
	"fmt"
	"io"

	"github.com/muesli/termenv"

	"b22/classify/answers"
)

// colorMode is the value of --color: auto, always or never.
type colorMode string

var colorModes = []string{"auto", "always", "never"}

func (m *colorMode) String() string {
	if *m == "" {
		return "auto"
	}
	return string(*m)
}

// Set refuses anything but the three modes, so that a misspelt mode is a
// flag error (exit 2) with the allowed values, before any work.
func (m *colorMode) Set(s string) error {
	for _, v := range colorModes {
		if s == v {
			*m = colorMode(s)
			return nil
		}
	}
	msg := "allowed: auto, always, never"
	if sug := answers.Suggest(s, colorModes); sug != "" {
		msg += fmt.Sprintf(" (did you mean %q?)", sug)
	}
	return errors.New(msg)
}

func (m *colorMode) Type() string { return "when" }

// colorProfile is the one decision about colour, for text output written to
// stdout (tty: OutTTY) and for the interview drawn on stderr (ErrTTY). In
// order:
//
//  1. --color=always or --color=never, whatever the environment says;
//  2. NO_COLOR set and not empty: no colour (https://no-color.org);
//  3. CLICOLOR_FORCE, or else FORCE_COLOR, set and not "0": colour, even
//     when not a terminal (https://bixense.com/clicolors/);
//  4. CLICOLOR=0: no colour;
//  5. otherwise the terminal decides: colour only on a terminal whose TERM
//     (or COLORTERM) says it has colours; TERM=dumb has none.
//
// Steps 2 to 5 are termenv's EnvColorProfile, the detection lipgloss uses,
// read from the streams' environment; b22 adds only FORCE_COLOR, as a
// second name for CLICOLOR_FORCE.
func (a *app) colorProfile(tty bool) termenv.Profile {
	env := colorEnv{a.s.getenv}
	if a.colorMode == "never" {
		return termenv.Ascii
	}
	// The writer is never written to: the streams say whether it is a
	// terminal, so that tests can stand in for one.
	o := termenv.NewOutput(io.Discard, termenv.WithEnvironment(env), termenv.WithTTY(tty))
	if a.colorMode == "always" {
		if p := o.ColorProfile(); p != termenv.Ascii {
			return p
		}
		return termenv.ANSI
	}
	return o.EnvColorProfile()
}

// color reports whether text output on stdout may use colour.
func (a *app) color() bool { return a.colorProfile(a.s.OutTTY) != termenv.Ascii }

// colorEnv is the streams' environment as termenv reads it, with
// FORCE_COLOR (Node's and many other tools' name) standing in for an unset
// CLICOLOR_FORCE.
type colorEnv struct{ getenv func(string) string }

func (e colorEnv) Getenv(k string) string {
	v := e.getenv(k)
	if k == "CLICOLOR_FORCE" && v == "" {
		v = e.getenv("FORCE_COLOR")
	}
	return v
}

// Environ is not used by the colour detection; termenv's interface asks
// for it.
func (e colorEnv) Environ() []string { return nil }
