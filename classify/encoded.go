package classify

import "unsafe"

// A result copies its texts, basis lists and sources from the rule set, so
// nearly every value in it shares its storage with a value the rule set
// already holds encoded. The encoder and cited find those by where they are
// stored, not by what they say: a string's bytes never change, so the same
// address and length are the same text, and hashing two addresses costs
// next to nothing where hashing a paragraph of Chinese does not. A value
// built afresh (an authority naming the province) misses and is encoded in
// full, with the same bytes.

// encoded is what the rule set prepares once for every result.
type encoded struct {
	// texts holds every text a result can copy, encoded as {"zh":…,"en":…}.
	texts map[textID][]byte
	// sources holds each source as results list it, in sources.yaml order,
	// and its encoding.
	sources    []SourceRef
	sourceJSON [][]byte
	// basis maps each basis list of the rule set to the set of sources it
	// cites, one bit per source.
	basis map[listID]uint64
	// lists holds the rule set's lists of ids (basis lists, the keys each
	// condition reads) encoded as JSON arrays.
	lists map[listID][]byte
}

// textID identifies a text by the storage of its two strings.
type textID struct {
	zh, en *byte
	zl, el int
}

func textIDOf(t Text) textID {
	return textID{unsafe.StringData(t.Zh), unsafe.StringData(t.En), len(t.Zh), len(t.En)}
}

// listID identifies a list of ids by its storage. The rule set's lists are
// never modified after load.
type listID struct {
	p *string
	n int
}

func listIDOf(ids []string) listID { return listID{unsafe.SliceData(ids), len(ids)} }

// addText encodes t unless it is there already.
func (x *encoded) addText(t Text) {
	if id := textIDOf(t); x.texts[id] == nil {
		x.texts[id] = appendText(nil, t)
	}
}

// addList encodes a list of ids the rule set holds. A nil list is written
// as null, never looked up, so it is not kept.
func (x *encoded) addList(ids []string) {
	if ids != nil {
		e := jsonWriter{}
		e.strs(ids)
		x.lists[listIDOf(ids)] = e.b
	}
}

// addBasis records the sources a basis list cites; index maps source ids
// to their place in sources.yaml.
func (x *encoded) addBasis(ids []string, index map[string]int) {
	var mask uint64
	for _, id := range ids {
		mask |= 1 << index[id]
	}
	x.basis[listIDOf(ids)] = mask
	x.addList(ids)
}
