package classify

// Tri is a three-valued truth value: false, unknown or true, ordered so that
// Kleene's "and" is the minimum and "or" the maximum.
type Tri int8

const (
	False   Tri = 0
	Unknown Tri = 1
	True    Tri = 2
)

func (t Tri) String() string {
	switch t {
	case False:
		return "false"
	case True:
		return "true"
	default:
		return "unknown"
	}
}

// MarshalText lets a Tri appear in JSON as "true", "false" or "unknown".
func (t Tri) MarshalText() ([]byte, error) { return []byte(t.String()), nil }

func (t Tri) not() Tri { return True - t }

func triOf(b bool) Tri {
	if b {
		return True
	}
	return False
}
