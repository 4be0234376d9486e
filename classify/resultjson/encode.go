package resultjson

import (
	"b22/classify"
	"b22/classify/internal/jsonw"
	"b22/classify/internal/storage"
	"bytes"
	"encoding/json"
	"slices"
	"strconv"
)

// The result is written by hand rather than through reflection: it is most
// of the work of a --jsonl stream, and nearly all of it is rule texts known
// at load time. Texts are escaped once at load (textJSON) and copied after.
// The bytes are the same as encoding/json's with SetEscapeHTML(false); a
// test holds the two to that.

// Encoder writes results of one rule set. It is built once per rule set
// (New) and is safe for concurrent use.
type Encoder struct{ p *prepared }

// New prepares an encoder for the results of rs.
func New(rs *classify.RuleSet) *Encoder { return &Encoder{p: prepare(rs)} }

// Append appends the result as compact JSON.
func (enc *Encoder) Append(b []byte, r *classify.Result) []byte {
	return enc.AppendFields(b, r, AllFields)
}

// Plain encodes results of any rule set, or built by hand, with nothing
// prepared: the same bytes as the rule set's own Encoder, computed in full.
// It suits a single result; a stream wants New.
var Plain = &Encoder{p: &none}

// Marshal is the result as compact JSON (Plain.Append).
func Marshal(r *classify.Result) []byte { return Plain.Append(nil, r) }

// Indent is the result with only the fields in set, indented by two
// spaces and ending in a newline: how 'b22 classify' prints one result,
// and how the interview saves it.
func (enc *Encoder) Indent(r *classify.Result, set Fields) []byte {
	var b bytes.Buffer
	_ = json.Indent(&b, enc.AppendFields(nil, r, set), "", "  ") // the encoder writes valid JSON
	b.WriteByte('\n')
	return b.Bytes()
}

// Fields is a set of a result's top-level fields, one bit each in the
// order of ResultFields.
type Fields uint64

// AllFields is every field: the whole result.
const AllFields = ^Fields(0)

// ResultFields lists the names of a result's top-level fields in the
// order they are written.
func ResultFields() []string {
	names := make([]string, len(resultFields))
	for i, f := range resultFields {
		names[i] = f.name
	}
	return names
}

// FieldSet returns the set of the named fields; ok is false, with the
// first unknown name, when a name is not a top-level field.
func FieldSet(names []string) (set Fields, unknown string, ok bool) {
	for _, n := range names {
		i := slices.IndexFunc(resultFields[:], func(f resultField) bool { return f.name == n })
		if i < 0 {
			return 0, n, false
		}
		set |= 1 << i
	}
	return set, "", true
}

// AppendFields appends the result as compact JSON with only the fields in
// set: a projection of the same result, its fields in the usual order.
func (enc *Encoder) AppendFields(b []byte, r *classify.Result, set Fields) []byte {
	e := writer{b: b, p: enc.p}
	if b == nil {
		e.b = make([]byte, 0, 16<<10)
	}
	e.b = append(e.b, '{')
	first := true
	for i := range resultFields {
		if set&(1<<i) == 0 {
			continue
		}
		f := &resultFields[i]
		if !first {
			e.b = append(e.b, ',')
		}
		first = false
		e.b = append(e.b, f.key...)
		f.write(&e, r)
	}
	e.b = append(e.b, '}')
	return e.b
}

type resultField struct {
	name  string
	key   string // "name":
	write func(e *writer, r *classify.Result)
}

func resultFieldOf(name string, write func(e *writer, r *classify.Result)) resultField {
	return resultField{name: name, key: `"` + name + `":`, write: write}
}

// resultFields writes the result's fields in the order of the contract
// (docs/contract.md) and of the Result struct, which encoding/json follows:
// TestAppendJSONMatchesEncodingJSON holds the two together.
var resultFields = [...]resultField{
	resultFieldOf("questionnaire", func(e *writer, r *classify.Result) {
		e.raw(`{"id":`)
		e.str(r.Questionnaire.ID)
		e.raw(`,"version":`)
		e.str(r.Questionnaire.Version)
		e.raw(`,"effective":`)
		e.str(r.Questionnaire.Effective.String())
		e.raw(`,"as_of":`)
		e.str(r.Questionnaire.AsOf.String())
		e.raw(`}`)
	}),
	resultFieldOf("verdict", func(e *writer, r *classify.Result) { e.str(string(r.Verdict)) }),
	resultFieldOf("summary", func(e *writer, r *classify.Result) { e.text(r.Summary) }),
	resultFieldOf("covered_by_existing_licence", func(e *writer, r *classify.Result) { e.bool(r.CoveredByExistingLicence) }),
	resultFieldOf("existing_licence", func(e *writer, r *classify.Result) { e.str(string(r.ExistingLicence)) }),
	resultFieldOf("subcategories", func(e *writer, r *classify.Result) { e.subcategories(r.Subcategories) }),
	resultFieldOf("open_subcategories", func(e *writer, r *classify.Result) { e.subcategories(r.OpenSubcategories) }),
	resultFieldOf("exclusions", func(e *writer, r *classify.Result) { e.findings(r.Exclusions) }),
	resultFieldOf("if_operated", func(e *writer, r *classify.Result) { e.subcategories(r.IfOperated) }),
	resultFieldOf("licence", func(e *writer, r *classify.Result) { e.licence(&r.Licence) }),
	resultFieldOf("requirements", func(e *writer, r *classify.Result) {
		e.list(len(r.Requirements), r.Requirements == nil, func(i int) {
			q := &r.Requirements[i]
			e.raw(`{"id":`)
			e.str(q.ID)
			e.raw(`,"name":`)
			e.text(q.Name)
			e.raw(`,"status":`)
			e.str(string(q.Status))
			e.raw(`,"text":`)
			e.text(q.Text)
			e.raw(`,"answers":`)
			e.strs(q.Answers)
			e.raw(`,"basis":`)
			e.strs(q.Basis)
			e.raw(`,"citations":`)
			e.citations(q.Citations)
			e.raw(`,"confidence":`)
			e.str(q.Confidence)
			e.raw(`,"footing":`)
			e.str(q.Footing)
			e.raw(`}`)
		})
	}),
	resultFieldOf("process", func(e *writer, r *classify.Result) {
		e.list(len(r.Process), r.Process == nil, func(i int) {
			p := &r.Process[i]
			e.raw(`{"id":`)
			e.str(p.ID)
			e.raw(`,"name":`)
			e.text(p.Name)
			e.raw(`,"text":`)
			e.text(p.Text)
			e.raw(`,"basis":`)
			e.strs(p.Basis)
			e.raw(`,"citations":`)
			e.citations(p.Citations)
			e.raw(`}`)
		})
	}),
	resultFieldOf("pivotal_questions", func(e *writer, r *classify.Result) {
		e.list(len(r.PivotalQuestions), r.PivotalQuestions == nil, func(i int) {
			p := &r.PivotalQuestions[i]
			e.raw(`{"key":`)
			e.str(p.Key)
			e.raw(`,"question":`)
			e.text(p.Question)
			e.raw(`,"why":`)
			e.text(p.Why)
			e.raw(`,"leads_to":`)
			e.list(len(p.LeadsTo), p.LeadsTo == nil, func(j int) {
				l := &p.LeadsTo[j]
				e.raw(`{"answer":`)
				e.value(l.Answer)
				e.raw(`,"label":`)
				e.text(l.Label)
				e.raw(`,"verdict":`)
				e.str(string(l.Verdict))
				e.raw(`}`)
			})
			e.raw(`}`)
		})
	}),
	resultFieldOf("open_questions", func(e *writer, r *classify.Result) {
		e.list(len(r.OpenQuestions), r.OpenQuestions == nil, func(i int) {
			q := &r.OpenQuestions[i]
			e.raw(`{"key":`)
			e.str(q.Key)
			e.raw(`,"question":`)
			e.text(q.Question)
			e.raw(`,"affects":`)
			e.strs(q.Affects)
			e.raw(`}`)
		})
	}),
	resultFieldOf("levers", func(e *writer, r *classify.Result) {
		e.list(len(r.Levers), r.Levers == nil, func(i int) {
			l := &r.Levers[i]
			e.raw(`{"kind":`)
			e.str(string(l.Kind))
			e.raw(`,"effect":`)
			e.str(string(l.Effect))
			e.raw(`,"changes":`)
			e.changes(l.Changes)
			e.raw(`,"verdict":`)
			e.str(string(l.Verdict))
			for _, f := range [...]struct {
				key string
				ids []string
			}{{`,"added":`, l.Added}, {`,"removed":`, l.Removed}, {`,"strengthened":`, l.Strengthened}, {`,"weakened":`, l.Weakened}, {`,"open":`, l.Open}} {
				e.raw(f.key)
				e.strs(f.ids)
			}
			e.raw(`,"scope_changed":`)
			e.bool(l.ScopeChanged)
			e.raw(`,"scope":`)
			if l.Scope == nil {
				e.null()
			} else {
				e.str(*l.Scope)
			}
			e.raw(`,"met":`)
			e.strs(l.Met)
			e.raw(`,"rules":`)
			e.strs(l.Rules)
			e.raw(`}`)
		})
	}),
	resultFieldOf("routes", func(e *writer, r *classify.Result) {
		e.list(len(r.Routes), r.Routes == nil, func(i int) {
			rt := &r.Routes[i]
			e.raw(`{"id":`)
			e.str(rt.ID)
			e.raw(`,"title":`)
			e.text(rt.Title)
			e.raw(`,"text":`)
			e.text(rt.Text)
			e.raw(`,"caveats":`)
			e.text(rt.Caveats)
			e.raw(`,"changes":`)
			e.changes(rt.Changes)
			e.raw(`,"verdict":`)
			e.str(string(rt.Verdict))
			e.raw(`,"scope":`)
			if rt.Scope == nil {
				e.null()
			} else {
				e.str(*rt.Scope)
			}
			e.raw(`,"authority":`)
			if rt.Authority == nil {
				e.null()
			} else {
				e.text(*rt.Authority)
			}
			e.raw(`,"met":`)
			e.strs(rt.Met)
			e.raw(`,"answers":`)
			e.strs(rt.Answers)
			e.raw(`,"basis":`)
			e.strs(rt.Basis)
			e.raw(`,"citations":`)
			e.citations(rt.Citations)
			e.raw(`,"confidence":`)
			e.str(rt.Confidence)
			e.raw(`,"footing":`)
			e.str(rt.Footing)
			e.raw(`}`)
		})
	}),
	resultFieldOf("missing_elements", func(e *writer, r *classify.Result) {
		e.list(len(r.MissingElements), r.MissingElements == nil, func(i int) {
			m := &r.MissingElements[i]
			e.raw(`{"id":`)
			e.str(m.ID)
			e.raw(`,"name":`)
			e.text(m.Name)
			e.raw(`,"elements":`)
			e.list(len(m.Elements), m.Elements == nil, func(j int) {
				x := &m.Elements[j]
				e.raw(`{"id":`)
				e.str(x.ID)
				e.raw(`,"text":`)
				e.text(x.Text)
				e.raw(`,"answers":`)
				e.strs(x.Answers)
				e.raw(`}`)
			})
			e.raw(`,"basis":`)
			e.strs(m.Basis)
			e.raw(`,"citations":`)
			e.citations(m.Citations)
			e.raw(`}`)
		})
	}),
	resultFieldOf("related_regimes", func(e *writer, r *classify.Result) {
		e.list(len(r.RelatedRegimes), r.RelatedRegimes == nil, func(i int) {
			g := &r.RelatedRegimes[i]
			e.raw(`{"id":`)
			e.str(g.ID)
			e.raw(`,"name":`)
			e.text(g.Name)
			e.raw(`,"status":`)
			e.str(string(g.Status))
			e.raw(`,"text":`)
			e.text(g.Text)
			e.raw(`,"because":`)
			e.strs(g.Because)
			e.raw(`,"basis":`)
			e.strs(g.Basis)
			e.raw(`,"citations":`)
			e.citations(g.Citations)
			e.raw(`,"confidence":`)
			e.str(g.Confidence)
			e.raw(`}`)
		})
	}),
	resultFieldOf("notes", func(e *writer, r *classify.Result) { e.findings(r.Notes) }),
	resultFieldOf("sources", func(e *writer, r *classify.Result) {
		next := 0 // r.Sources follow sources.yaml order
		e.list(len(r.Sources), r.Sources == nil, func(i int) {
			s := &r.Sources[i]
			refs := e.p.sources
			for next < len(refs) && refs[next].ID != s.ID {
				next++
			}
			if next < len(refs) && sameSource(&refs[next], s) {
				e.b = append(e.b, e.p.sourceJSON[next]...)
				next++
				return
			}
			e.b = appendSource(e.b, s)
		})
	}),
	resultFieldOf("answers_sha256", func(e *writer, r *classify.Result) { e.str(r.AnswersSHA256) }),
	resultFieldOf("trace", func(e *writer, r *classify.Result) {
		e.list(len(r.Trace), r.Trace == nil, func(i int) {
			t := &r.Trace[i]
			if h, ok := e.p.traces.Get(storage.StringAndSlice(t.Rule, t.Answers)); ok && h.kind == t.Kind {
				e.b = append(e.b, h.before...)
				e.raw(t.Outcome.String())
				e.b = append(e.b, h.end...)
				return
			}
			e.b = appendTrace(e.b, t.Rule, t.Kind, t.Outcome.String(), t.Answers)
		})
	}),
}

// sameSource reports whether s is the rule set's source ref, unedited.
func sameSource(ref, s *classify.SourceRef) bool {
	return ref.ID == s.ID && ref.Title == s.Title && ref.TitleEn == s.TitleEn && ref.URL == s.URL &&
		ref.Date == s.Date && ref.Reprint == s.Reprint && slices.Equal(ref.Links, s.Links)
}

// appendSource encodes one listed source.
func appendSource(b []byte, s *classify.SourceRef) []byte {
	e := writer{b: b, p: &none}
	e.raw(`{"id":`)
	e.str(s.ID)
	e.raw(`,"title":`)
	e.str(s.Title)
	e.raw(`,"title_en":`)
	e.str(s.TitleEn)
	e.raw(`,"url":`)
	e.str(s.URL)
	if s.Date != "" {
		e.raw(`,"date":`)
		e.str(s.Date)
	}
	e.raw(`,"reprint":`)
	e.bool(s.Reprint)
	if len(s.Links) > 0 {
		e.raw(`,"links":`)
		e.list(len(s.Links), false, func(i int) {
			l := &s.Links[i]
			e.raw(`{"url":`)
			e.str(l.URL)
			e.raw(`,"kind":`)
			e.str(l.Kind)
			e.raw(`,"read":`)
			e.bool(l.Read)
			e.raw(`}`)
		})
	}
	e.raw(`}`)
	return e.b
}

// appendTrace encodes one trace entry, for a step without the two halves
// encodeTexts prepares once per rule.
func appendTrace(b []byte, rule, kind, outcome string, answers []string) []byte {
	e := writer{b: b, p: &none}
	e.raw(`{"rule":`)
	e.str(rule)
	e.raw(`,"kind":`)
	e.str(kind)
	e.raw(`,"outcome":`)
	e.str(outcome)
	e.raw(`,"answers":`)
	e.strs(answers)
	e.raw(`}`)
	return e.b
}

type writer struct {
	b []byte
	p *prepared // empty: encode everything
}

func (e *writer) raw(s string)  { e.b = append(e.b, s...) }
func (e *writer) str(s string)  { e.b = jsonw.AppendString(e.b, s) }
func (e *writer) bool(v bool)   { e.b = strconv.AppendBool(e.b, v) }
func (e *writer) num(v float64) { e.b = jsonw.AppendNumber(e.b, v) }
func (e *writer) null()         { e.raw("null") }
func (e *writer) text(t classify.Text) {
	if j, ok := e.p.texts.Get(storage.Strings(t.Zh, t.En)); ok {
		e.b = append(e.b, j...)
		return
	}
	e.b = appendText(e.b, t)
}

func appendText(b []byte, t classify.Text) []byte {
	if b == nil {
		b = make([]byte, 0, len(t.Zh)+len(t.En)+20)
	}
	b = append(b, `{"zh":`...)
	b = jsonw.AppendString(b, t.Zh)
	b = append(b, `,"en":`...)
	b = jsonw.AppendString(b, t.En)
	return append(b, '}')
}

// list writes a JSON array of n items; a nil slice is null, as encoding/json has it.
func (e *writer) list(n int, isNil bool, item func(int)) {
	if isNil {
		e.null()
		return
	}
	e.b = append(e.b, '[')
	for i := 0; i < n; i++ {
		if i > 0 {
			e.b = append(e.b, ',')
		}
		item(i)
	}
	e.b = append(e.b, ']')
}

func (e *writer) strs(ss []string) {
	if ss != nil {
		if j, ok := e.p.lists.Get(storage.Slice(ss)); ok {
			e.b = append(e.b, j...)
			return
		}
	}
	e.list(len(ss), ss == nil, func(i int) { e.str(ss[i]) })
}

func (e *writer) citations(cs []classify.CitationRef) {
	if cs != nil {
		if j, ok := e.p.citations.Get(storage.Slice(cs)); ok {
			e.b = append(e.b, j...)
			return
		}
	}
	e.b = appendCitations(e.b, cs)
}

// appendCitations encodes a list of citations.
func appendCitations(b []byte, cs []classify.CitationRef) []byte {
	e := writer{b: b, p: &none}
	e.list(len(cs), cs == nil, func(i int) {
		c := &cs[i]
		e.raw(`{"source":`)
		e.str(c.Source)
		e.raw(`,"pinpoint":`)
		e.str(c.Pinpoint)
		e.raw(`,"verified":`)
		e.bool(c.Verified)
		e.raw(`,"text":`)
		e.b = appendText(e.b, c.Text)
		e.raw(`}`)
	})
	return e.b
}

func (e *writer) value(v any) {
	switch x := v.(type) {
	case nil:
		e.null()
	case bool:
		e.bool(x)
	case string:
		e.str(x)
	case float64:
		e.num(x)
	case []string:
		e.strs(x)
	default:
		panic("classify: unexpected answer type in a result") // classify.LeadTo answers come from domains.go
	}
}

// changes encodes the answers a lever or a route changes.
func (e *writer) changes(cs []classify.LeverChange) {
	e.list(len(cs), cs == nil, func(j int) {
		c := &cs[j]
		e.raw(`{"key":`)
		e.str(c.Key)
		e.raw(`,"from":`)
		e.value(c.From)
		e.raw(`,"to":`)
		e.value(c.To)
		e.raw(`,"from_label":`)
		e.text(c.FromLabel)
		e.raw(`,"to_label":`)
		e.text(c.ToLabel)
		e.raw(`}`)
	})
}

func (e *writer) findings(fs []classify.Finding) {
	e.list(len(fs), fs == nil, func(i int) {
		f := &fs[i]
		e.raw(`{"id":`)
		e.str(f.ID)
		e.raw(`,"text":`)
		e.text(f.Text)
		e.raw(`,"answers":`)
		e.strs(f.Answers)
		e.raw(`,"basis":`)
		e.strs(f.Basis)
		e.raw(`,"citations":`)
		e.citations(f.Citations)
		e.raw(`,"confidence":`)
		e.str(f.Confidence)
		e.raw(`,"footing":`)
		e.str(f.Footing)
		e.raw(`}`)
	})
}

func (e *writer) subcategories(ss []classify.SubcategoryResult) {
	e.list(len(ss), ss == nil, func(i int) {
		s := &ss[i]
		e.raw(`{"id":`)
		e.str(s.ID)
		e.raw(`,"name":`)
		e.text(s.Name)
		e.raw(`,"strength":`)
		e.str(string(s.Strength))
		e.raw(`,"settled":`)
		e.bool(s.Settled)
		e.raw(`,"depends_on":`)
		e.strs(s.DependsOn)
		e.raw(`,"confidence":`)
		e.str(s.Confidence)
		e.raw(`,"footing":`)
		e.str(s.Footing)
		e.raw(`,"reasons":`)
		e.list(len(s.Reasons), s.Reasons == nil, func(j int) {
			r := &s.Reasons[j]
			e.raw(`{"rule":`)
			e.str(r.Rule)
			e.raw(`,"outcome":`)
			e.str(r.Outcome.String())
			e.raw(`,"text":`)
			e.text(r.Text)
			e.raw(`,"answers":`)
			e.strs(r.Answers)
			e.raw(`,"basis":`)
			e.strs(r.Basis)
			e.raw(`,"citations":`)
			e.citations(r.Citations)
			e.raw(`,"confidence":`)
			e.str(r.Confidence)
			e.raw(`,"footing":`)
			e.str(r.Footing)
			e.raw(`}`)
		})
		e.raw(`}`)
	})
}

func (e *writer) licence(l *classify.Licence) {
	e.raw(`{"category":`)
	e.str(l.Category)
	e.raw(`,"scope":`)
	if l.Scope == nil {
		e.null()
	} else {
		e.str(*l.Scope)
	}
	for _, f := range [...]struct {
		key string
		t   *classify.Text
	}{{`,"title":`, l.Title}, {`,"authority":`, l.Authority}} {
		e.raw(f.key)
		if f.t == nil {
			e.null()
		} else {
			e.text(*f.t)
		}
	}
	e.raw(`,"min_registered_capital_cny":`)
	if l.MinRegisteredCapitalCNY == nil {
		e.null()
	} else {
		e.num(*l.MinRegisteredCapitalCNY)
	}
	e.raw(`,"validity_years":`)
	e.num(l.ValidityYears)
	e.raw(`,"basis":`)
	e.strs(l.Basis)
	e.raw(`,"citations":`)
	e.citations(l.Citations)
	e.raw(`}`)
}

// none prepares nothing: a writer with it encodes every value in full.
var none prepared
