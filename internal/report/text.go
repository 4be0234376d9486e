package report

import (
	"fmt"
	"io"
	"strings"

	"b22/classify"
	"b22/internal/present"
)

// TextOptions choose the language, width and colour of the text format.
type TextOptions struct {
	Lang  string // "zh" or "en"
	Width int    // columns; 80 when 0
	Color bool   // ANSI colour and bold
}

// WriteText writes a result for people: the verdict first, then the
// sub-categories with reasons and basis, the licence, its conditions, the
// open questions, neighbouring regimes, notes and sources.
func WriteText(w io.Writer, rs *classify.RuleSet, doc *classify.Document, r *classify.Result, o TextOptions) {
	if o.Width <= 0 {
		o.Width = 80
	}
	t := textWriter{Printer: present.Printer{W: w, Width: o.Width, Color: o.Color}, o: o, rs: rs, words: present.NewWords(rs, o.Lang), l: labels[o.Lang]}
	t.header(doc, r)
	t.verdict(r)
	t.subcategories(r)
	t.licence(r)
	t.requirements(r)
	t.process(r)
	t.questions(r)
	t.routes(r)
	t.levers(r)
	t.regimes(r)
	t.notes(r)
	t.sources(r)
	t.Para("", t.tr(rs.Texts().Disclaimer), dim)
}

type textWriter struct {
	present.Printer
	o     TextOptions
	rs    *classify.RuleSet
	words present.Words
	l     map[string]string
}

const (
	bold  = "1"
	dim   = "2"
	green = "32"
	red   = "31"
	amber = "33"
	cyan  = "36"
)

func (t *textWriter) tr(x classify.Text) string { return x.In(t.o.Lang) }

func (t *textWriter) heading(key string) {
	fmt.Fprintln(t.W)
	fmt.Fprintln(t.W, t.Style(t.l[key], bold))
}

func (t *textWriter) header(doc *classify.Document, r *classify.Result) {
	title := present.Licence(t.rs, t.l["title"])
	if p := doc.Product; p.Name != "" || p.Company != "" {
		who := present.OneLine(p.Name)
		if p.Company != "" {
			who = strings.TrimSpace(who + " (" + present.OneLine(p.Company) + ")")
		}
		title += " — " + who
	}
	t.Para("", title, bold)
	q := r.Questionnaire
	t.Para("", fmt.Sprintf(t.l["ruleset"], q.ID, q.Version, q.Effective, q.AsOf), dim)
}

func (t *textWriter) verdict(r *classify.Result) {
	code := map[classify.Verdict]string{classify.VerdictLikely: red, classify.VerdictPossible: amber, classify.VerdictUnlikely: green, classify.VerdictUndetermined: cyan}[r.Verdict]
	fmt.Fprintln(t.W)
	t.Para("", fmt.Sprintf(t.l["verdict_line"], t.tr(r.Summary)), bold+";"+code)
	for _, e := range r.Exclusions {
		t.Item("  ", t.tr(e.Text), "")
		t.Para("    ", t.refs(e.Answers, e.Citations, e.Confidence, e.Footing), dim)
	}
	if len(r.MissingElements) > 0 {
		t.heading("missing")
		for _, m := range r.MissingElements {
			t.Item("  ", t.tr(m.Name), bold)
			for _, e := range m.Elements {
				t.Hang("    - ", "      ", t.tr(e.Text), "")
				t.Para("      ", t.refs(e.Answers, nil, "", ""), dim)
			}
			t.Para("    ", t.refs(nil, m.Citations, "", ""), dim)
		}
	}
}

func (t *textWriter) refs(answers []string, cites []classify.CitationRef, confidence, footing string) string {
	var parts []string
	colon := t.l[":"]
	if len(answers) > 0 {
		parts = append(parts, t.l["answers"]+colon+t.words.QuestionTitles(answers))
	}
	if len(cites) > 0 {
		parts = append(parts, t.l["basis"]+colon+strings.Join(t.words.Citations(cites), t.l[";"]))
	}
	if confidence != "" {
		c := t.tr(t.rs.Texts().Confidence[confidence])
		if footing != "" {
			c += t.l[","] + t.tr(t.rs.Texts().Footing[footing])
		}
		parts = append(parts, t.l["confidence"]+colon+c)
	}
	return strings.Join(parts, t.l[";"])
}

func (t *textWriter) subcategoryList(list []classify.SubcategoryResult) {
	for _, s := range list {
		strength := t.words.Strength(s.Strength)
		if !s.Settled {
			strength = fmt.Sprintf(t.l["open_strength"], strength, t.words.QuestionTitles(s.DependsOn))
		}
		t.Item("  ", t.tr(s.Name)+t.l[":"]+strength, bold)
		for _, reason := range s.Reasons {
			text := t.tr(reason.Text)
			// A settled match whose rule reads an answer the facts imply
			// (the media path of a large call) holds: no "if".
			if reason.Outcome != classify.True && !s.Settled {
				text = t.l["if"] + text
			}
			t.Para("    ", text, "")
			t.Para("    ", t.refs(reason.Answers, reason.Citations, reason.Confidence, reason.Footing), dim)
		}
	}
}

func (t *textWriter) subcategories(r *classify.Result) {
	if len(r.Matched()) > 0 {
		t.heading("subcategories")
		t.subcategoryList(r.Matched())
	}
	if len(r.IfOperated) > 0 {
		t.heading("if_operated")
		t.subcategoryList(r.IfOperated)
	}
}

func (t *textWriter) licence(r *classify.Result) {
	if r.Verdict == classify.VerdictUnlikely {
		return
	}
	t.heading("licence")
	lic := r.Licence
	if lic.Title != nil {
		t.Para("  ", t.tr(*lic.Title), "")
	}
	if lic.Authority != nil {
		t.Para("  ", t.l["authority"]+t.l[":"]+t.tr(*lic.Authority), "")
	}
	if lic.MinRegisteredCapitalCNY != nil {
		t.Para("  ", t.l["capital"]+t.l[":"]+present.CNY(*lic.MinRegisteredCapitalCNY, t.o.Lang), "")
	}
	t.Para("  ", fmt.Sprintf(t.l["validity"], lic.ValidityYears), "")
	t.Para("  ", t.l["existing"]+t.l[":"]+t.words.Coverage(r.ExistingLicence), "")
}

func (t *textWriter) requirements(r *classify.Result) {
	if len(r.Requirements) == 0 {
		return
	}
	t.heading("requirements")
	for _, q := range r.Requirements {
		code := map[classify.Status]string{classify.StatusMet: green, classify.StatusUnmet: red, classify.StatusUnknown: amber}[q.Status]
		fmt.Fprintln(t.W, "  "+t.Style(present.StatusMark(q.Status)+" "+t.words.Status(q.Status), code)+"  "+present.OneLine(t.tr(q.Name)))
		t.Para("    ", t.tr(q.Text), "")
		t.Para("    ", t.refs(q.Answers, q.Citations, q.Confidence, q.Footing), dim)
	}
}

func (t *textWriter) process(r *classify.Result) {
	if len(r.Process) == 0 {
		return
	}
	t.heading("process")
	for _, p := range r.Process {
		t.Item("  ", t.tr(p.Name)+t.l[":"]+t.tr(p.Text), "")
	}
}

func (t *textWriter) questions(r *classify.Result) {
	if len(r.PivotalQuestions) > 0 {
		t.heading("pivotal")
		for _, p := range r.PivotalQuestions {
			t.Item("  ", t.tr(p.Question), "")
			if p.Why != (classify.Text{}) {
				t.Para("    ", t.tr(p.Why), dim)
			}
			leads, note := t.words.Leads(p, t.words.VerdictWord)
			t.Para("    ", strings.Join(leads, t.l[";"]), "")
			if note != "" {
				t.Para("    ", note, dim)
			}
		}
	}
	if len(r.OpenQuestions) > 0 {
		// "Other" only after the questions the verdict depends on.
		if len(r.PivotalQuestions) > 0 {
			t.heading("open")
		} else {
			t.heading("open_only")
		}
		for _, q := range r.OpenQuestions {
			t.Item("  ", t.tr(q.Question), "")
			t.Para("    ", t.l["affects"]+t.l[":"]+t.words.Parts(q.Affects), dim)
		}
	}
}

// routes lists the routes to compliance the engine confirmed, each with
// what it achieves.
func (t *textWriter) routes(r *classify.Result) {
	if len(r.Routes) == 0 {
		return
	}
	t.heading("routes")
	for _, rt := range r.Routes {
		t.Item("  ", t.tr(rt.Title), bold)
		t.Para("    ", t.tr(rt.Text), "")
		if len(rt.Changes) > 0 {
			achieves := t.words.Verdict(rt.Verdict)
			if rt.Verdict != classify.VerdictUnlikely && rt.Authority != nil {
				achieves += t.l[";"] + t.l["authority"] + t.l[":"] + t.tr(*rt.Authority)
			}
			if len(rt.Met) > 0 {
				names := make([]string, len(rt.Met))
				for i, id := range rt.Met {
					names[i] = t.words.Requirement(id)
				}
				achieves += t.l[";"] + t.l["met"] + t.l[":"] + strings.Join(names, t.l[","])
			}
			t.Para("    ", t.l["achieves"]+t.l[":"]+achieves, "")
		}
		t.Para("    ", t.l["caveats"]+t.l[":"]+t.tr(rt.Caveats), "")
		t.Para("    ", t.refs(nil, rt.Citations, rt.Confidence, rt.Footing), dim)
	}
}

// levers lists what changing a given answer would change, in the order
// the engine ranks them: what makes a licence unlikely first.
func (t *textWriter) levers(r *classify.Result) {
	levers := present.ForPeople(r.Levers)
	if len(levers) == 0 {
		return
	}
	t.heading("levers")
	for _, lv := range levers {
		w := t.words.Lever(lv)
		t.Item("  ", strings.Join(w.Change, t.l[";"])+t.l["("]+w.Kind+t.l[")"], "")
		t.Para("    ", strings.Join(w.Effects, t.l[";"]), dim)
	}
}

func (t *textWriter) regimes(r *classify.Result) {
	if len(r.RelatedRegimes) == 0 {
		return
	}
	t.heading("regimes")
	for _, g := range r.RelatedRegimes {
		t.Item("  ", t.words.Regime(g.ID)+t.l["("]+t.words.RegimeStatus(g.Status)+t.l[")"], bold)
		t.Para("    ", t.tr(g.Text), "")
		t.Para("    ", t.refs(g.Because, g.Citations, g.Confidence, ""), dim)
	}
}

func (t *textWriter) notes(r *classify.Result) {
	if len(r.Notes) == 0 {
		return
	}
	t.heading("notes")
	for _, n := range r.Notes {
		t.Item("  ", t.tr(n.Text), "")
		t.Para("    ", t.refs(n.Answers, n.Citations, n.Confidence, n.Footing), dim)
	}
}

func (t *textWriter) sources(r *classify.Result) {
	t.heading("sources")
	for _, s := range r.Sources {
		title := s.Title
		if t.o.Lang != "zh" && s.TitleEn != "" {
			title += " — " + s.TitleEn
		}
		links := s.Links
		if len(links) == 0 {
			kind := "official"
			if s.Reprint {
				kind = "reprint"
			}
			links = []classify.SourceLink{{URL: s.URL, Kind: kind, Read: true}}
		}
		if len(s.Links) == 0 && s.Reprint {
			title += t.l["("] + t.l["reprint"] + t.l[")"]
		}
		t.Hang("  • ", "    ", title, "")
		// A link is never wrapped, so that it can be copied whole; what
		// kind of copy it is goes on the line before.
		for _, l := range links {
			if len(s.Links) > 0 {
				kind := t.l["link_"+l.Kind]
				if !l.Read {
					kind += t.l[","] + t.l["not_opened"]
				}
				fmt.Fprintln(t.W, "    "+t.Style(kind+t.l[":"], dim))
			}
			fmt.Fprintln(t.W, "    "+t.Style(present.Sanitize(l.URL), dim))
		}
	}
	fmt.Fprintln(t.W)
}

// labels are the words of the text format itself, in each language.
var labels = map[string]map[string]string{
	"en": {
		":": ": ", ",": ", ", ";": "; ", "(": " (", ")": ")", " ": " ",
		"title": "{licence} licence check", "ruleset": "rules %s %s (effective %s), applied as of %s",
		"verdict_line": "Verdict: %s", "answers": "answers relied on", "basis": "basis", "confidence": "confidence",
		"subcategories": "Sub-categories", "if_operated": "What its features would be but for the exclusion",
		"open_strength": "%s if answered so (depends on %s)", "if": "if answered so: ",
		"licence": "Licence", "authority": "issued by",
		"capital": "minimum registered capital", "validity": "valid %g years", "existing": "existing licence",
		"requirements": "Licence conditions", "process": "Applying for and holding the licence", "pivotal": "Questions the verdict depends on", "open": "Other open questions", "open_only": "Open questions",
		"levers":  "What would change it",
		"missing": "Why no sub-category applies", "routes": "Routes to compliance",
		"achieves": "what it achieves", "met": "conditions then met", "caveats": "caveats",
		"affects": "affects", "regimes": "Neighbouring regimes to check",
		"notes": "Notes", "sources": "Sources", "reprint": "link to a reprint",
		"link_official": "official text", "link_reprint": "reprint", "link_commentary": "commentary", "not_opened": "not opened by this tool",
	},
	"zh": {
		":": "：", ",": "，", ";": "；", "(": "（", ")": "）", " ": "",
		"title": "{licence} 许可判断", "ruleset": "规则 %s %s（生效 %s），按 %s 适用",
		"verdict_line": "结论：%s", "answers": "依据答案", "basis": "法律依据", "confidence": "可靠程度",
		"subcategories": "所属子类", "if_operated": "若无上述排除情形，就其功能将属于",
		"open_strength": "%s（取决于 %s）", "if": "若如此回答：",
		"licence": "许可证", "authority": "发证机关",
		"capital": "最低注册资本", "validity": "有效期 %g 年", "existing": "现有许可",
		"requirements": "许可条件", "process": "申请与持证", "pivotal": "结论取决于以下问题", "open": "其他待确认问题", "open_only": "待确认问题",
		"levers":  "哪些改变会改变结论",
		"missing": "为何不属于任何子类", "routes": "合规路径",
		"achieves": "效果", "met": "届时满足的条件", "caveats": "注意事项",
		"affects": "影响", "regimes": "需同时检查的相关制度",
		"notes": "说明", "sources": "资料来源", "reprint": "链接为转载",
		"link_official": "官方文本", "link_reprint": "转载", "link_commentary": "评述", "not_opened": "未查阅原文",
	},
}
