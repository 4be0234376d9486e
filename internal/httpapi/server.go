// Package httpapi is b22's HTTP API ('b22 serve'): it reads a request's
// query and body into the service's typed requests, and writes what the
// service returns, or its error with the status of the error's kind. It
// adds only what HTTP needs: routes, a bearer token, the origin checks of
// a server on localhost, limits on connections, requests and bodies,
// timeouts, access logs and a graceful shutdown. The bytes of each answer
// are the command line's.
package httpapi

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"runtime"
	"strings"
	"time"

	"b22/internal/service"
)

// Config is how a server is set up; cmd fills it from serve's flags.
type Config struct {
	// Token, when set, is the bearer token every route but /health and
	// /openapi.yaml wants.
	Token string
	// MaxBody, MaxStreamBody and MaxMemoBody are the largest request
	// bodies for one document, a stream and a memo.
	MaxBody, MaxStreamBody, MaxMemoBody int64
	// ReadTimeout and WriteTimeout bound reading and answering a request
	// other than a stream; StreamTimeout a stream; BodyTimeout the wait for
	// more of a body (a line break, or 64 KiB); ShutdownTimeout how long
	// running requests may finish after a stop is asked for.
	ReadTimeout, WriteTimeout, StreamTimeout, BodyTimeout, ShutdownTimeout time.Duration
	// MaxConns and MaxRequests are the connections open and the requests
	// at work at once; more are answered 503.
	MaxConns, MaxRequests int
	// AllowOrigins are the origins whose web pages may call the server
	// ("*" for any).
	AllowOrigins []string
	// Version is what /health reports as the server's version.
	Version any

	// onShutdown, when set by a test, is called once a shutdown has
	// begun: the server takes no new connections.
	onShutdown func()
}

// errShuttingDown ends the streams still running when the grace period of
// a shutdown is over.
var errShuttingDown = errors.New("the server is shutting down")

// Serve serves on ln until a signal comes on stop, then shuts down
// gracefully: no new connections, and the running requests have
// ShutdownTimeout to finish. A stop asked for is a stop: it returns nil
// even when requests had to be cut off.
func Serve(ln net.Listener, cfg Config, svc *service.Service, log *slog.Logger, stop <-chan os.Signal) error {
	// Requests run under a context that the end of the grace period of a
	// shutdown cancels: a stream still running then stops with a last line
	// that says so, before its connection is closed.
	base, stopAll := context.WithCancelCause(context.Background())
	defer stopAll(nil)
	host, _, _ := net.SplitHostPort(ln.Addr().String())
	loopback := net.ParseIP(host).IsLoopback()
	srv := &http.Server{
		Handler:           newServer(cfg, svc, log, loopback, base).handler(),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       cfg.ReadTimeout,
		WriteTimeout:      cfg.WriteTimeout,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
		BaseContext:       func(net.Listener) context.Context { return base },
	}
	if cfg.onShutdown != nil {
		srv.RegisterOnShutdown(cfg.onShutdown)
	}
	if cfg.Token == "" && !loopback {
		log.Warn("listening beyond this machine without a token; set B22_TOKEN or --token-file", "addr", ln.Addr().String())
	}
	rs := svc.RuleSet()
	log.Info("listening", "addr", ln.Addr().String(), "rules", rs.ID(), "rules_version", rs.Version(), "token", cfg.Token != "",
		"max_conns", cfg.MaxConns, "max_requests", cfg.MaxRequests)
	served := make(chan error, 1)
	go func() { served <- srv.Serve(newConnLimiter(ln, cfg.MaxConns, log)) }()
	select {
	case err := <-served:
		return err
	case sig := <-stop:
		log.Info("shutting down", "signal", sig.String())
	}
	ctx, cancel := context.WithTimeout(context.Background(), cfg.ShutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(ctx); err != nil {
		// Requests still running after the grace period are cut off.
		// Streams are told first, and given a moment to say so in a last
		// line.
		log.Warn("requests cut off after the shutdown timeout", "timeout", cfg.ShutdownTimeout.String(), "error", err.Error())
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
	log.Info("stopped")
	return nil
}

// server answers the routes with the service, on the rule set, parser
// and encoder prepared once.
type server struct {
	cfg     Config
	svc     *service.Service
	log     *slog.Logger
	working slots // requests at work (--max-requests)
	// memos bounds the memos rendered at once to the cores: a memo of a
	// long description costs far more memory than any other request
	// (some 100 MB for a 1 MiB description of 170,000 lines, in DOCX).
	memos   slots
	origins originPolicy
	// base is cancelled, with errShuttingDown, when the grace period of a
	// shutdown ends.
	base context.Context
	// bodyRead, when set by a test, is told each time a request body
	// gives bytes.
	bodyRead func()
}

// route is one route, with the query parameters it takes (any other is
// refused: query.go); the OpenAPI description is checked against this
// list. Routes without auth are open even when a token is set.
type route struct {
	method, path string
	auth         bool
	params       []service.Option
	handle       func(s *server, w http.ResponseWriter, r *http.Request)
}

// ignoresQuery are the routes that read nothing from a request: a
// monitor's probe or a cache may add a query of its own (?ts=…), and
// refusing it would report a healthy server as down.
var ignoresQuery = map[string]bool{"/health": true, "/openapi.yaml": true}

var routes = []route{
	{"GET", "/health", false, nil, (*server).health},
	{"GET", "/openapi.yaml", false, nil, (*server).openAPI},
	{"POST", "/v1/classify", true, []service.Option{service.OptAsOf, service.OptFields}, (*server).classify},
	{"POST", "/v1/classify/jsonl", true, []service.Option{service.OptAsOf, service.OptFields, service.OptLevers}, (*server).classifyLines},
	{"POST", "/v1/validate", true, nil, (*server).validate},
	{"GET", "/v1/questions", true, []service.Option{service.OptFormat}, (*server).questions},
	{"GET", "/v1/schema/{kind}", true, nil, (*server).schema},
	{"POST", "/v1/memo", true, []service.Option{service.OptFormat, service.OptLang, service.OptDate, service.OptAsOf}, (*server).memo},
}

// Handler is the API's handler as Serve serves it, for a server whose
// address is loopback or not.
func Handler(cfg Config, svc *service.Service, log *slog.Logger, loopback bool) http.Handler {
	return newServer(cfg, svc, log, loopback, context.Background()).handler()
}

func newServer(cfg Config, svc *service.Service, log *slog.Logger, loopback bool, base context.Context) *server {
	return &server{cfg: cfg, svc: svc, log: log, working: make(slots, max(cfg.MaxRequests, 1)), memos: make(slots, runtime.GOMAXPROCS(0)),
		origins: originPolicy{allowed: cfg.AllowOrigins, loopback: loopback}, base: base}
}

func (s *server) handler() http.Handler {
	mux := http.NewServeMux()
	for _, rt := range routes {
		mux.HandleFunc(rt.method+" "+rt.path, func(w http.ResponseWriter, r *http.Request) {
			if err := rt.checkQuery(r.URL.RawQuery); err != nil && !ignoresQuery[rt.path] {
				s.fail(w, r, err)
				return
			}
			rt.handle(s, w, r)
		})
	}
	// A catch-all answers in JSON, as every route does; it would also take
	// a known path's wrong method, which the mux alone answers 405. A GET
	// route also answers HEAD, and says so.
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		var allow []string
		for _, rt := range routes {
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
	if s.cfg.Token != "" {
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
	for _, rt := range routes {
		if !rt.auth && rt.path == path {
			return true
		}
	}
	return false
}

func (s *server) requireToken(next http.Handler) http.Handler {
	// Hashes of equal length are compared, so that the time taken says
	// nothing of the token's length either; the scheme's name is
	// case-insensitive (RFC 7235).
	want := sha256.Sum256([]byte(s.cfg.Token))
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
