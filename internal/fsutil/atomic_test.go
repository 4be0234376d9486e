package fsutil

import (
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

func entries(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}

func TestWriteFileNewAndOverwrite(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "memo.md")
	if err := WriteFile(p, []byte("one"), WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	err := WriteFile(p, []byte("two"), WriteOptions{})
	if !errors.Is(err, ErrExists) || !strings.Contains(err.Error(), "--force") {
		t.Fatalf("second write without Overwrite = %v, want ErrExists", err)
	}
	if err := WriteFile(p, []byte("three"), WriteOptions{Overwrite: true}); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(p); string(b) != "three" {
		t.Fatalf("content = %q", b)
	}
	if got := entries(t, dir); len(got) != 1 {
		t.Fatalf("temporary files left behind: %v", got)
	}
}

func TestWriteFileRefusesSymlink(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "precious")
	os.WriteFile(target, []byte("keep"), 0o644)
	link := filepath.Join(dir, "out.md")
	if err := os.Symlink(target, link); err != nil {
		t.Skip(err)
	}
	err := WriteFile(link, []byte("x"), WriteOptions{Overwrite: true})
	if err == nil || !strings.Contains(err.Error(), "symbolic link") {
		t.Fatalf("WriteFile through a link = %v", err)
	}
	if b, _ := os.ReadFile(target); string(b) != "keep" {
		t.Fatal("the link's target was changed")
	}
}

func TestWriteFileRefusesNonRegular(t *testing.T) {
	if err := WriteFile(t.TempDir(), []byte("x"), WriteOptions{Overwrite: true}); err == nil {
		t.Fatal("wrote over a folder")
	}
}

func TestWriteFileUnwritableFolder(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root writes anywhere; see TestWriteFileMissingFolder")
	}
	dir := t.TempDir()
	os.Chmod(dir, 0o555)
	defer os.Chmod(dir, 0o755)
	err := WriteFile(filepath.Join(dir, "x"), []byte("x"), WriteOptions{})
	if err == nil || !strings.Contains(err.Error(), "cannot write in") {
		t.Fatalf("WriteFile in a read-only folder = %v", err)
	}
}

func TestWriteFileMissingFolder(t *testing.T) {
	err := WriteFile(filepath.Join(t.TempDir(), "no", "such", "x.md"), []byte("x"), WriteOptions{})
	if err == nil || !strings.Contains(err.Error(), "cannot write in") {
		t.Fatalf("WriteFile in a missing folder = %v", err)
	}
}

// TestWriteFileFullDisk: /dev/full fails every write. It is not a regular
// file, so it is refused before any write; a full disk in the target's
// folder is the temp file's failed write, which leaves nothing behind.
func TestWriteFileFullDisk(t *testing.T) {
	if _, err := os.Stat("/dev/full"); err != nil {
		t.Skip("no /dev/full")
	}
	if err := WriteFile("/dev/full", []byte("x"), WriteOptions{Overwrite: true}); err == nil {
		t.Fatal("WriteFile(/dev/full) succeeded")
	}
}

// TestWriteFileDiskFills writes more than a tiny tmpfs holds: the write
// fails with a clear error, the old file stays whole and no temporary file
// is left. It needs root to mount, and skips elsewhere.
func TestWriteFileDiskFills(t *testing.T) {
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=8k", "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a small tmpfs: %v %s", err, out)
	}
	defer exec.Command("umount", dir).Run()
	p := filepath.Join(dir, "memo.html")
	if err := WriteFile(p, []byte("old"), WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	err := WriteFile(p, make([]byte, 64<<10), WriteOptions{Overwrite: true})
	if err == nil || !strings.Contains(err.Error(), "no space") {
		t.Fatalf("WriteFile on a full disk = %v, want no space left", err)
	}
	if b, _ := os.ReadFile(p); string(b) != "old" {
		t.Fatalf("the old file changed: %q", b)
	}
	if got := entries(t, dir); len(got) != 1 {
		t.Fatalf("files left behind: %v", got)
	}
}

// TestWriteFileRaceHasOneWinner: writers racing to create the same file
// without overwrite: exactly one succeeds, the others are told it exists,
// and the file holds the winner's bytes whole.
func TestWriteFileRaceHasOneWinner(t *testing.T) {
	for round := 0; round < 20; round++ {
		path := filepath.Join(t.TempDir(), "memo.html")
		const writers = 8
		errs := make([]error, writers)
		var wg sync.WaitGroup
		start := make(chan struct{})
		for i := range writers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				errs[i] = WriteFile(path, []byte(strings.Repeat(strconv.Itoa(i), 4096)), WriteOptions{})
			}()
		}
		close(start)
		wg.Wait()
		winner := -1
		for i, err := range errs {
			switch {
			case err == nil && winner >= 0:
				t.Fatalf("round %d: writers %d and %d both succeeded", round, winner, i)
			case err == nil:
				winner = i
			case !errors.Is(err, ErrExists):
				t.Fatalf("round %d: writer %d: %v", round, i, err)
			}
		}
		if winner < 0 {
			t.Fatalf("round %d: no writer succeeded", round)
		}
		if got, _ := os.ReadFile(path); string(got) != strings.Repeat(strconv.Itoa(winner), 4096) {
			t.Fatalf("round %d: the file does not hold the winner's bytes", round)
		}
		if left, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".memo.html.b22-tmp-*")); len(left) > 0 {
			t.Fatalf("round %d: temporary files left: %v", round, left)
		}
	}
}

// TestWriteFileRemovesStaleTemporaries: a temporary file left by a killed
// writer is recognisable by name and removed by the next write of the same
// target once it is old; a fresh one (a write in progress) and other files
// are left alone.
func TestWriteFileRemovesStaleTemporaries(t *testing.T) {
	dir := t.TempDir()
	old := filepath.Join(dir, ".a[1].json.b22-tmp-123")
	fresh := filepath.Join(dir, ".a[1].json.b22-tmp-456")
	other := filepath.Join(dir, ".b.json.b22-tmp-789")
	for _, p := range []string{old, fresh, other} {
		if err := os.WriteFile(p, []byte("partial"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	long := time.Now().Add(-2 * StaleAfter)
	for _, p := range []string{old, other} {
		if err := os.Chtimes(p, long, long); err != nil {
			t.Fatal(err)
		}
	}
	if err := WriteFile(filepath.Join(dir, "a[1].json"), []byte("{}"), WriteOptions{Overwrite: true}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(old); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("stale temporary file kept: %v", err)
	}
	for _, p := range []string{fresh, other} {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("%s removed: %v", p, err)
		}
	}
}
