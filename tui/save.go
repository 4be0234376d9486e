package tui

import (
	"errors"
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

// writeOwnCmd writes a file the interview makes on request (the result
// JSON, the memo). It never replaces a file this session did not write:
// own is the file it wrote before for the same request, replaced with the
// new version; without one, the data goes to path or, if something is
// there already (a memo a lawyer has edited, say), to the first free name
// beside it, and the message says which file was kept.
func writeOwnCmd(what, path, own string, data []byte) tea.Cmd {
	return func() tea.Msg {
		if own != "" {
			err := fsutil.WriteFile(own, data, fsutil.WriteOptions{Overwrite: true})
			return fileMsg{what: what, path: own, err: err}
		}
		p, err := writeNew(path, func(n int) string {
			ext := filepath.Ext(path)
			return fmt.Sprintf("%s-%d%s", strings.TrimSuffix(path, ext), n, ext)
		}, data)
		msg := fileMsg{what: what, path: p, err: err}
		if err == nil && p != path {
			msg.kept = path
		}
		return msg
	}
}

// writeNew writes data to the first of path, name(2), name(3), ... that
// does not exist yet, and returns it.
func writeNew(path string, name func(n int) string, data []byte) (string, error) {
	for n := 1; n < 1000; n++ {
		p := path
		if n > 1 {
			p = name(n)
		}
		err := fsutil.WriteFile(p, data, fsutil.WriteOptions{})
		if err == nil {
			return p, nil
		}
		if !errors.Is(err, fsutil.ErrExists) {
			return "", err
		}
	}
	return "", fmt.Errorf("%s: too many files of that name beside it", path)
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
	return writeNew(siblingPath(path, ".bak"+filepath.Ext(path)), func(n int) string {
		return siblingPath(path, fmt.Sprintf(".bak-%d%s", n, filepath.Ext(path)))
	}, data)
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
