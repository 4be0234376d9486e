package storage

import (
	"strings"
	"testing"
)

func TestStorageTable(t *testing.T) {
	var tab Table[int]
	if _, ok := tab.Get(Slice([]string{"a"})); ok {
		t.Fatal("empty table found a key")
	}
	lists := make([][]string, 1000)
	for i := range lists {
		lists[i] = []string{strings.Repeat("x", i%7)}
		tab.Put(Slice(lists[i]), i)
	}
	tab.Put(Slice(lists[3]), -3) // a second put replaces
	for i, l := range lists {
		want := i
		if i == 3 {
			want = -3
		}
		if v, ok := tab.Get(Slice(l)); !ok || v != want {
			t.Fatalf("list %d: got %d, %v; want %d", i, v, ok, want)
		}
		// Same contents, other storage: not the same key.
		if _, ok := tab.Get(Slice(append([]string(nil), l...))); ok {
			t.Fatalf("list %d found by a copy", i)
		}
		if _, ok := tab.Get(Slice(l[:0])); ok {
			t.Fatalf("list %d found with another length", i)
		}
	}
	if tab.n != len(lists) || 2*tab.n > len(tab.keys) {
		t.Fatalf("%d entries in %d slots", tab.n, len(tab.keys))
	}
}
