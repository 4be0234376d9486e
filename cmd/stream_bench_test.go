package cmd

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"testing"

	"b22/classify"
	"b22/internal/gen"
)

const benchLines = 2000

// BenchmarkJSONL runs the --jsonl stream end to end (read, parse, evaluate,
// encode, reorder, write) on realistic documents; docs/s is the figure to
// watch. BenchmarkBaseline is the floor to compare with: a plain loop that
// only decodes each line and encodes a result of the same size.
func BenchmarkJSONL(b *testing.B) {
	input := gen.Lines(22, benchLines)
	a := &app{s: Streams{Out: io.Discard, Err: io.Discard}}
	rs, err := a.ruleSet()
	if err != nil {
		b.Fatal(err)
	}
	asOf, _ := classify.ParseDate("2026-11-01")
	b.SetBytes(int64(len(input)))
	b.ReportAllocs()
	for b.Loop() {
		a.s.In = bytes.NewReader(input)
		if err := a.classifyStream(rs, "-", asOf, classify.AllFields); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(benchLines*b.N)/b.Elapsed().Seconds(), "docs/s")
}

func BenchmarkBaseline(b *testing.B) {
	input := gen.Lines(22, benchLines)
	a := &app{}
	rs, err := a.ruleSet()
	if err != nil {
		b.Fatal(err)
	}
	asOf, _ := classify.ParseDate("2026-11-01")
	// A result of the same size as the stream writes: one real result.
	first, _, _ := bytes.Cut(input, []byte("\n"))
	doc, err := rs.ParseLine("-", 1, first)
	if err != nil {
		b.Fatal(err)
	}
	res, err := rs.Evaluate(doc, asOf)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(input)))
	b.ReportAllocs()
	for b.Loop() {
		sc := bufio.NewScanner(bytes.NewReader(input))
		sc.Buffer(make([]byte, 64<<10), classify.MaxDocumentBytes)
		w := bufio.NewWriter(io.Discard)
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		for sc.Scan() {
			var v map[string]any
			if err := json.Unmarshal(sc.Bytes(), &v); err != nil {
				b.Fatal(err)
			}
			if err := enc.Encode(res); err != nil {
				b.Fatal(err)
			}
		}
		w.Flush()
	}
	b.ReportMetric(float64(benchLines*b.N)/b.Elapsed().Seconds(), "docs/s")
}
