package classify

// Verdicts as they are coded per completion; undetermined is never the
// verdict of a complete set of answers, only of a partial one.
const (
	vUnlikely = iota
	vPossible
	vLikely
	vUndetermined
)

var verdictNames = [...]Verdict{VerdictUnlikely, VerdictPossible, VerdictLikely, VerdictUndetermined}

// gateFailsBit marks a completion in which a gate rules B22 out.
const gateFailsBit = 1 << 30

// maxSubcategories is how many sub-categories' strengths fit between the
// verdict's bits and gateFailsBit in a completion's code; Load refuses more
// rather than let them overwrite each other.
const maxSubcategories = (30 - 2) / 2

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
	var buf [64]Tri
	outs := buf[:0]
	if n := len(rs.verdictConds); n > len(buf) {
		outs = make([]Tri, n)
	} else {
		outs = buf[:n]
	}
	rs.verdictOutcomes(a, params, nil, outs)
	return rs.codeOf(outs)
}

// verdictOutcomes evaluates the gate and sub-category rules (verdictConds)
// into outs. A rule settled in prev, the outcomes on fewer answers, keeps
// its outcome: answering more never changes a true or false rule.
func (rs *RuleSet) verdictOutcomes(a Answers, params []ParamValue, prev, outs []Tri) {
	for i, c := range rs.verdictConds {
		if prev != nil && prev[i] != Unknown {
			outs[i] = prev[i]
		} else {
			outs[i] = c.eval(a, params)
		}
	}
}

// codeOf is the code the outcomes of verdictConds give; ok is false when
// one of them is unknown.
func (rs *RuleSet) codeOf(outs []Tri) (code uint32, ok bool) {
	i := 0
	for range rs.Gates {
		switch outs[i] {
		case Unknown:
			return 0, false
		case True:
			code = gateFailsBit
		}
		i++
	}
	best := uint32(vUnlikely)
	for s := range rs.Subcategories {
		st := uint32(0)
		for j := range rs.Subcategories[s].Rules {
			switch outs[i] {
			case Unknown:
				return 0, false
			case True:
				if rs.Subcategories[s].Rules[j].Strength == StrengthLikely {
					st = 2
				} else {
					st = max(st, 1)
				}
			}
			i++
		}
		code |= st << (2 + 2*s)
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
	// differs[j] has the bits of the code that changing only unknown key j
	// changes in some completion; verdicts[classAt[j]+c] is the set of
	// verdicts over the completions in which key j is in class c. See
	// summarize.
	differs  []uint32
	verdicts []uint32
	classAt  []int
}

// enumerate computes the space of a's completions; given holds the verdict
// rules' outcomes on a itself.
func (rs *RuleSet) enumerate(a Answers, params []ParamValue, given []Tri) space {
	var sp space
	nk := len(rs.verdictOrder)
	ints := make([]int, 4*nk) // keys, radix, stride and classAt
	sp.keys, sp.radix, sp.stride, sp.classAt = ints[:0:nk], ints[nk:nk:2*nk], ints[2*nk:2*nk:3*nk], ints[3*nk:3*nk]
	n, classes := 1, 0
	// Keys that more rules read go last, so the recursion below, which
	// assigns the last key first, settles most rules early and prunes.
	for _, k := range rs.verdictOrder {
		if !a[k].Known {
			r := len(rs.domains[k].reps)
			sp.keys = append(sp.keys, k)
			sp.radix = append(sp.radix, r)
			sp.stride = append(sp.stride, n)
			sp.classAt = append(sp.classAt, classes)
			n *= r
			classes += r
		}
	}
	// The codes and their summary, in one array.
	words := make([]uint32, n+len(sp.keys)+classes)
	sp.codes, sp.differs, sp.verdicts = words[:n:n], words[n:n+len(sp.keys):n+len(sp.keys)], words[n+len(sp.keys):]
	scratch := append(Answers(nil), a...)
	// One row of rule outcomes for each depth of the recursion.
	rows := len(rs.verdictConds)
	outs := make([]Tri, rows*(len(sp.keys)+1))
	rs.fill(&sp, scratch, params, len(sp.keys)-1, 0, given, outs)
	sp.summarize()
	return sp
}

// fill computes the codes of the block of completions in which keys above j
// are fixed in scratch and keys 0..j vary: indexes base to base+stride[j+1].
// When three-valued evaluation already settles every verdict rule, one code
// stands for the whole block. prev holds the rule outcomes one level up;
// outs has a row for this level and each below.
func (rs *RuleSet) fill(sp *space, scratch Answers, params []ParamValue, j, base int, prev, outs []Tri) {
	row, below := outs[:len(rs.verdictConds)], outs[len(rs.verdictConds):]
	rs.verdictOutcomes(scratch, params, prev, row)
	if code, ok := rs.codeOf(row); j < 0 || ok {
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
		rs.fill(sp, scratch, params, j-1, base+d*sp.stride[j], row, below)
	}
	scratch[k] = Value{}
}

// summarize takes, for each unknown key j in one pass over the codes, the
// code bits that change with j alone (differs) and the verdicts under each
// of j's classes (verdicts). The completions with digit 0 for j are those
// at offsets 0..stride-1 of each block of stride*radix codes.
func (sp *space) summarize() {
	for j := range sp.keys {
		r, s := sp.radix[j], sp.stride[j]
		sets := sp.verdicts[sp.classAt[j] : sp.classAt[j]+r]
		var differs uint32
		for block := 0; block < len(sp.codes); block += s * r {
			for idx := block; idx < block+s; idx++ {
				c0 := sp.codes[idx]
				sets[0] |= 1 << verdictField(c0)
				for d := 1; d < r; d++ {
					c := sp.codes[idx+d*s]
					differs |= c ^ c0
					sets[d] |= 1 << verdictField(c)
				}
			}
		}
		sp.differs[j] = differs
	}
}

// set is the set of values of field over all completions, as a bit mask.
func (sp space) set(field func(uint32) uint32) uint32 {
	var s uint32
	for _, c := range sp.codes {
		s |= 1 << field(c)
	}
	return s
}

// matters reports whether changing only unknown key j changes the field
// of the given bits in some completion.
func (sp space) matters(j int, bits uint32) bool { return sp.differs[j]&bits != 0 }

// verdictsWhere is the set of verdicts over the completions in which
// unknown key j is in class cls.
func (sp space) verdictsWhere(j, cls int) uint32 { return sp.verdicts[sp.classAt[j]+cls] }

func verdictField(c uint32) uint32 { return c & 3 }

func strengthField(i int) func(uint32) uint32 {
	shift := 2 + 2*i
	return func(c uint32) uint32 { return (c >> shift) & 3 }
}

// The bits of a code each field takes.
const verdictBits = 3

func strengthBits(i int) uint32 { return 3 << (2 + 2*i) }

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
