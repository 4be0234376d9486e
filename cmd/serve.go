package cmd

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net"
	"os"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"b22/classify"
	"b22/internal/httpapi"
	"b22/internal/service"
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
}

func newServeCmd(a *app) *cobra.Command { return serveCmd(a, &serveOptions{}) }

// serveCmd is 'b22 serve' with its flags bound to opts, which defining
// them fills with their defaults.
func serveCmd(a *app, opts *serveOptions) *cobra.Command {
	c := &cobra.Command{
		Use:   "serve",
		Short: "Serve classify, validate, questions, schemas and memos over HTTP",
		Long: `serve answers over HTTP what the command line answers, with the same bytes
(but for messages, which speak of the request body, parameters and routes):
for an intake form or a compliance portal. It keeps no state between
requests, so any number of instances can sit behind a load balancer.

Routes (see /openapi.yaml; a parameter a route does not take is a 400):
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
		Args: takes(0, 0, takesNothing+" (the address goes with --addr HOST:PORT)"),
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
	c.ValidArgsFunction = cobra.NoFileCompletions
	// --token-file completes any file name: a secret lives anywhere.
	for _, name := range []string{"addr", "max-body", "max-stream-body", "max-memo-body", "read-timeout", "write-timeout", "stream-timeout", "shutdown-timeout", "body-timeout", "max-conns", "max-requests", "allow-origin"} {
		completeFlag(c, name, noFiles)
	}
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
	if n, ok := httpapi.ConnLimit(); ok && o.MaxConns > n {
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
			return usageErrorf("B22_TOKEN is set but empty; unset it to serve without a token, or set it to the token")
		case strings.ContainsAny(tok, "\r\n"):
			return usageErrorf("B22_TOKEN holds more than one line; it should hold the token")
		}
		o.token = tok
	}
	if o.TokenFile != "" {
		tok, err := readTokenFile(o.TokenFile)
		if err != nil {
			return inputErrorf("--token-file %s: %v", o.TokenFile, err)
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
	svc, err := a.service()
	if err != nil {
		return err
	}
	// Built before the first request, then shared read-only by all.
	svc.Prepare()
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
	return httpapi.Serve(ln, o.config(svc), svc, logger, signals)
}

// config is the server's configuration from the flags, checked.
func (o *serveOptions) config(svc *service.Service) httpapi.Config {
	return httpapi.Config{
		Token:   o.token,
		MaxBody: o.maxBody, MaxStreamBody: o.maxStreamBody, MaxMemoBody: o.maxMemoBody,
		ReadTimeout: o.ReadTimeout, WriteTimeout: o.WriteTimeout, StreamTimeout: o.StreamTimeout,
		BodyTimeout: o.BodyTimeout, ShutdownTimeout: o.ShutdownTimeout,
		MaxConns: o.MaxConns, MaxRequests: o.MaxRequests, AllowOrigins: o.AllowOrigins,
		Version: healthVersion(svc.RuleSet()),
	}
}

// healthVersion is what /health says of the server's version: what 'b22
// version --format json' says, but the Go version, which is for 'b22
// version', not for anyone who can reach the port.
func healthVersion(rs *classify.RuleSet) any {
	v := versionOf(rs)
	return struct {
		Tool     string `json:"tool"`
		Revision string `json:"revision"`
		Modified bool   `json:"modified"`
		Rules    any    `json:"rules"`
	}{v.Tool, v.Revision, v.Modified, v.Rules}
}
