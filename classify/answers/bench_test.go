package answers_test

import (
	"testing"

	"b22/classify/answers"
)

// BenchmarkNew prepares the parser of the embedded rule set, which a
// command does once, after Load.
func BenchmarkNew(b *testing.B) {
	rs := embedded(b)
	b.ReportAllocs()
	for b.Loop() {
		answers.New(rs)
	}
}
