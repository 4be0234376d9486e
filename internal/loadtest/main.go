// Command loadtest runs a b22 server binary on the loopback interface and
// measures it under load: what one hostile document costs the server (CPU
// and peak memory), 64 clients sending a mix of valid and hostile bodies
// for a minute (throughput, 99th-percentile latency, peak RSS, RSS over
// time), and whether 2,000 slow clients delay a normal request.
//
//	go build -o /tmp/b22 ./cmd/b22
//	go run ./internal/loadtest -bin /tmp/b22
//
// It reads the server's memory and CPU time from /proc, so it runs on
// Linux only. Every loop is bounded by a count or by -duration; the server
// is stopped at the end, and a run whose server passes -max-rss is stopped
// there and says so.
package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

type config struct {
	bin       string
	examples  string
	clients   int
	duration  time.Duration
	slow      int
	slowFor   time.Duration
	maxRSS    int64
	phases    string
	serveArgs string
	hostile   int    // one request in this many is hostile; 0 for none
	only      string // the hostile documents to send, by a word of their name
}

func main() {
	var c config
	flag.StringVar(&c.bin, "bin", "", "the b22 binary to serve with (required)")
	flag.StringVar(&c.examples, "examples", "questionnaires/b22/examples", "folder of valid answers documents")
	flag.IntVar(&c.clients, "clients", 64, "concurrent clients in the load phase")
	flag.DurationVar(&c.duration, "duration", time.Minute, "length of the load phase")
	flag.IntVar(&c.slow, "slow", 2000, "slow clients in the slow phase")
	flag.DurationVar(&c.slowFor, "slow-for", 30*time.Second, "length of the slow phase")
	maxRSS := flag.Int64("max-rss-mib", 4096, "stop a phase when the server's resident memory passes this many MiB")
	flag.StringVar(&c.phases, "phases", "hostile,load,slow", "phases to run, comma-separated")
	flag.StringVar(&c.serveArgs, "serve-args", "", "extra arguments for 'b22 serve', space-separated")
	flag.IntVar(&c.hostile, "hostile-every", 8, "in the load phase, one request in this many is hostile (0: none)")
	flag.StringVar(&c.only, "only", "", "send only the hostile documents whose name contains this")
	flag.Parse()
	c.maxRSS = *maxRSS << 20
	if c.bin == "" {
		fmt.Fprintln(os.Stderr, "loadtest: -bin is required (go build -o /tmp/b22 ./cmd/b22)")
		os.Exit(2)
	}
	valid, err := validBodies(c.examples)
	if err != nil {
		fmt.Fprintln(os.Stderr, "loadtest:", err)
		os.Exit(1)
	}
	for _, phase := range strings.Split(c.phases, ",") {
		var err error
		switch phase {
		case "hostile":
			err = phaseHostile(c)
		case "load":
			err = phaseLoad(c, valid)
		case "slow":
			err = phaseSlow(c, valid)
		default:
			err = fmt.Errorf("unknown phase %q", phase)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "loadtest:", err)
			os.Exit(1)
		}
	}
}

// body is one request the clients send.
type body struct {
	name, path, contentType string
	data                    []byte
	hostile                 bool
}

func validBodies(dir string) ([]body, error) {
	var out []body
	var lines [][]byte
	for _, name := range []string{"meeting-app.json", "game-voice.json", "half-known.json", "vod-site.json"} {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			return nil, err
		}
		out = append(out, body{name: "classify " + name, path: "/v1/classify", contentType: "application/json", data: data})
		var v any
		if err := json.Unmarshal(data, &v); err != nil {
			return nil, fmt.Errorf("%s: %v", name, err)
		}
		line, _ := json.Marshal(v)
		lines = append(lines, line)
	}
	var stream []byte
	for i := 0; i < 20; i++ {
		stream = append(append(stream, lines[i%len(lines)]...), '\n')
	}
	out = append(out, body{name: "jsonl 20 lines", path: "/v1/classify/jsonl", contentType: "application/jsonl", data: stream})
	out = append(out, body{name: "validate meeting-app", path: "/v1/validate", contentType: "application/json", data: out[0].data})
	return out, nil
}

// fill repeats item with sep between prefix and suffix to just under limit
// bytes.
func fill(prefix, item, sep, suffix string, limit int) []byte {
	n := (limit - len(prefix) - len(suffix)) / (len(item) + len(sep))
	var b bytes.Buffer
	b.WriteString(prefix)
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteString(sep)
		}
		b.WriteString(item)
	}
	b.WriteString(suffix)
	return b.Bytes()
}

// hostileBodies are documents under the default 1 MiB body limit that cost
// the parser most: problems by the hundred thousand, all on one line,
// values by the hundred thousand, objects of many keys, YAML.
func hostileBodies() []body {
	const limit = 1<<20 - 64
	unknown := func(sep string) []byte {
		var b bytes.Buffer
		b.WriteString(`{"answers":{`)
		for i := 0; b.Len() < limit-32; i++ {
			if i > 0 {
				b.WriteString("," + sep)
			}
			fmt.Fprintf(&b, `"k%d":0`, i)
		}
		b.WriteString("}}")
		return b.Bytes()
	}
	// The memo's own limit, --max-memo-body, is 128 KiB: 43,000 lines.
	memoDoc := fill(`{"product":{"name":"x","description":"`, `a\n`, "", `"},"answers":{}}`, 128<<10-64)
	jsonl := bytes.Repeat(append(fill(`{"answers":{"use_cases":[`, `"x"`, ",", `]}}`, 256<<10), '\n'), 8)
	return []body{
		{name: "invalid list items, one line", path: "/v1/classify", data: fill(`{"answers":{"use_cases":[`, `"x"`, ",", `]}}`, limit)},
		{name: "invalid list items, a line each", path: "/v1/validate", data: fill(`{"answers":{"use_cases":[`+"\n", `"x"`, ",\n", "\n]}}", limit)},
		{name: "numbers, one line", path: "/v1/classify", data: fill(`{"answers":{"use_cases":[`, `0`, ",", `]}}`, limit)},
		{name: "duplicate keys, one line", path: "/v1/validate", data: fill(`{"answers":{`, `"coverage":1`, ",", `}}`, limit)},
		{name: "distinct unknown keys", path: "/v1/classify", data: unknown("\n")},
		{name: "empty lists, one line", path: "/v1/classify", data: fill(`{"answers":{"use_cases":[`, `[]`, ",", `]}}`, limit)},
		{name: "YAML flow list", path: "/v1/classify", data: fill(`answers: {use_cases: [`, `x`, ",", "]}\n", limit)},
		{name: "YAML block list", path: "/v1/validate", data: fill("answers:\n  use_cases:\n", `  - x`, "\n", "\n", limit)},
		{name: "memo docx, bilingual, 43,000 lines of description", path: "/v1/memo?format=docx&lang=bilingual", data: memoDoc},
		{name: "stream of 8 lines of 256 KiB invalid items", path: "/v1/classify/jsonl", contentType: "application/jsonl", data: jsonl},
	}
}

// server is a running 'b22 serve'.
type server struct {
	cmd    *exec.Cmd
	base   string
	pid    int
	errors atomic.Int64 // log lines at level ERROR
	logs   atomic.Int64
	done   chan struct{}
}

func startServer(c config, extra ...string) (*server, error) {
	args := append([]string{"serve", "--addr", "127.0.0.1:0"}, extra...)
	if c.serveArgs != "" {
		args = append(args, strings.Fields(c.serveArgs)...)
	}
	cmd := exec.Command(c.bin, args...)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	s := &server{cmd: cmd, pid: cmd.Process.Pid, done: make(chan struct{})}
	addr := make(chan string, 1)
	go func() {
		defer close(s.done)
		sc := bufio.NewScanner(stderr)
		sc.Buffer(make([]byte, 64<<10), 1<<20)
		for sc.Scan() {
			var rec struct{ Level, Msg, Addr string }
			_ = json.Unmarshal(sc.Bytes(), &rec)
			s.logs.Add(1)
			if rec.Level == "ERROR" {
				s.errors.Add(1)
			}
			if rec.Msg == "listening" {
				addr <- rec.Addr
			}
		}
	}()
	select {
	case a := <-addr:
		s.base = "http://" + a
	case <-time.After(20 * time.Second):
		_ = cmd.Process.Kill()
		return nil, errors.New("the server did not say where it listens within 20 s")
	}
	return s, nil
}

func (s *server) stop() {
	_ = s.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-s.done:
	case <-time.After(30 * time.Second):
		_ = s.cmd.Process.Kill()
		<-s.done
	}
	_ = s.cmd.Wait()
}

// rss returns the server's resident and peak resident memory in bytes.
func (s *server) rss() (cur, peak int64) {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", s.pid))
	if err != nil {
		return 0, 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		f := strings.Fields(line)
		if len(f) < 2 {
			continue
		}
		kb, _ := strconv.ParseInt(f[1], 10, 64)
		switch f[0] {
		case "VmRSS:":
			cur = kb << 10
		case "VmHWM:":
			peak = kb << 10
		}
	}
	return cur, peak
}

// resetPeak starts the peak resident memory again from the current one.
func (s *server) resetPeak() {
	_ = os.WriteFile(fmt.Sprintf("/proc/%d/clear_refs", s.pid), []byte("5"), 0)
}

// cpu returns the server's user and system CPU time.
func (s *server) cpu() time.Duration {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", s.pid))
	if err != nil {
		return 0
	}
	// The fields after the command name, which is in parentheses.
	f := strings.Fields(string(data[bytes.LastIndexByte(data, ')')+1:]))
	if len(f) < 13 {
		return 0
	}
	utime, _ := strconv.ParseInt(f[11], 10, 64)
	stime, _ := strconv.ParseInt(f[12], 10, 64)
	return time.Duration(utime+stime) * 10 * time.Millisecond // USER_HZ is 100 on Linux
}

func mib(b int64) string { return fmt.Sprintf("%.1f MiB", float64(b)/(1<<20)) }

// phaseHostile sends each hostile document alone and reports what it cost
// the server: CPU time until the server is idle again, and the rise of
// its peak resident memory over what it held before.
func phaseHostile(c config) error {
	fmt.Println("## one hostile document at a time")
	fmt.Println()
	fmt.Println("| document | bytes | status | time | server CPU | peak RSS over the idle server |")
	fmt.Println("| --- | --- | --- | --- | --- | --- |")
	for _, b := range hostileBodies() {
		if !strings.Contains(b.name, c.only) {
			continue
		}
		s, err := startServer(c)
		if err != nil {
			return err
		}
		time.Sleep(200 * time.Millisecond)
		before, _ := s.rss()
		s.resetPeak()
		cpu0 := s.cpu()
		client := &http.Client{Timeout: 5 * time.Minute}
		ct := b.contentType
		if ct == "" {
			ct = "application/json"
		}
		t0 := time.Now()
		status := "error"
		resp, err := client.Post(s.base+b.path, ct, bytes.NewReader(b.data))
		if err == nil {
			_, _ = io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			status = strconv.Itoa(resp.StatusCode)
		} else {
			status = "error: " + shortErr(err)
		}
		took := time.Since(t0)
		// The work may go on after the answer: wait until the CPU time
		// stops moving (at most two minutes).
		last := s.cpu()
		for i := 0; i < 240; i++ {
			time.Sleep(500 * time.Millisecond)
			now := s.cpu()
			if now == last {
				break
			}
			last = now
		}
		_, peak := s.rss()
		fmt.Printf("| %s | %d | %s | %.2f s | %.2f s | %s |\n", b.name, len(b.data), status, took.Seconds(), (last - cpu0).Seconds(), mib(peak-before))
		s.stop()
	}
	fmt.Println()
	return nil
}

type sample struct {
	hostile bool
	status  int
	took    time.Duration
}

// phaseLoad runs the clients for the duration, one in eight requests
// hostile, and reports throughput, latency and the server's memory.
func phaseLoad(c config, valid []body) error {
	s, err := startServer(c)
	if err != nil {
		return err
	}
	defer s.stop()
	var hostile []body
	for _, b := range hostileBodies() {
		if strings.Contains(b.name, c.only) {
			hostile = append(hostile, b)
		}
	}
	if len(hostile) == 0 {
		c.hostile = 0
	}
	transport := &http.Transport{MaxIdleConnsPerHost: c.clients, MaxConnsPerHost: c.clients}
	client := &http.Client{Transport: transport, Timeout: 60 * time.Second}
	ctx, cancel := context.WithTimeout(context.Background(), c.duration)
	defer cancel()
	var mu sync.Mutex
	var samples []sample
	transportErrors := map[string]int{}
	var wg sync.WaitGroup
	start := time.Now()
	cpu0 := s.cpu()
	for i := 0; i < c.clients; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			var mine []sample
			for n := i; ctx.Err() == nil; n++ {
				b := valid[n%len(valid)]
				if c.hostile > 0 && n%c.hostile == c.hostile-1 {
					b = hostile[(n/c.hostile)%len(hostile)]
					b.hostile = true
				}
				ct := b.contentType
				if ct == "" {
					ct = "application/json"
				}
				req, _ := http.NewRequestWithContext(ctx, "POST", s.base+b.path, bytes.NewReader(b.data))
				req.Header.Set("Content-Type", ct)
				t0 := time.Now()
				resp, err := client.Do(req)
				if err != nil {
					if ctx.Err() != nil {
						break
					}
					mu.Lock()
					transportErrors[shortErr(err)]++
					mu.Unlock()
					mine = append(mine, sample{hostile: b.hostile, took: time.Since(t0)})
					continue
				}
				_, _ = io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				mine = append(mine, sample{hostile: b.hostile, status: resp.StatusCode, took: time.Since(t0)})
			}
			mu.Lock()
			samples = append(samples, mine...)
			mu.Unlock()
		}(i)
	}
	// Memory over time, and the stop when it passes the cap.
	var rssLine []string
	aborted := ""
	tick := time.NewTicker(time.Second)
	for sec := 1; ; sec++ {
		select {
		case <-ctx.Done():
		case <-tick.C:
			cur, _ := s.rss()
			if sec%10 == 0 {
				rssLine = append(rssLine, fmt.Sprintf("%ds %s", sec, mib(cur)))
			}
			if cur > c.maxRSS {
				aborted = fmt.Sprintf("stopped after %d s: resident memory %s passed the %s cap", sec, mib(cur), mib(c.maxRSS))
				cancel()
			}
			continue
		}
		break
	}
	tick.Stop()
	wg.Wait()
	elapsed := time.Since(start)
	cpu := s.cpu() - cpu0
	_, peak := s.rss()

	var okValid, okAll int
	var validLat, hostileLat []time.Duration
	statuses := map[string]int{}
	for _, x := range samples {
		key := "valid "
		if x.hostile {
			key = "hostile "
		}
		statuses[key+strconv.Itoa(x.status)]++
		if x.hostile {
			hostileLat = append(hostileLat, x.took)
		} else {
			validLat = append(validLat, x.took)
			if x.status == 200 {
				okValid++
			}
		}
		if x.status != 0 {
			okAll++
		}
	}
	fmt.Printf("## %d clients for %s, one request in %d hostile\n\n", c.clients, c.duration, c.hostile)
	if aborted != "" {
		fmt.Printf("- **%s**\n", aborted)
	}
	fmt.Printf("- requests answered: %d (%.0f/s); valid ones answered 200: %d (%.0f/s)\n", okAll, float64(okAll)/elapsed.Seconds(), okValid, float64(okValid)/elapsed.Seconds())
	fmt.Printf("- latency of valid requests: p50 %s, p99 %s, max %s\n", pct(validLat, 50), pct(validLat, 99), pct(validLat, 100))
	fmt.Printf("- latency of hostile requests: p50 %s, p99 %s, max %s\n", pct(hostileLat, 50), pct(hostileLat, 99), pct(hostileLat, 100))
	fmt.Printf("- statuses: %s\n", sortedCounts(statuses))
	if len(transportErrors) > 0 {
		fmt.Printf("- transport errors: %s\n", sortedCounts(transportErrors))
	}
	fmt.Printf("- server: peak RSS %s, CPU %.1f s in %.1f s, resident memory every 10 s: %s\n", mib(peak), cpu.Seconds(), elapsed.Seconds(), strings.Join(rssLine, ", "))
	fmt.Printf("- server log lines: %d, at ERROR: %d\n\n", s.logs.Load(), s.errors.Load())
	return nil
}

// phaseSlow opens the slow clients, each a stream that sends one byte a
// second, and times a normal request every second while they are open.
func phaseSlow(c config, valid []body) error {
	s, err := startServer(c)
	if err != nil {
		return err
	}
	defer s.stop()
	addr := strings.TrimPrefix(s.base, "http://")
	ctx, cancel := context.WithTimeout(context.Background(), c.slowFor)
	defer cancel()
	var open, refused, closedByServer atomic.Int64
	var wg sync.WaitGroup
	for i := 0; i < c.slow; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			conn, err := net.DialTimeout("tcp", addr, 10*time.Second)
			if err != nil {
				refused.Add(1)
				return
			}
			defer conn.Close()
			open.Add(1)
			defer open.Add(-1)
			fmt.Fprintf(conn, "POST /v1/classify/jsonl HTTP/1.1\r\nHost: %s\r\nContent-Type: application/jsonl\r\nTransfer-Encoding: chunked\r\n\r\n", addr)
			line := `{"answers":{"realtime_voice":true}}` + "\n"
			// The server's answer, if it answers, ends the client.
			gone := make(chan struct{})
			go func() {
				_, _ = io.Copy(io.Discard, conn)
				close(gone)
			}()
			for j := 0; ctx.Err() == nil; j++ {
				if _, err := fmt.Fprintf(conn, "1\r\n%c\r\n", line[j%len(line)]); err != nil {
					closedByServer.Add(1)
					return
				}
				select {
				case <-ctx.Done():
					return
				case <-gone:
					closedByServer.Add(1)
					return
				case <-time.After(time.Second):
				}
			}
		}()
	}
	time.Sleep(3 * time.Second) // let them connect
	client := &http.Client{Timeout: 60 * time.Second, Transport: &http.Transport{DisableKeepAlives: true}}
	var lat []time.Duration
	statuses := map[string]int{}
	peakOpen := int64(0)
	for ctx.Err() == nil {
		peakOpen = max(peakOpen, open.Load())
		t0 := time.Now()
		resp, err := client.Post(s.base+valid[0].path, "application/json", bytes.NewReader(valid[0].data))
		if err != nil {
			statuses["error: "+shortErr(err)]++
		} else {
			_, _ = io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			statuses[strconv.Itoa(resp.StatusCode)]++
		}
		lat = append(lat, time.Since(t0))
		select {
		case <-ctx.Done():
		case <-time.After(time.Second):
		}
	}
	cur, peak := s.rss()
	cancel()
	wg.Wait()
	fmt.Printf("## %d slow clients (a stream sending a byte a second) for %s\n\n", c.slow, c.slowFor)
	fmt.Printf("- normal requests meanwhile: %d, statuses %s; latency p50 %s, max %s\n", len(lat), sortedCounts(statuses), pct(lat, 50), pct(lat, 100))
	fmt.Printf("- slow clients: at most %d open at once, %d refused a connection, %d closed by the server\n", peakOpen, refused.Load(), closedByServer.Load())
	fmt.Printf("- server: resident memory at the end %s, peak %s; log lines at ERROR: %d\n\n", mib(cur), mib(peak), s.errors.Load())
	return nil
}

func pct(d []time.Duration, p int) string {
	if len(d) == 0 {
		return "-"
	}
	d = slices.Clone(d)
	slices.Sort(d)
	i := min(len(d)*p/100, len(d)-1)
	return d[i].Round(100 * time.Microsecond).String()
}

func sortedCounts(m map[string]int) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var parts []string
	for _, k := range keys {
		parts = append(parts, fmt.Sprintf("%s: %d", k, m[k]))
	}
	return strings.Join(parts, ", ")
}

// shortErr drops the socket addresses from a transport error, so that
// errors of one kind are counted together.
func shortErr(err error) string {
	var ne *net.OpError
	if errors.As(err, &ne) && ne.Err != nil {
		return ne.Op + ": " + ne.Err.Error()
	}
	msg := err.Error()
	if i := strings.LastIndex(msg, ": "); i >= 0 {
		return msg[i+2:]
	}
	return msg
}
