package outline

import (
	"b22/classify"
	"b22/internal/present"
)

// Outline is a document for people, in the order it is read: a title and
// the lines under it, the lead (the verdict, first and plain), the
// sections, and the closing words.
type Outline struct {
	Lang string
	// Title heads the document: "B22 licence check — Acme Meet (Acme Ltd)".
	Title string
	// Product is who the document is about, "Acme Meet (Acme Ltd)", for
	// a printer that shows it apart from the title; "" when the answers
	// name no product or company.
	Product string
	// Meta are the lines under the title: the rule set and the date, or
	// the two assessments compared.
	Meta []Line
	// Verdict is the verdict the lead announces, for a printer that
	// colours it.
	Verdict classify.Verdict
	// Lead is the verdict line, or what a comparison found.
	Lead     []Line
	Sections []Section
	// Foot closes the document: the rule set's disclaimer, or what a
	// comparison compares.
	Foot string

	// Summary is a result's verdict in the rule data's words ("" where
	// the data has none), which the lead wraps in its own, for a printer
	// that states it in a sentence of its own (the memo's first page).
	Summary string
	// Record is what a result rests on; zero in a comparison's outline.
	Record Record
}

// Record is what a result rests on, for a printer that keeps the record
// (a memo's closing table and its appendix of the rules as applied): the
// rule set and the dates, the hash of the answers, and every rule's
// outcome with the answers it read.
type Record struct {
	Questionnaire classify.QuestionnaireRef
	AnswersSHA256 string
	Trace         []classify.TraceStep
}

// Part names which part of a result, or of a comparison, a section sets
// out, for a printer that treats one part its own way (the interview
// numbers the questions it can open).
type Part string

// The parts of a result, in the order a result's outline gives them.
const (
	PartExclusions    Part = "exclusions"
	PartMissing       Part = "missing"
	PartSubcategories Part = "subcategories"
	PartIfOperated    Part = "if_operated"
	PartLicence       Part = "licence"
	PartRequirements  Part = "requirements"
	PartProcess       Part = "process"
	PartPivotal       Part = "pivotal"
	PartOpen          Part = "open"
	PartRoutes        Part = "routes"
	PartLevers        Part = "levers"
	PartRegimes       Part = "regimes"
	PartNotes         Part = "notes"
	PartSources       Part = "sources"
	// PartLaw is a comparison's: the law behind a conclusion that holds
	// on both sides.
	PartLaw Part = "law"
)

// Section is one part of the document under its heading ("" for none: the
// exclusions follow the verdict directly).
type Section struct {
	Part    Part
	Heading string
	Items   []Item
	// Licence is the licence section's licence, typed, for a printer
	// that sets it out in rows of its own (the memo).
	Licence *Licence
}

// Licence is the licence a result needs.
type Licence struct {
	// Title, Authority and Capital (the least registered capital, an
	// amount in words) are "" where the result leaves them open: the
	// scope turns on a question not answered.
	Title, Authority, Capital string
	ValidityYears             float64
	// Existing is whether a licence the company holds covers the service.
	Existing  classify.Coverage
	Citations []classify.CitationRef
}

// Kind is how an item stands on the page.
type Kind int

const (
	// Bullet is an item of a list.
	Bullet Kind = iota
	// Plain is a paragraph of its own, without a bullet.
	Plain
	// Status is a licence condition: its mark and status, then its name,
	// on one line.
	Status
	// Dash is an element listed under an item.
	Dash
)

// Tone is what a piece of text is, for a printer that styles it.
type Tone int

const (
	// Normal is text as it is read.
	Normal Tone = iota
	// Strong is a name that heads what follows it.
	Strong
	// Quiet is what backs a statement: the answers and law it rests on,
	// a note.
	Quiet
	// Leads is what each answer to an open question would lead to.
	Leads
	// Effects is what a change of an answer would do.
	Effects
	// Verdict is the verdict line, coloured by the outline's verdict.
	Verdict
)

// Item is one entry of a section. Under its text come its own items (the
// elements of a sub-category no answer meets), then its lines, then its
// links.
type Item struct {
	Kind Kind
	Tone Tone
	Text string
	// Label and Status are a Status item's mark and status in words
	// ("✓ met") and the status they say.
	Label  string
	Status classify.Status
	// Key is the answer key of the question the item is about, which the
	// interview opens from it: an open question, or the first answer a
	// lever changes. "" for any other item.
	Key   string
	Items []Item
	Lines []Line
	Links []Link

	// ID is the rule data's id of what the item sets out (a sub-category,
	// a licence condition, a route, a regime, a source), and Name its name
	// alone where Text says more: for a printer that arranges the parts
	// its own way and points from one to another (the memo). The fields
	// below them are what such a printer needs of one part, typed, where
	// Text and Lines have it in words already joined.
	ID, Name string
	// Finding is how the product falls in a sub-category, and why.
	Finding *Finding
	// Pivotal is why a pivotal question matters and what each answer to
	// it leads to.
	Pivotal *Pivotal
	// Affects are the parts of the result an open question leaves open,
	// in the result's order.
	Affects []Affected
	// Route is a route to compliance and what it was confirmed to achieve.
	Route *Route
	// Lever is what changing given answers would change.
	Lever *Lever
	// Regime is a neighbouring regime, as a table sets it out.
	Regime *Regime
	// Official is whether a source's copies include its official text,
	// opened: a source without is read only in reprints or commentary.
	Official bool
}

// Regime is a neighbouring regime as a table sets it out: whether it
// applies, the regime's name heading its row (the data's name, or where
// the data has none the opening of the text that names it; "" where the
// text opens otherwise), the text under it, and what it rests on.
type Regime struct {
	Status        classify.RegimeStatus
	Heading, Body string
	Ref           Line
}

// Lever is a change of given answers that would change the outcome: in
// words (what changes, who decides it, what it does), then what it does
// typed, for a printer that groups levers by what they achieve.
type Lever struct {
	present.LeverWords
	// Verdict is the verdict after the change; Met the ids of the licence
	// conditions it turns met, Removed of the sub-categories it takes the
	// product out of.
	Verdict      classify.Verdict
	Met, Removed []string
	// Relabel marks a change of what the product is said to be for,
	// which changes nothing in fact (an outline has such levers only
	// when asked, Options.Relabellings). Withdrawal marks a change that
	// rules the licence out by a gate no route to compliance stands for:
	// leaving the market or the users it serves is not an option for
	// the product.
	Relabel, Withdrawal bool
}

// Route is a route to compliance: in the rule data's words, what it
// costs, and, for a route that changes answers, what the engine confirmed
// it achieves with them changed.
type Route struct {
	Text, Caveats string
	// Checked is whether the route changes answers, so that what follows
	// was confirmed: the verdict then, the licence of the scope then (""
	// where there is none or it is open) and who issues it ("" where the
	// result does not say), and the ids of the licence conditions it
	// turns met.
	Checked            bool
	Verdict            classify.Verdict
	Licence, Authority string
	Met                []string
	// Ref is the route's reference line: its citations and confidence.
	Ref Line
}

// Pivotal is why a question the verdict turns on matters (in the rule
// data's words, "" where it gives none) and what each answer leads to.
type Pivotal struct {
	Why   string
	Leads []Lead
}

// Lead is one answer to a pivotal question, in words, and the verdict it
// leads to, the other open questions staying open.
type Lead struct {
	Answer  string
	Verdict classify.Verdict
}

// Affected is a part of a result that an open question leaves open.
type Affected struct {
	What Affects
	// ID is the licence condition's or the regime's id; for another part,
	// the result's name of it.
	ID string
}

// Affects is what kind of part of a result an open question leaves open.
type Affects int

const (
	// AffectsOther is a part the outline has no name for.
	AffectsOther Affects = iota
	// AffectsScope is the licence's scope, AffectsAuthority who issues
	// it, AffectsCoverage whether a licence the company holds covers the
	// service.
	AffectsScope
	AffectsAuthority
	AffectsCoverage
	// AffectsCondition is a licence condition, AffectsRegime a
	// neighbouring regime.
	AffectsCondition
	AffectsRegime
)

// Finding is how firmly the product falls in a sub-category and why.
type Finding struct {
	Strength classify.Strength
	// Settled is false when the strength turns on unanswered questions,
	// those of the answer keys in DependsOn.
	Settled   bool
	DependsOn []string
	Reasons   []Reason
}

// Reason is one rule that puts the product in a sub-category: its text in
// the rule data's words, whether it holds only if the open questions are
// answered so (its line in the item then opens with "if"), and the line
// of what it rests on.
type Reason struct {
	Text string
	If   bool
	Ref  Line
}

// Line is a paragraph under an item or the title.
type Line struct {
	Text string
	Tone Tone
	// Label starts a line that hangs under it ("from: ").
	Label string
	// Answers and Citations are what a reference line names: the answer
	// keys a finding read and the law it cites, for a printer that words
	// or numbers them its own way (a memo's notes).
	Answers   []string
	Citations []classify.CitationRef
	// Confidence and Footing are how sure the rule data is of what the
	// line backs, and on what it rests ("medium-high", "statute"), in
	// words; "" where the line does not say.
	Confidence, Footing string
	// FootingID is the rule data's id of the footing ("statute"), for a
	// printer that sorts conclusions by what they rest on.
	FootingID string
}

// Link is one copy of a source.
type Link struct {
	// Label says what kind of copy it is ("official text: "); "" where
	// the source gives a single address.
	Label string
	URL   string
}
