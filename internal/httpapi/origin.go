package httpapi

import (
	"mime"
	"net"
	"net/http"
	"slices"
	"strings"
)

// A web page the developer has open can send requests to a server on
// localhost: a form or fetch() POST of text/plain needs no permission from
// the server. So a request that comes from a browser (it says where it
// comes from, in Origin or Sec-Fetch-Site) is served only from this
// server's own pages or an origin --allow-origin names, and only with a
// body type a page cannot send without asking first (JSON, JSON Lines,
// YAML). On a loopback address, the Host must be a loopback name too, so
// that a name rebound to 127.0.0.1 by its DNS is not taken for this server.
// Programs (curl, scripts) send neither header and are served as before.

// bodyTypes are the content types a browser request may carry.
var bodyTypes = []string{"application/json", "application/jsonl", "application/x-ndjson", "application/yaml", "application/x-yaml"}

type originPolicy struct {
	allowed  []string // origins as browsers send them: scheme://host[:port]
	loopback bool     // the server listens on a loopback address
}

// check returns the status and message refusing r, or 0.
func (p originPolicy) check(r *http.Request) (int, string) {
	if p.loopback && !loopbackHost(r.Host) {
		return http.StatusMisdirectedRequest, "this server answers to localhost names only (Host is not a loopback name)"
	}
	origin := r.Header.Get("Origin")
	site := r.Header.Get("Sec-Fetch-Site")
	if origin == "" && site == "" {
		return 0, "" // not a browser
	}
	if origin != "" && p.allows(origin) {
		return 0, ""
	}
	crossSite := site != "" && site != "same-origin" && site != "none"
	if crossSite || origin != "" && !sameHost(origin, r.Host) {
		return http.StatusForbidden, "cross-origin requests are refused; start the server with --allow-origin ORIGIN to serve a web page"
	}
	if r.Method == http.MethodPost && !p.jsonBody(r) {
		return http.StatusUnsupportedMediaType, "a request from a browser must send its body as " + strings.Join(bodyTypes, ", ")
	}
	return 0, ""
}

func (p originPolicy) allows(origin string) bool {
	return slices.Contains(p.allowed, "*") || slices.Contains(p.allowed, strings.TrimSuffix(origin, "/"))
}

func (p originPolicy) jsonBody(r *http.Request) bool {
	t, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	return err == nil && slices.Contains(bodyTypes, t)
}

// sameHost reports whether origin (scheme://host[:port]) names host.
func sameHost(origin, host string) bool {
	_, rest, ok := strings.Cut(origin, "://")
	return ok && strings.EqualFold(rest, host)
}

// loopbackHost reports whether a Host header names this machine: localhost,
// a name under .localhost, or a loopback address.
func loopbackHost(hostport string) bool {
	host := hostport
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		host = h
	}
	host = strings.TrimSuffix(strings.ToLower(strings.Trim(host, "[]")), ".")
	if host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// cors adds the headers that let an allowed origin's page read an answer,
// and answers its preflight requests.
func (p originPolicy) cors(w http.ResponseWriter, r *http.Request) bool {
	origin := r.Header.Get("Origin")
	if origin == "" || !p.allows(origin) {
		return false
	}
	h := w.Header()
	h.Set("Access-Control-Allow-Origin", origin)
	h.Add("Vary", "Origin")
	if r.Method == http.MethodOptions && r.Header.Get("Access-Control-Request-Method") != "" {
		h.Set("Access-Control-Allow-Methods", "GET, HEAD, POST")
		h.Set("Access-Control-Allow-Headers", "Authorization, Content-Type")
		h.Set("Access-Control-Max-Age", "600")
		w.WriteHeader(http.StatusNoContent)
		return true
	}
	return false
}
