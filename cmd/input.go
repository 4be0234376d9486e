package cmd

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"syscall"

	"b22/classify/answers"
	"b22/internal/service"
)

// readDocument reads an answers document from path, or stdin for "" and
// "-", named in messages by its path or <stdin>, and refuses one too
// large or empty before it is parsed.
func (a *app) readDocument(path string) (service.Document, error) {
	d := service.Document{Name: path, Format: service.FormatOf(path)}
	var r io.Reader
	if path == "" || path == "-" {
		d.Name = "<stdin>"
		if a.s.InTTY {
			return d, usageErrorf("no answers file given and stdin is a terminal; pass FILE or pipe a document into '-'")
		}
		r = a.s.In
	} else {
		f, err := os.Open(path)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return d, inputErrorf("%s: no such file", path)
			}
			return d, inputErrorf("%s: %v", path, errors.Unwrap(err))
		}
		defer f.Close()
		if st, err := f.Stat(); err == nil && st.IsDir() {
			return d, inputErrorf("%s: is a folder; give an answers file", path)
		}
		r = f
	}
	data, err := io.ReadAll(io.LimitReader(r, answers.MaxDocumentBytes+1))
	if errors.Is(err, syscall.EISDIR) { // stdin redirected from a folder
		return d, inputErrorf("%s: is a folder; give an answers file", d.Name)
	}
	if err != nil {
		return d, fmt.Errorf("%s: %w", d.Name, err)
	}
	d.Data = data
	return d, d.Check()
}
