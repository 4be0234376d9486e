package tui

import (
	"os"
	"strings"
	"testing"
)

// meetingApp is the plain-mode input for the nationwide meeting app with
// phone dial-in, one answer a line.
var meetingApp = []string{"Acme Meet", "Acme Ltd",
	"y", "y", "300", "y", "n", "y", "y", "1 4", "y", "n", // the service
	"2", "1", "1", "n", // how it is offered
	"y", "3", "1", "shanghai", // where
	"1", "500万", "0", "12", "y", "y", "y", "6", // the company
	"", // review: see the result
}

func plainRun(t *testing.T, o Options, lines ...string) (*Outcome, string) {
	t.Helper()
	var out strings.Builder
	res, err := RunAccessible(o, strings.NewReader(strings.Join(lines, "\n")+"\n"), &out, 80)
	if err != nil {
		t.Fatalf("RunAccessible: %v\n%s", err, out.String())
	}
	if strings.Contains(out.String(), "\x1b") {
		t.Errorf("plain mode wrote an escape sequence:\n%q", out.String())
	}
	return res, out.String()
}

func wantOutput(t *testing.T, out string, subs ...string) {
	t.Helper()
	for _, s := range subs {
		if !strings.Contains(out, s) {
			t.Errorf("output lacks %q", s)
		}
	}
	if t.Failed() {
		t.Logf("output:\n%s", out)
	}
}

func TestAccessibleWalk(t *testing.T) {
	o := testOptions(t, "en")
	res, out := plainRun(t, o, meetingApp...)
	wantOutput(t, out,
		"1/27 Do users talk with each other live by voice through the product?",
		"  y) yes\n  n) no\n  s) not sure\nType y for yes or n for no; s if not sure; ? for help; b to go back.",
		// Answers read from a pipe are written after their prompt.
		"> Acme Meet\n", "> 500万\n",
		"== How it is offered ==",
		"  19) Guangdong  广东",
		"== Review ==",
		"  20) What is the company's registered capital (in yuan)? — RMB 5,000,000",
		"Verdict", "Licence conditions",
		// What changing a given answer would change, as the text report
		// says it.
		"What would change it\n  • Who uses the service? business customers → own staff and group companies",
		"Answers saved to "+o.Path+".")
	if len(res.Result.Levers) == 0 {
		t.Error("the plain mode's result has no levers")
	}
	if !res.Finished || res.Result.Verdict != "likely" {
		t.Errorf("finished %v, verdict %s; want finished, likely", res.Finished, res.Result.Verdict)
	}
	s := readSession(t, o)
	if v, _ := value(t, s, "registered_capital_cny"); v != 5e6 {
		t.Errorf("registered_capital_cny = %v", v)
	}
	if v, _ := value(t, s, "province"); v != "shanghai" {
		t.Errorf("province = %v", v)
	}
	if v, _ := value(t, s, "text_chat"); v != true {
		t.Errorf("text_chat = %v, want true", v)
	}
	if v, _ := value(t, s, "hosting"); v != "mainland" {
		t.Errorf("hosting = %v, want mainland", v)
	}
}

func TestAccessibleChinese(t *testing.T) {
	o := testOptions(t, "zh")
	res, out := plainRun(t, o, append(append([]string{}, meetingApp[:16]...), "y", "3", "1", "广东", "-", "1.5亿", "-", "-", "-", "-", "-", "0", "")...)
	wantOutput(t, out,
		"2/27 用户之间能否通过产品实时视频（互相看到对方）？",
		"输入 y 表示是，n 表示否；不确定输入 s；? 查看说明；b 返回上一题。",
		"== 提供方式 ==",
		"  19) 广东  Guangdong",
		"== 检查答案 ==",
		"公司注册资本是多少（人民币元）？ — 人民币15000万元",
		"哪些改变会改变结论\n  • ",
		"答案已保存到")
	if res.Result.Verdict != "likely" {
		t.Errorf("verdict %s, want likely", res.Result.Verdict)
	}
	if v, _ := value(t, readSession(t, o), "province"); v != "guangdong" {
		t.Errorf("province = %v, want guangdong", v)
	}
}

func TestAccessibleReprompts(t *testing.T) {
	o := testOptions(t, "en")
	_, out := plainRun(t, o, "", "",
		"", "maybe", "?", "y", // realtime_voice: empty, bad, help, yes
		"b", "", // back to realtime_voice, Enter keeps yes
		"y", "-5", "1,5", "2.5", "1000001", "40", // max_participants
		"b", "b", "L", "", "L", // back twice, switch language, keep, switch back
		"s", "s", "y", "y", "8", "1 9", "0") // not sure, not sure, yes, relay yes, bad choice, bad list, none
	wantOutput(t, out,
		"No answer yet. Type y for yes or n for no",
		"> maybe\n"+`"maybe" is not one of the choices. Type y for yes or n for no`,
		"Two or more users online at the same time",
		"Why it matters: Real-time voice is an element",
		"Current answer: yes (press Enter to keep it).",
		"It cannot be negative: type 0 or more.",
		`"1,5" can be read two ways`,
		"Type a whole number, such as 3.",
		"Type a whole number from 2 to 1,000,000.",
		"2/27 用户之间能否通过产品实时视频（互相看到对方）？",
		`"8" is not one of the choices.`,
		`"9" is not one of the choices.`)
	s := readSession(t, o)
	if v, _ := value(t, s, "max_participants"); v != 40.0 {
		t.Errorf("max_participants = %v, want 40", v)
	}
	if v, ok := value(t, s, "pstn_access"); v != nil || !ok {
		t.Errorf("pstn_access = %v (answered %v), want not sure", v, ok)
	}
	if v, _ := value(t, s, "use_cases"); !cmpStrings(v) {
		t.Errorf("use_cases = %v, want none", v)
	}
}

// TestAccessibleStopAndResume: the end of input saves and stops; the next
// run resumes and asks only what is missing.
func TestAccessibleStopAndResume(t *testing.T) {
	o := testOptions(t, "en")
	res, out := plainRun(t, o, "Acme Meet", "", "y", "y", "300", "-")
	if res.Finished {
		t.Error("stopped run reported finished")
	}
	wantOutput(t, out, "Stopped before the end: 4 of about 27 questions answered.", "Verdict", "Answers saved to")
	if res.Result.Verdict != "undetermined" {
		t.Errorf("partial verdict = %s, want undetermined", res.Result.Verdict)
	}
	data, err := os.ReadFile(o.Path)
	if err != nil {
		t.Fatal(err)
	}
	s := readSession(t, o)
	o.Resume, o.ResumeData = s, data
	_, out = plainRun(t, o, "y", "n")
	wantOutput(t, out, "Found saved answers in "+o.Path+" (4 of about 27 answered). Resume them?", "5/27 Do video-conference terminals connect")
	for _, asked := range []string{"1/27 ", "2/27 ", "3/27 ", "4/27 ", "Product name"} {
		if strings.Contains(out, asked) {
			t.Errorf("resumed run asked %q again", asked)
		}
	}
	if v, _ := value(t, readSession(t, o), "telephone_network_video"); v != false {
		t.Errorf("telephone_network_video = %v, want false", v)
	}
	// n starts over and keeps a backup.
	data, _ = os.ReadFile(o.Path)
	o.Resume, o.ResumeData = readSession(t, o), data
	_, out = plainRun(t, o, "n", "", "")
	wantOutput(t, out, "Old answers kept in ", "1/27 ")
	if b, err := os.ReadFile(siblingPath(o.Path, ".bak.json")); err != nil || string(b) != string(data) {
		t.Errorf("backup: %v", err)
	}
}

func TestAccessibleProvinceNames(t *testing.T) {
	rs := ruleSet(t)
	q := rs.Question("province")
	f := newField(plainCommon(rs, "en", 80), NewSession(rs), rs.QuestionIndex(q.ID), "")
	for in, want := range map[string]string{"guangdong": "guangdong", "广东": "guangdong", "Inner Mongolia": "nei_menggu", "19": "guangdong", "nmg": "nei_menggu"} {
		v, problem := f.parseLine(in)
		if problem != "" || q.JSONValue(v) != want {
			t.Errorf("province %q = %v (%s), want %s", in, q.JSONValue(v), problem, want)
		}
	}
	if _, problem := f.parseLine("shan"); !strings.Contains(problem, "Several match") || !strings.Contains(problem, "27) Shaanxi") {
		t.Errorf("ambiguous province: %q", problem)
	}
}

func readSession(t *testing.T, o Options) *Session {
	t.Helper()
	data, err := os.ReadFile(o.Path)
	if err != nil {
		t.Fatal(err)
	}
	s, err := ParseSession(o.RuleSet, o.Path, data)
	if err != nil {
		t.Fatalf("saved file is not a valid document: %v\n%s", err, data)
	}
	return s
}

// TestAccessibleYesNoTakesWordsOnly: a yes/no question takes the words its
// prompt offers, not a number, so answers one line out of step (a choice
// meant for the question before) are refused, not recorded.
func TestAccessibleYesNoTakesWordsOnly(t *testing.T) {
	o := testOptions(t, "en")
	_, out := plainRun(t, o, "", "", "1", "2", "q")
	wantOutput(t, out, `"1" is not one of the choices. Type y for yes or n for no`, `"2" is not one of the choices.`)
	// Nothing was answered, so nothing was saved.
	if _, err := os.Stat(o.Path); err == nil {
		if _, ok := value(t, readSession(t, o), "realtime_voice"); ok {
			t.Error("a number answered a yes/no question")
		}
	}
}
