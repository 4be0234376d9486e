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

// gateFailsBit marks a completion in which a gate rules the licence out.
const gateFailsBit = 1 << 30

// droppedBit marks a completion a constraint rules out (see constraint):
// it holds no verdict and no strengths, and every summary skips it.
const droppedBit = 1 << 31

// perPlane is how many sub-categories' strengths one word of a completion's
// code holds: two bits each between the verdict's bits and gateFailsBit. A
// rule set with more has a code of several words, one per plane of perPlane
// sub-categories; the first word, plane 0, also holds the verdict and the
// gate. Most rule sets (B22 has three sub-categories) need one plane, and
// then a code is a single word, cheap to make, store and compare.
const perPlane = (30 - 2) / 2

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

// codeOf is the code the outcomes of verdictConds give: in the returned
// word, bits 0-1 the verdict, bits 2i+2 and 2i+3 the strength of
// sub-category i from the product's features alone (0 none, 1 possible,
// 2 likely), and gateFailsBit; in more[p-1], which it overwrites, the
// strengths of plane p's sub-categories at the same bits. more has
// rs.morePlanes words. ok is false when one of the outcomes is unknown;
// the code is then meaningless.
func (rs *RuleSet) codeOf(outs []Tri, more []uint32) (code uint32, ok bool) {
	if rs.morePlanes > 0 {
		return rs.codeOfWide(outs, more)
	}
	return rs.codeOfOne(outs)
}

// codeOfOne is codeOf for a rule set of one plane. It runs for every
// block of completions weighed; kept apart from codeOfWide, which does the
// same for any number of planes, it holds all it needs in registers: about
// 7% fewer instructions for a verdict over every completion than one
// function for both, or than sharing strengthOf.
func (rs *RuleSet) codeOfOne(outs []Tri) (code uint32, ok bool) {
	i := 0
	for range rs.gates {
		switch outs[i] {
		case Unknown:
			return 0, false
		case True:
			code = gateFailsBit
		}
		i++
	}
	best := uint32(vUnlikely)
	for s := range rs.subcategories {
		st := uint32(0)
		for j := range rs.subcategories[s].Rules {
			switch outs[i] {
			case Unknown:
				return 0, false
			case True:
				if rs.subcategories[s].Rules[j].Strength == StrengthLikely {
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

// codeOfWide is codeOf for a rule set of more than one plane.
func (rs *RuleSet) codeOfWide(outs []Tri, more []uint32) (code uint32, ok bool) {
	i := 0
	for range rs.gates {
		switch outs[i] {
		case Unknown:
			return 0, false
		case True:
			code = gateFailsBit
		}
		i++
	}
	clear(more)
	best := uint32(vUnlikely)
	for s := range rs.subcategories {
		st, n, ok := strengthOf(rs.subcategories[s].Rules, outs[i:])
		if !ok {
			return 0, false
		}
		i += n
		if s < perPlane {
			code |= st << strengthShift(s)
		} else {
			more[s/perPlane-1] |= st << strengthShift(s)
		}
		best = max(best, st)
	}
	if code&gateFailsBit == 0 {
		code |= best
	}
	return code, true
}

// strengthOf is a sub-category's strength (0 none, 1 possible, 2 likely)
// from the outcomes of its n rules, the first n of outs; ok is false when
// one of them is unknown.
func strengthOf(rules []Rule, outs []Tri) (st uint32, n int, ok bool) {
	for j := range rules {
		switch outs[j] {
		case Unknown:
			return 0, 0, false
		case True:
			if rules[j].Strength == StrengthLikely {
				st = 2
			} else {
				st = max(st, 1)
			}
		}
	}
	return st, len(rules), true
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
	// wide holds the planes after the first, for a rule set of more than
	// perPlane sub-categories (nil otherwise), and more is where codeOf
	// writes their words for one completion.
	wide []plane
	more []uint32
	// given are the answers as given, when a constraint is on one of the
	// unanswered keys (nil otherwise); anyDropped is true when a
	// completion was ruled out.
	given      Answers
	anyDropped bool
	// subcategories is how many the rule set has, for summarizeDropped.
	subcategories int
}

// plane is one further word of every completion's code: codes and differs
// as in space.
type plane struct{ codes, differs []uint32 }

// settledSpace is the space of answers that settle every verdict rule:
// one completion, with nothing to summarize.
func settledSpace(code uint32, more []uint32) space {
	sp := space{codes: []uint32{code}}
	if len(more) > 0 {
		sp.wide = make([]plane, len(more))
		for p := range more {
			sp.wide[p].codes = more[p : p+1 : p+1]
		}
	}
	return sp
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
	// The codes and their summary, in one array; then, for each further
	// plane, its codes, its summary and its word of codeOf's output.
	nw := n + len(sp.keys)
	extra := rs.morePlanes
	words := make([]uint32, nw+classes+extra*(nw+1))
	sp.codes, sp.differs, sp.verdicts = words[:n:n], words[n:nw:nw], words[nw:nw+classes:nw+classes]
	if extra > 0 {
		rest := words[nw+classes:]
		sp.wide = make([]plane, extra)
		for p := range sp.wide {
			w := rest[p*nw : (p+1)*nw : (p+1)*nw]
			sp.wide[p] = plane{codes: w[:n:n], differs: w[n:]}
		}
		sp.more = rest[extra*nw:]
	}
	for i := range rs.constraints {
		if !a[rs.constraints[i].key].Known {
			sp.given = a
		}
	}
	sp.subcategories = len(rs.subcategories)
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
	code, ok := rs.codeOf(row, sp.more)
	// A block is one code only when the constraints treat all of it alike:
	// all ruled out, or none. A constraint left open when every key is
	// fixed (it reads a key the verdict does not) rules nothing out.
	drop := False
	if sp.given != nil {
		drop = rs.dropped(sp.given, scratch, params)
	}
	if drop == True {
		code, ok = droppedBit, true
		clear(sp.more)
		sp.anyDropped = true
	}
	if j < 0 || ok && drop != Unknown {
		size := 1
		if j >= 0 {
			size = sp.stride[j] * sp.radix[j]
		}
		for i := base; i < base+size; i++ {
			sp.codes[i] = code
		}
		for p := range sp.wide {
			w := sp.more[p]
			for i := base; i < base+size; i++ {
				sp.wide[p].codes[i] = w
			}
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
// at offsets 0..stride-1 of each block of stride*radix codes. Further
// planes hold no verdict: only their differs are taken.
func (sp *space) summarize() {
	if sp.anyDropped {
		sp.summarizeDropped()
		return
	}
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
		for p := range sp.wide {
			codes := sp.wide[p].codes
			differs = 0
			for block := 0; block < len(codes); block += s * r {
				for idx := block; idx < block+s; idx++ {
					for d := 1; d < r; d++ {
						differs |= codes[idx+d*s] ^ codes[idx]
					}
				}
			}
			sp.wide[p].differs[j] = differs
		}
	}
}

// summarizeDropped is summarize for a space some of whose completions a
// constraint ruled out. Only completions that remain are compared, and a
// key also matters to a field when the values the field takes differ
// between the key's classes: with completions gone, answering a key can
// settle a field although no two remaining completions that differ only
// in that key disagree on it (300 parties rule out peer-to-peer media, so
// the number of parties settles the verdict that the media path left open).
func (sp *space) summarizeDropped() {
	codeAt := func(p, idx int) uint32 {
		if p == 0 {
			return sp.codes[idx]
		}
		return sp.wide[p-1].codes[idx]
	}
	perClass := make([]uint64, 0, 8)
	// The fields a word holds: the verdict and the first plane's
	// strengths in the first, the strengths of one plane in the others.
	fields := func(p int) int {
		if p == 0 {
			return 1 + min(sp.subcategories, perPlane)
		}
		return 1 + min(sp.subcategories-p*perPlane, perPlane)
	}
	for j := range sp.keys {
		r, s := sp.radix[j], sp.stride[j]
		sets := sp.verdicts[sp.classAt[j] : sp.classAt[j]+r]
		for p := 0; p <= len(sp.wide); p++ {
			var differs uint32
			nf := fields(p)
			var lastCode uint32
			var lastValues uint64
			haveLast := false
			// The values each field takes over the class's completions.
			perClass = append(perClass[:0], make([]uint64, r)...)
			for block := 0; block < len(sp.codes); block += s * r {
				for idx := block; idx < block+s; idx++ {
					for d := 0; d < r; d++ {
						at := idx + d*s
						if sp.codes[at]&droppedBit != 0 {
							continue
						}
						c := codeAt(p, at)
						if p == 0 {
							sets[d] |= 1 << verdictField(c)
						}
						// Neighbouring completions mostly share a code.
						if c != lastCode || !haveLast {
							lastCode, lastValues, haveLast = c, fieldValues(c, nf), true
						}
						perClass[d] |= lastValues
						if d > 0 && sp.codes[idx]&droppedBit == 0 {
							differs |= c ^ codeAt(p, idx)
						}
					}
				}
			}
			// Classes whose completions are all ruled out take no part.
			ref := -1
			for d := 0; d < r; d++ {
				switch {
				case perClass[d] == 0:
				case ref < 0:
					ref = d
				default:
					differs |= fieldBitsDiffering(perClass[ref], perClass[d], nf)
				}
			}
			if p == 0 {
				sp.differs[j] = differs
			} else {
				sp.wide[p-1].differs[j] = differs
			}
		}
	}
}

// fieldValues is, for each of the first nf two-bit fields of a code word
// (the verdict or a strength), the value it holds as one bit of four:
// bits 4f to 4f+3 for field f.
func fieldValues(c uint32, nf int) uint64 {
	var v uint64
	for f := 0; f < nf; f++ {
		v |= 1 << (4*f + int((c>>(2*f))&3))
	}
	return v
}

// fieldBitsDiffering returns the code bits of the fields whose sets of
// values (fieldValues ORed over completions) differ between a and b.
func fieldBitsDiffering(a, b uint64, nf int) uint32 {
	var bits uint32
	for f := 0; f < nf; f++ {
		if (a>>(4*f))&15 != (b>>(4*f))&15 {
			bits |= 3 << (2 * f)
		}
	}
	return bits
}

// set is the set of values of field over all completions, as a bit mask.
func (sp space) set(field func(uint32) uint32) uint32 {
	var s uint32
	for _, c := range sp.codes {
		if c&droppedBit == 0 {
			s |= 1 << field(c)
		}
	}
	return s
}

// strengths is the set of strengths of sub-category i over all
// completions, as a bit mask.
func (sp *space) strengths(i int) uint32 {
	codes, shift := sp.codes, strengthShift(i)
	if p := i / perPlane; p > 0 {
		codes = sp.wide[p-1].codes
	}
	var s uint32
	for idx, c := range codes {
		if sp.codes[idx]&droppedBit == 0 {
			s |= 1 << ((c >> shift) & 3)
		}
	}
	return s
}

// matters reports whether changing only unknown key j changes the field
// of the given bits of the first plane in some completion.
func (sp space) matters(j int, bits uint32) bool { return sp.differs[j]&bits != 0 }

// strengthMatters reports whether changing only unknown key j changes the
// strength of sub-category i in some completion.
func (sp *space) strengthMatters(j, i int) bool {
	differs := sp.differs
	if p := i / perPlane; p > 0 {
		differs = sp.wide[p-1].differs
	}
	return differs[j]&(3<<strengthShift(i)) != 0
}

// verdictsWhere is the set of verdicts over the completions in which
// unknown key j is in class cls.
func (sp space) verdictsWhere(j, cls int) uint32 { return sp.verdicts[sp.classAt[j]+cls] }

func verdictField(c uint32) uint32 { return c & 3 }

// strengthShift is where sub-category i's strength sits in its plane's word.
func strengthShift(i int) uint32 { return uint32(2 + 2*(i%perPlane)) }

// strengthIn is sub-category i's strength in one completion's code: code
// its first word, more the others.
func strengthIn(i int, code uint32, more []uint32) uint32 {
	if p := i / perPlane; p > 0 {
		code = more[p-1]
	}
	return (code >> strengthShift(i)) & 3
}

// The bits of a code the verdict takes.
const verdictBits = 3

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
