package answers

// node is a parsed JSON or YAML value with its position, the common form the
// answers parser validates. Object fields keep their input order.
type node struct {
	kind   nodeKind
	at     pos
	str    string  // string, and the number's literal text
	num    float64 // number
	flag   bool    // bool
	fields []field // object
	items  []*node // array
}

type field struct {
	key string
	at  pos
	val *node
}

type nodeKind uint8

const (
	kindNull nodeKind = iota
	kindBool
	kindNumber
	kindString
	kindArray
	kindObject
	// kindBad is a value already reported as a problem (a number out of
	// range, a duplicate key's value); checks pass over it in silence.
	kindBad
)

var kindNames = []string{"null", "a boolean", "a number", "a string", "a list", "an object", "an invalid value"}

func (k nodeKind) String() string { return kindNames[k] }

// Limits on answers documents, documented in docs/contract.md.
const (
	// MaxDocumentBytes is the largest answers document accepted.
	MaxDocumentBytes = 1 << 20
	// maxDepth is the deepest nesting of lists and objects accepted; a valid
	// answers document needs three levels.
	maxDepth = 32
)
