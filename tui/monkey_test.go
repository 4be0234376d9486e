package tui

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// TestMonkey presses random keys (ctrl+c aside) on every screen, in both
// languages and at three sizes: no panic, every frame fits the terminal,
// and the answers file stays a valid document.
func TestMonkey(t *testing.T) {
	keys := []string{"enter", "tab", "shift+tab", "esc", "up", "down", "left", "right", "ctrl+g", "ctrl+l",
		"backspace", "pgdown", "pgup", "home", "end", "space", "?", "y", "n", "s", "-", "1", "2", "3", "4", "5",
		"6", "7", "8", "g", "L", "r", "o", "b", "x", "500万", "1,5", "gd", "广"}
	sizes := [][2]int{{80, 24}, {60, 20}, {120, 40}}
	for seed := range uint64(6) {
		r := rand.New(rand.NewPCG(seed, 42))
		lang := []string{"en", "zh"}[seed%2]
		size := sizes[seed%3]
		d := newDriver(t, testOptions(t, lang), size[0], size[1])
		for range 1500 {
			k := keys[r.IntN(len(keys))]
			d.keys(k)
			if d.quit {
				t.Fatalf("seed %d: quit on %q", seed, k)
			}
			lines := strings.Split(d.m.View(), "\n")
			if len(lines) != size[1] {
				t.Fatalf("seed %d after %q: %d lines, want %d\n%s", seed, k, len(lines), size[1], d.view())
			}
			for _, l := range lines {
				if w := ansi.StringWidth(l); w > size[0] {
					t.Fatalf("seed %d after %q on %s: line %d wide: %q", seed, k, d.current(), w, l)
				}
			}
		}
		if !d.m.s.Empty() {
			d.saved()
		}
	}
}
