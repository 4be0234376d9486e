package scenario

import (
	"fmt"
	"io"
	"strings"

	"b22/classify"
	"b22/classify/answers"
)

// Outcome is what one scenario gave.
type Outcome struct {
	Name   string `json:"name"`
	Line   int    `json:"line"`
	Passed bool   `json:"passed"`
	// Differences between the expectation and the result, when it ran.
	Differences []Difference `json:"differences"`
	// Error says why the scenario could not run: answers the rule set
	// rejects, a date it does not cover, a name used twice.
	Error string `json:"error,omitempty"`
}

// FileReport is the outcomes of one scenario file, in its order.
type FileReport struct {
	// File is the file's path inside the rule set folder ("tests/x.yaml");
	// Path is the same as the text report names it, the folder as given
	// on the command line joined to it ("my-rules/tests/x.yaml"), so that
	// a script finds it from where it ran.
	File      string    `json:"file"`
	Path      string    `json:"path"`
	Scenarios []Outcome `json:"scenarios"`
}

// InDir sets each file's Path: dir, as given, joined to its name.
func (r Report) InDir(dir string) Report {
	files := make([]FileReport, len(r.Files))
	for i, f := range r.Files {
		f.Path = f.File
		if dir != "" {
			f.Path = strings.TrimSuffix(dir, "/") + "/" + f.File
		}
		files[i] = f
	}
	r.Files = files
	return r
}

// Report is the outcome of every scenario of a rule set folder.
type Report struct {
	Passed int          `json:"passed"`
	Failed int          `json:"failed"`
	Files  []FileReport `json:"files"`
}

// OK reports whether every scenario passed.
func (r Report) OK() bool { return r.Failed == 0 }

// Run checks every scenario of files against rs. match, when not nil,
// picks the scenarios to run by name.
func Run(rs *classify.RuleSet, files []File, match func(name string) bool) Report {
	p := answers.New(rs)
	rep := Report{Files: []FileReport{}}
	seen := map[string]string{} // name → where it was first used
	for _, f := range files {
		fr := FileReport{File: f.Name, Scenarios: []Outcome{}}
		for _, sc := range f.Scenarios {
			if match != nil && !match(sc.Name) {
				continue
			}
			o := Outcome{Name: sc.Name, Line: sc.Line, Differences: []Difference{}}
			where := fmt.Sprintf("%s:%d", f.Name, sc.Line)
			if first, dup := seen[sc.Name]; dup {
				// Names are how a failure is found again; two alike hide one.
				o.Error = fmt.Sprintf("duplicate scenario name; first used at %s", first)
			} else {
				seen[sc.Name] = where
				if r, err := Evaluate(rs, p, sc); err != nil {
					o.Error = err.Error()
				} else {
					o.Differences = Compare(sc.Expect, Got(r))
				}
			}
			o.Passed = o.Error == "" && len(o.Differences) == 0
			if o.Passed {
				rep.Passed++
			} else {
				rep.Failed++
			}
			fr.Scenarios = append(fr.Scenarios, o)
		}
		if match != nil && len(fr.Scenarios) == 0 {
			continue // a file the filter left nothing of says nothing
		}
		rep.Files = append(rep.Files, fr)
	}
	return rep
}

// WriteText writes the report for people: a line per scenario, what
// differed under each failure, and a summary. dir prefixes file names so
// that an editor can jump to them; verbose lists passing scenarios too.
func WriteText(w io.Writer, rep Report, dir string, verbose bool) error {
	var b strings.Builder
	for _, f := range rep.InDir(dir).Files {
		name := f.Path
		for _, o := range f.Scenarios {
			if o.Passed {
				if verbose {
					fmt.Fprintf(&b, "ok    %s:%d: %s\n", name, o.Line, o.Name)
				}
				continue
			}
			fmt.Fprintf(&b, "FAIL  %s:%d: %s\n", name, o.Line, o.Name)
			if o.Error != "" {
				for _, line := range strings.Split(o.Error, "\n") {
					fmt.Fprintf(&b, "        %s\n", line)
				}
			}
			for _, d := range o.Differences {
				fmt.Fprintf(&b, "        %s\n", d)
			}
		}
	}
	status := "PASS"
	if !rep.OK() {
		status = "FAIL"
	}
	fmt.Fprintf(&b, "%s: %d scenario(s) in %d file(s): %d passed, %d failed\n", status, rep.Passed+rep.Failed, len(rep.Files), rep.Passed, rep.Failed)
	_, err := io.WriteString(w, b.String())
	return err
}
