package classify

// condOp is an operator of the condition vocabulary (see rules.yaml).
type condOp uint8

const (
	opAll condOp = iota
	opAny
	opNot
	opEquals     // bool, enum or number equals a value
	opIn         // enum is one of a set (Mask)
	opAtLeast    // number >= Num or parameter
	opAtMost     // number <= Num or parameter
	opIncludes   // multi includes any of Mask
	opOnly       // multi is non-empty and within Mask
	opAnswered   // the key was answered (never in verdict rules)
	opParamUnset // the parameter has no value on the date
)

var opNames = map[string]condOp{
	"equals": opEquals, "in": opIn, "at_least": opAtLeast, "at_most": opAtMost,
	"includes": opIncludes, "includes_any": opIncludes, "only": opOnly, "answered": opAnswered,
}

// Cond is a compiled condition over answers. Leaves name a question by index
// and carry their operand resolved at load time, so evaluation does no lookups.
type Cond struct {
	op    condOp
	key   int     // question index for leaves
	param int     // parameter index for an operand, or -1
	num   float64 // number operand
	mask  uint64  // enum or multi choices
	flag  bool    // bool operand
	kids  []*Cond
	at    pos
	// read names the answer keys the condition reads (set at load for the
	// conditions of rules; shared by every result's trace, never modified).
	read []string
	// flat is true for a condition of leaves joined only by "all" and "not":
	// when it holds, every key it reads decided it. Set at load.
	flat bool
	// part names the part of a result the rule decides, for open questions
	// ("licence.scope", "requirements.staff"); set at load.
	part string
}

// eval evaluates c in three values. params are the parameter values on the
// as-of date, indexed like RuleSet.Parameters.
func (c *Cond) eval(a Answers, params []ParamValue) Tri {
	switch c.op {
	case opAll:
		r := True
		for _, k := range c.kids {
			if v := k.eval(a, params); v < r {
				if v == False {
					return False
				}
				r = v
			}
		}
		return r
	case opAny:
		r := False
		for _, k := range c.kids {
			if v := k.eval(a, params); v > r {
				if v == True {
					return True
				}
				r = v
			}
		}
		return r
	case opNot:
		return c.kids[0].eval(a, params).not()
	case opParamUnset:
		return triOf(!params[c.param].Set)
	case opAnswered:
		return triOf(a[c.key].Known == c.flag)
	}
	v := a[c.key]
	if !v.Known {
		return Unknown
	}
	switch c.op {
	case opEquals:
		return triOf(v.Bool == c.flag && v.Num == c.num && v.Set == c.mask)
	case opIn:
		return triOf(v.Set&c.mask != 0)
	case opIncludes:
		return triOf(v.Set&c.mask != 0)
	case opOnly:
		return triOf(v.Set != 0 && v.Set&^c.mask == 0)
	case opAtLeast, opAtMost:
		n := c.num
		if c.param >= 0 {
			p := params[c.param]
			if !p.Set { // no limit: every value is within it
				return triOf(c.op == opAtMost)
			}
			n = p.Value
		}
		if c.op == opAtLeast {
			return triOf(v.Num >= n)
		}
		return triOf(v.Num <= n)
	}
	return Unknown
}

// keys appends the question indexes c reads, each once, in first-read order.
// It takes one walk of c, whatever its size: past a few keys, a set stands
// in for the scan of dst.
func (c *Cond) keys(dst []int) []int {
	if c == nil {
		return dst
	}
	var seen map[int]bool
	c.leaves(func(l *Cond) {
		if l.op == opParamUnset {
			return
		}
		if seen == nil && len(dst) < 16 {
			dst = appendKey(dst, l.key)
			return
		}
		if seen == nil {
			seen = make(map[int]bool, 2*len(dst))
			for _, k := range dst {
				seen[k] = true
			}
		}
		if !seen[l.key] {
			seen[l.key] = true
			dst = append(dst, l.key)
		}
	})
	return dst
}

// leaves calls f for every leaf of c.
func (c *Cond) leaves(f func(*Cond)) {
	if c == nil {
		return
	}
	switch c.op {
	case opAll, opAny, opNot:
		for _, k := range c.kids {
			k.leaves(f)
		}
	default:
		f(c)
	}
}

// why appends the question indexes that decide c's outcome on a: for a true
// "any", the first true part; for a false "all", the first false part; for
// an unknown outcome, the unknown parts; otherwise every part.
func (c *Cond) why(a Answers, params []ParamValue, dst []int) []int {
	if c == nil {
		return dst
	}
	return c.whyOut(a, params, c.eval(a, params), dst)
}

// whyOut is why for c whose outcome on a is out: each part is evaluated
// once at each level above it, not once more for its own outcome.
func (c *Cond) whyOut(a Answers, params []ParamValue, out Tri, dst []int) []int {
	switch c.op {
	case opAll, opAny:
		decisive := False
		if c.op == opAny {
			decisive = True
		}
		for _, k := range c.kids {
			v := k.eval(a, params)
			switch {
			case out == decisive && v == decisive:
				return k.whyOut(a, params, v, dst)
			case out == Unknown && v == Unknown, out != Unknown && out != decisive:
				dst = k.whyOut(a, params, v, dst)
			}
		}
		return dst
	case opNot:
		return c.kids[0].whyOut(a, params, out.not(), dst)
	case opParamUnset:
		return dst
	}
	return appendKey(dst, c.key)
}

// appendKey appends k to keys unless it is there already.
func appendKey(keys []int, k int) []int {
	for _, x := range keys {
		if x == k {
			return keys
		}
	}
	return append(keys, k)
}

// isFlat reports whether c joins leaves only with "all" and "not".
func (c *Cond) isFlat() bool {
	switch c.op {
	case opAny:
		return false
	case opAll, opNot:
		for _, k := range c.kids {
			if !k.isFlat() {
				return false
			}
		}
	}
	return true
}
