package classify

// Verdicts as they are coded per completion; undetermined is never the
// verdict of a complete set of answers, only of a partial one.
const (
	vUnlikely = iota
	vPossible
	vLikely
	vUndetermined
)

var verdictNames = [...]string{"unlikely", "possible", "likely", "undetermined"}

// gateFailsBit marks a completion in which a gate rules B22 out.
const gateFailsBit = 1 << 30

// code evaluates complete answers: bits 0-1 the verdict, bits 2i+2 and 2i+3
// the strength of sub-category i from the product's features alone (0 none,
// 1 possible, 2 likely), and gateFailsBit.
func (rs *RuleSet) code(a Answers, params []ParamValue) uint32 {
	code, _ := rs.settledCode(a, params)
	return code
}

// settledCode is code for answers that may be partial: ok is false when
// some gate or sub-category rule is still unknown on them, and the code is
// then meaningless. Each rule is evaluated once.
func (rs *RuleSet) settledCode(a Answers, params []ParamValue) (code uint32, ok bool) {
	for i := range rs.Gates {
		switch rs.Gates[i].When.eval(a, params) {
		case Unknown:
			return 0, false
		case True:
			code = gateFailsBit
		}
	}
	best := uint32(vUnlikely)
	for i := range rs.Subcategories {
		st := uint32(0)
		for j := range rs.Subcategories[i].Rules {
			r := &rs.Subcategories[i].Rules[j]
			switch r.When.eval(a, params) {
			case Unknown:
				return 0, false
			case True:
				if r.Strength == "likely" {
					st = 2
				} else {
					st = max(st, 1)
				}
			}
		}
		code |= st << (2 + 2*i)
		best = max(best, st)
	}
	if code&gateFailsBit == 0 {
		code |= best
	}
	return code, true
}

// space is the verdict's outcome over every completion of the unanswered
// verdict keys: codes[idx] for the completion whose digit for unknown key j
// is (idx / stride[j]) % radix[j].
type space struct {
	keys   []int // question indexes of the unanswered verdict keys
	radix  []int
	stride []int
	codes  []uint32
}

func (rs *RuleSet) enumerate(a Answers, params []ParamValue) space {
	var sp space
	ints := make([]int, 0, 3*len(rs.verdictOrder)) // keys, radix and stride
	sp.keys, sp.radix, sp.stride = ints[0:0:len(rs.verdictOrder)], ints[len(rs.verdictOrder):len(rs.verdictOrder)], ints[2*len(rs.verdictOrder):2*len(rs.verdictOrder)]
	n := 1
	// Keys that more rules read go last, so the recursion below, which
	// assigns the last key first, settles most rules early and prunes.
	for _, k := range rs.verdictOrder {
		if !a[k].Known {
			r := len(rs.domains[k].reps)
			sp.keys = append(sp.keys, k)
			sp.radix = append(sp.radix, r)
			sp.stride = append(sp.stride, n)
			n *= r
		}
	}
	sp.codes = make([]uint32, n)
	scratch := append(Answers(nil), a...)
	rs.fill(&sp, scratch, params, len(sp.keys)-1, 0)
	return sp
}

// fill computes the codes of the block of completions in which keys above j
// are fixed in scratch and keys 0..j vary: indexes base to base+stride[j+1].
// When three-valued evaluation already settles every verdict rule, one code
// stands for the whole block.
func (rs *RuleSet) fill(sp *space, scratch Answers, params []ParamValue, j, base int) {
	if code, ok := rs.settledCode(scratch, params); j < 0 || ok {
		size := 1
		if j >= 0 {
			size = sp.stride[j] * sp.radix[j]
		}
		for i := base; i < base+size; i++ {
			sp.codes[i] = code
		}
		return
	}
	k := sp.keys[j]
	for d, v := range rs.domains[k].reps {
		scratch[k] = v
		rs.fill(sp, scratch, params, j-1, base+d*sp.stride[j])
	}
	scratch[k] = Value{}
}

// set is the set of values of field over all completions, as a bit mask.
func (sp space) set(field func(uint32) uint32) uint32 {
	var s uint32
	for _, c := range sp.codes {
		s |= 1 << field(c)
	}
	return s
}

// matters reports whether changing only unknown key j changes field in some
// completion.
func (sp space) matters(j int, field func(uint32) uint32) bool {
	r, s := sp.radix[j], sp.stride[j]
	for idx, c := range sp.codes {
		if (idx/s)%r != 0 {
			continue
		}
		f := field(c)
		for d := 1; d < r; d++ {
			if field(sp.codes[idx+d*s]) != f {
				return true
			}
		}
	}
	return false
}

// setWhere is the set of values of field over the completions in which
// unknown key j is in class cls.
func (sp space) setWhere(j, cls int, field func(uint32) uint32) uint32 {
	var s uint32
	r, st := sp.radix[j], sp.stride[j]
	for idx, c := range sp.codes {
		if (idx/st)%r == cls {
			s |= 1 << field(c)
		}
	}
	return s
}

func verdictField(c uint32) uint32 { return c & 3 }

func strengthField(i int) func(uint32) uint32 {
	shift := 2 + 2*i
	return func(c uint32) uint32 { return (c >> shift) & 3 }
}

func gateField(c uint32) uint32 {
	if c&gateFailsBit != 0 {
		return 1
	}
	return 0
}

// only returns the single value of a one-bit set, or -1 for several.
func only(set uint32) int {
	if set != 0 && set&(set-1) == 0 {
		for v := 0; v < 32; v++ {
			if set == 1<<v {
				return v
			}
		}
	}
	return -1
}
