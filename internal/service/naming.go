package service

import (
	"slices"

	"b22/classify"
)

// Naming is how a front end words what its messages mention, so that one
// message reads right wherever it is shown. The command line names an
// option by its flag (--as-of), a document by its file's name (or
// <stdin>), and sends its reader to a command ('b22 schema answers'); the
// HTTP API names an option by its query parameter (as_of), the document
// as the request body, and sends its reader to a route (GET
// /v1/schema/answers). The front end that shows a message passes its
// Naming; nothing rewrites another front end's words.
type Naming int

const (
	CommandLine Naming = iota
	HTTP
)

func (n Naming) String() string { return [...]string{CommandLine: "command line", HTTP: "HTTP"}[n] }

// named is what a message mentions that each front end names its own
// way: an Option, a Ref, a document's name.
type named interface{ Name(Naming) string }

// Ref is where a message sends its reader for more.
type Ref int

const (
	// RefAnswersSchema is the schema of the answers document.
	RefAnswersSchema Ref = iota
	// RefStream classifies many documents, one a line.
	RefStream
	// RefKeys lists the questions and their answer keys.
	RefKeys
)

// refs is the one table of where each Ref is, on each front end.
var refs = [...][2]string{
	RefAnswersSchema: {CommandLine: "'b22 schema answers'", HTTP: "GET /v1/schema/answers"},
	RefStream:        {CommandLine: "--jsonl", HTTP: "POST /v1/classify/jsonl"},
	RefKeys:          {CommandLine: "`b22 questions`", HTTP: "GET /v1/questions"},
}

// Name is where r is on the front end n.
func (r Ref) Name(n Naming) string { return refs[r][n] }

// String is where r is on the command line.
func (r Ref) String() string { return r.Name(CommandLine) }

// docName is a document's name in messages: on the command line its own
// (a file's path, or <stdin>); over HTTP, where the one document of a
// request is its body, "request body". Its problems keep the name itself
// in their file field, on either front end (docs/contract.md).
type docName string

func (d docName) Name(n Naming) string {
	if n == HTTP {
		return "request body"
	}
	return string(d)
}

// problemsMessage is the message of a document's problems, one a line,
// each located in the document named as n names it.
func problemsMessage(ps classify.Problems, name string, n Naming) string {
	called := docName(name).Name(n)
	if called == name {
		return ps.Error()
	}
	located := slices.Clone(ps)
	for i := range located {
		if located[i].File == name {
			located[i].File = called
		}
	}
	return located.Error()
}

// invalidError is an invalid document: its problems, and a message that
// names the document as the front end showing it does. errors.As finds
// the problems in it.
type invalidError struct {
	name string
	ps   classify.Problems
}

func (e *invalidError) Error() string           { return e.Message(CommandLine) }
func (e *invalidError) Message(n Naming) string { return problemsMessage(e.ps, e.name, n) }
func (e *invalidError) Unwrap() error           { return e.ps }
func (e *invalidError) Kind() Kind              { return Invalid }
