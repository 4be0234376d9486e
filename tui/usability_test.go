package tui

import (
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"b22/classify"
)

// burst is keys that arrive in one message, as a paste or a slow link
// delivers them: "56" rather than "5" then "6".
func burst(s string) tea.Msg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)} }

// toLicences walks the meeting app up to the "licences already held"
// question, a multi-choice.
func toLicences(d *driver) {
	d.t.Helper()
	d.keys(walkKeys[:len(walkKeys)-2]...)
	d.wantQuestion("existing_licences")
}

// TestBurstMulti: two number keys in one message tick both choices, and
// enter records them.
func TestBurstMulti(t *testing.T) {
	d := newDriver(t, testOptions(t, "en"), 80, 24)
	toLicences(d)
	d.send(burst("56"))
	d.keys("enter")
	v, _ := value(t, d.saved(), "existing_licences")
	q := d.m.c.rs.Question("existing_licences")
	want := []any{q.Choices[4].ID, q.Choices[5].ID}
	if fmt.Sprint(v) != fmt.Sprint(want) {
		t.Errorf("existing_licences = %v, want %v", v, want)
	}
}

// TestBurstChoices: a burst on yes/no and numbered questions answers one
// question a key, as typed keys do.
func TestBurstChoices(t *testing.T) {
	d := newDriver(t, testOptions(t, "en"), 80, 24)
	d.keys("enter", "enter", "enter")
	d.send(burst("yy"))
	d.wantQuestion("max_participants")
	s := d.saved()
	for _, id := range []string{"realtime_voice", "realtime_video"} {
		if v, _ := value(t, s, id); v != true {
			t.Errorf("%s = %v, want true", id, v)
		}
	}
	// A number field takes a pasted amount whole.
	d.send(burst("300"))
	d.keys("enter")
	if v, _ := value(t, d.saved(), "max_participants"); v != 300.0 {
		t.Errorf("max_participants = %v, want 300", v)
	}
	d.send(burst("ynyy"))
	d.wantQuestion("use_cases")
	d.send(burst("14"))
	d.keys("enter", "y", "n")
	d.wantQuestion("audience")
	// An enum's number keys: "21" answers audience with 2 and
	// delivery_model with 1.
	d.send(burst("21"))
	d.wantQuestion("charging")
	s = d.saved()
	for id, want := range map[string]string{"audience": d.m.c.rs.Question("audience").Choices[1].ID, "delivery_model": d.m.c.rs.Question("delivery_model").Choices[0].ID} {
		if v, _ := value(t, s, id); v != want {
			t.Errorf("%s = %v, want %s", id, v, want)
		}
	}
	// The province filter takes a pasted name.
	d.send(burst("1ny31"))
	d.wantQuestion("province")
	d.send(burst("shanghai"))
	d.keys("enter")
	if v, _ := value(t, d.saved(), "province"); v != "shanghai" {
		t.Errorf("province = %v, want shanghai", v)
	}
}

// TestBurstTextField: a product name pasted in one message is the name,
// and a burst never leaks to the keys (L, q) of the screen.
func TestBurstTextField(t *testing.T) {
	d := newDriver(t, testOptions(t, "en"), 80, 24)
	d.send(burst("Lq Acme"))
	d.keys("enter", "enter", "enter")
	d.wantQuestion("realtime_voice")
	if got := d.m.s.Product.Name; got != "Lq Acme" {
		t.Errorf("product name = %q, want %q", got, "Lq Acme")
	}
	if d.m.c.lang != "en" || d.quit {
		t.Errorf("a burst in a text field switched the language or quit")
	}
}

// TestPickerAlias: the province filter searches a choice's other names.
func TestPickerAlias(t *testing.T) {
	q := ruleSet(t).Question("province")
	m := filterChoices(q.Choices, "tibet")
	if len(m) != 1 || q.Choices[m[0]].ID != "xizang" {
		t.Errorf("filter tibet = %v, want xizang", m)
	}
	// The shipped data's cities: what a product manager types first.
	for filter, want := range map[string]string{"shenz": "guangdong", "hang": "zhejiang", "xian": "shaanxi", "cheng": "sichuan", "深圳": "guangdong", "gd": "guangdong", "sd": "shandong"} {
		if m := filterChoices(q.Choices, filter); len(m) == 0 || q.Choices[m[0]].ID != want {
			t.Errorf("filter %q ranks %v first, want %s", filter, m, want)
		}
	}
	// "shen" starts Shenyang (Liaoning) and Shenzhen (Guangdong): both show.
	if m := filterChoices(q.Choices, "shen"); !slices.ContainsFunc(m, func(i int) bool { return q.Choices[i].ID == "guangdong" }) || !slices.ContainsFunc(m, func(i int) bool { return q.Choices[i].ID == "liaoning" }) {
		t.Errorf("filter shen = %v, want Liaoning and Guangdong", m)
	}
	// An alias is searched as the names are, by prefix and anywhere.
	choices := []classify.Choice{{ID: "guangdong", Label: classify.Text{Zh: "广东", En: "Guangdong"}, Also: []string{"Shenzhen", "Guangzhou"}},
		{ID: "zhejiang", Label: classify.Text{Zh: "浙江", En: "Zhejiang"}, Also: []string{"Hangzhou"}}}
	for filter, want := range map[string]string{"shen": "guangdong", "hang": "zhejiang", "GUANGZHOU": "guangdong"} {
		if m := filterChoices(choices, filter); len(m) != 1 || choices[m[0]].ID != want {
			t.Errorf("filter %q = %v, want %s", filter, m, want)
		}
	}
}

// completeAnswers writes the meeting app's answers file and returns the
// options that resume it.
func completeAnswers(t *testing.T, lang string) Options {
	t.Helper()
	o := testOptions(t, "en")
	d := newDriver(t, o, 80, 24)
	d.keys(walkKeys...)
	o.Lang = lang
	data, err := os.ReadFile(o.Path)
	if err != nil {
		t.Fatal(err)
	}
	s, err := ParseSession(o.RuleSet, o.Path, data)
	if err != nil {
		t.Fatal(err)
	}
	o.Resume, o.ResumeData = s, data
	return o
}

// TestQuitOnResumeScreen: ctrl+c on the intro of a complete answers file
// ends with those answers and their verdict, worded in the language of
// the screen.
func TestQuitOnResumeScreen(t *testing.T) {
	for _, lang := range []string{"en", "zh"} {
		o := completeAnswers(t, lang)
		d := newDriver(t, o, 80, 24)
		d.wantView(tr(lang, "intro_resume"))
		d.keys("ctrl+c")
		if !d.quit {
			t.Fatal("ctrl+c did not quit")
		}
		out := d.m.Outcome()
		if out.Result == nil || out.Result.Verdict != classify.VerdictLikely {
			t.Fatalf("%s: outcome verdict = %v, want likely", lang, out.Result)
		}
		line := out.ExitLine(o.RuleSet, "acme.json")
		want := map[string]string{"en": "the verdict so far: likely needs B22.", "zh": "目前的结论：很可能需要B22许可。"}[lang]
		if !strings.Contains(line, want) {
			t.Errorf("%s: exit line %q lacks %q", lang, line, want)
		}
	}
}

// TestPlainFixes: the plain mode's hints fit the question, L switches the
// language at the name prompt, and a section's heading comes before its
// first question after a switch.
func TestPlainFixes(t *testing.T) {
	o := testOptions(t, "en")
	_, out := plainRun(t, o, "L", "L", "Acme Meet", "", "L", "y", "y", "300", "y", "n")
	if s := readSession(t, o); s.Product.Name != "Acme Meet" {
		t.Errorf("product name = %q, want Acme Meet", s.Product.Name)
	}
	wantOutput(t, out,
		"产品名称（可选，直接回车跳过）：\n> L\nProduct name (optional; press Enter to skip):\n> Acme Meet",
		// After the switch at the first question: its section's heading,
		// then the question, in Chinese.
		"> L\n\n== 服务内容 ==\n\n1/27 用户之间能否通过产品实时语音交谈？",
		"输入整数，例如 12 或 1,500；不确定输入 s")
	if strings.Contains(out, "输入金额") || strings.Contains(out, "Type an amount") {
		t.Errorf("a count question got the money hint:\n%s", out)
	}
	o = testOptions(t, "en")
	_, out = plainRun(t, o, append(append([]string{}, meetingApp[:20]...), "1", "500万", "abc")...)
	wantOutput(t, out, "Type an amount, such as 1000万", "Type a percentage from 0 to 100")
}

// TestLiveLine: before any answer the line says so, and sub-categories
// that are still open are listed as open, not as findings.
func TestLiveLine(t *testing.T) {
	for _, lang := range []string{"en", "zh"} {
		d := newDriver(t, testOptions(t, lang), 60, 16)
		d.keys("enter", "enter", "enter")
		want := map[string]string{"en": "So far: nothing answered yet", "zh": "目前结论：尚未作答"}[lang]
		d.wantView(want)
		d.noView("?)", "？）", "likely")
		d.keys("y")
		d.wantView(map[string]string{"en": "still open:", "zh": "尚待确定："}[lang])
	}
}

// TestResultKeys: the key line offers enter only where it opens
// something; the ? list of the result names esc review and no key twice.
func TestResultKeys(t *testing.T) {
	d := newDriver(t, testOptions(t, "en"), 80, 24)
	d.keys(walkKeys...)
	d.keys("r")
	if len(d.m.result.items) == 0 {
		d.wantView("enter")
	}
	// A result with nothing to open: every question answered, no levers.
	d.m.result.items = nil
	d.noView("enter answer selected", "enter change answer")
	d.keys("?")
	d.wantView("esc", "review")
	keys := d.m.c.keys
	for _, ctx := range []keyContext{ctxIntro, ctxChoice, ctxMulti, ctxNumber, ctxPicker, ctxReview, ctxResult} {
		keys.ctx, keys.items, keys.memo = ctx, true, true
		keys.lever = ctx == ctxResult
		seen := map[string]string{}
		for _, g := range keys.FullHelp() {
			for _, b := range g {
				h := b.Help()
				if prev, ok := seen[h.Key]; ok && prev != h.Desc {
					t.Errorf("context %d: key %s listed as %q and %q", ctx, h.Key, prev, h.Desc)
				}
				seen[h.Key] = h.Desc
			}
		}
	}
}

// TestResultWords: the result screen names questions, conditions and
// sources in words, never by their ids.
func TestResultWords(t *testing.T) {
	for _, lang := range []string{"en", "zh"} {
		d := newDriver(t, testOptions(t, lang), 80, 400)
		d.keys("enter", "enter", "enter", "y", "y", "300", "enter", "s", "s", "y", "y", "1", "enter", "y", "s", "2", "1", "1", "n", "ctrl+g", "6", "enter")
		v := d.view()
		// A source's address is shown as it is (it may hold "cms_files"):
		// not an id.
		urls := regexp.MustCompile(`https?://\S+`)
		ids := regexp.MustCompile(`\b(requirements|related_regimes|licence)\.[a-z_]+|\b[a-z]+_[a-z_]+\b|\[[a-z][a-z0-9-]*\]|catalogue-2015`)
		if m := ids.FindAllString(urls.ReplaceAllString(v, ""), -1); len(m) > 0 {
			t.Errorf("%s: ids on the result screen: %v\n%s", lang, m, v)
		}
		if lang == "zh" {
			// Chinese lines use Chinese brackets and colons.
			for _, l := range strings.Split(v, "\n") {
				if regexp.MustCompile(`\p{Han}[(:]|[):]\p{Han}|\p{Han} \(`).MatchString(l) {
					t.Errorf("zh: ASCII punctuation in %q", l)
				}
			}
		}
	}
}

// TestNarrowWraps: at 50 columns choices, the review and the keys wrap
// or drop whole; no line is cut with an ellipsis or runs past the width.
func TestNarrowWraps(t *testing.T) {
	for _, lang := range []string{"en", "zh"} {
		d := newDriver(t, testOptions(t, lang), 50, 16)
		check := func(where string) {
			t.Helper()
			lines := strings.Split(d.view(), "\n")
			for n, l := range lines {
				if n >= len(lines)-3 {
					break // "So far" may end in an ellipsis that says it goes on
				}
				if w := ansi.StringWidth(l); w > 50 {
					t.Errorf("%s %s: line of %d columns: %q", lang, where, w, l)
				}
				if strings.HasSuffix(strings.TrimRight(l, " "), "…") {
					t.Errorf("%s %s: line cut: %q\n%s", lang, where, l, d.view())
				}
			}
		}
		d.keys("enter", "enter", "enter")
		check("bool")
		d.keys("y", "y", "300", "enter", "y", "n", "y", "y", "1", "enter", "y", "n", "2")
		d.wantQuestion("delivery_model")
		check("enum")
		q := d.m.c.rs.Question("delivery_model")
		last := []rune(q.Choices[3].Label.In(lang))
		d.wantView(string(last[len(last)-3:]), strings.TrimSuffix(tr(lang, "more_below"), " %d more")[:3])
		d.keys("ctrl+g")
		d.keys("5", "enter")
		check("review")
		title := []rune(d.m.c.rs.Questions()[0].Title.In(lang))
		d.wantView(string(title[len(title)-2:]))
	}
}

// TestLongNameShowsCut: a focused field holding more than it shows says
// so with an ellipsis where the start is hidden.
func TestLongNameShowsCut(t *testing.T) {
	for _, width := range []int{80, 160} {
		d := newDriver(t, testOptions(t, "en"), width, 24)
		d.keys("down")
		long := strings.Repeat("Shenzhen Acme Communications Technology ", 2) + "Co., Ltd."
		d.send(paste(long))
		if width == 160 {
			// A wide terminal shows it whole.
			d.wantView(long)
			continue
		}
		d.wantView("…", "Co., Ltd.")
		d.noView(long)
		d.keys("up")
		d.wantView("Shenzhen Acme", "…")
	}
}

// TestResultRoutes: the result screen lists the routes to compliance the
// engine confirmed, as the text report does, with what each achieves.
func TestResultRoutes(t *testing.T) {
	for lang, want := range map[string][]string{
		"en": {"Routes to compliance", "Have a licensed provider run the service as operator of record", "what it achieves: "},
		"zh": {"合规路径", "效果："},
	} {
		d := newDriver(t, testOptions(t, lang), 80, 400)
		d.keys("enter", "enter", "enter", "y", "y", "300", "enter", "s", "s", "y", "y", "1", "enter", "y", "s", "2", "1", "1", "n", "ctrl+g", "6", "enter")
		d.wantView(want...)
	}
}
