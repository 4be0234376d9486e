package httpapi

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"

	"b22/classify"
	"b22/classify/resultjson"
	"b22/docs"
	"b22/internal/service"
)

// The routes read the query and the body into the service's requests, with
// the service's own readers of each option, and write what it returns. A
// request's document keeps the name <stdin> in its problems' file field,
// as the command line names a document piped to it (docs/contract.md);
// messages, worded by the service for HTTP (service.HTTP), call it the
// request body.
const bodyName = "<stdin>"

// health says the server is up, with the build and the rule set it
// serves (Config.Version).
func (s *server) health(w http.ResponseWriter, r *http.Request) {
	var b bytes.Buffer
	_ = service.WriteJSON(&b, struct {
		Status  string `json:"status"`
		Version any    `json:"version"`
	}{"ok", s.cfg.Version}, true)
	writeBody(w, http.StatusOK, "application/json", b.Bytes())
}

func (s *server) openAPI(w http.ResponseWriter, r *http.Request) {
	writeBody(w, http.StatusOK, "application/yaml", docs.OpenAPI)
}

// fieldsOf reads the fields parameter: present (even empty) is given.
func fieldsOf(q map[string][]string) (given bool, names []string) {
	vs, given := q["fields"]
	if !given || len(vs) == 0 {
		return given, nil
	}
	for _, f := range strings.Split(vs[0], ",") {
		if f = strings.TrimSpace(f); f != "" {
			names = append(names, f)
		}
	}
	return true, names
}

// resultOptions reads what both classify routes take: the fields of a
// result to write and the date whose rules apply.
func (s *server) resultOptions(q url.Values) (resultjson.Fields, classify.Date, error) {
	fields, err := service.ParseFields(fieldsOf(q))
	if err != nil {
		return fields, classify.Date{}, err
	}
	asOf, err := service.AsOf(s.svc.Today(), service.OptAsOf, q.Get("as_of"))
	return fields, asOf, err
}

func (s *server) classify(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	fields, asOf, err := s.resultOptions(q)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	data, ctx, release, ok := s.document(w, r, s.cfg.MaxBody)
	if !ok {
		return
	}
	defer release()
	c, err := s.svc.Classify(ctx, service.ClassifyRequest{Document: service.Document{Name: bodyName, Data: data, Naming: service.HTTP}, AsOf: asOf, Fields: fields})
	if err == nil {
		err = ctx.Err() // the answer came too late to be worth sending
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeBody(w, http.StatusOK, "application/json", c.JSON())
}

// classifyLines streams: results are written as they are ready, while the
// body is still being read, as 'b22 classify --jsonl' does with a pipe. A
// stream takes its place among the requests at work with its first line:
// a client that sends nothing, or a byte now and then, holds none, and is
// cut off after BodyTimeout.
func (s *server) classifyLines(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	fields, asOf, err := s.resultOptions(q)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	levers, err := service.ParseBool(service.OptLevers, q.Get("levers"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	end := time.Now().Add(s.cfg.StreamTimeout)
	body := s.newBodyReader(w, r, s.cfg.MaxStreamBody, end)
	working := false
	body.progress = func() error {
		if !s.working.take() {
			return errBusy
		}
		working = true
		return nil
	}
	defer func() {
		if working {
			s.working.give()
		}
	}()
	// Not the request's own context, which the server cancels as soon as
	// a read fails: the stream then stops on the read's error, which says
	// what happened.
	ctx, cancel := context.WithDeadlineCause(s.base, end, errStreamTimeout)
	defer cancel()
	out := &streamResponse{w: w}
	rc := http.NewResponseController(w)
	_ = rc.EnableFullDuplex()
	_ = rc.SetWriteDeadline(end.Add(streamLastWords)) // time for the stop line
	out.rc = rc
	// Bad lines have their error objects in the stream, as on the command
	// line: they are not the request's failure.
	_, err = s.svc.Stream(ctx, service.StreamRequest{Name: bodyName, Naming: service.HTTP, In: body, AsOf: asOf, Fields: fields, Levers: levers}, out)
	if err == nil {
		// The body was read to its end; this only drains a trailing
		// part the stream had no use for, before the connection serves
		// its next request.
		_, _ = io.Copy(io.Discard, body)
	}
	if err != nil {
		body.stop() // the reader may still wait for the client
		// A read cut by the stream's own deadline is the deadline's doing,
		// whichever of the two a busy machine noticed first.
		var be *bodyError
		if errors.As(err, &be) && be.stalled && be.idle == 0 && (errors.Is(context.Cause(ctx), errStreamTimeout) || !time.Now().Before(end)) {
			err = errStreamTimeout
		}
	}
	if out.started {
		if err != nil {
			// The status went with the first line, so the stream says why
			// it stopped in a last line of its own: an error object without
			// a line number, which no client takes for a result. The body
			// is not read on: the stream's reader may still hold it.
			level := slog.LevelWarn
			if clientsDoing(err) {
				level = slog.LevelInfo
			}
			s.log.Log(r.Context(), level, "stream ended early", "path", r.URL.Path, "error", streamStopMessage(err))
			_, _ = out.Write(streamStopLine(err))
		}
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/jsonl")
	w.WriteHeader(http.StatusOK)
}

// streamLastWords is how long after its deadline a stream may take to
// write the line that says it stopped.
const streamLastWords = 2 * time.Second

// errStreamTimeout ends a stream that runs past StreamTimeout.
var errStreamTimeout = errors.New("the stream ran past the server's time limit for a stream")

// streamStopMessage says why a stream stopped before the end of its body.
func streamStopMessage(err error) string {
	var tooLarge *http.MaxBytesError
	var be *bodyError
	switch {
	case errors.As(err, &tooLarge):
		return fmt.Sprintf("the request body is over the %d-byte limit; the stream stopped here", tooLarge.Limit)
	case errors.As(err, &be):
		return be.Error() + "; the stream stopped here"
	case errors.Is(err, errShuttingDown):
		return "the server is shutting down; the stream stopped here"
	case errors.Is(err, errStreamTimeout):
		return errStreamTimeout.Error() + "; the stream stopped here"
	}
	return message(err)
}

// streamStopLine is the last line of a stream that stopped before the end
// of its body: the error object of a bad line, for the whole rest.
func streamStopLine(err error) []byte {
	msg := streamStopMessage(err)
	ps := classify.Problems{}
	var tooLarge *http.MaxBytesError
	if errors.As(err, &tooLarge) {
		ps = classify.Problems{{Code: classify.CodeTooLarge, Message: msg}}
	}
	var b bytes.Buffer
	_ = service.WriteJSON(&b, struct {
		Error service.ErrorObject `json:"error"`
	}{service.ErrorObject{Message: msg, Problems: ps}}, false)
	return b.Bytes()
}

// streamResponse writes a stream's lines through to the client.
type streamResponse struct {
	w       http.ResponseWriter
	rc      *http.ResponseController
	started bool
}

func (sr *streamResponse) Write(p []byte) (int, error) {
	if !sr.started {
		sr.started = true
		sr.w.Header().Set("Content-Type", "application/jsonl")
		sr.w.WriteHeader(http.StatusOK)
	}
	n, err := sr.w.Write(p)
	if err == nil {
		err = sr.rc.Flush()
	}
	return n, err
}

// validate answers an invalid document with the report (valid: false and
// the problems), not as a failed request.
func (s *server) validate(w http.ResponseWriter, r *http.Request) {
	data, ctx, release, ok := s.document(w, r, s.cfg.MaxBody)
	if !ok {
		return
	}
	defer release()
	v, err := s.svc.Validate(ctx, service.Document{Name: bodyName, Data: data, Naming: service.HTTP})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeBody(w, http.StatusOK, "application/json", v.JSON())
}

func (s *server) questions(w http.ResponseWriter, r *http.Request) {
	format := r.URL.Query().Get("format")
	if format == "" {
		format = "json"
	}
	data, err := s.svc.Questions(format)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	ct := "application/json"
	if format == "md" {
		ct = "text/markdown; charset=utf-8"
	}
	writeBody(w, http.StatusOK, ct, data)
}

// schema answers the schema the path names; a name that is none is a
// route that does not exist (404).
func (s *server) schema(w http.ResponseWriter, r *http.Request) {
	kind := r.PathValue("kind")
	if !service.SchemaKind.Has(kind) {
		writeError(w, http.StatusNotFound, fmt.Sprintf("no schema %q; allowed: %s", clip(kind), strings.Join(service.SchemaKind.Values(), ", ")), nil)
		return
	}
	data, err := s.svc.Schema(kind)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeBody(w, http.StatusOK, "application/schema+json", data)
}

// clip is a request's word as quoted in an answer: short, and sanitised.
func clip(s string) string {
	if len(s) > 40 {
		s = s[:40] + "..."
	}
	return sanitize(s)
}

var memoTypes = map[string]string{
	"md":   "text/markdown; charset=utf-8",
	"html": "text/html; charset=utf-8",
	"docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}

// memo renders as 'b22 memo' does: the date the memo is prepared (default
// today) fixes the as-of date unless as_of is given; the language is
// English unless lang says otherwise.
func (s *server) memo(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	format, lang := q.Get("format"), q.Get("lang")
	if format == "" {
		format = "md"
	}
	if lang == "" {
		lang = "en"
	}
	dates, err := service.ParseMemoDates(s.svc.Today(), q.Get("date"), q.Get("as_of"))
	for _, e := range []error{service.MemoFormat.Check(format), service.MemoLang.Check(lang), err} {
		if e != nil {
			s.fail(w, r, e)
			return
		}
	}
	data, ctx, release, ok := s.document(w, r, min(s.cfg.MaxBody, s.cfg.MaxMemoBody))
	if !ok {
		return
	}
	defer release()
	if !s.memos.take() {
		w.Header().Set("Retry-After", retryAfter)
		writeError(w, http.StatusServiceUnavailable, busyMessage("memos", cap(s.memos)), nil)
		return
	}
	defer s.memos.give()
	out, err := s.svc.Memo(ctx, service.MemoRequest{Document: service.Document{Name: bodyName, Data: data, Naming: service.HTTP},
		Dates: dates, Options: service.MemoOptions{Format: format, Lang: lang}})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeBody(w, http.StatusOK, memoTypes[format], out)
}

// document reads the body of a one-document request, then takes a place
// among the requests at work: a client still sending its body holds none.
// It returns the request's deadline for the work, and release, or false
// after answering the request itself.
func (s *server) document(w http.ResponseWriter, r *http.Request, limit int64) ([]byte, context.Context, func(), bool) {
	start := time.Now()
	data, err := s.newBodyReader(w, r, limit, start.Add(s.cfg.ReadTimeout)).readAll()
	if err != nil {
		s.fail(w, r, err)
		return nil, nil, nil, false
	}
	if !s.working.take() {
		s.fail(w, r, errBusy)
		return nil, nil, nil, false
	}
	ctx, cancel := context.WithDeadline(r.Context(), start.Add(s.cfg.WriteTimeout))
	return data, ctx, func() { cancel(); s.working.give() }, true
}
