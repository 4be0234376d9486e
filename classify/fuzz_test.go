package classify_test

import (
	"errors"
	"testing"
	"testing/fstest"

	"b22/classify"
)

// FuzzLoad: a rules.yaml of any content is loaded or refused with problems,
// never a panic or a hang (aliases are refused, so no YAML bomb expands).
func FuzzLoad(f *testing.F) {
	base := ruleFiles(f)
	f.Add(base["rules.yaml"].Data)
	f.Add([]byte("gates: []\nsubcategories: []\n"))
	f.Add([]byte("a: &a [x]\nb: [*a, *a, *a]\n"))
	f.Add([]byte("gates:\n  - id: g\n    when: {any: []}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		m := fstest.MapFS{}
		for k, v := range base {
			m[k] = v
		}
		m["rules.yaml"] = &fstest.MapFile{Data: data}
		rs, err := classify.Load(m)
		if err != nil {
			var ps classify.Problems
			if !errors.As(err, &ps) {
				t.Fatalf("Load failed without problems: %v", err)
			}
			for _, p := range ps {
				if p.Code == "" {
					t.Fatalf("problem without a code: %v", p)
				}
			}
			return
		}
		for _, p := range rs.Lint() {
			if p.Code == "" {
				t.Fatalf("lint problem without a code: %v", p)
			}
		}
	})
}
