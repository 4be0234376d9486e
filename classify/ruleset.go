package classify

import (
	"b22/classify/internal/storage"
	"time"
)

// RuleSet is a checked questionnaire and rule set, ready to evaluate answers.
// It is immutable after Load and safe for concurrent use: its state is
// unexported, and read through the methods below.
type RuleSet struct {
	id          string
	version     string
	effective   Date
	appliesFrom Date
	title       Text

	// category is the licence the rule set decides, as results name it
	// (licence.category, a catalogue code such as B22), and licenceName
	// the licence's name: rules.yaml's `licence`. The engine knows no
	// licence of its own.
	category    string
	licenceName Text
	// contract lists the ids the rule set's public contract fixes, which
	// Lint checks it still provides: rules.yaml's `contract`.
	contract []contractList

	sections   []Section
	questions  []Question
	sources    []Source
	parameters []Parameter

	gates         []Rule
	subcategories []Subcategory
	// constraints rule out completions the facts make impossible.
	constraints  []constraint
	scopes       []ScopeRule
	existing     Rule
	requirements []Requirement
	// regimesApplyWhen is part of every regime's condition (regimes[i].When
	// already includes it).
	regimesApplyWhen *Cond
	regimes          []Rule
	notes            []Rule
	// routes are the curated ways to compliance, offered when they apply
	// and the engine confirms what they achieve.
	routes []Route
	texts  Texts

	questionIndex map[string]int
	sourceIndex   map[string]int
	paramIndex    map[string]int
	epochs        []epoch
	// verdictKeys are the questions the gate and sub-category rules read: the
	// only keys that can change the verdict. domains holds, for each of them,
	// one representative answer per class of answers the rules tell apart.
	verdictKeys []int
	domains     map[int]domain
	// verdictConds are the conditions of the gates, then of every
	// sub-category rule, in order: what the verdict is computed from.
	verdictConds []*Cond
	// morePlanes is how many words a completion's code has past the
	// first: one for each perPlane sub-categories past the first perPlane.
	morePlanes int
	// verdictOrder is verdictKeys by how many verdict rules read each, fewest
	// first, gate keys last: the order enumerate assigns them in reverse.
	verdictOrder []int
	// leverKeys are the questions a verdict, scope or requirement rule
	// reads, and leverDomains the classes of answers those rules tell
	// apart, with an example of each (see levers); leverRuleIDs names the
	// rules in the order outcomeOf lists their outcomes.
	leverKeys    []int
	leverDomains map[int]domain
	leverRuleIDs []string
	// canonicalOrder lists question indexes by id, for Canonical.
	canonicalOrder []int
	// shared lists what results copy from the rule set (see sharedValues).
	shared sharedValues
	// basisSources holds, for each basis list the rule set holds, a bit
	// per source it cites, when sourceBits (at most 64 sources).
	basisSources storage.Table[uint64]
	sourceBits   bool
	// scopeUnknown is the authority a result names when the scope is open.
	scopeUnknown Text
	// sectionAsk is the ask_when of each question's section, by question.
	sectionAsk []*Cond
	// textAt is where each text is written, for Lint's problems.
	textAt textPlaces
}

// Date is a calendar day.
type Date struct{ t time.Time }

// ParseDate reads YYYY-MM-DD.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return Date{}, err
	}
	return Date{t}, nil
}

// DateOf is the calendar day of t, in t's location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{time.Date(y, m, d, 0, 0, 0, 0, time.UTC)}
}

func (d Date) String() string     { return d.t.Format(time.DateOnly) }
func (d Date) Before(e Date) bool { return d.t.Before(e.t) }
func (d Date) IsZero() bool       { return d.t.IsZero() }

// next is the day after d; the zero Date stays zero.
func (d Date) next() Date {
	if d.IsZero() {
		return d
	}
	return Date{d.t.AddDate(0, 0, 1)}
}
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// Section groups questions in the interview.
type Section struct {
	ID      string
	Title   Text
	AskWhen *Cond
}

// QuestionType is the type of an answer.
type QuestionType int

const (
	TypeBool QuestionType = iota
	TypeInt
	TypeNumber
	TypeEnum
	TypeMulti
)

var typeNames = []string{"bool", "int", "number", "enum", "multi"}

func (t QuestionType) String() string { return typeNames[t] }

// Choice is one allowed value of an enum or multi question.
type Choice struct {
	ID    string
	Label Text
	// Full is the official Chinese name where the label is a short one
	// (广东省 for 广东); texts use it as {question.full}.
	Full string
	// Also lists other names a person may type to find the choice (Tibet
	// for Xizang); they are for searching only and never shown.
	Also []string
}

// Question is one answer key.
type Question struct {
	ID      string
	Section string
	Type    QuestionType
	Choices []Choice // enum and multi
	Min     *float64 // int and number
	Max     *float64
	Unit    string // "cny", "percent" or "" for a number
	Unsure  bool
	// Lever says who decides the answer: a product decision, a company
	// fact or a fact nobody chooses (see Options.Levers).
	Lever   LeverKind
	AskWhen *Cond
	Title   Text
	Help    Text
	Pivot   Text
	// Topic names what the answer is about, for prose that states the
	// facts ("live voice between users: yes"); empty where the data gives
	// none.
	Topic Text
	pos   pos
	// sortedChoices lists choice indexes by id, for Canonical, which
	// writes keyJSON ("id":) and choiceJSON (each choice's "id").
	sortedChoices []int
	keyJSON       []byte
	choiceJSON    [][]byte
}

// ChoiceIndex returns the index of the choice id, or -1.
func (q *Question) ChoiceIndex(id string) int {
	for i, c := range q.Choices {
		if c.ID == id {
			return i
		}
	}
	return -1
}

// Source is a document the rules cite.
type Source struct {
	ID      string
	Title   string
	TitleEn string
	Date    string
	URL     string
	Reprint bool
	// Links are every copy the data lists (sources.yaml `links`), official
	// first; URL and Reprint describe the first.
	Links []SourceLink
	// CiteAs is the short name a citation starts with (《电信条例》, the
	// Telecommunications Regulations); the titles where the data gives none.
	CiteAs Text
	// InForce is the span of dates on which results cite the source, for
	// an edition the rules follow only while it is in force (the 2016 and
	// 2022 texts of one regulation); zero for a source cited on any date.
	InForce Span
	at      pos // where the data defines it, as for every pos below
}

// Span is a run of days; a zero From or Until leaves that end open.
type Span struct{ From, Until Date }

// Holds reports whether d falls in the span.
func (s Span) Holds(d Date) bool {
	return (s.From.IsZero() || !d.Before(s.From)) && (s.Until.IsZero() || !s.Until.Before(d))
}

// Parameter is a threshold or period whose value changes on given dates.
type Parameter struct {
	ID     string
	Unit   string
	Title  Text
	Basis  []string
	Cites  []Citation
	Values []ParamValue
	at     pos
}

// ParamValue is a parameter's value from a date on; Set is false for "no limit".
type ParamValue struct {
	From  Date
	Set   bool
	Value float64
}

// DatedText is a text that replaces the one before it from a date on, so
// that a result as of a date says what was true then.
type DatedText struct {
	From Date
	Text Text
}

// Rule is a condition with its explanation and legal basis.
type Rule struct {
	ID   string
	When *Cond
	Text Text
	// Later are the texts that replace Text from their dates on.
	Later []DatedText
	// Basis lists the ids of the sources Cites names, each once.
	Basis      []string
	Cites      []Citation
	cited      citedBasis
	Confidence string
	Footing    string
	// Strength is set for sub-category rules.
	Strength Strength
	// Name is a regime's short name, and CustomerWhen when its duty falls
	// on whoever operates the service rather than on the company (regimes
	// only).
	Name         Text
	CustomerWhen *Cond
	texts        []Text // Text rendered for each epoch of parameters
	at           pos
}

// Subcategory is one of the kinds of service the licence covers, as many
// as the rule set lists.
type Subcategory struct {
	ID   string
	Name Text
	// Short is the name for a status line ("Internet conference and
	// image"); Name where the data gives none.
	Short      Text
	Definition Text
	Basis      []string
	Cites      []Citation
	cited      citedBasis
	Confidence string
	Footing    string
	Rules      []Rule
	// Elements are what the sub-category needs, each a condition that
	// holds when the element is present: an unlikely verdict that no gate
	// explains names the elements each sub-category lacks.
	Elements []Element
	at       pos
}

// Element is one thing a sub-category needs.
type Element struct {
	ID   string
	When *Cond
	// Absent says what its absence means.
	Absent Text
}

// Variant is a text used when its condition holds (the last has none).
type Variant struct {
	When  *Cond
	Text  Text
	Later []DatedText
	texts []Text
	// fillKey is the one enum question the text names an answer of
	// ({province.full}), with filled[epoch][choice] the text for each
	// answer; noFill when it names none, fillMany when it names several.
	fillKey int
	filled  [][]Text
}

const (
	noFill   = -1
	fillMany = -2
)

// ScopeRule decides which licence applies.
type ScopeRule struct {
	Rule
	Scope      string
	minCapital int // parameter index of the capital floor
	Licence    Text
	Authority  []Variant
}

// Requirement is a licence condition.
type Requirement struct {
	ID      string
	Name    Text
	MetWhen *Cond
	// UnknownWhen makes a failed MetWhen unknown rather than unmet: the
	// condition could be met in a way the questionnaire does not ask about
	// (a free-trade zone before the national list opened B22).
	UnknownWhen *Cond
	Variants    []Variant
	Basis       []string
	Cites       []Citation
	cited       citedBasis
	Confidence  string
	Footing     string
	at          pos
}

// ProcessStep is a fact about applying for and holding the licence.
type ProcessStep struct {
	ID    string
	Name  Text
	Text  Text
	Later []DatedText
	Basis []string
	Cites []Citation
	cited citedBasis
	texts []Text
}

// Texts are the texts results and memos show beside the rules.
type Texts struct {
	Verdicts     map[string]Text
	ScopeUnknown Text
	// ScopeUnknownVariants, when the data gives variants, picks the
	// authority named while the coverage is open (the foreign share may
	// settle it); the last is ScopeUnknown.
	ScopeUnknownVariants []Variant
	// RegimeStatuses words a regime's status (triggered, unknown, customer).
	RegimeStatuses map[string]Text
	Strengths      map[string]Text
	Statuses       map[string]Text
	Confidence     map[string]Text
	Footing        map[string]Text
	Process        []ProcessStep
	OpenPoints     []Text
	Disclaimer     Text
	// GatesIntro says, before the gates are listed, what they have in
	// common (whom the licence binds); empty when the data gives none.
	GatesIntro Text
	// SourcesChecked is the day the sources were last checked for changes
	// (the statement of currency among the open points); zero when the
	// data gives none.
	SourcesChecked Date
}

// Question returns the question with the id, or nil.
func (rs *RuleSet) Question(id string) *Question {
	if i, ok := rs.questionIndex[id]; ok {
		return &rs.questions[i]
	}
	return nil
}

// Source returns the source with the id, or nil.
func (rs *RuleSet) Source(id string) *Source {
	if i, ok := rs.sourceIndex[id]; ok {
		return &rs.sources[i]
	}
	return nil
}

// Asked reports whether question i is asked given the answers so far: its
// own and its section's ask_when are not known to be false. Answers to
// questions that are themselves not asked count as unknown here, so a stale
// answer (phone access kept after voice was set to no) opens no question.
func (rs *RuleSet) Asked(i int, a Answers) bool {
	return rs.AskedAll(a)[i]
}

// AskedAll reports for every question whether it is asked (see Asked).
func (rs *RuleSet) AskedAll(a Answers) []bool {
	params := rs.epochs[len(rs.epochs)-1].params
	effective := make(Answers, len(a))
	asked := make([]bool, len(rs.questions))
	for i := range rs.questions {
		q := &rs.questions[i]
		asked[i] = (q.AskWhen == nil || q.AskWhen.eval(effective, params) != False) &&
			(rs.sectionAsk[i] == nil || rs.sectionAsk[i].eval(effective, params) != False)
		if asked[i] {
			effective[i] = a[i]
		}
	}
	return asked
}

// QuestionIndex returns the index of the question with the id, or -1.
func (rs *RuleSet) QuestionIndex(id string) int {
	if i, ok := rs.questionIndex[id]; ok {
		return i
	}
	return -1
}

// questionIDs lists the answer keys in questionnaire order.
func (rs *RuleSet) questionIDs() []string {
	ids := make([]string, len(rs.questions))
	for i, q := range rs.questions {
		ids[i] = q.ID
	}
	return ids
}
