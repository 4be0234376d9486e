package service

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strconv"
	"sync"
	"syscall"

	"b22/classify"
	"b22/classify/answers"
	"b22/classify/resultjson"
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
	seq int
	out []byte
	// problems are those of a line that could not be classified, and
	// problemsSize the bytes their message takes.
	problems     classify.Problems
	problemsSize int
	pooled       *[]byte // out's buffer, back to outBuffers once written
	held         int64   // bytes of the stream's budget the result holds
	// cut is a line the run ended before it was classified: it has no
	// output, and the stream's output ends before it.
	cut bool
}

// outBuffers recycles the buffers results are encoded into: a result is some
// 15 KB, and a stream writes millions of them.
var outBuffers = sync.Pool{New: func() any { b := make([]byte, 0, 32<<10); return &b }}

// StreamRequest asks for the results of a stream of answers documents,
// one a line (JSON Lines).
type StreamRequest struct {
	// Name is the stream's name in its problems' file field: a file's
	// path, or <stdin>.
	Name string
	// Naming words the messages of the error lines for the front end
	// that shows them: the stream named by Name, or as the request body.
	Naming Naming
	In     io.Reader
	// AsOf is the date whose rules apply (AsOf reads it).
	AsOf classify.Date
	// Fields are the result's fields to write (ParseFields reads them).
	Fields resultjson.Fields
	// Levers asks for each result's levers and routes, which cost
	// evaluations; naming either field asks for them too.
	Levers bool
	// Invalid, when set, is told the problems of each line that could
	// not be classified, in input order, as its error object is written.
	Invalid func(classify.Problems)
}

// StreamSummary is how far a stream went.
type StreamSummary struct {
	// Lines is how many lines were written, results and error objects,
	// and Invalid how many of them were error objects.
	Lines, Invalid int
	// OutputErr is the write to the output that failed, if one did.
	OutputErr error
}

// Stream classifies one document per line, in parallel over all cores,
// writing results (the fields asked for) to out in input order, each
// starting with "line", the input line it answers; a line that cannot be
// classified gives an error object in its place and the stream goes on.
// At most inFlight lines, and streamBudgetBytes bytes of lines and
// results, are held at once, so memory stays flat however long the
// stream and however many the cores.
//
// A ctx that ends (a signal on the command line; a request's deadline or
// a server shutting down) stops the stream after the line being written:
// the lines already written are whole and in order, and the error is
// ctx's cause. A write that fails stops the stream with the write's
// error.
func (s *Service) Stream(ctx context.Context, req StreamRequest, out io.Writer) (StreamSummary, error) {
	var sum StreamSummary
	if err := s.rs.Covers(req.AsOf); err != nil {
		return sum, asOfError(OptAsOf, err)
	}
	// Levers and routes cost evaluations: a stream computes them when
	// asked for, by the levers option or by naming either field.
	leverBits, _, _ := resultjson.FieldSet([]string{"levers", "routes"})
	levers := req.Levers || (req.Fields != resultjson.AllFields && req.Fields&leverBits != 0)
	name, naming, asOf, fields := req.Name, req.Naming, req.AsOf, req.Fields

	// Prepared here, before the workers share them.
	rs, parser, encoder := s.rs, s.parserFor(naming), s.Encoder()
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
		readErr <- readLines(req.In, tokens, budget, jobs, quit)
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
					res = lineResult{seq: j.seq, cut: true} // the run is over: not worth the work
				} else {
					res = classifyLine(ctx, rs, parser, encoder, name, naming, asOf, fields, levers, j)
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

	w := bufio.NewWriterSize(out, 64<<10)
	pending := map[int]lineResult{}
	next := 1
	stopped := false
	for !stopped {
		var res lineResult
		var ok bool
		select {
		case res, ok = <-results:
		case <-ctx.Done():
			stop()
			if sum.OutputErr == nil {
				sum.OutputErr = w.Flush() // whole lines only: each is written in full or not at all
			}
			return sum, context.Cause(ctx)
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
			if p.cut {
				// The run ended before this line was classified, while
				// later ones may have been: the output stops here, so that
				// it has no gap and Lines counts only lines written.
				stop()
				if sum.OutputErr == nil {
					sum.OutputErr = w.Flush()
				}
				if err := context.Cause(ctx); err != nil {
					return sum, err
				}
				return sum, fmt.Errorf("%s: the stream stopped before line %d was classified", name, next)
			}
			if sum.OutputErr == nil {
				_, sum.OutputErr = w.Write(p.out)
			}
			if p.pooled != nil {
				*p.pooled = p.out[:0]
				outBuffers.Put(p.pooled)
			}
			if p.problems != nil {
				sum.Invalid++
				if req.Invalid != nil {
					req.Invalid(p.problems)
				}
			}
			budget.written(next, p.held)
			sum.Lines = next
			next++
			<-tokens
		}
		if len(results) == 0 && sum.OutputErr == nil {
			sum.OutputErr = w.Flush() // nothing else is ready: let a reader see what is
		}
		if sum.OutputErr != nil && !stopped {
			// The output is gone: stop reading, let the lines in flight drain.
			stop()
			stopped = true
			// The reader may be blocked on an input that stays open: the
			// end of ctx still ends the run while the lines drain.
		drain:
			for {
				select {
				case _, ok := <-results:
					if !ok {
						break drain
					}
					<-tokens
				case <-ctx.Done():
					return sum, context.Cause(ctx)
				}
			}
		}
	}
	if sum.OutputErr == nil {
		sum.OutputErr = w.Flush()
	}
	if sum.OutputErr != nil {
		return sum, sum.OutputErr
	}
	if err := <-readErr; errors.Is(err, syscall.EISDIR) { // stdin redirected from a folder
		return sum, Errorf(Input, "%s: is a folder; give a file of JSON lines", name)
	} else if err != nil {
		return sum, fmt.Errorf("%s: %w", name, err)
	}
	return sum, nil
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

func classifyLine(ctx context.Context, rs *classify.RuleSet, parser *answers.Parser, enc *resultjson.Encoder, name string, naming Naming, asOf classify.Date, fields resultjson.Fields, levers bool, j lineJob) lineResult {
	fail := func(ps classify.Problems) lineResult {
		msg := problemsMessage(ps, name, naming)
		var b bytes.Buffer
		_ = WriteJSON(&b, ErrorLine{Line: j.seq, Error: ErrorObject{Message: msg, Problems: ps}}, false) // strings and ints
		return lineResult{seq: j.seq, out: b.Bytes(), problems: ps, problemsSize: len(msg)}
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
		return lineResult{seq: j.seq, cut: true} // the run is over
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
