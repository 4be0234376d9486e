package memo

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"b22/classify"
	"b22/internal/outline"
	"b22/internal/present"
)

// The memo's sections, in the order they are read: the answer, the facts,
// the analysis, the licence, the options, what is open, the neighbouring
// regimes and the process; then the appendices with the record.

// ---- 1. conclusion: the answer on the first page --------------------------

// strengthList names each sub-category found with how firmly the product
// falls in it.
func (b *builder) strengthList(found []outline.Item) []cell {
	var items []cell
	for _, it := range found {
		key := "c_strength"
		if !it.Finding.Settled {
			key = "c_strength_open"
		}
		items = append(items, textCell(b.tf(key, capFirst(it.Name), b.words().Strength(it.Finding.Strength))))
	}
	return items
}

func (b *builder) conclusion(string) {
	b.questionPresented()
	b.para(bold(b.sentence(capFirst(b.outline().Summary))))
	b.summary()
	subs, ifOperated := b.part(outline.PartSubcategories), b.part(outline.PartIfOperated)
	switch {
	case len(subs) > 0 && b.outline().Verdict == classify.VerdictUndetermined:
		b.para(txt(b.t("c_may_fall")))
		b.list(b.strengthList(subs)...)
	case len(subs) > 0:
		b.para(txt(b.t("c_falls")))
		b.list(b.strengthList(subs)...)
	case len(b.part(outline.PartExclusions)) == 0 && len(ifOperated) == 0 && b.outline().Verdict == classify.VerdictUnlikely:
		b.para(txt(b.t("c_none")))
		b.missingElements()
	}
	for _, e := range b.part(outline.PartExclusions) {
		b.para(txt(b.tf("c_excluded", e.Text)))
	}
	if len(ifOperated) > 0 {
		b.para(txt(b.t("c_if_operated")))
		b.list(b.strengthList(ifOperated)...)
	}
	if pivotal := b.part(outline.PartPivotal); len(pivotal) > 0 {
		b.para(txt(b.tf("c_turns_on", b.subRef("h_open", 1))))
		var items []cell
		for _, p := range pivotal {
			items = append(items, textCell(p.Text))
		}
		b.list(items...)
	}
	if lic := b.licenceNeeded(); lic != nil {
		t := &table{kv: true}
		row := t.kvRow(b)
		b.licenceHead(lic, row, false)
		row("lic_existing", textCell(b.words().CoverageSentence(lic.Existing)))
		if unmet := names(b.unmet()); len(unmet) > 0 {
			row("c_unmet", cell{{bold(b.join(unmet))}})
		} else if len(b.part(outline.PartRequirements)) > 0 {
			row("c_unmet", textCell(b.t("c_unmet_none")))
		}
		b.table(t)
	}
	b.nextSteps()
	b.exposure()
}

// questionPresented states what the memo answers and what it does not
// review, before the answer.
func (b *builder) questionPresented() {
	p := b.doc.Product
	name, company := strings.TrimSpace(p.Name), strings.TrimSpace(p.Company)
	if name == "" {
		name = b.t("qp_the_product")
	}
	if company == "" {
		company = b.t("qp_the_company")
	}
	b.para(bold(b.t("qp_label")+b.t("colon")), txt(b.tf("qp_text", name, company, b.outline().Record.Questionnaire.AsOf.String())))
	b.para(bold(b.t("scope_label")+b.t("colon")), txt(b.t("scope_text")))
}

// summary is the executive summary in prose: the sub-categories, the main
// risk (a condition not met, or the questions the verdict turns on) and the
// route to consider first.
func (b *builder) summary() {
	var ss []string
	// Each sub-category in the words of its strength: likely to fall
	// within, or may fall within; settled or turning on open questions.
	var likely, possible []string
	for _, it := range b.part(outline.PartSubcategories) {
		if it.Finding.Strength == classify.StrengthLikely && it.Finding.Settled && b.outline().Verdict != classify.VerdictUndetermined {
			likely = append(likely, it.Name)
		} else {
			possible = append(possible, it.Name)
		}
	}
	if len(likely) > 0 {
		ss = append(ss, b.tf("sum_falls", b.and(likely)))
	}
	if len(possible) > 0 && len(likely) > 0 {
		ss = append(ss, b.tf("sum_may_also", b.and(possible)))
	} else if len(possible) > 0 {
		ss = append(ss, b.tf("sum_may_fall", b.and(possible)))
	}
	unmet := names(b.unmet())
	switch n := len(b.part(outline.PartPivotal)); {
	case len(unmet) > 0:
		ss = append(ss, b.tf("sum_unmet", b.join(unmet)))
	case n == 1:
		ss = append(ss, b.t("sum_pivotal_one"))
	case n > 1:
		ss = append(ss, b.tf("sum_pivotal", n))
	}
	if routes := b.part(outline.PartRoutes); len(routes) > 0 {
		first := routes[0]
		for _, rt := range routes {
			if len(unmet) > 0 && len(rt.Route.Met) > 0 {
				first = rt
				break
			}
		}
		ss = append(ss, b.tf("sum_route", first.Name, b.secNum("h_options")))
	}
	if len(ss) > 0 {
		for i := range ss {
			ss[i] = b.sentence(capFirst(ss[i]))
		}
		b.para(txt(strings.Join(ss, b.t("sent_sep"))))
	}
}

// missingElements gives the reason for an unlikely verdict that no
// exclusion explains: the element of each sub-category the answers rule
// out.
func (b *builder) missingElements() {
	var items []cell
	for _, m := range b.part(outline.PartMissing) {
		var els, answers []string
		for _, e := range m.Items {
			els = append(els, b.sentence(e.Text))
			answers = append(answers, e.Lines[0].Answers...)
		}
		first := line(bold(capFirst(m.Text)+b.t("colon")), txt(strings.Join(els, b.t("sent_sep"))))
		items = append(items, lines(first, b.refLine(outline.Line{Answers: answers, Citations: m.Lines[0].Citations})))
	}
	b.list(items...)
}

// exposure is what operating without the licence risks, from the rule
// data's penalty step, for a service that may need a licence it does not
// hold.
func (b *builder) exposure() {
	if lic := b.licenceNeeded(); lic == nil || lic.Existing == classify.CoverageCovers {
		return
	}
	for _, p := range b.process {
		if p.ID != "penalty" {
			continue
		}
		b.h2(b.nums["h_conclusion"]+".2", b.t("h_exposure"))
		text := line(txt(b.t("exposure_intro")), txt(b.tr(p.Text)))
		if len(p.Citations) > 0 {
			text = append(text, txt(b.t("cite_open")))
			text = append(text, b.cite(p.Citations)...)
			text = append(text, txt(b.t("cite_close")))
		}
		b.para(text...)
	}
	for _, p := range b.process {
		if p.ID != "review" {
			continue
		}
		b.h2(b.nums["h_conclusion"]+".3", b.t("h_timeline"))
		unmet := names(b.unmet())
		var items []cell
		if len(unmet) > 0 {
			items = append(items, textCell(b.tf("tl_unmet", b.join(unmet), b.secNum("h_options"))))
		}
		if len(unmet) > 0 {
			items = append(items, textCell(b.tf("tl_then_file", b.secNum("h_process"))))
		} else {
			items = append(items, textCell(b.tf("tl_file", b.secNum("h_process"))))
		}
		review := line(txt(b.tr(p.Text)))
		if len(p.Citations) > 0 {
			review = append(review, txt(b.t("cite_open")))
			review = append(review, b.cite(p.Citations)...)
			review = append(review, txt(b.t("cite_close")))
		}
		items = append(items, cell{review})
		b.list(items...)
	}
}

// nextSteps is what the company can do next, from the result: meet each
// unmet condition (the options that would), answer what is open, check
// the neighbouring regimes. Options, not advice.
func (b *builder) nextSteps() {
	var items []cell
	named := map[string]bool{}
	for _, q := range b.unmet() {
		var opts []string
		for _, rt := range b.part(outline.PartRoutes) {
			if slices.Contains(rt.Route.Met, q.ID) {
				opts = append(opts, rt.Name)
				named[rt.ID] = true
			}
		}
		s := b.tf("next_unmet", q.Name)
		if len(opts) > 0 {
			s += b.t("next_routes") + strings.Join(opts, b.t("or_sep"))
		}
		items = append(items, textCell(s+b.tf("see", b.secNum("h_options"))+b.endStop()))
	}
	var other []string
	for _, rt := range b.part(outline.PartRoutes) {
		if !named[rt.ID] {
			other = append(other, rt.Name)
		}
	}
	if len(other) > 0 {
		key := "next_other_routes"
		if len(named) == 0 {
			key = "next_all_routes"
		}
		items = append(items, textCell(b.t(key)+strings.Join(other, b.t("or_sep"))+b.tf("see", b.secNum("h_options"))+b.endStop()))
	}
	if n := len(b.part(outline.PartPivotal)); n == 1 {
		items = append(items, textCell(b.tf("next_pivotal_one", b.subRef("h_open", 1))))
	} else if n > 1 {
		items = append(items, textCell(b.tf("next_pivotal", n, b.subRef("h_open", 1))))
	}
	if n := len(b.part(outline.PartOpen)); n == 1 {
		items = append(items, textCell(b.tf("next_open_one", b.subRef("h_open", 2))))
	} else if n > 1 {
		items = append(items, textCell(b.tf("next_open", n, b.subRef("h_open", 2))))
	}
	if regimes := b.part(outline.PartRegimes); len(regimes) > 0 {
		items = append(items, textCell(b.tf("next_regimes", b.join(names(regimes)), b.secNum("h_regimes"))))
	}
	if lic := b.licenceNeeded(); lic != nil && lic.Existing != classify.CoverageCovers {
		items = append(items, textCell(b.tf("next_apply", b.secNum("h_process"))))
	}
	if len(items) > 0 {
		b.h2(b.nums["h_conclusion"]+".1", b.t("h_next"))
		b.list(items...)
	}
}

// ---- 2. facts ------------------------------------------------------------

// facts state the facts the conclusions rest on as a short narrative: a
// paragraph for each section of the questionnaire, headed by its title,
// naming what each answer relied on is about in counsel's words (each
// question's topic in the rule data)
// and the answer. The questions as asked, and every answer, are in the
// appendix.
func (b *builder) facts(n string) {
	if d := strings.TrimSpace(b.doc.Product.Description); d != "" {
		b.para(txt(b.t("facts_described")), txt(d))
	}
	relied := b.relied()
	b.para(txt(b.t("facts_lead")))
	done := make([]bool, len(b.rs.Questions()))
	paragraph := func(title string, in func(q *classify.Question) bool) {
		var parts []string
		more := 0
		for i := range b.rs.Questions() {
			q := &b.rs.Questions()[i]
			if done[i] || !in(q) {
				continue
			}
			done[i] = true
			if !relied[q.ID] {
				continue
			}
			if q.Topic != (classify.Text{}) {
				parts = append(parts, b.fact(i))
			} else {
				more++
			}
		}
		switch {
		case more == 1:
			parts = append(parts, b.tf("facts_more_one", b.nums["h_answers"]))
		case more > 1:
			parts = append(parts, b.tf("facts_more", more, b.nums["h_answers"]))
		}
		if len(parts) == 0 {
			return
		}
		parts[0] = capFirst(parts[0])
		b.para(bold(b.sentence(title)), txt(b.t("sent_sep")+b.sentence(strings.Join(parts, b.t("semi")))))
	}
	for _, sec := range b.rs.Sections() {
		paragraph(b.tr(sec.Title), func(q *classify.Question) bool { return q.Section == sec.ID })
	}
	paragraph(b.t("other_answers"), func(*classify.Question) bool { return true })
	b.para(txt(b.tf("facts_intro", b.nums["h_answers"])))
}

// relied are the answer keys the conclusions rest on: the reasons of the
// sub-categories found, the exclusions, the licence conditions, the
// neighbouring regimes and the questions the verdict turns on.
func (b *builder) relied() map[string]bool {
	relied := map[string]bool{}
	add := func(keys []string) {
		for _, k := range keys {
			relied[k] = true
		}
	}
	for _, p := range []outline.Part{outline.PartSubcategories, outline.PartIfOperated} {
		for _, it := range b.part(p) {
			for _, r := range it.Finding.Reasons {
				add(r.Ref.Answers)
			}
		}
	}
	for _, e := range b.part(outline.PartExclusions) {
		add(e.Lines[0].Answers)
	}
	for _, q := range b.part(outline.PartRequirements) {
		add(q.Lines[1].Answers)
	}
	for _, g := range b.part(outline.PartRegimes) {
		add(g.Regime.Ref.Answers)
	}
	for _, p := range b.part(outline.PartPivotal) {
		relied[p.Key] = true
	}
	return relied
}

// ---- 3. analysis ---------------------------------------------------------

// found is the outline's item of the sub-category id where the product
// falls in it, and whether only as what it would be if operated; nil
// where it falls in none.
func (b *builder) found(id string) (it *outline.Item, ifOperated bool) {
	for _, p := range []outline.Part{outline.PartSubcategories, outline.PartIfOperated} {
		items := b.part(p)
		for i := range items {
			if items[i].ID == id {
				return &items[i], p == outline.PartIfOperated
			}
		}
	}
	return nil, false
}

// analysis takes each sub-category of the catalogue in turn: what it is,
// whether the product falls in it and why; then the gates and the notes.
func (b *builder) analysis(n string) {
	b.small(txt(b.t("how_to_read")))
	b.sourceQuality()
	k := 0
	for _, s := range b.rs.Subcategories() {
		k++
		b.subcategory(fmt.Sprintf("%s.%d", n, k), s)
	}
	k++
	b.gates(fmt.Sprintf("%s.%d", n, k))
	if notes := b.part(outline.PartNotes); len(notes) > 0 {
		k++
		b.h2(fmt.Sprintf("%s.%d", n, k), b.t("h_notes"))
		var items []cell
		for _, f := range notes {
			items = append(items, lines(line(txt(f.Text)), b.refLine(f.Lines[0])))
		}
		b.list(items...)
	}
}

// subcategory is a sub-category of the catalogue under its number: its
// definition and basis, the finding and the reasons for it.
func (b *builder) subcategory(num string, s classify.Subcategory) {
	b.h2(num, capFirst(b.tr(s.Name)))
	// The catalogue's Chinese name, in both languages so that the two
	// columns of a bilingual memo stay paired.
	b.small(txt(b.t("catalogue_name") + s.Name.Zh))
	b.para(bold(b.t("definition")), txt(b.tr(s.Definition)))
	cs := make([]classify.CitationRef, len(s.Cites))
	for i, c := range s.Cites {
		cs[i] = b.rs.Cite(c)
	}
	confidence := ""
	if s.Confidence != "" {
		confidence = b.conf(s.Confidence, s.Footing)
	}
	if src := b.basis(cs, confidence); len(src) > 0 {
		b.small(src...)
	}

	it, ifOp := b.found(s.ID)
	finding := line(bold(b.t("finding")))
	switch {
	case it == nil:
		finding = append(finding, txt(b.tf("found_none", b.nums["h_trace"])))
	case ifOp:
		finding = append(finding, txt(b.tf("found_if_operated", b.fallsWithin(it.Finding.Strength))))
	case it.Finding.Settled:
		finding = append(finding, txt(b.tf("found_settled", b.fallsWithin(it.Finding.Strength))))
	default:
		var qs []string
		for _, k := range it.Finding.DependsOn {
			qs = append(qs, b.words().Question(k))
		}
		finding = append(finding, txt(b.tf("found_open", b.fallsWithin(it.Finding.Strength))+strings.Join(qs, b.t("sent_sep"))))
	}
	b.para(finding...)
	if it == nil {
		return
	}
	b.para(bold(b.t("why")))
	var items []cell
	for _, r := range it.Finding.Reasons {
		first := line(txt(r.Text))
		if r.If {
			first = line(bold(b.t("if_answered")), txt(r.Text))
		}
		items = append(items, lines(first, b.refLine(r.Ref)))
	}
	b.list(items...)
}

// gates are the gates in a sentence, and each exclusion with what it
// rests on; each gate and the answers it read are in the appendix.
func (b *builder) gates(num string) {
	b.h2(num, b.t("h_gates"))
	if intro := b.tr(b.rs.Texts().GatesIntro); intro != "" {
		b.para(txt(intro))
	}
	exclusions := b.part(outline.PartExclusions)
	if len(exclusions) == 0 {
		open := false
		for _, g := range b.rs.Gates() {
			if step, ok := b.trace["gate/"+g.ID]; ok && step.Outcome == classify.Unknown {
				open = true
			}
		}
		if open {
			b.para(txt(b.tf("gates_open", b.nums["h_trace"])))
		} else {
			b.para(txt(b.tf("gates_none", b.nums["h_trace"])))
		}
	}
	for _, e := range exclusions {
		b.para(bold(b.t("excluded")+b.t("colon")), txt(e.Text))
		b.small(b.refLine(e.Lines[0])...)
	}
}

// sourceQuality says in the body which conclusions rest on official
// texts and which on practice or reasoning (the rule data's footing of each
// sub-category found, exclusion and licence condition), and which sources
// the memo cites were read only in reprints or commentary.
func (b *builder) sourceQuality() {
	var statute, other []string
	add := func(name, footing string) {
		switch footing {
		case "statute":
			statute = append(statute, name)
		case "":
		default:
			other = append(other, name)
		}
	}
	for _, s := range b.rs.Subcategories() {
		if it, _ := b.found(s.ID); it != nil {
			add(capFirst(b.tr(s.Name)), s.Footing)
		}
	}
	for _, e := range b.part(outline.PartExclusions) {
		add(b.t("sq_exclusion"), e.Lines[0].FootingID)
	}
	for _, q := range b.part(outline.PartRequirements) {
		add(q.Name, q.Lines[1].FootingID)
	}
	var parts []string
	if len(statute) > 0 {
		parts = append(parts, b.tf("sq_statute", b.join(statute)))
	}
	if len(other) > 0 {
		parts = append(parts, b.tf("sq_other", b.join(other)))
	}
	var unread []string
	for _, src := range b.part(outline.PartSources) {
		if !src.Official {
			if s := b.rs.Source(src.ID); s != nil && b.tr(s.CiteAs) != "" {
				unread = append(unread, b.tr(s.CiteAs))
			}
		}
	}
	if len(unread) > 0 {
		parts = append(parts, b.tf("sq_reprints", b.join(unread)))
	}
	if len(parts) > 0 {
		for i := range parts {
			parts[i] = b.sentence(capFirst(parts[i]))
		}
		b.para(bold(b.t("sq_label")+b.t("colon")), txt(strings.Join(parts, b.t("sent_sep"))))
	}
}

// fallsWithin words a strength as counsel does: "is likely to fall
// within", "may fall within"; the legend under the analysis's heading
// explains the two once.
func (b *builder) fallsWithin(s classify.Strength) string {
	if s == classify.StrengthLikely {
		return b.t("verb_likely")
	}
	return b.t("verb_possible")
}

// ---- 4. licence ----------------------------------------------------------

func (b *builder) licence(n string) {
	lic := b.licenceNeeded()
	if lic == nil {
		b.para(txt(b.t("licence_na")))
		return
	}
	t := &table{kv: true}
	row := t.kvRow(b)
	b.licenceHead(lic, row, true)
	row("lic_validity", textCell(b.tf("years", num(lic.ValidityYears))))
	existing := [][]run{line(txt(b.words().CoverageSentence(lic.Existing)))}
	for _, i := range b.existingFacts() {
		existing = append(existing, line(txt(b.fact(i))))
	}
	row("lic_existing", lines(existing...))
	if len(lic.Citations) > 0 {
		row("basis", cell{b.cite(lic.Citations)})
	}
	b.table(t)

	if len(b.part(outline.PartRequirements)) == 0 {
		return
	}
	b.h2(n+".1", b.t("h_conditions"))
	ct := &table{head: []string{b.t("col_condition"), b.t("col_status"), b.t("col_basis")}}
	for _, q := range b.part(outline.PartRequirements) {
		text, ref := q.Lines[0], q.Lines[1]
		basis := cell{}
		if len(ref.Citations) > 0 {
			basis = append(basis, b.cite(ref.Citations))
		}
		if ref.Confidence != "" {
			basis = append(basis, line(txt(b.t("confidence")+b.t("colon")+b.confWords(ref))))
		}
		ct.rows = append(ct.rows, []cell{
			lines(line(bold(q.Text)), line(txt(text.Text)), muted(line(txt(b.t("answers")+b.t("colon")+b.answerText(ref.Answers))))),
			{line(bold(b.words().Status(q.Status)))},
			basis,
		})
	}
	b.table(ct)
}

// reqName is the rule set's short name for a licence condition.
func (b *builder) reqName(id string) string { return b.words().Requirement(id) }

// licenceNeeded is the licence the result needs; nil under an unlikely
// verdict, which needs none.
func (b *builder) licenceNeeded() *outline.Licence {
	for _, s := range b.outline().Sections {
		if s.Part == outline.PartLicence {
			return s.Licence
		}
	}
	return nil
}

// unmet are the licence conditions the company does not meet.
func (b *builder) unmet() []outline.Item {
	var out []outline.Item
	for _, q := range b.part(outline.PartRequirements) {
		if q.Status == classify.StatusUnmet {
			out = append(out, q)
		}
	}
	return out
}

// names are the names of items.
func names(items []outline.Item) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = it.Name
	}
	return out
}

// ---- 5. options: the routes to compliance ---------------------------------

// options are the routes to compliance the result offers (rules.yaml
// `routes`, classify.RouteResult): counsel's courses in the rule data's
// words, each with what the engine confirmed it achieves once its answers
// are changed. The mechanical list of answers that move the outcome is the
// sensitivity appendix, not here.
func (b *builder) options(n string) {
	routes := b.part(outline.PartRoutes)
	if len(routes) == 0 {
		switch b.outline().Verdict {
		case classify.VerdictUnlikely:
			b.para(txt(b.t("routes_unlikely")))
		case classify.VerdictUndetermined:
			b.para(txt(b.tf("levers_undetermined", b.subRef("h_open", 1))))
		default:
			b.para(txt(b.t("routes_none")))
		}
		return
	}
	b.para(txt(b.t("routes_intro")))
	for k, it := range routes {
		rt := it.Route
		b.h2(fmt.Sprintf("%s.%d", n, k+1), capFirst(it.Name))
		b.para(txt(rt.Text))
		if a := b.achieves(rt); a != "" {
			b.para(bold(b.t("route_achieves")+b.t("colon")), txt(a))
		}
		if rt.Caveats != "" {
			b.para(bold(b.t("route_caveats")+b.t("colon")), txt(rt.Caveats))
		}
		if src := b.basis(rt.Ref.Citations, b.confWords(rt.Ref)); len(src) > 0 {
			b.small(src...)
		}
	}
}

// achieves says in a sentence what a route was confirmed to achieve: the
// verdict with its answers changed, the licence and who issues it, and the
// licence conditions it meets. A route that changes no answer (a sequence
// of steps) achieves nothing the engine could check, and says nothing.
func (b *builder) achieves(rt *outline.Route) string {
	if !rt.Checked {
		return ""
	}
	if rt.Verdict == classify.VerdictUnlikely {
		return b.t("ach_unlikely")
	}
	var parts []string
	if rt.Licence != "" {
		parts = append(parts, b.tf("ach_licence", rt.Licence))
	}
	if len(rt.Met) > 0 {
		names := make([]string, len(rt.Met))
		for i, id := range rt.Met {
			names[i] = b.reqName(id)
		}
		parts = append(parts, b.tf("ach_met", b.join(names)))
	}
	if len(parts) == 0 {
		parts = append(parts, b.tf("ach_verdict", b.words().Verdict(rt.Verdict)))
	}
	s := b.sentence(capFirst(strings.Join(parts, b.t("semi"))))
	if rt.Authority != "" {
		// The authority's text may run to sentences of its own (who issues
		// to a foreign-invested company), so it follows as one.
		s += b.t("sent_sep") + b.t("lic_authority") + b.t("colon") + b.sentence(capFirst(rt.Authority))
	}
	return s
}

// ---- appendix: sensitivity ---------------------------------------------------

// honest says whether a lever belongs in the sensitivity appendix by
// default: not a relabelling (what the product is said to be for, which
// changes words and not the service), and not a withdrawal (giving up the
// users in mainland China, or serving only the company's own staff, is
// not an option; a private deployment, which a route stands for, is).
func honest(lv *outline.Lever) bool { return !lv.Relabel && !lv.Withdrawal }

// sensitivity lists the answers that would move the outcome, grouped by
// what each achieves, so that a reader sees how much the conclusion rests
// on each answer: the levers (classify.RuleSet.Levers), without the
// relabellings and withdrawals honest leaves out unless the author asked
// for every lever. Each lever is listed under the first group it serves.
func (b *builder) sensitivity(n string) {
	var levers []*outline.Lever
	left := 0
	for _, it := range b.part(outline.PartLevers) {
		if b.o.AllLevers || honest(it.Lever) {
			levers = append(levers, it.Lever)
		} else {
			left++
		}
	}
	if len(levers) == 0 {
		if b.outline().Verdict == classify.VerdictUndetermined {
			b.para(txt(b.tf("levers_undetermined", b.subRef("h_open", 1))))
		} else {
			b.para(txt(b.t("levers_none")))
		}
	} else {
		b.para(txt(b.tf("levers_intro", b.secNum("h_options"))))
	}
	if left == 1 {
		b.para(txt(b.t("levers_left_one")))
	} else if left > 1 {
		b.para(txt(b.tf("levers_left", left)))
	}
	used := make([]bool, len(levers))
	k := 0
	group := func(title string, intro string, take func(*outline.Lever) bool) {
		t := &table{head: []string{b.t("col_change"), b.t("col_kind"), b.t("col_effect")}}
		for i, lv := range levers {
			if used[i] || !take(lv) {
				continue
			}
			used[i] = true
			change, effects := cell{}, cell{}
			for _, c := range lv.Change {
				change = append(change, line(txt(c)))
			}
			for _, e := range lv.Effects {
				effects = append(effects, line(txt(capFirst(e))))
			}
			t.rows = append(t.rows, []cell{change, textCell(capFirst(lv.Kind)), effects})
		}
		if len(t.rows) == 0 {
			return
		}
		k++
		b.h2(fmt.Sprintf("%s.%d", n, k), title)
		if intro != "" {
			b.para(txt(intro))
		}
		b.table(t)
	}
	for _, q := range b.unmet() {
		id := q.ID
		group(b.tf("opt_meet", q.Name), b.sentence(q.Lines[0].Text), func(lv *outline.Lever) bool {
			for _, m := range lv.Met {
				if m == id {
					return true
				}
			}
			return false
		})
	}
	group(b.t("opt_outside"), "", func(lv *outline.Lever) bool { return lv.Verdict == classify.VerdictUnlikely })
	for _, s := range b.part(outline.PartSubcategories) {
		id := s.ID
		group(b.tf("opt_sub", s.Name), "", func(lv *outline.Lever) bool {
			for _, r := range lv.Removed {
				if r == id {
					return true
				}
			}
			return false
		})
	}
	group(b.t("opt_other"), "", func(*outline.Lever) bool { return true })
}

// ---- 6. open questions and assumptions -----------------------------------

func (b *builder) openQuestions(n string) {
	rs := b.rs
	b.h2(n+".1", b.t("h_pivotal"))
	if pivotal := b.part(outline.PartPivotal); len(pivotal) == 0 {
		b.para(txt(b.t("pivotal_none")))
	} else {
		t := &table{head: []string{b.t("col_question"), b.t("col_why"), b.t("col_leads")}}
		for _, p := range pivotal {
			leads := cell{}
			for _, l := range p.Pivotal.Leads {
				leads = append(leads, line(bold(l.Answer), txt(" → "+b.words().Verdict(l.Verdict))))
			}
			t.rows = append(t.rows, []cell{textCell(p.Text), textCell(p.Pivotal.Why), leads})
		}
		b.table(t)
	}

	b.h2(n+".2", b.t("h_other_open"))
	if open := b.part(outline.PartOpen); len(open) == 0 {
		b.para(txt(b.t("other_open_none")))
	} else {
		b.para(txt(b.t("other_open_intro")))
		t := &table{head: []string{b.t("col_question"), b.t("col_affects")}}
		for _, q := range open {
			aff := cell{}
			seen := map[string]bool{}
			for _, a := range q.Affects {
				l := b.affects(a)
				if !seen[l] {
					seen[l] = true
					aff = append(aff, line(txt(l)))
				}
			}
			t.rows = append(t.rows, []cell{textCell(q.Text), aff})
		}
		b.table(t)
	}

	b.h2(n+".3", b.t("h_open_points"))
	var items []cell
	for _, p := range rs.Texts().OpenPoints {
		items = append(items, textCell(b.tr(p)))
	}
	b.list(items...)

	if c := rs.Texts().SourcesChecked; !c.IsZero() {
		if b.o.Date.Before(c) {
			b.para(txt(b.tf("checked_after", c.String(), b.o.Date.String())))
		} else {
			b.para(txt(b.tf("checked_on", c.String())))
		}
	}

	b.h2(n+".4", b.t("h_assumptions"))
	b.para(txt(b.t("assumptions")))
}

// affects words a part of the result that an open question leaves open.
func (b *builder) affects(a outline.Affected) string {
	switch a.What {
	case outline.AffectsScope:
		return b.t("aff_scope")
	case outline.AffectsAuthority:
		return b.t("aff_authority")
	case outline.AffectsCoverage:
		return b.t("aff_covered")
	case outline.AffectsCondition:
		return b.tf("aff_requirement", b.reqName(a.ID))
	case outline.AffectsRegime:
		return b.tf("aff_regime", b.words().Regime(a.ID))
	}
	return b.t("aff_other")
}

// ---- 7. neighbouring regimes ---------------------------------------------

func (b *builder) regimes(string) {
	b.para(txt(b.t("regimes_intro")))
	regimes := b.part(outline.PartRegimes)
	if len(regimes) == 0 {
		b.para(txt(b.t("regimes_none")))
		return
	}
	t := &table{head: []string{b.t("col_regime"), b.t("col_status"), b.t("col_basis")}}
	for _, it := range regimes {
		g := it.Regime
		what := cell{}
		if g.Heading != "" {
			what = append(what, line(bold(capFirst(g.Heading))))
		}
		what = append(what, line(txt(capFirst(g.Body))), muted(line(txt(b.t("col_trigger")+b.t("colon")+b.answerText(g.Ref.Answers)))))
		basis := cell{}
		if len(g.Ref.Citations) > 0 {
			basis = append(basis, b.cite(g.Ref.Citations))
		}
		if g.Ref.Confidence != "" {
			basis = append(basis, line(txt(b.t("confidence")+b.t("colon")+g.Ref.Confidence)))
		}
		t.rows = append(t.rows, []cell{what, textCell(b.words().RegimeStatus(g.Status)), basis})
	}
	b.table(t)
}

// ---- 8. process ----------------------------------------------------------

func (b *builder) processSteps(string) {
	b.para(txt(b.t("process_intro")))
	var items []cell
	for _, p := range b.process {
		text := line(txt(b.tr(p.Text)))
		if len(p.Citations) > 0 {
			text = append(text, txt(b.t("cite_open")))
			text = append(text, b.cite(p.Citations)...)
			text = append(text, txt(b.t("cite_close")))
		}
		items = append(items, lines(line(bold(b.tr(p.Name))), text))
	}
	b.list(items...)
}

// ---- appendix A: every answer ----------------------------------------------

func (b *builder) answers(n string) {
	b.para(txt(b.t("answers_intro")))
	done := make([]bool, len(b.rs.Questions()))
	k := 0
	group := func(title string, in func(q *classify.Question) bool) {
		t := &table{head: []string{b.t("col_question"), b.t("col_answer")}}
		for i := range b.rs.Questions() {
			q := &b.rs.Questions()[i]
			if done[i] || !in(q) {
				continue
			}
			done[i] = true
			t.rows = append(t.rows, []cell{textCell(b.tr(q.Title)), textCell(b.value(i))})
		}
		if len(t.rows) == 0 {
			return
		}
		k++
		b.h2(fmt.Sprintf("%s.%d", n, k), title)
		b.table(t)
	}
	for _, sec := range b.rs.Sections() {
		group(b.tr(sec.Title), func(q *classify.Question) bool { return q.Section == sec.ID })
	}
	group(b.t("other_answers"), func(*classify.Question) bool { return true })
}

// ---- appendix B: the rules as applied ----------------------------------------

// ruleTrace shows each gate and each sub-category rule that did not apply
// as a sentence from the rule data, with the answers it read: the record
// behind the analysis, for a reader who checks it.
func (b *builder) ruleTrace(n string) {
	rs := b.rs
	b.para(txt(b.t("trace_intro")))
	b.h2(n+".1", b.t("h_gates"))
	t := &table{head: []string{b.t("col_gate"), b.t("col_result"), b.t("col_answers")}}
	for _, g := range rs.Gates() {
		step, ok := b.trace["gate/"+g.ID]
		if !ok {
			continue
		}
		result := map[classify.Tri]string{classify.True: "gate_true", classify.False: "gate_false", classify.Unknown: "gate_open"}[step.Outcome]
		t.rows = append(t.rows, []cell{textCell(b.words().Condition(g.When)), textCell(b.t(result)), b.answerLines(step.Answers)})
	}
	b.table(t)

	b.h2(n+".2", b.t("not_applied"))
	var items []cell
	for _, s := range rs.Subcategories() {
		if it, _ := b.found(s.ID); it != nil {
			continue
		}
		for _, rule := range s.Rules {
			step, ok := b.trace["subcategory/"+rule.ID]
			if !ok {
				continue
			}
			head := capFirst(b.tr(s.Name)) + b.paren(b.words().Strength(rule.Strength)) + b.t("colon")
			first := line(bold(head), txt(b.words().Condition(rule.When)))
			if step.Outcome != classify.False {
				first = append(first, txt(b.t("rule_open")))
			}
			items = append(items, lines(first, muted(line(txt(b.t("answers_read")+b.t("colon")+b.answerText(step.Answers))))))
		}
	}
	if len(items) == 0 {
		b.para(txt(b.t("not_applied_none")))
	}
	b.list(items...)
}

// ---- appendix D: citations ---------------------------------------------------

// citations list the sources the memo cites, one entry each by the number
// it carries in the text: the source's full title and date, the pinpoints
// cited, and its copies, official first as the rule data orders them, a
// reprint or a commentary labelled so.
func (b *builder) citations(string) {
	b.para(txt(b.t("citations_intro")))
	for i, c := range b.cites {
		l := line(bold(fmt.Sprintf("[%d] ", i+1)))
		src := b.rs.Source(c.Source)
		title := ""
		if src != nil {
			title = src.Title
			if b.lang == "en" && src.TitleEn != "" {
				title = src.TitleEn
			}
		}
		if title == "" {
			title = b.tr(c.Text)
		}
		l = append(l, txt(title))
		if src != nil && src.Date != "" {
			l = append(l, txt(b.t("semi")+b.t("src_date")+src.Date))
		}
		var pins []string
		for _, p := range b.pins[i] {
			pins = append(pins, b.pinpoint(src, p))
		}
		l = append(l, txt(b.t("cite_sep")+b.t("cited_at")+strings.Join(pins, b.t("semi"))))
		if src != nil {
			links := citedLinks(src)
			for k, ln := range links {
				sep := b.t("semi")
				if k == 0 {
					sep = b.t("cite_sep")
				}
				l = append(l, txt(sep), link(ln.URL, ln.URL))
				switch ln.Kind {
				case "reprint":
					l = append(l, txt(b.paren(b.t("reprint"))))
				case "commentary":
					l = append(l, txt(b.paren(b.t("commentary"))))
				}
			}
		}
		b.add(block{kind: kindPara, small: true, runs: l, anchor: fmt.Sprintf("cite-%d", i+1)})
	}
}

// citedLinks are the copies of a source an entry shows: every official
// one, then the first reprint; a commentary only where the data has
// neither. The data orders them, official first.
func citedLinks(src *classify.Source) []classify.SourceLink {
	links := src.Links
	if len(links) == 0 && src.URL != "" {
		kind := "official"
		if src.Reprint {
			kind = "reprint"
		}
		links = []classify.SourceLink{{URL: src.URL, Kind: kind}}
	}
	var out []classify.SourceLink
	reprint := false
	for _, l := range links {
		switch {
		case l.Kind == "official":
			out = append(out, l)
		case l.Kind == "reprint" && !reprint:
			out = append(out, l)
			reprint = true
		}
	}
	if len(out) == 0 && len(links) > 0 {
		out = links[:1]
	}
	return out
}

// pinpoint is a citation as an entry lists it: without the source's short
// name the entry already gives ("art. 69", 第六十九条), or whole where the
// citation is the name alone.
func (b *builder) pinpoint(src *classify.Source, c classify.CitationRef) string {
	text := b.tr(c.Text)
	if src == nil {
		return text
	}
	name := b.tr(src.CiteAs)
	if name == "" || !strings.HasPrefix(text, name) {
		return text
	}
	rest := strings.TrimLeft(strings.TrimPrefix(text, name), ", ，")
	if rest == "" || strings.HasPrefix(rest, "(") || strings.HasPrefix(rest, "（") {
		return text
	}
	return rest
}

// secNum is how the text refers to a top-level section, by the number its
// heading carries: 五 in a Chinese memo ("见第五部分"), 5 in English and in
// a bilingual memo, whose headings carry one number for both columns
// ("见第5部分").
func (b *builder) secNum(key string) string {
	n := b.nums[key]
	if b.o.Lang == "zh" {
		if i, err := strconv.Atoi(n); err == nil {
			return present.ChineseNumber(i)
		}
	}
	return n
}

// kvRow adds to a two-column table a row of the label key and its value.
func (t *table) kvRow(b *builder) func(key string, c cell) {
	return func(key string, c cell) { t.rows = append(t.rows, []cell{textCell(b.t(key)), c}) }
}

// licenceHead adds the rows page 1 and the licence section share: the
// licence, its authority and the capital floor; with open, a floor not
// known yet says so rather than leaving the row out.
func (b *builder) licenceHead(lic *outline.Licence, row func(string, cell), open bool) {
	if lic.Title != "" {
		row("lic_licence", textCell(capFirst(lic.Title)))
	} else {
		row("lic_licence", textCell(capFirst(b.t("scope_open"))))
	}
	if lic.Authority != "" {
		row("lic_authority", textCell(capFirst(lic.Authority)))
	}
	if lic.Capital != "" {
		row("lic_capital", textCell(lic.Capital))
	} else if open {
		row("lic_capital", textCell(b.t("capital_open")))
	}
}
