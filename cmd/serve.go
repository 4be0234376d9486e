package cmd

import (
	"bytes"
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"os"
	"runtime"
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
	MaxMemoBody     string
	ReadTimeout     time.Duration
	WriteTimeout    time.Duration
	StreamTimeout   time.Duration
	ShutdownTimeout time.Duration
	BodyTimeout     time.Duration
	MaxConns        int
	MaxRequests     int
	AllowOrigins    []string

	token         string
	maxBody       int64
	maxStreamBody int64
	maxMemoBody   int64
	// maxConnsNote says why --max-conns was lowered, for the log.
	maxConnsNote string
	// base is cancelled, with errShuttingDown, when the grace period of a
	// shutdown ends; nil in tests that serve without runServe.
	base context.Context
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
--token-file, or the B22_TOKEN environment variable) every route but
/health and /openapi.yaml wants "Authorization: Bearer TOKEN". Requests
from web pages of other origins are refused unless --allow-origin names
them. Access logs go to stderr as JSON lines.

Limits: --max-conns connections and --max-requests requests at work at
once (more are answered 503 with Retry-After); a body that stops coming for
--body-timeout (no line break, nor 64 KiB, in that time) is cut off (408).
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
	f.StringVar(&opts.MaxMemoBody, "max-memo-body", "128KiB", "largest request `SIZE` for /v1/memo, whose cost grows with the product's texts")
	f.DurationVar(&opts.ReadTimeout, "read-timeout", 30*time.Second, "longest time to read a request")
	f.DurationVar(&opts.WriteTimeout, "write-timeout", 30*time.Second, "longest time to answer a request, other than a stream")
	f.DurationVar(&opts.StreamTimeout, "stream-timeout", 10*time.Minute, "longest time for a /v1/classify/jsonl request")
	f.DurationVar(&opts.ShutdownTimeout, "shutdown-timeout", 20*time.Second, "how long running requests may finish after SIGTERM")
	f.DurationVar(&opts.BodyTimeout, "body-timeout", 10*time.Second, "longest wait for more of a request body: a line break, or 64 KiB")
	f.IntVar(&opts.MaxConns, "max-conns", 4096, "most connections open at once (lowered to what the open-file limit allows)")
	f.IntVar(&opts.MaxRequests, "max-requests", 64, "most requests at work at once: documents classified, validated or rendered, and streams")
	f.StringSliceVar(&opts.AllowOrigins, "allow-origin", nil, "serve web pages from `ORIGIN` (scheme://host:port; '*' for any), which browsers otherwise may not call")
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
	if o.MaxMemoBody == "" {
		o.MaxMemoBody = "128KiB"
	}
	if o.maxMemoBody, err = parseSize(o.MaxMemoBody); err != nil {
		return usageErrorf("--max-memo-body %q: %v", o.MaxMemoBody, err)
	}
	for _, d := range []struct {
		name string
		v    time.Duration
	}{{"--read-timeout", o.ReadTimeout}, {"--write-timeout", o.WriteTimeout}, {"--stream-timeout", o.StreamTimeout}, {"--shutdown-timeout", o.ShutdownTimeout}, {"--body-timeout", o.BodyTimeout}} {
		if d.v <= 0 {
			return usageErrorf("%s %s: must be more than 0", d.name, d.v)
		}
	}
	if o.MaxConns <= 0 {
		return usageErrorf("--max-conns %d: must be more than 0", o.MaxConns)
	}
	if o.MaxRequests <= 0 {
		return usageErrorf("--max-requests %d: must be more than 0", o.MaxRequests)
	}
	if n, ok := fdLimit(); ok && o.MaxConns > n {
		o.maxConnsNote = fmt.Sprintf("--max-conns %d lowered to %d: the open-file limit allows no more", o.MaxConns, n)
		o.MaxConns = n
	}
	for _, origin := range o.AllowOrigins {
		if origin != "*" && (!strings.Contains(origin, "://") || strings.HasSuffix(origin, "/")) {
			return usageErrorf("--allow-origin %q: want scheme://host[:port], as a browser sends it, or '*'", origin)
		}
	}
	// A token setting that cannot work is refused at start, never found
	// out by clients that no token can pass.
	if v, set := a.s.lookupEnv("B22_TOKEN"); set {
		tok := strings.TrimSpace(v)
		switch {
		case tok == "":
			return invalidError{"B22_TOKEN is set but empty; unset it to serve without a token, or set it to the token"}
		case strings.ContainsAny(tok, "\r\n"):
			return invalidError{"B22_TOKEN holds more than one line; it should hold the token"}
		}
		o.token = tok
	}
	if o.TokenFile != "" {
		tok, err := readTokenFile(o.TokenFile)
		if err != nil {
			return invalidError{fmt.Sprintf("--token-file %s: %v", o.TokenFile, err)}
		}
		o.token = tok
	}
	return nil
}

// maxTokenFile is the size of the largest token file read: a token is a
// line.
const maxTokenFile = 4 << 10

// readTokenFile reads a token as rule files are read: a regular file,
// looked at before it is opened (a named pipe would hang the start, a
// device such as /dev/zero never end), of at most maxTokenFile bytes, and
// one line.
func readTokenFile(path string) (string, error) {
	info, err := os.Stat(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return "", errors.New("no such file or directory")
		}
		return "", errors.Unwrap(err)
	}
	if !info.Mode().IsRegular() {
		return "", fmt.Errorf("not a regular file (%s); the token must be in an ordinary file", fileKind(info.Mode()))
	}
	f, err := os.Open(path)
	if err != nil {
		return "", errors.Unwrap(err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxTokenFile+1))
	if err != nil {
		return "", errors.Unwrap(err)
	}
	if len(data) > maxTokenFile {
		return "", fmt.Errorf("over %d bytes; it should hold the token, on one line", maxTokenFile)
	}
	tok := strings.TrimSpace(string(data))
	switch {
	case tok == "":
		return "", errors.New("empty; it should hold the token")
	case strings.ContainsAny(tok, "\r\n"):
		return "", errors.New("more than one line; it should hold the token, on one line")
	}
	return tok, nil
}

func fileKind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "not a plain file"
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
	if o.maxConnsNote != "" {
		logger.Warn(o.maxConnsNote)
	}
	// Requests run under a context that the end of the grace period of a
	// shutdown cancels: a stream still running then stops with a last line
	// that says so, before its connection is closed.
	base, stopAll := context.WithCancelCause(context.Background())
	defer stopAll(nil)
	o.base = base
	host, _, _ := net.SplitHostPort(ln.Addr().String())
	srv := &http.Server{
		Handler:           newServer(a, o, logger, net.ParseIP(host).IsLoopback()),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       o.ReadTimeout,
		WriteTimeout:      o.WriteTimeout,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(logger.Handler(), slog.LevelWarn),
		BaseContext:       func(net.Listener) context.Context { return base },
	}
	if o.token == "" && !net.ParseIP(host).IsLoopback() {
		logger.Warn("listening beyond this machine without a token; set B22_TOKEN or --token-file", "addr", ln.Addr().String())
	}
	logger.Info("listening", "addr", ln.Addr().String(), "rules", a.rs.ID(), "rules_version", a.rs.Version(), "token", o.token != "",
		"max_conns", o.MaxConns, "max_requests", o.MaxRequests)
	if o.ready != nil {
		o.ready(ln.Addr())
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(newConnLimiter(ln, o.MaxConns, logger)) }()
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
		// Streams are told first, and given a moment to say so in a
		// last line.
		logger.Warn("requests cut off after the shutdown timeout", "timeout", o.ShutdownTimeout.String(), "error", err.Error())
		stopAll(errShuttingDown)
		last, cancelLast := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancelLast()
		if srv.Shutdown(last) != nil {
			_ = srv.Close()
		}
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
	a       *app
	o       *serveOptions
	log     *slog.Logger
	working slots // requests at work (--max-requests)
	// memos bounds the memos rendered at once to the cores: a memo of a
	// long description costs far more memory than any other request
	// (some 100 MB for a 1 MiB description of 170,000 lines, in DOCX).
	memos   slots
	origins originPolicy
}

// serveRoute is one route; the OpenAPI description is checked against
// this list. Routes without auth are open even when a token is set.
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

func newServer(a *app, o *serveOptions, logger *slog.Logger, loopback bool) http.Handler {
	s := &server{a: a, o: o, log: logger, working: make(slots, max(o.MaxRequests, 1)), memos: make(slots, runtime.GOMAXPROCS(0)),
		origins: originPolicy{allowed: o.AllowOrigins, loopback: loopback}}
	mux := http.NewServeMux()
	for _, rt := range serveRoutes {
		mux.HandleFunc(rt.method+" "+rt.path, func(w http.ResponseWriter, r *http.Request) { rt.handle(s, w, r) })
	}
	// A catch-all answers in JSON, as every route does; it would also take
	// a known path's wrong method, which the mux alone answers 405. A GET
	// route also answers HEAD, and says so.
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		var allow []string
		for _, rt := range serveRoutes {
			if pathMatches(rt.path, r.URL.Path) {
				allow = append(allow, rt.method)
				if rt.method == http.MethodGet {
					allow = append(allow, http.MethodHead)
				}
			}
		}
		if len(allow) > 0 {
			w.Header().Set("Allow", strings.Join(allow, ", "))
			writeError(w, http.StatusMethodNotAllowed, fmt.Sprintf("method %s not allowed here; allowed: %s", r.Method, strings.Join(allow, ", ")), nil)
			return
		}
		// The path is not repeated: an answer echoes nothing a client sent.
		writeError(w, http.StatusNotFound, "no such route; see /openapi.yaml", nil)
	})
	var h http.Handler = mux
	if o.token != "" {
		h = s.requireToken(h)
	}
	return s.accessLog(s.guard(h))
}

// guard refuses what no route should see: a request from a web page of
// another origin, or one with a loopback server's Host rebound. Every
// answer tells browsers not to guess its type.
func (s *server) guard(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Content-Type-Options", "nosniff")
		if status, msg := s.origins.check(r); status != 0 {
			writeError(w, status, msg, nil)
			return
		}
		if s.origins.cors(w, r) {
			return // a preflight, answered
		}
		next.ServeHTTP(w, r)
	})
}

// open reports whether path is served without the token: /health for
// load balancers and the API's description.
func open(path string) bool {
	for _, rt := range serveRoutes {
		if !rt.auth && rt.path == path {
			return true
		}
	}
	return false
}

// requestApp is the app a request runs the commands in: in for stdin,
// out for stdout, stderr dropped (what matters of it is in the error
// returned), the shared rule set, and the request's deadline.
func (s *server) requestApp(ctx context.Context, in io.Reader, out io.Writer) *app {
	return &app{
		s:        Streams{In: in, Out: out, Err: io.Discard},
		rulesDir: s.a.rulesDir, now: s.a.now,
		rs: s.a.rs, parser: s.a.parser, encoder: s.a.encoder,
		ctx: ctx,
	}
}

// document reads the body of a one-document request, then takes a place
// among the requests at work: a client still sending its body holds none.
// It returns the request's deadline for the work, and release, or false
// after answering the request itself.
func (s *server) document(w http.ResponseWriter, r *http.Request, limit int64) ([]byte, context.Context, func(), bool) {
	start := time.Now()
	body := newBodyReader(w, r, limit, s.o.BodyTimeout, start.Add(s.o.ReadTimeout))
	data, err := body.readAll()
	if err != nil {
		s.fail(w, r, err)
		return nil, nil, nil, false
	}
	if !s.working.take() {
		s.busy(w)
		return nil, nil, nil, false
	}
	ctx, cancel := context.WithDeadline(r.Context(), start.Add(s.o.WriteTimeout))
	return data, ctx, func() { cancel(); s.working.give() }, true
}

// busy answers 503: the server holds its limit of requests at work.
func (s *server) busy(w http.ResponseWriter) {
	w.Header().Set("Retry-After", retryAfter)
	writeError(w, http.StatusServiceUnavailable, busyMessage("requests at work", cap(s.working)), nil)
}

// health says the server is up, with the build and the rule set it
// serves, but not the Go version: that is for 'b22 version', not for
// anyone who can reach the port.
func (s *server) health(w http.ResponseWriter, r *http.Request) {
	v := versionOf(s.a.rs)
	var h struct {
		Status  string `json:"status"`
		Version struct {
			Tool     string `json:"tool"`
			Revision string `json:"revision"`
			Modified bool   `json:"modified"`
			Rules    any    `json:"rules"`
		} `json:"version"`
	}
	h.Status = "ok"
	h.Version.Tool, h.Version.Revision, h.Version.Modified, h.Version.Rules = v.Tool, v.Revision, v.Modified, v.Rules
	var b bytes.Buffer
	_ = writeJSON(&b, h, true)
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
	o := classifyOptionsOf(r, false)
	if err := o.check(s.requestApp(r.Context(), nil, nil)); err != nil {
		s.fail(w, r, err)
		return
	}
	data, ctx, release, ok := s.document(w, r, s.o.maxBody)
	if !ok {
		return
	}
	defer release()
	var out bytes.Buffer
	err := runClassify(s.requestApp(ctx, bytes.NewReader(data), &out), o)
	if err == nil {
		err = ctx.Err() // the answer came too late to be worth sending
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeBody(w, http.StatusOK, "application/json", out.Bytes())
}

// classifyLines streams: results are written as they are ready, while the
// body is still being read, as 'b22 classify --jsonl' does with a pipe. A
// stream takes its place among the requests at work with its first line:
// a client that sends nothing, or a byte now and then, holds none, and is
// cut off after --body-timeout.
func (s *server) classifyLines(w http.ResponseWriter, r *http.Request) {
	o := classifyOptionsOf(r, true)
	end := time.Now().Add(s.o.StreamTimeout)
	body := newBodyReader(w, r, s.o.maxStreamBody, s.o.BodyTimeout, end)
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
	base := s.o.base
	if base == nil {
		base = context.Background()
	}
	ctx, cancel := context.WithDeadlineCause(base, end, errStreamTimeout)
	defer cancel()
	out := &streamResponse{w: w}
	ra := s.requestApp(ctx, body, out)
	if err := o.check(ra); err != nil {
		s.fail(w, r, err)
		return
	}
	if _, err := ra.asOf(o.AsOf); err != nil {
		s.fail(w, r, err)
		return
	}
	rc := http.NewResponseController(w)
	_ = rc.EnableFullDuplex()
	_ = rc.SetWriteDeadline(end.Add(streamLastWords)) // time for the stop line
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
			if _, _, client := statusOfBody(err); client {
				level = slog.LevelInfo
			}
			s.log.Log(r.Context(), level, "stream ended early", "path", r.URL.Path, "error", streamStopMessage(err))
			_, _ = out.Write(streamStopLine(err))
		}
		return
	}
	if err != nil {
		if errors.Is(err, errBusy) {
			s.busy(w)
			return
		}
		s.fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/jsonl")
	w.WriteHeader(http.StatusOK)
}

// streamLastWords is how long after its deadline a stream may take to
// write the line that says it stopped.
const streamLastWords = 2 * time.Second

// errStreamTimeout ends a stream that runs past --stream-timeout.
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
	return present.Sanitize(err.Error())
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
	data, ctx, release, ok := s.document(w, r, s.o.maxBody)
	if !ok {
		return
	}
	defer release()
	var out bytes.Buffer
	// An invalid document is an answer, not a failed request: the report
	// says valid: false and lists the problems.
	if err := runValidate(s.requestApp(ctx, bytes.NewReader(data), &out), &validateOptions{Format: "json"}); err != nil && out.Len() == 0 {
		s.fail(w, r, err)
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
	if err := runQuestions(s.requestApp(r.Context(), nil, &out), &questionsOptions{Format: format}); err != nil {
		s.fail(w, r, err)
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
		writeError(w, http.StatusNotFound, fmt.Sprintf("no schema %q; allowed: answers, result", clipParam(kind)), nil)
		return
	}
	var b bytes.Buffer
	_ = writeJSON(&b, v, true)
	writeBody(w, http.StatusOK, "application/schema+json", b.Bytes())
}

// clipParam is a request's word as quoted in an answer: short, and
// sanitised.
func clipParam(s string) string {
	if len(s) > 40 {
		s = s[:40] + "..."
	}
	return present.Sanitize(s)
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
		writeError(w, http.StatusBadRequest, fmt.Sprintf("format %q: allowed: md, html, docx", clipParam(format)), nil)
		return
	}
	switch lang {
	case "":
		lang = "en"
	case "zh", "en", "bilingual":
	default:
		writeError(w, http.StatusBadRequest, fmt.Sprintf("lang %q: allowed: zh, en, bilingual", clipParam(lang)), nil)
		return
	}
	date := classify.DateOf(s.a.now())
	if d := q.Get("date"); d != "" {
		var err error
		if date, err = classify.ParseDate(d); err != nil {
			writeError(w, http.StatusBadRequest, fmt.Sprintf("date %q: expected a date YYYY-MM-DD", clipParam(d)), nil)
			return
		}
	}
	asOf := date
	if d := q.Get("as_of"); d != "" {
		var err error
		if asOf, err = classify.ParseDate(d); err != nil {
			writeError(w, http.StatusBadRequest, fmt.Sprintf("as_of %q: expected a date YYYY-MM-DD", clipParam(d)), nil)
			return
		}
	}
	data, ctx, release, ok := s.document(w, r, min(s.o.maxBody, s.o.maxMemoBody))
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
	ra := s.requestApp(ctx, bytes.NewReader(data), io.Discard)
	rs, doc, err := ra.parseDocument("")
	if err != nil {
		s.fail(w, r, err)
		return
	}
	res, err := rs.Evaluate(doc, classify.Options{AsOf: asOf, Levers: true})
	if err != nil {
		s.fail(w, r, asOfError(err))
		return
	}
	if err := ctx.Err(); err != nil {
		s.fail(w, r, err)
		return
	}
	out, err := memo.Render(rs, doc, res, memo.Options{Format: format, Lang: lang, Date: date})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeBody(w, http.StatusOK, memoTypes[format], out)
}

// paramWords turns the command line's flag names in a message into the
// query parameters of the same meaning.
var paramWords = strings.NewReplacer("--as-of", "as_of", "--fields", "fields", "--levers", "levers")

// fail answers an error as the command line would word it: a request too
// large 413, a body the client failed to send 400 or 408, an invalid
// document 422 with its problems, any other bad input 400, anything else
// 500. Only the last is the server's fault, logged as an error.
func (s *server) fail(w http.ResponseWriter, r *http.Request, err error) {
	var ps classify.Problems
	msg := present.Sanitize(paramWords.Replace(err.Error()))
	if status, bodyMsg, client := statusOfBody(err); status != 0 {
		if status == http.StatusServiceUnavailable {
			w.Header().Set("Retry-After", retryAfter)
		}
		if !client {
			s.log.Warn("request ran out of time", "path", r.URL.Path)
		}
		writeError(w, status, bodyMsg, nil)
		return
	}
	switch {
	case errors.As(err, &ps):
		writeError(w, http.StatusUnprocessableEntity, msg, ps)
	case errors.Is(err, errInvalid):
		writeError(w, http.StatusBadRequest, msg, nil)
	default:
		s.log.Error("request failed", "path", r.URL.Path, "error", err.Error())
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
		if open(r.URL.Path) {
			next.ServeHTTP(w, r)
			return
		}
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

// accessLog logs one JSON line per request answered: what was asked, the
// status, the size of the answer and how long it took. An answer that did
// not reach the client (the connection broke, the client stopped reading)
// is logged as not delivered, never as a request served.
func (s *server) accessLog(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(rec, r.WithContext(context.WithValue(r.Context(), rawWriterKey{}, w)))
		if rec.err == nil {
			// What is still buffered goes out now, so that its failure is
			// known here.
			if err := http.NewResponseController(w).Flush(); err != nil {
				rec.err = err
			}
		}
		msg, level := "request", slog.LevelInfo
		attrs := []slog.Attr{
			slog.String("method", r.Method),
			slog.String("path", r.URL.Path),
			slog.Int("status", rec.status),
			slog.Int64("bytes", rec.bytes),
			slog.Float64("duration_ms", float64(time.Since(start).Microseconds())/1000),
			slog.String("remote", r.RemoteAddr),
		}
		if rec.err != nil {
			msg = "response not delivered"
			attrs = append(attrs, slog.String("error", (&bodyError{err: rec.err}).cause()))
		}
		s.log.LogAttrs(r.Context(), level, msg, attrs...)
	})
}

type statusRecorder struct {
	http.ResponseWriter
	status int
	bytes  int64
	err    error // the first write that failed
}

func (r *statusRecorder) WriteHeader(code int) {
	r.status = code
	r.ResponseWriter.WriteHeader(code)
}

func (r *statusRecorder) Write(p []byte) (int, error) {
	n, err := r.ResponseWriter.Write(p)
	r.bytes += int64(n)
	if err != nil && r.err == nil {
		r.err = err
	}
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
