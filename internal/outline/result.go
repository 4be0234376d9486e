package outline

import (
	"reflect"
	"strings"

	"b22/classify"
	"b22/internal/present"
)

// Options choose the language of an outline and what it shows beside the
// result.
type Options struct {
	Lang string // "zh" or "en"
	// Answer, when set, words the answer given to the question key ("" for
	// none), and a finding's reference line names each answer it read by
	// its topic with the answer: "live voice between users (yes)". The
	// interview shows the answers; the text report, read beside the
	// answers file, names the topics alone.
	Answer func(key string) string
	// Relabellings includes among the levers the changes of what the
	// product is said to be for (each marked Relabel), which people are
	// not shown unless they ask: the memo's --all-levers.
	Relabellings bool
}

// Result is the outline of r, a result of rs for the answers of doc: the
// verdict first, then the sub-categories with reasons and basis, the
// licence, its conditions, the open questions, the routes to compliance,
// what would change the verdict, neighbouring regimes, notes and sources.
func Result(rs *classify.RuleSet, doc *classify.Document, r *classify.Result, o Options) Outline {
	b := &builder{rs: rs, o: o, w: present.NewWords(rs, o.Lang)}
	out := Outline{Lang: o.Lang, Title: b.w.Label("title"), Verdict: r.Verdict, Foot: b.tr(rs.Texts().Disclaimer),
		Summary: b.tr(r.Summary), Record: Record{Questionnaire: r.Questionnaire, AnswersSHA256: r.AnswersSHA256, Trace: r.Trace}}
	if doc != nil {
		out.Product = product(doc.Product)
	}
	if out.Product != "" {
		out.Title += " — " + out.Product
	}
	q := r.Questionnaire
	out.Meta = []Line{{Text: b.w.Labelf("ruleset", q.ID, q.Version, q.Effective, q.AsOf), Tone: Quiet}}
	// The verdict once, in the rule data's words.
	verdict := out.Summary
	if verdict == "" {
		verdict = b.w.VerdictShort(r.Verdict)
	}
	out.Lead = []Line{{Text: b.w.Labelf("verdict_line", verdict), Tone: Verdict}}
	for _, part := range []func(*classify.Result) Section{
		b.exclusions, b.missing, b.subcategories, b.ifOperated, b.licence, b.requirements, b.process,
		b.pivotal, b.open, b.routes, b.levers, b.regimes, b.notes,
	} {
		if s := part(r); len(s.Items) > 0 {
			out.Sections = append(out.Sections, s)
		}
	}
	// Sources stand even when there are none, so that a reader sees none
	// were cited.
	out.Sections = append(out.Sections, b.sources(r))
	return out
}

// product names who the answers are about: "Acme Meet (Acme Ltd)".
func product(p classify.Product) string {
	if p.Name == "" && p.Company == "" {
		return ""
	}
	who := present.OneLine(p.Name)
	if p.Company != "" {
		who = strings.TrimSpace(who + " (" + present.OneLine(p.Company) + ")")
	}
	return who
}

type builder struct {
	rs *classify.RuleSet
	o  Options
	w  present.Words
}

func (b *builder) tr(t classify.Text) string { return t.In(b.o.Lang) }

func (b *builder) label(key string) string { return b.w.Label(key) }

// labelled is "label: text".
func (b *builder) labelled(key, text string) string { return b.label(key) + b.label("colon") + text }

// paren is " (s)" or "（s）".
func (b *builder) paren(s string) string { return b.label("paren_open") + s + b.label("paren_close") }

func (b *builder) section(part Part, heading string, items []Item) Section {
	s := Section{Part: part, Items: items}
	if heading != "" {
		s.Heading = b.label(heading)
	}
	return s
}

// refs is the line under a finding: the answers it read, the law it
// cites, and how sure the rule data is of it.
func (b *builder) refs(answers []string, cites []classify.CitationRef, confidence, footing string) Line {
	var parts []string
	if len(answers) > 0 {
		parts = append(parts, b.labelled("answers", b.questions(answers)))
	}
	if len(cites) > 0 {
		parts = append(parts, b.labelled("basis", strings.Join(b.w.Citations(cites), b.label("semi"))))
	}
	l := Line{Tone: Quiet, Answers: answers, Citations: cites, FootingID: footing}
	if confidence != "" {
		l.Confidence = b.tr(b.rs.Texts().Confidence[confidence])
		c := l.Confidence
		if footing != "" {
			l.Footing = b.tr(b.rs.Texts().Footing[footing])
			c += b.label("comma") + l.Footing
		}
		parts = append(parts, b.labelled("confidence", c))
	}
	l.Text = strings.Join(parts, b.label("semi"))
	return l
}

// questions names the answers of keys by their topics, each with the
// answer given where the options word answers.
func (b *builder) questions(keys []string) string {
	if b.o.Answer == nil {
		return b.w.Topics(keys)
	}
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = b.w.Topic(k)
		if a := b.o.Answer(k); a != "" {
			out[i] += b.paren(a)
		}
	}
	return strings.Join(out, b.label("item_sep"))
}

// exclusions are the gates that rule the licence out, under the verdict.
func (b *builder) exclusions(r *classify.Result) Section {
	return b.section(PartExclusions, "", b.findings(r.Exclusions))
}

func (b *builder) notes(r *classify.Result) Section {
	return b.section(PartNotes, "notes", b.findings(r.Notes))
}

// findings are rule outcomes in words, each with what it rests on.
func (b *builder) findings(list []classify.Finding) []Item {
	var items []Item
	for _, f := range list {
		items = append(items, Item{Text: b.tr(f.Text), Lines: []Line{b.refs(f.Answers, f.Citations, f.Confidence, f.Footing)}})
	}
	return items
}

// missing gives the reason for a verdict no sub-category meets: the
// elements of each that the answers rule out.
func (b *builder) missing(r *classify.Result) Section {
	var items []Item
	for _, m := range r.MissingElements {
		it := Item{Tone: Strong, Text: b.tr(m.Name), Lines: []Line{b.refs(nil, m.Citations, "", "")}}
		for _, e := range m.Elements {
			it.Items = append(it.Items, Item{Kind: Dash, Text: b.tr(e.Text), Lines: []Line{b.refs(e.Answers, nil, "", "")}})
		}
		items = append(items, it)
	}
	return b.section(PartMissing, "missing", items)
}

func (b *builder) subcategories(r *classify.Result) Section {
	return b.section(PartSubcategories, "subcategories", b.subcategoryList(r.Matched()))
}

func (b *builder) ifOperated(r *classify.Result) Section {
	return b.section(PartIfOperated, "if_operated", b.subcategoryList(r.IfOperated))
}

func (b *builder) subcategoryList(list []classify.SubcategoryResult) []Item {
	var items []Item
	for _, s := range list {
		strength := b.w.Strength(s.Strength)
		if !s.Settled {
			strength = b.w.Labelf("open_strength", strength, b.w.Topics(s.DependsOn))
		}
		f := &Finding{Strength: s.Strength, Settled: s.Settled, DependsOn: s.DependsOn}
		it := Item{Tone: Strong, Text: b.tr(s.Name) + b.label("colon") + strength, ID: s.ID, Name: b.tr(s.Name), Finding: f}
		for _, reason := range s.Reasons {
			// A settled match whose rule reads an answer the facts imply
			// (the media path of a large call) holds: no "if".
			r := Reason{Text: b.tr(reason.Text), If: reason.Outcome != classify.True && !s.Settled,
				Ref: b.refs(reason.Answers, reason.Citations, reason.Confidence, reason.Footing)}
			text := r.Text
			if r.If {
				text = b.label("if") + text
			}
			it.Lines = append(it.Lines, Line{Text: text}, r.Ref)
			f.Reasons = append(f.Reasons, r)
		}
		items = append(items, it)
	}
	return items
}

// licence is the licence needed; none under an unlikely verdict.
func (b *builder) licence(r *classify.Result) Section {
	if r.Verdict == classify.VerdictUnlikely {
		return Section{}
	}
	lic := r.Licence
	typed := &Licence{ValidityYears: lic.ValidityYears, Existing: r.ExistingLicence, Citations: lic.Citations}
	var items []Item
	line := func(s string) { items = append(items, Item{Kind: Plain, Text: s}) }
	if lic.Title != nil {
		typed.Title = b.tr(*lic.Title)
		line(typed.Title)
	}
	if lic.Authority != nil {
		typed.Authority = b.tr(*lic.Authority)
		line(b.labelled("authority", typed.Authority))
	}
	if lic.MinRegisteredCapitalCNY != nil {
		typed.Capital = present.CNY(*lic.MinRegisteredCapitalCNY, b.o.Lang)
		line(b.labelled("capital", typed.Capital))
	}
	line(b.w.Labelf("valid_years", lic.ValidityYears))
	line(b.labelled("existing", b.w.Coverage(r.ExistingLicence)))
	s := b.section(PartLicence, "licence", items)
	s.Licence = typed
	return s
}

// requirements are the licence's conditions, each with its status, then
// its text and its reference line.
func (b *builder) requirements(r *classify.Result) Section {
	var items []Item
	for _, q := range r.Requirements {
		items = append(items, Item{Kind: Status, Text: b.tr(q.Name), Status: q.Status, ID: q.ID, Name: b.tr(q.Name),
			Label: present.StatusMark(q.Status) + " " + b.w.Status(q.Status),
			Lines: []Line{{Text: b.tr(q.Text)}, b.refs(q.Answers, q.Citations, q.Confidence, q.Footing)}})
	}
	return b.section(PartRequirements, "requirements", items)
}

func (b *builder) process(r *classify.Result) Section {
	var items []Item
	for _, p := range r.Process {
		items = append(items, Item{Text: b.tr(p.Name) + b.label("colon") + b.tr(p.Text)})
	}
	return b.section(PartProcess, "process", items)
}

// pivotal are the questions the verdict depends on, each with what its
// answers would lead to.
func (b *builder) pivotal(r *classify.Result) Section {
	var items []Item
	for _, p := range r.PivotalQuestions {
		it := Item{Text: b.tr(p.Question), Key: p.Key, Pivotal: &Pivotal{Why: b.tr(p.Why)}}
		for _, l := range p.LeadsTo {
			it.Pivotal.Leads = append(it.Pivotal.Leads, Lead{Answer: b.tr(l.Label), Verdict: l.Verdict})
		}
		if p.Why != (classify.Text{}) {
			it.Lines = append(it.Lines, Line{Text: b.tr(p.Why), Tone: Quiet})
		}
		leads, note := b.w.Leads(p, b.w.VerdictWord)
		it.Lines = append(it.Lines, Line{Text: strings.Join(leads, b.label("semi")), Tone: Leads})
		if note != "" {
			it.Lines = append(it.Lines, Line{Text: note, Tone: Quiet})
		}
		items = append(items, it)
	}
	return b.section(PartPivotal, "pivotal", items)
}

// open are the other unanswered questions, "other" only after the
// questions the verdict depends on.
func (b *builder) open(r *classify.Result) Section {
	var items []Item
	for _, q := range r.OpenQuestions {
		it := Item{Text: b.tr(q.Question), Key: q.Key,
			Lines: []Line{{Text: b.labelled("affects", b.w.Parts(q.Affects)), Tone: Quiet}}}
		for _, a := range q.Affects {
			it.Affects = append(it.Affects, affected(a))
		}
		items = append(items, it)
	}
	heading := "open_only"
	if len(r.PivotalQuestions) > 0 {
		heading = "open"
	}
	return b.section(PartOpen, heading, items)
}

// affected is the part of a result an open question leaves open, as the
// result names it: "licence.scope", "requirements.staff".
func affected(name string) Affected {
	switch {
	case name == "licence.scope":
		return Affected{What: AffectsScope}
	case name == "licence.authority":
		return Affected{What: AffectsAuthority}
	case name == "covered_by_existing_licence":
		return Affected{What: AffectsCoverage}
	case strings.HasPrefix(name, "requirements."):
		return Affected{What: AffectsCondition, ID: strings.TrimPrefix(name, "requirements.")}
	case strings.HasPrefix(name, "related_regimes."):
		return Affected{What: AffectsRegime, ID: strings.TrimPrefix(name, "related_regimes.")}
	}
	return Affected{ID: name}
}

// routes are the routes to compliance the engine confirmed, each with
// what it achieves.
func (b *builder) routes(r *classify.Result) Section {
	var items []Item
	for _, rt := range r.Routes {
		typed := &Route{Text: b.tr(rt.Text), Caveats: b.tr(rt.Caveats), Checked: len(rt.Changes) > 0, Verdict: rt.Verdict, Met: rt.Met,
			Ref: b.refs(nil, rt.Citations, rt.Confidence, rt.Footing)}
		if rt.Scope != nil {
			typed.Licence = b.w.ScopeLicence(*rt.Scope)
		}
		if rt.Authority != nil {
			typed.Authority = b.tr(*rt.Authority)
		}
		it := Item{Tone: Strong, Text: b.tr(rt.Title), Lines: []Line{{Text: typed.Text}}, ID: rt.ID, Name: b.tr(rt.Title), Route: typed}
		if typed.Checked {
			achieves := []string{b.w.Verdict(rt.Verdict)}
			if rt.Verdict != classify.VerdictUnlikely && rt.Authority != nil {
				achieves = append(achieves, b.labelled("authority", b.tr(*rt.Authority)))
			}
			if len(rt.Met) > 0 {
				names := make([]string, len(rt.Met))
				for i, id := range rt.Met {
					names[i] = b.w.Requirement(id)
				}
				achieves = append(achieves, b.labelled("met", strings.Join(names, b.label("comma"))))
			}
			it.Lines = append(it.Lines, Line{Text: b.labelled("achieves", b.clauses(achieves))})
		}
		it.Lines = append(it.Lines, Line{Text: b.labelled("caveats", typed.Caveats)}, typed.Ref)
		items = append(items, it)
	}
	return b.section(PartRoutes, "routes", items)
}

// levers are what changing a given answer would change, in the order the
// engine ranks them (what makes a licence unlikely first), without the
// relabellings unless the options ask for them.
func (b *builder) levers(r *classify.Result) Section {
	levers := r.Levers
	if !b.o.Relabellings {
		levers = present.ForPeople(levers)
	}
	var items []Item
	for _, lv := range levers {
		w := b.w.Lever(lv)
		it := Item{Text: strings.Join(w.Change, b.label("semi")) + b.paren(w.Kind),
			Lines: []Line{{Text: strings.Join(w.Effects, b.label("semi")), Tone: Effects}},
			Lever: &Lever{LeverWords: w, Verdict: lv.Verdict, Met: lv.Met, Removed: lv.Removed,
				Relabel: lv.Kind == classify.LeverLabel, Withdrawal: b.withdrawal(lv)}}
		if len(lv.Changes) > 0 {
			it.Key = lv.Changes[0].Key
		}
		items = append(items, it)
	}
	return b.section(PartLevers, "levers", items)
}

// withdrawal reports whether a lever rules the licence out by a gate (its
// rules name one) with a change that no route to compliance stands for: a
// private deployment has a route, giving up the users in mainland China
// or serving only the company's own staff does not. The rule data says
// which is which: the gates, and the routes' changes.
func (b *builder) withdrawal(lv classify.Lever) bool {
	gate := false
	for _, id := range lv.Rules {
		for _, g := range b.rs.Gates() {
			gate = gate || g.ID == id
		}
	}
	if !gate {
		return false
	}
	for _, c := range lv.Changes {
		if !b.routeStandsFor(c) {
			return true
		}
	}
	return false
}

// routeStandsFor reports whether a route of the rule set changes the
// answer as the lever change c does.
func (b *builder) routeStandsFor(c classify.LeverChange) bool {
	q := b.rs.Question(c.Key)
	if q == nil {
		return false
	}
	for _, rt := range b.rs.Routes() {
		for _, rc := range rt.Changes {
			if b.rs.Questions()[rc.Key].ID == c.Key && reflect.DeepEqual(q.JSONValue(rc.To), c.To) {
				return true
			}
		}
	}
	return false
}

func (b *builder) regimes(r *classify.Result) Section {
	var items []Item
	for _, g := range r.RelatedRegimes {
		typed := &Regime{Status: g.Status, Heading: b.w.Regime(g.ID), Body: b.tr(g.Text), Ref: b.refs(g.Because, g.Citations, g.Confidence, "")}
		if g.Name == (classify.Text{}) { // a rule set that names regimes in their texts
			typed.Heading, typed.Body = b.w.RegimeName(g.Text)
		}
		items = append(items, Item{Tone: Strong, Text: b.w.Regime(g.ID) + b.paren(b.w.RegimeStatus(g.Status)),
			Lines: []Line{{Text: b.tr(g.Text)}, typed.Ref}, ID: g.ID, Name: b.w.Regime(g.ID), Regime: typed})
	}
	return b.section(PartRegimes, "regimes", items)
}

// sources lists each source by its title, and its copies, official first
// as the rule data orders them. A link is never wrapped, so that it can be
// copied whole; what kind of copy it is goes on the line before.
func (b *builder) sources(r *classify.Result) Section {
	var items []Item
	for _, s := range r.Sources {
		title := s.Title
		if b.o.Lang != "zh" && s.TitleEn != "" {
			title += " — " + s.TitleEn
		}
		it := Item{Text: title, ID: s.ID, Official: official(s)}
		if len(s.Links) == 0 {
			if s.Reprint {
				it.Text += b.paren(b.label("reprint"))
			}
			it.Links = []Link{{URL: s.URL}}
		}
		for _, l := range s.Links {
			kind := b.label("link_" + l.Kind)
			if !l.Read {
				kind += b.label("comma") + b.label("not_opened")
			}
			it.Links = append(it.Links, Link{Label: kind + b.label("colon"), URL: l.URL})
		}
		items = append(items, it)
	}
	return b.section(PartSources, "sources", items)
}

// official reports whether a source's copies include its official text,
// opened; a source with a single address is official unless a reprint.
func official(s classify.SourceRef) bool {
	if len(s.Links) == 0 {
		return s.URL != "" && !s.Reprint
	}
	for _, l := range s.Links {
		if l.Kind == "official" && l.Read {
			return true
		}
	}
	return false
}

// clauses joins parts by semicolons, each but the last without its
// closing full stop: a rule text that ends a sentence would otherwise
// stand before the semicolon (".;").
func (b *builder) clauses(parts []string) string {
	for i := range parts[:len(parts)-1] {
		parts[i] = strings.TrimRight(parts[i], ".。")
	}
	return strings.Join(parts, b.label("semi"))
}
