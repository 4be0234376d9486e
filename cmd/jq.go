package cmd

import (
	"b22/classify"
	"b22/internal/present"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strings"
	"text/template"

	"github.com/itchyny/gojq"
	"github.com/spf13/cobra"
)

// jqOptions are --jq and --template, which reshape a command's JSON output
// as gh's flags of the same names do: with jq built in, so that a script
// needs none installed.
type jqOptions struct {
	JQ       string
	Template string
}

// withJQ adds --jq and --template to a command that writes JSON. perLine
// tells, once flags are parsed, whether the output is JSON Lines, which
// the expression or template then gets one line at a time. A command with
// a --format flag writes JSON when either is given; any other format is a
// usage error.
func withJQ(a *app, c *cobra.Command, perLine func(c *cobra.Command) bool) *cobra.Command {
	opts := &jqOptions{}
	c.Flags().StringVarP(&opts.JQ, "jq", "q", "", "filter the JSON output with a jq `expression`")
	c.Flags().StringVarP(&opts.Template, "template", "t", "", "format the JSON output with a Go template (`TPL`), as gh does")
	run := c.RunE
	c.RunE = func(c *cobra.Command, args []string) error {
		if opts.JQ == "" && opts.Template == "" {
			return run(c, args)
		}
		f, err := newOutputFilter(opts)
		if err != nil {
			return err
		}
		if fl := c.Flags().Lookup("format"); fl != nil {
			if !fl.Changed {
				_ = fl.Value.Set("json")
			} else if fl.Value.String() != "json" {
				return usageErrorf("%s reshapes the JSON output; it takes no --format %s", f.flag, fl.Value.String())
			}
		}
		f.out, f.perLine, f.errOut = a.s.Out, perLine != nil && perLine(c), a.s.Err
		a.s.Out = f
		defer func() { a.s.Out = f.out }()
		err = run(c, args)
		if ferr := f.finish(); ferr != nil {
			// An error in the expression outranks a verdict's exit code:
			// the script did not get what it asked for.
			return ferr
		}
		return err
	}
	return c
}

// outputFilter takes a command's JSON output and writes what the
// expression or template makes of it.
type outputFilter struct {
	flag    string // "--jq" or "--template", for messages
	expr    string
	code    *gojq.Code
	tpl     *template.Template
	out     io.Writer
	perLine bool
	buf     []byte
	err     error
	// errOut, line and failed serve JSON Lines: an expression that fails
	// on one line is reported for that line, and the stream goes on, one
	// output line per input line as the contract has it.
	errOut io.Writer
	line   int
	failed int
}

func newOutputFilter(o *jqOptions) (*outputFilter, error) {
	if o.JQ != "" && o.Template != "" {
		return nil, usageErrorf("--jq and --template cannot be used together")
	}
	if o.JQ != "" {
		q, err := gojq.Parse(o.JQ)
		if err != nil {
			return nil, usageErrorf("--jq %q: %v", o.JQ, err)
		}
		code, err := gojq.Compile(q)
		if err != nil {
			return nil, usageErrorf("--jq %q: %v", o.JQ, err)
		}
		return &outputFilter{flag: "--jq", expr: o.JQ, code: code}, nil
	}
	tpl, err := template.New("").Funcs(templateFuncs).Parse(o.Template)
	if err != nil {
		return nil, usageErrorf("--template: %v", strings.TrimPrefix(err.Error(), "template: "))
	}
	return &outputFilter{flag: "--template", tpl: tpl}, nil
}

// Write keeps the output; JSON Lines are filtered as each line completes,
// so a long stream stays a stream.
func (f *outputFilter) Write(p []byte) (int, error) {
	if f.err != nil {
		return 0, f.err
	}
	f.buf = append(f.buf, p...)
	if f.perLine {
		for {
			i := bytes.IndexByte(f.buf, '\n')
			if i < 0 {
				break
			}
			line := f.buf[:i]
			f.line++
			if err := f.apply(line); err != nil {
				if werr := f.lineFailed(err); werr != nil {
					f.err = werr
					return 0, werr
				}
			}
			f.buf = f.buf[i+1:]
		}
		if len(f.buf) == 0 {
			f.buf = nil
		}
	}
	return len(p), nil
}

// finish filters what is left: the whole output, or a last line without
// its newline.
func (f *outputFilter) finish() error {
	if f.err != nil {
		return f.err
	}
	if len(bytes.TrimSpace(f.buf)) > 0 {
		if err := f.apply(f.buf); err != nil {
			if !f.perLine {
				return err
			}
			f.line++
			if werr := f.lineFailed(err); werr != nil {
				return werr
			}
		}
	}
	if f.failed > 0 {
		return usageErrorf("%s failed on %d of %d lines; each has an error line in its place", f.flag, f.failed, f.line)
	}
	return nil
}

// lineFailed writes, in place of a line the expression failed on, the
// stream's error line for it, and says why on stderr.
func (f *outputFilter) lineFailed(err error) error {
	f.failed++
	msg := fmt.Sprintf("line %d: %v", f.line, err)
	fmt.Fprintf(f.errOut, "b22: %s\n", present.Sanitize(msg))
	var b bytes.Buffer
	if werr := writeJSON(&b, streamErrorLine{Line: f.line, Error: streamErrorField{Message: err.Error(), Problems: classify.Problems{}}}, false); werr != nil {
		return werr
	}
	_, werr := f.out.Write(b.Bytes())
	return werr
}

func (f *outputFilter) apply(data []byte) error {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return fmt.Errorf("%s: reading the output: %w", f.flag, err)
	}
	v = jqValue(v)
	var out bytes.Buffer
	if f.tpl != nil {
		if err := f.tpl.Execute(&out, v); err != nil {
			return usageErrorf("--template: %v", strings.TrimPrefix(err.Error(), "template: "))
		}
	} else {
		iter := f.code.Run(v)
		for {
			r, ok := iter.Next()
			if !ok {
				break
			}
			if err, ok := r.(error); ok {
				var halt *gojq.HaltError
				if errors.As(err, &halt) && halt.Value() == nil {
					break
				}
				return usageErrorf("--jq %q: %v", f.expr, err)
			}
			// Strings print bare, as with jq -r and gh --jq: the usual
			// use is one value for a shell variable.
			if s, ok := r.(string); ok {
				out.WriteString(s)
			} else if err := writeJSON(&out, r, false); err != nil {
				return err
			} else {
				out.Truncate(out.Len() - 1)
			}
			out.WriteByte('\n')
		}
	}
	_, err := f.out.Write(out.Bytes())
	return err
}

// jqValue turns decoded numbers into the int and float64 gojq computes
// with: integers stay exact, as jq keeps them.
func jqValue(v any) any {
	switch v := v.(type) {
	case json.Number:
		if i, err := v.Int64(); err == nil && i >= math.MinInt && i <= math.MaxInt {
			return int(i)
		}
		fl, _ := v.Float64()
		return fl
	case []any:
		for i := range v {
			v[i] = jqValue(v[i])
		}
	case map[string]any:
		for k := range v {
			v[k] = jqValue(v[k])
		}
	}
	return v
}

// templateFuncs are gh's cheap template helpers.
var templateFuncs = template.FuncMap{
	// json writes a value as one line of JSON.
	"json": func(v any) (string, error) {
		var b bytes.Buffer
		err := writeJSON(&b, v, false)
		return strings.TrimSuffix(b.String(), "\n"), err
	},
	// join joins a list with sep: {{join ", " .pivotal_questions}}.
	"join": func(sep string, list []any) string {
		parts := make([]string, len(list))
		for i, x := range list {
			parts[i] = fmt.Sprint(x)
		}
		return strings.Join(parts, sep)
	},
	// pluck takes one field of every object of a list:
	// {{pluck "id" .subcategories | join ","}}.
	"pluck": func(field string, list []any) []any {
		var out []any
		for _, x := range list {
			if m, ok := x.(map[string]any); ok {
				out = append(out, m[field])
			}
		}
		return out
	},
	// truncate cuts s to at most n characters.
	"truncate": func(n int, s string) string {
		r := []rune(s)
		if len(r) <= n {
			return s
		}
		if n <= 1 {
			return string(r[:n])
		}
		return string(r[:n-1]) + "…"
	},
}

// withFieldsList makes a --fields given no value list the fields a command
// can pick, as gh's --json does: a user finds them without the manual.
func withFieldsList(c *cobra.Command, fields func() []string) *cobra.Command {
	c.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		if err.Error() == "flag needs an argument: --fields" {
			return usageErrorf("--fields needs one or more comma-separated fields of:\n  %s", strings.Join(fields(), "\n  "))
		}
		return usageErrorf("%v%s (see '%s --help')", err, flagHint(c, err), c.CommandPath())
	})
	return c
}

// jsonLines tells whether classify writes JSON Lines (--jsonl).
func jsonLines(c *cobra.Command) bool {
	on, _ := c.Flags().GetBool("jsonl")
	return on
}
