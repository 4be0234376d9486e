package httpapi

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"b22/internal/service"
)

// What one client may hold of the server, and what happens past it: every
// limit answers at once (503 with Retry-After, 408, 413), never with a
// queue that grows without end.

// retryAfter is the Retry-After of a 503: a second is long enough for a
// request at work to end on this server.
const retryAfter = "1"

// errBusy is a request refused because --max-requests are at work.
var errBusy = errors.New("the server is busy")

// busyMessage words a 503 the same way for a connection and a request.
func busyMessage(what string, limit int) string {
	return fmt.Sprintf("the server is busy: %d %s at once is its limit; retry after %s s", limit, what, retryAfter)
}

// connLimiter is a listener that holds at most max connections open. One
// more is answered 503 on the spot and closed: a client is told, not left
// in the kernel's queue, and the server keeps descriptors for the
// connections it serves.
type connLimiter struct {
	net.Listener
	slots chan struct{}
	// refusing bounds the goroutines that answer refused connections; past
	// it, a refused connection is closed without a word.
	refusing chan struct{}
	refused  atomic.Int64
	log      *slog.Logger
}

func newConnLimiter(ln net.Listener, max int, log *slog.Logger) *connLimiter {
	return &connLimiter{Listener: ln, slots: make(chan struct{}, max), refusing: make(chan struct{}, refusers), log: log}
}

func (l *connLimiter) Accept() (net.Conn, error) {
	for {
		c, err := l.Listener.Accept()
		if err != nil {
			return nil, err
		}
		select {
		case l.slots <- struct{}{}:
			return &limitedConn{Conn: c, release: func() { <-l.slots }}, nil
		default:
		}
		if n := l.refused.Add(1); n == 1 || n%1000 == 0 {
			l.log.Warn("connections refused: the server holds its limit of connections", "max_conns", cap(l.slots), "refused", n)
		}
		select {
		case l.refusing <- struct{}{}:
			go func() {
				defer func() { <-l.refusing }()
				refuseConn(c, busyMessage("connections", cap(l.slots)))
			}()
		default:
			_ = c.Close()
		}
	}
}

// refusers is how many refused connections are answered at once; each
// holds a file descriptor for at most refuseTime.
const (
	refusers   = 128
	refuseTime = 100 * time.Millisecond
)

// refuseConn answers a connection over the limit with a 503 and closes
// it, reading for a moment what the client sent so that the close does
// not reset the answer away. It is quick, so that a crowd of refused
// clients does not keep a normal one waiting in the kernel's queue.
func refuseConn(c net.Conn, msg string) {
	defer c.Close()
	var body bytes.Buffer
	_ = service.WriteJSON(&body, struct {
		Error service.ErrorObject `json:"error"`
	}{service.ErrorObject{Message: msg, Problems: nil}}, false)
	_ = c.SetDeadline(time.Now().Add(refuseTime))
	fmt.Fprintf(c, "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\nX-Content-Type-Options: nosniff\r\nRetry-After: %s\r\nConnection: close\r\nContent-Length: %d\r\n\r\n", retryAfter, body.Len())
	_, _ = c.Write(body.Bytes())
	if tc, ok := c.(*net.TCPConn); ok {
		_ = tc.CloseWrite()
	}
	_, _ = io.Copy(io.Discard, io.LimitReader(c, 64<<10))
}

// limitedConn gives its slot back when closed, once.
type limitedConn struct {
	net.Conn
	once    sync.Once
	release func()
}

func (c *limitedConn) Close() error {
	c.once.Do(c.release)
	return c.Conn.Close()
}

// slots counts the requests at work; a request past the limit is refused.
type slots chan struct{}

func (s slots) take() bool {
	select {
	case s <- struct{}{}:
		return true
	default:
		return false
	}
}

func (s slots) give() { <-s }

// bodyError is a request body the client failed to send: cut short, badly
// chunked, or stalled. It is the client's error (400, or 408 when it
// stalled), worded without the socket addresses the connection's errors
// carry.
type bodyError struct {
	err     error
	stalled bool
	idle    time.Duration
}

func (e *bodyError) Error() string {
	if e.stalled {
		if e.idle > 0 {
			return fmt.Sprintf("reading the request body: nothing came for %s (a stream must send a line, or 64 KiB, at least this often)", e.idle)
		}
		return "reading the request body: it did not arrive in time"
	}
	return "reading the request body: " + e.cause()
}

// cause words what went wrong on the connection without its addresses.
func (e *bodyError) cause() string {
	var ne *net.OpError
	switch {
	case errors.Is(e.err, io.ErrUnexpectedEOF):
		return "it ended before its announced end"
	case errors.Is(e.err, net.ErrClosed), errors.Is(e.err, os.ErrClosed):
		return "the connection closed"
	case errors.Is(e.err, os.ErrDeadlineExceeded):
		return "timed out"
	case errors.As(e.err, &ne) && ne.Err != nil:
		return ne.Err.Error()
	}
	return e.err.Error()
}

func (e *bodyError) Unwrap() error { return e.err }

// Kind is the client's error: 408 for a body that stalled, 400 for one
// cut short or badly chunked.
func (e *bodyError) Kind() service.Kind {
	if e.stalled {
		return service.Timeout
	}
	return service.Input
}

// progressEvery is how much of a body counts as progress without a line
// break: a stream line may be long, but it must keep coming.
const progressEvery = 64 << 10

// bodyReader reads a request body under three limits: its size (limit),
// its end (the read deadline of the request), and its pace: a line break,
// or progressEvery bytes, must come within idle of the last one, so a
// client that sends a byte a second is cut off after idle, not at the end
// of a ten-minute stream. Errors of the body itself become bodyErrors.
type bodyReader struct {
	mu       sync.Mutex
	stopped  bool
	r        io.Reader
	rc       *http.ResponseController
	idle     time.Duration
	end      time.Time
	last     time.Time // the last progress
	since    int       // bytes since then
	progress func() error
	started  bool   // progress has been made once
	read     func() // a test's hook: bytes came
}

// newBodyReader reads r's body, of at most limit bytes, by end, with
// BodyTimeout between line breaks.
func (s *server) newBodyReader(w http.ResponseWriter, r *http.Request, limit int64, end time.Time) *bodyReader {
	// The server's own writer, not a wrapper of it, so that a body over
	// its limit closes the connection after the answer.
	if raw, ok := r.Context().Value(rawWriterKey{}).(http.ResponseWriter); ok {
		w = raw
	}
	return &bodyReader{r: http.MaxBytesReader(w, r.Body, limit), rc: http.NewResponseController(w), idle: s.cfg.BodyTimeout, end: end,
		last: time.Now(), read: s.bodyRead}
}

// rawWriterKey finds the server's ResponseWriter in a request's context.
type rawWriterKey struct{}

// errBodyStopped is a read after stop.
var errBodyStopped = errors.New("the request body is no longer read")

// stop ends a read in progress, and any after it: a stream that stops
// early returns while its reader may still be waiting for the client.
func (b *bodyReader) stop() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.stopped = true
	_ = b.rc.SetReadDeadline(time.Now())
}

func (b *bodyReader) Read(p []byte) (int, error) {
	b.mu.Lock()
	if b.stopped {
		b.mu.Unlock()
		return 0, errBodyStopped
	}
	deadline := b.end
	if b.idle > 0 && b.last.Add(b.idle).Before(deadline) {
		deadline = b.last.Add(b.idle)
	}
	_ = b.rc.SetReadDeadline(deadline)
	b.mu.Unlock()
	n, err := b.r.Read(p)
	if n > 0 && b.read != nil {
		b.read()
	}
	if n > 0 {
		b.since += n
		if b.since >= progressEvery || bytes.IndexByte(p[:n], '\n') >= 0 {
			b.last, b.since = time.Now(), 0
			if !b.started && b.progress != nil {
				b.started = true
				if perr := b.progress(); perr != nil {
					return 0, perr
				}
			}
		}
	}
	var tooLarge *http.MaxBytesError
	switch {
	case err == nil, errors.Is(err, io.EOF), errors.As(err, &tooLarge):
		if errors.Is(err, io.EOF) && !b.started && b.progress != nil {
			b.started = true
			if perr := b.progress(); perr != nil {
				return 0, perr
			}
		}
		return n, err
	case errors.Is(err, os.ErrDeadlineExceeded):
		idle := time.Duration(0)
		if b.idle > 0 && !b.last.Add(b.idle).After(b.end) {
			idle = b.idle
		}
		return n, &bodyError{err: err, stalled: true, idle: idle}
	default:
		return n, &bodyError{err: err}
	}
}

// readAll reads the whole body: a document, of at most the body limit.
func (b *bodyReader) readAll() ([]byte, error) {
	return io.ReadAll(b)
}

// ConnLimit is the most connections the process's file descriptors allow,
// keeping some for the listener, logs and rule files.
func ConnLimit() (int, bool) {
	n, ok := openFileLimit()
	if !ok {
		return 0, false
	}
	if n > 1<<30 {
		n = 1 << 30
	}
	return max(int(n)-64-refusers, 1), true
}
