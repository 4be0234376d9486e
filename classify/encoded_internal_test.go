package classify

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"b22/internal/gen"
)

func TestStorageTable(t *testing.T) {
	var tab storageTable[int]
	if _, ok := tab.get(listKey([]string{"a"})); ok {
		t.Fatal("empty table found a key")
	}
	lists := make([][]string, 1000)
	for i := range lists {
		lists[i] = []string{strings.Repeat("x", i%7)}
		tab.put(listKey(lists[i]), i)
	}
	tab.put(listKey(lists[3]), -3) // a second put replaces
	for i, l := range lists {
		want := i
		if i == 3 {
			want = -3
		}
		if v, ok := tab.get(listKey(l)); !ok || v != want {
			t.Fatalf("list %d: got %d, %v; want %d", i, v, ok, want)
		}
		// Same contents, other storage: not the same key.
		if _, ok := tab.get(listKey(append([]string(nil), l...))); ok {
			t.Fatalf("list %d found by a copy", i)
		}
		if _, ok := tab.get(listKey(l[:0])); ok {
			t.Fatalf("list %d found with another length", i)
		}
	}
	if tab.n != len(lists) || 2*tab.n > len(tab.keys) {
		t.Fatalf("%d entries in %d slots", tab.n, len(tab.keys))
	}
}

// cited gives the same sources with the bits prepared at load as by
// looking each id up, the way a rule set of more than 64 sources works.
func TestCitedWithoutSourceBits(t *testing.T) {
	rs := loadEmbedded(t)
	slow := loadEmbedded(t)
	for i := range slow.enc.lists.vals {
		slow.enc.lists.vals[i].hasSources = false
	}
	asOf, _ := ParseDate("2026-11-01")
	for i, line := range bytes.Split(bytes.TrimSpace(gen.Lines(3, 300)), []byte("\n")) {
		doc, err := rs.ParseLine("-", i+1, line)
		if err != nil {
			t.Fatal(err)
		}
		a, _ := rs.Evaluate(doc, asOf)
		b, _ := slow.Evaluate(doc, asOf)
		if !reflect.DeepEqual(a.Sources, b.Sources) {
			t.Fatalf("line %d: sources differ:\n%v\n%v", i+1, a.Sources, b.Sources)
		}
	}
}
