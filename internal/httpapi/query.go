package httpapi

import (
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"

	"b22/classify/answers"
	"b22/internal/service"
)

// A route names the query parameters it takes (route.params). A query
// with any other, with one given twice, or that is not well-formed is
// refused before the route runs, as a bad value is: 400, naming the
// parameter, what was wrong and what is allowed. A parameter that is
// ignored would let a client believe it was heeded (?lang=zh on a result
// that has both languages, ?format=text on JSON).

// checkQuery refuses a query that rt does not take.
func (rt route) checkQuery(raw string) error {
	q, err := url.ParseQuery(raw)
	if err != nil {
		return service.Errorf(service.Usage, "the query is not well-formed: %v; write it as name=value&name=value, escaped as URLs are", err)
	}
	allowed := make([]string, len(rt.params))
	for i, o := range rt.params {
		allowed[i] = o.Name(service.HTTP)
	}
	var unknown []string
	for name := range q {
		if !slices.Contains(allowed, name) {
			unknown = append(unknown, name)
		}
	}
	if len(unknown) > 0 {
		return unknownParams(rt, unknown, allowed)
	}
	for _, name := range allowed {
		if n := len(q[name]); n > 1 {
			return service.Errorf(service.Usage, "%s given %d times; give it once", name, n)
		}
	}
	return nil
}

// unknownParams is the error of parameters a route does not take: which,
// the one meant if one is close, and those it takes.
func unknownParams(rt route, unknown, allowed []string) error {
	sort.Strings(unknown)
	quoted := make([]string, len(unknown))
	for i, u := range unknown {
		quoted[i] = strconv.Quote(clip(u))
	}
	msg := "unknown parameter " + quoted[0]
	if len(unknown) > 1 {
		msg = "unknown parameters " + strings.Join(quoted, ", ")
	} else if s := answers.Suggest(unknown[0], allowed); s != "" {
		msg += " (did you mean " + strconv.Quote(s) + "?)"
	}
	takes := "no parameters"
	if len(allowed) > 0 {
		takes = strings.Join(allowed, ", ")
	}
	return service.Errorf(service.Usage, "%s; %s %s takes %s", msg, rt.method, rt.path, takes)
}
