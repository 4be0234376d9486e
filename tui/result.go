package tui

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"

	"b22/classify"
	"b22/internal/present"
)

// resultModel is the result screen: the verdict first and plain, then the
// sub-categories with reasons and basis, the licence, its conditions, the
// open questions (each one key away from answering it), what changing a
// given answer would change (each one key away from that answer's
// question), neighbouring regimes, notes and sources, in a scrollable
// viewport.
type resultModel struct {
	c      *common
	s      *Session
	res    *classify.Result
	change *change
	vp     viewport.Model
	// items are the questions the screen opens: the open questions,
	// pivotal ones first, then each lever's (its first change's); itemLine
	// is the content line where each starts, firstLever the item of the
	// first lever (len(items) when there is none).
	items      []int
	itemLine   []int
	firstLever int
	sel        int
	// digits is the number typed so far to select an item.
	digits string
	memo   bool
	out    resultIntent
}

type resultIntent struct {
	open                             int // question to answer, or -1
	save, saveResult, memo, toReview bool
}

func newResult(c *common, s *Session, res *classify.Result, ch *change, memo bool, height int) resultModel {
	m := resultModel{c: c, s: s, res: res, change: ch, memo: memo}
	m.vp = viewport.New(c.width, max(height, 3))
	m.rebuild()
	return m
}

func (m *resultModel) setSize(height int) {
	m.vp.Width = m.c.width
	m.vp.Height = max(height, 3)
	m.rebuild()
}

// rebuild renders the content for the current result, language, width and
// selection.
func (m *resultModel) rebuild() {
	lines := m.render()
	m.vp.SetContent(strings.Join(lines, "\n"))
}

// selectItem selects open question n and scrolls it into view.
func (m *resultModel) selectItem(n int) {
	m.sel = n
	m.rebuild()
	m.scrollToSel()
}

func (m *resultModel) scrollToSel() {
	if len(m.items) == 0 || m.sel >= len(m.itemLine) {
		return
	}
	l := m.itemLine[m.sel]
	if l < m.vp.YOffset+1 {
		m.vp.SetYOffset(max(0, l-1))
	} else if l+3 > m.vp.YOffset+m.vp.Height {
		m.vp.SetYOffset(l + 4 - m.vp.Height)
	}
}

func (m resultModel) update(msg tea.KeyMsg) (resultModel, tea.Cmd) {
	m.out = resultIntent{open: -1}
	k := m.c.keys
	if !digitKey(msg) {
		m.digits = ""
	}
	switch {
	case msg.Type == tea.KeyTab && len(m.items) > 0:
		if m.selVisible() {
			m.selectItem((m.sel + 1) % len(m.items))
		} else {
			m.selectItem(m.sel)
		}
	case msg.Type == tea.KeyShiftTab && len(m.items) > 0:
		m.selectItem((m.sel + len(m.items) - 1) % len(m.items))
	case is(msg, k.Up):
		if m.selVisible() && m.sel > 0 {
			m.selectItem(m.sel - 1)
		} else {
			m.vp.ScrollUp(1)
		}
	case is(msg, k.Down):
		if m.selVisible() && m.sel < len(m.items)-1 {
			m.selectItem(m.sel + 1)
		} else {
			m.vp.ScrollDown(1)
		}
	case is(msg, k.PageUp):
		m.vp.PageUp()
	case is(msg, k.PageDown):
		m.vp.PageDown()
	case msg.Type == tea.KeyHome:
		m.vp.GotoTop()
	case msg.Type == tea.KeyEnd:
		m.vp.GotoBottom()
	case is(msg, k.Open) || is(msg, k.Change):
		// Enter acts only on a selection the user can see: one scrolled
		// away is brought back into view first.
		switch {
		case len(m.items) == 0:
		case m.selVisible():
			m.out.open = m.items[m.sel]
		default:
			m.selectItem(m.firstVisible())
		}
		m.digits = ""
	case len(m.items) > 0 && digitKey(msg):
		// A number selects that item, as numbers pick choices; digits
		// typed in a row make one number where the list is that long.
		d := m.digits + msg.String()
		if n, err := strconv.Atoi(d); err != nil || n < 1 || n > len(m.items) {
			d = msg.String()
		}
		if n, _ := strconv.Atoi(d); n >= 1 && n <= len(m.items) {
			m.digits = d
			m.selectItem(n - 1)
		}
	case is(msg, k.Save):
		m.out.save = true
	case is(msg, k.SaveResult):
		m.out.saveResult = true
	case is(msg, k.Memo) && m.memo:
		m.out.memo = true
	case is(msg, k.Review):
		m.out.toReview = true
	}
	return m, nil
}

// firstVisible is the first item on screen, else the selected one.
func (m resultModel) firstVisible() int {
	for n, l := range m.itemLine {
		if l >= m.vp.YOffset && l < m.vp.YOffset+m.vp.Height {
			return n
		}
	}
	return m.sel
}

func digitKey(msg tea.KeyMsg) bool {
	s := msg.String()
	return msg.Type == tea.KeyRunes && len(s) == 1 && s[0] >= '0' && s[0] <= '9'
}

// onLever reports whether the selected item is a lever, so that the keys
// say enter changes an answer rather than answers a question.
func (m resultModel) onLever() bool {
	return m.sel >= m.firstLever && m.sel < len(m.items)
}

// selVisible reports whether the selected item is on screen.
func (m resultModel) selVisible() bool {
	if len(m.items) == 0 {
		return false
	}
	l := m.itemLine[m.sel]
	return l >= m.vp.YOffset && l < m.vp.YOffset+m.vp.Height
}

func (m resultModel) view() []string {
	return strings.Split(m.vp.View(), "\n")
}

// render writes the whole result as lines, recording where each open
// question and each lever starts.
func (m *resultModel) render() []string {
	c, r := m.c, m.res
	var out []string
	add := func(ls ...string) { out = append(out, ls...) }
	para := func(indent int, s string, st func(...string) string) {
		for _, l := range c.wrap(s, indent) {
			if st != nil {
				l = st(l)
			}
			add(l)
		}
	}
	// bullet hangs the lines after the first under the text, not the dot.
	bullet := func(indent int, s string, st func(...string) string) {
		for k, l := range c.wrap(s, indent+2) {
			if k == 0 {
				l = strings.Repeat(" ", indent) + "• " + strings.TrimLeft(l, " ")
			}
			if st != nil {
				l = st(l)
			}
			add(l)
		}
	}
	heading := func(key string) { add("", "  "+c.st.section.Render(c.t(key))) }
	refs := func(answers []string, cites []classify.CitationRef) string {
		var parts []string
		if len(answers) > 0 {
			parts = append(parts, c.label("r_answers")+m.answersRead(answers))
		}
		if len(cites) > 0 {
			parts = append(parts, c.label("r_basis")+strings.Join(c.words().Citations(cites), c.t("semi")))
		}
		return strings.Join(parts, c.t("dot_sep"))
	}

	w := c.words()
	vs := c.st.verdict[string(r.Verdict)]
	// The verdict once, in the rule data's words, as the text report
	// says it; not a short form and then the same again.
	verdict := c.tx(r.Summary)
	if verdict == "" {
		verdict = w.VerdictShort(r.Verdict)
	}
	para(2, c.label("r_verdict")+verdict, vs.Render)
	if p := m.s.Product; p.Name != "" || p.Company != "" {
		who := safe(p.Name)
		if p.Company != "" {
			who = strings.TrimSpace(who + c.t("sep") + fmt.Sprintf(c.t("paren"), safe(p.Company)))
		}
		para(2, who, c.st.dim.Render)
	}
	if m.change != nil {
		add("")
		add(m.change.lines(c)...)
	}
	if r.CoveredByExistingLicence {
		para(2, c.t("r_covered"), c.st.ok.Render)
	}
	for _, e := range r.Exclusions {
		bullet(4, c.tx(e.Text), nil)
		para(6, refs(e.Answers, e.Citations), c.st.dim.Render)
	}

	subs := func(list []classify.SubcategoryResult) {
		for _, s := range list {
			strength := w.Strength(s.Strength)
			if !s.Settled {
				strength = fmt.Sprintf(c.t("r_open_strength"), strength, w.QuestionTitles(s.DependsOn))
			}
			bullet(4, c.tx(s.Name)+" — "+strength, c.st.bold.Render)
			for _, rs := range s.Reasons {
				text := c.tx(rs.Text)
				// A settled match whose rule reads an answer the facts imply
				// (the media path of a large call) holds: no "if".
				if rs.Outcome != classify.True && !s.Settled {
					text = c.t("r_if") + c.t("sep") + text
				}
				para(6, text, nil)
				para(6, refs(rs.Answers, rs.Citations), c.st.dim.Render)
			}
		}
	}
	if len(r.Matched()) > 0 {
		heading("r_subcategories")
		subs(r.Matched())
	}
	if len(r.IfOperated) > 0 {
		heading("r_if_operated")
		subs(r.IfOperated)
	}

	if r.Verdict != classify.VerdictUnlikely {
		heading("r_licence")
		lic := r.Licence
		if lic.Title != nil {
			para(4, c.tx(*lic.Title), nil)
		} else {
			para(4, c.t("r_scope_unknown"), nil)
		}
		if lic.Authority != nil {
			para(4, c.label("r_authority")+c.tx(*lic.Authority), nil)
		}
		if lic.MinRegisteredCapitalCNY != nil {
			para(4, c.label("r_capital")+present.CNY(*lic.MinRegisteredCapitalCNY, c.lang), nil)
		}
		para(4, fmt.Sprintf(c.t("r_validity"), lic.ValidityYears), nil)
		para(4, c.label("r_existing")+w.Coverage(r.ExistingLicence), nil)
		if len(lic.Basis) > 0 {
			para(4, refs(nil, lic.Citations), c.st.dim.Render)
		}
	}

	if len(r.Requirements) > 0 {
		heading("r_requirements")
		for _, q := range r.Requirements {
			st := c.st.status[string(q.Status)]
			name := c.tx(q.Name)
			if name == "" {
				name = w.Part("requirements." + q.ID)
			}
			add(c.fit("    " + st.Render(present.StatusMark(q.Status)+" "+w.Status(q.Status)) + "  " + c.st.bold.Render(name)))
			para(6, c.tx(q.Text), nil)
			para(6, refs(q.Answers, q.Citations), c.st.dim.Render)
		}
	}

	if len(r.Process) > 0 {
		heading("r_process")
		for _, p := range r.Process {
			bullet(4, c.tx(p.Name)+c.t("colon")+c.tx(p.Text), nil)
		}
	}

	m.items, m.itemLine = m.items[:0], m.itemLine[:0]
	levers := present.ForPeople(r.Levers)
	total := len(r.PivotalQuestions) + len(r.OpenQuestions) + len(levers)
	numWidth := len(strconv.Itoa(total))
	itemIndent := 4 + numWidth + 1
	item := func(key string, title string) {
		i := c.rs.QuestionIndex(key)
		if i < 0 {
			return
		}
		n := len(m.items)
		m.items = append(m.items, i)
		m.itemLine = append(m.itemLine, len(out))
		// Numbered like choices, the number where the other sections
		// have their bullets, the marker before it.
		marker := "  "
		st := c.st.bold.Render
		if n == m.sel {
			marker = c.st.marker.Render("›") + " "
			st = c.st.selected.Render
		}
		num := fmt.Sprintf("%-*d ", numWidth, n+1)
		for k, l := range c.wrap(title, itemIndent) {
			if k == 0 {
				add("  " + marker + c.st.key.Render(num) + st(strings.TrimLeft(l, " ")))
				continue
			}
			add(st(l))
		}
	}
	if m.sel >= total {
		m.sel = 0
	}
	if len(r.PivotalQuestions) > 0 {
		heading("r_pivotal")
		para(4, c.t("r_open_hint"), c.st.dim.Render)
		for _, p := range r.PivotalQuestions {
			item(p.Key, c.tx(p.Question))
			leads, note := w.Leads(p, w.VerdictShort)
			para(itemIndent, strings.Join(leads, c.t("semi")), c.st.info.Render)
			if note != "" {
				para(itemIndent, note, c.st.dim.Render)
			}
			if p.Why != (classify.Text{}) {
				para(itemIndent, c.tx(p.Why), c.st.dim.Render)
			}
		}
	}
	if len(r.OpenQuestions) > 0 {
		// "Other" only after the questions the verdict depends on.
		if len(r.PivotalQuestions) > 0 {
			heading("r_open")
		} else {
			heading("r_open_only")
			para(4, c.t("r_open_hint"), c.st.dim.Render)
		}
		for _, q := range r.OpenQuestions {
			item(q.Key, c.tx(q.Question))
			para(itemIndent, c.label("r_affects")+w.Parts(q.Affects), c.st.dim.Render)
		}
	}

	// The routes to compliance, as the text report lists them: what each
	// involves and, where it changes answers, what the engine confirmed
	// it achieves.
	if len(r.Routes) > 0 {
		heading("r_routes")
		for _, rt := range r.Routes {
			bullet(4, c.tx(rt.Title), c.st.bold.Render)
			para(6, c.tx(rt.Text), nil)
			if len(rt.Changes) > 0 {
				achieves := w.Verdict(rt.Verdict)
				if rt.Verdict != classify.VerdictUnlikely && rt.Authority != nil {
					achieves += c.t("semi") + c.label("r_issued_by") + c.tx(*rt.Authority)
				}
				if len(rt.Met) > 0 {
					names := make([]string, len(rt.Met))
					for i, id := range rt.Met {
						names[i] = w.Requirement(id)
					}
					achieves += c.t("semi") + c.label("r_met") + strings.Join(names, c.t("list_sep"))
				}
				para(6, c.label("r_achieves")+achieves, nil)
			}
			para(6, c.label("r_caveats")+c.tx(rt.Caveats), c.st.dim.Render)
		}
	}

	m.firstLever = len(m.items)
	if len(levers) > 0 {
		// Each lever is worded by present, as in the text report; enter
		// opens its first change's question, and the edit returns here
		// with what changed.
		heading("r_levers")
		para(4, c.t("r_levers_hint"), c.st.dim.Render)
		for _, lv := range levers {
			if len(lv.Changes) == 0 {
				continue
			}
			lw := w.Lever(lv)
			item(lv.Changes[0].Key, strings.Join(lw.Change, c.t("semi"))+c.t("sep")+fmt.Sprintf(c.t("paren"), lw.Kind))
			para(itemIndent, strings.Join(lw.Effects, c.t("semi")), c.st.info.Render)
		}
	}

	if len(r.RelatedRegimes) > 0 {
		heading("r_regimes")
		for _, g := range r.RelatedRegimes {
			line := w.Regime(g.ID) + c.t("sep") + fmt.Sprintf(c.t("paren"), w.RegimeStatus(g.Status)) + c.t("colon") + c.tx(g.Text)
			bullet(4, line, nil)
			para(6, refs(g.Because, g.Citations), c.st.dim.Render)
		}
	}
	if len(r.Notes) > 0 {
		heading("r_notes")
		for _, n := range r.Notes {
			bullet(4, c.tx(n.Text), nil)
			para(6, refs(n.Answers, n.Citations), c.st.dim.Render)
		}
	}
	if len(r.Sources) > 0 {
		heading("r_sources")
		for _, s := range r.Sources {
			// The source by its title (and its English title on an
			// English screen), as the memo lists it: its id is the data's.
			title := s.Title
			if src := c.rs.Source(s.ID); src != nil && c.lang == "en" && src.TitleEn != "" {
				title += " — " + src.TitleEn
			}
			bullet(4, title, nil)
			if s.URL != "" {
				add(c.urlLine(s.URL, 6, c.st.dim))
			}
		}
	}
	add("")
	para(2, c.tx(c.rs.Texts().Disclaimer), c.st.dim.Render)
	return out
}

// change is how the result moved after an edit: before and after verdict
// and sub-categories.
type change struct {
	before, after *classify.Result
}

func (ch change) lines(c *common) []string {
	var out []string
	b, a := ch.before, ch.after
	w := c.words()
	out = append(out, "  "+c.st.section.Render(c.t("changed_title")))
	same := true
	if b.Verdict != a.Verdict {
		same = false
		out = append(out, c.wrap(fmt.Sprintf(c.t("changed_verdict"), w.VerdictShort(b.Verdict), c.st.verdict[string(a.Verdict)].Render(w.VerdictShort(a.Verdict))), 4)...)
	} else {
		out = append(out, c.wrap(fmt.Sprintf(c.t("changed_verdict_same"), c.st.verdict[string(a.Verdict)].Render(w.VerdictShort(a.Verdict))), 4)...)
	}
	strength := func(r *classify.Result) map[string]classify.Strength {
		m := map[string]classify.Strength{}
		for _, s := range r.Matched() {
			m[s.ID] = s.Strength
		}
		return m
	}
	sb, sa := strength(b), strength(a)
	for _, s := range a.Matched() {
		name := c.tx(s.Name)
		st := w.Strength(s.Strength)
		switch old, ok := sb[s.ID]; {
		case !ok:
			same = false
			out = append(out, c.wrap("+ "+name+c.t("sep")+fmt.Sprintf(c.t("paren"), st), 4)...)
		case old != s.Strength:
			same = false
			out = append(out, c.wrap("~ "+name+c.t("colon")+w.Strength(old)+" → "+st, 4)...)
		}
	}
	for _, s := range b.Matched() {
		if _, ok := sa[s.ID]; !ok {
			same = false
			out = append(out, c.wrap("− "+c.tx(s.Name), 4)...)
		}
	}
	if same {
		out = append(out, c.wrap(c.t("changed_none"), 4)...)
	}
	// The rest of the result that moved: licence scope, conditions.
	scope := func(r *classify.Result) string {
		if r.Licence.Scope == nil || r.Verdict == classify.VerdictUnlikely {
			return c.t("scope_none")
		}
		return c.words().ScopeLicence(*r.Licence.Scope)
	}
	if sb, sa := scope(b), scope(a); sb != sa {
		out = append(out, c.wrap(fmt.Sprintf(c.t("changed_scope"), sb, sa), 4)...)
	}
	status := map[string]classify.Status{}
	for _, q := range b.Requirements {
		status[q.ID] = q.Status
	}
	for _, q := range a.Requirements {
		if old, ok := status[q.ID]; ok && old != q.Status {
			name := c.tx(q.Name)
			if name == "" {
				name = w.Part("requirements." + q.ID)
			}
			out = append(out, c.wrap(fmt.Sprintf(c.t("changed_requirement"), name, w.Status(old), w.Status(q.Status)), 4)...)
		}
	}
	return out
}

// answersRead words the answers a finding reads: each question in its own
// words with the answer given, never the keys the rules use.
func (m *resultModel) answersRead(keys []string) string {
	c := m.c
	w := c.words()
	out := make([]string, len(keys))
	for n, k := range keys {
		out[n] = w.QuestionTitle(k)
		if i := c.rs.QuestionIndex(k); i >= 0 {
			a := answerText(c, &c.rs.Questions()[i], m.s.Values[i], m.s.Answered[i])
			out[n] += c.t("sep") + fmt.Sprintf(c.t("paren"), strings.TrimLeft(a, "— "))
		}
	}
	return strings.Join(out, c.t("semi"))
}
