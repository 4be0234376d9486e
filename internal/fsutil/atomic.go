// Package fsutil writes files so that a reader never sees half of one: the
// data goes to a temporary file in the same folder, is synced, and is put in
// place in one step: renamed over the target when overwriting is asked for,
// otherwise linked to the target's name, which fails if another writer got
// there first, so of two racing writers exactly one succeeds.
//
// A temporary file is named .NAME.b22-tmp-RANDOM beside its target. A
// process killed while writing leaves one behind; the next write of the same
// target removes those older than StaleAfter.
package fsutil

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// ErrExists is returned when the target exists and overwriting was not asked for.
var ErrExists = errors.New("file exists")

// WriteOptions choose how WriteFile treats an existing target.
type WriteOptions struct {
	// Overwrite replaces an existing regular file.
	Overwrite bool
	// Perm is the mode of a new file; 0 means 0644.
	Perm fs.FileMode
}

// WriteFile writes data to path atomically. It refuses a symlink or any
// non-regular file as target (writing through a link is how files outside the
// intended folder get overwritten), refuses an existing file unless
// o.Overwrite, and leaves nothing behind when a write fails.
func WriteFile(path string, data []byte, o WriteOptions) (err error) {
	perm := o.Perm
	if perm == 0 {
		perm = 0o644
	}
	if info, err := os.Lstat(path); err == nil {
		switch {
		case info.Mode()&fs.ModeSymlink != 0:
			return fmt.Errorf("%s: is a symbolic link; refusing to write through it", path)
		case !info.Mode().IsRegular():
			return fmt.Errorf("%s: not a regular file", path)
		case !o.Overwrite:
			return fmt.Errorf("%s: %w (use --force to overwrite)", path, ErrExists)
		}
		perm = info.Mode().Perm()
	} else if !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	dir := filepath.Dir(path)
	removeStale(dir, filepath.Base(path))
	tmp, err := os.CreateTemp(dir, tempPrefix(filepath.Base(path))+"*")
	if err != nil {
		return fmt.Errorf("%s: cannot write in %s: %w", path, dir, errors.Unwrap(err))
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if err = tmp.Chmod(perm); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if o.Overwrite {
		if err = os.Rename(tmp.Name(), path); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		return nil
	}
	return publishNew(tmp.Name(), path)
}

// publishNew puts the finished temporary file at path only if nothing is
// there: a hard link fails when the name exists, where a rename would
// silently replace a file another writer has just put there.
func publishNew(tmp, path string) error {
	err := os.Link(tmp, path)
	if err == nil {
		os.Remove(tmp)
		return nil
	}
	if errors.Is(err, fs.ErrExist) {
		os.Remove(tmp)
		return fmt.Errorf("%s: %w (use --force to overwrite)", path, ErrExists)
	}
	// A file system without hard links: claim the name with an exclusive
	// create, then move the data over the empty file that holds it.
	f, cerr := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if cerr != nil {
		os.Remove(tmp)
		if errors.Is(cerr, fs.ErrExist) {
			return fmt.Errorf("%s: %w (use --force to overwrite)", path, ErrExists)
		}
		return fmt.Errorf("%s: %w", path, cerr)
	}
	f.Close()
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		os.Remove(path)
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// StaleAfter is the age from which a temporary file of a target is taken
// for one left by a process that was killed while writing: a write takes
// far less.
const StaleAfter = 10 * time.Minute

func tempPrefix(base string) string { return "." + base + ".b22-tmp-" }

// removeStale removes the temporary files of base in dir that are older than
// StaleAfter. It touches only names this package makes, and ignores errors:
// a leftover it cannot remove is no reason to refuse the write.
func removeStale(dir, base string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	prefix := tempPrefix(base)
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), prefix) || !e.Type().IsRegular() {
			continue
		}
		if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > StaleAfter {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}
