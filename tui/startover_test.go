package tui

import (
	"os"
	"testing"
)

// TestStartOverSaysWhereTheBackupIs: choosing "start over" keeps the old
// answers in a backup file and the first question says which.
func TestStartOverSaysWhereTheBackupIs(t *testing.T) {
	for _, lang := range []string{"en", "zh"} {
		t.Run(lang, func(t *testing.T) {
			o := testOptions(t, lang)
			d := newDriver(t, o, 80, 24)
			d.keys("enter", "enter", "enter", "y", "y", "ctrl+c")
			data, err := os.ReadFile(o.Path)
			if err != nil {
				t.Fatal(err)
			}
			o.Resume, o.ResumeData = readSession(t, o), data
			d = newDriver(t, o, 80, 24)
			d.keys("down", "enter")
			d.wantQuestion("realtime_voice")
			d.wantView("answers.bak.json")
			// It stays until the first answer.
			d.keys("down", "?", "?", "up")
			d.wantView("answers.bak.json")
			d.keys("y")
			d.noView("answers.bak.json")
			if b, err := os.ReadFile(siblingPath(o.Path, ".bak.json")); err != nil || string(b) != string(data) {
				t.Errorf("backup: %v", err)
			}
		})
	}
}
