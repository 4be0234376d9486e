// Package compare tells what changed between two classification results:
// the same product before and after a change, the same answers under the
// rules of two dates, or under two rule sets. It compares conclusions
// (verdict, sub-categories, exclusions, licence, conditions, neighbouring
// regimes, the questions left open, existing-licence coverage), not the
// reasons, citations or texts that explain them, nor the trace: a new
// wording of the same conclusion is not a change to act on.
//
// Results is pure, like the engine: the same two results give the same
// Diff. The Diff keeps ids, which its JSON form carries for scripts, and
// beside them the names and texts the results give each thing, which only
// the outline for people (Outline, printed by WriteText) shows.
package compare

import "b22/classify"

// Diff is what changed from result A to result B. Every list is non-nil,
// in the order of the result it comes from (B's for what was added or
// changed, A's for what was removed), so that the same inputs give the
// same bytes. A field that did not change is nil.
type Diff struct {
	A Side `json:"a"`
	B Side `json:"b"`
	// Changed is true when anything below changed.
	Changed         bool                       `json:"changed"`
	Verdict         *Change[classify.Verdict]  `json:"verdict"`
	ExistingLicence *Change[classify.Coverage] `json:"existing_licence"`
	Subcategories   Subcategories              `json:"subcategories"`
	Exclusions      Exclusions                 `json:"exclusions"`
	Licence         Licence                    `json:"licence"`
	Requirements    Requirements               `json:"requirements"`
	// PivotalQuestions and OpenQuestions are the unanswered questions
	// that newly weigh on the result (Added) or no longer do (Removed).
	PivotalQuestions Questions `json:"pivotal_questions"`
	OpenQuestions    Questions `json:"open_questions"`
	RelatedRegimes   Regimes   `json:"related_regimes"`
	// Law lists the licence conditions and regimes that hold on both
	// sides, with the same status, but whose text or citations differ:
	// across two dates, the law behind them changed.
	Law []LawChange `json:"law"`
}

// LawChange is a conclusion that stands on both sides on different law.
// Part names it as the result's parts do (requirements.ID,
// related_regimes.ID).
type LawChange struct {
	Part string        `json:"part"`
	Name classify.Text `json:"-"`
	From Law           `json:"from"`
	To   Law           `json:"to"`
}

// Law is the text and the citations a conclusion rests on, on one side.
type Law struct {
	Text      classify.Text          `json:"text"`
	Citations []classify.CitationRef `json:"citations"`
}

// Side says which assessment one side of the comparison is. Results fills
// in what the result knows; File and RulesDir are the caller's, who knows
// where the answers and the rules came from.
type Side struct {
	// File is the answers file as named on the command line.
	File string `json:"file"`
	// RulesDir is the rule set folder, or nil for the embedded rules.
	RulesDir      *string                   `json:"rules_dir"`
	Questionnaire classify.QuestionnaireRef `json:"questionnaire"`
	Verdict       classify.Verdict          `json:"verdict"`
	AnswersSHA256 string                    `json:"answers_sha256"`
}

// Change is a value that differs between A and B.
type Change[T any] struct {
	From T `json:"from"`
	To   T `json:"to"`
}

// Standing is how a product falls in a sub-category: how firmly, and
// whether that is settled or depends on unanswered questions.
type Standing struct {
	Strength classify.Strength `json:"strength"`
	Settled  bool              `json:"settled"`
}

// Subcategory is a sub-category on one side only.
type Subcategory struct {
	ID string `json:"id"`
	Standing
	Name classify.Text `json:"-"`
}

// SubcategoryChange is a sub-category on both sides, standing differently.
type SubcategoryChange struct {
	ID   string        `json:"id"`
	From Standing      `json:"from"`
	To   Standing      `json:"to"`
	Name classify.Text `json:"-"`
}

// Subcategories are the sub-categories, settled and open, that changed.
type Subcategories struct {
	Added   []Subcategory       `json:"added"`
	Removed []Subcategory       `json:"removed"`
	Changed []SubcategoryChange `json:"changed"`
}

// Exclusion is a gate that rules the licence out on one side only.
type Exclusion struct {
	ID   string        `json:"id"`
	Text classify.Text `json:"-"`
}

// Exclusions are the gates that newly rule the licence out, or no longer do.
type Exclusions struct {
	Added   []Exclusion `json:"added"`
	Removed []Exclusion `json:"removed"`
}

// Licence is what changed in the licence that would be needed.
type Licence struct {
	Category *Change[string] `json:"category"`
	Scope    *ScopeChange    `json:"scope"`
	// Authority is compared as a text: it has no id, and it names the
	// province for a provincial licence.
	Authority               *Change[*classify.Text] `json:"authority"`
	MinRegisteredCapitalCNY *Change[*float64]       `json:"min_registered_capital_cny"`
	ValidityYears           *Change[float64]        `json:"validity_years"`
}

// ScopeChange is a change of scope; nil is no scope (verdict unlikely, or
// the coverage not known), told apart by the side's verdict.
type ScopeChange struct {
	From *string `json:"from"`
	To   *string `json:"to"`
	// FromTitle and ToTitle name the licence of each scope.
	FromTitle *classify.Text `json:"-"`
	ToTitle   *classify.Text `json:"-"`
}

// Requirement is a licence condition assessed on one side only.
type Requirement struct {
	ID     string          `json:"id"`
	Status classify.Status `json:"status"`
	Name   classify.Text   `json:"-"`
}

// RequirementChange is a licence condition whose status changed.
type RequirementChange struct {
	ID   string          `json:"id"`
	From classify.Status `json:"from"`
	To   classify.Status `json:"to"`
	Name classify.Text   `json:"-"`
}

// Requirements are the licence conditions that changed. A verdict that
// becomes unlikely removes them all: no licence, no conditions.
type Requirements struct {
	Added   []Requirement       `json:"added"`
	Removed []Requirement       `json:"removed"`
	Changed []RequirementChange `json:"changed"`
}

// Regime is a neighbouring regime flagged on one side only. Text is the
// regime as people read it: its short name, or its text for a rule set
// that gives none.
type Regime struct {
	ID     string                `json:"id"`
	Status classify.RegimeStatus `json:"status"`
	Text   classify.Text         `json:"-"`
}

// RegimeChange is a neighbouring regime whose status changed.
type RegimeChange struct {
	ID   string                `json:"id"`
	From classify.RegimeStatus `json:"from"`
	To   classify.RegimeStatus `json:"to"`
	Text classify.Text         `json:"-"`
}

// Regimes are the neighbouring regimes that changed.
type Regimes struct {
	Added   []Regime       `json:"added"`
	Removed []Regime       `json:"removed"`
	Changed []RegimeChange `json:"changed"`
}

// Question is an unanswered question on one side only.
type Question struct {
	Key      string        `json:"key"`
	Question classify.Text `json:"-"`
}

// Questions are the unanswered questions that came or went.
type Questions struct {
	Added   []Question `json:"added"`
	Removed []Question `json:"removed"`
}

// Results compares result a with result b.
func Results(a, b *classify.Result) Diff {
	d := Diff{
		A:               side(a),
		B:               side(b),
		Verdict:         change(a.Verdict, b.Verdict),
		ExistingLicence: change(a.ExistingLicence, b.ExistingLicence),
		Subcategories:   subcategories(a.Matched(), b.Matched()),
		Exclusions:      exclusions(a.Exclusions, b.Exclusions),
		Licence:         licence(a.Licence, b.Licence),
		Requirements:    requirements(a.Requirements, b.Requirements),
		RelatedRegimes:  regimes(a.RelatedRegimes, b.RelatedRegimes),
	}
	d.Law = law(a, b)
	d.PivotalQuestions = questions(mapList(a.PivotalQuestions, pivotal), mapList(b.PivotalQuestions, pivotal))
	d.OpenQuestions = questions(mapList(a.OpenQuestions, open), mapList(b.OpenQuestions, open))
	d.Changed = d.Verdict != nil || d.ExistingLicence != nil ||
		len(d.Subcategories.Added)+len(d.Subcategories.Removed)+len(d.Subcategories.Changed) > 0 ||
		len(d.Exclusions.Added)+len(d.Exclusions.Removed) > 0 ||
		d.Licence != (Licence{}) ||
		len(d.Requirements.Added)+len(d.Requirements.Removed)+len(d.Requirements.Changed) > 0 ||
		len(d.RelatedRegimes.Added)+len(d.RelatedRegimes.Removed)+len(d.RelatedRegimes.Changed) > 0 ||
		len(d.PivotalQuestions.Added)+len(d.PivotalQuestions.Removed) > 0 ||
		len(d.OpenQuestions.Added)+len(d.OpenQuestions.Removed) > 0 ||
		len(d.Law) > 0
	return d
}

func side(r *classify.Result) Side {
	return Side{Questionnaire: r.Questionnaire, Verdict: r.Verdict, AnswersSHA256: r.AnswersSHA256}
}

// change is a Change when from and to differ, else nil.
func change[T comparable](from, to T) *Change[T] {
	if from == to {
		return nil
	}
	return &Change[T]{From: from, To: to}
}

// pair is an item present on both sides.
type pair[T any] struct{ a, b T }

// match splits two lists keyed by id: what only b has (in b's order),
// what only a has (in a's order), and what both have (in b's order).
func match[T any](a, b []T, id func(T) string) (added, removed []T, both []pair[T]) {
	inA := make(map[string]int, len(a))
	for i, x := range a {
		inA[id(x)] = i
	}
	inB := make(map[string]bool, len(b))
	added, removed = []T{}, []T{}
	for _, y := range b {
		inB[id(y)] = true
		if i, ok := inA[id(y)]; ok {
			both = append(both, pair[T]{a[i], y})
		} else {
			added = append(added, y)
		}
	}
	for _, x := range a {
		if !inB[id(x)] {
			removed = append(removed, x)
		}
	}
	return added, removed, both
}

func subcategories(a, b []classify.SubcategoryResult) Subcategories {
	added, removed, both := match(a, b, func(s classify.SubcategoryResult) string { return s.ID })
	out := Subcategories{Added: mapList(added, subcategory), Removed: mapList(removed, subcategory), Changed: []SubcategoryChange{}}
	for _, p := range both {
		if from, to := standing(p.a), standing(p.b); from != to {
			out.Changed = append(out.Changed, SubcategoryChange{ID: p.b.ID, From: from, To: to, Name: p.b.Name})
		}
	}
	return out
}

func standing(s classify.SubcategoryResult) Standing {
	return Standing{Strength: s.Strength, Settled: s.Settled}
}

func subcategory(s classify.SubcategoryResult) Subcategory {
	return Subcategory{ID: s.ID, Standing: standing(s), Name: s.Name}
}

func exclusions(a, b []classify.Finding) Exclusions {
	added, removed, _ := match(a, b, func(f classify.Finding) string { return f.ID })
	gate := func(f classify.Finding) Exclusion { return Exclusion{ID: f.ID, Text: f.Text} }
	return Exclusions{Added: mapList(added, gate), Removed: mapList(removed, gate)}
}

func licence(a, b classify.Licence) Licence {
	out := Licence{
		Category:      change(a.Category, b.Category),
		ValidityYears: change(a.ValidityYears, b.ValidityYears),
	}
	if !equalPtr(a.Scope, b.Scope) {
		out.Scope = &ScopeChange{From: a.Scope, To: b.Scope, FromTitle: a.Title, ToTitle: b.Title}
	}
	if !equalPtr(a.Authority, b.Authority) {
		out.Authority = &Change[*classify.Text]{From: a.Authority, To: b.Authority}
	}
	if !equalPtr(a.MinRegisteredCapitalCNY, b.MinRegisteredCapitalCNY) {
		out.MinRegisteredCapitalCNY = &Change[*float64]{From: a.MinRegisteredCapitalCNY, To: b.MinRegisteredCapitalCNY}
	}
	return out
}

// equalPtr reports whether two optional values are both absent, or both
// present and equal.
func equalPtr[T comparable](a, b *T) bool {
	if a == nil || b == nil {
		return a == b
	}
	return *a == *b
}

func requirements(a, b []classify.RequirementResult) Requirements {
	added, removed, both := match(a, b, func(r classify.RequirementResult) string { return r.ID })
	req := func(r classify.RequirementResult) Requirement {
		return Requirement{ID: r.ID, Status: r.Status, Name: r.Name}
	}
	out := Requirements{Added: mapList(added, req), Removed: mapList(removed, req), Changed: []RequirementChange{}}
	for _, p := range both {
		if p.a.Status != p.b.Status {
			out.Changed = append(out.Changed, RequirementChange{ID: p.b.ID, From: p.a.Status, To: p.b.Status, Name: p.b.Name})
		}
	}
	return out
}

func regimes(a, b []classify.RegimeResult) Regimes {
	added, removed, both := match(a, b, func(r classify.RegimeResult) string { return r.ID })
	regime := func(r classify.RegimeResult) Regime { return Regime{ID: r.ID, Status: r.Status, Text: regimeWords(r)} }
	out := Regimes{Added: mapList(added, regime), Removed: mapList(removed, regime), Changed: []RegimeChange{}}
	for _, p := range both {
		if p.a.Status != p.b.Status {
			out.Changed = append(out.Changed, RegimeChange{ID: p.b.ID, From: p.a.Status, To: p.b.Status, Text: regimeWords(p.b)})
		}
	}
	return out
}

// regimeWords is a regime as a comparison names it: by its short name,
// or by its text where the rule set gives no name.
func regimeWords(r classify.RegimeResult) classify.Text {
	if r.Name != (classify.Text{}) {
		return r.Name
	}
	return r.Text
}

func pivotal(p classify.Pivotal) Question   { return Question{Key: p.Key, Question: p.Question} }
func open(q classify.OpenQuestion) Question { return Question{Key: q.Key, Question: q.Question} }

func questions(a, b []Question) Questions {
	added, removed, _ := match(a, b, func(q Question) string { return q.Key })
	return Questions{Added: added, Removed: removed}
}

// mapList applies f to every item; the result is never nil.
func mapList[T, U any](list []T, f func(T) U) []U {
	out := make([]U, len(list))
	for i, x := range list {
		out[i] = f(x)
	}
	return out
}

// law finds the conditions and regimes that stand on both sides with the
// same status on a different text or different citations. Only across two
// dates or two rule sets: with one date and one rule set a text that
// differs follows the answers, not the law.
func law(a, b *classify.Result) []LawChange {
	out := []LawChange{}
	if a.Questionnaire.AsOf == b.Questionnaire.AsOf && a.Questionnaire.Version == b.Questionnaire.Version {
		return out
	}
	differ := func(ta, tb classify.Text, ca, cb []classify.CitationRef) bool {
		if ta != tb || len(ca) != len(cb) {
			return true
		}
		for i := range ca {
			if ca[i].Source != cb[i].Source || ca[i].Pinpoint != cb[i].Pinpoint || ca[i].Text != cb[i].Text {
				return true
			}
		}
		return false
	}
	_, _, reqs := match(a.Requirements, b.Requirements, func(r classify.RequirementResult) string { return r.ID })
	for _, p := range reqs {
		if p.a.Status == p.b.Status && differ(p.a.Text, p.b.Text, p.a.Citations, p.b.Citations) {
			out = append(out, LawChange{Part: "requirements." + p.b.ID, Name: p.b.Name,
				From: Law{p.a.Text, nonNil(p.a.Citations)}, To: Law{p.b.Text, nonNil(p.b.Citations)}})
		}
	}
	_, _, regs := match(a.RelatedRegimes, b.RelatedRegimes, func(r classify.RegimeResult) string { return r.ID })
	for _, p := range regs {
		if p.a.Status == p.b.Status && differ(p.a.Text, p.b.Text, p.a.Citations, p.b.Citations) {
			out = append(out, LawChange{Part: "related_regimes." + p.b.ID, Name: regimeWords(p.b),
				From: Law{p.a.Text, nonNil(p.a.Citations)}, To: Law{p.b.Text, nonNil(p.b.Citations)}})
		}
	}
	return out
}

func nonNil[T any](l []T) []T {
	if l == nil {
		return []T{}
	}
	return l
}
