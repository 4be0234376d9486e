package cmd

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"strconv"
	"sync"
	"syscall"

	"b22/classify"
	"b22/classify/answers"
	"b22/classify/resultjson"
	"b22/internal/present"
)

// lineJob is one line of a --jsonl stream.
type lineJob struct {
	seq  int
	data []byte
	size int64 // the line's full length, when it was too long to keep
	held int64 // bytes of the stream's budget the line holds
}

// lineResult is the output line for one input line.
type lineResult struct {
	seq    int
	out    []byte
	errs   string  // problems for stderr; empty when classified
	pooled *[]byte // out's buffer, back to outBuffers once written
	held   int64   // bytes of the stream's budget the result holds
}

// outBuffers recycles the buffers results are encoded into: a result is some
// 15 KB, and a stream writes millions of them.
var outBuffers = sync.Pool{New: func() any { b := make([]byte, 0, 32<<10); return &b }}

// streamErrorLine is what a bad line gives in place of a result.
type streamErrorLine struct {
	Line  int              `json:"line"`
	Error streamErrorField `json:"error"`
}

type streamErrorField struct {
	Message  string             `json:"message"`
	Problems []classify.Problem `json:"problems"`
}

// classifyStream classifies one document per line, in parallel over all
// cores, writing results (the fields in fields) in input order. At most
// inFlight lines, and streamBudgetBytes bytes of lines and results, are held
// at once, so memory stays flat however long the stream and however many the
// cores.
func (a *app) classifyStream(rs *classify.RuleSet, path string, asOf classify.Date, fields resultjson.Fields, levers bool) error {
	name, r, closeInput, err := a.openStream(path)
	if err != nil {
		return err
	}
	defer closeInput()
	if err := rs.Covers(asOf); err != nil {
		return asOfError(err)
	}

	// An interrupt (Ctrl+C), a hang-up, a quit (Ctrl+\) or a SIGTERM stops
	// the run cleanly: the results already handed to the output are written,
	// in order and whole, so the output ends with a complete line, and the
	// exit code is the shell's for the signal, 128 + its number. A quit
	// gives no goroutine dump: it is a user stopping a long run.
	signals := make(chan os.Signal, 1)
	if a.process.notify != nil {
		defer a.process.notify(signals, streamSignals...)()
	}
	if a.process.tuneStream != nil {
		defer a.process.tuneStream()()
	}

	// Prepared here, before the workers share them.
	parser, encoder := a.answersParser(), a.resultEncoder()
	// A request's deadline (b22 serve) ends the stream as a signal does,
	// after the line being written.
	ctx := a.context()
	workers := runtime.GOMAXPROCS(0)
	inFlight := workers * 16
	tokens := make(chan struct{}, inFlight)
	jobs := make(chan lineJob, inFlight)
	results := make(chan lineResult, inFlight)
	quit := make(chan struct{})
	budget := newByteBudget(streamBudgetBytes)
	if streamBudgetCreated != nil {
		streamBudgetCreated(budget)
	}
	stop := func() { // no more lines: let the reader and the workers go
		close(quit)
		budget.close()
	}
	readErr := make(chan error, 1)

	go func() {
		readErr <- readLines(r, tokens, budget, jobs, quit)
		close(jobs)
	}()
	var workersDone sync.WaitGroup
	for w := 0; w < workers; w++ {
		workersDone.Add(1)
		go func() {
			defer workersDone.Done()
			for j := range jobs {
				var res lineResult
				if ctx.Err() != nil {
					res = lineResult{seq: j.seq} // the run is over: not worth the work
				} else {
					res = classifyLine(ctx, rs, parser, encoder, name, asOf, fields, levers, j)
				}
				j.data = nil // the line is done with: charge the result instead
				res.held = budget.resize(j.seq, j.held, resultCost(res))
				results <- res
			}
		}()
	}
	go func() {
		workersDone.Wait()
		close(results)
	}()

	out := bufio.NewWriterSize(a.s.Out, 64<<10)
	pending := map[int]lineResult{}
	next, bad := 1, 0
	var writeErr error
	stopped := false
	for !stopped {
		var res lineResult
		var ok bool
		select {
		case res, ok = <-results:
		case sig := <-signals:
			stop()
			out.Flush() // whole lines only: each is written in full or not at all
			what, code := signalExit(sig)
			fmt.Fprintf(a.s.Err, "b22: %s after %d lines\n", what, next-1)
			return exitCodeError{code}
		case <-ctx.Done():
			stop()
			if err := out.Flush(); err != nil {
				return err
			}
			return context.Cause(ctx)
		}
		if !ok {
			break
		}
		pending[res.seq] = res
		for {
			p, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			if writeErr == nil {
				_, writeErr = out.Write(p.out)
			}
			if p.pooled != nil {
				*p.pooled = p.out[:0]
				outBuffers.Put(p.pooled)
			}
			if p.errs != "" {
				bad++
				fmt.Fprintln(a.s.Err, present.Sanitize(p.errs))
			}
			budget.written(next, p.held)
			next++
			<-tokens
		}
		if len(results) == 0 && writeErr == nil {
			writeErr = out.Flush() // nothing else is ready: let a reader see what is
		}
		if writeErr != nil && !stopped {
			// The output is gone: stop reading, let the lines in flight drain.
			stop()
			stopped = true
			// The reader may be blocked on an input that stays open: a
			// signal still ends the run while the lines drain.
		drain:
			for {
				select {
				case _, ok := <-results:
					if !ok {
						break drain
					}
					<-tokens
				case sig := <-signals:
					what, code := signalExit(sig)
					fmt.Fprintf(a.s.Err, "b22: %s after %d lines (the output had failed: %v)\n", what, next-1, writeErr)
					return exitCodeError{code}
				}
			}
		}
	}
	if writeErr == nil {
		writeErr = out.Flush()
	}
	if writeErr != nil {
		return writeErr
	}
	if err := <-readErr; errors.Is(err, syscall.EISDIR) { // stdin redirected from a folder
		return invalidError{fmt.Sprintf("%s: is a folder; give a file of JSON lines", name)}
	} else if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	if bad > 0 {
		fmt.Fprintf(a.s.Err, "b22: %d of %d lines invalid\n", bad, next-1)
		return exitCodeError{exitInvalid}
	}
	return nil
}

func (a *app) openStream(path string) (string, io.Reader, func(), error) {
	if path == "" || path == "-" {
		if a.s.InTTY {
			return "", nil, nil, usageErrorf("--jsonl with stdin on a terminal; pass FILE or pipe the lines into '-'")
		}
		return "<stdin>", a.s.In, func() {}, nil
	}
	f, err := os.Open(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return "", nil, nil, invalidError{fmt.Sprintf("%s: no such file", path)}
		}
		return "", nil, nil, invalidError{fmt.Sprintf("%s: %v", path, errors.Unwrap(err))}
	}
	if st, err := f.Stat(); err == nil && st.IsDir() {
		f.Close()
		return "", nil, nil, invalidError{fmt.Sprintf("%s: is a folder; give a file of JSON lines", path)}
	}
	return path, f, func() { f.Close() }, nil
}

// readLines splits r into lines. A line longer than the document limit is
// not kept: it is skipped to its end and reported by its size. Each line
// takes its cost from budget before it is handed on (see byteBudget).
func readLines(r io.Reader, tokens chan<- struct{}, budget *byteBudget, jobs chan<- lineJob, quit <-chan struct{}) error {
	br := bufio.NewReaderSize(r, 64<<10)
	// A line is gathered in scratch, which is kept from line to line, and
	// copied out at its exact size: growing a fresh buffer chunk by chunk
	// would make twice a long line's size in garbage.
	var scratch []byte
	for seq := 1; ; seq++ {
		line := scratch[:0]
		var size int64 // the line's length, without its line ending
		var prev byte  // the byte before chunk, for a "\r\n" split across chunks
		tooLong := false
		for {
			chunk, err := br.ReadSlice('\n')
			size += int64(len(chunk))
			if n := len(chunk); n > 0 && chunk[n-1] == '\n' {
				size--
				if n > 1 && chunk[n-2] == '\r' || n == 1 && prev == '\r' {
					size--
				}
			}
			if len(chunk) > 0 {
				prev = chunk[len(chunk)-1]
			}
			if !tooLong {
				if len(line)+len(chunk) > answers.MaxDocumentBytes+2 { // +2 for "\r\n"
					tooLong, line = true, line[:0]
				} else {
					line = append(line, chunk...)
				}
			}
			if errors.Is(err, bufio.ErrBufferFull) {
				continue
			}
			if err != nil && !errors.Is(err, io.EOF) {
				return err
			}
			if len(line) == 0 && !tooLong && errors.Is(err, io.EOF) {
				return nil // the end, after a final newline or none at all
			}
			select {
			case tokens <- struct{}{}:
			case <-quit:
				return nil
			}
			scratch = line[:0]
			data := bytes.TrimRight(line, "\r\n")
			job := lineJob{seq: seq}
			if tooLong || len(data) > answers.MaxDocumentBytes {
				data, job.size = nil, size
			}
			job.held = lineCost(len(data))
			if !budget.acquire(job.held) {
				return nil
			}
			job.data = bytes.Clone(data)
			jobs <- job
			if errors.Is(err, io.EOF) {
				return nil
			}
			break
		}
	}
}

func classifyLine(ctx context.Context, rs *classify.RuleSet, parser *answers.Parser, enc *resultjson.Encoder, name string, asOf classify.Date, fields resultjson.Fields, levers bool, j lineJob) lineResult {
	fail := func(ps classify.Problems) lineResult {
		e := streamErrorLine{Line: j.seq, Error: streamErrorField{Message: ps.Error(), Problems: ps}}
		var b bytes.Buffer
		_ = writeJSON(&b, e, false) // problems are strings and ints
		return lineResult{seq: j.seq, out: b.Bytes(), errs: ps.Error()}
	}
	if j.size > 0 {
		return fail(classify.Problems{{File: name, Line: j.seq, Code: classify.CodeTooLarge, Message: fmt.Sprintf("line of %d bytes; the limit is %d bytes (1 MiB)", j.size, answers.MaxDocumentBytes)}})
	}
	if len(bytes.TrimSpace(j.data)) == 0 {
		return fail(classify.Problems{{File: name, Line: j.seq, Code: classify.CodeEmptyLine, Message: "empty line; expected one answers document (a JSON object) per line"}})
	}
	doc, err := parser.ParseLineContext(ctx, name, j.seq, j.data)
	var ps classify.Problems
	if errors.As(err, &ps) {
		return fail(ps)
	}
	if err != nil {
		return lineResult{seq: j.seq} // the run is over
	}
	res, err := rs.Evaluate(doc, classify.Options{AsOf: asOf, Levers: levers})
	if err != nil {
		return fail(classify.Problems{{File: name, Line: j.seq, Message: err.Error()}})
	}
	buf := outBuffers.Get().(*[]byte)
	return lineResult{seq: j.seq, out: append(appendLineResult((*buf)[:0], enc, j.seq, res, fields), '\n'), pooled: buf}
}

// appendLineResult writes a stream's result: the input line it answers
// ("line", as an error line has it), then the result's fields, so that a
// result filtered with --jq still says which document it is.
func appendLineResult(out []byte, enc *resultjson.Encoder, line int, res *classify.Result, fields resultjson.Fields) []byte {
	out = append(out, `{"line":`...)
	out = strconv.AppendInt(out, int64(line), 10)
	start := len(out)
	out = enc.AppendFields(out, res, fields)
	if len(out)-start <= 2 { // "{}"
		return append(out[:start], '}')
	}
	out[start] = ','
	return out
}
