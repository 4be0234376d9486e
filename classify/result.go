package classify

// Result is the classification of one answers document: the JSON contract of
// `b22 classify` (docs/contract.md). Every conclusion names the rule that
// reached it, the answer keys it rests on and its legal basis. A Result is
// read-only: its lists of ids and citations and the texts its pointers lead
// to may be shared with the rule set and with other results.
type Result struct {
	Questionnaire QuestionnaireRef `json:"questionnaire"`
	// Verdict is likely, possible, unlikely or undetermined, over every way
	// the unanswered questions could be answered.
	Verdict Verdict `json:"verdict"`
	Summary Text    `json:"summary"`
	// CoveredByExistingLicence is true only when an existing licence is known
	// to cover the service; ExistingLicence says covers, does_not_cover or
	// unknown.
	CoveredByExistingLicence bool     `json:"covered_by_existing_licence"`
	ExistingLicence          Coverage `json:"existing_licence"`
	// Subcategories are the sub-categories the product falls in, whatever
	// the unanswered questions; OpenSubcategories those it may fall in,
	// depending on them (each with DependsOn).
	Subcategories     []SubcategoryResult `json:"subcategories"`
	OpenSubcategories []SubcategoryResult `json:"open_subcategories"`
	// Exclusions are the gates that rule the licence out; IfOperated is
	// what the product's features would be but for them.
	Exclusions   []Finding           `json:"exclusions"`
	IfOperated   []SubcategoryResult `json:"if_operated"`
	Licence      Licence             `json:"licence"`
	Requirements []RequirementResult `json:"requirements"`
	// Process states the facts of applying for and holding the licence
	// (review time, validity, renewal, changes, annual report, penalty).
	Process          []ProcessResult `json:"process"`
	PivotalQuestions []Pivotal       `json:"pivotal_questions"`
	OpenQuestions    []OpenQuestion  `json:"open_questions"`
	// Levers are the changes of given answers that would change the
	// outcome (see Options.Levers); null when they were not asked for.
	Levers []Lever `json:"levers"`
	// Routes are the curated ways to compliance that apply, each with
	// what evaluating it gave (see Route); null when not asked for.
	Routes []RouteResult `json:"routes"`
	// MissingElements says, for an unlikely verdict that no exclusion
	// explains, which elements of each sub-category are absent; empty
	// otherwise.
	MissingElements []MissingElements `json:"missing_elements"`
	RelatedRegimes  []RegimeResult    `json:"related_regimes"`
	Notes           []Finding         `json:"notes"`
	Sources         []SourceRef       `json:"sources"`
	AnswersSHA256   string            `json:"answers_sha256"`
	Trace           []TraceStep       `json:"trace"`

	// considered is Subcategories and OpenSubcategories in catalogue order.
	considered []SubcategoryResult
}

// Matched returns the settled and the open sub-categories together, in
// the catalogue's order: what presenters list, each with its Settled flag.
func (r *Result) Matched() []SubcategoryResult { return r.considered }

// ProcessResult is a fact about applying for and holding the licence.
type ProcessResult struct {
	ID        string        `json:"id"`
	Name      Text          `json:"name"`
	Text      Text          `json:"text"`
	Basis     []string      `json:"basis"`
	Citations []CitationRef `json:"citations"`
}

// QuestionnaireRef identifies the rule set and the date it was applied for.
type QuestionnaireRef struct {
	ID        string `json:"id"`
	Version   string `json:"version"`
	Effective Date   `json:"effective"`
	AsOf      Date   `json:"as_of"`
}

// SubcategoryResult is a sub-category the product falls in, or may.
type SubcategoryResult struct {
	ID       string   `json:"id"`
	Name     Text     `json:"name"`
	Strength Strength `json:"strength"`
	// Settled is false when the strength depends on unanswered questions
	// (DependsOn); Strength is then the strongest one reachable.
	Settled    bool     `json:"settled"`
	DependsOn  []string `json:"depends_on"`
	Confidence string   `json:"confidence"`
	Footing    string   `json:"footing"`
	Reasons    []Reason `json:"reasons"`
}

// Reason is one rule that put the product in a sub-category.
type Reason struct {
	Rule       string        `json:"rule"`
	Outcome    Tri           `json:"outcome"`
	Text       Text          `json:"text"`
	Answers    []string      `json:"answers"`
	Basis      []string      `json:"basis"`
	Citations  []CitationRef `json:"citations"`
	Confidence string        `json:"confidence"`
	Footing    string        `json:"footing"`
}

// Finding is a rule that holds: a gate that fails, or a note.
type Finding struct {
	ID         string        `json:"id"`
	Text       Text          `json:"text"`
	Answers    []string      `json:"answers"`
	Basis      []string      `json:"basis"`
	Citations  []CitationRef `json:"citations"`
	Confidence string        `json:"confidence"`
	Footing    string        `json:"footing"`
}

// Licence is the licence that would be needed.
type Licence struct {
	// Category is the rule set's (RuleSet.Category: B22).
	Category string `json:"category"`
	// Scope is one of the rule set's scopes (provincial or cross_regional
	// for B22); nil when the verdict is unlikely or the coverage is not
	// known.
	Scope                   *string       `json:"scope"`
	Title                   *Text         `json:"title"`
	Authority               *Text         `json:"authority"`
	MinRegisteredCapitalCNY *float64      `json:"min_registered_capital_cny"`
	ValidityYears           float64       `json:"validity_years"`
	Basis                   []string      `json:"basis"`
	Citations               []CitationRef `json:"citations"`
}

// RequirementResult is a licence condition and whether the company meets it.
type RequirementResult struct {
	ID         string        `json:"id"`
	Name       Text          `json:"name"`
	Status     Status        `json:"status"`
	Text       Text          `json:"text"`
	Answers    []string      `json:"answers"`
	Basis      []string      `json:"basis"`
	Citations  []CitationRef `json:"citations"`
	Confidence string        `json:"confidence"`
	Footing    string        `json:"footing"`
}

// Pivotal is an unanswered question whose answer could change the verdict.
type Pivotal struct {
	Key      string   `json:"key"`
	Question Text     `json:"question"`
	Why      Text     `json:"why"`
	LeadsTo  []LeadTo `json:"leads_to"`
}

// LeadTo is what one answer to a pivotal question would lead to, the other
// unanswered questions staying open.
type LeadTo struct {
	Answer  any     `json:"answer"`
	Label   Text    `json:"label"`
	Verdict Verdict `json:"verdict"`
}

// OpenQuestion is an unanswered question that leaves part of the result open
// without changing the verdict (scope, a licence condition, a regime).
type OpenQuestion struct {
	Key      string   `json:"key"`
	Question Text     `json:"question"`
	Affects  []string `json:"affects"`
}

// RegimeResult is a neighbouring regime to check.
type RegimeResult struct {
	ID   string `json:"id"`
	Name Text   `json:"name"`
	// Status is triggered; customer when the regime binds whoever
	// operates the service rather than the company; or unknown when the
	// trigger, or whose duty it is, rests on unanswered questions.
	Status     RegimeStatus  `json:"status"`
	Text       Text          `json:"text"`
	Because    []string      `json:"because"`
	Basis      []string      `json:"basis"`
	Citations  []CitationRef `json:"citations"`
	Confidence string        `json:"confidence"`
}

// MissingElements are the elements a sub-category needs that the answers
// rule out.
type MissingElements struct {
	ID        string           `json:"id"`
	Name      Text             `json:"name"`
	Elements  []MissingElement `json:"elements"`
	Basis     []string         `json:"basis"`
	Citations []CitationRef    `json:"citations"`
}

// MissingElement is one element absent, with the answers that rule it out.
type MissingElement struct {
	ID      string   `json:"id"`
	Text    Text     `json:"text"`
	Answers []string `json:"answers"`
}

// SourceRef is a source cited anywhere in the result.
type SourceRef struct {
	ID      string `json:"id"`
	Title   string `json:"title"`
	TitleEn string `json:"title_en"`
	URL     string `json:"url"`
	Date    string `json:"date,omitempty"`
	// Reprint is true when the link is a faithful reprint of an official text.
	Reprint bool `json:"reprint"`
	// Links are every copy of the source the data lists, official pages
	// first; URL is the first.
	Links []SourceLink `json:"links,omitempty"`
}

// SourceLink is one copy of a source: an official page, a faithful
// reprint, or a commentary; Read is false for an official address seen
// cited elsewhere but not opened.
type SourceLink struct {
	URL  string `json:"url"`
	Kind string `json:"kind"`
	Read bool   `json:"read"`
}

// TraceStep records one rule's outcome and the answer keys it read.
type TraceStep struct {
	Rule    string   `json:"rule"`
	Kind    string   `json:"kind"`
	Outcome Tri      `json:"outcome"`
	Answers []string `json:"answers"`
}
