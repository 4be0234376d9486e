package classify

// The words a result uses for its conclusions. Each is a string type so
// that a result encodes exactly as the contract spells it, and a distinct
// type so that a verdict cannot be compared with, or stored as, a status.

// Verdict is whether a licence is likely needed, over every way the
// unanswered questions could be answered.
type Verdict string

const (
	VerdictLikely       Verdict = "likely"
	VerdictPossible     Verdict = "possible"
	VerdictUnlikely     Verdict = "unlikely"
	VerdictUndetermined Verdict = "undetermined"
)

// Verdicts lists every verdict, strongest first.
var Verdicts = []Verdict{VerdictLikely, VerdictPossible, VerdictUnlikely, VerdictUndetermined}

// Strength is how firmly the product falls in a sub-category.
type Strength string

const (
	StrengthLikely   Strength = "likely"
	StrengthPossible Strength = "possible"
)

// Strengths lists every strength, strongest first.
var Strengths = []Strength{StrengthLikely, StrengthPossible}

// Status is whether the company meets a licence condition.
type Status string

const (
	StatusMet     Status = "met"
	StatusUnmet   Status = "unmet"
	StatusUnknown Status = "unknown"
)

// Statuses lists every status.
var Statuses = []Status{StatusMet, StatusUnmet, StatusUnknown}

// RegimeStatus is whether a neighbouring regime is triggered.
type RegimeStatus string

const (
	RegimeTriggered RegimeStatus = "triggered"
	RegimeUnknown   RegimeStatus = "unknown"
	// RegimeCustomer: the regime applies to whoever operates the service
	// (the company's customers, or the provider it sends users to), not to
	// the company.
	RegimeCustomer RegimeStatus = "customer"
)

// Coverage is whether a licence the company holds covers the service.
type Coverage string

const (
	CoverageCovers       Coverage = "covers"
	CoverageDoesNotCover Coverage = "does_not_cover"
	CoverageUnknown      Coverage = "unknown"
)

// Confidences lists how sure a rule's reading of the law is, most sure
// first; Footings what a rule stands on. Rules and results use these words.
var (
	Confidences = []string{"high", "medium-high", "medium", "low-medium", "low"}
	Footings    = []string{"statute", "practice", "reasoning"}
)

// LeverKind says who decides an answer, and so what kind of change a
// lever is.
type LeverKind string

const (
	LeverProduct LeverKind = "product" // features, delivery, audience, markets
	LeverCompany LeverKind = "company" // capital, staff, form: the company can change it
	LeverFact    LeverKind = "fact"    // nobody chooses it: where the company is, its record
	// LeverLabel: a description of what the product is for; changing the
	// label alone changes nothing in fact (B22.md section 7: relabelling
	// is never a route). Levers of this kind are for scripts, not people.
	LeverLabel LeverKind = "label"
)

var leverKindIDs = []string{string(LeverProduct), string(LeverCompany), string(LeverFact), string(LeverLabel)}
