package termsetup

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestInitOrder: in the b22 binary this package is initialised before
// bubbletea, whose initialisation asks the terminal for its background
// unless lipgloss already knows it. The order follows from the spec (see
// the package doc) only while this package's path sorts before bubbletea's
// and it imports nothing bubbletea does not; an import added here, a
// moved package or a renamed module would break it silently, so the test
// builds b22 and reads the order from the runtime's initialisation trace.
func TestInitOrder(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the b22 binary")
	}
	bin := filepath.Join(t.TempDir(), "b22")
	if out, err := exec.Command("go", "build", "-o", bin, "b22/cmd/b22").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	cmd := exec.Command(bin, "version")
	cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("b22 version: %v\n%s", err, stderr.String())
	}
	// Each line: init <package> @<time> ms, ...
	var order []string
	for _, line := range strings.Split(stderr.String(), "\n") {
		if f := strings.Fields(line); len(f) > 1 && f[0] == "init" {
			order = append(order, f[1])
		}
	}
	setup := slices.Index(order, "b22/internal/termsetup")
	tea := slices.Index(order, "github.com/charmbracelet/bubbletea")
	switch {
	case setup < 0 || tea < 0:
		t.Fatalf("the initialisation trace has no b22/internal/termsetup or no bubbletea:\n%s", strings.Join(order, "\n"))
	case setup > tea:
		t.Errorf("bubbletea is initialised before b22/internal/termsetup (packages %d and %d of the trace): b22 would ask the terminal for its background at every start", tea+1, setup+1)
	}
}
