package classify

import (
	"math/bits"
	"unsafe"
)

// A result copies its texts, basis lists and sources from the rule set, so
// nearly every value in it shares its storage with a value the rule set
// already holds encoded. The encoder and cited find those by where they are
// stored, not by what they say: a string's bytes never change, so the same
// address and length are the same text, and hashing two addresses costs
// next to nothing where hashing a paragraph of Chinese does not. A value
// built afresh (an authority naming the province) misses and is encoded in
// full, with the same bytes. The rule set's lists are never modified after
// load, and a Result is read-only.

// encoded is what the rule set prepares once for every result.
type encoded struct {
	// texts holds every text a result can copy, encoded as {"zh":…,"en":…}.
	texts storageTable[[]byte]
	// lists holds the rule set's lists of ids (basis lists, the keys each
	// condition reads) encoded as JSON arrays, with the sources a basis
	// list cites.
	lists storageTable[encodedList]
	// citations holds the rule set's lists of citations, encoded.
	citations storageTable[[]byte]
	// sources holds each source as results list it, in sources.yaml order,
	// and its encoding.
	sources    []SourceRef
	sourceJSON [][]byte
}

type encodedList struct {
	json []byte
	// sources has a bit per source the list cites, when it is a basis list
	// and the rule set has at most 64 sources.
	sources    uint64
	hasSources bool
}

// storageKey names a value by the storage of up to two strings or slices.
type storageKey struct {
	p, q unsafe.Pointer
	n, m int
}

func textKey(t Text) storageKey {
	return storageKey{unsafe.Pointer(unsafe.StringData(t.Zh)), unsafe.Pointer(unsafe.StringData(t.En)), len(t.Zh), len(t.En)}
}

func citationsKey(cs []CitationRef) storageKey {
	return storageKey{p: unsafe.Pointer(unsafe.SliceData(cs)), n: len(cs)}
}

func listKey(ids []string) storageKey {
	return storageKey{p: unsafe.Pointer(unsafe.SliceData(ids)), n: len(ids)}
}

// storageTable is a hash table keyed by storage, filled at load and only
// read after: open addressing over a power of two slots, at most half full.
// It holds the keys' pointers, so the storage they name stays allocated
// and cannot come to hold another value.
type storageTable[V any] struct {
	keys  []storageKey
	vals  []V
	used  []bool
	shift uint // 64 - log2(len(keys))
	n     int
}

func (t *storageTable[V]) slot(k storageKey) int {
	h := uint64(uintptr(k.p)) ^ uint64(uintptr(k.q))*0xff51afd7ed558ccd ^ uint64(k.n)<<32 ^ uint64(k.m)
	return int((h * 0x9e3779b97f4a7c15) >> t.shift)
}

// get returns the value stored for k.
func (t *storageTable[V]) get(k storageKey) (v V, ok bool) {
	if t.n == 0 {
		return v, false
	}
	mask := len(t.keys) - 1
	for i := t.slot(k); t.used[i]; i = (i + 1) & mask {
		if t.keys[i] == k {
			return t.vals[i], true
		}
	}
	return v, false
}

// put stores v for k, in place of any value k had.
func (t *storageTable[V]) put(k storageKey, v V) {
	if 2*(t.n+1) > len(t.keys) {
		t.grow()
	}
	mask := len(t.keys) - 1
	i := t.slot(k)
	for t.used[i] && t.keys[i] != k {
		i = (i + 1) & mask
	}
	if !t.used[i] {
		t.n++
	}
	t.keys[i], t.vals[i], t.used[i] = k, v, true
}

func (t *storageTable[V]) grow() {
	size := max(16, 2*len(t.keys))
	old := *t
	*t = storageTable[V]{keys: make([]storageKey, size), vals: make([]V, size), used: make([]bool, size),
		shift: uint(64 - bits.TrailingZeros(uint(size)))}
	for i, u := range old.used {
		if u {
			t.put(old.keys[i], old.vals[i])
		}
	}
}

// addText encodes t unless it is there already.
func (x *encoded) addText(t Text) {
	if _, ok := x.texts.get(textKey(t)); !ok {
		x.texts.put(textKey(t), appendText(nil, t))
	}
}

// addList encodes a list of ids the rule set holds. A nil list is written
// as null, never looked up, so it is not kept.
func (x *encoded) addList(ids []string) {
	if ids != nil {
		e := jsonWriter{}
		e.strs(ids)
		x.lists.put(listKey(ids), encodedList{json: e.b})
	}
}

// addBasis encodes a basis list and records the sources it cites; index
// maps source ids to their place in sources.yaml.
func (x *encoded) addBasis(ids []string, index map[string]int) {
	if ids == nil {
		return
	}
	l := encodedList{hasSources: len(index) <= 64}
	e := jsonWriter{}
	e.strs(ids)
	l.json = e.b
	if l.hasSources {
		for _, id := range ids {
			l.sources |= 1 << index[id]
		}
	}
	x.lists.put(listKey(ids), l)
}

// addCitations encodes a list of citations the rule set holds.
func (x *encoded) addCitations(cs []CitationRef) {
	if cs != nil {
		x.citations.put(citationsKey(cs), appendCitations(nil, cs))
	}
}
