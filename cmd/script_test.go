package cmd

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"
)

// TestMain lets testscript run b22 in-process: a script's `exec b22 ...`
// calls Main with the script's stdin, stdout and stderr.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"b22": func() {
			// The command as a process of its own: as Main runs it, with a
			// clock the scripts can fix.
			s := StdStreams()
			os.Exit(mainWith(os.Args[1:], s, fixedClock(), process{notify: notifySignals, tuneStream: tuneForStream}))
		},
	})
}

// fixedClock makes "today" reproducible in scripts: B22_TODAY=YYYY-MM-DD.
func fixedClock() func() time.Time {
	if d := os.Getenv("B22_TODAY"); d != "" {
		if t, err := time.Parse(time.DateOnly, d); err == nil {
			return func() time.Time { return t }
		}
	}
	return time.Now
}

// TestScripts runs cmd/testdata/script/*.txtar: every command, exit code and
// class of bad input, end to end.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(env *testscript.Env) error {
			if err := copyRules(filepath.Join(env.WorkDir, "b22-rules")); err != nil {
				return err
			}
			env.Setenv("B22_TODAY", "2026-11-26")
			env.Setenv("NO_COLOR", "")
			env.Setenv("LANG", "C")
			// Scripts reach the shipped rule folder and its scenario files,
			// which b22-rules leaves out, through B22_REPO.
			root, err := filepath.Abs("..")
			if err != nil {
				return err
			}
			env.Setenv("B22_REPO", root)
			return nil
		},
		UpdateScripts: os.Getenv("B22_UPDATE_SCRIPTS") != "",
	})
}

func mustTime(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// copyRules puts a copy of the shipped rule set folder at dst, for scripts
// that load or break one.
func copyRules(dst string) error {
	if err := os.MkdirAll(dst, 0o755); err != nil {
		return err
	}
	files, err := filepath.Glob("../questionnaires/b22/*.yaml")
	if err != nil {
		return err
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dst, filepath.Base(f)), data, 0o644); err != nil {
			return err
		}
	}
	return nil
}
