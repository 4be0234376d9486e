package httpapi

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"runtime"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	yaml "go.yaml.in/yaml/v3"

	"b22/classify"
	"b22/docs"
	"b22/internal/service"
	"b22/questionnaires"
)

const exampleDoc = "../../questionnaires/b22/examples/game-voice.json"

// testService is the service of the embedded rule set, today 2026-11-26.
func testService(t testing.TB) *service.Service {
	t.Helper()
	rs, err := classify.Load(questionnaires.Shipped())
	if err != nil {
		t.Fatal(err)
	}
	svc := service.New(rs, func() time.Time { return time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC) })
	svc.Prepare()
	return svc
}

// testConfig is the configuration of 'b22 serve' with its default flags,
// but a stream body of 4 MiB and a minute for a stream.
func testConfig() Config {
	return Config{MaxBody: 1 << 20, MaxStreamBody: 4 << 20, MaxMemoBody: 128 << 10, StreamTimeout: time.Minute,
		ReadTimeout: 30 * time.Second, WriteTimeout: 30 * time.Second, BodyTimeout: 10 * time.Second,
		ShutdownTimeout: 10 * time.Second, MaxConns: 4096, MaxRequests: 64, Version: "test"}
}

// testServer serves the embedded rule set on a loopback address; logs go
// to logs when it is not nil.
func testServer(t testing.TB, token string, logs io.Writer) *httptest.Server {
	t.Helper()
	return testServerWith(t, token, logs, nil)
}

// testServerWith is testServer with its configuration changed by set.
func testServerWith(t testing.TB, token string, logs io.Writer, set func(*Config)) *httptest.Server {
	t.Helper()
	cfg := testConfig()
	cfg.Token = token
	if set != nil {
		set(&cfg)
	}
	return serveTest(t, newTestServer(t, cfg, logs))
}

// newTestServer is the server of cfg on a loopback address; logs go to
// logs when it is not nil.
func newTestServer(t testing.TB, cfg Config, logs io.Writer) *server {
	if logs == nil {
		logs = io.Discard
	}
	return newServer(cfg, testService(t), slog.New(slog.NewJSONHandler(logs, nil)), true, t.Context())
}

// serveTest serves s until the test ends.
func serveTest(t testing.TB, s *server) *httptest.Server {
	srv := httptest.NewServer(s.handler())
	t.Cleanup(srv.Close)
	return srv
}

type httpResult struct {
	status int
	header http.Header
	body   []byte
}

func do(t testing.TB, method, url string, body []byte, header ...string) httpResult {
	t.Helper()
	req, err := http.NewRequest(method, url, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
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
	return httpResult{resp.StatusCode, resp.Header, data}
}

// syncWriter is a writer safe for the server's goroutines, such as its
// log; lines, when set, is told of every line written.
type syncWriter struct {
	mu    sync.Mutex
	w     io.Writer
	lines chan string
}

func (s *syncWriter) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return fmt.Sprint(s.w)
}

func (s *syncWriter) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.lines != nil {
		for _, line := range strings.SplitAfter(string(p), "\n") {
			if line == "" {
				continue
			}
			select {
			case s.lines <- line:
			default: // nobody is reading: a test that waits reads as it goes
			}
		}
	}
	return s.w.Write(p)
}

// logLines is a log that tells of each line, for a test to wait for.
func logLines() *syncWriter {
	return &syncWriter{w: &bytes.Buffer{}, lines: make(chan string, 4096)}
}

// waitForLine waits until a line containing want is written to the log.
func (s *syncWriter) waitForLine(t *testing.T, want string, within time.Duration) {
	t.Helper()
	deadline := time.After(within)
	for {
		select {
		case line := <-s.lines:
			if strings.Contains(line, want) {
				return
			}
		case <-deadline:
			t.Fatalf("no log line with %s within %s:\n%s", want, within, s.String())
		}
	}
}

func TestServeErrors(t *testing.T) {
	logw := logLines()
	srv := testServer(t, "", logw)
	cases := []struct {
		method, path string
		body         string
		status       int
		message      string
		code         string // of the first problem
	}{
		{"POST", "/v1/classify", `{"answers":{"coverage":"national"}}`, 422, `answers.coverage: "national" is not allowed`, "not_allowed"},
		{"POST", "/v1/classify", ``, 400, "request body: empty input; expected an answers document (see GET /v1/schema/answers)", ""},
		{"POST", "/v1/classify?as_of=soon", `{"answers":{}}`, 400, `as_of "soon": expected a date YYYY-MM-DD`, ""},
		{"POST", "/v1/classify?as_of=2001-01-01", `{"answers":{}}`, 400, "as_of", ""},
		{"POST", "/v1/classify?fields=verdikt", `{"answers":{}}`, 400, `fields: "verdikt" is not a result field`, ""},
		{"POST", "/v1/classify", strings.Repeat(" ", 1<<20+1), 413, "larger than the 1048576-byte limit", ""},
		{"POST", "/v1/classify/jsonl?as_of=soon", "{}\n", 400, `as_of "soon"`, ""},
		{"POST", "/v1/memo?format=pdf", `{}`, 400, `format "pdf": allowed: md, html, docx`, ""},
		{"POST", "/v1/memo?lang=fr", `{}`, 400, `lang "fr"`, ""},
		{"POST", "/v1/memo", `{"answers":{"x":1}}`, 422, "answers.x: unknown key", "unknown_key"},
		{"POST", "/v1/classify", `{"answers":{"x":1}}`, 422, "unknown key; see GET /v1/questions for the keys", "unknown_key"},
		{"POST", "/v1/validate", ``, 400, "empty input", ""},
		{"GET", "/v1/questions?format=pdf", ``, 400, `format "pdf"`, ""},
		{"GET", "/v1/schema/everything", ``, 404, `no schema "everything"`, ""},
		{"GET", "/v2/classify", ``, 404, "no such route; see /openapi.yaml", ""},
		{"GET", "/v1/classify", ``, 405, "allowed: POST", ""},
		{"DELETE", "/v1/schema/result", ``, 405, "allowed: GET", ""},
		// Every route refuses a parameter it does not take, one given
		// twice and a bad value alike, before it reads the body.
		{"POST", "/v1/classify?lang=fr&bogus=1", `{"answers":{}}`, 400, `unknown parameters "bogus", "lang"; POST /v1/classify takes as_of, fields`, ""},
		{"POST", "/v1/classify?format=text", `{"answers":{}}`, 400, `unknown parameter "format"; POST /v1/classify takes as_of, fields`, ""},
		{"POST", "/v1/classify?as-of=2026-01-05", `{"answers":{}}`, 400, `unknown parameter "as-of" (did you mean "as_of"?); POST /v1/classify takes as_of, fields`, ""},
		{"POST", "/v1/classify?as_of=2026-01-05&as_of=2019-01-01", `{"answers":{}}`, 400, "as_of given 2 times; give it once", ""},
		{"POST", "/v1/classify?as_of=soon", strings.Repeat(" ", 1<<20+1), 400, `as_of "soon"`, ""},
		{"POST", "/v1/classify/jsonl?levers=maybe", "{}\n", 400, `levers "maybe": allowed: true, false`, ""},
		{"POST", "/v1/classify/jsonl?lang=zh", "{}\n", 400, `unknown parameter "lang"; POST /v1/classify/jsonl takes as_of, fields, levers`, ""},
		{"POST", "/v1/validate?fields=verdict", `{}`, 400, `unknown parameter "fields"; POST /v1/validate takes no parameters`, ""},
		{"POST", "/v1/memo?format=md&format=html", `{}`, 400, "format given 2 times; give it once", ""},
		{"POST", "/v1/memo?fields=verdict", `{}`, 400, `unknown parameter "fields"; POST /v1/memo takes format, lang, date, as_of`, ""},
		{"GET", "/v1/questions?lang=zh", ``, 400, `unknown parameter "lang"; GET /v1/questions takes format`, ""},
		{"GET", "/v1/questions?format=%zz", ``, 400, "the query is not well-formed", ""},
		{"GET", "/v1/schema/result?kind=answers", ``, 400, `unknown parameter "kind"; GET /v1/schema/{kind} takes no parameters`, ""},
	}
	for _, tc := range cases {
		t.Run(tc.method+" "+tc.path, func(t *testing.T) {
			got := do(t, tc.method, srv.URL+tc.path, []byte(tc.body))
			if got.status != tc.status {
				t.Fatalf("status %d, want %d; body:\n%s", got.status, tc.status, got.body)
			}
			var e struct {
				Error struct {
					Message  string
					Problems []struct{ Code string }
				}
			}
			if err := json.Unmarshal(got.body, &e); err != nil {
				t.Fatalf("body is not the error object: %v\n%s", err, got.body)
			}
			if !strings.Contains(e.Error.Message, tc.message) {
				t.Errorf("message %q, want it to contain %q", e.Error.Message, tc.message)
			}
			if tc.code != "" && (len(e.Error.Problems) == 0 || e.Error.Problems[0].Code != tc.code) {
				t.Errorf("problems %+v, want the first with code %q", e.Error.Problems, tc.code)
			}
		})
	}
	// Every request was logged, as one JSON object a line. The line is
	// written once the answer is out, so the last may come after the
	// client has read it.
	deadline := time.After(10 * time.Second)
	for n := 0; n < len(cases); {
		select {
		case line := <-logw.lines:
			var rec struct {
				Msg    string
				Status int
			}
			if err := json.Unmarshal([]byte(line), &rec); err != nil {
				t.Fatalf("access log line %q: %v", line, err)
			}
			if rec.Msg == "request" && rec.Status >= 400 {
				n++
			}
		case <-deadline:
			t.Fatalf("%d access log lines for failed requests, want %d:\n%s", n, len(cases), logw.String())
		}
	}
}

// TestServeWordsItsOwn: an answer's message names the input the request
// body and sends the reader to routes and parameters, never to a command,
// a flag or <stdin>; the problems keep <stdin> in their file field, as
// docs/contract.md promises, so that they are the command line's.
func TestServeWordsItsOwn(t *testing.T) {
	srv := testServer(t, "", nil)
	for _, tc := range []struct {
		path, body string
		want       string // the start of the message
	}{
		{"/v1/classify", `{"answers": {"realtime_voice": "yes"}}`, "request body:1:32: answers.realtime_voice: "},
		{"/v1/memo", `{"answers": {"coverage": "national"}}`, "request body:1:26: answers.coverage: "},
		{"/v1/classify", "\n", "request body: empty input; expected an answers document (see GET /v1/schema/answers)"},
		{"/v1/classify/jsonl", "{\"answers\": {\"coverage\": \"national\"}}\n", "request body:1:26: answers.coverage: "},
	} {
		got := do(t, "POST", srv.URL+tc.path, []byte(tc.body))
		line := bytes.TrimSpace(got.body)
		var e struct {
			Error struct {
				Message  string
				Problems []struct{ File string }
			}
		}
		if err := json.Unmarshal(line, &e); err != nil {
			t.Fatalf("POST %s: not an error object: %v\n%s", tc.path, err, got.body)
		}
		if !strings.HasPrefix(e.Error.Message, tc.want) {
			t.Errorf("POST %s: message %q, want it to start %q", tc.path, e.Error.Message, tc.want)
		}
		for _, cli := range []string{"<stdin>", "'b22 ", "--"} {
			if strings.Contains(e.Error.Message, cli) {
				t.Errorf("POST %s: message %q has the command line's %q", tc.path, e.Error.Message, cli)
			}
		}
		for _, p := range e.Error.Problems {
			if p.File != "<stdin>" {
				t.Errorf("POST %s: a problem's file is %q, want <stdin>", tc.path, p.File)
			}
		}
	}
}

func TestServeToken(t *testing.T) {
	srv := testServer(t, "s3cret", nil)
	for _, tc := range []struct {
		path   string
		header []string
		status int
	}{
		{"/v1/questions", nil, 401},
		{"/v1/questions", []string{"Authorization", "Bearer wrong"}, 401},
		{"/v1/questions", []string{"Authorization", "s3cret"}, 401},
		{"/v1/questions", []string{"Authorization", "Bearer s3cret"}, 200},
		{"/v1/questions", []string{"Authorization", "bearer s3cret"}, 200},
		{"/v1/questions", []string{"Authorization", "Bearer s3cre"}, 401},
		{"/v1/schema/result", []string{"Authorization", "Bearer s3cret"}, 200},
		{"/health", nil, 200},
		{"/openapi.yaml", nil, 200},
	} {
		got := do(t, "GET", srv.URL+tc.path, nil, tc.header...)
		if got.status != tc.status {
			t.Errorf("GET %s %v: status %d, want %d", tc.path, tc.header, got.status, tc.status)
		}
		if got.status == 401 && got.header.Get("WWW-Authenticate") == "" {
			t.Errorf("GET %s: 401 without WWW-Authenticate", tc.path)
		}
	}
}

// TestServeOpenAPI keeps docs/openapi.yaml and the routes in step: every
// route is described with its method, its query parameters and its 400,
// and every described path is served.
func TestServeOpenAPI(t *testing.T) {
	var doc struct {
		OpenAPI    string                    `yaml:"openapi"`
		Paths      map[string]map[string]any `yaml:"paths"`
		Components struct {
			Parameters map[string]openAPIParam `yaml:"parameters"`
		} `yaml:"components"`
	}
	if err := yaml.Unmarshal(docs.OpenAPI, &doc); err != nil {
		t.Fatalf("docs/openapi.yaml: %v", err)
	}
	if !strings.HasPrefix(doc.OpenAPI, "3.1") {
		t.Errorf("openapi %q, want 3.1", doc.OpenAPI)
	}
	served := map[string]bool{}
	for _, rt := range routes {
		served[rt.path] = true
		ops, ok := doc.Paths[rt.path]
		if !ok {
			t.Errorf("route %s %s is not in docs/openapi.yaml", rt.method, rt.path)
			continue
		}
		if _, ok := ops[strings.ToLower(rt.method)]; !ok {
			t.Errorf("docs/openapi.yaml: %s has no %s", rt.path, strings.ToLower(rt.method))
		}
		if len(ops) != 1 {
			t.Errorf("docs/openapi.yaml: %s has %d operations; the server has one", rt.path, len(ops))
		}
		var op struct {
			Parameters []openAPIParam `yaml:"parameters"`
			Responses  map[string]any `yaml:"responses"`
		}
		if data, err := yaml.Marshal(ops[strings.ToLower(rt.method)]); err != nil || yaml.Unmarshal(data, &op) != nil {
			t.Fatalf("docs/openapi.yaml: %s %s is not an operation", rt.method, rt.path)
		}
		var described, takes []string
		for _, p := range op.Parameters {
			if ref, ok := strings.CutPrefix(p.Ref, "#/components/parameters/"); ok {
				p = doc.Components.Parameters[ref]
			}
			if p.In == "query" {
				described = append(described, p.Name)
			}
		}
		for _, o := range rt.params {
			takes = append(takes, o.Name(service.HTTP))
		}
		if strings.Join(described, ",") != strings.Join(takes, ",") {
			t.Errorf("docs/openapi.yaml: %s %s has the query parameters %v; the route takes %v", rt.method, rt.path, described, takes)
		}
		if _, ok := op.Responses["400"]; !ok && !ignoresQuery[rt.path] {
			t.Errorf("docs/openapi.yaml: %s %s has no 400, which an unknown parameter gets", rt.method, rt.path)
		}
	}
	var extra []string
	for p := range doc.Paths {
		if !served[p] {
			extra = append(extra, p)
		}
	}
	if len(extra) > 0 {
		t.Errorf("docs/openapi.yaml describes paths the server does not have: %v", extra)
	}
	got := do(t, "GET", testServer(t, "", nil).URL+"/openapi.yaml", nil)
	if !bytes.Equal(got.body, docs.OpenAPI) {
		t.Errorf("GET /openapi.yaml is not docs/openapi.yaml")
	}
}

// openAPIParam is a parameter of docs/openapi.yaml, or a reference to one.
type openAPIParam struct {
	Ref  string `yaml:"$ref"`
	Name string `yaml:"name"`
	In   string `yaml:"in"`
}

// TestServeShutdown: a stop lets the request in flight finish, then the
// server stops and Serve returns without error.
func TestServeShutdown(t *testing.T) {
	logs := logLines()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	stop := make(chan os.Signal, 1)
	shuttingDown := make(chan struct{})
	cfg := testConfig()
	cfg.onShutdown = func() { close(shuttingDown) }
	done := make(chan error, 1)
	go func() { done <- Serve(ln, cfg, testService(t), slog.New(slog.NewJSONHandler(logs, nil)), stop) }()
	base := "http://" + ln.Addr().String()

	// A stream whose body is still being sent when the stop comes.
	pr, pw := io.Pipe()
	respc := make(chan *http.Response, 1)
	go func() {
		resp, err := http.Post(base+"/v1/classify/jsonl", "application/jsonl", pr)
		if err != nil {
			t.Error(err)
			close(respc)
			return
		}
		respc <- resp
	}()
	fmt.Fprintln(pw, `{"answers":{"realtime_voice":true}}`)
	resp := <-respc
	if resp == nil {
		t.FailNow()
	}
	stop <- os.Interrupt
	select {
	case <-shuttingDown:
	case <-time.After(10 * time.Second):
		t.Fatal("no shutdown 10 s after the stop")
	}
	fmt.Fprintln(pw, `{"answers":{"realtime_video":true}}`)
	pw.Close()
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil || bytes.Count(body, []byte("\n")) != 2 {
		t.Errorf("stream across shutdown: %d lines, %v; want 2 results\n%s", bytes.Count(body, []byte("\n")), err, body)
	}
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Serve = %v, want nil after a stop", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not stop after the stop")
	}
	// The start names the rule set by its id and version: values, not the
	// methods that give them, which a log cannot print.
	for _, want := range []string{`"msg":"listening"`, `"rules":"b22","rules_version":"`, `"msg":"shutting down","signal":"interrupt"`, `"msg":"stopped"`} {
		if !strings.Contains(logs.String(), want) {
			t.Errorf("logs lack %s:\n%s", want, logs.String())
		}
	}
	if strings.Contains(logs.String(), "!ERROR") {
		t.Errorf("a log line could not be written:\n%s", logs.String())
	}
}

// BenchmarkServeClassify classifies one document per request from 64
// concurrent clients over real connections, and reports requests per
// second, the 99th-percentile latency and the live heap after the run.
func BenchmarkServeClassify(b *testing.B) {
	for _, name := range []string{"meeting-app.json", "game-voice.json", "half-known.json"} {
		b.Run(name, func(b *testing.B) { benchServe(b, "../questionnaires/b22/examples/"+name) })
	}
}

func benchServe(b *testing.B, path string) {
	srv := testServer(b, "", nil)
	doc, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	const clients = 64
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: clients, MaxConnsPerHost: clients}}
	procs := runtime.GOMAXPROCS(0)
	b.SetParallelism((clients + procs - 1) / procs)
	var mu sync.Mutex
	var latencies []time.Duration
	b.ReportAllocs()
	b.ResetTimer()
	start := time.Now()
	b.RunParallel(func(pb *testing.PB) {
		var mine []time.Duration
		for pb.Next() {
			t0 := time.Now()
			resp, err := client.Post(srv.URL+"/v1/classify", "application/json", bytes.NewReader(doc))
			if err != nil {
				b.Error(err)
				return
			}
			_, _ = io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode != http.StatusOK {
				b.Errorf("status %d", resp.StatusCode)
				return
			}
			mine = append(mine, time.Since(t0))
		}
		mu.Lock()
		latencies = append(latencies, mine...)
		mu.Unlock()
	})
	elapsed := time.Since(start)
	b.StopTimer()
	if len(latencies) == 0 {
		return
	}
	sort.Slice(latencies, func(i, j int) bool { return latencies[i] < latencies[j] })
	p99 := latencies[(len(latencies)*99)/100]
	if len(latencies) < 100 {
		p99 = latencies[len(latencies)-1]
	}
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	b.ReportMetric(float64(len(latencies))/elapsed.Seconds(), "req/s")
	b.ReportMetric(float64(p99.Microseconds())/1000, "p99-ms")
	b.ReportMetric(float64(m.HeapAlloc)/(1<<20), "live-heap-MiB")
}

// A stream whose body goes over the limit after results went out ends
// with an error object of its own, never as if it were whole.
func TestServeStreamOverLimit(t *testing.T) {
	srv := testServerWith(t, "", nil, func(c *Config) { c.MaxStreamBody = 4 << 10 })
	line := `{"answers":{"realtime_voice":false}}` + "\n"
	body := strings.Repeat(line, 200) // 7,400 bytes, past the 4 KiB limit
	resp, err := http.Post(srv.URL+"/v1/classify/jsonl", "application/jsonl", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	got, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 {
		t.Fatalf("status %d; the stream should have started", resp.StatusCode)
	}
	lines := strings.Split(strings.TrimSpace(string(got)), "\n")
	last := lines[len(lines)-1]
	if !strings.Contains(last, `"code":"too_large"`) || !strings.Contains(last, "the stream stopped here") {
		t.Errorf("last line %.200q, want the too-large error object", last)
	}
}

// TestServeProbesIgnoreQuery: /health and /openapi.yaml read nothing from
// a request, so a probe's or a cache's own query (?ts=…) is not refused:
// a monitor would otherwise report a healthy server as down.
func TestServeProbesIgnoreQuery(t *testing.T) {
	srv := testServer(t, "", io.Discard)
	for path, want := range map[string]string{"/health?ts=1733500000": `"status"`, "/openapi.yaml?v=3": "openapi:"} {
		got := do(t, "GET", srv.URL+path, nil)
		if got.status != 200 || !strings.Contains(string(got.body), want) {
			t.Errorf("GET %s: %d %.200s", path, got.status, got.body)
		}
	}
}
