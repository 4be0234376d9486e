package memo

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"b22/classify"
	"b22/classify/answers"
	"b22/internal/outline"
	"b22/questionnaires"
)

// prepared is the date every test memo is prepared on.
var prepared = mustDate("2026-11-26")

func mustDate(s string) classify.Date {
	d, err := classify.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func ruleSet(t testing.TB) *classify.RuleSet {
	t.Helper()
	rs, err := classify.Load(questionnaires.Shipped())
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return rs
}

// example parses and assesses one of the shipped examples, as b22 memo
// does.
func example(t testing.TB, rs *classify.RuleSet, name string) (*classify.Document, *classify.Result) {
	t.Helper()
	data, err := fsRead(name)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := answers.New(rs).Parse(name, data, answers.FormatAuto)
	if err != nil {
		t.Fatalf("ParseAnswers(%s): %v", name, err)
	}
	res, err := rs.Evaluate(doc, classify.Options{AsOf: prepared, Levers: true})
	if err != nil {
		t.Fatalf("Evaluate(%s): %v", name, err)
	}
	return doc, res
}

func fsRead(name string) ([]byte, error) {
	f, err := questionnaires.Shipped().Open("examples/" + name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(f)
}

// unzip returns the parts of a DOCX by name, and their names in order.
func unzip(t testing.TB, data []byte) (map[string][]byte, []string) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("the DOCX is not a zip: %v", err)
	}
	parts := map[string][]byte{}
	var names []string
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		parts[f.Name] = b
		names = append(names, f.Name)
	}
	return parts, names
}

// TestDOCXDeterministic: the same answers and date give the same bytes, with
// a fixed part order and timestamps from the date.
func TestDOCXDeterministic(t *testing.T) {
	rs := ruleSet(t)
	doc, res := example(t, rs, "meeting-app.json")
	o := Options{Format: "docx", Lang: "bilingual", Date: prepared}
	first, err := Render(rs, doc, res, o)
	if err != nil {
		t.Fatal(err)
	}
	// Evaluate again: nothing may depend on map order or pointers.
	doc2, res2 := example(t, rs, "meeting-app.json")
	for i := 0; i < 5; i++ {
		again, err := Render(rs, doc2, res2, o)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(first, again) {
			t.Fatalf("render %d differs from the first (%d vs %d bytes)", i+2, len(again), len(first))
		}
	}
	zr, err := zip.NewReader(bytes.NewReader(first), int64(len(first)))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
		if got := f.Modified.UTC().Format("2006-01-02T15:04:05"); got != "2026-11-26T00:00:00" {
			t.Errorf("%s: modified %s, want 2026-11-26T00:00:00", f.Name, got)
		}
	}
	want := []string{"[Content_Types].xml", "_rels/.rels", "docProps/app.xml", "docProps/core.xml", "word/document.xml",
		"word/styles.xml", "word/settings.xml", "word/numbering.xml", "word/fontTable.xml", "word/header1.xml", "word/footer1.xml",
		"word/_rels/document.xml.rels"}
	if diff := cmp.Diff(want, names); diff != "" {
		t.Errorf("DOCX parts (-want +got):\n%s", diff)
	}
	other, err := Render(rs, doc, res, Options{Format: "docx", Lang: "bilingual", Date: mustDate("2026-12-01")})
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(first, other) {
		t.Error("a different --date gave the same DOCX bytes; the date must show in the memo")
	}
}

// TestDOCXPackage checks the parts Word needs and that every part is
// well-formed XML.
func TestDOCXPackage(t *testing.T) {
	rs := ruleSet(t)
	doc, res := example(t, rs, "half-known.json")
	out, err := Render(rs, doc, res, Options{Format: "docx", Lang: "zh", Date: prepared})
	if err != nil {
		t.Fatal(err)
	}
	parts, _ := unzip(t, out)
	for name, data := range parts {
		if err := wellFormed(data); err != nil {
			t.Errorf("%s is not well-formed XML: %v", name, err)
		}
	}
	styles := string(parts["word/styles.xml"])
	for _, id := range []string{"Normal", "Title", "Heading1", "Heading2", "TableGrid"} {
		if !strings.Contains(styles, `w:styleId="`+id+`"`) {
			t.Errorf("styles.xml has no %s style", id)
		}
	}
	if !strings.Contains(styles, `w:eastAsia="SimSun"`) {
		t.Error("styles.xml sets no East Asian font")
	}
	ct := string(parts["[Content_Types].xml"])
	for name := range parts {
		if strings.HasSuffix(name, ".rels") || name == "[Content_Types].xml" {
			continue
		}
		if !strings.Contains(ct, `PartName="/`+name+`"`) {
			t.Errorf("[Content_Types].xml does not list %s", name)
		}
	}
	for _, want := range []string{"PAGE", "NUMPAGES"} {
		if !strings.Contains(string(parts["word/footer1.xml"]), `w:instr=" `+want+` "`) {
			t.Errorf("footer has no %s field", want)
		}
	}
	if !strings.Contains(string(parts["docProps/core.xml"]), "2026-11-26T00:00:00Z") {
		t.Error("core.xml does not carry the memo's date")
	}
}

func TestRenderOptions(t *testing.T) {
	rs := ruleSet(t)
	doc, res := example(t, rs, "meeting-app.json")
	for _, o := range []Options{{Format: "pdf", Lang: "en"}, {Format: "md", Lang: "fr"}, {Format: "", Lang: ""}} {
		if _, err := Render(rs, doc, res, o); err == nil {
			t.Errorf("Render(%+v) = nil error, want one", o)
		}
	}
	// Without a date the memo is dated on the result's as-of date.
	a, err := Render(rs, doc, res, Options{Format: "md", Lang: "en"})
	if err != nil {
		t.Fatal(err)
	}
	b, err := Render(rs, doc, res, Options{Format: "md", Lang: "en", Date: res.Questionnaire.AsOf})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Error("a zero Date should mean the as-of date")
	}
}

// TestChrome: every memo string has both languages.
func TestChrome(t *testing.T) {
	for k, v := range chrome {
		if v.Zh == "" && k != "page_post" && k != "sent_sep" {
			t.Errorf("chrome[%q] has no zh", k)
		}
		if v.En == "" && k != "page_post" && k != "sent_sep" {
			t.Errorf("chrome[%q] has no en", k)
		}
	}
}

// TestMemoContent checks the content the issue asks for, in order, on the
// meeting app: the memo renders what the result says and nothing else.
func TestMemoContent(t *testing.T) {
	rs := ruleSet(t)
	doc, res := example(t, rs, "meeting-app.json")
	out, err := Render(rs, doc, res, Options{Format: "md", Lang: "en", Date: prepared})
	if err != nil {
		t.Fatal(err)
	}
	s := string(out)
	order := []string{
		"2026-11-26", "Acme Meet",
		"## 1. Conclusion", "A B22 licence is likely needed.", "**Conditions not met**: **Registered capital**",
		"### 1.1 What to do next", "Registered capital is not met. Routes: Increase registered capital", "(see section 5).",
		"## 2. Facts as stated", "## 3. Analysis",
		"3.1 Domestic multi-party telephone conference service", "3.2 Domestic video-telephone conference service",
		"3.3 Domestic Internet conference television and image service", "3.4 Exclusions",
		"## 4. The licence and its conditions", "MIIT Order 42, art. 6(iv)\\[", "**not met**",
		"## 5. Options", "a route whose effect the rules do not confirm is not offered",
		"### 5.1 Increase registered capital", "**What it achieves:**",
		"## 6. Open questions and assumptions", rs.Texts().OpenPoints[0].En[:30],
		"## 7. Neighbouring regimes", "**Basic telecom**",
		"## 8. Process", "art. 69",
		"## Appendix A. The answers in full", "## Appendix B. The rules as applied",
		"## Appendix C. Sensitivity of the conclusion to the answers",
		"### C.1 Meeting the condition: Registered capital",
		"| Change | Who decides | What it does |",
		"| What is the company's registered capital (in yuan)? RMB 5,000,000 → RMB 10,000,000 or more | Company fact | Meets: Registered capital |",
		"### C.2 Taking the service outside B22",
		"| Who operates the communication function? own platform (you run the media service) → users are sent to another provider's service under its name | Product decision | Then: unlikely to need B22 |",
		"## Appendix D. Citations", "(reprint)",
		"## About this memo", rs.Texts().Disclaimer.En[:30], "2026.12.1", "2024-11-01", res.AnswersSHA256,
	}
	at := 0
	for _, want := range order {
		i := strings.Index(s[at:], want)
		if i < 0 {
			t.Fatalf("after offset %d the memo has no %q", at, want)
		}
		at += i + len(want)
	}
	// The sub-category that did not match says, in the appendix, which
	// answers kept it out, in words.
	if !strings.Contains(s, "video terminals on the public telephone network: no") {
		t.Error("the rule trace does not show the answer that kept the product out")
	}
	// No id of the rule data in the text: answer keys, choice ids,
	// sub-category, condition, regime and source ids.
	for _, id := range memoIDs(rs) {
		if strings.Contains(s, id) {
			t.Errorf("the memo names the id %q", id)
		}
	}
}

// memoIDs are the ids of the rule data that a memo must not show: those
// with an underscore or a hyphen (a word of text never has one).
func memoIDs(rs *classify.RuleSet) []string {
	var ids []string
	add := func(id string) {
		if strings.ContainsAny(id, "_-") {
			ids = append(ids, id)
		}
	}
	for _, q := range rs.Questions() {
		add(q.ID)
		for _, c := range q.Choices {
			add(c.ID)
		}
	}
	for _, s := range rs.Subcategories() {
		add(s.ID)
	}
	for _, r := range rs.Requirements() {
		add(r.ID)
	}
	for _, g := range rs.Regimes() {
		add(g.ID)
	}
	for _, s := range rs.Sources() {
		add(s.ID)
	}
	return ids
}

// mdSection is the part of a Markdown memo from the heading from up to the
// heading to.
func mdSection(t *testing.T, md, from, to string) string {
	t.Helper()
	i := strings.Index(md, from)
	j := strings.Index(md[max(i, 0):], to)
	if i < 0 || j < 0 {
		t.Fatalf("no section from %q to %q in:\n%s", from, to, md)
	}
	return md[i : i+j]
}

// TestMemoRoutes: the options are the routes to compliance the engine
// confirmed, in counsel's words with what each achieves; page 1's next
// steps name them, never a question of the questionnaire.
func TestMemoRoutes(t *testing.T) {
	rs := ruleSet(t)
	doc, res := example(t, rs, "meeting-app.json")
	out, err := Render(rs, doc, res, Options{Format: "md", Lang: "en", Date: prepared})
	if err != nil {
		t.Fatal(err)
	}
	md := string(out)
	opts := mdSection(t, md, "## 5. Options", "## 6. ")
	for _, want := range []string{
		"### 5.1 Increase registered capital to the licence minimum",
		"### 5.2 Confine the service to one province and apply for a provincial licence",
		"### 5.3 Have a licensed provider run the service as operator of record",
		"### 5.4 Offer a private deployment that business customers run themselves",
		// what the engine confirmed each achieves
		"it would meet this licence condition: Registered capital",
		"The service would need the value-added telecom business licence (provincial); it would meet this licence condition: Registered capital. Issuing authority: Shanghai Communications Administration.",
		"On the facts so changed, a B22 licence is unlikely to be needed under the rules.",
		"**Caveats:**",
	} {
		if !strings.Contains(opts, want) {
			t.Errorf("the options lack %q:\n%s", want, opts)
		}
	}
	for _, bad := range []string{" → ", "in-game voice", "What is the company's registered capital", "Is the service offered to users in mainland China"} {
		if strings.Contains(opts, bad) {
			t.Errorf("the options hold %q, a lever rather than a route:\n%s", bad, opts)
		}
	}
	next := mdSection(t, md, "### 1.1 What to do next", "## 2. ")
	if !strings.Contains(next, "Registered capital is not met. Routes: Increase registered capital to the licence minimum") {
		t.Errorf("the next steps do not name the capital route:\n%s", next)
	}
	for _, q := range rs.Questions() {
		if title := q.Title.En; strings.Contains(next, title) {
			t.Errorf("the next steps quote the question %q:\n%s", title, next)
		}
	}
	if strings.Contains(next, " → ") {
		t.Errorf("the next steps show an answer change:\n%s", next)
	}

	// A result with no routes yet (Evaluate's) gets them worked out; an
	// unlikely verdict needs none and says so.
	plain, err := rs.Evaluate(doc, classify.Options{AsOf: prepared})
	if err != nil {
		t.Fatal(err)
	}
	again, err := Render(rs, doc, plain, Options{Format: "md", Lang: "en", Date: prepared})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(out, again) {
		t.Error("the memo of a result without levers differs from one with them")
	}
	idoc, ires := example(t, rs, "internal-tool.yaml")
	iout, err := Render(rs, idoc, ires, Options{Format: "md", Lang: "en", Date: prepared})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(iout), "## 5. Options\n\nNo route to compliance is needed: on the facts stated, a B22 licence is unlikely to be needed.") {
		t.Errorf("an unlikely verdict's options do not say no route is needed:\n%s", mdSection(t, string(iout), "## 5. ", "## 6. "))
	}
}

// TestMemoCounselSections: what a classification memo has: the question
// and its scope, a summary in prose, the exposure of a service already
// running, a timeline; the short header first and the record at the end.
func TestMemoCounselSections(t *testing.T) {
	rs := ruleSet(t)
	doc, res := example(t, rs, "meeting-app.json")
	out, err := Render(rs, doc, res, Options{Format: "md", Lang: "en", Date: prepared, Matter: "M-1", PreparedBy: "Li & Partners"})
	if err != nil {
		t.Fatal(err)
	}
	md := string(out)
	order := []string{
		"- **Prepared by**: Li \\& Partners", "- **Matter reference**: M-1", "- **Date**: 2026-11-26", "- **Product**: **Acme Meet** (Acme (Shanghai) Ltd)",
		"## 1. Conclusion",
		"**Question presented:** Whether Acme Meet, offered by Acme (Shanghai) Ltd, needs a licence",
		"**Scope:** This memo rests on the company's answers",
		"**A B22 licence is likely needed.**",
		"On the facts stated, the service is likely to fall within the domestic multi-party telephone conference service",
		"The main risk is that the company does not yet meet the licence condition: Registered capital.",
		"The route to consider first: Increase registered capital",
		"### 1.2 If the service already operates", "art. 69",
		"### 1.3 Timeline", "First meet the conditions not yet met: Registered capital", "within 60 days",
		"## 2. Facts as stated",
		"## Appendix D. Citations",
		"## About this memo", "- **Rule set and version**", "- **Dates**", res.AnswersSHA256,
	}
	at := 0
	for _, want := range order {
		i := strings.Index(md[at:], want)
		if i < 0 {
			t.Fatalf("after offset %d the memo has no %q:\n%s", at, want, md[at:min(len(md), at+3000)])
		}
		at += i + len(want)
	}

	// An unlikely verdict that no exclusion explains says which element of
	// each sub-category is absent.
	data, err := fsRead("meeting-app.json")
	if err != nil {
		t.Fatal(err)
	}
	data = bytes.Replace(data, []byte(`"realtime_voice": true`), []byte(`"realtime_voice": false`), 1)
	data = bytes.Replace(data, []byte(`"realtime_video": true`), []byte(`"realtime_video": false`), 1)
	nd, err := answers.New(rs).Parse("novoice.json", data, answers.FormatAuto)
	if err != nil {
		t.Fatal(err)
	}
	nr, err := rs.Evaluate(nd, classify.Options{AsOf: prepared, Levers: true})
	if err != nil {
		t.Fatal(err)
	}
	if nr.Verdict != classify.VerdictUnlikely || len(nr.Exclusions) > 0 || len(nr.MissingElements) == 0 {
		t.Fatalf("no voice or video: verdict %s, %d exclusions, %d missing; want unlikely, none, some", nr.Verdict, len(nr.Exclusions), len(nr.MissingElements))
	}
	for lang, want := range map[string][2]string{
		"en": {"- **Domestic multi-party telephone conference service:** Users do not talk with each other live by voice", "## 2. "},
		"zh": {"- **国内多方电话会议服务业务：**", "## 二、"},
	} {
		out, err := Render(rs, nd, nr, Options{Format: "md", Lang: lang, Date: prepared})
		if err != nil {
			t.Fatal(err)
		}
		if c := mdSection(t, string(out), "## ", want[1]); !strings.Contains(c, want[0]) {
			t.Errorf("%s: the conclusion gives no missing element as %q:\n%s", lang, want, c)
		}
		if strings.Contains(string(out), "If the service already operates") || strings.Contains(string(out), "如服务已在运营") {
			t.Errorf("%s: an unlikely verdict has an exposure section", lang)
		}
	}
}

// TestMemoDisclaimer: the tool's disclaimer closes a memo nobody signs; the
// author may replace or drop it, and a memo prepared by counsel has none
// unless asked. It never ends the memo alone.
func TestMemoDisclaimer(t *testing.T) {
	rs := ruleSet(t)
	doc, res := example(t, rs, "meeting-app.json")
	def := rs.Texts().Disclaimer.En
	for _, c := range []struct {
		name       string
		o          Options
		want, lack string
	}{
		{"default", Options{}, def, ""},
		{"prepared by", Options{PreparedBy: "Li & Partners"}, "", def},
		{"text", Options{PreparedBy: "Li & Partners", Disclaimer: "Privileged advice to the client."}, "Privileged advice to the client.", def},
		{"none", Options{Disclaimer: "none"}, "", def},
	} {
		o := c.o
		o.Format, o.Lang, o.Date = "md", "en", prepared
		out, err := Render(rs, doc, res, o)
		if err != nil {
			t.Fatal(err)
		}
		tail := mdSection(t, string(out), "## About this memo", "`"+res.AnswersSHA256+"`")
		if c.want != "" && !strings.Contains(tail, c.want) {
			t.Errorf("%s: the end lacks %q:\n%s", c.name, c.want, tail)
		}
		if c.lack != "" && strings.Contains(string(out), c.lack) {
			t.Errorf("%s: the memo holds %q", c.name, c.lack)
		}
		if strings.Contains(string(out), "## Disclaimer") {
			t.Errorf("%s: the disclaimer has a heading of its own", c.name)
		}
		if !strings.HasSuffix(strings.TrimSpace(string(out)), "`"+res.AnswersSHA256+"`") {
			t.Errorf("%s: the memo does not end with the record", c.name)
		}
	}
}

// TestMemoSensitivity: the appendix of answers that move the outcome
// leaves out relabellings of the use cases and withdrawals from the market
// or the users, and says how many it left out; --all-levers shows every one.
func TestMemoSensitivity(t *testing.T) {
	rs := ruleSet(t)
	doc, res := example(t, rs, "meeting-app.json")
	var ids []string
	for _, q := range rs.Questions() {
		ids = append(ids, q.ID)
	}
	for _, sc := range rs.Subcategories() {
		ids = append(ids, sc.ID)
	}
	for _, r := range rs.Requirements() {
		ids = append(ids, r.ID)
	}
	honestN := 0
	for _, s := range outline.Result(rs, doc, res, outline.Options{Lang: "en", Relabellings: true}).Sections {
		for _, it := range s.Items {
			if it.Lever != nil && honest(it.Lever) {
				honestN++
			}
		}
	}
	if honestN == len(res.Levers) {
		t.Fatal("meeting-app.json has no lever the appendix leaves out; the test proves nothing")
	}
	for _, c := range []struct{ lang, from, to string }{
		{"en", "## Appendix C. Sensitivity", "## Appendix D. "},
		{"zh", "## 附录C　结论对回答的敏感度", "## 附录D"},
		{"bilingual", "## 附录C　结论对回答的敏感度 / Sensitivity", "## 附录D"},
	} {
		for _, all := range []bool{false, true} {
			out, err := Render(rs, doc, res, Options{Format: "md", Lang: c.lang, Date: prepared, AllLevers: all})
			if err != nil {
				t.Fatal(err)
			}
			sec := mdSection(t, string(out), c.from, c.to)
			want := honestN
			if all {
				want = len(res.Levers)
			}
			if c.lang == "bilingual" {
				want *= 2
			}
			if got := strings.Count(sec, " → "); got != want {
				t.Errorf("%s all=%v: %d changes shown, want %d:\n%s", c.lang, all, got, want, sec)
			}
			if c.lang == "en" {
				for _, bad := range []string{"in-game voice", "own staff and group companies only"} {
					if strings.Contains(sec, bad) != all {
						t.Errorf("en all=%v: %q shown: %v", all, bad, !all)
					}
				}
				if left := strings.Contains(sec, "other changes are left out"); left == all {
					t.Errorf("en all=%v: says changes are left out: %v", all, left)
				}
			}
			if strings.Contains(sec, "`") {
				t.Errorf("%s: code (an id) in the section:\n%s", c.lang, sec)
			}
			for _, id := range ids {
				if strings.Contains(id, "_") && strings.Contains(sec, id) {
					t.Errorf("%s: the id %s in the section:\n%s", c.lang, id, sec)
				}
			}
		}
	}

	// A result of Evaluate has no levers yet: the memo works them out.
	plain, err := rs.Evaluate(doc, classify.Options{AsOf: prepared})
	if err != nil {
		t.Fatal(err)
	}
	for _, format := range Formats {
		a, err := Render(rs, doc, res, Options{Format: format, Lang: "bilingual", Date: prepared})
		if err != nil {
			t.Fatal(err)
		}
		b, err := Render(rs, doc, plain, Options{Format: format, Lang: "bilingual", Date: prepared})
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a, b) {
			t.Errorf("%s: the memo of a result without levers differs from one with them", format)
		}
	}
	if plain.Levers != nil || plain.Routes != nil {
		t.Error("Render changed the caller's result")
	}

	// A determined verdict that no change moves says so.
	none := *res
	none.Levers = []classify.Lever{}
	for lang, want := range map[string]string{
		"en": "## Appendix C. Sensitivity of the conclusion to the answers\n\nNone: under the rules, no change of the answers given would change the outcome.\n\n## Appendix D",
		"zh": "## 附录C　结论对回答的敏感度\n\n无：按规则，改变所填的任何回答都不会改变结论。\n\n## 附录D",
	} {
		out, err := Render(rs, doc, &none, Options{Format: "md", Lang: lang, Date: prepared})
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(out), want) {
			t.Errorf("%s: no levers, and the memo does not say so as %q", lang, want)
		}
	}
}

// TestBilingualPaired: a bilingual memo has one set of section numbers,
// its Chinese and English side by side, never the whole of one language
// after the other.
func TestBilingualPaired(t *testing.T) {
	rs := ruleSet(t)
	for _, name := range []string{"meeting-app.json", "half-known.json", "vod-site.json", "game-voice.json"} {
		doc, res := example(t, rs, name)
		out, err := Render(rs, doc, res, Options{Format: "md", Lang: "bilingual", Date: prepared})
		if err != nil {
			t.Fatal(err)
		}
		seen := map[string]bool{}
		for _, l := range strings.Split(string(out), "\n") {
			if strings.HasPrefix(l, "#") {
				if seen[l] {
					t.Errorf("%s: the heading %q comes twice", name, l)
				}
				seen[l] = true
			}
		}
	}
}

// TestDocumentProperties: the file says who prepared it, for which matter
// and about what product, in DOCX core properties and HTML <meta>.
func TestDocumentProperties(t *testing.T) {
	rs := ruleSet(t)
	doc, res := example(t, rs, "meeting-app.json")
	o := Options{Lang: "en", Date: prepared, PreparedBy: `Li & Partners "LLP"`, Matter: "LP-2026-0412"}
	o.Format = "docx"
	out, err := Render(rs, doc, res, o)
	if err != nil {
		t.Fatal(err)
	}
	core := unzipAll(t, out)["docProps/core.xml"]
	for _, want := range []string{
		`<dc:title>B22 Classification Memo — Acme Meet</dc:title>`,
		`<dc:subject>LP-2026-0412</dc:subject>`,
		`<dc:creator>Li &amp; Partners &#34;LLP&#34;</dc:creator>`,
		`<cp:lastModifiedBy>Li &amp; Partners &#34;LLP&#34;</cp:lastModifiedBy>`,
		`<cp:keywords>B22; LP-2026-0412; Acme Meet; Acme (Shanghai) Ltd</cp:keywords>`,
	} {
		if !strings.Contains(core, want) {
			t.Errorf("core.xml lacks %s:\n%s", want, core)
		}
	}
	o.Format = "html"
	out, err = Render(rs, doc, res, o)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`<meta name="author" content="Li &amp; Partners &#34;LLP&#34;"/>`,
		`<meta name="description" content="LP-2026-0412"/>`,
		`<meta name="keywords" content="B22; LP-2026-0412; Acme Meet; Acme (Shanghai) Ltd"/>`,
	} {
		if !strings.Contains(string(out), want) {
			t.Errorf("the HTML head lacks %s", want)
		}
	}
	// Without --prepared-by the tool is the author.
	o.Format, o.PreparedBy = "docx", ""
	out, err = Render(rs, doc, res, o)
	if err != nil {
		t.Fatal(err)
	}
	if core := unzipAll(t, out)["docProps/core.xml"]; !strings.Contains(core, "<dc:creator>b22</dc:creator>") {
		t.Errorf("core.xml without an author:\n%s", core)
	}
}

// TestCitationsBySource: the citations appendix has one entry per source
// with the places cited, an official copy before a reprint, a reprint
// labelled so; the text's raised numbers point to the source's entry.
func TestCitationsBySource(t *testing.T) {
	rs := ruleSet(t)
	doc, res := example(t, rs, "meeting-app.json")
	out, err := Render(rs, doc, res, Options{Format: "md", Lang: "en", Date: prepared})
	if err != nil {
		t.Fatal(err)
	}
	md := string(out)
	app := mdSection(t, md, "## Appendix D. Citations", "## About this memo")
	if n := strings.Count(app, "Administrative Measures on Telecommunications Business Licences (MIIT Order No. 42)"); n != 1 {
		t.Errorf("Order 42 has %d entries, want 1:\n%s", n, app)
	}
	var entry string
	for _, e := range strings.Split(app, "\n\n") {
		if strings.Contains(e, "(MIIT Order No. 42)") {
			entry = e
		}
	}
	for _, want := range []string{"Cited: ", "art. 6(iv)", "art. 35", "art. 38", "(reprint)"} {
		if !strings.Contains(entry, want) {
			t.Errorf("the Order 42 entry lacks %q:\n%s", want, entry)
		}
	}
	n := strings.Index(entry, "[")
	num := entry[n+1 : n+1+strings.Index(entry[n+1:], "\\")]
	for _, pin := range []string{"MIIT Order 42, art. 6(iv)\\[" + num + "\\]", "MIIT Order 42, art. 35\\[" + num + "\\]"} {
		if !strings.Contains(md, pin) {
			t.Errorf("the text does not cite %s", pin)
		}
	}
	for _, e := range strings.Split(app, "\n\n") {
		if !strings.Contains(e, "Telecommunications Regulations of the PRC (2016 revision)") {
			continue
		}
		off, rep := strings.Index(e, "gov.cn"), strings.Index(e, "(reprint)")
		if off < 0 || rep < 0 || off > rep {
			t.Errorf("the Regulations' entry does not give the official copy first, then a labelled reprint:\n%s", e)
		}
	}
}

// TestRegister: the memo words its findings as counsel does: no
// "strength: likely" in running text, the catalogue's text headed so,
// exclusions rather than gates, and no confidence inside a sentence.
func TestRegister(t *testing.T) {
	rs := ruleSet(t)
	for _, name := range []string{"meeting-app.json", "internal-tool.yaml", "half-known.json"} {
		doc, res := example(t, rs, name)
		for _, lang := range []string{"zh", "en"} {
			out, err := Render(rs, doc, res, Options{Format: "md", Lang: lang, Date: prepared})
			if err != nil {
				t.Fatal(err)
			}
			md := string(out)
			bad := map[string][]string{
				"zh": {"强度为“", "强度最高为“", "（可靠程度："},
				"en": {"Definition.", "Gates", " gate ", "(confidence: ", "falls within this sub-category:"},
			}[lang]
			for _, b := range bad {
				if strings.Contains(md, b) {
					t.Errorf("%s %s: the memo says %q", name, lang, b)
				}
			}
			want := map[string]string{"zh": "**目录文本。**", "en": "**Catalogue text.**"}[lang]
			if !strings.Contains(md, want) {
				t.Errorf("%s %s: no %q", name, lang, want)
			}
		}
	}
}

// TestCurrencyDate: the statement of currency carries the day the sources
// were checked, and a memo dated before it says so rather than claiming to
// know, on its own date, what was found later.
func TestCurrencyDate(t *testing.T) {
	rs := ruleSet(t)
	if rs.Texts().SourcesChecked.IsZero() {
		t.Fatal("the rule set gives no date the sources were checked")
	}
	checked := rs.Texts().SourcesChecked.String()
	doc, res := example(t, rs, "meeting-app.json")
	for _, c := range []struct {
		date, want string
	}{
		{"2026-11-26", "The sources were last checked on " + checked + ", after this memo's date (2026-11-26)"},
		{checked, "The sources were last checked on " + checked + "; later changes are not reflected."},
		{"2027-01-15", "The sources were last checked on " + checked + "; later changes are not reflected."},
	} {
		out, err := Render(rs, doc, res, Options{Format: "md", Lang: "en", Date: mustDate(c.date)})
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(out), c.want) {
			t.Errorf("a memo dated %s does not say %q", c.date, c.want)
		}
	}
}

// TestSourceQuality: the analysis says which conclusions rest on official
// texts, which on practice or reasoning, and which sources were read only
// in reprints or commentary.
func TestSourceQuality(t *testing.T) {
	rs := ruleSet(t)
	doc, res := example(t, rs, "meeting-app.json")
	out, err := Render(rs, doc, res, Options{Format: "md", Lang: "en", Date: prepared})
	if err != nil {
		t.Fatal(err)
	}
	sec := mdSection(t, string(out), "## 3. Analysis", "### 3.1 ")
	for _, want := range []string{
		"**Quality of the sources:** These conclusions rest on official texts: Domestic multi-party telephone conference service",
		"These rest on practice or reasoning, not on an official text: Staff.",
		"These sources were not read in an official copy, only in reprints or commentary: ",
		"MIIT Order 42",
	} {
		if !strings.Contains(sec, want) {
			t.Errorf("the analysis lacks %q:\n%s", want, sec)
		}
	}
}

// TestDOCXStyles: text takes its look from named styles a firm's template
// can restyle (Hyperlink, Code, Muted, EnglishText), not from colours,
// sizes or fonts set on runs.
func TestDOCXStyles(t *testing.T) {
	rs := ruleSet(t)
	doc, res := example(t, rs, "meeting-app.json")
	out, err := Render(rs, doc, res, Options{Format: "docx", Lang: "bilingual", Date: prepared})
	if err != nil {
		t.Fatal(err)
	}
	parts, _ := unzip(t, out)
	body := string(parts["word/document.xml"])
	for _, direct := range []string{"<w:color ", "<w:sz ", "<w:rFonts ", "<w:u "} {
		if n := strings.Count(body, direct); n > 0 {
			t.Errorf("document.xml sets %s directly %d times", direct, n)
		}
	}
	styles := string(parts["word/styles.xml"])
	for _, id := range []string{"Hyperlink", "Code", "Muted", "EnglishText"} {
		if !strings.Contains(body, `<w:rStyle w:val="`+id+`"/>`) {
			t.Errorf("no run uses the %s style", id)
		}
		if !strings.Contains(styles, `w:styleId="`+id+`"`) {
			t.Errorf("styles.xml lacks %s", id)
		}
	}
}

// TestFactsNarrative: section 2 states the facts in prose, a paragraph for
// each section of the questionnaire, without the questionnaire's wording
// and without the answers table, which is only in Appendix A; for a rule
// set the memo has no words for (wide) too.
func TestFactsNarrative(t *testing.T) {
	facts := func(t *testing.T, md, lang string) string {
		t.Helper()
		start, end := "## 2. Facts as stated", "## 3. Analysis"
		if lang == "zh" {
			start, end = "## 二、所述事实", "## 三、分析"
		}
		i, j := strings.Index(md, start), strings.Index(md, end)
		if i < 0 || j < i {
			t.Fatalf("no facts section in:\n%s", md)
		}
		return md[i:j]
	}
	check := func(t *testing.T, rs *classify.RuleSet, doc *classify.Document, res *classify.Result, lang string, want []string) {
		t.Helper()
		out, err := Render(rs, doc, res, Options{Format: "md", Lang: lang, Date: prepared})
		if err != nil {
			t.Fatal(err)
		}
		f := facts(t, string(out), lang)
		if strings.Contains(f, "| ") {
			t.Errorf("%s: the facts hold a table:\n%s", lang, f)
		}
		for _, q := range rs.Questions() {
			if title := q.Title.In(lang); strings.Contains(f, title) {
				t.Errorf("%s: the facts repeat the question %q:\n%s", lang, title, f)
			}
		}
		for _, w := range want {
			if !strings.Contains(f, w) {
				t.Errorf("%s: the facts lack %q:\n%s", lang, w, f)
			}
		}
		if !strings.Contains(string(out), q0(rs, lang)) {
			t.Errorf("%s: Appendix A lost the questions as asked", lang)
		}
	}
	rs := ruleSet(t)
	doc, res := example(t, rs, "meeting-app.json")
	check(t, rs, doc, res, "en", []string{"**The service.** Live voice between users: yes;", "**The company.**", "registered capital: RMB 5,000,000", "Appendix A"})
	check(t, rs, doc, res, "zh", []string{"**服务内容。**用户之间实时语音通话：是；", "注册资本：人民币500万元", "附录A"})

	wide, err := classify.Load(os.DirFS("../../testdata/rules/wide"))
	if err != nil {
		t.Fatal(err)
	}
	data := []byte(`{"questionnaire": "wide", "answers": {"offered_here": true, "kind_a": "a01", "kind_b": "none", "kind_c": "none", "kind_d": [], "commercial": true, "coverage": "one_region", "holds_licence": false, "registered": true}}`)
	wdoc, err := answers.New(wide).Parse("wide.json", data, answers.FormatAuto)
	if err != nil {
		t.Fatal(err)
	}
	wres, err := wide.Evaluate(wdoc, classify.Options{AsOf: prepared, Levers: true})
	if err != nil {
		t.Fatal(err)
	}
	check(t, wide, wdoc, wres, "en", []string{"**The service.**", "further answers (Appendix A)"})
	check(t, wide, wdoc, wres, "zh", []string{"**服务内容。**", "项回答（见附录A）"})
}

// q0 is the first question of the rule set as asked.
func q0(rs *classify.RuleSet, lang string) string { return rs.Questions()[0].Title.In(lang) }

// TestNumberingPerLanguage: a memo numbers its sections one way in each
// language, in its headings and in the text that points to them. A Chinese
// memo: 五、 and （一）, 见第五部分 and 见第六部分（一）. English: 5. and
// 6.1, "see section 5" and "see section 6.1". A bilingual memo carries one
// number for both columns in each heading (5., 6.1), and its Chinese column
// points to them by it: 见第5部分, 见第6.1节.
func TestNumberingPerLanguage(t *testing.T) {
	rs := ruleSet(t)
	zhNums := "[一二三四五六七八九十]+"
	heading := map[string][]*regexp.Regexp{
		"zh":        {regexp.MustCompile(`^## (` + zhNums + `、|附录[A-Z]　)\S`), regexp.MustCompile(`^### （` + zhNums + `）\S`)},
		"en":        {regexp.MustCompile(`^## (\d+\. |Appendix [A-Z]\. )\S`), regexp.MustCompile(`^### [A-Z0-9]+\.\d+ \S`)},
		"bilingual": {regexp.MustCompile(`^## (\d+\. |附录[A-Z]　)\S.* / \S`), regexp.MustCompile(`^### [A-Z0-9]+\.\d+ \S.* / \S`)},
	}
	// References in another style than the memo's headings: Chinese that
	// points by a bare number or by a numeral its headings do not carry,
	// English that does not say "section".
	bad := map[string]*regexp.Regexp{
		"zh":        regexp.MustCompile(`见\d|见第\d|第\d+部分|第\d+\.\d+节|见[A-Z]\.\d`),
		"en":        regexp.MustCompile(`see \d|see [A-Z]\.\d`),
		"bilingual": regexp.MustCompile(`(?m)见\d|见[A-Z]\.\d|第` + zhNums + `部分|see \d|see [A-Z]\.\d|^### （`),
	}
	refs := map[string][]string{
		"zh":        {"（见第五部分）", "（见第六部分（一））"},
		"en":        {"(see section 5)", "(see section 6.1)"},
		"bilingual": {"（见第5部分）", "（见第6.1节）", "(see section 5)", "(see section 6.1)"},
	}
	for _, name := range []string{"meeting-app.json", "half-known.json"} {
		doc, res := example(t, rs, name)
		for _, lang := range []string{"zh", "en", "bilingual"} {
			out, err := Render(rs, doc, res, Options{Format: "md", Lang: lang, Date: prepared})
			if err != nil {
				t.Fatal(err)
			}
			md := string(out)
			for _, l := range strings.Split(md, "\n") {
				if strings.HasPrefix(l, "## 本备忘录") || strings.HasPrefix(l, "## About") {
					continue // the record, unnumbered
				}
				for lvl, re := range heading[lang] {
					if strings.HasPrefix(l, strings.Repeat("#", lvl+2)+" ") && !re.MatchString(l) {
						t.Errorf("%s %s: heading %q is not numbered as %s", name, lang, l, re)
					}
				}
			}
			if m := bad[lang].FindString(md); m != "" {
				t.Errorf("%s %s: a section is numbered or pointed to as %q", name, lang, m)
			}
			for _, want := range refs[lang] {
				if name == "meeting-app.json" && (strings.Contains(want, "6.1") || strings.Contains(want, "第六部分")) {
					continue // no pivotal questions: nothing points to 6.1
				}
				if !strings.Contains(md, want) {
					t.Errorf("%s %s: no %q", name, lang, want)
				}
			}
		}
	}
}
