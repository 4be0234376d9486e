package compare

import (
	"b22/classify"
	"b22/internal/outline"
	"b22/internal/present"
)

// Outline is d for people, in lang: which two assessments, then, part by
// part, what changed in words, naming things as the results name them and
// never by id. rs gives the words for verdicts, strengths and statuses:
// B's rule set, the one a reader acts on. WriteText prints it; the
// interview shows it after an answer is changed.
func Outline(rs *classify.RuleSet, d Diff, lang string) outline.Outline {
	b := &builder{w: present.NewWords(rs, lang), lang: lang}
	o := outline.Outline{Lang: lang, Title: b.w.Label("diff.title"), Verdict: d.B.Verdict, Foot: b.w.Label("diff.footer"),
		Meta: []outline.Line{{Label: b.w.Label("diff.from"), Text: b.side(d.A)}, {Label: b.w.Label("diff.to"), Text: b.side(d.B)}}}
	if !d.Changed {
		o.Lead = []outline.Line{{Text: b.w.Label("diff.no_change"), Tone: outline.Strong},
			{Text: b.w.Labelf("diff.same_verdict", b.w.Verdict(d.B.Verdict))}}
		return o
	}
	if d.Verdict != nil {
		o.Lead = []outline.Line{{Text: b.w.Labelf("diff.verdict", b.w.VerdictShort(d.Verdict.From), b.w.VerdictShort(d.Verdict.To)), Tone: outline.Strong}}
	} else {
		o.Lead = []outline.Line{{Text: b.w.Labelf("diff.verdict_same", b.w.VerdictShort(d.B.Verdict)), Tone: outline.Strong}}
	}
	for _, s := range []outline.Section{
		b.section(outline.PartSubcategories, "subcategories", b.subcategories(d)),
		b.section(outline.PartExclusions, "diff.exclusions", b.exclusions(d)),
		b.section(outline.PartLicence, "licence", b.licence(d)),
		b.section(outline.PartRequirements, "requirements", b.requirements(d)),
		b.section(outline.PartPivotal, "pivotal", b.questions("pivotal", d.PivotalQuestions)),
		b.section(outline.PartOpen, "open", b.questions("open", d.OpenQuestions)),
		b.section(outline.PartRegimes, "regimes", b.regimes(d)),
		b.section(outline.PartLaw, "diff.law", b.law(d)),
	} {
		if len(s.Items) > 0 {
			o.Sections = append(o.Sections, s)
		}
	}
	return o
}

type builder struct {
	w    present.Words
	lang string
}

func (b *builder) tr(x classify.Text) string { return x.In(b.lang) }

func (b *builder) section(part outline.Part, heading string, items []string) outline.Section {
	s := outline.Section{Part: part, Heading: b.w.Label(heading)}
	for _, text := range items {
		s.Items = append(s.Items, outline.Item{Text: text})
	}
	return s
}

func (b *builder) side(s Side) string {
	q := s.Questionnaire
	file := present.OneLine(s.File)
	if s.RulesDir != nil {
		return b.w.Labelf("diff.side_dir", file, q.Version, present.OneLine(*s.RulesDir), q.AsOf)
	}
	return b.w.Labelf("diff.side", file, q.Version, q.AsOf)
}

// standing is a strength in words, saying when it depends on unanswered
// questions.
func (b *builder) standing(s Standing) string {
	word := b.w.Strength(s.Strength)
	if !s.Settled {
		word += b.w.Label("diff.unsettled")
	}
	return word
}

func (b *builder) subcategories(d Diff) []string {
	var items []string
	s := d.Subcategories
	for _, x := range s.Added {
		items = append(items, b.w.Labelf("diff.sub_added", b.tr(x.Name), b.standing(x.Standing)))
	}
	for _, x := range s.Changed {
		items = append(items, b.w.Labelf("diff.changed", b.tr(x.Name), b.standing(x.From), b.standing(x.To)))
	}
	for _, x := range s.Removed {
		items = append(items, b.w.Labelf("diff.sub_removed", b.tr(x.Name), b.standing(x.Standing)))
	}
	return items
}

func (b *builder) exclusions(d Diff) []string {
	var items []string
	for _, x := range d.Exclusions.Added {
		items = append(items, b.w.Labelf("diff.excl_added", b.tr(x.Text)))
	}
	for _, x := range d.Exclusions.Removed {
		items = append(items, b.w.Labelf("diff.excl_removed", b.tr(x.Text)))
	}
	return items
}

// licence lists what changed in the licence. Where one side needs none,
// its authority and capital are moot, and only the scope line says so.
func (b *builder) licence(d Diff) []string {
	l := d.Licence
	var items []string
	add := func(label, from, to string) {
		items = append(items, b.w.Labelf("diff.changed", b.w.Label(label), from, to))
	}
	if l.Category != nil {
		add("diff.category", l.Category.From, l.Category.To)
	}
	if l.Scope != nil {
		add("diff.scope", b.scope(l.Scope.From, l.Scope.FromTitle, d.A.Verdict), b.scope(l.Scope.To, l.Scope.ToTitle, d.B.Verdict))
	}
	moot := d.A.Verdict == classify.VerdictUnlikely || d.B.Verdict == classify.VerdictUnlikely
	if l.Authority != nil && !moot {
		add("authority", b.optText(l.Authority.From), b.optText(l.Authority.To))
	}
	if l.MinRegisteredCapitalCNY != nil && !moot {
		add("capital", b.amount(l.MinRegisteredCapitalCNY.From), b.amount(l.MinRegisteredCapitalCNY.To))
	}
	if l.ValidityYears != nil {
		add("diff.validity", b.w.Labelf("diff.years", l.ValidityYears.From), b.w.Labelf("diff.years", l.ValidityYears.To))
	}
	if c := d.ExistingLicence; c != nil {
		add("existing", b.w.Coverage(c.From), b.w.Coverage(c.To))
	}
	return items
}

// scope names a licence by its title; no scope is "none needed" under an
// unlikely verdict and "not settled" otherwise (the coverage not known).
func (b *builder) scope(s *string, title *classify.Text, v classify.Verdict) string {
	switch {
	case v == classify.VerdictUnlikely:
		return b.w.Label("diff.scope_none")
	case s != nil && title != nil:
		return b.tr(*title)
	}
	return b.w.Label("diff.scope_open")
}

func (b *builder) optText(x *classify.Text) string {
	if x == nil {
		return b.w.Label("diff.none")
	}
	return b.tr(*x)
}

// amount is a capital floor; there is none only where the scope is open,
// since the floor follows the scope.
func (b *builder) amount(v *float64) string {
	if v == nil {
		return b.w.Label("diff.not_settled")
	}
	return present.CNY(*v, b.lang)
}

func (b *builder) requirements(d Diff) []string {
	r := d.Requirements
	if len(r.Added)+len(r.Changed) == 0 && len(r.Removed) > 0 && d.B.Verdict == classify.VerdictUnlikely {
		// Every condition went with the licence: one line, not seven.
		return []string{b.w.Label("diff.req_none")}
	}
	var items []string
	for _, x := range r.Changed {
		items = append(items, b.w.Labelf("diff.changed", b.tr(x.Name), b.w.Status(x.From), b.w.Status(x.To)))
	}
	for _, x := range r.Added {
		items = append(items, b.w.Labelf("diff.req_added", b.tr(x.Name), b.w.Status(x.Status)))
	}
	for _, x := range r.Removed {
		items = append(items, b.w.Labelf("diff.req_removed", b.tr(x.Name), b.w.Status(x.Status)))
	}
	return items
}

// questions are the unanswered questions of kind (pivotal or open) that
// came or went.
func (b *builder) questions(kind string, q Questions) []string {
	var items []string
	for _, x := range q.Added {
		items = append(items, b.w.Labelf("diff."+kind+"_added", b.tr(x.Question)))
	}
	for _, x := range q.Removed {
		items = append(items, b.w.Labelf("diff."+kind+"_removed", b.tr(x.Question)))
	}
	return items
}

func (b *builder) regimes(d Diff) []string {
	var items []string
	g := d.RelatedRegimes
	for _, x := range g.Added {
		key := "diff.regime_added"
		switch x.Status {
		case classify.RegimeUnknown:
			key = "diff.regime_added_open"
		case classify.RegimeCustomer:
			key = "diff.regime_added_customer"
		}
		items = append(items, b.w.Labelf(key, b.tr(x.Text)))
	}
	for _, x := range g.Changed {
		items = append(items, b.w.Labelf("diff.regime_changed", b.w.RegimeStatus(x.From), b.w.RegimeStatus(x.To), b.tr(x.Text)))
	}
	for _, x := range g.Removed {
		items = append(items, b.w.Labelf("diff.regime_removed", b.tr(x.Text)))
	}
	return items
}

// law says, for each conclusion that stands on both sides on different
// law, that the law behind it changed, with the citations of each side.
func (b *builder) law(d Diff) []string {
	cites := func(l Law) string {
		if len(l.Citations) == 0 {
			return b.w.Label("diff.law_none")
		}
		s := ""
		for i, c := range l.Citations {
			if i > 0 {
				s += b.w.Label("semi")
			}
			s += b.tr(c.Text)
		}
		return s
	}
	var items []string
	for _, x := range d.Law {
		items = append(items, b.w.Labelf("diff.law_changed", b.tr(x.Name), cites(x.From), cites(x.To)))
	}
	return items
}
