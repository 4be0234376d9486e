package cmd

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"testing"
	"time"

	"b22/classify"
	"b22/classify/answers"
	"b22/classify/resultjson"
	"b22/internal/gen"
	"b22/internal/service"
)

const benchLines = 2000

// BenchmarkJSONL runs the --jsonl stream end to end (read, parse, evaluate,
// encode, reorder, write) on realistic documents; docs/s is the figure to
// watch. BenchmarkBaseline is the floor to compare with: a plain loop that
// only decodes each line and encodes a result of the same size.
// BenchmarkJSONLAgainstBaseline runs the two in turn and reports their ratio,
// which depends less on how busy the machine is than either figure.
func BenchmarkJSONL(b *testing.B)    { benchDocs(b, (*streamBench).stream) }
func BenchmarkBaseline(b *testing.B) { benchDocs(b, (*streamBench).baseline) }

// BenchmarkJSONLLevers is the stream with --levers: what a script pays
// for asking what would change each verdict.
func BenchmarkJSONLLevers(b *testing.B) { benchDocs(b, (*streamBench).streamLevers) }

// benchDocs times run over the benchmark's lines and reports documents/s.
func benchDocs(b *testing.B, run func(*streamBench, *testing.B)) {
	s := newStreamBench(b)
	b.SetBytes(int64(len(s.input)))
	b.ReportAllocs()
	for b.Loop() {
		run(s, b)
	}
	b.ReportMetric(float64(benchLines*b.N)/b.Elapsed().Seconds(), "docs/s")
}

func BenchmarkJSONLAgainstBaseline(b *testing.B) {
	s := newStreamBench(b)
	var inStream, inBaseline time.Duration
	for b.Loop() {
		start := time.Now()
		s.stream(b)
		mid := time.Now()
		s.baseline(b)
		inStream, inBaseline = inStream+mid.Sub(start), inBaseline+time.Since(mid)
	}
	docs := float64(benchLines * b.N)
	b.ReportMetric(docs/inStream.Seconds(), "stream-docs/s")
	b.ReportMetric(docs/inBaseline.Seconds(), "baseline-docs/s")
	b.ReportMetric(inBaseline.Seconds()/inStream.Seconds(), "ratio")
}

type streamBench struct {
	a      *app
	svc    *service.Service
	asOf   classify.Date
	input  []byte
	result *classify.Result // one real result, for the baseline to encode
}

func newStreamBench(b *testing.B) *streamBench {
	// The stream is measured as the b22 process runs it: with the
	// collector tuned as Main tunes it.
	s := &streamBench{a: &app{s: Streams{Out: io.Discard, Err: io.Discard}, process: process{tuneStream: tuneForStream}}, input: gen.Lines(22, benchLines)}
	var err error
	if s.svc, err = s.a.service(); err != nil {
		b.Fatal(err)
	}
	s.asOf, _ = classify.ParseDate("2026-11-01")
	first, _, _ := bytes.Cut(s.input, []byte("\n"))
	doc, err := s.svc.Parser().ParseLine("-", 1, first)
	if err != nil {
		b.Fatal(err)
	}
	if s.result, err = s.svc.RuleSet().Evaluate(doc, classify.Options{AsOf: s.asOf}); err != nil {
		b.Fatal(err)
	}
	return s
}

func (s *streamBench) streamLevers(b *testing.B) {
	s.a.s.In = bytes.NewReader(s.input)
	if err := s.a.classifyStream(s.svc, "-", s.asOf, resultjson.AllFields, true); err != nil {
		b.Fatal(err)
	}
}

func (s *streamBench) stream(b *testing.B) {
	s.a.s.In = bytes.NewReader(s.input)
	if err := s.a.classifyStream(s.svc, "-", s.asOf, resultjson.AllFields, false); err != nil {
		b.Fatal(err)
	}
}

// plainResult is a Result without its MarshalJSON: encoding/json encodes it
// by reflection, as a plain loop would.
type plainResult classify.Result

// baseline decodes each line with encoding/json and encodes a result of
// the same size with it, in one loop.
func (s *streamBench) baseline(b *testing.B) {
	sc := bufio.NewScanner(bytes.NewReader(s.input))
	sc.Buffer(make([]byte, 64<<10), answers.MaxDocumentBytes)
	w := bufio.NewWriter(io.Discard)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for sc.Scan() {
		var v map[string]any
		if err := json.Unmarshal(sc.Bytes(), &v); err != nil {
			b.Fatal(err)
		}
		if err := enc.Encode((*plainResult)(s.result)); err != nil {
			b.Fatal(err)
		}
	}
	w.Flush()
}
