package tui

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/mattn/go-isatty"

	"b22/classify"
	"b22/internal/present"
	"b22/internal/report"
)

// Outcome is how an interview ended.
type Outcome struct {
	Session *Session
	Result  *classify.Result
	// Finished is true when the user reached the result; false when the
	// interview stopped early (end of input, q, ctrl+c) with the answers
	// so far saved.
	Finished bool
	// SaveErr is the last failure to save the answers, if any.
	SaveErr error
	// Lang is the language the interview ended in ("zh" or "en").
	Lang string
}

// ExitLine is what the full-screen interview leaves on the terminal once
// it closes, in the language it ended in: where the answers are, the
// verdict (so far) in words that name the licence, and how to see the
// whole result. It is "" when nothing was answered.
func (o *Outcome) ExitLine(rs *classify.RuleSet, path string) string {
	if o.Session == nil || o.Session.Empty() || o.Result == nil {
		return ""
	}
	key := "exit_final"
	if !o.Finished {
		key = "exit_so_far"
	}
	verdict := present.NewWords(rs, o.Lang).VerdictShort(o.Result.Verdict)
	return fmt.Sprintf(tr(o.Lang, key), safe(path), verdict, safe(path))
}

// errStop ends the plain interview early: end of input, or q.
var errStop = errors.New("stopped")

// plain is the line-by-line interview: numbered prompts, numbered choices,
// plain text only (no escape sequences), for screen readers, dumb
// terminals and scripts.
type plain struct {
	o       Options
	lang    string
	r       *bufio.Reader
	w       io.Writer
	s       *Session
	sv      *saver
	section string
	saveErr error
	width   int
	echo    bool
}

// isTerminal reports whether r is a terminal, which echoes what is typed.
func isTerminal(r io.Reader) bool {
	f, ok := r.(interface{ Fd() uintptr })
	return ok && isatty.IsTerminal(f.Fd())
}

// RunAccessible runs the interview line by line: it reads answers from in
// and writes prompts, and at the end the result as text, to out. End of
// input saves and stops cleanly.
func RunAccessible(o Options, in io.Reader, out io.Writer, width int) (*Outcome, error) {
	if o.Lang != "zh" {
		o.Lang = "en"
	}
	if width <= 0 {
		width = 80
	}
	p := &plain{o: o, lang: o.Lang, r: bufio.NewReader(in), w: out, s: NewSession(o.RuleSet), sv: &saver{path: o.Path}, width: width}
	// A terminal shows what is typed; answers from a file or a pipe are
	// written after their prompt, so that the transcript reads as the
	// interview went.
	p.echo = !isTerminal(in)
	finished, err := p.run()
	if err != nil && !errors.Is(err, errStop) {
		return nil, err
	}
	// Evaluate with levers, as the full screen does: the text report then
	// says what changing a given answer would change.
	res, eerr := o.RuleSet.Evaluate(p.s.Document(), classify.Options{AsOf: o.AsOf, Levers: true})
	if eerr != nil {
		return nil, eerr
	}
	p.say("")
	if !finished {
		a, t := p.s.Progress()
		p.sayf("stopped", a, t)
	}
	report.WriteText(p.w, o.RuleSet, p.s.Document(), res, report.TextOptions{Lang: p.lang, Width: p.width})
	if p.saveErr != nil {
		p.sayf("save_failed", p.saveErr)
	} else if !p.s.Empty() {
		p.sayf("plain_saved_at", p.o.Path)
	}
	return &Outcome{Session: p.s, Result: res, Finished: finished, SaveErr: p.saveErr, Lang: p.lang}, nil
}

func (p *plain) t(key string) string { return tr(p.lang, key) }

func (p *plain) say(s string) { fmt.Fprintln(p.w, s) }

// sayf says a UI string with its arguments; the text among them (a path,
// a line the user typed, an error) is shown made safe.
func (p *plain) sayf(key string, args ...any) {
	for i, a := range args {
		switch a := a.(type) {
		case string:
			args[i] = safe(a)
		case error:
			args[i] = safe(a.Error())
		}
	}
	fmt.Fprintf(p.w, p.t(key)+"\n", args...)
}

// read is one line of input, trimmed; errStop at the end of input.
func (p *plain) read() (string, error) {
	fmt.Fprint(p.w, "> ")
	line, err := p.r.ReadString('\n')
	if p.echo && line != "" {
		fmt.Fprint(p.w, safe(strings.TrimRight(line, "\r\n")))
		if err == nil {
			fmt.Fprintln(p.w)
		}
	}
	if err != nil && (line == "" || !errors.Is(err, io.EOF)) {
		fmt.Fprintln(p.w)
		if errors.Is(err, io.EOF) {
			return "", errStop
		}
		return "", err
	}
	line = strings.TrimSpace(line)
	if line == "q" || line == "Q" {
		return "", errStop
	}
	return line, nil
}

func (p *plain) save() {
	p.saveErr = p.sv.write(p.sv.written+1, p.s.Marshal())
	if p.saveErr != nil {
		p.sayf("save_failed", p.saveErr)
	}
}

func (p *plain) run() (bool, error) {
	rs := p.o.RuleSet
	p.say(rs.Title().In(p.lang))
	p.sayf("plain_intro", len(rs.Questions()), p.o.Path)
	p.say(p.t("plain_keys"))
	p.say("")
	if r := p.o.Resume; r != nil && !r.Empty() {
		a, t := r.Progress()
		p.sayf("plain_resume", p.o.Path, a, t)
		for {
			line, err := p.read()
			if err != nil {
				p.s = r.Clone()
				return false, err
			}
			switch strings.ToLower(line) {
			case "", "y", "yes", "是", "1":
				p.s = r.Clone()
			case "n", "no", "否", "2":
				path, err := Backup(p.o.Path, p.o.ResumeData)
				if err != nil {
					return false, err
				}
				p.sayf("wrote_backup", path)
			case "l":
				p.toggleLang()
				p.sayf("plain_resume", p.o.Path, a, t)
				continue
			default:
				p.say(p.t("plain_yes_no"))
				continue
			}
			break
		}
	}
	if p.s.Product.Name == "" && p.s.Product.Company == "" {
		name, err := p.readName("plain_name")
		if err != nil {
			return false, err
		}
		company, err := p.readName("plain_company")
		if err != nil {
			p.s.Product.Name = name
			p.save()
			return false, err
		}
		if name != "" || company != "" {
			p.s.Product.Name, p.s.Product.Company = name, company
			p.save()
		}
	}
	cur := p.s.NextMissing(-1)
	for cur >= 0 {
		back, err := p.ask(cur)
		if err != nil {
			return false, err
		}
		if back {
			if j := p.s.PrevAsked(cur); j >= 0 {
				cur = j
			} else {
				p.say(p.t("plain_first"))
			}
			continue
		}
		j := p.s.NextMissing(cur)
		if j < 0 {
			j = p.s.NextMissing(-1)
		}
		cur = j
	}
	return p.reviewLoop()
}

// readName asks for the product's or the company's name. L switches the
// language there as at every other prompt (and asks again), rather than
// naming the product "L" and putting every later answer one line off.
func (p *plain) readName(key string) (string, error) {
	for {
		p.say(p.t(key))
		line, err := p.read()
		if err != nil {
			return "", err
		}
		if line == "L" || line == "l" {
			p.toggleLang()
			continue
		}
		return line, nil
	}
}

func (p *plain) toggleLang() {
	p.lang = map[string]string{"en": "zh", "zh": "en"}[p.lang]
	p.section = ""
}

// ask asks question i until it gets an answer, a "b" (back) or the end.
// The question's widget is the one the full screen builds: it offers the
// choices, says what a line may hold and reads it; ask keeps only what
// every prompt shares (help, back, language, keep, not sure).
func (p *plain) ask(i int) (back bool, err error) {
	rs := p.o.RuleSet
	q := &rs.Questions()[i]
	var f field
	show := func() {
		c := plainCommon(rs, p.lang, p.width)
		f = newField(c, p.s, i, "")
		// The section's heading comes before its first question, and again
		// in the new language after a switch.
		if q.Section != p.section {
			p.section = q.Section
			for _, s := range rs.Sections() {
				if s.ID == q.Section {
					p.say("")
					p.say("== " + s.Title.In(p.lang) + " ==")
				}
			}
		}
		pos, total := p.s.Position(i)
		p.say("")
		p.say(fmt.Sprintf("%d/%d %s", pos, total, q.Title.In(p.lang)))
		for _, l := range f.plainChoices() {
			p.say(l)
		}
		if p.s.Answered[i] {
			p.sayf("plain_current", answerText(c, q, p.s.Values[i], true))
		}
		p.say(f.plainHint())
	}
	show()
	for {
		line, err := p.read()
		if err != nil {
			return false, err
		}
		switch {
		case line == "?":
			p.say(q.Help.In(p.lang))
			if q.Pivot != (classify.Text{}) {
				p.say(p.t("why_matters") + p.t("colon") + q.Pivot.In(p.lang))
			}
			p.say(f.plainHint())
			continue
		case line == "b" || line == "B":
			return true, nil
		case line == "L" || line == "l":
			p.toggleLang()
			show()
			continue
		case line == "" && p.s.Answered[i]:
			return false, nil
		case line == "":
			p.say(sentences(p.lang, p.t("plain_empty"), f.plainHint()))
			continue
		case isUnsureText(line):
			if !q.Unsure {
				p.say(sentences(p.lang, p.t("unsure_not_offered"), f.plainHint()))
				continue
			}
			p.s.Set(i, classify.Value{})
			p.save()
			return false, nil
		}
		v, problem := f.parseLine(line)
		if problem != "" {
			p.say(problem)
			continue
		}
		p.s.Set(i, v)
		p.save()
		return false, nil
	}
}

// reviewLoop lists the answers and lets the user change any of them,
// showing how the result moved; Enter (or the end of input) finishes.
func (p *plain) reviewLoop() (bool, error) {
	rs := p.o.RuleSet
	for {
		c := plainCommon(rs, p.lang, p.width)
		p.say("")
		p.say("== " + p.t("review_title") + " ==")
		var rows []int
		section := ""
		for i, q := range rs.Questions() {
			if !p.s.Asked(i) && !p.s.Answered[i] {
				continue
			}
			if q.Section != section {
				section = q.Section
				p.say(c.sectionTitle(section) + strings.TrimRight(p.t("colon"), " "))
			}
			rows = append(rows, i)
			ans := answerText(c, &rs.Questions()[i], p.s.Values[i], p.s.Answered[i])
			if !p.s.Asked(i) {
				ans += p.t("sep") + p.t("kept_not_asked")
			}
			p.say(fmt.Sprintf("  %d) %s — %s", len(rows), q.Title.In(p.lang), ans))
		}
		p.say(p.t("plain_review_prompt"))
		line, err := p.read()
		if err != nil {
			return true, nil
		}
		if line == "" {
			return true, nil
		}
		if line == "L" || line == "l" {
			p.toggleLang()
			continue
		}
		n, err := strconv.Atoi(line)
		if err != nil || n < 1 || n > len(rows) {
			p.sayf("plain_review_bad", line, len(rows))
			continue
		}
		before, err := rs.Evaluate(p.s.Document(), classify.Options{AsOf: p.o.AsOf, Levers: true})
		if err != nil {
			return false, err
		}
		cur := rows[n-1]
		for cur >= 0 {
			back, err := p.ask(cur)
			if err != nil {
				return false, err
			}
			if back {
				break
			}
			cur = p.s.NextMissing(-1)
		}
		after, err := rs.Evaluate(p.s.Document(), classify.Options{AsOf: p.o.AsOf, Levers: true})
		if err != nil {
			return false, err
		}
		p.say("")
		for _, l := range (change{before: before, after: after}).lines(plainCommon(rs, p.lang, p.width)) {
			p.say(strings.TrimLeft(l, " "))
		}
	}
}

// plainCommon is a common value that renders without any escape sequence.
func plainCommon(rs *classify.RuleSet, lang string, width int) *common {
	c := newCommon(rs, lang, plainRenderer())
	c.width = width
	return c
}
