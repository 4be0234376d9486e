package tui

import (
	"b22/internal/present"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// TestI18nTexts: every UI string has both languages, with the same
// formatting arguments.
func TestI18nTexts(t *testing.T) {
	verb := regexp.MustCompile(`%(\[(\d+)\])?[-+# 0-9.]*([a-zA-Z%])`)
	args := func(s string) string {
		var out []string
		n := 0
		for _, m := range verb.FindAllStringSubmatch(s, -1) {
			if m[3] == "%" {
				continue
			}
			if m[2] != "" {
				n, _ = strconv.Atoi(m[2])
			} else {
				n++
			}
			out = append(out, strconv.Itoa(n)+m[3])
		}
		sort.Strings(out)
		return strings.Join(out, " ")
	}
	for k, v := range uiText {
		if v.En == "" || v.Zh == "" {
			if k != "sep" || v.En == "" {
				t.Errorf("%s: en %q, zh %q: both languages needed", k, v.En, v.Zh)
			}
		}
		if a, b := args(v.En), args(v.Zh); a != b {
			t.Errorf("%s: arguments differ: en %q, zh %q", k, a, b)
		}
	}
}

// TestI18nKeys: every key the code looks up is in the table; keys made up
// at run time (sub_…, scope_…, wrote_…) are checked
// against the values they are made from.
func TestI18nKeys(t *testing.T) {
	files, _ := filepath.Glob("*.go")
	lookup := regexp.MustCompile(`(?:\bt|tr\(\w+(?:\.\w+)?,|sayf|label)\("([a-z_]+)"`)
	found := 0
	defer func() {
		if found < 100 {
			t.Errorf("found only %d look-ups in the source; the pattern is broken", found)
		}
	}()
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range lookup.FindAllStringSubmatch(string(src), -1) {
			found++
			if _, ok := uiText[m[1]]; !ok && !present.HasLabel(m[1]) && !strings.HasSuffix(m[1], "_") {
				t.Errorf("%s: key %q is in neither uiText nor the shared table", f, m[1])
			}
			if _, ok := uiText[m[1]]; ok && present.HasLabel(m[1]) && uiText[m[1]] == present.SharedLabel(m[1]) {
				t.Errorf("%s: key %q repeats the shared table's words; drop it from uiText", f, m[1])
			}
		}
	}
	// The names of sub-categories and licences come from the rule data
	// (a sub-category's short name, a scope's licence), in both languages.
	rs := ruleSet(t)
	for _, s := range rs.Subcategories() {
		if s.Short.Zh == "" || s.Short.En == "" {
			t.Errorf("sub-category %s has no short name in both languages", s.ID)
		}
	}
	for _, s := range rs.Scopes() {
		if s.Licence.Zh == "" || s.Licence.En == "" {
			t.Errorf("scope %s names no licence in both languages", s.ID)
		}
	}
	var keys []string
	for _, w := range []string{"answers", "result", "memo", "backup"} {
		keys = append(keys, "wrote_"+w)
	}
	for _, a := range []string{"intro_start", "intro_resume", "intro_start_over"} {
		keys = append(keys, a)
	}
	for _, k := range keys {
		if _, ok := uiText[k]; !ok {
			t.Errorf("key %q is not in uiText", k)
		}
	}
}
