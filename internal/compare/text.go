package compare

import (
	"fmt"
	"io"

	"b22/classify"
	"b22/internal/present"
)

// TextOptions choose the language, width and colour of the text form.
type TextOptions struct {
	Lang  string // "zh" or "en"
	Width int    // columns; 80 when 0
	Color bool   // bold headings
}

// WriteText writes d for people: which two assessments, then, section by
// section, what changed in words, naming things as the results name them
// and never by id. rs gives the words for verdicts, strengths and
// statuses: B's rule set, the one a reader acts on.
func WriteText(w io.Writer, rs *classify.RuleSet, d Diff, o TextOptions) {
	if o.Width <= 0 {
		o.Width = 80
	}
	t := textWriter{Printer: present.Printer{W: w, Width: o.Width, Color: o.Color}, o: o, rs: rs, words: present.NewWords(rs, o.Lang), l: labels[o.Lang]}
	if t.l == nil {
		t.l = labels["en"]
	}
	t.header(d)
	fmt.Fprintln(w)
	if !d.Changed {
		t.Para("", t.l["no_change"], bold)
		t.Para("", fmt.Sprintf(t.l["same_verdict"], t.words.Verdict(d.B.Verdict)), "")
		fmt.Fprintln(w)
		t.Para("", t.l["footer"], dim)
		return
	}
	if d.Verdict != nil {
		t.Para("", fmt.Sprintf(t.l["verdict"], t.words.VerdictShort(d.Verdict.From), t.words.VerdictShort(d.Verdict.To)), bold)
	} else {
		t.Para("", fmt.Sprintf(t.l["verdict_same"], t.words.VerdictShort(d.B.Verdict)), bold)
	}
	t.subcategories(d)
	t.exclusions(d)
	t.licence(d)
	t.requirements(d)
	t.questions("pivotal", d.PivotalQuestions)
	t.questions("open", d.OpenQuestions)
	t.regimes(d)
	t.law(d)
	fmt.Fprintln(w)
	t.Para("", t.l["footer"], dim)
}

type textWriter struct {
	present.Printer
	o     TextOptions
	rs    *classify.RuleSet
	words present.Words
	l     map[string]string
}

const (
	bold = "1"
	dim  = "2"
)

func (t *textWriter) tr(x classify.Text) string { return x.In(t.o.Lang) }

func (t *textWriter) item(s string) { t.Item("  ", s, "") }

func (t *textWriter) heading(key string) {
	fmt.Fprintln(t.W)
	fmt.Fprintln(t.W, t.Style(t.l[key], bold))
}

// itemf writes a bullet from the label key filled with args.
func (t *textWriter) itemf(key string, args ...any) { t.item(fmt.Sprintf(t.l[key], args...)) }

func (t *textWriter) header(d Diff) {
	t.Para("", present.Licence(t.rs, t.l["title"]), bold)
	t.Hang("  "+t.l["from"], "    ", t.side(d.A), "")
	t.Hang("  "+t.l["to"], "    ", t.side(d.B), "")
}

func (t *textWriter) side(s Side) string {
	q := s.Questionnaire
	file := present.OneLine(s.File)
	if s.RulesDir != nil {
		return fmt.Sprintf(t.l["side_dir"], file, q.Version, present.OneLine(*s.RulesDir), q.AsOf)
	}
	return fmt.Sprintf(t.l["side"], file, q.Version, q.AsOf)
}

// standing is a strength in words, saying when it depends on unanswered
// questions.
func (t *textWriter) standing(s Standing) string {
	word := t.words.Strength(s.Strength)
	if !s.Settled {
		word += t.l["unsettled"]
	}
	return word
}

func (t *textWriter) subcategories(d Diff) {
	s := d.Subcategories
	if len(s.Added)+len(s.Removed)+len(s.Changed) == 0 {
		return
	}
	t.heading("subcategories")
	for _, x := range s.Added {
		t.itemf("sub_added", t.tr(x.Name), t.standing(x.Standing))
	}
	for _, x := range s.Changed {
		t.itemf("changed", t.tr(x.Name), t.standing(x.From), t.standing(x.To))
	}
	for _, x := range s.Removed {
		t.itemf("sub_removed", t.tr(x.Name), t.standing(x.Standing))
	}
}

func (t *textWriter) exclusions(d Diff) {
	e := d.Exclusions
	if len(e.Added)+len(e.Removed) == 0 {
		return
	}
	t.heading("exclusions")
	for _, x := range e.Added {
		t.itemf("excl_added", t.tr(x.Text))
	}
	for _, x := range e.Removed {
		t.itemf("excl_removed", t.tr(x.Text))
	}
}

// licence lists what changed in the licence. Where one side needs none,
// its authority and capital are moot, and only the scope line says so.
func (t *textWriter) licence(d Diff) {
	l := d.Licence
	var items []string
	add := func(label, from, to string) { items = append(items, fmt.Sprintf(t.l["changed"], label, from, to)) }
	if l.Category != nil {
		add(t.l["category"], l.Category.From, l.Category.To)
	}
	if l.Scope != nil {
		add(t.l["scope"], t.scope(l.Scope.From, l.Scope.FromTitle, d.A.Verdict), t.scope(l.Scope.To, l.Scope.ToTitle, d.B.Verdict))
	}
	moot := d.A.Verdict == classify.VerdictUnlikely || d.B.Verdict == classify.VerdictUnlikely
	if l.Authority != nil && !moot {
		add(t.l["authority"], t.optText(l.Authority.From), t.optText(l.Authority.To))
	}
	if l.MinRegisteredCapitalCNY != nil && !moot {
		add(t.l["capital"], t.amount(l.MinRegisteredCapitalCNY.From), t.amount(l.MinRegisteredCapitalCNY.To))
	}
	if l.ValidityYears != nil {
		add(t.l["validity"], fmt.Sprintf(t.l["years"], l.ValidityYears.From), fmt.Sprintf(t.l["years"], l.ValidityYears.To))
	}
	if c := d.ExistingLicence; c != nil {
		add(t.l["existing"], t.words.Coverage(c.From), t.words.Coverage(c.To))
	}
	if len(items) == 0 {
		return
	}
	t.heading("licence")
	for _, s := range items {
		t.item(s)
	}
}

// scope names a licence by its title; no scope is "none needed" under an
// unlikely verdict and "not settled" otherwise (the coverage not known).
func (t *textWriter) scope(s *string, title *classify.Text, v classify.Verdict) string {
	switch {
	case v == classify.VerdictUnlikely:
		return t.l["scope_none"]
	case s == nil:
		return t.l["scope_open"]
	case title != nil:
		return t.tr(*title)
	}
	return t.l["scope_open"]
}

func (t *textWriter) optText(x *classify.Text) string {
	if x == nil {
		return t.l["none"]
	}
	return t.tr(*x)
}

// amount is a capital floor; there is none only where the scope is open,
// since the floor follows the scope.
func (t *textWriter) amount(v *float64) string {
	if v == nil {
		return t.l["not_settled"]
	}
	return present.CNY(*v, t.o.Lang)
}

func (t *textWriter) requirements(d Diff) {
	r := d.Requirements
	if len(r.Added)+len(r.Removed)+len(r.Changed) == 0 {
		return
	}
	t.heading("requirements")
	if len(r.Added)+len(r.Changed) == 0 && d.B.Verdict == classify.VerdictUnlikely {
		// Every condition went with the licence: one line, not seven.
		t.item(t.l["req_none"])
		return
	}
	for _, x := range r.Changed {
		t.itemf("changed", t.tr(x.Name), t.words.Status(x.From), t.words.Status(x.To))
	}
	for _, x := range r.Added {
		t.itemf("req_added", t.tr(x.Name), t.words.Status(x.Status))
	}
	for _, x := range r.Removed {
		t.itemf("req_removed", t.tr(x.Name), t.words.Status(x.Status))
	}
}

func (t *textWriter) questions(kind string, q Questions) {
	if len(q.Added)+len(q.Removed) == 0 {
		return
	}
	t.heading(kind)
	for _, x := range q.Added {
		t.itemf(kind+"_added", t.tr(x.Question))
	}
	for _, x := range q.Removed {
		t.itemf(kind+"_removed", t.tr(x.Question))
	}
}

func (t *textWriter) regimes(d Diff) {
	g := d.RelatedRegimes
	if len(g.Added)+len(g.Removed)+len(g.Changed) == 0 {
		return
	}
	t.heading("regimes")
	for _, x := range g.Added {
		switch x.Status {
		case classify.RegimeUnknown:
			t.itemf("regime_added_open", t.tr(x.Text))
		case classify.RegimeCustomer:
			t.itemf("regime_added_customer", t.tr(x.Text))
		default:
			t.itemf("regime_added", t.tr(x.Text))
		}
	}
	for _, x := range g.Changed {
		t.itemf("regime_changed", t.words.RegimeStatus(x.From), t.words.RegimeStatus(x.To), t.tr(x.Text))
	}
	for _, x := range g.Removed {
		t.itemf("regime_removed", t.tr(x.Text))
	}
}

// law says, for each conclusion that stands on both sides on different
// law, that the law behind it changed, with the citations of each side.
func (t *textWriter) law(d Diff) {
	if len(d.Law) == 0 {
		return
	}
	t.heading("law")
	cites := func(l Law) string {
		if len(l.Citations) == 0 {
			return t.l["law_none"]
		}
		s := ""
		for i, c := range l.Citations {
			if i > 0 {
				s += t.l["law_sep"]
			}
			s += t.tr(c.Text)
		}
		return s
	}
	for _, x := range d.Law {
		t.itemf("law_changed", t.tr(x.Name), cites(x.From), cites(x.To))
	}
}

// labels are the words of the text form itself, in each language.
var labels = map[string]map[string]string{
	"en": {
		"title": "{licence} licence check: two assessments compared",
		"from":  "from: ", "to": "to:   ",
		"side":         "%s, rules %s, as of %s",
		"side_dir":     "%s, rules %s from %s, as of %s",
		"no_change":    "No change.",
		"same_verdict": "Both assessments reach the same conclusions: %s.",
		"verdict":      "Verdict: %s → %s", "verdict_same": "Verdict: %s (unchanged)",
		"changed":       "%s: %s → %s",
		"subcategories": "Sub-categories", "unsettled": ", depending on unanswered questions",
		"sub_added": "%s: now matches (%s)", "sub_removed": "%s: no longer matches (was %s)",
		"exclusions": "Exclusions", "excl_added": "now rules the licence out: %s", "excl_removed": "no longer rules it out: %s",
		"licence": "Licence", "category": "category", "scope": "licence", "authority": "issued by",
		"capital": "minimum registered capital", "validity": "validity", "years": "%g years",
		"existing": "existing licence", "none": "none", "not_settled": "not settled",
		"scope_none": "none needed", "scope_open": "not settled (depends on the coverage)",
		"requirements": "Licence conditions",
		"req_added":    "%s: now assessed (%s)", "req_removed": "%s: no longer assessed (was %s)",
		"req_none":      "no longer assessed: a licence is unlikely to be needed",
		"pivotal":       "Questions the verdict depends on",
		"pivotal_added": "now decides the verdict: %s", "pivotal_removed": "no longer decides it: %s",
		"open":       "Other open questions",
		"open_added": "now open: %s", "open_removed": "no longer open: %s",
		"regimes":      "Neighbouring regimes to check",
		"law":          "The law behind a conclusion",
		"law_changed":  "The law behind %s changed: %s → %s",
		"law_none":     "no citation",
		"law_sep":      "; ",
		"regime_added": "now flagged: %s", "regime_added_open": "now flagged, depending on unanswered questions: %s",
		"regime_added_customer": "now flagged for whoever operates the service: %s",
		"regime_removed":        "no longer flagged: %s", "regime_changed": "%s → %s: %s",
		"footer": "Compared: the conclusions, and across two dates the law behind a licence condition or regime that holds on both; not the reasons or wording; 'b22 classify' gives each assessment in full.",
	},
	"zh": {
		"title": "{licence} 许可判断：两次评估对比",
		"from":  "原：", "to": "新：",
		"side":         "%s，规则 %s，按 %s 适用",
		"side_dir":     "%s，规则 %s（%s），按 %s 适用",
		"no_change":    "没有变化。",
		"same_verdict": "两次评估结论相同：%s。",
		"verdict":      "结论：%s → %s", "verdict_same": "结论：%s（未变）",
		"changed":       "%s：%s → %s",
		"subcategories": "所属子类", "unsettled": "，取决于未回答的问题",
		"sub_added": "%s：新增（%s）", "sub_removed": "%s：不再属于（原为%s）",
		"exclusions": "排除情形", "excl_added": "新增排除：%s", "excl_removed": "不再排除：%s",
		"licence": "许可证", "category": "许可类别", "scope": "许可证", "authority": "发证机关",
		"capital": "最低注册资本", "validity": "有效期", "years": "%g 年",
		"existing": "现有许可", "none": "无", "not_settled": "未定",
		"scope_none": "无需许可", "scope_open": "未定（取决于覆盖范围）",
		"requirements": "许可条件",
		"req_added":    "%s：新纳入评估（%s）", "req_removed": "%s：不再评估（原为%s）",
		"req_none":      "不再评估：不太可能需要许可",
		"pivotal":       "结论取决于以下问题",
		"pivotal_added": "新增：%s", "pivotal_removed": "不再影响结论：%s",
		"open":       "其他待确认问题",
		"open_added": "新增：%s", "open_removed": "不再待定：%s",
		"regimes":      "需同时检查的相关制度",
		"law":          "结论所依据的法律",
		"law_changed":  "%s所依据的法律已变化：%s → %s",
		"law_none":     "无引用",
		"law_sep":      "；",
		"regime_added": "新增：%s", "regime_added_open": "新增（取决于未回答的问题）：%s",
		"regime_added_customer": "新增（适用于服务的经营者）：%s",
		"regime_removed":        "不再提示：%s", "regime_changed": "%s → %s：%s",
		"footer": "本对比只比较结论，以及在两个日期之间两次均成立的申请条件或相关制度所依据的法律；不比较理由或措辞；各次评估的全文见“b22 classify”。",
	},
}
