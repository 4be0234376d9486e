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
	// MaxYAMLBytes is the largest answers document accepted in YAML: the YAML
	// reader builds a tree of some 800 bytes per value before any check, so
	// its input is held smaller than JSON's.
	MaxYAMLBytes = 64 << 10
	// maxDepth is the deepest nesting of lists and objects accepted; a valid
	// answers document needs three levels.
	maxDepth = 32
)

// maxValues bounds the values (objects, lists, strings, numbers...) of one
// document, so that what a document costs to check does not grow with the
// number of values it can pack into its bytes: a valid answers document has
// a few hundred.
const maxValues = 10000

// manyFields is the number of fields from which an object finds its keys
// through a map, so that checking for duplicates stays linear.
const manyFields = 16

// findField returns the place of the field named key, and whether there is
// one. *seen indexes fields once there are manyFields of them.
func findField(fields []field, seen *map[string]int, key string) (pos, bool) {
	if *seen == nil && len(fields) >= manyFields {
		*seen = make(map[string]int, 2*len(fields))
		for i, f := range fields {
			(*seen)[f.key] = i
		}
	}
	if *seen != nil {
		i, ok := (*seen)[key]
		if !ok {
			return pos{}, false
		}
		return fields[i].at, true
	}
	for _, f := range fields {
		if f.key == key {
			return f.at, true
		}
	}
	return pos{}, false
}

// addField appends f to fields, and to seen when there is one.
func addField(fields []field, seen map[string]int, f field) []field {
	if seen != nil {
		seen[f.key] = len(fields)
	}
	return append(fields, f)
}
