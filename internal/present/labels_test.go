package present_test

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"b22/classify"
	"b22/internal/present"
)

// TestLabelsUsed: every key a renderer asks the shared table for by name
// is in it, so that no screen or report shows a key instead of words.
func TestLabelsUsed(t *testing.T) {
	call := regexp.MustCompile(`\.Labelf?\("([^"]+)"\s*[,)]`)
	files, err := filepath.Glob("../*/*.go")
	if err != nil {
		t.Fatal(err)
	}
	tui, _ := filepath.Glob("../../tui/*.go")
	seen := 0
	for _, f := range append(files, tui...) {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range call.FindAllStringSubmatch(string(src), -1) {
			seen++
			if !present.HasLabel(m[1]) {
				t.Errorf("%s asks for the label %q, which the shared table lacks", f, m[1])
			}
		}
	}
	if seen == 0 {
		t.Fatal("found no use of Label: the pattern is out of date")
	}
}

// TestCount: counts read as prose writes them, from the rule set's own
// numbers.
func TestCount(t *testing.T) {
	for _, tt := range []struct {
		n      int
		zh, en string
	}{{2, "两", "two"}, {3, "三", "three"}, {10, "十", "ten"}, {20, "二十", "20"}, {123, "123", "123"}} {
		if got := present.Count(tt.n, "zh"); got != tt.zh {
			t.Errorf("Count(%d, zh) = %q, want %q", tt.n, got, tt.zh)
		}
		if got := present.Count(tt.n, "en"); got != tt.en {
			t.Errorf("Count(%d, en) = %q, want %q", tt.n, got, tt.en)
		}
	}
}

// TestFill: the licence's code, name and number of sub-categories come
// from the rule set.
func TestFill(t *testing.T) {
	rs := ruleSet(t)
	wide, err := classify.Load(os.DirFS("../../testdata/rules/wide"))
	if err != nil {
		t.Fatal(err)
	}
	s := "{licence_name} ({licence}), {subcategory_count} sub-categories"
	for _, tt := range []struct {
		rs   *classify.RuleSet
		lang string
		want string
	}{
		{rs, "en", "domestic multi-party communication services (B22), three sub-categories"},
		{rs, "zh", "国内多方通信服务业务 (B22), 三 sub-categories"},
		{wide, "en", "twenty-kind test service (Z20), 20 sub-categories"},
		{wide, "zh", "二十类测试业务 (Z20), 二十 sub-categories"},
	} {
		if got := present.NewWords(tt.rs, tt.lang).Fill(s); got != tt.want {
			t.Errorf("Fill in %s = %q, want %q", tt.lang, got, tt.want)
		}
	}
}
