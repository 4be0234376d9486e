package tui

import (
	"fmt"
	"path/filepath"
	"strings"
	"sync"

	tea "github.com/charmbracelet/bubbletea"

	"b22/classify"
	"b22/classify/resultjson"
	"b22/internal/fsutil"
)

// saver writes snapshots of the answers atomically, newest last.
type saver struct {
	mu      sync.Mutex
	path    string
	written uint64
}

func (sv *saver) write(gen uint64, data []byte) error {
	sv.mu.Lock()
	defer sv.mu.Unlock()
	if gen <= sv.written && sv.written > 0 {
		return nil
	}
	if err := fsutil.WriteFile(sv.path, data, fsutil.WriteOptions{Overwrite: true}); err != nil {
		return err
	}
	sv.written = gen
	return nil
}

func writeFileCmd(what, path string, data []byte) tea.Cmd {
	return func() tea.Msg {
		err := fsutil.WriteFile(path, data, fsutil.WriteOptions{Overwrite: true})
		return fileMsg{what: what, path: path, err: err}
	}
}

// backupCmd copies the answers being replaced to a new file beside them.
func backupCmd(path string, data []byte) tea.Cmd {
	return func() tea.Msg {
		p, err := Backup(path, data)
		return fileMsg{what: "backup", path: p, err: err}
	}
}

// Backup writes data to the first free name of FILE.bak.json,
// FILE.bak-2.json, ... beside path, and returns it.
func Backup(path string, data []byte) (string, error) {
	for n := 1; n < 1000; n++ {
		suffix := ".bak" + filepath.Ext(path)
		if n > 1 {
			suffix = fmt.Sprintf(".bak-%d%s", n, filepath.Ext(path))
		}
		p := siblingPath(path, suffix)
		err := fsutil.WriteFile(p, data, fsutil.WriteOptions{})
		if err == nil {
			return p, nil
		}
		if !strings.Contains(err.Error(), fsutil.ErrExists.Error()) {
			return "", err
		}
	}
	return "", fmt.Errorf("%s: too many backups beside it", path)
}

// siblingPath is path with its extension replaced by suffix.
func siblingPath(path, suffix string) string {
	return strings.TrimSuffix(path, filepath.Ext(path)) + suffix
}

// ResultPath is where the result JSON of an answers file is saved.
func ResultPath(answers string) string { return siblingPath(answers, ".result.json") }

// MemoPath is where the memo of an answers file is saved.
func MemoPath(answers string) string { return siblingPath(answers, ".memo.md") }

// ResultJSON is the result as 'b22 classify' prints it.
func ResultJSON(res *classify.Result) []byte {
	return resultjson.Plain.Indent(res, resultjson.AllFields)
}
