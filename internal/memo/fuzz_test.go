package memo

import (
	"encoding/json"
	"testing"

	"b22/classify"
	"b22/classify/answers"
)

// answersFrom builds a valid answers document: for each question, seed picks
// not known or one of the allowed answers.
func answersFrom(rs *classify.RuleSet, name, company, desc string, seed uint64) []byte {
	answers := map[string]any{}
	next := func(n uint64) uint64 {
		seed = seed*6364136223846793005 + 1442695040888963407
		return (seed >> 33) % n
	}
	for _, q := range rs.Questions() {
		if next(4) == 0 {
			continue // not known
		}
		switch q.Type {
		case classify.TypeBool:
			answers[q.ID] = next(2) == 1
		case classify.TypeInt, classify.TypeNumber:
			lo, hi := 0.0, 1e8
			if q.Min != nil {
				lo = *q.Min
			}
			if q.Max != nil {
				hi = *q.Max
			}
			picks := []float64{lo, hi, lo + 1, 2, 3, 50, 1e6, 1e7}
			v := picks[next(uint64(len(picks)))]
			if v < lo || v > hi {
				v = lo
			}
			answers[q.ID] = v
		case classify.TypeEnum:
			answers[q.ID] = q.Choices[next(uint64(len(q.Choices)))].ID
		case classify.TypeMulti:
			ids := []string{}
			for _, c := range q.Choices {
				if next(3) == 0 {
					ids = append(ids, c.ID)
				}
			}
			answers[q.ID] = ids
		}
	}
	doc := map[string]any{"questionnaire": rs.ID(), "answers": answers,
		"product": map[string]string{"name": name, "company": company, "description": desc}}
	b, _ := json.Marshal(doc)
	return b
}

// FuzzRender: any valid answers document, with any product texts, gives
// well-formed output in every format: HTML that parses as XML with only the
// writer's elements and links, DOCX parts that parse, Markdown without raw
// control characters, raw HTML or foreign links. Each execution renders one
// format in one language, both picked by the seed, so that the fuzzer runs
// hundreds of executions a second rather than a few (every format and
// language made one execution cost some 100 ms); texts past 2 KiB are left
// to the tests of long texts, as they only make an execution slower.
func FuzzRender(f *testing.F) {
	rs := ruleSet(f)
	parser := answers.New(rs)
	for i, s := range hostile {
		f.Add(s, "Acme Ltd", "", uint64(i))
	}
	f.Add("Acme Meet", "Acme (Shanghai) Ltd", "Nationwide video meetings", uint64(42))
	f.Add("", "", "", uint64(7))
	f.Add("会议", "公司", "说明\n第二行", uint64(1<<40))
	f.Add("\t", "Acme", "", uint64(7)) // a name of only blanks, in DOCX: "not stated"
	f.Fuzz(func(t *testing.T, name, company, desc string, seed uint64) {
		if len(name)+len(company)+len(desc) > 2048 {
			t.Skip("texts past 2 KiB")
		}
		data := answersFrom(rs, name, company, desc, seed)
		doc, err := parser.Parse("fuzz.json", data, answers.FormatJSON)
		if err != nil {
			t.Skipf("not a valid document: %v", err) // e.g. over the size limit
		}
		res, err := rs.Evaluate(doc, classify.Options{AsOf: prepared})
		if err != nil {
			t.Fatal(err)
		}
		lang := Languages[seed%3]
		format := Formats[(seed/3)%uint64(len(Formats))]
		out, err := Render(rs, doc, res, Options{Format: format, Lang: lang, Date: prepared})
		if err != nil {
			t.Fatalf("Render(%s, %s): %v", format, lang, err)
		}
		checkOutput(t, rs, format, out, doc.Product.Name)
	})
}
