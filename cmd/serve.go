package cmd

import (
	"bytes"
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"b22/classify"
	"b22/classify/answers"
	"b22/classify/resultjson"
	"b22/docs"
	"b22/internal/memo"
	"b22/internal/present"
)

type serveOptions struct {
	Addr            string
	TokenFile       string
	MaxBody         string
	MaxStreamBody   string
	ReadTimeout     time.Duration
	WriteTimeout    time.Duration
	StreamTimeout   time.Duration
	ShutdownTimeout time.Duration

	token         string
	maxBody       int64
	maxStreamBody int64
	// ready, when set, is told the address the server listens on: tests
	// listen on port 0.
	ready func(net.Addr)
}

func newServeCmd(a *app) *cobra.Command {
	opts := &serveOptions{}
	c := &cobra.Command{
		Use:   "serve",
		Short: "Serve classify, validate, questions, schemas and memos over HTTP",
		Long: `serve answers over HTTP what the command line answers, with the same bytes:
for an intake form or a compliance portal. It keeps no state between
requests, so any number of instances can sit behind a load balancer.

Routes (see /openapi.yaml):
  GET  /health                 liveness, with the rule set's version
  POST /v1/classify            one answers document (JSON or YAML) -> result
  POST /v1/classify/jsonl      one document per line -> one result per line
  POST /v1/validate            every problem of an answers document
  GET  /v1/questions           the questionnaire (?format=json|md)
  GET  /v1/schema/answers      JSON Schema of the answers document
  GET  /v1/schema/result       JSON Schema of the result
  POST /v1/memo                the memo (?format=md|html|docx&lang=zh|en|bilingual)

It listens on localhost unless --addr says otherwise. With a token (from
--token-file, or the B22_TOKEN environment variable) every /v1/ route wants
"Authorization: Bearer TOKEN". Access logs go to stderr as JSON lines.
SIGTERM or SIGINT stops it gracefully: it takes no new connections and
lets running requests finish, for up to --shutdown-timeout.`,
		Example: `  b22 serve
  B22_TOKEN=s3cret b22 serve --addr :8022
  curl -s --data-binary @answers.json localhost:8022/v1/classify`,
		Args: usageArgs(cobra.NoArgs),
		RunE: func(c *cobra.Command, args []string) error {
			if err := opts.check(a); err != nil {
				return err
			}
			return runServe(a, opts)
		},
	}
	f := c.Flags()
	f.StringVar(&opts.Addr, "addr", "127.0.0.1:8022", "listen on `HOST:PORT`")
	f.StringVar(&opts.TokenFile, "token-file", "", "require the bearer token in `FILE` on /v1/ routes (default: $B22_TOKEN, if set)")
	f.StringVar(&opts.MaxBody, "max-body", "1MiB", "largest request `SIZE` for one document")
	f.StringVar(&opts.MaxStreamBody, "max-stream-body", "256MiB", "largest request `SIZE` for /v1/classify/jsonl")
	f.DurationVar(&opts.ReadTimeout, "read-timeout", 30*time.Second, "longest time to read a request")
	f.DurationVar(&opts.WriteTimeout, "write-timeout", 30*time.Second, "longest time to answer a request, other than a stream")
	f.DurationVar(&opts.StreamTimeout, "stream-timeout", 10*time.Minute, "longest time for a /v1/classify/jsonl request")
	f.DurationVar(&opts.ShutdownTimeout, "shutdown-timeout", 20*time.Second, "how long running requests may finish after SIGTERM")
	return c
}

func (o *serveOptions) check(a *app) error {
	var err error
	if o.maxBody, err = parseSize(o.MaxBody); err != nil {
		return usageErrorf("--max-body %q: %v", o.MaxBody, err)
	}
	if o.maxStreamBody, err = parseSize(o.MaxStreamBody); err != nil {
		return usageErrorf("--max-stream-body %q: %v", o.MaxStreamBody, err)
	}
	for _, d := range []struct {
		name string
		v    time.Duration
	}{{"--read-timeout", o.ReadTimeout}, {"--write-timeout", o.WriteTimeout}, {"--stream-timeout", o.StreamTimeout}, {"--shutdown-timeout", o.ShutdownTimeout}} {
		if d.v <= 0 {
			return usageErrorf("%s %s: must be more than 0", d.name, d.v)
		}
	}
	o.token = a.s.getenv("B22_TOKEN")
	if o.TokenFile != "" {
		data, err := os.ReadFile(o.TokenFile)
		if err != nil {
			return invalidError{fmt.Sprintf("--token-file %s: %v", o.TokenFile, errors.Unwrap(err))}
		}
		o.token = strings.TrimSpace(string(data))
		if o.token == "" {
			return invalidError{fmt.Sprintf("--token-file %s: empty; it should hold the token", o.TokenFile)}
		}
	}
	return nil
}

// parseSize reads a byte count: a number with an optional unit, B, KiB,
// MiB or GiB (KB, MB and GB are read as the same powers of two).
func parseSize(s string) (int64, error) {
	units := []struct {
		suffix string
		mult   int64
	}{{"kib", 1 << 10}, {"mib", 1 << 20}, {"gib", 1 << 30}, {"kb", 1 << 10}, {"mb", 1 << 20}, {"gb", 1 << 30}, {"k", 1 << 10}, {"m", 1 << 20}, {"g", 1 << 30}, {"b", 1}}
	t := strings.ToLower(strings.TrimSpace(s))
	mult := int64(1)
	for _, u := range units {
		if strings.HasSuffix(t, u.suffix) {
			t, mult = strings.TrimSpace(strings.TrimSuffix(t, u.suffix)), u.mult
			break
		}
	}
	n, err := strconv.ParseInt(t, 10, 64)
	if err != nil || n <= 0 || n > (1<<62)/mult {
		return 0, errors.New("expected a size such as 1MiB, 512KiB or 1048576")
	}
	return n * mult, nil
}

// serveSignals stop the server gracefully.
var serveSignals = []os.Signal{os.Interrupt, syscall.SIGTERM}

func runServe(a *app, o *serveOptions) error {
	if _, err := a.ruleSet(); err != nil {
		return err
	}
	// Built before the first request, then shared read-only by all.
	a.answersParser()
	a.resultEncoder()
	logger := slog.New(slog.NewJSONHandler(a.s.Err, nil))
	// The relay is set up before listening, so that a SIGTERM arriving as
	// soon as the port is open already stops the server gracefully.
	signals := make(chan os.Signal, 1)
	if a.process.notify != nil {
		defer a.process.notify(signals, serveSignals...)()
	}
	// An address that is not HOST:PORT is a mistake in the command (exit
	// 2); one that cannot be listened on (in use, not this machine's) is a
	// failure of the run (exit 1).
	if _, port, err := net.SplitHostPort(o.Addr); err != nil || port == "" {
		return usageErrorf("--addr %q: want HOST:PORT, such as 127.0.0.1:8022 or :8022", o.Addr)
	}
	ln, err := net.Listen("tcp", o.Addr)
	if err != nil {
		return fmt.Errorf("--addr %s: %w", o.Addr, err)
	}
	srv := &http.Server{
		Handler:           newServer(a, o, logger),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       o.ReadTimeout,
		WriteTimeout:      o.WriteTimeout,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(logger.Handler(), slog.LevelWarn),
	}
	if host, _, _ := net.SplitHostPort(ln.Addr().String()); o.token == "" && !net.ParseIP(host).IsLoopback() {
		logger.Warn("listening beyond this machine without a token; set B22_TOKEN or --token-file", "addr", ln.Addr().String())
	}
	logger.Info("listening", "addr", ln.Addr().String(), "rules", a.rs.ID, "rules_version", a.rs.Version, "token", o.token != "")
	if o.ready != nil {
		o.ready(ln.Addr())
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	select {
	case err := <-served:
		return err
	case sig := <-signals:
		logger.Info("shutting down", "signal", sig.String())
	}
	ctx, cancel := context.WithTimeout(context.Background(), o.ShutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(ctx); err != nil {
		// Requests still running after the grace period are cut off: a
		// stop asked for is a stop, and exits 0 as the contract says.
		logger.Warn("requests cut off after the shutdown timeout", "timeout", o.ShutdownTimeout.String(), "error", err.Error())
		_ = srv.Close()
	}
	if err := <-served; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	logger.Info("stopped")
	return nil
}

// server answers the routes with the commands' own code, on the rule set,
// parser and encoder loaded once: the bytes are the command line's.
type server struct {
	a   *app
	o   *serveOptions
	log *slog.Logger
}

// serveRoute is one route; the OpenAPI description is checked against
// this list.
type serveRoute struct {
	method, path string
	auth         bool
	handle       func(s *server, w http.ResponseWriter, r *http.Request)
}

var serveRoutes = []serveRoute{
	{"GET", "/health", false, (*server).health},
	{"GET", "/openapi.yaml", false, (*server).openAPI},
	{"POST", "/v1/classify", true, (*server).classify},
	{"POST", "/v1/classify/jsonl", true, (*server).classifyLines},
	{"POST", "/v1/validate", true, (*server).validate},
	{"GET", "/v1/questions", true, (*server).questions},
	{"GET", "/v1/schema/{kind}", true, (*server).schema},
	{"POST", "/v1/memo", true, (*server).memo},
}

func newServer(a *app, o *serveOptions, logger *slog.Logger) http.Handler {
	s := &server{a: a, o: o, log: logger}
	mux := http.NewServeMux()
	for _, rt := range serveRoutes {
		var h http.Handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { rt.handle(s, w, r) })
		if rt.auth && o.token != "" {
			h = s.requireToken(h)
		}
		mux.Handle(rt.method+" "+rt.path, h)
	}
	// A catch-all answers in JSON, as every route does; it would also take
	// a known path's wrong method, which the mux alone answers 405.
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		var allow []string
		for _, rt := range serveRoutes {
			if pathMatches(rt.path, r.URL.Path) {
				allow = append(allow, rt.method)
			}
		}
		if len(allow) > 0 {
			w.Header().Set("Allow", strings.Join(allow, ", "))
			writeError(w, http.StatusMethodNotAllowed, fmt.Sprintf("%s %s: allowed: %s", r.Method, r.URL.Path, strings.Join(allow, ", ")), nil)
			return
		}
		writeError(w, http.StatusNotFound, fmt.Sprintf("no route %s %s; see /openapi.yaml", r.Method, r.URL.Path), nil)
	})
	return s.accessLog(mux)
}

// requestApp is the app a request runs the commands in: its body for
// stdin, out for stdout, stderr dropped (what matters of it is in the
// error returned), and the shared rule set.
func (s *server) requestApp(in io.Reader, out io.Writer) *app {
	return &app{
		s:        Streams{In: in, Out: out, Err: io.Discard},
		rulesDir: s.a.rulesDir, now: s.a.now,
		rs: s.a.rs, parser: s.a.parser, encoder: s.a.encoder,
	}
}

func (s *server) body(w http.ResponseWriter, r *http.Request, limit int64) io.Reader {
	return http.MaxBytesReader(w, r.Body, limit)
}

func (s *server) health(w http.ResponseWriter, r *http.Request) {
	var v struct {
		Status string      `json:"status"`
		Info   versionInfo `json:"version"`
	}
	v.Status, v.Info = "ok", versionOf(s.a.rs)
	var b bytes.Buffer
	_ = writeJSON(&b, v, true)
	writeBody(w, http.StatusOK, "application/json", b.Bytes())
}

func (s *server) openAPI(w http.ResponseWriter, r *http.Request) {
	writeBody(w, http.StatusOK, "application/yaml", docs.OpenAPI)
}

// classifyOptionsOf reads the query of a classify request into the
// options the command takes from its flags.
func classifyOptionsOf(r *http.Request, jsonl bool) *classifyOptions {
	q := r.URL.Query()
	o := &classifyOptions{Format: "json", JSONL: jsonl, AsOf: q.Get("as_of")}
	if q.Has("fields") {
		o.fieldsGiven = true
		for _, f := range strings.Split(q.Get("fields"), ",") {
			if f = strings.TrimSpace(f); f != "" {
				o.Fields = append(o.Fields, f)
			}
		}
	}
	o.Levers, _ = strconv.ParseBool(q.Get("levers"))
	return o
}

func (s *server) classify(w http.ResponseWriter, r *http.Request) {
	var out bytes.Buffer
	ra := s.requestApp(s.body(w, r, s.o.maxBody), &out)
	o := classifyOptionsOf(r, false)
	if err := o.check(ra); err != nil {
		s.fail(w, err)
		return
	}
	if err := runClassify(ra, o); err != nil {
		s.fail(w, err)
		return
	}
	writeBody(w, http.StatusOK, "application/json", out.Bytes())
}

// classifyLines streams: results are written as they are ready, while the
// body is still being read, as 'b22 classify --jsonl' does with a pipe.
func (s *server) classifyLines(w http.ResponseWriter, r *http.Request) {
	o := classifyOptionsOf(r, true)
	body := s.body(w, r, s.o.maxStreamBody)
	out := &streamResponse{w: w}
	ra := s.requestApp(body, out)
	if err := o.check(ra); err != nil {
		s.fail(w, err)
		return
	}
	if _, err := ra.asOf(o.AsOf); err != nil {
		s.fail(w, err)
		return
	}
	rc := http.NewResponseController(w)
	_ = rc.EnableFullDuplex()
	_ = rc.SetWriteDeadline(time.Now().Add(s.o.StreamTimeout))
	_ = rc.SetReadDeadline(time.Now().Add(s.o.StreamTimeout))
	out.rc = rc
	err := runClassify(ra, o)
	var linesInvalid exitCodeError
	if errors.As(err, &linesInvalid) {
		// Bad lines have their error objects in the stream, as on the
		// command line.
		err = nil
	}
	if err == nil {
		// The body was read to its end; this only drains a trailing
		// part the stream had no use for, before the connection serves
		// its next request.
		_, _ = io.Copy(io.Discard, body)
	}
	if out.started {
		if err != nil {
			// The status went with the first line, so the stream says why
			// it stopped in a last line of its own: an error object without
			// a line number, which no client takes for a result. The body
			// is not read on: the stream's reader may still hold it.
			s.log.Warn("stream ended early", "path", r.URL.Path, "error", err.Error())
			_, _ = out.Write(streamStopLine(err))
		}
		return
	}
	if err != nil {
		s.fail(w, err)
		return
	}
	w.Header().Set("Content-Type", "application/jsonl")
	w.WriteHeader(http.StatusOK)
}

// streamStopLine is the last line of a stream that stopped before the end
// of its body: the error object of a bad line, for the whole rest.
func streamStopLine(err error) []byte {
	msg := present.Sanitize(err.Error())
	var ps classify.Problems
	var tooLarge *http.MaxBytesError
	if errors.As(err, &tooLarge) {
		msg = fmt.Sprintf("the request body is over the %d-byte limit; the stream stopped here", tooLarge.Limit)
		ps = classify.Problems{{Code: classify.CodeTooLarge, Message: msg}}
	}
	if ps == nil {
		ps = classify.Problems{}
	}
	var b bytes.Buffer
	_ = writeJSON(&b, struct {
		Error streamErrorField `json:"error"`
	}{streamErrorField{Message: msg, Problems: ps}}, false)
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

func (s *server) validate(w http.ResponseWriter, r *http.Request) {
	var out bytes.Buffer
	ra := s.requestApp(s.body(w, r, s.o.maxBody), &out)
	// An invalid document is an answer, not a failed request: the report
	// says valid: false and lists the problems.
	if err := runValidate(ra, &validateOptions{Format: "json"}); err != nil && out.Len() == 0 {
		s.fail(w, err)
		return
	}
	writeBody(w, http.StatusOK, "application/json", out.Bytes())
}

func (s *server) questions(w http.ResponseWriter, r *http.Request) {
	format := r.URL.Query().Get("format")
	if format == "" {
		format = "json"
	}
	if format != "json" && format != "md" {
		writeError(w, http.StatusBadRequest, fmt.Sprintf("format %q: allowed: json, md", format), nil)
		return
	}
	var out bytes.Buffer
	if err := runQuestions(s.requestApp(nil, &out), &questionsOptions{Format: format}); err != nil {
		s.fail(w, err)
		return
	}
	ct := "application/json"
	if format == "md" {
		ct = "text/markdown; charset=utf-8"
	}
	writeBody(w, http.StatusOK, ct, out.Bytes())
}

func (s *server) schema(w http.ResponseWriter, r *http.Request) {
	var v any
	switch kind := r.PathValue("kind"); kind {
	case "answers":
		v = answers.Schema(s.a.rs)
	case "result":
		v = resultjson.Schema(s.a.rs)
	default:
		writeError(w, http.StatusNotFound, fmt.Sprintf("no schema %q; allowed: answers, result", kind), nil)
		return
	}
	var b bytes.Buffer
	_ = writeJSON(&b, v, true)
	writeBody(w, http.StatusOK, "application/schema+json", b.Bytes())
}

var memoTypes = map[string]string{
	"md":   "text/markdown; charset=utf-8",
	"html": "text/html; charset=utf-8",
	"docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}

// memo renders as 'b22 memo' does: the date the memo is prepared (default
// today) fixes the as-of date unless as_of is given.
func (s *server) memo(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	format, lang := q.Get("format"), q.Get("lang")
	if format == "" {
		format = "md"
	}
	if memoTypes[format] == "" {
		writeError(w, http.StatusBadRequest, fmt.Sprintf("format %q: allowed: md, html, docx", format), nil)
		return
	}
	switch lang {
	case "":
		lang = "en"
	case "zh", "en", "bilingual":
	default:
		writeError(w, http.StatusBadRequest, fmt.Sprintf("lang %q: allowed: zh, en, bilingual", lang), nil)
		return
	}
	date := classify.DateOf(s.a.now())
	if d := q.Get("date"); d != "" {
		var err error
		if date, err = classify.ParseDate(d); err != nil {
			writeError(w, http.StatusBadRequest, fmt.Sprintf("date %q: expected a date YYYY-MM-DD", d), nil)
			return
		}
	}
	asOf := date
	if d := q.Get("as_of"); d != "" {
		var err error
		if asOf, err = classify.ParseDate(d); err != nil {
			writeError(w, http.StatusBadRequest, fmt.Sprintf("as_of %q: expected a date YYYY-MM-DD", d), nil)
			return
		}
	}
	ra := s.requestApp(s.body(w, r, s.o.maxBody), io.Discard)
	rs, doc, err := ra.parseDocument("")
	if err != nil {
		s.fail(w, err)
		return
	}
	res, err := rs.Assess(doc, asOf)
	if err != nil {
		s.fail(w, asOfError(err))
		return
	}
	data, err := memo.Render(rs, doc, res, memo.Options{Format: format, Lang: lang, Date: date})
	if err != nil {
		s.fail(w, err)
		return
	}
	writeBody(w, http.StatusOK, memoTypes[format], data)
}

// paramWords turns the command line's flag names in a message into the
// query parameters of the same meaning.
var paramWords = strings.NewReplacer("--as-of", "as_of", "--fields", "fields", "--levers", "levers")

// fail answers an error as the command line would word it: a request too
// large 413, an invalid document 422 with its problems, any other bad
// input 400, anything else 500.
func (s *server) fail(w http.ResponseWriter, err error) {
	var tooLarge *http.MaxBytesError
	var ps classify.Problems
	msg := present.Sanitize(paramWords.Replace(err.Error()))
	switch {
	case errors.As(err, &tooLarge):
		writeError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("request body larger than the %d-byte limit", tooLarge.Limit), nil)
	case errors.As(err, &ps):
		writeError(w, http.StatusUnprocessableEntity, msg, ps)
	case errors.Is(err, errInvalid):
		writeError(w, http.StatusBadRequest, msg, nil)
	default:
		s.log.Error("request failed", "error", err.Error())
		writeError(w, http.StatusInternalServerError, msg, nil)
	}
}

// writeError writes the error object of the --jsonl stream's bad lines:
// {"error": {"message": ..., "problems": [...]}}.
func writeError(w http.ResponseWriter, status int, msg string, ps classify.Problems) {
	if ps == nil {
		ps = classify.Problems{}
	}
	var b bytes.Buffer
	_ = writeJSON(&b, struct {
		Error streamErrorField `json:"error"`
	}{streamErrorField{Message: msg, Problems: ps}}, true)
	writeBody(w, status, "application/json", b.Bytes())
}

func writeBody(w http.ResponseWriter, status int, contentType string, body []byte) {
	w.Header().Set("Content-Type", contentType)
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	_, _ = w.Write(body)
}

func (s *server) requireToken(next http.Handler) http.Handler {
	// Hashes of equal length are compared, so that the time taken says
	// nothing of the token's length either; the scheme's name is
	// case-insensitive (RFC 7235).
	want := sha256.Sum256([]byte(s.o.token))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		scheme, token, _ := strings.Cut(r.Header.Get("Authorization"), " ")
		got := sha256.Sum256([]byte(token))
		if !strings.EqualFold(scheme, "Bearer") || subtle.ConstantTimeCompare(got[:], want[:]) != 1 {
			w.Header().Set("WWW-Authenticate", `Bearer realm="b22"`)
			writeError(w, http.StatusUnauthorized, "missing or wrong bearer token", nil)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// accessLog logs one JSON line per request: what was asked, the status,
// the size of the answer and how long it took.
func (s *server) accessLog(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(rec, r)
		s.log.LogAttrs(r.Context(), slog.LevelInfo, "request",
			slog.String("method", r.Method),
			slog.String("path", r.URL.Path),
			slog.Int("status", rec.status),
			slog.Int64("bytes", rec.bytes),
			slog.Float64("duration_ms", float64(time.Since(start).Microseconds())/1000),
			slog.String("remote", r.RemoteAddr),
		)
	})
}

type statusRecorder struct {
	http.ResponseWriter
	status int
	bytes  int64
}

func (r *statusRecorder) WriteHeader(code int) {
	r.status = code
	r.ResponseWriter.WriteHeader(code)
}

func (r *statusRecorder) Write(p []byte) (int, error) {
	n, err := r.ResponseWriter.Write(p)
	r.bytes += int64(n)
	return n, err
}

// Unwrap lets http.ResponseController reach the connection (flushing, the
// deadlines of a stream).
func (r *statusRecorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

// pathMatches reports whether path fits pattern, whose one wildcard
// ({kind}) is a last segment.
func pathMatches(pattern, path string) bool {
	if i := strings.IndexByte(pattern, '{'); i >= 0 {
		return strings.HasPrefix(path, pattern[:i]) && len(path) > i && !strings.Contains(path[i:], "/")
	}
	return pattern == path
}
