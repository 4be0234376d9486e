package tui

import (
	"fmt"
	"io"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// NewRenderer draws on w, the terminal the interview uses (stderr), with
// the colour profile the caller decided (--color, NO_COLOR, CLICOLOR and
// the terminal, the same decision as for text output); its background
// picks light or dark colours. With termenv.Ascii nothing but plain text
// and the › markers are drawn.
func NewRenderer(w io.Writer, profile termenv.Profile) *lipgloss.Renderer {
	r := lipgloss.NewRenderer(w)
	r.SetColorProfile(profile)
	// Ask the terminal for its background now, before the program owns the
	// input; AdaptiveColor then picks the light or dark variant.
	r.HasDarkBackground()
	return r
}

// Run runs the interview full-screen: it reads keys from in and draws on
// out. It returns once the user quits, every answer saved.
func Run(o Options, in io.Reader, out io.Writer) (*Outcome, error) {
	if o.Renderer != nil {
		// bubbles' widgets draw with the default renderer.
		lipgloss.SetDefaultRenderer(o.Renderer)
	}
	m := New(o)
	p := tea.NewProgram(m, tea.WithInput(in), tea.WithOutput(out), tea.WithAltScreen())
	final, err := p.Run()
	if err != nil {
		return nil, fmt.Errorf("interview: %w", err)
	}
	return final.(Model).Outcome(), nil
}
