package memo

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"b22/classify"
	"b22/internal/outline"
	"b22/internal/present"
)

// builder turns a result's outline into the memo model. It only arranges
// and words what the outline, the answers and the rule set say; it never
// reads the result itself, so that the memo sets out the same parts, in
// the same words, as the text report and the interview.
type builder struct {
	rs      *classify.RuleSet
	doc     *classify.Document
	o       Options
	process []classify.ProcessResult
	trace   map[string]classify.TraceStep // by kind/rule id

	lang   string // the language of the part being built
	blocks []block
	// nums are the numbers of the sections other sections point to
	// ("5"), by chrome key of their heading.
	nums map[string]string
	// notes number the citations in order of first mention, by source
	// and pinpoint; cites holds them in that order for the list.
	notes map[string]int
	cites []classify.CitationRef
	// pins are the citations of each entry's source, in order of first
	// mention: the pinpoints the entry lists.
	pins [][]classify.CitationRef
	// outlines are the result's outline in each language the memo is
	// written in: the parts it sets out, in counsel's prose.
	outlines map[string]outline.Outline
}

func build(rs *classify.RuleSet, doc *classify.Document, outlines map[string]outline.Outline, o Options) (*memo, error) {
	b := &builder{rs: rs, doc: doc, o: o, trace: map[string]classify.TraceStep{},
		nums: map[string]string{}, notes: map[string]int{}, outlines: outlines}
	b.lang = b.langs()[0]
	rec := b.outline().Record
	process, err := rs.ProcessTexts(rec.Questionnaire.AsOf)
	if err != nil {
		return nil, fmt.Errorf("memo: %w", err)
	}
	b.process = process
	for _, s := range rec.Trace {
		b.trace[s.Kind+"/"+s.Rule] = s
	}
	m := &memo{colon: b.t("colon"), lang: o.Lang, date: o.Date.String(), title: b.both("title"), running: b.both("running"),
		product: doc.Product.Name, status: o.Status, confidential: strings.TrimSpace(o.Confidential)}
	if o.Status == "draft" {
		m.banner = b.both("draft_mark")
	}
	m.author = strings.TrimSpace(o.PreparedBy)
	m.subject = strings.TrimSpace(o.Matter)
	if m.subject == "" {
		m.subject = b.tr(rs.Title())
	}
	kw := []string{rs.Category()}
	for _, k := range []string{o.Matter, doc.Product.Name, doc.Product.Company} {
		if k = strings.TrimSpace(k); k != "" {
			kw = append(kw, k)
		}
	}
	m.keywords = strings.Join(kw, "; ")
	if o.Lang == "bilingual" {
		m.page = [3]string{"", " / ", ""}
	} else {
		m.page = [3]string{b.t("page_pre"), b.t("page_mid"), b.t("page_post")}
	}

	b.header()
	// The memo reads top-down: the answer first, then the reasoning, then
	// the record it rests on in appendices.
	sections := []struct {
		key string
		fn  func(n string)
	}{
		{"h_conclusion", b.conclusion},
		{"h_facts", b.facts},
		{"h_analysis", b.analysis},
		{"h_licence", b.licence},
		{"h_options", b.options},
		{"h_open", b.openQuestions},
		{"h_regimes", b.regimes},
		{"h_process", b.processSteps},
	}
	// Numbers are known before any section is built, so that the first
	// page can point to the options and the appendices.
	for i, s := range sections {
		b.nums[s.key] = strconv.Itoa(i + 1)
	}
	appendices := []struct {
		key string
		fn  func(n string)
	}{
		{"h_answers", b.answers},
		{"h_trace", b.ruleTrace},
		{"h_sensitivity", b.sensitivity},
		{"h_citations", b.citations},
	}
	for i, a := range appendices {
		b.nums[a.key] = string(rune('A' + i))
	}
	for i, s := range sections {
		b.section(i+1, "", s.key, s.fn)
	}
	for _, a := range appendices {
		b.section(0, b.nums[a.key], a.key, a.fn)
	}
	b.lang = b.langs()[0]
	b.record()
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
		return c.Zh
	}
	return c.En
}

// chrome is the memo's own words for key in both languages, the rule
// set's names filled in.
func (b *builder) chrome(key string) (classify.Text, bool) {
	c, ok := chrome[key]
	if w, shared := sharedWords[key]; shared {
		c, ok = present.SharedLabel(w.key), true
		if w.capital {
			c.En = capFirst(c.En)
		}
	}
	return classify.Text{Zh: present.NewWords(b.rs, "zh").Fill(c.Zh), En: present.NewWords(b.rs, "en").Fill(c.En)}, ok
}

func (b *builder) tf(key string, args ...any) string { return fmt.Sprintf(b.t(key), args...) }

// both is a chrome string in the memo's language, or "中文 / English" in a
// bilingual memo.
func (b *builder) both(key string) string {
	c, _ := b.chrome(key)
	switch b.o.Lang {
	case "zh":
		return c.Zh
	case "en":
		return c.En
	}
	if c.Zh == c.En {
		return c.Zh
	}
	return c.Zh + " / " + c.En
}

func (b *builder) tr(t classify.Text) string { return t.In(b.lang) }

// outline is the result's outline in the current language.
func (b *builder) outline() outline.Outline { return b.outlines[b.lang] }

// part is the items of a part of the result's outline, in the current
// language; none where the result has none.
func (b *builder) part(p outline.Part) []outline.Item {
	for _, s := range b.outline().Sections {
		if s.Part == p {
			return s.Items
		}
	}
	return nil
}

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

// h2 adds a subsection's heading. num is its number as English writes it,
// "6.1" or "A.2"; a Chinese memo, whose parts are numbered 一、二、,
// numbers a subsection （一） within its part, before the title. A
// bilingual heading carries one number for both columns: 6.1.
func (b *builder) h2(num string, title string) {
	if b.o.Lang == "zh" {
		k, _ := strconv.Atoi(num[strings.LastIndex(num, ".")+1:])
		b.add(block{kind: kindHeading, level: 2, runs: line(txt("（" + present.ChineseNumber(k) + "）" + title))})
		return
	}
	b.add(block{kind: kindHeading, level: 2, num: num, runs: line(txt(title))})
}

// subRef is how the text points to subsection k of the section key, by
// the number its heading carries: 第六部分（一） in a Chinese memo, 第6.1节
// in the Chinese column of a bilingual one, section 6.1 in English.
func (b *builder) subRef(key string, k int) string {
	n := b.nums[key]
	switch {
	case b.lang != "zh":
		return fmt.Sprintf("section %s.%d", n, k)
	case b.o.Lang == "zh":
		if i, err := strconv.Atoi(n); err == nil {
			return "第" + present.ChineseNumber(i) + "部分（" + present.ChineseNumber(k) + "）"
		}
		return "附录" + n + "（" + present.ChineseNumber(k) + "）"
	}
	return fmt.Sprintf("第%s.%d节", n, k)
}

func (b *builder) list(items ...cell) {
	if len(items) > 0 {
		b.add(block{kind: kindList, items: items})
	}
}

func (b *builder) table(t *table) { b.add(block{kind: kindTable, table: t}) }

// each builds fn once per language of the memo; a bilingual memo gets the
// two side by side (see pairUp).
func (b *builder) each(fn func()) {
	if b.o.Lang != "bilingual" {
		b.lang = b.o.Lang
		fn()
		return
	}
	start := len(b.blocks)
	b.lang = "zh"
	fn()
	zh := append([]block(nil), b.blocks[start:]...)
	b.blocks = b.blocks[:start]
	b.lang = "en"
	fn()
	en := append([]block(nil), b.blocks[start:]...)
	b.blocks = append(b.blocks[:start], pairUp(zh, en)...)
	b.lang = "zh"
}

// section adds a top-level section: its heading once, then its content.
// n numbers a section of the body; letter names an appendix.
func (b *builder) section(n int, letter, key string, fn func(num string)) {
	c, _ := b.chrome(key)
	num := letter
	if n > 0 {
		num = strconv.Itoa(n)
	}
	var h string
	switch {
	case letter != "":
		a, _ := b.chrome("appendix")
		switch b.o.Lang {
		case "zh":
			h = a.Zh + letter + "　" + c.Zh
		case "en":
			h = a.En + " " + letter + ". " + c.En
		default:
			h = a.Zh + letter + "　" + c.Zh + " / " + c.En
		}
	case b.o.Lang == "zh":
		h = present.ChineseNumber(n) + "、" + c.Zh
	case b.o.Lang == "en":
		h = num + ". " + c.En
	default:
		// One number for both columns, which each column's references
		// name: 见第5部分, see section 5.
		h = num + ". " + c.Zh + " / " + c.En
	}
	b.lang = b.langs()[0]
	b.add(block{kind: kindHeading, level: 1, runs: line(txt(h))})
	b.each(func() { fn(num) })
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

// and joins names as prose lists them: "A and B", "A, B and C"; in
// Chinese "A和B", "A、B和C".
func (b *builder) and(parts []string) string {
	if len(parts) < 2 {
		return strings.Join(parts, "")
	}
	last, conj := parts[len(parts)-1], " and "
	if b.lang == "zh" {
		conj = "和"
	}
	return b.join(parts[:len(parts)-1]) + conj + last
}

// paren wraps s in brackets the way the current language does.
func (b *builder) paren(s string) string { return b.tf("paren", s) }

func num(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// endStop is the full stop of the current language.
func (b *builder) endStop() string {
	if b.lang == "zh" {
		return "。"
	}
	return "."
}

// sentence ends s with a full stop unless it ends with a mark already.
func (b *builder) sentence(s string) string {
	if s == "" || strings.HasSuffix(s, ".") || strings.HasSuffix(s, "。") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "？") {
		return s
	}
	return s + b.endStop()
}

// ---- answers -------------------------------------------------------------

// fact is question i's answer as a fact: its topic and the answer
// ("licences and filings held: ICP filing"), or, for a question the rule
// set gives no topic, the question and the answer.
func (b *builder) fact(i int) string {
	q := &b.rs.Questions()[i]
	if q.Topic == (classify.Text{}) {
		return b.qa(q.ID)
	}
	return b.words().Topic(q.ID) + b.t("colon") + b.value(i)
}

// factOf is fact of the question key; a key the rule set lacks is shown
// as the question would be, which says so.
func (b *builder) factOf(key string) string {
	if i := b.rs.QuestionIndex(key); i >= 0 {
		return b.fact(i)
	}
	return b.qa(key)
}

// existingFacts are the questions asked of this product that decide
// whether a licence held covers the service: those the rule set's
// existing-licence rule reads, in the questionnaire's order.
func (b *builder) existingFacts() []int {
	var reads func(c *classify.Cond, into map[int]bool)
	reads = func(c *classify.Cond, into map[int]bool) {
		p := c.Parts()
		if p.Question >= 0 {
			into[p.Question] = true
		}
		for _, k := range p.Conds {
			reads(k, into)
		}
	}
	read := map[int]bool{}
	reads(b.rs.Existing().When, read)
	asked := b.rs.AskedAll(b.doc.Answers)
	var out []int
	for i := range b.rs.Questions() {
		if read[i] && asked[i] {
			out = append(out, i)
		}
	}
	return out
}

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
	return b.words().Answer(&b.rs.Questions()[i], v)
}

// qa is one answer in words: the question as asked and the answer.
func (b *builder) qa(key string) string {
	i := b.rs.QuestionIndex(key)
	if i < 0 {
		return key
	}
	title := b.tr(b.rs.Questions()[i].Title)
	sep := b.t("colon")
	switch {
	case strings.HasSuffix(title, "?"):
		sep = " "
	case strings.HasSuffix(title, "？"), strings.HasSuffix(title, "）"):
		sep = ""
	}
	return title + sep + b.t("qa_open") + b.value(i) + b.t("qa_close")
}

// answerLines is one line per answer, or a dash.
func (b *builder) answerLines(keys []string) cell {
	if len(keys) == 0 {
		return textCell(b.t("dash"))
	}
	c := cell{}
	for _, k := range keys {
		c = append(c, line(txt(b.factOf(k))))
	}
	return c
}

// answerText is the answers on one line.
func (b *builder) answerText(keys []string) string {
	if len(keys) == 0 {
		return b.t("dash")
	}
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = b.factOf(k)
	}
	return strings.Join(parts, b.t("semi"))
}

// ---- citations -----------------------------------------------------------

// note is the number of a citation in the list of citations, given on its
// first mention.
//
// One entry stands for one source, whatever its pinpoints: the text
// carries the pinpoint (art. 6(iv)), the entry lists every one cited.
func (b *builder) note(c classify.CitationRef) int {
	key := c.Source
	if key == "" {
		key = "|" + c.Text.Zh
	}
	n, ok := b.notes[key]
	if !ok {
		b.cites = append(b.cites, c)
		b.pins = append(b.pins, nil)
		n = len(b.cites)
		b.notes[key] = n
	}
	for _, p := range b.pins[n-1] {
		if p.Text == c.Text {
			return n
		}
	}
	b.pins[n-1] = append(b.pins[n-1], c)
	return n
}

// cite writes citations out in the memo's language, each with the number
// of its entry in the list of citations: 《电信条例》第六十九条¹；….
func (b *builder) cite(cs []classify.CitationRef) []run {
	var out []run
	for i, c := range cs {
		if i > 0 {
			out = append(out, txt(b.t("semi")))
		}
		out = append(out, txt(b.tr(c.Text)), run{text: strconv.Itoa(b.note(c)), note: b.note(c)})
	}
	return out
}

// conf is "medium-high (statute)" in the current language.
func (b *builder) conf(confidence, footing string) string {
	s := b.label(b.rs.Texts().Confidence, confidence)
	if footing != "" {
		s += b.paren(b.label(b.rs.Texts().Footing, footing))
	}
	return s
}

// basis is what a conclusion rests on, less the answers: its citations,
// numbered, and its confidence in words ("" for none).
func (b *builder) basis(cites []classify.CitationRef, confidence string) []run {
	var out []run
	if len(cites) > 0 {
		out = append(out, txt(b.t("basis")+b.t("colon")))
		out = append(out, b.cite(cites)...)
	}
	if confidence != "" {
		if len(out) > 0 {
			out = append(out, txt(b.t("semi")))
		}
		out = append(out, txt(b.t("confidence")+b.t("colon")+confidence))
	}
	return out
}

// refLine is the line under a reason, for an outline's reference line:
// the answers it names, its citations numbered, and its confidence with
// the footing in brackets.
func (b *builder) refLine(l outline.Line) []run {
	out := line(txt(b.t("answers") + b.t("colon") + b.answerText(l.Answers)))
	if len(l.Citations) > 0 {
		out = append(out, txt(b.t("semi")+b.t("basis")+b.t("colon")))
		out = append(out, b.cite(l.Citations)...)
	}
	if l.Confidence != "" {
		out = append(out, txt(b.t("semi")+b.t("confidence")+b.t("colon")+b.confWords(l)))
	}
	return muted(out)
}

// confWords is a line's confidence with its footing in brackets.
func (b *builder) confWords(l outline.Line) string {
	if l.Footing == "" {
		return l.Confidence
	}
	return l.Confidence + b.paren(l.Footing)
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
	rs, p, o := b.rs, b.doc.Product, b.o
	b.add(block{kind: kindTitle, runs: line(txt(b.both("title")))})
	sub := b.tr(rs.Title())
	if o.Lang == "bilingual" {
		sub = rs.Title().Zh + " / " + rs.Title().En
	}
	b.add(block{kind: kindSubtitle, runs: line(txt(sub))})
	if o.Status == "draft" {
		b.add(block{kind: kindPara, runs: line(bold(b.both("draft_banner")))})
	}
	if c := strings.TrimSpace(o.Confidential); c != "" {
		b.add(block{kind: kindPara, runs: line(bold(c))})
	}
	orStated := func(s string) string {
		if strings.TrimSpace(s) == "" {
			return b.both("not_stated")
		}
		return s
	}
	t := &table{kv: true}
	row := func(key string, c cell) { t.rows = append(t.rows, []cell{textCell(b.both(key)), c}) }
	opt := func(key, v string) {
		if strings.TrimSpace(v) != "" {
			row(key, textCell(v))
		}
	}
	// A memo's header is short: to, from, matter, date, status and what it
	// is about; the answer follows at once, and the record of how it was
	// reached (rule set, dates, hash) is at the end.
	opt("hdr_for", o.PreparedFor)
	opt("hdr_by", o.PreparedBy)
	opt("hdr_matter", o.Matter)
	row("hdr_prepared", textCell(o.Date.String()))
	if o.Status != "" {
		row("hdr_status", cell{{bold(b.both("status_" + o.Status))}})
	}
	re := line(bold(orStated(p.Name)))
	if c := strings.TrimSpace(p.Company); c != "" {
		re = append(re, txt(b.bothParen(c)))
	}
	row("hdr_product", cell{re})
	b.table(t)
}

// bothParen is s in the memo's parentheses: （s） in Chinese, " (s)" in
// English and bilingual memos.
func (b *builder) bothParen(s string) string {
	if b.o.Lang == "zh" {
		return "（" + s + "）"
	}
	return " (" + s + ")"
}

// record ends the memo: the disclaimer the author chose, then the rule
// set, the dates and the hash of the answers that identify what the memo
// rests on. The disclaimer comes before the table so that no page holds
// it alone.
func (b *builder) record() {
	rs, o := b.rs, b.o
	b.add(block{kind: kindHeading, level: 1, runs: line(txt(b.both("h_record")))})
	switch d := strings.TrimSpace(o.Disclaimer); {
	case d == "none":
	case d != "":
		b.small(txt(d))
	case strings.TrimSpace(o.PreparedBy) == "":
		b.each(func() { b.small(txt(b.tr(rs.Texts().Disclaimer))) })
	}
	b.lang = b.langs()[0]
	t := &table{kv: true}
	row := func(key string, c cell) { t.rows = append(t.rows, []cell{textCell(b.both(key)), c}) }
	rec := b.outline().Record
	q := rec.Questionnaire
	c, _ := b.chrome("version")
	ver := map[string]string{"zh": fmt.Sprintf(c.Zh, rs.Title().Zh, q.Version), "en": fmt.Sprintf(c.En, rs.Title().En, q.Version)}
	ver["bilingual"] = ver["zh"] + " / " + ver["en"]
	row("hdr_ruleset", textCell(ver[o.Lang]))
	row("hdr_dates", textCell(b.bothf("dates", q.Effective.String(), q.AsOf.String())))
	row("hdr_sha", cell{{run{text: rec.AnswersSHA256, code: true, grouped: true}}})
	b.table(t)
}

// bothf is a chrome format in the memo's language or both, filled in.
func (b *builder) bothf(key string, args ...any) string {
	c, _ := b.chrome(key)
	zh, en := fmt.Sprintf(c.Zh, args...), fmt.Sprintf(c.En, args...)
	switch b.o.Lang {
	case "zh":
		return zh
	case "en":
		return en
	}
	return zh + " / " + en
}

// hashGroups sets a SHA-256 in four groups of 16 hex digits, so that a
// narrow cell of a printed page breaks it only between groups, never inside
// one, and a reader can compare it group by group.
func hashGroups(h string) string {
	if len(h) != 64 || strings.ContainsAny(h, " \n") {
		return h
	}
	return h[:16] + " " + h[16:32] + " " + h[32:48] + " " + h[48:]
}
