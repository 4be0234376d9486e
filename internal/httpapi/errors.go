package httpapi

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"b22/classify"
	"b22/internal/present"
	"b22/internal/service"
)

// fail answers an error with its kind's status (service.Kind.Status) and
// its message as the service words it for HTTP (as_of, not --as-of; the
// request body, not <stdin>); an invalid document's problems go with it. A failure of the
// server's own (500) is logged as an error, a request that ran out of
// the server's time as a warning.
func (s *server) fail(w http.ResponseWriter, r *http.Request, err error) {
	if errors.Is(err, errBusy) {
		s.busy(w)
		return
	}
	kind := kindOf(err)
	status := kind.Status()
	switch {
	case status == http.StatusInternalServerError:
		s.log.Error("request failed", "path", r.URL.Path, "error", err.Error())
	case kind == service.Unavailable && !clientsDoing(err):
		s.log.Warn("request ran out of time", "path", r.URL.Path)
	}
	if status == http.StatusServiceUnavailable {
		w.Header().Set("Retry-After", retryAfter)
	}
	var ps classify.Problems
	errors.As(err, &ps)
	writeError(w, status, message(err), ps)
}

// busy answers 503: the server holds its limit of requests at work.
func (s *server) busy(w http.ResponseWriter) {
	w.Header().Set("Retry-After", retryAfter)
	writeError(w, http.StatusServiceUnavailable, busyMessage("requests at work", cap(s.working)), nil)
}

// kindOf is the kind of err, the body over its limit (net/http's error)
// included.
func kindOf(err error) service.Kind {
	var tooLarge *http.MaxBytesError
	if errors.As(err, &tooLarge) {
		return service.TooLarge
	}
	return service.KindOf(err)
}

// clientsDoing reports whether err is the client's doing rather than the
// server's: a body too large, cut short or stalled, or a request given up.
func clientsDoing(err error) bool {
	var tooLarge *http.MaxBytesError
	var be *bodyError
	return errors.As(err, &tooLarge) || errors.As(err, &be) || errors.Is(err, context.Canceled)
}

// message is what an answer says of err.
func message(err error) string {
	var tooLarge *http.MaxBytesError
	var be *bodyError
	switch {
	case errors.As(err, &tooLarge):
		return fmt.Sprintf("request body larger than the %d-byte limit", tooLarge.Limit)
	case errors.As(err, &be):
		return be.Error()
	case errors.Is(err, context.DeadlineExceeded):
		return "the request took longer than the server allows (--write-timeout)"
	case errors.Is(err, context.Canceled):
		return "the request was given up: the client went away, or the server is stopping"
	}
	return sanitize(service.MessageOf(err, service.HTTP))
}

// sanitize neutralises control characters a message quotes from the
// request.
func sanitize(s string) string { return present.Sanitize(s) }

// writeError writes the error object of the stream's bad lines:
// {"error": {"message": ..., "problems": [...]}}.
func writeError(w http.ResponseWriter, status int, msg string, ps classify.Problems) {
	if ps == nil {
		ps = classify.Problems{}
	}
	var b bytes.Buffer
	_ = service.WriteJSON(&b, struct {
		Error service.ErrorObject `json:"error"`
	}{service.ErrorObject{Message: msg, Problems: ps}}, true)
	writeBody(w, status, "application/json", b.Bytes())
}

func writeBody(w http.ResponseWriter, status int, contentType string, body []byte) {
	w.Header().Set("Content-Type", contentType)
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	_, _ = w.Write(body)
}
