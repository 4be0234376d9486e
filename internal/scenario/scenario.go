// Package scenario reads the scenario files of a rule set folder (its
// tests/*.yaml: realistic products, their answers and the expected result,
// written by hand) and checks them against a rule set. The engine's own
// tests and 'b22 test' share it, so a firm that keeps its own rule folder
// tests it exactly as the shipped one is tested.
package scenario

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"sort"
	"strings"

	yaml "go.yaml.in/yaml/v3"

	"b22/classify"
	"b22/classify/answers"
)

// DefaultDate is the date a scenario without as_of is evaluated on: fixed,
// so that a scenario's outcome does not change with the day it is run.
const DefaultDate = "2026-11-01"

// Dir is the folder of a rule set that holds its scenario files.
const Dir = "tests"

// Scenario is one product with its answers and the result expected of it.
type Scenario struct {
	Name        string         `yaml:"name"`
	Description string         `yaml:"description"`
	AsOf        string         `yaml:"as_of"`
	Answers     map[string]any `yaml:"answers"`
	Expect      Expectation    `yaml:"expect"`
	// Line is where the scenario starts in its file.
	Line int `yaml:"-"`
}

// Expectation is the part of a result a scenario fixes. Every field is
// compared: an empty list or map expects none. Covered left out is not
// compared.
type Expectation struct {
	Verdict        string            `yaml:"verdict"`
	Subcategories  map[string]string `yaml:"subcategories"`
	Scope          *string           `yaml:"scope"`
	Covered        *bool             `yaml:"covered_by_existing_licence"`
	Requirements   map[string]string `yaml:"requirements"`
	Pivotal        []string          `yaml:"pivotal"`
	Regimes        []string          `yaml:"regimes"`
	RegimesUnknown []string          `yaml:"regimes_unknown"`
	// RegimesCustomer are the regimes that bind whoever operates the
	// service rather than the company.
	RegimesCustomer []string `yaml:"regimes_customer"`
	// The fields below are compared only when given. Authority is a text
	// the licence authority's Chinese must contain; Notes are note ids the
	// result must hold (others may be there too); Routes the ids of the
	// routes to compliance offered, exactly; Missing the elements each
	// sub-category lacks, by sub-category.
	Authority *string             `yaml:"authority"`
	Notes     []string            `yaml:"notes"`
	Routes    *[]string           `yaml:"routes"`
	Missing   map[string][]string `yaml:"missing"`
}

// File is one scenario file.
type File struct {
	// Name is the file's path inside the rule set folder ("tests/x.yaml").
	Name      string
	Scenarios []Scenario
}

// ErrNoScenarios is a rule set folder without scenario files.
var ErrNoScenarios = errors.New("no scenario files")

// Load reads every tests/*.yaml of the rule set folder fsys, in name order.
func Load(fsys fs.FS) ([]File, error) {
	names, err := fs.Glob(fsys, path.Join(Dir, "*.yaml"))
	if err != nil {
		return nil, err
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("%s/*.yaml: %w", Dir, ErrNoScenarios)
	}
	sort.Strings(names)
	var files []File
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		list, err := Parse(name, data)
		if err != nil {
			return nil, err
		}
		files = append(files, File{Name: name, Scenarios: list})
	}
	return files, nil
}

// Parse reads one scenario file; a key it does not know is an error, so
// that a misspelt expectation cannot pass by being ignored.
func Parse(name string, data []byte) ([]Scenario, error) {
	var doc struct {
		Scenarios []Scenario `yaml:"scenarios"`
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, fmt.Errorf("%s: the file is empty; a scenario file holds `scenarios:`, a list", name)
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&doc); err != nil {
		return nil, yamlError(name, err)
	}
	// A second YAML document would be read by nothing: its scenarios
	// would pass by never running.
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		return nil, fmt.Errorf("%s:%d: a second YAML document; a scenario file holds one (remove the --- line)", name, extra.Line)
	} else if !errors.Is(err, io.EOF) {
		return nil, yamlError(name, err)
	}
	// A second pass over the nodes only for where each scenario starts.
	var lines struct {
		Scenarios []yaml.Node `yaml:"scenarios"`
	}
	if err := yaml.Unmarshal(data, &lines); err == nil && len(lines.Scenarios) == len(doc.Scenarios) {
		for i := range doc.Scenarios {
			doc.Scenarios[i].Line = lines.Scenarios[i].Line
		}
	}
	for i, sc := range doc.Scenarios {
		if strings.TrimSpace(sc.Name) == "" {
			return nil, fmt.Errorf("%s:%d: scenarios[%d]: no name", name, sc.Line, i)
		}
	}
	return doc.Scenarios, nil
}

// Evaluate parses the scenario's answers with p and evaluates them on its
// date. An error is the scenario's own fault: answers the rule set does
// not accept, or a date it does not cover.
func Evaluate(rs *classify.RuleSet, p *answers.Parser, sc Scenario) (*classify.Result, error) {
	data, err := yaml.Marshal(map[string]any{"answers": sc.Answers})
	if err != nil {
		return nil, err
	}
	doc, err := p.Parse(sc.Name, data, answers.FormatYAML)
	if err != nil {
		return nil, fmt.Errorf("answers: %w", err)
	}
	asOf := sc.AsOf
	if asOf == "" {
		asOf = DefaultDate
	}
	d, err := classify.ParseDate(asOf)
	if err != nil {
		return nil, fmt.Errorf("as_of %q: expected a date YYYY-MM-DD", asOf)
	}
	// Expectations name the routes offered, which come with the levers.
	return rs.Evaluate(doc, classify.Options{AsOf: d, Levers: true})
}

// Got is the result in the shape of an expectation.
func Got(r *classify.Result) Expectation {
	e := Expectation{Verdict: string(r.Verdict), Scope: r.Licence.Scope, Covered: &r.CoveredByExistingLicence,
		Subcategories: map[string]string{}, Requirements: map[string]string{}, Pivotal: []string{}, Regimes: []string{}, RegimesUnknown: []string{},
		RegimesCustomer: []string{}, Notes: []string{}, Missing: map[string][]string{}}
	if a := r.Licence.Authority; a != nil {
		e.Authority = &a.Zh
	}
	for _, n := range r.Notes {
		e.Notes = append(e.Notes, n.ID)
	}
	if r.Routes != nil {
		routes := []string{}
		for _, rt := range r.Routes {
			routes = append(routes, rt.ID)
		}
		e.Routes = &routes
	}
	for _, m := range r.MissingElements {
		for _, x := range m.Elements {
			e.Missing[m.ID] = append(e.Missing[m.ID], x.ID)
		}
	}
	for _, s := range r.Subcategories {
		e.Subcategories[s.ID] = string(s.Strength)
	}
	for _, s := range r.OpenSubcategories {
		e.Subcategories[s.ID] = "open"
	}
	for _, q := range r.Requirements {
		e.Requirements[q.ID] = string(q.Status)
	}
	for _, p := range r.PivotalQuestions {
		e.Pivotal = append(e.Pivotal, p.Key)
	}
	for _, g := range r.RelatedRegimes {
		switch g.Status {
		case classify.RegimeTriggered:
			e.Regimes = append(e.Regimes, g.ID)
		case classify.RegimeCustomer:
			e.RegimesCustomer = append(e.RegimesCustomer, g.ID)
		default:
			e.RegimesUnknown = append(e.RegimesUnknown, g.ID)
		}
	}
	return e
}

// Difference is one way a result differs from what was expected. Expected
// and Got are JSON values: a string, a bool, a list of strings, or nil for
// none.
type Difference struct {
	Field    string `json:"field"`
	Expected any    `json:"expected"`
	Got      any    `json:"got"`
}

// String says the difference in words.
func (d Difference) String() string {
	s := fmt.Sprintf("%s: expected %s, got %s", d.Field, words(d.Expected), words(d.Got))
	want, ok1 := d.Expected.([]string)
	got, ok2 := d.Got.([]string)
	if ok1 && ok2 {
		var notes []string
		if m := minus(want, got); len(m) > 0 {
			notes = append(notes, "missing "+strings.Join(m, ", "))
		}
		if u := minus(got, want); len(u) > 0 {
			notes = append(notes, "unexpected "+strings.Join(u, ", "))
		}
		if len(notes) > 0 {
			s += " (" + strings.Join(notes, "; ") + ")"
		}
	}
	return s
}

func words(v any) string {
	switch v := v.(type) {
	case nil:
		return "none"
	case []string:
		if len(v) == 0 {
			return "none"
		}
		return "[" + strings.Join(v, ", ") + "]"
	case *string:
		if v == nil {
			return "none"
		}
		return *v
	default:
		return fmt.Sprint(v)
	}
}

func minus(a, b []string) []string {
	var out []string
	for _, x := range a {
		if !slices.Contains(b, x) {
			out = append(out, x)
		}
	}
	return out
}

// Compare lists how got differs from want: lists compare as sets, an
// empty list or map is the same as none, and a left-out Covered is not
// compared. Differences come in the order of the expectation's fields, map
// keys sorted.
func Compare(want, got Expectation) []Difference {
	var ds []Difference
	if want.Verdict != got.Verdict {
		ds = append(ds, Difference{"verdict", orNil(want.Verdict), orNil(got.Verdict)})
	}
	ds = append(ds, compareMap("subcategories", want.Subcategories, got.Subcategories)...)
	if ws, gs := deref(want.Scope), deref(got.Scope); ws != gs {
		ds = append(ds, Difference{"scope", ws, gs})
	}
	if want.Covered != nil && got.Covered != nil && *want.Covered != *got.Covered {
		ds = append(ds, Difference{"covered_by_existing_licence", *want.Covered, *got.Covered})
	}
	ds = append(ds, compareMap("requirements", want.Requirements, got.Requirements)...)
	for _, l := range []struct {
		name      string
		want, got []string
	}{{"pivotal", want.Pivotal, got.Pivotal}, {"regimes", want.Regimes, got.Regimes}, {"regimes_unknown", want.RegimesUnknown, got.RegimesUnknown},
		{"regimes_customer", want.RegimesCustomer, got.RegimesCustomer}} {
		if !sameSet(l.want, l.got) {
			ds = append(ds, Difference{l.name, sorted(l.want), sorted(l.got)})
		}
	}
	if want.Authority != nil {
		if g, _ := deref(got.Authority).(string); !strings.Contains(g, *want.Authority) {
			ds = append(ds, Difference{"authority", "containing " + *want.Authority, deref(got.Authority)})
		}
	}
	if m := minus(want.Notes, got.Notes); len(m) > 0 {
		ds = append(ds, Difference{"notes", sorted(want.Notes), sorted(got.Notes)})
	}
	if want.Routes != nil {
		var g []string
		if got.Routes != nil {
			g = *got.Routes
		}
		if !sameSet(*want.Routes, g) {
			ds = append(ds, Difference{"routes", sorted(*want.Routes), sorted(g)})
		}
	}
	if want.Missing != nil {
		keys := map[string]bool{}
		for k := range want.Missing {
			keys[k] = true
		}
		for k := range got.Missing {
			keys[k] = true
		}
		ks := make([]string, 0, len(keys))
		for k := range keys {
			ks = append(ks, k)
		}
		sort.Strings(ks)
		for _, k := range ks {
			if !sameSet(want.Missing[k], got.Missing[k]) {
				ds = append(ds, Difference{"missing." + k, sorted(want.Missing[k]), sorted(got.Missing[k])})
			}
		}
	}
	return ds
}

func orNil(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func deref(s *string) any {
	if s == nil {
		return nil
	}
	return *s
}

func compareMap(name string, want, got map[string]string) []Difference {
	keys := map[string]bool{}
	for k := range want {
		keys[k] = true
	}
	for k := range got {
		keys[k] = true
	}
	var sortedKeys []string
	for k := range keys {
		sortedKeys = append(sortedKeys, k)
	}
	sort.Strings(sortedKeys)
	var ds []Difference
	for _, k := range sortedKeys {
		w, wok := want[k]
		g, gok := got[k]
		if wok != gok || w != g {
			var we, ge any
			if wok {
				we = w
			}
			if gok {
				ge = g
			}
			ds = append(ds, Difference{name + "." + k, we, ge})
		}
	}
	return ds
}

func sameSet(a, b []string) bool {
	return slices.Equal(sorted(a), sorted(b))
}

func sorted(s []string) []string {
	out := append([]string{}, s...)
	sort.Strings(out)
	return out
}

var fieldNotFound = regexp.MustCompile(`^line (\d+): field (\S+) not found in type \S+$`)

// yamlError words a decoding error as file:line: what, one problem a line,
// without the Go type names the decoder gives.
func yamlError(name string, err error) error {
	var te *yaml.TypeError
	if !errors.As(err, &te) {
		return fmt.Errorf("%s: %s", name, strings.TrimPrefix(err.Error(), "yaml: "))
	}
	var lines []string
	for _, e := range te.Errors {
		if m := fieldNotFound.FindStringSubmatch(e); m != nil {
			lines = append(lines, fmt.Sprintf("%s:%s: unknown key %q", name, m[1], m[2]))
			continue
		}
		e = strings.TrimPrefix(e, "line ")
		lines = append(lines, fmt.Sprintf("%s:%s", name, e))
	}
	return errors.New(strings.Join(lines, "\n"))
}
