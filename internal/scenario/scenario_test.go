package scenario

import (
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"b22/classify"
	"b22/questionnaires"
)

func ptr[T any](v T) *T { return &v }

func TestCompare(t *testing.T) {
	want := Expectation{Verdict: "likely", Subcategories: map[string]string{"a": "likely"}, Scope: ptr("provincial"),
		Covered: ptr(false), Pivotal: []string{"x", "y"}, Regimes: nil}
	got := Expectation{Verdict: "possible", Subcategories: map[string]string{"a": "possible", "b": "likely"}, Scope: nil,
		Covered: ptr(true), Requirements: map[string]string{}, Pivotal: []string{"y", "z"}, Regimes: []string{}}
	var lines []string
	for _, d := range Compare(want, got) {
		lines = append(lines, d.String())
	}
	wantLines := []string{
		"verdict: expected likely, got possible",
		"subcategories.a: expected likely, got possible",
		"subcategories.b: expected none, got likely",
		"scope: expected provincial, got none",
		"covered_by_existing_licence: expected false, got true",
		"pivotal: expected [x, y], got [y, z] (missing x; unexpected z)",
	}
	if diff := cmp.Diff(wantLines, lines); diff != "" {
		t.Errorf("Compare (-want +got):\n%s", diff)
	}
	// Order of lists, nil against empty, and a left-out Covered do not count.
	same := Expectation{Verdict: "likely", Pivotal: []string{"b", "a"}}
	other := Expectation{Verdict: "likely", Pivotal: []string{"a", "b"}, Covered: ptr(true), Subcategories: map[string]string{}}
	if ds := Compare(same, other); len(ds) != 0 {
		t.Errorf("Compare(same) = %v, want none", ds)
	}
}

func TestLoadErrors(t *testing.T) {
	if _, err := Load(fstest.MapFS{}); err == nil || !strings.Contains(err.Error(), "no scenario files") {
		t.Errorf("Load(empty) = %v, want no scenario files", err)
	}
	fsys := fstest.MapFS{"tests/a.yaml": {Data: []byte("scenarios:\n  - name: one\n    expect:\n      verdit: likely\n")}}
	if _, err := Load(fsys); err == nil || !strings.Contains(err.Error(), "tests/a.yaml:4: unknown key") || !strings.Contains(err.Error(), "verdit") {
		t.Errorf("Load(misspelt key) = %v, want the file and the key", err)
	}
	fsys = fstest.MapFS{"tests/a.yaml": {Data: []byte("scenarios:\n  - name: one\n  - name: two\n")}}
	files, err := Load(fsys)
	if err != nil || len(files) != 1 || files[0].Scenarios[1].Line != 3 {
		t.Errorf("Load = %+v, %v; want two scenarios, the second at line 3", files, err)
	}
}

// TestRun runs the wide test rule set's scenarios, then the same with a
// name repeated and an expectation changed.
func TestRun(t *testing.T) {
	dir := "../../testdata/rules/wide"
	rs, err := classify.Load(os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	files, err := Load(os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	rep := Run(rs, files, nil)
	if !rep.OK() || rep.Passed < 5 {
		t.Fatalf("Run(%s) = %d passed, %d failed; want all of at least 5 to pass", dir, rep.Passed, rep.Failed)
	}
	list := files[0].Scenarios
	changed := list[1]
	changed.Expect.Verdict = "unlikely"
	bad := []File{{Name: "tests/bad.yaml", Scenarios: []Scenario{list[0], list[0], changed}}}
	rep = Run(rs, bad, nil)
	var b strings.Builder
	if err := WriteText(&b, rep, "rules", false); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"FAIL  rules/tests/bad.yaml:" + strconv.Itoa(list[0].Line) + ": " + list[0].Name + "\n        duplicate scenario name; first used at tests/bad.yaml:",
		"verdict: expected unlikely, got " + list[1].Expect.Verdict + "\n",
		"FAIL: 3 scenario(s) in 1 file(s): 1 passed, 2 failed\n",
	} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("WriteText lacks %q:\n%s", want, b.String())
		}
	}
	if got := Run(rs, bad, func(name string) bool { return false }); len(got.Files) != 0 || got.Passed+got.Failed != 0 {
		t.Errorf("Run(none matching) = %+v, want nothing", got)
	}
}

// FuzzParse: a scenario file of any content gives scenarios or an error
// that says what is wrong, never a panic; what it accepts runs.
func FuzzParse(f *testing.F) {
	f.Add([]byte("- name: a\n  answers: {realtime_voice: true}\n  expect: {verdict: likely}\n"))
	f.Add([]byte("- name: a\n  as_of: 2019-01-01\n  answers: {}\n  expect: {subcategories: {multiparty_telephone: likely}}\n"))
	f.Add([]byte("[]"))
	f.Add([]byte("- {name: x, verdit: 1}"))
	f.Fuzz(func(t *testing.T, data []byte) {
		scs, err := Parse("f.yaml", data)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("empty error")
			}
			return
		}
		rs := ruleSetForFuzz(t)
		Run(rs, []File{{Name: "f.yaml", Scenarios: scs}}, nil)
	})
}

var fuzzRules = sync.OnceValues(func() (*classify.RuleSet, error) { return classify.Load(questionnaires.Shipped()) })

func ruleSetForFuzz(t *testing.T) *classify.RuleSet {
	rs, err := fuzzRules()
	if err != nil {
		t.Fatal(err)
	}
	return rs
}
