package tui

import (
	"errors"
	"io/fs"
	"os"
	"sync"
	"sync/atomic"
	"testing"
)

// TestAutosaveAtomic reads the answers file over and over while the
// interview writes it after every answer: every read is a complete, valid
// answers document (fsutil writes a temporary file and renames it).
func TestAutosaveAtomic(t *testing.T) {
	o := testOptions(t, "en")
	var stop atomic.Bool
	var reads, bad atomic.Int64
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for !stop.Load() {
			data, err := os.ReadFile(o.Path)
			if errors.Is(err, fs.ErrNotExist) {
				continue
			}
			reads.Add(1)
			if err != nil {
				bad.Add(1)
				t.Errorf("read: %v", err)
				continue
			}
			if _, err := ParseSession(o.RuleSet, o.Path, data); err != nil {
				bad.Add(1)
				t.Errorf("a read saw an invalid document: %v\n%s", err, data)
			}
		}
	}()
	for range 5 {
		d := newDriver(t, o, 80, 24)
		walk(d)
		d.keys("home", "enter", "n", "home", "enter", "y")
	}
	stop.Store(true)
	wg.Wait()
	if reads.Load() == 0 {
		t.Fatal("the reader never saw the file")
	}
	t.Logf("%d reads, %d bad", reads.Load(), bad.Load())
}

// TestSaverOrder: a snapshot that finishes late never replaces a newer one.
func TestSaverOrder(t *testing.T) {
	sv := &saver{path: t.TempDir() + "/a.json"}
	if err := sv.write(2, []byte("new")); err != nil {
		t.Fatal(err)
	}
	if err := sv.write(1, []byte("old")); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(sv.path); string(data) != "new" {
		t.Errorf("file = %q, want the newer snapshot", data)
	}
}
