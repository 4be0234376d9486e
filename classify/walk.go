package classify

import "fmt"

// Walking a rule set: every condition, text and basis it holds, for the
// loader, lint and evaluation alike.

func (rs *RuleSet) allConds() []*Cond {
	out := rs.gatherVerdictConds()
	for _, s := range rs.subcategories {
		for _, e := range s.Elements {
			out = append(out, e.When)
		}
	}
	for _, c := range rs.constraints {
		out = append(out, c.When)
	}
	for _, s := range rs.scopes {
		out = append(out, s.When)
		for _, v := range s.Authority {
			out = append(out, v.When)
		}
	}
	out = append(out, rs.existing.When)
	for _, r := range rs.requirements {
		out = append(out, r.MetWhen, r.UnknownWhen)
		for _, v := range r.Variants {
			out = append(out, v.When)
		}
	}
	for _, r := range rs.regimes {
		out = append(out, r.When, r.CustomerWhen)
	}
	for _, r := range rs.notes {
		out = append(out, r.When)
	}
	for _, r := range rs.routes {
		out = append(out, r.When)
		for _, c := range r.Changes {
			out = append(out, c.When)
		}
	}
	for _, v := range rs.texts.ScopeUnknownVariants {
		out = append(out, v.When)
	}
	for _, q := range rs.questions {
		out = append(out, q.AskWhen)
	}
	for _, s := range rs.sections {
		out = append(out, s.AskWhen)
	}
	kept := out[:0]
	for _, c := range out {
		if c != nil {
			kept = append(kept, c)
		}
	}
	return kept
}

func (rs *RuleSet) eachText(f func(file, key string, t Text)) {
	rs.eachTextAsWritten(func(file, key string, t Text, later []DatedText) {
		f(file, key, t)
		for _, d := range later {
			f(file, key+" (from "+d.From.String()+")", d.Text)
		}
	})
}

// eachTextAsWritten calls f with every text and the texts that replace it
// from later dates.
func (rs *RuleSet) eachTextAsWritten(f func(file, key string, t Text, later []DatedText)) {
	f(fileQuestionnaire, "title", rs.title, nil)
	f(fileRules, "licence.name", rs.licenceName, nil)
	for _, s := range rs.sections {
		f(fileQuestionnaire, "sections."+s.ID, s.Title, nil)
	}
	for _, p := range rs.parameters {
		f(fileParameters, "parameters."+p.ID, p.Title, nil)
	}
	for _, q := range rs.questions {
		key := "questions." + q.ID
		f(fileQuestions, key+".title", q.Title, nil)
		f(fileQuestions, key+".help", q.Help, nil)
		if q.Pivot != (Text{}) {
			f(fileQuestions, key+".pivot", q.Pivot, nil)
		}
		if q.Topic != (Text{}) {
			f(fileQuestions, key+".topic", q.Topic, nil)
		}
		for _, c := range q.Choices {
			f(fileQuestions, key+"."+c.ID, c.Label, nil)
		}
	}
	for _, g := range rs.gates {
		f(fileRules, "gates."+g.ID, g.Text, g.Later)
	}
	for _, s := range rs.subcategories {
		f(fileRules, "subcategories."+s.ID+".name", s.Name, nil)
		if s.Short != s.Name {
			f(fileRules, "subcategories."+s.ID+".short", s.Short, nil)
		}
		f(fileRules, "subcategories."+s.ID+".definition", s.Definition, nil)
		for _, r := range s.Rules {
			f(fileRules, "subcategories."+r.ID, r.Text, r.Later)
		}
		for _, e := range s.Elements {
			f(fileRules, "subcategories."+s.ID+".elements."+e.ID, e.Absent, nil)
		}
	}
	for _, c := range rs.constraints {
		f(fileRules, "constraints."+c.ID, c.Text, c.Later)
	}
	for _, s := range rs.scopes {
		f(fileRules, "scopes."+s.ID+".licence", s.Licence, nil)
		for _, v := range s.Authority {
			f(fileRules, "scopes."+s.ID+".authority", v.Text, v.Later)
		}
	}
	f(fileRules, "existing_licence", rs.existing.Text, rs.existing.Later)
	for _, r := range rs.requirements {
		f(fileRules, "requirements."+r.ID+".name", r.Name, nil)
		for _, v := range r.Variants {
			f(fileRules, "requirements."+r.ID, v.Text, v.Later)
		}
	}
	for _, r := range rs.regimes {
		f(fileRules, "regimes."+r.ID+".name", r.Name, nil)
		f(fileRules, "regimes."+r.ID, r.Text, r.Later)
	}
	for _, r := range rs.notes {
		f(fileRules, "notes."+r.ID, r.Text, r.Later)
	}
	for _, r := range rs.routes {
		f(fileRules, "routes."+r.ID+".title", r.Title, r.TitleLater)
		f(fileRules, "routes."+r.ID, r.Text, r.Later)
		f(fileRules, "routes."+r.ID+".caveats", r.Caveats, r.CaveatsLater)
	}
	t := rs.texts
	for _, m := range []map[string]Text{t.Verdicts, t.Strengths, t.Statuses, t.RegimeStatuses, t.Confidence, t.Footing} {
		for k, v := range m {
			f(fileTexts, k, v, nil)
		}
	}
	f(fileTexts, "scope_unknown", t.ScopeUnknown, nil)
	for i, v := range t.ScopeUnknownVariants[:max(0, len(t.ScopeUnknownVariants)-1)] {
		f(fileTexts, fmt.Sprintf("scope_unknown[%d]", i), v.Text, v.Later)
	}
	for _, p := range t.Process {
		f(fileTexts, "process."+p.ID+".name", p.Name, nil)
		f(fileTexts, "process."+p.ID, p.Text, p.Later)
	}
	for i, p := range t.OpenPoints {
		f(fileTexts, fmt.Sprintf("open_points[%d]", i), p, nil)
	}
	f(fileTexts, "disclaimer", t.Disclaimer, nil)
}

// eachBasis calls f with every basis in the rule set, the file and key
// naming where it is written.
func (rs *RuleSet) eachBasis(f func(file, key string, ids []string, cites []Citation)) {
	for _, p := range rs.parameters {
		f(fileParameters, "parameters."+p.ID+".basis", p.Basis, p.Cites)
	}
	for _, g := range rs.gates {
		f(fileRules, "gates."+g.ID+".basis", g.Basis, g.Cites)
	}
	for _, s := range rs.subcategories {
		f(fileRules, "subcategories."+s.ID+".basis", s.Basis, s.Cites)
		for _, r := range s.Rules {
			f(fileRules, "subcategories."+s.ID+".rules."+r.ID+".basis", r.Basis, r.Cites)
		}
	}
	for _, s := range rs.scopes {
		f(fileRules, "scopes."+s.ID+".basis", s.Basis, s.Cites)
	}
	f(fileRules, "existing_licence.basis", rs.existing.Basis, rs.existing.Cites)
	for _, r := range rs.requirements {
		f(fileRules, "requirements."+r.ID+".basis", r.Basis, r.Cites)
	}
	for _, r := range rs.regimes {
		f(fileRules, "regimes."+r.ID+".basis", r.Basis, r.Cites)
	}
	for _, r := range rs.notes {
		f(fileRules, "notes."+r.ID+".basis", r.Basis, r.Cites)
	}
	for _, c := range rs.constraints {
		f(fileRules, "constraints."+c.ID+".basis", c.Basis, c.Cites)
	}
	for _, r := range rs.routes {
		f(fileRules, "routes."+r.ID+".basis", r.Basis, r.Cites)
	}
	for _, p := range rs.texts.Process {
		f(fileTexts, "process."+p.ID+".basis", p.Basis, p.Cites)
	}
}

// RuleCount is the number of rules of every kind.
func (rs *RuleSet) RuleCount() int {
	n := len(rs.gates) + len(rs.scopes) + 1 + len(rs.requirements) + len(rs.regimes) + len(rs.notes)
	for _, s := range rs.subcategories {
		n += len(s.Rules)
	}
	return n
}
