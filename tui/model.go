package tui

import (
	"fmt"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"b22/classify"
)

// screen is where the interview is.
type screen int

const (
	screenIntro screen = iota
	screenQuestion
	screenReview
	screenResult
)

var screenNames = [...]string{"intro", "question", "review", "result"}

func (s screen) String() string { return screenNames[s] }

// Options configure an interview.
type Options struct {
	RuleSet *classify.RuleSet
	// Lang is "zh" or "en"; the user can switch at any time.
	Lang string
	// AsOf is the date the rules are applied for.
	AsOf classify.Date
	// Path is the answers file, written after every answer.
	Path string
	// Resume is the interview saved in Path, nil when there is none;
	// ResumeData its bytes, copied to a backup on "start over".
	Resume     *Session
	ResumeData []byte
	// Renderer draws the styles; nil draws without colour.
	Renderer *lipgloss.Renderer
	// Memo renders the memo in Markdown; nil hides the memo key.
	Memo func(doc *classify.Document, res *classify.Result, lang string) ([]byte, error)
}

// Model is the interview: a root model with one sub-model per screen.
type Model struct {
	c      *common
	o      Options
	s      *Session
	screen screen

	intro    introModel
	question questionModel
	review   reviewModel
	result   resultModel
	menu     menuModel

	res     *classify.Result
	evalErr error
	// drafts keep typed numbers that do not read yet, per question.
	drafts map[int]string
	// editFrom is where an edit started (review or result); editing is
	// false in the normal flow. before is the result when it started.
	editing  bool
	editFrom screen
	before   *classify.Result
	change   *change

	// own is the file this session wrote for a request ("result",
	// "memo"): written again in place, where any other file is kept.
	own map[string]string

	sv       *saver
	gen      uint64 // changes made
	savedGen uint64 // changes on disk
	saveErr  error
	status   string
	statusOK bool
	// sticky keeps the status across keys while no answer changes
	// (gen is still stickyGen).
	sticky    bool
	stickyGen uint64

	// termW and termH are the terminal's size as reported, before the
	// floor the screens are drawn at: below minWidth×minHeight the view
	// says the window is too small rather than draw a broken screen.
	termW, termH int

	quitting  bool
	forceQuit bool
	finished  bool // the result was shown
	keysHelp  bool
	// started is true once resume, start over or start was chosen on the
	// intro: before that the answers file's answers are not loaded.
	started bool
}

// New is an interview at its intro screen.
func New(o Options) Model {
	r := o.Renderer
	if r == nil {
		r = plainRenderer()
	}
	if o.Lang != "zh" {
		o.Lang = "en"
	}
	c := newCommon(o.RuleSet, o.Lang, r)
	c.keys.memo = o.Memo != nil
	m := Model{c: c, o: o, drafts: map[int]string{}, own: map[string]string{}, sv: &saver{path: o.Path}}
	m.s = NewSession(o.RuleSet)
	if o.Resume != nil {
		m.s.Product = o.Resume.Product
	}
	m.intro = newIntro(c, m.s, o.Resume, o.Path)
	m.menu = menuModel{c: c, s: m.s}
	m.evaluate()
	return m
}

// Init starts nothing: the interview waits for the terminal's size.
func (m Model) Init() tea.Cmd { return nil }

// Session is the interview's answers.
func (m Model) Session() *Session { return m.s }

// Result is the result of the answers so far.
func (m Model) Result() *classify.Result { return m.res }

// Outcome is how the interview ended. Quitting on the intro before
// choosing to resume or start over leaves the saved answers as they were:
// they, and their result, are what the interview ends with, not the empty
// interview the intro stands on.
func (m Model) Outcome() *Outcome {
	s, res := m.s, m.res
	if !m.started && m.o.Resume != nil && !m.o.Resume.Empty() {
		s = m.o.Resume
		if r, err := m.c.rs.Evaluate(s.Document(), classify.Options{AsOf: m.o.AsOf, Levers: true}); err == nil {
			res = r
		}
	}
	return &Outcome{Session: s, Result: res, Finished: m.finished, SaveErr: m.saveErr, Lang: m.c.lang}
}

type (
	savedMsg   struct{ gen uint64 }
	saveErrMsg struct{ err error }
	// fileMsg reports a file written on request (result JSON, memo, backup).
	fileMsg struct {
		what string
		path string
		// kept is the file that was there and was left alone when path
		// is a new name beside it.
		kept string
		err  error
	}
)

func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.termW, m.termH = msg.Width, msg.Height
		m.c.width, m.c.height = max(msg.Width, 20), max(msg.Height, 8)
		m.c.help.Width = m.c.width
		if m.screen == screenResult {
			m.result.setSize(m.bodyHeight())
		}
		return m, nil
	case savedMsg:
		if msg.gen > m.savedGen {
			m.savedGen = msg.gen
		}
		m.saveErr = nil
		if m.quitting && m.savedGen >= m.gen {
			return m, tea.Quit
		}
		return m, nil
	case saveErrMsg:
		m.saveErr = msg.err
		if m.quitting {
			m.quitting, m.forceQuit = false, true
			m.flash(fmt.Sprintf(m.c.t("save_failed_quit"), safe(msg.err.Error())), false)
		}
		return m, nil
	case fileMsg:
		if msg.err != nil {
			m.flash(fmt.Sprintf(m.c.t("write_failed"), safe(msg.err.Error())), false)
		} else {
			s := fmt.Sprintf(m.c.t("wrote_"+msg.what), safe(msg.path))
			if msg.kept != "" {
				s += m.c.t("sep") + fmt.Sprintf(m.c.t("wrote_kept"), safe(msg.kept))
			}
			m.flash(s, true)
			if msg.what == "backup" {
				// Where the old answers went stays in sight until the
				// first answer, not just until the next key.
				m.sticky, m.stickyGen = true, m.gen
			}
			if msg.what == "result" || msg.what == "memo" {
				m.own[msg.what] = msg.path
			}
		}
		return m, nil
	case tea.KeyMsg:
		if msg.Type == tea.KeyRunes && len(msg.Runes) > 1 {
			return m.burst(msg)
		}
		return m.key(msg)
	}
	return m, nil
}

// burst takes keys that arrived together (a paste, keys typed faster than
// a slow link delivers them: "56" in one message) one at a time, as if
// typed: each ticks, answers or types what it would alone. A key that
// quits ends the burst.
func (m Model) burst(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	var cmds []tea.Cmd
	for _, r := range msg.Runes {
		k := tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}, Alt: msg.Alt, Paste: msg.Paste}
		if r == ' ' {
			k.Type = tea.KeySpace
		}
		next, cmd := m.key(k)
		m = next.(Model)
		cmds = append(cmds, cmd)
		if m.quitting {
			break
		}
	}
	return m, tea.Batch(cmds...)
}

func (m Model) key(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	k := m.c.keys
	typing := m.typing()
	if msg.String() == "ctrl+c" || (!typing && msg.String() == "q" && !m.menu.open && !m.keysHelp) {
		return m.quit()
	}
	if !m.sticky || m.gen != m.stickyGen {
		m.status, m.sticky = "", false
	}
	if isCtrl(msg, k.Lang) || (!typing && is(msg, k.Lang)) {
		m.setLang(map[string]string{"en": "zh", "zh": "en"}[m.c.lang])
		return m, nil
	}
	if m.keysHelp {
		if is(msg, k.Close) {
			m.keysHelp = false
		}
		return m, nil
	}
	if m.menu.open {
		m.menu, _ = m.menu.update(msg)
		if m.menu.out.chosen {
			return m.jump(m.menu.out.section)
		}
		return m, nil
	}
	if m.screen != screenIntro && (isCtrl(msg, k.Sections) || (!typing && is(msg, k.Sections))) {
		m.menu.open, m.menu.cursor = true, m.menuCursor()
		return m, nil
	}
	// In a field with text in it, ? is text.
	if m.screen != screenQuestion && is(msg, k.Help) && !(m.screen == screenIntro && m.intro.text() != "") {
		m.keysHelp = true
		return m, nil
	}
	switch m.screen {
	case screenIntro:
		return m.introKey(msg)
	case screenQuestion:
		return m.questionKey(msg)
	case screenReview:
		return m.reviewKey(msg)
	default:
		return m.resultKey(msg)
	}
}

func (m Model) typing() bool {
	switch m.screen {
	case screenIntro:
		return m.intro.typing()
	case screenQuestion:
		return m.question.typing()
	}
	return false
}

func (m *Model) setLang(lang string) {
	m.c.setLang(lang)
	if m.screen == screenResult {
		m.result.rebuild()
	}
}

func (m Model) introKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	m.intro, _ = m.intro.update(msg)
	if !m.intro.chosen {
		return m, nil
	}
	var cmds []tea.Cmd
	m.started = true
	switch m.intro.out {
	case actResume:
		m.s = m.o.Resume.Clone()
	case actStartOver:
		cmds = append(cmds, backupCmd(m.o.Path, m.o.ResumeData))
		m.s = NewSession(m.c.rs)
		m.o.Resume = nil
		m.intro.resume = nil
	}
	m.menu.s = m.s
	p := m.intro.product(m.s.Product)
	if p != m.s.Product || m.intro.out == actStartOver {
		m.s.Product = p
		m.touch()
	}
	m.intro.actions = []introAction{actStart}
	m.intro.focus = 2
	m.evaluate()
	if i := m.s.NextMissing(-1); i >= 0 {
		m.goQuestion(i)
	} else {
		m.goReview(0)
	}
	if m.dirty() {
		cmds = append(cmds, m.saveCmd())
	}
	return m, tea.Batch(cmds...)
}

func (m Model) questionKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	k := m.c.keys
	if !m.question.showHelp {
		switch {
		case is(msg, k.Back):
			m.leaveQuestion()
			if m.editing {
				m.finishEdit()
			} else if j := m.s.PrevAsked(m.question.i); j >= 0 {
				m.goQuestion(j)
			} else {
				m.screen = screenIntro
				m.intro.setFocus(2)
			}
			return m, m.saveIfDirty()
		case is(msg, k.Next):
			m.leaveQuestion()
			if j := m.s.NextAsked(m.question.i); j >= 0 {
				m.goQuestion(j)
			} else {
				m.goReview(m.question.i)
			}
			return m, m.saveIfDirty()
		}
	}
	m.question, _ = m.question.update(msg)
	if !m.question.out.answer {
		return m, nil
	}
	i := m.question.i
	m.s.Set(i, m.question.out.v)
	delete(m.drafts, i)
	m.touch()
	m.evaluate()
	m.advance(i)
	return m, m.saveCmd()
}

// advance goes on after question from was answered: to the next question
// still missing, else to the review; an edit returns where it started once
// every question it made relevant is answered.
func (m *Model) advance(from int) {
	if !m.editing {
		m.change = nil
	}
	if m.editing {
		if j := m.s.NextMissing(-1); j >= 0 {
			m.goQuestion(j)
			return
		}
		m.finishEdit()
		return
	}
	if j := m.s.NextMissing(from); j >= 0 {
		m.goQuestion(j)
		return
	}
	m.goReview(0)
}

// leaveQuestion keeps what the question's widget holds: a ticked list or
// a typed number is recorded, text that does not read is kept as a draft.
func (m *Model) leaveQuestion() {
	if m.screen != screenQuestion {
		return
	}
	i := m.question.i
	if v, ok := m.question.f.pending(); ok {
		m.s.Set(i, v)
		delete(m.drafts, i)
		m.touch()
		m.evaluate()
		return
	}
	if d := m.question.f.draft(); d != "" {
		m.drafts[i] = d
	} else {
		delete(m.drafts, i)
	}
}

func (m *Model) goQuestion(i int) {
	m.screen = screenQuestion
	m.question = newQuestion(m.c, m.s, i, m.drafts[i])
	if d := m.drafts[i]; d != "" {
		_, m.question.msg = m.question.f.answer()
	}
}

func (m *Model) goReview(cursor int) {
	m.screen = screenReview
	m.review = newReview(m.c, m.s, cursor)
}

func (m *Model) goResult() {
	if m.res == nil {
		m.flash(fmt.Sprintf(m.c.t("write_failed"), safe(fmt.Sprint(m.evalErr))), false)
		return
	}
	m.screen = screenResult
	m.finished = true
	m.result = newResult(m.c, m.s, m.res, m.change, m.o.Memo != nil, m.bodyHeight())
}

func (m *Model) startEdit(i int) {
	m.editing, m.editFrom, m.before = true, m.screen, m.res
	m.goQuestion(i)
}

func (m *Model) finishEdit() {
	m.editing = false
	if m.before != nil && m.res != nil {
		m.change = &change{before: m.before, after: m.res}
	}
	at := m.question.i
	if m.editFrom == screenResult {
		m.goResult()
		return
	}
	m.goReview(at)
}

func (m Model) reviewKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	if is(msg, m.c.keys.Back) {
		if j := m.s.PrevAsked(len(m.c.rs.Questions())); j >= 0 {
			m.goQuestion(j)
		}
		return m, nil
	}
	m.review, _ = m.review.update(msg)
	switch {
	case m.review.out.edit >= 0:
		m.startEdit(m.review.out.edit)
	case m.review.out.result:
		m.goResult()
	}
	return m, nil
}

func (m Model) resultKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	m.result, _ = m.result.update(msg)
	out := m.result.out
	switch {
	case out.open >= 0:
		m.startEdit(out.open)
	case out.toReview:
		m.goReview(0)
	case out.save:
		m.touch()
		m.flash(fmt.Sprintf(m.c.t("wrote_answers"), safe(m.o.Path)), true)
		return m, m.saveCmd()
	case out.saveResult:
		return m, writeOwnCmd("result", ResultPath(m.o.Path), m.own["result"], ResultJSON(m.res))
	case out.memo:
		data, err := m.o.Memo(m.s.Document(), m.res, m.c.lang)
		if err != nil {
			m.flash(fmt.Sprintf(m.c.t("write_failed"), safe(err.Error())), false)
			return m, nil
		}
		return m, writeOwnCmd("memo", MemoPath(m.o.Path), m.own["memo"], data)
	}
	return m, nil
}

// jump goes to a section (its first missing question, else its first
// asked one), the review or the result.
func (m Model) jump(section int) (tea.Model, tea.Cmd) {
	m.leaveQuestion()
	m.editing, m.change = false, nil
	cmd := m.saveIfDirty()
	switch section {
	case menuReview:
		m.goReview(0)
		return m, cmd
	case menuResult:
		m.change = nil
		m.goResult()
		return m, cmd
	}
	id := m.c.rs.Sections()[section].ID
	first := -1
	for i, q := range m.c.rs.Questions() {
		if q.Section != id || !m.s.Asked(i) {
			continue
		}
		if m.s.Missing(i) {
			m.goQuestion(i)
			return m, cmd
		}
		if first < 0 {
			first = i
		}
	}
	if first < 0 {
		m.flash(m.c.t("section_not_asked"), false)
		return m, cmd
	}
	m.goQuestion(first)
	return m, cmd
}

func (m Model) menuCursor() int {
	if m.screen == screenQuestion {
		sec := m.c.rs.Questions()[m.question.i].Section
		for k, s := range m.c.rs.Sections() {
			if s.ID == sec {
				return k
			}
		}
	}
	if m.screen == screenResult {
		return len(m.c.rs.Sections()) + 1
	}
	return len(m.c.rs.Sections())
}

func (m Model) quit() (tea.Model, tea.Cmd) {
	if m.forceQuit && m.saveErr != nil {
		m.quitting = true
		return m, tea.Quit
	}
	m.leaveQuestion()
	if !m.dirty() {
		m.quitting = true
		return m, tea.Quit
	}
	m.quitting = true
	return m, m.saveCmd()
}

func (m *Model) evaluate() {
	m.res, m.evalErr = m.c.rs.Evaluate(m.s.Document(), classify.Options{AsOf: m.o.AsOf, Levers: true})
}

func (m *Model) touch() {
	m.gen++
	if m.sticky {
		m.status, m.sticky = "", false
	}
}
func (m Model) dirty() bool { return m.gen > m.savedGen }
func (m *Model) flash(s string, ok bool) {
	m.status, m.statusOK, m.sticky = s, ok, false
}

func (m Model) saveIfDirty() tea.Cmd {
	if !m.dirty() {
		return nil
	}
	return m.saveCmd()
}

// saveCmd writes the answers as they are now; the saver makes sure an
// older snapshot never lands after a newer one.
func (m Model) saveCmd() tea.Cmd {
	gen, data, sv := m.gen, m.s.Marshal(), m.sv
	return func() tea.Msg {
		if err := sv.write(gen, data); err != nil {
			return saveErrMsg{err}
		}
		return savedMsg{gen}
	}
}
