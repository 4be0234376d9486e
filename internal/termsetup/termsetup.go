// Package termsetup is imported for its init, which keeps b22 from asking
// the terminal anything when it starts.
//
// bubbletea's init asks the terminal for its background colour, through
// lipgloss's default renderer, on every start with a terminal on stdout. A
// pseudo-terminal that does not answer (script, expect, some CI runners)
// makes every command wait five seconds for the answer. No b22 command
// draws with the default renderer but the interview, which asks the
// terminal it draws on when it starts (tui.NewRenderer) and makes that
// renderer the default. So the default renderer is told a background here,
// before bubbletea's init asks: Go initialises packages in the order of
// their import paths once their imports are (the spec's "Package
// initialization"), and b22/... comes before github.com/..., while this
// package needs nothing bubbletea does not. That holds only while both do,
// so TestInitOrder builds b22 and checks the order in the runtime's
// initialisation trace: an import added here, a moved package or a
// renamed module fails it.
package termsetup

import "github.com/charmbracelet/lipgloss"

func init() { lipgloss.SetHasDarkBackground(true) }
