package httpapi

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"
)

// addrPattern is a socket address as Go's network errors write them.
var addrPattern = regexp.MustCompile(`\d+\.\d+\.\d+\.\d+:\d+`)

// rawRequest sends req on a fresh connection and returns what the server
// answered until it closed the connection or timeout passed.
func rawRequest(t *testing.T, addr, req string, timeout time.Duration) string {
	t.Helper()
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	_ = c.SetDeadline(time.Now().Add(timeout))
	if _, err := io.WriteString(c, req); err != nil {
		t.Fatal(err)
	}
	if tc, ok := c.(*net.TCPConn); ok {
		_ = tc.CloseWrite()
	}
	got, _ := io.ReadAll(c)
	return string(got)
}

func hostOf(srv *httptest.Server) string { return strings.TrimPrefix(srv.URL, "http://") }

// A body the client cuts short or chunks badly is the client's error: 400,
// logged below ERROR, worded without socket addresses.
func TestServeBodyErrorsAreTheClients(t *testing.T) {
	logs := &syncWriter{w: &bytes.Buffer{}}
	srv := testServer(t, "", logs)
	for _, tc := range []struct{ name, req string }{
		{"cut short", "POST /v1/classify HTTP/1.1\r\nHost: localhost\r\nContent-Length: 100\r\n\r\n{\"answers\":"},
		{"bad chunk", "POST /v1/validate HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n"},
		{"stream cut short", "POST /v1/classify/jsonl HTTP/1.1\r\nHost: localhost\r\nContent-Length: 100\r\n\r\n{\"answers\":"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := rawRequest(t, hostOf(srv), tc.req, 5*time.Second)
			if !strings.HasPrefix(got, "HTTP/1.1 400 ") {
				t.Errorf("answer %.200q, want 400", got)
			}
			if !strings.Contains(got, "reading the request body") || addrPattern.MatchString(got[strings.Index(got, "\r\n\r\n"):]) {
				t.Errorf("answer %.400q, want the body's error without addresses", got)
			}
		})
	}
	if strings.Contains(logs.String(), `"level":"ERROR"`) {
		t.Errorf("a client's error logged as the server's:\n%s", logs.String())
	}
}

// A body that stops coming is cut off after --body-timeout with 408, one
// document or a stream, however long the other timeouts; a stream that
// had started says so in a last line, without socket addresses.
func TestServeStalledBodyIsCut(t *testing.T) {
	srv := testServerWith(t, "", nil, func(c *Config) { c.BodyTimeout = 300 * time.Millisecond })
	for _, path := range []string{"/v1/classify", "/v1/classify/jsonl"} {
		t.Run(path, func(t *testing.T) {
			c, err := net.Dial("tcp", hostOf(srv))
			if err != nil {
				t.Fatal(err)
			}
			defer c.Close()
			fmt.Fprintf(c, "POST %s HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n", path)
			start := time.Now()
			// A byte every 100 ms, never a line break: alive, but no progress.
			go func() {
				for i := 0; i < 50; i++ {
					if _, err := fmt.Fprintf(c, "1\r\n{\r\n"); err != nil {
						return
					}
					time.Sleep(100 * time.Millisecond)
				}
			}()
			_ = c.SetReadDeadline(time.Now().Add(5 * time.Second))
			resp, err := http.ReadResponse(bufio.NewReader(c), nil)
			if err != nil {
				t.Fatalf("no answer within 5 s: %v", err)
			}
			body, _ := io.ReadAll(resp.Body)
			if resp.StatusCode != http.StatusRequestTimeout || time.Since(start) > 3*time.Second {
				t.Errorf("status %d after %s, want 408 after about 300ms: %s", resp.StatusCode, time.Since(start), body)
			}
			if addrPattern.Match(body) || !bytes.Contains(body, []byte("nothing came for 300ms")) {
				t.Errorf("body %s, want the stall said without addresses", body)
			}
		})
	}
	t.Run("started stream", func(t *testing.T) {
		pr, pw := io.Pipe()
		defer pw.Close()
		go func() {
			fmt.Fprintln(pw, `{"answers":{"realtime_voice":true}}`)
			fmt.Fprint(pw, `{"answers":`) // and then nothing
		}()
		resp, err := http.Post(srv.URL+"/v1/classify/jsonl", "application/jsonl", pr)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		got, _ := io.ReadAll(resp.Body)
		lines := strings.Split(strings.TrimSpace(string(got)), "\n")
		last := lines[len(lines)-1]
		if len(lines) != 2 || !strings.Contains(last, "nothing came for 300ms") || strings.Contains(last, `"line"`) || addrPattern.MatchString(last) {
			t.Errorf("stream %q, want a result and a stop line saying the body stalled", got)
		}
	})
}

// A stream past --stream-timeout stops with a last line that says so, in
// words, not as a socket error with both addresses.
func TestServeStreamTimeoutSaysSo(t *testing.T) {
	srv := testServerWith(t, "", nil, func(c *Config) { c.StreamTimeout = 400 * time.Millisecond })
	pr, pw := io.Pipe()
	defer pw.Close()
	go func() {
		for i := 0; i < 100; i++ { // a line every 50 ms: never stalled
			if _, err := fmt.Fprintln(pw, `{"answers":{"realtime_voice":true}}`); err != nil {
				return
			}
			time.Sleep(50 * time.Millisecond)
		}
	}()
	start := time.Now()
	resp, err := http.Post(srv.URL+"/v1/classify/jsonl", "application/jsonl", pr)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	got, _ := io.ReadAll(resp.Body)
	lines := strings.Split(strings.TrimSpace(string(got)), "\n")
	last := lines[len(lines)-1]
	if time.Since(start) > 3*time.Second || !strings.Contains(last, "time limit for a stream; the stream stopped here") || addrPattern.MatchString(last) {
		t.Errorf("after %s, last line %s; want the time limit said, without addresses", time.Since(start), last)
	}
}

// A request whose deadline passes before its work is done is not worked
// on: the deadline stops the work, not only the writes.
func TestServeDeadlineStopsWork(t *testing.T) {
	srv := testServerWith(t, "", nil, func(c *Config) { c.WriteTimeout = time.Nanosecond })
	doc, err := os.ReadFile(exampleDoc)
	if err != nil {
		t.Fatal(err)
	}
	got := do(t, "POST", srv.URL+"/v1/classify", doc)
	if got.status != http.StatusServiceUnavailable || got.header.Get("Retry-After") == "" {
		t.Errorf("status %d (Retry-After %q), want 503 with Retry-After: %s", got.status, got.header.Get("Retry-After"), got.body)
	}
}

// Past --max-requests at work, a request is answered 503 with Retry-After
// at once; a client still sending its first line holds no place.
func TestServeBusy(t *testing.T) {
	cfg := testConfig()
	cfg.MaxRequests = 1
	s := newTestServer(t, cfg, nil)
	read := make(chan struct{}, 1)
	s.bodyRead = func() {
		select {
		case read <- struct{}{}:
		default:
		}
	}
	srv := serveTest(t, s)
	doc, err := os.ReadFile(exampleDoc)
	if err != nil {
		t.Fatal(err)
	}
	// A slow client that has not finished a line, whose byte the server
	// has read: no place taken.
	slow, err := net.Dial("tcp", hostOf(srv))
	if err != nil {
		t.Fatal(err)
	}
	defer slow.Close()
	fmt.Fprintf(slow, "POST /v1/classify/jsonl HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n1\r\n{\r\n")
	select {
	case <-read:
	case <-time.After(10 * time.Second):
		t.Fatal("the slow client's byte was never read")
	}
	if got := do(t, "POST", srv.URL+"/v1/classify", doc); got.status != http.StatusOK {
		t.Fatalf("with a slow client: status %d, want 200: %s", got.status, got.body)
	}
	// A stream at work takes the one place.
	pr, pw := io.Pipe()
	defer pw.Close()
	respc := make(chan *http.Response, 1)
	go func() {
		resp, err := http.Post(srv.URL+"/v1/classify/jsonl", "application/jsonl", pr)
		if err != nil {
			close(respc)
			return
		}
		respc <- resp
	}()
	fmt.Fprintln(pw, `{"answers":{"realtime_voice":true}}`)
	resp := <-respc
	if resp == nil {
		t.Fatal("the stream failed")
	}
	defer resp.Body.Close()
	got := do(t, "POST", srv.URL+"/v1/classify", doc)
	if got.status != http.StatusServiceUnavailable || got.header.Get("Retry-After") != "1" || !bytes.Contains(got.body, []byte("busy")) {
		t.Errorf("with a stream at work: status %d, Retry-After %q, want 503 and 1: %s", got.status, got.header.Get("Retry-After"), got.body)
	}
	pw.Close()
	_, _ = io.ReadAll(resp.Body)
	if got := do(t, "POST", srv.URL+"/v1/classify", doc); got.status != http.StatusOK {
		t.Errorf("after the stream: status %d, want 200", got.status)
	}
}

// Past --max-conns, a connection is answered 503 with Retry-After and
// closed, not left waiting.
func TestServeConnLimit(t *testing.T) {
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	srv.Listener = newConnLimiter(srv.Listener, 2, slog.New(slog.NewJSONHandler(io.Discard, nil)))
	// The server tells when it has taken a connection (and its place) and
	// when it has closed one (and given the place back).
	states := map[http.ConnState]chan struct{}{http.StateNew: make(chan struct{}, 8), http.StateClosed: make(chan struct{}, 8)}
	srv.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if c, ok := states[s]; ok {
			c <- struct{}{}
		}
	}
	waitState := func(s http.ConnState) {
		t.Helper()
		select {
		case <-states[s]:
		case <-time.After(10 * time.Second):
			t.Fatalf("no connection %v within 10 s", s)
		}
	}
	srv.Start()
	defer srv.Close()
	var held []net.Conn
	for i := 0; i < 2; i++ {
		c, err := net.Dial("tcp", hostOf(srv))
		if err != nil {
			t.Fatal(err)
		}
		held = append(held, c)
		waitState(http.StateNew)
	}
	start := time.Now()
	got := rawRequest(t, hostOf(srv), "GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n", 5*time.Second)
	if !strings.HasPrefix(got, "HTTP/1.1 503 ") || !strings.Contains(got, "Retry-After: 1") || time.Since(start) > 2*time.Second {
		t.Errorf("third connection: %.300q after %s, want 503 with Retry-After at once", got, time.Since(start))
	}
	held[0].Close()
	waitState(http.StateClosed)
	if got := rawRequest(t, hostOf(srv), "GET /health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", 5*time.Second); !strings.HasPrefix(got, "HTTP/1.1 200 ") {
		t.Errorf("after one closed: %.100q, want 200", got)
	}
	held[1].Close()
}

// Web pages of other origins cannot drive the server: a browser says where
// a request comes from, and only this server's own origin, or one
// --allow-origin names, is served, with a JSON or YAML body.
func TestServeCrossOrigin(t *testing.T) {
	srv := testServer(t, "", nil)
	allowed := testServerWith(t, "", nil, func(c *Config) { c.AllowOrigins = []string{"https://intake.example"} })
	doc, err := os.ReadFile(exampleDoc)
	if err != nil {
		t.Fatal(err)
	}
	self := "http://" + hostOf(srv)
	for _, tc := range []struct {
		name   string
		url    string
		header []string
		status int
	}{
		{"a program", srv.URL, []string{"Content-Type", "application/x-www-form-urlencoded"}, 200},
		{"foreign origin, text/plain", srv.URL, []string{"Origin", "https://evil.example", "Content-Type", "text/plain"}, 403},
		{"foreign origin, JSON", srv.URL, []string{"Origin", "https://evil.example", "Content-Type", "application/json"}, 403},
		{"cross-site fetch", srv.URL, []string{"Sec-Fetch-Site", "cross-site", "Content-Type", "application/json"}, 403},
		{"opaque origin", srv.URL, []string{"Origin", "null", "Content-Type", "application/json"}, 403},
		{"same origin, text/plain", srv.URL, []string{"Origin", self, "Sec-Fetch-Site", "same-origin", "Content-Type", "text/plain"}, 415},
		{"same origin, JSON", srv.URL, []string{"Origin", self, "Sec-Fetch-Site", "same-origin", "Content-Type", "application/json"}, 200},
		{"rebound host name", srv.URL, []string{"Host", "evil.example:8022"}, 421},
		{"allowed origin", allowed.URL, []string{"Origin", "https://intake.example", "Sec-Fetch-Site", "cross-site", "Content-Type", "application/json"}, 200},
		{"another origin", allowed.URL, []string{"Origin", "https://other.example", "Content-Type", "application/json"}, 403},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req, _ := http.NewRequest("POST", tc.url+"/v1/classify", bytes.NewReader(doc))
			for i := 0; i+1 < len(tc.header); i += 2 {
				if tc.header[i] == "Host" {
					req.Host = tc.header[i+1]
				} else {
					req.Header.Set(tc.header[i], tc.header[i+1])
				}
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != tc.status {
				t.Errorf("status %d, want %d: %.200s", resp.StatusCode, tc.status, body)
			}
			if tc.name == "allowed origin" && resp.Header.Get("Access-Control-Allow-Origin") != "https://intake.example" {
				t.Errorf("Access-Control-Allow-Origin %q, want the origin", resp.Header.Get("Access-Control-Allow-Origin"))
			}
		})
	}
	// The allowed origin's preflight is answered.
	req, _ := http.NewRequest("OPTIONS", allowed.URL+"/v1/classify", nil)
	req.Header.Set("Origin", "https://intake.example")
	req.Header.Set("Access-Control-Request-Method", "POST")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusNoContent || !strings.Contains(resp.Header.Get("Access-Control-Allow-Headers"), "Content-Type") {
		t.Errorf("preflight: status %d, headers %v", resp.StatusCode, resp.Header)
	}
}

// With a token, a route that does not exist or a wrong method says 401 to
// whoever has no token, as the routes do: nothing about the API is told
// before the token. A 404 repeats nothing of the request, every answer
// carries nosniff, and a GET route's Allow lists HEAD.
func TestServeAuthBeforeRoutes(t *testing.T) {
	srv := testServer(t, "s3cret", nil)
	for _, tc := range []struct {
		method, path string
		header       []string
		status       int
		allow        string
	}{
		{"GET", "/v2/<script>alert(1)</script>", nil, 401, ""},
		{"DELETE", "/v1/classify", nil, 401, ""},
		{"GET", "/v2/<script>alert(1)</script>", []string{"Authorization", "Bearer s3cret"}, 404, ""},
		{"DELETE", "/v1/questions", []string{"Authorization", "Bearer s3cret"}, 405, "GET, HEAD"},
		{"POST", "/health", nil, 405, "GET, HEAD"},
		{"HEAD", "/health", nil, 200, ""},
	} {
		got := do(t, tc.method, srv.URL+tc.path, nil, tc.header...)
		if got.status != tc.status {
			t.Errorf("%s %s %v: status %d, want %d", tc.method, tc.path, tc.header, got.status, tc.status)
		}
		if got.header.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s %s: no X-Content-Type-Options: nosniff", tc.method, tc.path)
		}
		if bytes.Contains(got.body, []byte("script")) {
			t.Errorf("%s %s: the answer repeats the path: %s", tc.method, tc.path, got.body)
		}
		if tc.allow != "" && got.header.Get("Allow") != tc.allow {
			t.Errorf("%s %s: Allow %q, want %q", tc.method, tc.path, got.header.Get("Allow"), tc.allow)
		}
	}
}

// An answer the client never took is logged as not delivered, not as a
// request served with its status.
func TestServeLogsOnlyDeliveredAnswers(t *testing.T) {
	logs := logLines()
	srv := testServer(t, "", logs)
	// A client that sends a stream of 3,000 lines and hangs up once the
	// answer has begun: the server's writes of the results fail once the
	// hang-up is known.
	body := strings.Repeat(`{"answers":{"realtime_voice":true,"realtime_video":true}}`+"\n", 3000)
	c, err := net.Dial("tcp", hostOf(srv))
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprintf(c, "POST /v1/classify/jsonl HTTP/1.1\r\nHost: localhost\r\nContent-Length: %d\r\n\r\n%s", len(body), body)
	if status, err := bufio.NewReader(c).ReadString('\n'); err != nil || !strings.HasPrefix(status, "HTTP/1.1 200 ") {
		t.Fatalf("answer began %q, %v; want 200", status, err)
	}
	c.Close()
	// The access log's line (method, then path) comes once the handler
	// is done.
	logs.waitForLine(t, `"method":"POST","path":"/v1/classify/jsonl"`, 30*time.Second)
	out := logs.String()
	if !strings.Contains(out, `"msg":"response not delivered"`) {
		t.Errorf("no 'response not delivered' line:\n%.2000s", out)
	}
	if strings.Contains(out, `"msg":"request","method":"POST","path":"/v1/classify/jsonl"`) {
		t.Errorf("the undelivered stream logged as a request served:\n%.2000s", out)
	}
}

// A stream still running when the grace period of a shutdown ends gets a
// last line saying the server is shutting down, before it is cut.
func TestServeShutdownStopLine(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	cfg := testConfig()
	cfg.ShutdownTimeout = 300 * time.Millisecond
	stop := make(chan os.Signal, 1)
	done := make(chan error, 1)
	go func() { done <- Serve(ln, cfg, testService(t), slog.New(slog.NewJSONHandler(io.Discard, nil)), stop) }()
	// A stream that sends a line, then nothing, and never ends.
	pr, pw := io.Pipe()
	defer pw.Close()
	go fmt.Fprintln(pw, `{"answers":{"realtime_voice":true}}`)
	resp, err := http.Post("http://"+ln.Addr().String()+"/v1/classify/jsonl", "application/jsonl", pr)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	stop <- os.Interrupt // the stream is at work: its first result came with the status
	got, _ := io.ReadAll(resp.Body)
	lines := strings.Split(strings.TrimSpace(string(got)), "\n")
	var last struct {
		Line  *int
		Error struct{ Message string }
	}
	_ = json.Unmarshal([]byte(lines[len(lines)-1]), &last)
	if len(lines) != 2 || last.Line != nil || last.Error.Message != "the server is shutting down; the stream stopped here" {
		t.Errorf("stream %q, want a result and the shutdown's stop line", got)
	}
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Serve = %v, want nil", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not stop")
	}
}

// A memo's cost grows with the product's texts (a DOCX of a description of
// 170,000 lines took 180 MB), so its body has a limit of its own.
func TestServeMemoBodyLimit(t *testing.T) {
	srv := testServer(t, "", nil)
	doc := `{"product":{"name":"x","description":"` + strings.Repeat(`a\n`, 50000) + `"},"answers":{}}`
	got := do(t, "POST", srv.URL+"/v1/memo?format=docx", []byte(doc))
	if got.status != http.StatusRequestEntityTooLarge || !bytes.Contains(got.body, []byte("131072-byte limit")) {
		t.Errorf("memo of %d bytes: status %d, want 413: %s", len(doc), got.status, got.body)
	}
	if got := do(t, "POST", srv.URL+"/v1/classify", []byte(doc)); got.status != http.StatusOK {
		t.Errorf("the same document classified: status %d, want 200", got.status)
	}
}
