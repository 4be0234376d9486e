package cmd

import "testing"

// On a terminal classify writes text unless told otherwise; asking for
// fields is asking for JSON.
func TestClassifyFormatOnATerminal(t *testing.T) {
	for _, c := range []struct {
		opts classifyOptions
		want string
	}{
		{classifyOptions{}, "text"},
		{classifyOptions{Fields: []string{"verdict"}, fieldsGiven: true}, "json"},
		{classifyOptions{JSONL: true}, "json"},
		{classifyOptions{Format: "json"}, "json"},
	} {
		a := &app{s: Streams{OutTTY: true, Getenv: func(string) string { return "" }}}
		if err := c.opts.check(a); err != nil {
			t.Fatalf("%+v: %v", c.opts, err)
		}
		if c.opts.Format != c.want {
			t.Errorf("%+v: format %s, want %s", c.opts, c.opts.Format, c.want)
		}
	}
}
