// Package share hands the result encoder the values results copy from a
// rule set, without a method on the rule set that every other caller
// would see. The core says how to reach them (Provide) as its package
// initialises; resultjson imports the core, so it runs after that and
// asks (Of). The values are generic in the core's types only because this
// package sits below the core and cannot name them.
package share

// Values lists what results copy from a rule set rather than build: an
// encoder prepares each once and finds it again by its storage (package
// storage). Every value a result takes from the rule set is here, sharing
// its storage; a value built for one result (an authority naming the
// province) is not, and is encoded in full.
type Values[Text, Citation, Trace, Source any] struct {
	// Texts are the texts a result can copy: verdict summaries, questions,
	// names, rule texts on every date, filled variants.
	Texts []Text
	// Lists are the lists of ids a result can copy: the keys each rule's
	// condition reads, and each basis on every date.
	Lists [][]string
	// Citations are the lists of citations a result can copy.
	Citations [][]Citation
	// Traces are the trace entries a result can hold, but for the outcome.
	Traces []Trace
	// Sources are the sources as results list them, in sources.yaml order.
	Sources []Source
}

// provider is the core's func(*RuleSet) *Values[…], set once by Provide.
var provider any

// Provide records how to reach a rule set's values. The core calls it
// once, to initialise a package variable, so it returns a value to assign.
func Provide[RuleSet, V any](of func(*RuleSet) *V) struct{} {
	provider = of
	return struct{}{}
}

// Of returns the values rs shares with its results. They are the rule
// set's own: read them, never modify them.
func Of[RuleSet, V any](rs *RuleSet) *V {
	return provider.(func(*RuleSet) *V)(rs)
}
