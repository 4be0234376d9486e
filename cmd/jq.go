package cmd

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strings"
	"text/template"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/itchyny/gojq"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"b22/classify"
	"b22/internal/service"
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
		f.out, f.perLine, f.errOut, f.color = a.s.Out, perLine != nil && perLine(c), a.s.Err, a.color()
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
	// color is the colour decision for stdout: autocolor and hyperlink
	// act only with it. rows are the template's tablerow rows not yet
	// rendered.
	color bool
	rows  [][]string
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
	f := &outputFilter{flag: "--template"}
	tpl, err := template.New("").Funcs(f.templateFuncs()).Parse(o.Template)
	if err != nil {
		return nil, usageErrorf("--template: %v", strings.TrimPrefix(err.Error(), "template: "))
	}
	f.tpl = tpl
	return f, nil
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
	// Rows no tablerender wrote are a table at the end, as in gh: for a
	// stream, one table of every line.
	if len(f.rows) > 0 {
		if _, err := io.WriteString(f.out, f.renderTable()); err != nil {
			return err
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
	printError(f.errOut, msg)
	var b bytes.Buffer
	if werr := service.WriteJSON(&b, service.ErrorLine{Line: f.line, Error: service.ErrorObject{Message: err.Error(), Problems: classify.Problems{}}}, false); werr != nil {
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
		// A stream gives one output line per input line, as the contract
		// has it: a template that writes no newline of its own gets one.
		if f.perLine && out.Len() > 0 && !bytes.HasSuffix(out.Bytes(), []byte("\n")) {
			out.WriteByte('\n')
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
			} else if err := service.WriteJSON(&out, r, false); err != nil {
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

// templateFuncs are gh's template helpers, with the same names and
// arguments: json, join, pluck, truncate, tablerow and tablerender,
// color and autocolor, timefmt and hyperlink.
func (f *outputFilter) templateFuncs() template.FuncMap {
	return template.FuncMap{
		// json writes a value as one line of JSON.
		"json": func(v any) (string, error) {
			var b bytes.Buffer
			err := service.WriteJSON(&b, v, false)
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
		// tablerow adds a row to a table whose columns line up; the table
		// is written by tablerender, or at the end.
		"tablerow": func(fields ...any) string {
			row := make([]string, len(fields))
			for i, x := range fields {
				if x == nil {
					x = ""
				}
				row[i] = fmt.Sprint(x)
			}
			f.rows = append(f.rows, row)
			return ""
		},
		"tablerender": func() string { return f.renderTable() },
		// color styles text as gh does ("red", "green+b", "yellow+u",
		// "cyan+h"), always; autocolor only when the output is coloured.
		"color": func(style string, text any) (string, error) { return colorText(style, fmt.Sprint(text)) },
		"autocolor": func(style string, text any) (string, error) {
			if !f.color {
				return fmt.Sprint(text), nil
			}
			return colorText(style, fmt.Sprint(text))
		},
		// timefmt formats a time (RFC 3339, or a date YYYY-MM-DD as the
		// result gives as_of) with a Go layout: {{timefmt "2 Jan 2006" .questionnaire.as_of}}.
		"timefmt": func(layout string, v any) (string, error) {
			s := fmt.Sprint(v)
			for _, in := range []string{time.RFC3339Nano, time.DateOnly} {
				if t, err := time.Parse(in, s); err == nil {
					return t.Format(layout), nil
				}
			}
			return "", fmt.Errorf("timefmt: %q is not a time (RFC 3339) or a date (YYYY-MM-DD)", s)
		},
		// hyperlink is a terminal hyperlink (OSC 8) to url showing text,
		// on a coloured terminal; elsewhere the text alone.
		"hyperlink": func(url string, text any) string {
			t := fmt.Sprint(text)
			if t == "" {
				t = url
			}
			if !f.color {
				return t
			}
			return ansi.SetHyperlink(url) + t + ansi.ResetHyperlink()
		},
	}
}

// renderTable writes the rows tablerow collected, columns two spaces
// apart and as wide as their widest cell, and forgets them.
func (f *outputFilter) renderTable() string {
	var widths []int
	for _, r := range f.rows {
		for i, c := range r {
			if i >= len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], ansi.StringWidth(c))
		}
	}
	var b strings.Builder
	for _, r := range f.rows {
		for i, c := range r {
			b.WriteString(c)
			if i < len(r)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-ansi.StringWidth(c)+2))
			}
		}
		b.WriteString("\n")
	}
	f.rows = nil
	return b.String()
}

// colorText styles text with a gh colour style: a colour name (black, red,
// green, yellow, blue, magenta, cyan, white, gray) with +b bold, +u
// underline, +h bright, +d dim, after a "+".
func colorText(style, text string) (string, error) {
	name, attrs, _ := strings.Cut(style, "+")
	codes := map[string]string{"black": "30", "red": "31", "green": "32", "yellow": "33", "blue": "34", "magenta": "35", "cyan": "36", "white": "37", "gray": "90", "grey": "90", "default": "39", "": ""}
	c, ok := codes[name]
	if !ok {
		return "", fmt.Errorf("color: unknown colour %q; known: black, red, green, yellow, blue, magenta, cyan, white, gray", name)
	}
	var seq []string
	for _, a := range attrs {
		switch a {
		case 'b':
			seq = append(seq, "1")
		case 'd':
			seq = append(seq, "2")
		case 'u':
			seq = append(seq, "4")
		case 'h':
			if c != "" && c[0] == '3' {
				c = "9" + c[1:]
			}
		default:
			return "", fmt.Errorf("color: unknown attribute %q in %q; known: b, d, u, h", a, style)
		}
	}
	if c != "" {
		seq = append(seq, c)
	}
	if len(seq) == 0 {
		return text, nil
	}
	return "\x1b[" + strings.Join(seq, ";") + "m" + text + "\x1b[0m", nil
}

// withFieldsList makes a --fields given no value list the fields a command
// can pick, as gh's --json does: a user finds them without the manual.
func withFieldsList(c *cobra.Command, fields func() []string) *cobra.Command {
	c.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		var noValue *pflag.ValueRequiredError
		if errors.As(err, &noValue) && noValue.GetFlag().Name == "fields" {
			return usageErrorf("--fields needs one or more comma-separated fields of:\n  %s", strings.Join(fields(), "\n  "))
		}
		return flagError(c, err)
	})
	return c
}

// jsonLines tells whether classify writes JSON Lines (--jsonl).
func jsonLines(c *cobra.Command) bool {
	on, _ := c.Flags().GetBool("jsonl")
	return on
}
