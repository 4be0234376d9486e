package resultjson

import (
	"b22/classify"
	"b22/classify/internal/jsonw"
	"b22/classify/internal/share"
	"b22/classify/internal/storage"
)

// prepared is what the encoder writes once per rule set: every value
// results copy from it (package share), already encoded, found again by
// its storage (package storage explains why that is sound).
type prepared struct {
	// texts holds every shared text as {"zh":…,"en":…}.
	texts storage.Table[[]byte]
	// lists holds every shared list of ids as a JSON array.
	lists storage.Table[[]byte]
	// citations holds every shared list of citations.
	citations storage.Table[[]byte]
	// traces holds each rule's trace entry in two halves around its
	// outcome, keyed by the rule id and the keys its condition reads.
	traces storage.Table[traceHalves]
	// sources is each source as results list it, in sources.yaml order,
	// with its encoding.
	sources    []classify.SourceRef
	sourceJSON [][]byte
}

// traceHalves are {"rule":…,"kind":…,"outcome":" and ","answers":[…]}.
type traceHalves struct {
	kind        string
	before, end []byte
}

// sharedValues are what results share with a rule set, in the core's types.
type sharedValues = share.Values[classify.Text, classify.CitationRef, classify.TraceStep, classify.SourceRef]

func prepare(rs *classify.RuleSet) *prepared {
	sh := share.Of[classify.RuleSet, sharedValues](rs)
	p := &prepared{}
	for _, t := range sh.Texts {
		k := storage.Strings(t.Zh, t.En)
		if !p.texts.Has(k) {
			p.texts.Put(k, appendText(nil, t))
		}
	}
	for _, ids := range sh.Lists {
		if ids != nil {
			e := writer{p: &none}
			e.strs(ids)
			p.lists.Put(storage.Slice(ids), e.b)
		}
	}
	for _, cs := range sh.Citations {
		if cs != nil {
			p.citations.Put(storage.Slice(cs), appendCitations(nil, cs))
		}
	}
	for _, t := range sh.Traces {
		before := append([]byte(`{"rule":`), ""...)
		before = jsonw.AppendString(before, t.Rule)
		before = jsonw.AppendString(append(before, `,"kind":`...), t.Kind)
		before = append(before, `,"outcome":"`...)
		end := writer{b: []byte(`","answers":`), p: &none}
		end.strs(t.Answers)
		end.raw(`}`)
		p.traces.Put(storage.StringAndSlice(t.Rule, t.Answers), traceHalves{kind: t.Kind, before: before, end: end.b})
	}
	for i := range sh.Sources {
		p.sources = append(p.sources, sh.Sources[i])
		p.sourceJSON = append(p.sourceJSON, appendSource(nil, &sh.Sources[i]))
	}
	return p
}
