package cmd

import (
	"bytes"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"b22/internal/httpapi"
)

var serveToday = mustTime("2026-11-26")

const exampleDoc = "../questionnaires/b22/examples/game-voice.json"

// cli runs b22 in-process on stdin and returns its stdout and exit code.
func cli(t testing.TB, stdin []byte, args ...string) ([]byte, int) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := mainAt(args, Streams{In: bytes.NewReader(stdin), Out: &out, Err: &errOut}, func() time.Time { return serveToday })
	return out.Bytes(), code
}

// testServer serves what 'b22 serve' with its default flags serves, on a
// loopback address.
func testServer(t testing.TB) *httptest.Server {
	t.Helper()
	a := &app{s: Streams{Err: io.Discard}, now: func() time.Time { return serveToday }}
	svc, err := a.service()
	if err != nil {
		t.Fatal(err)
	}
	o := &serveOptions{}
	serveCmd(a, o) // the flags' defaults
	if err := o.check(a); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(httpapi.Handler(o.config(svc), svc, slog.New(slog.NewJSONHandler(io.Discard, nil)), true))
	t.Cleanup(srv.Close)
	return srv
}

// get asks srv for path with body, and returns the status, the content
// type and the body of the answer.
func get(t testing.TB, method, url string, body []byte) (int, string, []byte) {
	t.Helper()
	req, err := http.NewRequest(method, url, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, resp.Header.Get("Content-Type"), data
}

// TestServeSameBytes: each route answers with the bytes of the command it
// mirrors, given the same input on stdin, but for one word: a message
// calls the input the request body where the command line says <stdin>
// (its problems keep <stdin> in their file field).
func TestServeSameBytes(t *testing.T) {
	srv := testServer(t)
	doc, err := os.ReadFile(exampleDoc)
	if err != nil {
		t.Fatal(err)
	}
	yamlDoc, err := os.ReadFile("../questionnaires/b22/examples/internal-tool.yaml")
	if err != nil {
		t.Fatal(err)
	}
	lines := []byte(`{"answers":{"realtime_voice":true,"max_participants":20}}
{"answers":{"coverage":"national"}}
{"answers":{"audience":"internal_only"}}
`)
	for _, tc := range []struct {
		name, method, path string
		body               []byte
		args               []string
		contentType        string
	}{
		{"classify", "POST", "/v1/classify", doc, []string{"classify", "-"}, "application/json"},
		{"classify yaml", "POST", "/v1/classify", yamlDoc, []string{"classify", "-"}, "application/json"},
		{"classify as_of fields", "POST", "/v1/classify?as_of=2019-01-01&fields=verdict,licence", doc, []string{"classify", "--as-of", "2019-01-01", "--fields", "verdict,licence", "-"}, "application/json"},
		{"jsonl", "POST", "/v1/classify/jsonl", lines, []string{"classify", "--jsonl", "-"}, "application/jsonl"},
		{"jsonl levers", "POST", "/v1/classify/jsonl?levers=true", lines, []string{"classify", "--jsonl", "--levers", "-"}, "application/jsonl"},
		{"validate", "POST", "/v1/validate", doc, []string{"validate", "--format", "json", "-"}, "application/json"},
		{"validate invalid", "POST", "/v1/validate", []byte(`{"answers":{"coverage":"national"}}`), []string{"validate", "--format", "json", "-"}, "application/json"},
		{"questions", "GET", "/v1/questions", nil, []string{"questions", "--format", "json"}, "application/json"},
		{"questions md", "GET", "/v1/questions?format=md", nil, []string{"questions", "--format", "md"}, "text/markdown; charset=utf-8"},
		{"schema answers", "GET", "/v1/schema/answers", nil, []string{"schema", "answers"}, "application/schema+json"},
		{"schema result", "GET", "/v1/schema/result", nil, []string{"schema", "result"}, "application/schema+json"},
		{"memo md", "POST", "/v1/memo", doc, []string{"memo", "--lang", "en", "-"}, "text/markdown; charset=utf-8"},
		{"memo html zh", "POST", "/v1/memo?format=html&lang=zh&date=2026-01-05", doc, []string{"memo", "--format", "html", "--lang", "zh", "--date", "2026-01-05", "-"}, "text/html; charset=utf-8"},
		{"memo docx", "POST", "/v1/memo?format=docx&lang=bilingual&as_of=2019-01-01", doc, []string{"memo", "--format", "docx", "--lang", "bilingual", "--as-of", "2019-01-01", "-"}, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			want, _ := cli(t, tc.body, tc.args...)
			want = bytes.ReplaceAll(want, []byte(`"message":"<stdin>:`), []byte(`"message":"request body:`))
			status, ct, body := get(t, tc.method, srv.URL+tc.path, tc.body)
			if status != http.StatusOK {
				t.Fatalf("%s %s: status %d, want 200; body:\n%s", tc.method, tc.path, status, body)
			}
			if ct != tc.contentType {
				t.Errorf("%s %s: Content-Type %q, want %q", tc.method, tc.path, ct, tc.contentType)
			}
			if !bytes.Equal(body, want) {
				t.Errorf("%s %s: body differs from b22 %s (%d bytes, want %d)", tc.method, tc.path, strings.Join(tc.args, " "), len(body), len(want))
			}
		})
	}
}

// /health reports what 'b22 version --format json' reports but the Go
// version: the same build and rule set, never empty fields, and nothing
// an attacker could match against Go's security fixes.
func TestServeHealthIsTheVersion(t *testing.T) {
	_, _, body := get(t, "GET", testServer(t).URL+"/health", nil)
	var h struct {
		Status  string      `json:"status"`
		Version versionInfo `json:"version"`
	}
	if err := json.Unmarshal(body, &h); err != nil {
		t.Fatal(err)
	}
	rs, err := (&app{}).ruleSet()
	if err != nil {
		t.Fatal(err)
	}
	want := versionOf(rs)
	want.Go = ""
	if h.Status != "ok" || h.Version != want || h.Version.Tool == "" {
		t.Errorf("/health = %+v, want status ok and %+v", h, want)
	}
	if bytes.Contains(body, []byte(`"go"`)) || bytes.Contains(body, []byte(runtime.Version())) {
		t.Errorf("/health shows the Go version:\n%s", body)
	}
}

func TestParseSize(t *testing.T) {
	for in, want := range map[string]int64{"1MiB": 1 << 20, "512KiB": 512 << 10, "2mb": 2 << 20, "100": 100, "1G": 1 << 30} {
		if got, err := parseSize(in); err != nil || got != want {
			t.Errorf("parseSize(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "0", "-1", "lots", "1TiB"} {
		if _, err := parseSize(in); err == nil {
			t.Errorf("parseSize(%q) = nil error, want one", in)
		}
	}
}

// Token settings that no request could pass, or that would turn the token
// off without a word, are refused at start.
func TestServeTokenSettings(t *testing.T) {
	env := func(v string, set bool) Streams {
		return Streams{LookupEnv: func(k string) (string, bool) {
			if k == "B22_TOKEN" {
				return v, set
			}
			return "", false
		}}
	}
	check := func(s Streams) (*serveOptions, error) {
		o := &serveOptions{MaxBody: "1MiB", MaxStreamBody: "1MiB", ReadTimeout: time.Second, WriteTimeout: time.Second,
			StreamTimeout: time.Second, ShutdownTimeout: time.Second, BodyTimeout: time.Second, MaxConns: 10, MaxRequests: 1}
		return o, o.check(&app{s: s})
	}
	if o, err := check(env(" s3cret\n", true)); err != nil || o.token != "s3cret" {
		t.Errorf("B22_TOKEN=' s3cret\\n': token %q, %v; want it trimmed", o.token, err)
	}
	for _, v := range []string{"", "  ", "one\ntwo"} {
		if _, err := check(env(v, true)); err == nil || exitCode(err) != exitInvalid {
			t.Errorf("B22_TOKEN=%q: %v, want a refusal (exit 2)", v, err)
		}
	}
	if o, err := check(env("", false)); err != nil || o.token != "" {
		t.Errorf("B22_TOKEN unset: token %q, %v; want none", o.token, err)
	}
}

// lineWriter tells each line written to it, as the server logs it.
type lineWriter chan string

func (w lineWriter) Write(p []byte) (int, error) {
	for _, line := range strings.SplitAfter(string(p), "\n") {
		if line != "" {
			w <- line
		}
	}
	return len(p), nil
}

// 'b22 serve' listens where --addr says, logs where, serves, and stops
// without error on SIGINT or SIGTERM, which it takes over.
func TestServeStopsOnSignal(t *testing.T) {
	logs := make(lineWriter, 64)
	signals := make(chan chan<- os.Signal, 1)
	a := &app{s: Streams{Err: logs}, now: func() time.Time { return serveToday },
		process: process{notify: func(c chan<- os.Signal, sig ...os.Signal) func() {
			if !slices.Contains(sig, os.Signal(os.Interrupt)) || !slices.Contains(sig, os.Signal(syscall.SIGTERM)) {
				t.Errorf("serve relays %v; want SIGINT and SIGTERM", sig)
			}
			signals <- c
			return func() {}
		}}}
	o := &serveOptions{}
	serveCmd(a, o)
	o.Addr = "127.0.0.1:0"
	if err := o.check(a); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- runServe(a, o) }()
	sigc := <-signals
	var listening struct{ Msg, Addr string }
	for listening.Msg != "listening" {
		select {
		case line := <-logs:
			_ = json.Unmarshal([]byte(line), &listening)
		case err := <-done:
			t.Fatalf("runServe = %v before listening", err)
		}
	}
	if status, _, body := get(t, "GET", "http://"+listening.Addr+"/health", nil); status != http.StatusOK {
		t.Errorf("GET /health: %d %s", status, body)
	}
	sigc <- syscall.SIGTERM
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("runServe = %v, want nil after a signal", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not stop after the signal")
	}
}
