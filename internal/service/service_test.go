package service

import (
	"context"
	"testing"

	"b22/classify"
	"b22/internal/memo"
)

var ctx = context.Background()

// A memo's as-of date follows its date unless given; a date before the
// rules is worded as the option that gave it.
func TestMemoDates(t *testing.T) {
	svc := testService(t)
	today := svc.Today()
	d, err := ParseMemoDates(today, "", "")
	if err != nil || d.Date != today || d.AsOf != today {
		t.Fatalf("ParseMemoDates() = %+v, %v; want today twice", d, err)
	}
	d, err = ParseMemoDates(today, "2001-01-01", "")
	if err != nil {
		t.Fatal(err)
	}
	doc := Document{Name: "<stdin>", Data: []byte(`{"answers":{}}`)}
	_, err = svc.Memo(ctx, MemoRequest{Document: doc, Dates: d, Options: memo.Options{Format: "md", Lang: "en"}})
	if want := "date 2001-01-01: the rules apply from 2017-09-01; give a later date, or as_of"; KindOf(err) != Usage || MessageOf(err, HTTP) != want {
		t.Errorf("memo dated before the rules: %v (%v), want %q", MessageOf(err, HTTP), KindOf(err), want)
	}
	d, _ = ParseMemoDates(today, "2026-01-05", "2001-01-01")
	_, err = svc.Memo(ctx, MemoRequest{Document: doc, Dates: d, Options: memo.Options{Format: "md", Lang: "en"}})
	if want := "--as-of: date outside the rule set"; err == nil || len(err.Error()) < len(want) || err.Error()[:len(want)] != want {
		t.Errorf("memo as of a date before the rules: %v, want %q…", err, want)
	}
	if _, err := ParseMemoDates(today, "2026-02-30", ""); MessageOf(err, CommandLine) != `--date "2026-02-30": expected a date YYYY-MM-DD` {
		t.Errorf("a bad date: %v", err)
	}
}

// An invalid document is a report, not an error; a document that cannot
// be read at all is an error of its kind.
func TestValidate(t *testing.T) {
	svc := testService(t)
	v, err := svc.Validate(ctx, Document{Name: "a.json", Data: []byte(`{"answers":{"coverage":"national"}}`)})
	if err != nil || v.Valid || len(v.Problems) != 1 || v.Problems[0].Code != classify.CodeNotAllowed {
		t.Errorf("Validate(bad value) = %+v, %v; want one not_allowed problem", v, err)
	}
	if _, err := svc.Validate(ctx, Document{Name: "<stdin>", Data: []byte(" \n")}); KindOf(err) != Input {
		t.Errorf("Validate(empty) = %v, want an input error", err)
	}
}
