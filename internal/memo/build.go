package memo

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"b22/classify"
	"b22/internal/present"
)

// builder turns a result into the memo model. It only arranges and words
// what the result and the rule set say.
type builder struct {
	rs      *classify.RuleSet
	doc     *classify.Document
	res     *classify.Result
	o       Options
	process []classify.ProcessResult
	trace   map[string]classify.TraceStep // by kind/rule id

	lang   string // the language of the part being built
	blocks []block
	// pivotalNum numbers the questions the verdict depends on ("5.1"),
	// for the section on levers to point back to.
	pivotalNum string
}

func build(rs *classify.RuleSet, doc *classify.Document, res *classify.Result, o Options) (*memo, error) {
	process, err := rs.ProcessTexts(res.Questionnaire.AsOf)
	if err != nil {
		return nil, fmt.Errorf("memo: %w", err)
	}
	b := &builder{rs: rs, doc: doc, res: res, o: o, process: process, trace: map[string]classify.TraceStep{}}
	for _, s := range res.Trace {
		b.trace[s.Kind+"/"+s.Rule] = s
	}
	b.lang = b.langs()[0]
	m := &memo{colon: b.t("colon"), lang: o.Lang, date: o.Date.String(), title: b.both("title"), running: b.both("running"), product: doc.Product.Name}
	if o.Lang == "bilingual" {
		m.page = [3]string{"", " / ", ""}
	} else {
		m.page = [3]string{b.t("page_pre"), b.t("page_mid"), b.t("page_post")}
	}

	b.header()
	sections := []struct {
		key string
		fn  func(n int)
	}{
		{"h_conclusion", b.conclusion},
		{"h_facts", b.facts},
		{"h_analysis", b.analysis},
		{"h_licence", b.licence},
		{"h_open", b.openQuestions},
		{"h_levers", b.levers},
		{"h_regimes", b.regimes},
		{"h_process", b.processSteps},
		{"h_sources", b.sources},
	}
	for i, s := range sections {
		b.section(i+1, s.key, s.fn)
	}
	b.lang = b.langs()[0]
	b.add(block{kind: kindHeading, level: 1, runs: line(txt(b.both("h_disclaimer")))})
	for _, l := range b.langs() {
		b.lang = l
		b.add(block{kind: kindPara, small: true, runs: line(txt(b.tr(rs.Texts.Disclaimer)))})
	}
	m.blocks = b.blocks
	return m, nil
}

// ---- helpers -------------------------------------------------------------

func (b *builder) langs() []string {
	if b.o.Lang == "bilingual" {
		return []string{"zh", "en"}
	}
	return []string{b.o.Lang}
}

// t is a chrome string in the current language.
func (b *builder) t(key string) string {
	c, ok := b.chrome(key)
	if !ok {
		return key
	}
	if b.lang == "zh" {
		return c.zh
	}
	return c.en
}

// chrome is the memo's own words for key in both languages, the licence
// the rule set decides filled in.
func (b *builder) chrome(key string) (pair, bool) {
	c, ok := chrome[key]
	return pair{present.Licence(b.rs, c.zh), present.Licence(b.rs, c.en)}, ok
}

func (b *builder) tf(key string, args ...any) string { return fmt.Sprintf(b.t(key), args...) }

// both is a chrome string in the memo's language, or "中文 / English" in a
// bilingual memo.
func (b *builder) both(key string) string {
	c, _ := b.chrome(key)
	switch b.o.Lang {
	case "zh":
		return c.zh
	case "en":
		return c.en
	}
	if c.zh == c.en {
		return c.zh
	}
	return c.zh + " / " + c.en
}

func (b *builder) tr(t classify.Text) string { return t.In(b.lang) }

// words are the shared words for the result's conclusions in the current
// language.
func (b *builder) words() present.Words { return present.NewWords(b.rs, b.lang) }

// label is the rule set's label for an id in a map of texts, or the id.
func (b *builder) label(m map[string]classify.Text, id string) string {
	if t, ok := m[id]; ok {
		return b.tr(t)
	}
	return id
}

func (b *builder) add(bl block) {
	if bl.lang == "" {
		bl.lang = b.lang
	}
	b.blocks = append(b.blocks, bl)
}

func (b *builder) para(rs ...run) { b.add(block{kind: kindPara, runs: rs}) }

func (b *builder) small(rs ...run) { b.add(block{kind: kindPara, small: true, runs: rs}) }

func (b *builder) h2(num string, title string) {
	b.add(block{kind: kindHeading, level: 2, runs: line(txt(num + " " + title))})
}

func (b *builder) list(items ...cell) {
	if len(items) > 0 {
		b.add(block{kind: kindList, items: items})
	}
}

func (b *builder) table(t *table) { b.add(block{kind: kindTable, table: t}) }

// section adds a numbered top-level section: its heading once, then its
// content in each language.
func (b *builder) section(n int, key string, fn func(n int)) {
	c, _ := b.chrome(key)
	var h string
	switch b.o.Lang {
	case "zh":
		h = zhNumerals[n-1] + "、" + c.zh
	case "en":
		h = strconv.Itoa(n) + ". " + c.en
	default:
		h = strconv.Itoa(n) + ". " + c.zh + " / " + c.en
	}
	b.lang = b.langs()[0]
	b.add(block{kind: kindHeading, level: 1, runs: line(txt(h))})
	for _, l := range b.langs() {
		b.lang = l
		fn(n)
	}
}

func capFirst(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError || !unicode.IsLower(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[size:]
}

func (b *builder) join(parts []string) string {
	if b.lang == "zh" {
		return strings.Join(parts, "、")
	}
	return strings.Join(parts, ", ")
}

// paren wraps s in brackets the way the current language does.
func (b *builder) paren(s string) string { return b.tf("paren", s) }

func num(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// ---- answers -------------------------------------------------------------

// value is the answer to question i in words, or why there is none.
func (b *builder) value(i int) string {
	v := b.doc.Answers[i]
	if !v.Known {
		switch {
		case !b.rs.Asked(i, b.doc.Answers):
			return b.t("not_asked")
		case b.doc.Unsure != nil && b.doc.Unsure[i]:
			return b.t("not_sure")
		}
		return b.t("not_stated")
	}
	return b.words().Answer(&b.rs.Questions[i], v)
}

// keyValue is "key: value" for one answer key.
func (b *builder) keyValue(key string) []run {
	i := b.rs.QuestionIndex(key)
	if i < 0 {
		return line(code(key))
	}
	return line(code(key), txt(b.t("colon")+b.value(i)))
}

// answerLines is one line per answer key, or a dash.
func (b *builder) answerLines(keys []string) cell {
	if len(keys) == 0 {
		return textCell(b.t("dash"))
	}
	c := cell{}
	for _, k := range keys {
		c = append(c, b.keyValue(k))
	}
	return c
}

// answerRuns is the answer keys with their values on one line.
func (b *builder) answerRuns(keys []string) []run {
	if len(keys) == 0 {
		return line(txt(b.t("dash")))
	}
	var out []run
	for i, k := range keys {
		if i > 0 {
			out = append(out, txt(b.t("semi")))
		}
		out = append(out, b.keyValue(k)...)
	}
	return out
}

// ---- citations -----------------------------------------------------------

// cite writes citations out in the memo's language: 《电信条例》第六十九条；….
func (b *builder) cite(cs []classify.CitationRef) string {
	texts := make([]string, len(cs))
	for i, c := range cs {
		texts[i] = b.tr(c.Text)
	}
	return strings.Join(texts, b.t("semi"))
}

// conf is "medium-high (statute)" in the current language.
func (b *builder) conf(confidence, footing string) string {
	s := b.label(b.rs.Texts.Confidence, confidence)
	if footing != "" {
		s += b.paren(b.label(b.rs.Texts.Footing, footing))
	}
	return s
}

// refs is the line under a reason: answers, basis and confidence.
func (b *builder) refs(answers []string, basis []classify.CitationRef, confidence, footing string) []run {
	out := line(txt(b.t("answers") + b.t("colon")))
	out = append(out, b.answerRuns(answers)...)
	if len(basis) > 0 {
		out = append(out, txt(b.t("semi")+b.t("basis")+b.t("colon")+b.cite(basis)))
	}
	if confidence != "" {
		out = append(out, txt(b.t("semi")+b.t("confidence")+b.t("colon")+b.conf(confidence, footing)))
	}
	return muted(out)
}

// muted sets runs in the smaller type of references.
func muted(rs []run) []run {
	out := make([]run, len(rs))
	for i, r := range rs {
		r.muted = true
		out[i] = r
	}
	return out
}

// ---- header --------------------------------------------------------------

func (b *builder) header() {
	rs, res, p := b.rs, b.res, b.doc.Product
	b.add(block{kind: kindTitle, runs: line(txt(b.both("title")))})
	sub := b.tr(rs.Title)
	if b.o.Lang == "bilingual" {
		sub = rs.Title.Zh + " / " + rs.Title.En
	}
	b.add(block{kind: kindSubtitle, runs: line(txt(sub))})
	orStated := func(s string) string {
		if strings.TrimSpace(s) == "" {
			return b.both("not_stated")
		}
		return s
	}
	t := &table{kv: true, widths: []int{30, 70}}
	row := func(key string, c cell) { t.rows = append(t.rows, []cell{textCell(b.both(key)), c}) }
	row("hdr_product", cell{{bold(orStated(p.Name))}})
	row("hdr_company", textCell(orStated(p.Company)))
	if strings.TrimSpace(p.Description) != "" {
		row("hdr_description", textCell(p.Description))
	}
	q := res.Questionnaire
	row("hdr_prepared", textCell(b.o.Date.String()))
	row("hdr_ruleset", cell{{code(q.ID), txt(" " + q.Version)}})
	row("hdr_effective", textCell(q.Effective.String()))
	row("hdr_asof", textCell(q.AsOf.String()))
	row("hdr_sha", cell{{code(res.AnswersSHA256)}})
	b.table(t)
}

// ---- 1. conclusion -------------------------------------------------------

func (b *builder) strengthList(list []classify.SubcategoryResult) string {
	parts := make([]string, len(list))
	for i, s := range list {
		strength := b.words().Strength(s.Strength)
		if s.Settled {
			parts[i] = b.tf("c_strength", b.tr(s.Name), strength)
		} else {
			parts[i] = b.tf("c_strength_open", b.tr(s.Name), strength)
		}
	}
	if b.lang == "zh" || len(parts) == 1 {
		return strings.Join(parts, "、")
	}
	return strings.Join(parts[:len(parts)-1], ", the ") + " and the " + parts[len(parts)-1]
}

func (b *builder) conclusion(int) {
	res := b.res
	var s []string
	s = append(s, capFirst(b.tr(res.Summary))+b.endStop())
	switch {
	case len(res.Matched()) > 0 && res.Verdict == "undetermined":
		s = append(s, b.tf("c_may_fall", b.strengthList(res.Matched())))
	case len(res.Matched()) > 0:
		s = append(s, b.tf("c_falls", b.strengthList(res.Matched())))
	case len(res.Exclusions) == 0 && len(res.IfOperated) == 0 && res.Verdict == "unlikely":
		s = append(s, b.t("c_none"))
	}
	for _, e := range res.Exclusions {
		s = append(s, b.tf("c_excluded", b.conf(e.Confidence, e.Footing), b.tr(e.Text)))
	}
	if len(res.IfOperated) > 0 {
		s = append(s, b.tf("c_if_operated", b.strengthList(res.IfOperated)))
	}
	if len(res.PivotalQuestions) > 0 {
		qs := make([]string, len(res.PivotalQuestions))
		for i, p := range res.PivotalQuestions {
			qs[i] = b.tr(p.Question)
		}
		sep := " "
		if b.lang == "zh" {
			sep = ""
		}
		s = append(s, b.tf("c_turns_on", strings.Join(qs, sep)))
	}
	if res.Verdict != "unlikely" {
		lic := res.Licence
		auth := ""
		if lic.Authority != nil {
			auth = b.tr(*lic.Authority)
		}
		if lic.Title != nil && lic.MinRegisteredCapitalCNY != nil {
			s = append(s, b.tf("c_licence", b.tr(*lic.Title), auth, present.CNY(*lic.MinRegisteredCapitalCNY, b.lang), num(lic.ValidityYears)))
		} else {
			s = append(s, b.tf("c_licence_open", auth))
		}
		s = append(s, b.words().CoverageSentence(res.ExistingLicence))
		var unmet []string
		for _, q := range res.Requirements {
			if q.Status == "unmet" {
				name := b.reqName(q.ID)
				if b.lang == "en" {
					name = strings.ToLower(name[:1]) + name[1:]
				}
				unmet = append(unmet, name)
			}
		}
		if len(unmet) > 0 {
			s = append(s, b.tf("c_unmet", b.join(unmet)))
		}
	}
	b.para(txt(strings.Join(s, b.t("sent_sep"))))
}

// endStop is the full stop of the current language.
func (b *builder) endStop() string {
	if b.lang == "zh" {
		return "。"
	}
	return "."
}

// ---- 2. facts ------------------------------------------------------------

func (b *builder) facts(n int) {
	b.para(txt(b.t("facts_intro")))
	done := make([]bool, len(b.rs.Questions))
	k := 0
	group := func(title string, in func(q *classify.Question) bool) {
		t := &table{head: []string{b.t("col_question"), b.t("col_answer")}, widths: []int{62, 38}}
		for i := range b.rs.Questions {
			q := &b.rs.Questions[i]
			if done[i] || !in(q) {
				continue
			}
			done[i] = true
			t.rows = append(t.rows, []cell{lines(line(txt(b.tr(q.Title))), line(code(q.ID))), textCell(b.value(i))})
		}
		if len(t.rows) == 0 {
			return
		}
		k++
		b.h2(fmt.Sprintf("%d.%d", n, k), title)
		b.table(t)
	}
	for _, sec := range b.rs.Sections {
		group(b.tr(sec.Title), func(q *classify.Question) bool { return q.Section == sec.ID })
	}
	group(b.t("other_answers"), func(*classify.Question) bool { return true })
}

// ---- 3. analysis ---------------------------------------------------------

func findSub(list []classify.SubcategoryResult, id string) *classify.SubcategoryResult {
	for i := range list {
		if list[i].ID == id {
			return &list[i]
		}
	}
	return nil
}

func (b *builder) analysis(n int) {
	rs, res := b.rs, b.res
	b.small(txt(b.t("how_to_read")))
	k := 0
	gatesNum := fmt.Sprintf("%d.%d", n, len(rs.Subcategories)+1)
	for _, s := range rs.Subcategories {
		k++
		b.h2(fmt.Sprintf("%d.%d", n, k), capFirst(b.tr(s.Name)))
		if b.lang == "zh" {
			b.small(txt(b.t("catalogue_name")), code(s.ID))
		} else {
			b.small(txt(b.t("catalogue_name")+s.Name.Zh+" · "), code(s.ID))
		}
		b.para(bold(b.t("definition")), txt(b.tr(s.Definition)))
		var src []string
		if len(s.Cites) > 0 {
			cs := make([]classify.CitationRef, len(s.Cites))
			for i, c := range s.Cites {
				cs[i] = b.rs.Cite(c)
			}
			src = append(src, b.t("basis")+b.t("colon")+b.cite(cs))
		}
		if s.Confidence != "" {
			src = append(src, b.t("confidence")+b.t("colon")+b.conf(s.Confidence, s.Footing))
		}
		if len(src) > 0 {
			b.small(txt(strings.Join(src, b.t("semi"))))
		}

		sr := findSub(res.Matched(), s.ID)
		ifOp := false
		if sr == nil {
			if sr = findSub(res.IfOperated, s.ID); sr != nil {
				ifOp = true
			}
		}
		finding := line(bold(b.t("finding")))
		switch {
		case sr == nil:
			finding = append(finding, txt(b.t("found_none")))
		case ifOp:
			finding = append(finding, txt(b.tf("found_if_operated", gatesNum, b.words().Strength(sr.Strength))))
		case sr.Settled:
			finding = append(finding, txt(b.tf("found_settled", b.words().Strength(sr.Strength))))
		default:
			finding = append(finding, txt(b.tf("found_open", b.words().Strength(sr.Strength))))
			for i, k := range sr.DependsOn {
				if i > 0 {
					finding = append(finding, txt(b.t("list_sep")))
				}
				finding = append(finding, code(k))
			}
			finding = append(finding, txt(b.endStop()))
		}
		b.para(finding...)

		if sr != nil {
			b.para(bold(b.t("why")))
			var items []cell
			for _, r := range sr.Reasons {
				first := line(txt(b.tr(r.Text)))
				if r.Outcome != classify.True {
					first = line(bold(b.t("if_answered")), txt(b.tr(r.Text)))
				}
				items = append(items, lines(first, b.refs(r.Answers, r.Citations, r.Confidence, r.Footing)))
			}
			b.list(items...)
			continue
		}
		// Not matched: the rules of the sub-category and the answers they
		// read, from the trace.
		var items []cell
		for _, rule := range s.Rules {
			step, ok := b.trace["subcategory/"+rule.ID]
			if !ok {
				continue
			}
			head := b.words().Strength(rule.Strength) + b.t("colon")
			first := line(txt(head), code(present.Condition(rs, rule.When)))
			if step.Outcome != classify.False {
				first = append(first, txt(b.t("rule_open")))
			}
			second := append(line(txt(b.t("answers_read")+b.t("colon"))), b.answerRuns(step.Answers)...)
			items = append(items, lines(first, muted(second)))
		}
		if len(items) > 0 {
			b.para(bold(b.t("not_applied")))
			b.list(items...)
		}
	}

	// Gates.
	k++
	b.h2(fmt.Sprintf("%d.%d", n, k), b.t("h_gates"))
	b.para(txt(b.t("gates_intro")))
	t := &table{head: []string{b.t("col_gate"), b.t("col_result"), b.t("col_answers")}, widths: []int{38, 24, 38}}
	for _, g := range rs.Gates {
		step, ok := b.trace["gate/"+g.ID]
		if !ok {
			continue
		}
		result := map[classify.Tri]string{classify.True: "gate_true", classify.False: "gate_false", classify.Unknown: "gate_open"}[step.Outcome]
		t.rows = append(t.rows, []cell{{line(code(present.Condition(rs, g.When)))}, textCell(b.t(result)), b.answerLines(step.Answers)})
	}
	b.table(t)
	for _, e := range res.Exclusions {
		b.para(bold(b.t("excluded")+b.t("colon")), txt(b.tr(e.Text)))
		b.small(b.refs(e.Answers, e.Citations, e.Confidence, e.Footing)...)
	}

	// Notes.
	if len(res.Notes) > 0 {
		k++
		b.h2(fmt.Sprintf("%d.%d", n, k), b.t("h_notes"))
		var items []cell
		for _, f := range res.Notes {
			items = append(items, lines(line(txt(b.tr(f.Text))), b.refs(f.Answers, f.Citations, f.Confidence, f.Footing)))
		}
		b.list(items...)
	}
}

// ---- 4. licence ----------------------------------------------------------

func (b *builder) licence(n int) {
	res := b.res
	if res.Verdict == "unlikely" {
		b.para(txt(b.t("licence_na")))
		return
	}
	lic := res.Licence
	t := &table{kv: true, widths: []int{30, 70}}
	row := func(key string, c cell) { t.rows = append(t.rows, []cell{textCell(b.t(key)), c}) }
	if lic.Title != nil {
		row("lic_licence", textCell(b.tr(*lic.Title)))
	} else {
		row("lic_licence", textCell(b.t("scope_open")))
	}
	if lic.Authority != nil {
		row("lic_authority", textCell(b.tr(*lic.Authority)))
	}
	if lic.MinRegisteredCapitalCNY != nil {
		row("lic_capital", textCell(present.CNY(*lic.MinRegisteredCapitalCNY, b.lang)))
	} else {
		row("lic_capital", textCell(b.t("capital_open")))
	}
	row("lic_validity", textCell(b.tf("years", num(lic.ValidityYears))))
	row("lic_existing", lines(line(txt(b.words().CoverageSentence(res.ExistingLicence))), b.keyValue("existing_licences")))
	if len(lic.Basis) > 0 {
		row("basis", textCell(b.cite(lic.Citations)))
	}
	b.table(t)

	if len(res.Requirements) == 0 {
		return
	}
	b.h2(fmt.Sprintf("%d.1", n), b.t("h_conditions"))
	ct := &table{head: []string{b.t("col_condition"), b.t("col_status"), b.t("col_answers"), b.t("col_basis")}, widths: []int{42, 11, 25, 22}}
	for _, q := range res.Requirements {
		name := b.reqName(q.ID)
		basis := cell{}
		if len(q.Basis) > 0 {
			basis = append(basis, line(txt(b.cite(q.Citations))))
		}
		if q.Confidence != "" {
			basis = append(basis, line(txt(b.conf(q.Confidence, q.Footing))))
		}
		ct.rows = append(ct.rows, []cell{
			lines(line(bold(name)), line(txt(b.tr(q.Text)))),
			{line(bold(b.words().Status(q.Status)))},
			b.answerLines(q.Answers),
			basis,
		})
	}
	b.table(ct)
}

// reqName is the rule set's short name for a licence condition, or its id.
func (b *builder) reqName(id string) string {
	for _, r := range b.rs.Requirements {
		if r.ID == id {
			return b.tr(r.Name)
		}
	}
	return id
}

// ---- 5. open questions and assumptions -----------------------------------

func (b *builder) openQuestions(n int) {
	res, rs := b.res, b.rs
	b.pivotalNum = fmt.Sprintf("%d.1", n)
	b.h2(b.pivotalNum, b.t("h_pivotal"))
	if len(res.PivotalQuestions) == 0 {
		b.para(txt(b.t("pivotal_none")))
	} else {
		t := &table{head: []string{b.t("col_question"), b.t("col_why"), b.t("col_leads")}, widths: []int{34, 33, 33}}
		for _, p := range res.PivotalQuestions {
			leads := cell{}
			for _, l := range p.LeadsTo {
				leads = append(leads, line(bold(b.tr(l.Label)), txt(" → "+b.words().Verdict(l.Verdict))))
			}
			t.rows = append(t.rows, []cell{lines(line(txt(b.tr(p.Question))), line(code(p.Key))), textCell(b.tr(p.Why)), leads})
		}
		b.table(t)
	}

	b.h2(fmt.Sprintf("%d.2", n), b.t("h_other_open"))
	if len(res.OpenQuestions) == 0 {
		b.para(txt(b.t("other_open_none")))
	} else {
		b.para(txt(b.t("other_open_intro")))
		t := &table{head: []string{b.t("col_question"), b.t("col_affects")}, widths: []int{58, 42}}
		for _, q := range res.OpenQuestions {
			aff := cell{}
			seen := map[string]bool{}
			for _, a := range q.Affects {
				l := b.affects(a)
				if !seen[l] {
					seen[l] = true
					aff = append(aff, line(txt(l)))
				}
			}
			t.rows = append(t.rows, []cell{lines(line(txt(b.tr(q.Question))), line(code(q.Key))), aff})
		}
		b.table(t)
	}

	b.h2(fmt.Sprintf("%d.3", n), b.t("h_open_points"))
	var items []cell
	for _, p := range rs.Texts.OpenPoints {
		items = append(items, textCell(b.tr(p)))
	}
	b.list(items...)

	b.h2(fmt.Sprintf("%d.4", n), b.t("h_assumptions"))
	b.para(txt(b.t("assumptions")))
}

// affects words a part of the result that an open question leaves open.
func (b *builder) affects(part string) string {
	switch {
	case part == "licence.scope":
		return b.t("aff_scope")
	case part == "covered_by_existing_licence":
		return b.t("aff_covered")
	case strings.HasPrefix(part, "requirements."):
		return b.tf("aff_requirement", b.reqName(strings.TrimPrefix(part, "requirements.")))
	case strings.HasPrefix(part, "related_regimes."):
		return b.tf("aff_regime", strings.TrimPrefix(part, "related_regimes."))
	}
	return part
}

// ---- 6. what would change the conclusion -----------------------------------

// levers lists the changes of the answers given that would change the
// outcome, as options and never as advice: each change in the questions'
// words, who decides it and what it does, worded by present as the text
// report and the interview word them. The section is always there, so that
// the numbers of the sections after it never move; without levers it says
// why in one sentence.
func (b *builder) levers(int) {
	res := b.res
	if len(res.Levers) == 0 {
		if res.Verdict == classify.VerdictUndetermined {
			b.para(txt(b.tf("levers_undetermined", b.pivotalNum)))
		} else {
			b.para(txt(b.t("levers_none")))
		}
		return
	}
	b.para(txt(b.t("levers_intro")))
	t := &table{head: []string{b.t("col_change"), b.t("col_kind"), b.t("col_effect")}, widths: []int{46, 18, 36}}
	for _, lv := range res.Levers {
		w := b.words().Lever(lv)
		change, effects := cell{}, cell{}
		for _, c := range w.Change {
			change = append(change, line(txt(c)))
		}
		for _, e := range w.Effects {
			effects = append(effects, line(txt(capFirst(e))))
		}
		t.rows = append(t.rows, []cell{change, textCell(capFirst(w.Kind)), effects})
	}
	b.table(t)
}

// ---- 7. neighbouring regimes ---------------------------------------------

func (b *builder) regimes(int) {
	res := b.res
	b.para(txt(b.t("regimes_intro")))
	if len(res.RelatedRegimes) == 0 {
		b.para(txt(b.t("regimes_none")))
		return
	}
	t := &table{head: []string{b.t("col_regime"), b.t("col_check"), b.t("col_status"), b.t("col_trigger"), b.t("col_basis")}, widths: []int{13, 37, 14, 20, 16}}
	for _, g := range res.RelatedRegimes {
		status := b.words().RegimeStatus(g.Status)
		basis := cell{}
		if len(g.Basis) > 0 {
			basis = append(basis, line(txt(b.cite(g.Citations))))
		}
		if g.Confidence != "" {
			basis = append(basis, line(txt(b.conf(g.Confidence, ""))))
		}
		t.rows = append(t.rows, []cell{{line(code(g.ID))}, textCell(b.tr(g.Text)), textCell(status), b.answerLines(g.Because), basis})
	}
	b.table(t)
}

// ---- 8. process ----------------------------------------------------------

func (b *builder) processSteps(int) {
	b.para(txt(b.t("process_intro")))
	var items []cell
	for _, p := range b.process {
		name := b.tr(p.Name)
		text := b.tr(p.Text)
		if len(p.Citations) > 0 {
			text += b.paren(b.cite(p.Citations))
		}
		items = append(items, lines(line(bold(name)), line(txt(text))))
	}
	b.list(items...)
}

// ---- 9. sources ----------------------------------------------------------

// citedSources are the sources the memo cites, in the rule set's order: the
// result's own, and those of the definitions and the process texts the memo
// shows beside it.
func (b *builder) citedSources() []*classify.Source {
	want := map[string]bool{}
	for _, s := range b.res.Sources {
		want[s.ID] = true
	}
	for _, s := range b.rs.Subcategories {
		for _, id := range s.Basis {
			want[id] = true
		}
	}
	for _, p := range b.process {
		for _, id := range p.Basis {
			want[id] = true
		}
	}
	var out []*classify.Source
	for i := range b.rs.Sources {
		if want[b.rs.Sources[i].ID] {
			out = append(out, &b.rs.Sources[i])
		}
	}
	return out
}

func (b *builder) sources(int) {
	b.para(txt(b.t("sources_intro")))
	var items []cell
	for _, s := range b.citedSources() {
		c := cell{line(bold("["+s.ID+"] "), txt(s.Title))}
		if b.lang == "en" && s.TitleEn != "" {
			c = append(c, line(txt(s.TitleEn)))
		}
		if s.Date != "" {
			c = append(c, line(txt(b.t("src_date")+s.Date)))
		}
		if s.URL != "" {
			l := line(link(s.URL, s.URL))
			if s.Reprint {
				l = append(l, txt(b.paren(b.t("reprint"))))
			}
			c = append(c, l)
		}
		items = append(items, c)
	}
	b.list(items...)
}
