package report_test

import (
	"bytes"
	"io/fs"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"b22/classify"
	"b22/classify/answers"
	"b22/internal/golden"
	"b22/internal/report"
	"b22/questionnaires"
)

// TestTextGolden pins the text output of every shipped example in both
// languages, at 80 columns without colour, levers included.
func TestTextGolden(t *testing.T) {
	rs, examples := shippedExamples(t)
	for _, ex := range examples {
		for _, lang := range []string{"en", "zh"} {
			name := ex.name + "." + lang
			t.Run(name, func(t *testing.T) {
				var b bytes.Buffer
				report.WriteText(&b, rs, ex.doc, ex.res, report.TextOptions{Lang: lang, Width: 80})
				golden.Check(t, filepath.Join("testdata", "text", name+".golden"), b.Bytes())
			})
		}
	}
}

// assessed is a shipped example as b22 classify assesses it.
type assessed struct {
	name string // the file's name without its extension
	doc  *classify.Document
	res  *classify.Result
}

// shippedExamples is the shipped rule set and its examples, assessed on
// 2026-11-01.
func shippedExamples(t *testing.T) (*classify.RuleSet, []assessed) {
	t.Helper()
	rs, err := classify.Load(questionnaires.Shipped())
	if err != nil {
		t.Fatal(err)
	}
	asOf, _ := classify.ParseDate("2026-11-01")
	files, _ := fs.Glob(questionnaires.Shipped(), "examples/*")
	if len(files) == 0 {
		t.Fatal("no examples")
	}
	var out []assessed
	for _, f := range files {
		data, err := fs.ReadFile(questionnaires.Shipped(), f)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := answers.New(rs).Parse(f, data, answers.FormatAuto)
		if err != nil {
			t.Fatal(err)
		}
		res, err := rs.Evaluate(doc, classify.Options{AsOf: asOf, Levers: true})
		if err != nil {
			t.Fatalf("Evaluate(%s): %v", f, err)
		}
		out = append(out, assessed{strings.TrimSuffix(filepath.Base(f), filepath.Ext(f)), doc, res})
	}
	return rs, out
}

// TestTextFitsTheWidth: no line of the text report is wider than the
// width it is written for (a Chinese full stop hanging past column 80
// wraps onto a line of its own on an 80-column terminal), and no line
// starts with closing punctuation.
func TestTextFitsTheWidth(t *testing.T) {
	rs, examples := shippedExamples(t)
	for _, ex := range examples {
		for _, lang := range []string{"en", "zh"} {
			for _, width := range []int{50, 80} {
				var b bytes.Buffer
				report.WriteText(&b, rs, ex.doc, ex.res, report.TextOptions{Lang: lang, Width: width})
				for n, line := range strings.Split(b.String(), "\n") {
					if w := ansi.StringWidth(line); w > width && !strings.Contains(line, "://") {
						t.Errorf("%s %s at %d: line %d is %d columns: %q", ex.name, lang, width, n+1, w, line)
					}
					if s := strings.TrimLeft(line, " "); s != "" && strings.ContainsRune("，。、；：！？）」』】》〉”’", []rune(s)[0]) {
						t.Errorf("%s %s at %d: line %d starts with closing punctuation: %q", ex.name, lang, width, n+1, line)
					}
				}
			}
		}
	}
}

// TestTextOpenQuestionsWording: an answer to a pivotal question that
// settles nothing alone says so rather than repeat "undetermined", with a
// note where no answer settles it; "Other open questions" only follows the
// questions the verdict depends on; an open regime does not call answers
// given as "not sure" unanswered.
func TestTextOpenQuestionsWording(t *testing.T) {
	rs, err := classify.Load(questionnaires.Shipped())
	if err != nil {
		t.Fatal(err)
	}
	asOf, _ := classify.ParseDate("2026-11-01")
	write := func(doc, lang string) string {
		d, err := answers.New(rs).Parse("x.json", []byte(doc), answers.FormatAuto)
		if err != nil {
			t.Fatal(err)
		}
		r, err := rs.Evaluate(d, classify.Options{AsOf: asOf, Levers: true})
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		report.WriteText(&b, rs, d, r, report.TextOptions{Lang: lang, Width: 80})
		return b.String()
	}
	// Five participants: too few for the media path to be implied, so it
	// stays a pivotal question whose answers settle nothing alone.
	half, _ := fs.ReadFile(questionnaires.Shipped(), "examples/half-known.json")
	five := strings.Replace(string(half), `"max_participants": 40`, `"max_participants": 5`, 1)
	if five == string(half) {
		t.Fatal("half-known.json no longer has 40 participants")
	}
	en, zh := write(five, "en"), write(five, "zh")
	for _, c := range []struct{ text, want, not string }{
		{en, "yes → still open; no → still open", "→ undetermined"},
		{en, "No answer to this question settles the verdict alone", "(depends on unanswered questions)"},
		{zh, "是 → 仍待确定；否 → 仍待确定", "→ 尚无法判断"},
		{zh, "单独回答此题不能确定结论", "（取决于未回答的问题）"},
	} {
		if !strings.Contains(c.text, c.want) || strings.Contains(c.text, c.not) {
			t.Errorf("want %q and no %q in:\n%s", c.want, c.not, c.text)
		}
	}
	// A settled verdict with questions still open: no "Other".
	settled := `{"answers": {"realtime_voice": true, "realtime_video": true, "max_participants": 300, "internet_delivery": true, "media_relay": true, "use_cases": ["meetings"], "audience": "public", "mainland_users": true, "delivery_model": "own_platform", "telephone_network_video": false, "pstn_access": false}}`
	for lang, want := range map[string]string{"en": "\nOpen questions\n", "zh": "\n待确认问题\n"} {
		text := write(settled, lang)
		if !strings.Contains(text, want) || strings.Contains(text, "Other open questions") || strings.Contains(text, "其他待确认问题") {
			t.Errorf("%s: want the heading %q alone:\n%s", lang, want, text)
		}
	}
}

// TestTextChinesePunctuation: Chinese text uses full-width brackets and
// no space after them: "（链接为转载）", not " (链接为转载)".
func TestTextChinesePunctuation(t *testing.T) {
	rs, examples := shippedExamples(t)
	bad := regexp.MustCompile(`[\p{Han}）》][(),;:]|[(),;:][\p{Han}]|） \p{Han}`)
	for _, ex := range examples {
		var b bytes.Buffer
		report.WriteText(&b, rs, ex.doc, ex.res, report.TextOptions{Lang: "zh", Width: 80})
		for n, line := range strings.Split(b.String(), "\n") {
			if m := bad.FindString(line); m != "" {
				t.Errorf("%s line %d: half-width punctuation %q in %q", ex.name, n+1, m, line)
			}
		}
	}
}
