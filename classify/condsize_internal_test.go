package classify

import (
	"slices"
	"testing"
)

// TestKeysOnWideConditions: keys lists each key once in first-read order,
// past the few it scans for and with a dst it was given.
func TestKeysOnWideConditions(t *testing.T) {
	c := &Cond{op: opAny}
	var want []int
	for i := range 3000 {
		k := (i * 7) % 40
		c.kids = append(c.kids, &Cond{op: opEquals, key: k, param: -1})
		if !slices.Contains(want, k) {
			want = append(want, k)
		}
		if i%5 == 0 {
			c.kids = append(c.kids, &Cond{op: opParamUnset, param: 0})
		}
	}
	if got := c.keys(nil); !slices.Equal(got, want) {
		t.Errorf("keys = %v, want %v", got, want)
	}
	dst := []int{100, 7, 101}
	wantDst := append([]int{100, 7, 101}, slices.DeleteFunc(slices.Clone(want), func(k int) bool { return k == 7 })...)
	if got := c.keys(dst); !slices.Equal(got, wantDst) {
		t.Errorf("keys(dst) = %v, want %v", got, wantDst)
	}
}

// TestNumberSignatureSplitsLikeEval: the fast signature of a number
// question puts two answers in one class exactly when every leaf, on every
// epoch, gives both the same outcome.
func TestNumberSignatureSplitsLikeEval(t *testing.T) {
	rs := loadEmbedded(t)
	k := rs.questionIndex["max_participants"]
	pi := rs.paramIndex["capital_provincial"]
	var leaves []*Cond
	for i := range 60 {
		leaves = append(leaves,
			&Cond{op: opAtLeast, key: k, param: -1, num: float64(i % 17)},
			&Cond{op: opAtMost, key: k, param: -1, num: float64(i%13) + 0.5},
			&Cond{op: opEquals, key: k, param: -1, num: float64(i % 11 * 3)})
	}
	leaves = append(leaves,
		&Cond{op: opAtLeast, key: k, param: pi},
		&Cond{op: opAtMost, key: k, param: pi},
		&Cond{op: opAnswered, key: k, param: -1, flag: true})
	fast := rs.numberSignature(leaves)
	scratch := make(Answers, len(rs.questions))
	slow := func(v Value) string {
		scratch[k] = v
		var b []byte
		for _, ep := range rs.epochs {
			for _, leaf := range leaves {
				b = append(b, byte('0'+leaf.eval(scratch, ep.params)))
			}
		}
		return string(b)
	}
	var vals []Value
	for x := -2.0; x <= 40; x += 0.25 {
		vals = append(vals, Value{Known: true, Num: x})
	}
	for _, ep := range rs.epochs {
		if p := ep.params[pi]; p.Set {
			for _, x := range []float64{p.Value - 1, p.Value, p.Value + 1} {
				vals = append(vals, Value{Known: true, Num: x})
			}
		}
	}
	for _, a := range vals {
		for _, b := range vals {
			if (fast(a) == fast(b)) != (slow(a) == slow(b)) {
				t.Fatalf("%v and %v: fast says same=%v, eval says same=%v", a.Num, b.Num, fast(a) == fast(b), slow(a) == slow(b))
			}
		}
	}
}
