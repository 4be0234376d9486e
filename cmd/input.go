package cmd

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"b22/classify"
	"b22/classify/answers"
)

// readDocument reads an answers document from path, or stdin for "" and "-".
// It returns the name to use in messages and the format the name implies.
func (a *app) readDocument(path string) (string, []byte, answers.Format, error) {
	name := path
	var r io.Reader
	if path == "" || path == "-" {
		name = "<stdin>"
		if a.s.InTTY {
			return name, nil, 0, usageErrorf("no answers file given and stdin is a terminal; pass FILE or pipe a document into '-'")
		}
		r = a.s.In
	} else {
		f, err := os.Open(path)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return name, nil, 0, inputErrorf("%s: no such file", path)
			}
			return name, nil, 0, inputErrorf("%s: %v", path, errors.Unwrap(err))
		}
		defer f.Close()
		if st, err := f.Stat(); err == nil && st.IsDir() {
			return name, nil, 0, inputErrorf("%s: is a folder; give an answers file", path)
		}
		r = f
	}
	data, err := io.ReadAll(io.LimitReader(r, answers.MaxDocumentBytes+1))
	if errors.Is(err, syscall.EISDIR) { // stdin redirected from a folder
		return name, nil, 0, inputErrorf("%s: is a folder; give an answers file", name)
	}
	if err != nil {
		return name, nil, 0, fmt.Errorf("%s: %w", name, err)
	}
	if len(data) > answers.MaxDocumentBytes {
		return name, nil, 0, inputErrorf("%s: larger than the %d-byte (1 MiB) limit for an answers document; use --jsonl for many documents", name, answers.MaxDocumentBytes)
	}
	if len(strings.TrimSpace(string(data))) == 0 {
		return name, nil, 0, inputErrorf("%s: empty input; expected an answers document (see 'b22 schema answers')", name)
	}
	return name, data, formatOf(path), nil
}

func formatOf(path string) answers.Format {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".json":
		return answers.FormatJSON
	case ".yaml", ".yml":
		return answers.FormatYAML
	}
	return answers.FormatAuto
}

// parseDocument reads and checks an answers document.
func (a *app) parseDocument(path string) (*classify.RuleSet, *classify.Document, error) {
	rs, err := a.ruleSet()
	if err != nil {
		return nil, nil, err
	}
	name, data, format, err := a.readDocument(path)
	if err != nil {
		return nil, nil, err
	}
	doc, err := a.answersParser().ParseContext(a.context(), name, data, format)
	if err != nil {
		return nil, nil, err
	}
	return rs, doc, nil
}
