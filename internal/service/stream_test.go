package service

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"go.uber.org/goleak"

	"b22/classify"
	"b22/classify/answers"
	"b22/classify/resultjson"
	"b22/internal/gen"
	"b22/questionnaires"
)

// testService is the service of the embedded rule set.
func testService(t testing.TB) *Service {
	t.Helper()
	rs, err := classify.Load(questionnaires.Shipped())
	if err != nil {
		t.Fatal(err)
	}
	return New(rs, func() time.Time { return time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC) })
}

var streamDate, _ = classify.ParseDate("2026-11-01")

// stream runs svc's stream on in as 'b22 classify --jsonl -' does.
func stream(svc *Service, in io.Reader, out io.Writer) (StreamSummary, error) {
	return svc.Stream(context.Background(), StreamRequest{Name: "<stdin>", In: in, AsOf: streamDate, Fields: resultjson.AllFields}, out)
}

// TestStreamKeepsOrder: many lines classified in parallel come out in input
// order, each the same as classifying that line alone; no goroutine is left.
func TestStreamKeepsOrder(t *testing.T) {
	defer goleak.VerifyNone(t)
	input := gen.Lines(5, 3000)
	var out bytes.Buffer
	svc := testService(t)
	if _, err := stream(svc, bytes.NewReader(input), &out); err != nil {
		t.Fatal(err)
	}
	rs := svc.RuleSet()
	ins := strings.Split(strings.TrimSpace(string(input)), "\n")
	outs := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(outs) != len(ins) {
		t.Fatalf("%d lines in, %d out", len(ins), len(outs))
	}
	for i := 0; i < len(ins); i += 97 {
		doc, err := answers.New(rs).ParseLine("-", i+1, []byte(ins[i]))
		if err != nil {
			t.Fatal(err)
		}
		r, _ := rs.Evaluate(doc, classify.Options{AsOf: streamDate})
		want := fmt.Sprintf(`{"line":%d,%s`, i+1, resultjson.Marshal(r)[1:])
		if outs[i] != want {
			t.Fatalf("line %d out of order or different", i+1)
		}
	}
}

// failingWriter fails after n bytes, like a pipe whose reader went away.
type failingWriter struct{ n int }

func (w *failingWriter) Write(p []byte) (int, error) {
	if w.n -= len(p); w.n < 0 {
		return 0, errors.New("broken pipe")
	}
	return len(p), nil
}

// TestStreamStopsWhenOutputFails: a failed write stops the run with an
// error instead of reading the rest of the input; no goroutine is left.
func TestStreamStopsWhenOutputFails(t *testing.T) {
	defer goleak.VerifyNone(t)
	_, err := stream(testService(t), bytes.NewReader(gen.Lines(6, 2000)), &failingWriter{n: 100000})
	if err == nil || !strings.Contains(err.Error(), "broken pipe") {
		t.Fatalf("Stream = %v, want the write error", err)
	}
}

// FuzzJSONL: any stream gives exactly one output line per input line, each
// a result or an error object, and never a panic.
func FuzzJSONL(f *testing.F) {
	f.Add([]byte("{}\n{\"answers\":{\"coverage\":\"x\"}}\nnot json\n\n{\"answers\":{\"realtime_voice\":true}}"))
	f.Add([]byte("\r\n\r\n"))
	f.Add(gen.Lines(1, 3))
	svc := testService(f)
	f.Fuzz(func(t *testing.T, input []byte) {
		var out bytes.Buffer
		if _, err := stream(svc, bytes.NewReader(input), &out); err != nil {
			t.Fatalf("Stream = %v", err)
		}
		lines := 0
		if len(input) > 0 {
			lines = bytes.Count(input, []byte("\n"))
			if input[len(input)-1] != '\n' {
				lines++
			}
		}
		got := bytes.Split(bytes.TrimSuffix(out.Bytes(), []byte("\n")), []byte("\n"))
		if out.Len() == 0 {
			got = nil
		}
		if len(got) != lines {
			t.Fatalf("%d lines in, %d out", lines, len(got))
		}
		for i, l := range got {
			var v map[string]any
			if err := json.Unmarshal(l, &v); err != nil {
				t.Fatalf("output line %d is not JSON: %v", i+1, err)
			}
			if _, isErr := v["error"]; !isErr && v["verdict"] == nil {
				t.Fatalf("output line %d is neither a result nor an error", i+1)
			}
		}
	})
}

// TestStreamHugeLine: a 50 MB line between good ones is reported by its size
// in its place without being held in memory; the lines around it classify.
func TestStreamHugeLine(t *testing.T) {
	defer goleak.VerifyNone(t)
	good := gen.Lines(3, 1)
	huge := io.MultiReader(bytes.NewReader(good), strings.NewReader(`{"product":{"name":"`),
		io.LimitReader(repeatReader('x'), 50<<20), strings.NewReader("\"}}\n"), bytes.NewReader(good))
	var out bytes.Buffer
	svc := testService(t)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	sum, err := stream(svc, huge, &out)
	runtime.ReadMemStats(&after)
	if err != nil || sum.Invalid != 1 {
		t.Fatalf("Stream = %+v, %v; want one invalid line", sum, err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 3 || !strings.Contains(lines[1], `"line":2,"error":{"message":"<stdin>:2: line of 52428823 bytes`) {
		t.Fatalf("got %d lines; line 2: %.200s", len(lines), lines[1])
	}
	if grew := after.TotalAlloc - before.TotalAlloc; grew > 20<<20 {
		t.Errorf("allocated %d MB for a 50 MB line; it should not be held", grew>>20)
	}
}

type repeatReader byte

func (r repeatReader) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(r)
	}
	return len(p), nil
}

// syncBuffer is a bytes.Buffer safe to read while the stream writes it;
// wrote, when set, is told when a write ends a line.
type syncBuffer struct {
	mu    sync.Mutex
	b     bytes.Buffer
	wrote chan struct{}
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.wrote != nil && bytes.HasSuffix(p, []byte("\n")) {
		select {
		case s.wrote <- struct{}{}:
		default:
		}
	}
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// A stream whose context ends (a signal on the command line; a deadline or
// a shutdown over HTTP) while its input is still open writes what was
// classified, whole, and returns the context's cause; no goroutine is left
// once the input closes.
func TestStreamStopsWithItsContext(t *testing.T) {
	defer goleak.VerifyNone(t)
	pr, pw := io.Pipe()
	defer pw.Close() // lets the reader, still waiting for input, finish
	out := &syncBuffer{wrote: make(chan struct{}, 1)}
	ctx, cancel := context.WithCancelCause(context.Background())
	defer cancel(nil)
	type ended struct {
		sum StreamSummary
		err error
	}
	done := make(chan ended, 1)
	go func() {
		sum, err := testService(t).Stream(ctx, StreamRequest{Name: "<stdin>", In: pr, AsOf: streamDate, Fields: resultjson.AllFields}, out)
		done <- ended{sum, err}
	}()
	io.WriteString(pw, "{}\n")
	select {
	case <-out.wrote:
	case <-time.After(10 * time.Second):
		t.Fatal("the first line was never written")
	}
	stopped := errors.New("stopped by a test")
	cancel(stopped)
	e := <-done
	if !errors.Is(e.err, stopped) || e.sum.Lines != 1 {
		t.Fatalf("Stream after its context ended = %+v, %v; want 1 line and the cause", e.sum, e.err)
	}
	if n := strings.Count(out.String(), "\n"); n != 1 {
		t.Fatalf("%d lines written, want the 1 classified", n)
	}
}

// TestStreamLineSizes: a line over the limit is reported by its length
// without its line ending, whatever the ending and wherever it falls in the
// reader's buffer; a line at the limit is read.
func TestStreamLineSizes(t *testing.T) {
	line := func(n int) string { // a valid document of n bytes
		const head, tail = `{"product":{"name":"`, `"}}`
		return head + strings.Repeat("x", n-len(head)-len(tail)) + tail
	}
	svc := testService(t)
	for _, c := range []struct {
		size   int
		ending string
	}{
		{answers.MaxDocumentBytes, "\n"},
		{answers.MaxDocumentBytes, "\r\n"},
		{answers.MaxDocumentBytes + 1, "\n"},
		{answers.MaxDocumentBytes + 1, "\r\n"},
		{answers.MaxDocumentBytes + 1, ""},
		{17<<16 - 1, "\r\n"}, // the "\r" ends one 64 KiB read, the "\n" starts the next
	} {
		var out bytes.Buffer
		_, err := stream(svc, strings.NewReader(line(c.size)+c.ending), &out)
		if c.size <= answers.MaxDocumentBytes {
			if err != nil || !strings.HasPrefix(out.String(), `{"line":1,"questionnaire"`) {
				t.Errorf("%d bytes + %q: %v, %.80s; want it classified", c.size, c.ending, err, out.String())
			}
			continue
		}
		want := fmt.Sprintf(`"line":1,"error":{"message":"<stdin>:1: line of %d bytes; the limit is %d bytes`, c.size, answers.MaxDocumentBytes)
		if !strings.Contains(out.String(), want) {
			t.Errorf("%d bytes + %q: got %.160s\nwant %s", c.size, c.ending, out.String(), want)
		}
	}
}

// A folder given as stdin (`b22 classify --jsonl < dir`) is bad input, as
// a folder given by name is: exit 2, saying so.
func TestStreamStdinFolder(t *testing.T) {
	dir, err := os.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer dir.Close()
	var out bytes.Buffer
	_, err = stream(testService(t), dir, &out)
	if KindOf(err) != Input || !strings.Contains(err.Error(), "<stdin>: is a folder") {
		t.Fatalf("Stream on a folder = %v, want input that cannot be read: is a folder", err)
	}
	if out.Len() != 0 {
		t.Fatalf("wrote %q", out.String())
	}
}

// bigLines is a reader of n invalid lines of about 1 MiB each, as fast as
// a file: a product name near the line limit and a coverage that is not
// allowed, so that each line is refused after a full parse.
type bigLines struct {
	line    []byte
	left    int
	pending []byte
}

func newBigLines(n int) *bigLines {
	name := strings.Repeat("x", answers.MaxDocumentBytes-100)
	return &bigLines{line: []byte(`{"product":{"name":"` + name + `"},"answers":{"coverage":"bogus"}}` + "\n"), left: n}
}

func (r *bigLines) Read(p []byte) (int, error) {
	if len(r.pending) == 0 {
		if r.left == 0 {
			return 0, io.EOF
		}
		r.pending = r.line
		r.left--
	}
	n := copy(p, r.pending)
	r.pending = r.pending[n:]
	return n, nil
}

// lineCounter counts the lines and bytes written to it.
type lineCounter struct{ lines, bytes int }

func (c *lineCounter) Write(p []byte) (int, error) {
	c.lines += bytes.Count(p, []byte("\n"))
	c.bytes += len(p)
	return len(p), nil
}

// TestStreamBoundsBytesInFlight: lines of 1 MiB on many cores are held by
// bytes, not only by count (16 lines a core would be a gigabyte here): the
// stream's budget, charged each line's size when it is read and its
// result's once classified, never holds more than its limit, and gives
// everything back by the end.
func TestStreamBoundsBytesInFlight(t *testing.T) {
	defer goleak.VerifyNone(t)
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(64))
	var budgets []*byteBudget
	streamBudgetCreated = func(b *byteBudget) { budgets = append(budgets, b) }
	defer func() { streamBudgetCreated = nil }()

	const lines = 40
	out := &lineCounter{}
	sum, err := stream(testService(t), newBigLines(lines), out)
	if err != nil || sum.Invalid != lines {
		t.Fatalf("Stream = %+v, %v; want %d invalid lines", sum, err, lines)
	}
	if out.lines != lines {
		t.Fatalf("%d lines written, want %d", out.lines, lines)
	}
	if len(budgets) != 1 {
		t.Fatalf("%d byte budgets, want 1: lines in flight are not bounded in bytes", len(budgets))
	}
	used, peak := budgets[0].stats()
	if used != 0 || peak > streamBudgetBytes || peak < 2<<20 {
		t.Errorf("budget: %d bytes held at the end, peak %d; want 0, and a peak of at least a line's 2 MiB and at most %d", used, peak, streamBudgetBytes)
	}
	// The error for a 1 MiB line is not itself a megabyte (classify quotes
	// the offending value cut short).
	if per := out.bytes / lines; per > 2000 {
		t.Errorf("%d bytes of output a line; a refused line's value must be quoted short", per)
	}
}

// TestByteBudget: the reader waits for room; a worker whose result is
// bigger than the line waits too, unless its line is the next to write,
// which may go over the limit (else nothing could ever be written); closing
// lets everyone go.
func TestByteBudget(t *testing.T) {
	defer goleak.VerifyNone(t)
	b := newByteBudget(100)
	if !b.acquire(150) { // alone: let in, however big
		t.Fatal("acquire on an empty budget refused")
	}
	b.written(1, 150)
	if !b.acquire(60) || !b.acquire(40) { // lines 2 and 3
		t.Fatal("acquire within the limit refused")
	}
	// A caller that waits says so under the budget's lock, which only its
	// wait releases: once told, the test knows it is blocked.
	waiting := make(chan struct{}, 1)
	b.waiting = func() {
		select {
		case waiting <- struct{}{}:
		default:
		}
	}
	waited := make(chan int64, 1)
	go func() { waited <- b.resize(3, 40, 70) }() // not next: waits
	<-waiting
	select {
	case <-waited:
		t.Fatal("a line after the next grew past the limit")
	default:
	}
	if got := b.resize(2, 60, 90); got != 90 { // next: may go over
		t.Fatalf("resize of the next line = %d", got)
	}
	if used, _ := b.stats(); used != 130 {
		t.Fatalf("used %d, want 130", used)
	}
	b.written(2, 90) // room for line 3's growth
	if got := <-waited; got != 70 {
		t.Fatalf("resize after room = %d, want 70", got)
	}
	if got := b.resize(3, 70, 10); got != 10 {
		t.Fatalf("shrink = %d", got)
	}
	if used, peak := b.stats(); used != 10 || peak != 150 {
		t.Fatalf("used %d, peak %d; want 10, 150", used, peak)
	}
	go func() { waited <- map[bool]int64{true: 1}[b.acquire(95)] }()
	<-waiting
	select {
	case <-waited:
		t.Fatal("acquire past the limit did not wait")
	default:
	}
	b.close()
	if got := <-waited; got != 0 {
		t.Fatal("acquire on a closed budget succeeded")
	}
}
