package classify

import (
	"regexp"
	"testing"
)

// The placeholder grammar as a regular expression: the reference expand is
// held to.
var placeholderRE = regexp.MustCompile(`\{([a-z0-9_]+)(\.(zh|en|full|bare))?\}`)

func expandByRegexp(s string, f func(whole string, p placeholder) string) string {
	return placeholderRE.ReplaceAllStringFunc(s, func(whole string) string {
		m := placeholderRE.FindStringSubmatch(whole)
		return f(whole, placeholder{name: m[1], suffix: m[3]})
	})
}

func checkExpand(t *testing.T, s string) {
	t.Helper()
	mark := func(whole string, p placeholder) string { return "<" + p.name + "|" + p.suffix + ">" }
	if got, want := expand(s, mark), expandByRegexp(s, mark); got != want {
		t.Fatalf("expand(%q) = %q, want %q", s, got, want)
	}
}

func TestExpand(t *testing.T) {
	for _, s := range []string{
		"", "plain", "{", "}", "{}", "{a}", "{a.zh}", "{a.en}{b.full}", "{a.fr}", "{a.}", "{a.zh", "{a.zhx}",
		"{{a}}", "x{a_1}y{2}z", "{A}", "{a-b}", "人民币{min_capital}元", "{province.full}通信管理局", "{a.full}}", "{.zh}",
	} {
		checkExpand(t, s)
	}
	if s := "no placeholder {here"; expand(s, nil) != s {
		t.Fatal("a text without placeholders changed")
	}
}

func FuzzExpand(f *testing.F) {
	for _, s := range []string{"{a}", "{province.full}通信管理局", "{a.zh}{b}", "{{x.en}}"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkExpand(t, s) })
}
