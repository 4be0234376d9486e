// Package storage keys values by where they are stored, not by what they
// say. A result copies its texts, id lists and citations from the rule set,
// so nearly every value in it shares its storage with one the rule set
// holds: the same address and length are the same value, because a
// string's bytes never change and the rule set's lists are never modified
// after load. Hashing two addresses costs next to nothing where hashing a
// paragraph of Chinese does not; a value built afresh misses, and its
// user computes it in full.
package storage

import (
	"math/bits"
	"unsafe"
)

// Key names a value by the storage of up to two strings or slices.
type Key struct {
	p, q unsafe.Pointer
	n, m int
}

// Strings is the key of a pair of strings (a text's Chinese and English).
func Strings(a, b string) Key {
	return Key{unsafe.Pointer(unsafe.StringData(a)), unsafe.Pointer(unsafe.StringData(b)), len(a), len(b)}
}

// Slice is the key of a slice's storage and length.
func Slice[T any](s []T) Key {
	return Key{p: unsafe.Pointer(unsafe.SliceData(s)), n: len(s)}
}

// StringAndSlice is the key of a string and a slice together (a rule id
// and the keys its condition reads).
func StringAndSlice[T any](s string, l []T) Key {
	return Key{unsafe.Pointer(unsafe.StringData(s)), unsafe.Pointer(unsafe.SliceData(l)), len(s), len(l)}
}

// Table is a hash table keyed by storage, filled once and only read
// after: open addressing over a power of two slots, at most half full. It
// holds the keys' pointers, so the storage they name stays allocated and
// cannot come to hold another value.
type Table[V any] struct {
	keys  []Key
	vals  []V
	used  []bool
	shift uint // 64 - log2(len(keys))
	n     int
}

func (t *Table[V]) slot(k Key) int {
	h := uint64(uintptr(k.p)) ^ uint64(uintptr(k.q))*0xff51afd7ed558ccd ^ uint64(k.n)<<32 ^ uint64(k.m)
	return int((h * 0x9e3779b97f4a7c15) >> t.shift)
}

// Len is the number of keys stored.
func (t *Table[V]) Len() int { return t.n }

// Get returns the value stored for k.
func (t *Table[V]) Get(k Key) (v V, ok bool) {
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

// Has reports whether k is stored.
func (t *Table[V]) Has(k Key) bool {
	_, ok := t.Get(k)
	return ok
}

// Put stores v for k, in place of any value k had.
func (t *Table[V]) Put(k Key, v V) {
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

// Update changes every stored value in place, for tests that take a
// shortcut away.
func (t *Table[V]) Update(f func(*V)) {
	for i, u := range t.used {
		if u {
			f(&t.vals[i])
		}
	}
}

func (t *Table[V]) grow() {
	size := max(16, 2*len(t.keys))
	old := *t
	*t = Table[V]{keys: make([]Key, size), vals: make([]V, size), used: make([]bool, size),
		shift: uint(64 - bits.TrailingZeros(uint(size)))}
	for i, u := range old.used {
		if u {
			t.Put(old.keys[i], old.vals[i])
		}
	}
}
