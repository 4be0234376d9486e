// Package fsutil writes files so that a reader never sees half of one: the
// data goes to a temporary file in the same folder, is synced, and is renamed
// over the target in one step.
package fsutil

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
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
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
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
	if err = os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}
