package cmd

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
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	yaml "go.yaml.in/yaml/v3"

	"b22/docs"
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

// testServer serves the embedded rule set as 'b22 serve' does; logs go
// to logs when it is not nil.
func testServer(t testing.TB, token string, logs io.Writer) *httptest.Server {
	t.Helper()
	return testServerWith(t, token, logs, nil)
}

// testServerWith is testServer with its options changed by set.
func testServerWith(t testing.TB, token string, logs io.Writer, set func(*serveOptions)) *httptest.Server {
	t.Helper()
	if logs == nil {
		logs = io.Discard
	}
	a := &app{s: Streams{Err: logs}, now: func() time.Time { return serveToday }}
	svc, err := a.service()
	if err != nil {
		t.Fatal(err)
	}
	svc.Prepare()
	o := &serveOptions{MaxBody: "1MiB", MaxStreamBody: "4MiB", StreamTimeout: time.Minute, ReadTimeout: 30 * time.Second,
		WriteTimeout: 30 * time.Second, BodyTimeout: 10 * time.Second, MaxConns: 4096, MaxRequests: 64}
	if o.maxBody, err = parseSize(o.MaxBody); err != nil {
		t.Fatal(err)
	}
	o.maxStreamBody, _ = parseSize(o.MaxStreamBody)
	o.maxMemoBody = 128 << 10
	o.token = token
	if set != nil {
		set(o)
	}
	srv := httptest.NewServer(newServer(a, o, slog.New(slog.NewJSONHandler(logs, nil)), true))
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

// TestServeSameBytes: each route answers with the bytes of the command it
// mirrors, given the same input on stdin.
func TestServeSameBytes(t *testing.T) {
	srv := testServer(t, "", nil)
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
			got := do(t, tc.method, srv.URL+tc.path, tc.body)
			if got.status != http.StatusOK {
				t.Fatalf("%s %s: status %d, want 200; body:\n%s", tc.method, tc.path, got.status, got.body)
			}
			if ct := got.header.Get("Content-Type"); ct != tc.contentType {
				t.Errorf("%s %s: Content-Type %q, want %q", tc.method, tc.path, ct, tc.contentType)
			}
			if !bytes.Equal(got.body, want) {
				t.Errorf("%s %s: body differs from b22 %s (%d bytes, want %d)", tc.method, tc.path, strings.Join(tc.args, " "), len(got.body), len(want))
			}
		})
	}
}

func TestServeErrors(t *testing.T) {
	var logs bytes.Buffer
	logw := &syncWriter{w: &logs}
	srv := testServer(t, "", logw)
	for _, tc := range []struct {
		method, path string
		body         string
		status       int
		message      string
		code         string // of the first problem
	}{
		{"POST", "/v1/classify", `{"answers":{"coverage":"national"}}`, 422, `answers.coverage: "national" is not allowed`, "not_allowed"},
		{"POST", "/v1/classify", ``, 400, "empty input", ""},
		{"POST", "/v1/classify?as_of=soon", `{"answers":{}}`, 400, `as_of "soon": expected a date YYYY-MM-DD`, ""},
		{"POST", "/v1/classify?as_of=2001-01-01", `{"answers":{}}`, 400, "as_of", ""},
		{"POST", "/v1/classify?fields=verdikt", `{"answers":{}}`, 400, `fields: "verdikt" is not a result field`, ""},
		{"POST", "/v1/classify", strings.Repeat(" ", 1<<20+1), 413, "larger than the 1048576-byte limit", ""},
		{"POST", "/v1/classify/jsonl?as_of=soon", "{}\n", 400, `as_of "soon"`, ""},
		{"POST", "/v1/memo?format=pdf", `{}`, 400, `format "pdf": allowed: md, html, docx`, ""},
		{"POST", "/v1/memo?lang=fr", `{}`, 400, `lang "fr"`, ""},
		{"POST", "/v1/memo", `{"answers":{"x":1}}`, 422, "answers.x: unknown key", "unknown_key"},
		{"POST", "/v1/validate", ``, 400, "empty input", ""},
		{"GET", "/v1/questions?format=pdf", ``, 400, `format "pdf"`, ""},
		{"GET", "/v1/schema/everything", ``, 404, `no schema "everything"`, ""},
		{"GET", "/v2/classify", ``, 404, "no such route; see /openapi.yaml", ""},
		{"GET", "/v1/classify", ``, 405, "allowed: POST", ""},
		{"DELETE", "/v1/schema/result", ``, 405, "allowed: GET", ""},
	} {
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
	// written once the answer is out, so the last may come a moment later.
	for i := 0; i < 100 && strings.Count(logw.String(), `"msg":"request"`) < 16; i++ {
		time.Sleep(10 * time.Millisecond)
	}
	n := 0
	for _, line := range strings.Split(strings.TrimSpace(logs.String()), "\n") {
		var rec struct {
			Msg    string
			Method string
			Path   string
			Status int
		}
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatalf("access log line %q: %v", line, err)
		}
		if rec.Msg == "request" && rec.Status >= 400 {
			n++
		}
	}
	if n != 16 {
		t.Errorf("%d access log lines for failed requests, want 16:\n%s", n, logs.String())
	}
}

type syncWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (s *syncWriter) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return fmt.Sprint(s.w)
}

func (s *syncWriter) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.w.Write(p)
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

// /health reports what 'b22 version --format json' reports but the Go
// version: the same build and rule set, never empty fields, and nothing
// an attacker could match against Go's security fixes.
func TestServeHealthIsTheVersion(t *testing.T) {
	srv := testServer(t, "", nil)
	got := do(t, "GET", srv.URL+"/health", nil)
	var h struct {
		Status  string      `json:"status"`
		Version versionInfo `json:"version"`
	}
	if err := json.Unmarshal(got.body, &h); err != nil {
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
	if bytes.Contains(got.body, []byte(`"go"`)) || bytes.Contains(got.body, []byte(runtime.Version())) {
		t.Errorf("/health shows the Go version:\n%s", got.body)
	}
}

// TestServeOpenAPI keeps docs/openapi.yaml and the routes in step: every
// route is described with its method, and every described path is served.
func TestServeOpenAPI(t *testing.T) {
	var doc struct {
		OpenAPI string                    `yaml:"openapi"`
		Paths   map[string]map[string]any `yaml:"paths"`
	}
	if err := yaml.Unmarshal(docs.OpenAPI, &doc); err != nil {
		t.Fatalf("docs/openapi.yaml: %v", err)
	}
	if !strings.HasPrefix(doc.OpenAPI, "3.1") {
		t.Errorf("openapi %q, want 3.1", doc.OpenAPI)
	}
	served := map[string]bool{}
	for _, rt := range serveRoutes {
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

// TestServeShutdown: a SIGTERM lets the request in flight finish, then
// the server stops and serve returns without error.
func TestServeShutdown(t *testing.T) {
	signals := make(chan chan<- os.Signal, 1)
	var logs bytes.Buffer
	a := &app{s: Streams{Err: &syncWriter{w: &logs}}, now: func() time.Time { return serveToday },
		process: process{notify: func(c chan<- os.Signal, sig ...os.Signal) func() {
			if !slices.Contains(sig, os.Signal(os.Interrupt)) {
				t.Errorf("serve relays %v; want SIGINT and SIGTERM", sig)
			}
			signals <- c
			return func() {}
		}}}
	addrs := make(chan net.Addr, 1)
	o := &serveOptions{Addr: "127.0.0.1:0", MaxBody: "1MiB", MaxStreamBody: "1MiB", ReadTimeout: time.Minute, BodyTimeout: 10 * time.Second, MaxConns: 100, MaxRequests: 10,
		WriteTimeout: time.Minute, StreamTimeout: time.Minute, ShutdownTimeout: 10 * time.Second, ready: func(a net.Addr) { addrs <- a }}
	if err := o.check(a); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- runServe(a, o) }()
	sigc := <-signals
	addr := <-addrs
	base := "http://" + addr.String()

	// A stream whose body is still being sent when the signal comes.
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
	sigc <- os.Interrupt
	time.Sleep(50 * time.Millisecond) // the server is now shutting down
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
			t.Errorf("runServe = %v, want nil after a signal", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not stop after the signal")
	}
	for _, want := range []string{`"msg":"listening"`, `"msg":"shutting down","signal":"interrupt"`, `"msg":"stopped"`} {
		if !strings.Contains(logs.String(), want) {
			t.Errorf("logs lack %s:\n%s", want, logs.String())
		}
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
	srv := testServerWith(t, "", nil, func(o *serveOptions) { o.maxStreamBody = 4 << 10 })
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
