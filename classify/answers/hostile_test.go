package answers_test

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"

	"b22/classify"
	"b22/classify/answers"
)

// fill repeats item with sep between prefix and suffix, to just under
// limit bytes.
func fill(prefix, item, sep, suffix string, limit int) string {
	n := (limit - len(prefix) - len(suffix)) / (len(item) + len(sep))
	var b strings.Builder
	b.WriteString(prefix)
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteString(sep)
		}
		b.WriteString(item)
	}
	b.WriteString(suffix)
	return b.String()
}

// hostileDocuments are documents just under the size limits that cost
// the parser most: problems by the hundred thousand, all on one line (which
// located each problem's column from the start of the line: 65 s of CPU),
// values by the hundred thousand (215 MB), objects of many keys (checked
// for duplicates against every earlier key), YAML.
func hostileDocuments() []struct {
	name, data string
	format     answers.Format
} {
	const limit = answers.MaxDocumentBytes - 64
	const yamlLimit = answers.MaxYAMLBytes - 64
	var unknown strings.Builder
	unknown.WriteString(`{"answers":{`)
	for i := 0; unknown.Len() < limit-32; i++ {
		if i > 0 {
			unknown.WriteString(",\n")
		}
		fmt.Fprintf(&unknown, `"k%d":0`, i)
	}
	unknown.WriteString("}}")
	type doc = struct {
		name, data string
		format     answers.Format
	}
	return []doc{
		{"invalid list items, one line", fill(`{"answers":{"use_cases":[`, `"x"`, ",", `]}}`, limit), answers.FormatJSON},
		{"invalid list items, a line each", fill(`{"answers":{"use_cases":[`+"\n", `"x"`, ",\n", "\n]}}", limit), answers.FormatJSON},
		{"numbers, one line", fill(`{"answers":{"use_cases":[`, `0`, ",", `]}}`, limit), answers.FormatJSON},
		{"duplicate keys, one line", fill(`{"answers":{`, `"coverage":1`, ",", `}}`, limit), answers.FormatJSON},
		{"out-of-range numbers, one line", fill(`{"answers":{"x":[`, `1e999`, ",", `]}}`, limit), answers.FormatJSON},
		{"distinct unknown keys", unknown.String(), answers.FormatJSON},
		{"empty lists, one line", fill(`{"answers":{"use_cases":[`, `[]`, ",", `]}}`, limit), answers.FormatJSON},
		{"Chinese, then problems, one line", `{"product":{"name":"` + strings.Repeat("会", 100000) + `"},` + fill(`"answers":{"use_cases":[`, `"x"`, ",", `]}}`, limit-300020), answers.FormatJSON},
		{"YAML flow list", fill(`answers: {use_cases: [`, `x`, ",", "]}\n", yamlLimit), answers.FormatYAML},
		{"YAML block list", fill("answers:\n  use_cases:\n", `  - x`, "\n", "\n", yamlLimit), answers.FormatYAML},
		{"YAML flow mapping of unknown keys", fill(`answers: {`, `k`, ",", "}\n", yamlLimit), answers.FormatYAML},
	}
}

// TestHostileDocumentsAreCheap: a document under the size limit costs
// the parser under 50 MB of allocations and well under a second, whatever
// it holds, and is reported as 100 problems and a count of the rest (or
// refused for holding too many values).
func TestHostileDocumentsAreCheap(t *testing.T) {
	p := answers.New(embedded(t))
	for _, tc := range hostileDocuments() {
		t.Run(tc.name, func(t *testing.T) {
			var m0, m1 runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&m0)
			start := time.Now()
			_, err := p.Parse("hostile", []byte(tc.data), tc.format)
			took := time.Since(start)
			runtime.ReadMemStats(&m1)
			var ps classify.Problems
			if !errors.As(err, &ps) || len(ps) == 0 || len(ps) > 101 {
				t.Fatalf("got %d problems, %v; want at most 100 and a count of the rest", len(ps), err)
			}
			if alloc := m1.TotalAlloc - m0.TotalAlloc; alloc > 50<<20 {
				t.Errorf("allocated %d MB, want under 50", alloc>>20)
			}
			// A second is the promise; the bound leaves room for a busy
			// machine and the race detector.
			if took > 3*time.Second {
				t.Errorf("took %s, want well under a second", took)
			}
			t.Logf("%d bytes: %s, %d problems (total %d); first: %s", len(tc.data), took, len(ps), ps.Total(), ps[0].Error())
		})
	}
}

// TestProblemsKeptAreTheFirst: once problems are dropped, the report still
// shows the first 100 by place, whatever order they were found in. Here the
// numbers out of range at the end of the document are found while parsing,
// before the list items above them are checked.
func TestProblemsKeptAreTheFirst(t *testing.T) {
	var b strings.Builder
	b.WriteString("{\"answers\":{\"use_cases\":[\n")
	for i := 0; i < 150; i++ {
		b.WriteString("\"x\",\n")
	}
	b.WriteString("\"y\"]},\n\"product\":{\"name\":[\n")
	for i := 0; i < 300; i++ {
		b.WriteString("1e999,\n")
	}
	b.WriteString("1e999]}}")
	_, err := answers.New(embedded(t)).Parse("order.json", []byte(b.String()), answers.FormatJSON)
	var ps classify.Problems
	if !errors.As(err, &ps) || len(ps) != 101 {
		t.Fatalf("got %d problems, %v; want 101", len(ps), err)
	}
	for i, p := range ps[:100] {
		if want := fmt.Sprintf("answers.use_cases[%d]", i); p.Key != want || p.Line != i+2 {
			t.Fatalf("problem %d is %s at line %d, want %s at line %d", i, p.Key, p.Line, want, i+2)
		}
	}
	// 151 list items, 301 numbers and a name that is not a string.
	if ps.Total() != 151+301+1 {
		t.Errorf("%d problems in all, want %d", ps.Total(), 151+301+1)
	}
}

// TestColumnsCountCharacters: columns count characters, not bytes, for
// every problem on a line, in one pass over it.
func TestColumnsCountCharacters(t *testing.T) {
	doc := `{"product":{"name":"会议会议"},"answers":{"use_cases":["x","会","y"],"coverage":"全国"}}`
	_, err := answers.New(embedded(t)).Parse("cols.json", []byte(doc), answers.FormatJSON)
	var ps classify.Problems
	if !errors.As(err, &ps) {
		t.Fatal(err)
	}
	var got []string
	for _, p := range ps {
		got = append(got, fmt.Sprintf("%d:%d", p.Line, p.Col))
	}
	// The columns of "x", "会", "y" and "全国", counted in characters.
	if want := "1:52 1:56 1:60 1:76"; strings.Join(got, " ") != want {
		t.Errorf("columns %s, want %s", strings.Join(got, " "), want)
	}
}

// TestParseStopsWhenCancelled: a request whose deadline has passed stops
// the parsing with the context's error.
func TestParseStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	data := fill(`{"answers":{"use_cases":[`, `"x"`, ",", `]}}`, 64<<10)
	_, err := answers.New(embedded(t)).ParseContext(ctx, "late.json", []byte(data), answers.FormatJSON)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("ParseContext after cancel = %v, want context.Canceled", err)
	}
}
