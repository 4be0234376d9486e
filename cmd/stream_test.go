package cmd

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"go.uber.org/goleak"

	"b22/classify"
	"b22/classify/answers"
	"b22/classify/resultjson"
	"b22/internal/gen"
)

func streamApp(t testing.TB, in io.Reader, out io.Writer) (*app, *classify.RuleSet) {
	t.Helper()
	a := &app{s: Streams{In: in, Out: out, Err: io.Discard}}
	rs, err := a.ruleSet()
	if err != nil {
		t.Fatal(err)
	}
	return a, rs
}

var streamDate = classify.DateOf(mustTime("2026-11-01"))

// TestStreamKeepsOrder: many lines classified in parallel come out in input
// order, each the same as classifying that line alone; no goroutine is left.
func TestStreamKeepsOrder(t *testing.T) {
	defer goleak.VerifyNone(t)
	input := gen.Lines(5, 3000)
	var out bytes.Buffer
	a, rs := streamApp(t, bytes.NewReader(input), &out)
	if err := a.classifyStream(rs, "-", streamDate, resultjson.AllFields, false); err != nil {
		t.Fatal(err)
	}
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
	a, rs := streamApp(t, bytes.NewReader(gen.Lines(6, 2000)), &failingWriter{n: 100000})
	err := a.classifyStream(rs, "-", streamDate, resultjson.AllFields, false)
	if err == nil || !strings.Contains(err.Error(), "broken pipe") {
		t.Fatalf("classifyStream = %v, want the write error", err)
	}
}

// FuzzJSONL: any stream gives exactly one output line per input line, each
// a result or an error object, and never a panic.
func FuzzJSONL(f *testing.F) {
	f.Add([]byte("{}\n{\"answers\":{\"coverage\":\"x\"}}\nnot json\n\n{\"answers\":{\"realtime_voice\":true}}"))
	f.Add([]byte("\r\n\r\n"))
	f.Add(gen.Lines(1, 3))
	a, rs := streamApp(f, nil, nil)
	f.Fuzz(func(t *testing.T, input []byte) {
		var out bytes.Buffer
		a.s.In, a.s.Out = bytes.NewReader(input), &out
		err := a.classifyStream(rs, "-", streamDate, resultjson.AllFields, false)
		var ec exitCodeError
		if err != nil && !(errors.As(err, &ec) && ec.code == exitInvalid) {
			t.Fatalf("classifyStream = %v", err)
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
	a, rs := streamApp(t, huge, &out)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	err := a.classifyStream(rs, "-", streamDate, resultjson.AllFields, false)
	runtime.ReadMemStats(&after)
	if ec, ok := err.(exitCodeError); !ok || ec.code != exitInvalid {
		t.Fatalf("classifyStream = %v, want exit 2", err)
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

// syncBuffer is a bytes.Buffer safe to read while the stream writes it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestStreamInterrupt: Ctrl+C on a stream whose input is still open writes
// what was classified and ends with exit code 130.
func TestStreamInterrupt(t *testing.T) {
	for _, c := range []struct {
		sig  syscall.Signal
		code int
		says string
	}{{syscall.SIGINT, 130, "interrupted"}, {syscall.SIGTERM, 143, "terminated"}} {
		t.Run(c.sig.String(), func(t *testing.T) {
			pr, pw := io.Pipe()
			defer pw.Close() // lets the reader, still waiting for input, finish
			out := &syncBuffer{}
			a, rs := streamApp(t, pr, out)
			errs := &syncBuffer{}
			a.s.Err = errs
			relay := make(chan chan<- os.Signal, 1)
			a.process.notify = func(c chan<- os.Signal, _ ...os.Signal) func() {
				relay <- c
				return func() {}
			}
			done := make(chan error, 1)
			go func() { done <- a.classifyStream(rs, "-", streamDate, resultjson.AllFields, false) }()
			io.WriteString(pw, "{}\n")
			deadline := time.Now().Add(10 * time.Second)
			for !strings.HasSuffix(out.String(), "\n") {
				if time.Now().After(deadline) {
					t.Fatal("the first line was never written")
				}
				time.Sleep(10 * time.Millisecond)
			}
			(<-relay) <- c.sig
			err := <-done
			if ec, ok := err.(exitCodeError); !ok || ec.code != c.code {
				t.Fatalf("classifyStream after %v = %v, want exit %d", c.sig, err, c.code)
			}
			if n := strings.Count(out.String(), "\n"); n != 1 {
				t.Fatalf("%d lines written, want the 1 classified", n)
			}
			if want := "b22: " + c.says + " after 1 lines"; !strings.Contains(errs.String(), want) {
				t.Fatalf("stderr %q, want %q", errs.String(), want)
			}
		})
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
		a, rs := streamApp(t, strings.NewReader(line(c.size)+c.ending), &out)
		err := a.classifyStream(rs, "-", streamDate, resultjson.AllFields, false)
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
	a, rs := streamApp(t, dir, &out)
	err = a.classifyStream(rs, "-", streamDate, resultjson.AllFields, false)
	var inv invalidError
	if !errors.As(err, &inv) || !strings.Contains(err.Error(), "<stdin>: is a folder") {
		t.Fatalf("classifyStream on a folder = %v, want invalid input: is a folder", err)
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
	a, rs := streamApp(t, newBigLines(lines), out)
	err := a.classifyStream(rs, "-", streamDate, resultjson.AllFields, false)
	if ec, ok := err.(exitCodeError); !ok || ec.code != exitInvalid {
		t.Fatalf("classifyStream = %v, want exit 2", err)
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
	waited := make(chan int64)
	go func() { waited <- b.resize(3, 40, 70) }() // not next: waits
	select {
	case <-waited:
		t.Fatal("a line after the next grew past the limit")
	case <-time.After(50 * time.Millisecond):
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
	select {
	case <-waited:
		t.Fatal("acquire past the limit did not wait")
	case <-time.After(50 * time.Millisecond):
	}
	b.close()
	if got := <-waited; got != 0 {
		t.Fatal("acquire on a closed budget succeeded")
	}
}

// TestStreamSignalsEndOnALine runs b22 (the test binary as the b22 command,
// see TestMain) on an endless stream and signals it while it writes: it
// stops with the shell's code for the signal, 128 + its number, says so in
// one line, and its output ends with a whole line. A SIGHUP used to kill it
// mid-line, and a SIGQUIT to dump its goroutines and exit 2, the code for
// bad input.
func TestStreamSignalsEndOnALine(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no POSIX signals")
	}
	bin, err := exec.LookPath("b22")
	if err != nil {
		t.Skip(err)
	}
	input := gen.Lines(9, 500)
	for _, c := range []struct {
		sig  syscall.Signal
		code int
		says string
	}{
		{syscall.SIGHUP, 129, "hung up"},
		{syscall.SIGINT, 130, "interrupted"},
		{syscall.SIGQUIT, 131, "quit"},
		{syscall.SIGTERM, 143, "terminated"},
	} {
		t.Run(c.sig.String(), func(t *testing.T) {
			cmd := exec.Command(bin, "classify", "--jsonl", "-")
			out, errs := &syncBuffer{}, &syncBuffer{}
			cmd.Stdout, cmd.Stderr = out, errs
			in, err := cmd.StdinPipe()
			if err != nil {
				t.Fatal(err)
			}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			go func() { // endless input, until b22 is gone
				for {
					if _, err := in.Write(input); err != nil {
						return
					}
				}
			}()
			deadline := time.Now().Add(20 * time.Second)
			for len(out.String()) < 1<<20 { // well into the stream
				if time.Now().After(deadline) {
					cmd.Process.Kill()
					t.Fatal("b22 wrote too little in 20 s")
				}
				time.Sleep(5 * time.Millisecond)
			}
			if err := cmd.Process.Signal(c.sig); err != nil {
				t.Fatal(err)
			}
			err = cmd.Wait()
			if code := cmd.ProcessState.ExitCode(); code != c.code {
				t.Fatalf("exit %d (%v) after %v, want %d; stderr:\n%.2000s", code, err, c.sig, c.code, errs.String())
			}
			got := out.String()
			if !strings.HasSuffix(got, "\n") {
				t.Fatalf("output ends mid-line: %q", got[max(0, len(got)-80):])
			}
			n := strings.Count(got, "\n")
			last := got[strings.LastIndexByte(got[:len(got)-1], '\n')+1:]
			if !json.Valid([]byte(last)) {
				t.Fatalf("last line is not JSON: %.200q", last)
			}
			if want := fmt.Sprintf("b22: %s after %d lines\n", c.says, n); errs.String() != want {
				t.Fatalf("stderr %.2000q, want %q", errs.String(), want)
			}
		})
	}
}
