package service

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"b22/classify"
	"b22/classify/answers"
)

// Every kind has its exit code and status in the one table, and the
// core's errors find their kind without their words being read.
func TestKinds(t *testing.T) {
	for _, c := range []struct {
		err    error
		kind   Kind
		exit   int
		status int
	}{
		{errors.New("disk full"), Failure, 1, 500},
		{Errorf(Usage, "%s %q: expected a date YYYY-MM-DD", OptAsOf, "soon"), Usage, 2, 400},
		{Errorf(Input, "x.json: no such file"), Input, 2, 400},
		{classify.Problems{{Message: "bad"}}, Invalid, 2, 422},
		{fmt.Errorf("reading: %w", classify.Problems{{Message: "bad"}}), Invalid, 2, 422},
		{fmt.Errorf("%w: the rule set covers 2017-09-01 onwards", classify.ErrAsOf), Usage, 2, 400},
		{Errorf(TooLarge, "over"), TooLarge, 2, 413},
		{Errorf(Timeout, "stalled"), Timeout, 1, 408},
		{context.DeadlineExceeded, Unavailable, 1, 503},
		{fmt.Errorf("parse: %w", context.Canceled), Unavailable, 1, 503},
	} {
		k := KindOf(c.err)
		if k != c.kind || k.ExitCode() != c.exit || k.Status() != c.status {
			t.Errorf("KindOf(%v) = %v (exit %d, status %d), want %v (exit %d, status %d)", c.err, k, k.ExitCode(), k.Status(), c.kind, c.exit, c.status)
		}
	}
}

// An option is named as each front end names it, in the one message.
func TestErrorNamesOptions(t *testing.T) {
	err := Errorf(Usage, "%s %s: the rules apply from %s; give a later %s, or %s", OptDate, "2001-01-01", "2017-09-01", OptDate, OptAsOf)
	if got, want := err.Error(), "--date 2001-01-01: the rules apply from 2017-09-01; give a later --date, or --as-of"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	if got, want := MessageOf(err, HTTP), "date 2001-01-01: the rules apply from 2017-09-01; give a later date, or as_of"; got != want {
		t.Errorf("MessageOf(HTTP) = %q, want %q", got, want)
	}
	wrapped := Errorf(Usage, "%s: %w", OptAsOf, classify.ErrAsOf)
	if !errors.Is(wrapped, classify.ErrAsOf) || MessageOf(wrapped, HTTP) != "as_of: date outside the rule set" {
		t.Errorf("wrapping: %v, Is ErrAsOf %v", MessageOf(wrapped, HTTP), errors.Is(wrapped, classify.ErrAsOf))
	}
	if got := MessageOf(errors.New("--as-of in a plain error"), HTTP); got != "--as-of in a plain error" {
		t.Errorf("a plain error's words changed: %q", got)
	}
}

// An enum refuses a value with the option, the value and the allowed
// values in the enum's order, and the one meant.
func TestEnumCheck(t *testing.T) {
	if err := MemoFormat.Check("docx"); err != nil {
		t.Errorf("Check(docx) = %v", err)
	}
	err := MemoFormat.Check("htm")
	if got, want := MessageOf(err, CommandLine), `--format "htm": allowed: md, html, docx (did you mean "html"?)`; got != want {
		t.Errorf("flags: %q, want %q", got, want)
	}
	if got, want := MessageOf(err, HTTP), `format "htm": allowed: md, html, docx (did you mean "html"?)`; got != want {
		t.Errorf("params: %q, want %q", got, want)
	}
	if KindOf(err) != Usage {
		t.Errorf("kind %v, want usage", KindOf(err))
	}
	for _, c := range []struct {
		enum Enum
		bad  string
	}{{Lang, "fr"}, {MemoFormat, "pdf"}, {Lang, ""}} {
		if msg := c.enum.Check(c.bad).Error(); strings.Contains(msg, "did you mean") {
			t.Errorf("Check(%q) = %q; a value that does not start like an allowed one is no slip", c.bad, msg)
		}
	}
}

// A document's messages name it and send the reader on as each front end
// does, from the one message; its problems keep its name in their file
// field either way.
func TestDocumentNaming(t *testing.T) {
	svc := testService(t)
	_, err := svc.Parse(ctx, Document{Name: "<stdin>", Data: []byte(`{"answers": {"coverage": "national"}}`)})
	var ps classify.Problems
	if KindOf(err) != Invalid || !errors.As(err, &ps) || ps[0].File != "<stdin>" {
		t.Fatalf("Parse(invalid) = %v (%v), want problems of <stdin>", err, KindOf(err))
	}
	for _, c := range []struct {
		n    Naming
		want string
	}{
		{CommandLine, `<stdin>:1:26: answers.coverage: "national" is not allowed`},
		{HTTP, `request body:1:26: answers.coverage: "national" is not allowed`},
	} {
		if got := MessageOf(err, c.n); !strings.HasPrefix(got, c.want) {
			t.Errorf("MessageOf(invalid, %v) = %q, want it to start %q", c.n, got, c.want)
		}
	}
	if err.Error() != ps.Error() {
		t.Errorf("Error() = %q; the command line's words are the problems' own, %q", err.Error(), ps.Error())
	}

	empty := Document{Name: "<stdin>", Data: []byte("\n")}.Check()
	for _, c := range []struct {
		n    Naming
		want string
	}{
		{CommandLine, "<stdin>: empty input; expected an answers document (see 'b22 schema answers')"},
		{HTTP, "request body: empty input; expected an answers document (see GET /v1/schema/answers)"},
	} {
		if got := MessageOf(empty, c.n); got != c.want {
			t.Errorf("MessageOf(empty, %v) = %q, want %q", c.n, got, c.want)
		}
	}
	big := Document{Name: "a.json", Data: make([]byte, answers.MaxDocumentBytes+1)}.Check()
	if got, want := MessageOf(big, HTTP), "request body: larger than the 1048576-byte (1 MiB) limit for an answers document; use POST /v1/classify/jsonl for many documents"; got != want || KindOf(big) != TooLarge {
		t.Errorf("MessageOf(too large, HTTP) = %q (%v), want %q (too large)", got, KindOf(big), want)
	}
}

// A yes-or-no parameter takes what strconv reads as one, and refuses
// anything else with the values allowed.
func TestParseBool(t *testing.T) {
	for v, want := range map[string]bool{"": false, "true": true, "false": false, "1": true} {
		if got, err := ParseBool(OptLevers, v); got != want || err != nil {
			t.Errorf("ParseBool(%q) = %v, %v; want %v", v, got, err, want)
		}
	}
	_, err := ParseBool(OptLevers, "maybe")
	if got, want := MessageOf(err, HTTP), `levers "maybe": allowed: true, false`; got != want || KindOf(err) != Usage {
		t.Errorf("ParseBool(maybe) = %q (%v), want %q (usage)", got, KindOf(err), want)
	}
}
