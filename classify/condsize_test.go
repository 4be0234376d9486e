package classify_test

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"b22/classify"
)

// The regime whose condition the tests below replace, and what its
// condition is in the shipped rules.
const (
	b21Name = "  - id: b21\n    name: {zh: B21在线数据处理与交易处理, en: B21 online data and transaction processing}\n"
	b21When = b21Name + "    when: {key: marketplace, equals: true}"
	b21Head = b21Name + "    when:"
	// gateWhen is the first gate's condition, a verdict rule.
	gateWhen = "    when: {key: audience, equals: internal_only}"
)

// posOf is the line and column of the first byte of s after marker in the
// rules file of m.
func posOf(t *testing.T, m fstest.MapFS, marker, s string) (line, col int) {
	t.Helper()
	data := string(m["rules.yaml"].Data)
	i := strings.Index(data, marker)
	if i < 0 {
		t.Fatalf("rules.yaml lacks %q", marker)
	}
	j := strings.Index(data[i:], s)
	if j < 0 {
		t.Fatalf("rules.yaml lacks %q after %q", s, marker)
	}
	before := data[:i+j]
	line = strings.Count(before, "\n") + 1
	col = len(before) - strings.LastIndexByte(before, '\n')
	return line, col
}

// wideAny is b21's condition as one `any` of n leaves on distinct
// thresholds, then the leaf it has in the shipped rules: n+2 parts.
func wideAny(n int) string {
	var b strings.Builder
	b.WriteString(b21Head + "\n      any:\n")
	for i := range n {
		fmt.Fprintf(&b, "        - {key: max_participants, at_least: %d}\n", i+1)
	}
	b.WriteString("        - {key: marketplace, equals: true}")
	return b.String()
}

// nestedNots is cond under n `not`s, in flow style.
func nestedNots(n int, cond string) string {
	return strings.Repeat("{not: ", n) + cond + strings.Repeat("}", n)
}

// loadTimed loads m and fails the test if that takes more than limit. The
// limits catch blow-ups (a cost that grows exponentially takes minutes),
// not slowness: these loads take well under a second, and the limit leaves
// room for a machine busy with other tests.
func loadTimed(t *testing.T, m fstest.MapFS, limit time.Duration) (*classify.RuleSet, error) {
	t.Helper()
	start := time.Now()
	rs, err := classify.Load(m)
	if d := time.Since(start); d > limit {
		t.Errorf("Load took %v, want under %v", d, limit)
	}
	return rs, err
}

// TestConditionTooManyParts: a condition of 60,000 leaves (a 3 MB rules
// file) is refused at once, where its place is written, instead of being
// linted for minutes and accepted.
func TestConditionTooManyParts(t *testing.T) {
	m := ruleFiles(t)
	edit(t, m, "rules.yaml", b21When, wideAny(60000))
	line, col := posOf(t, m, b21Head, "any:")
	_, err := loadTimed(t, m, 10*time.Second)
	want := fmt.Sprintf("rules.yaml:%d:%d: regimes[1].when: the condition has 60002 parts; at most 1000 are allowed", line, col)
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Fatalf("Load error lacks %q:\n%v", want, err)
	}
	if n := strings.Count(err.Error(), "\n"); n > 0 {
		t.Errorf("Load reports %d problems more than the size:\n%v", n, err)
	}
}

// TestConditionOneTooMany: the bound is exact, and counts every all, any
// and not as well as the leaves.
func TestConditionOneTooMany(t *testing.T) {
	m := ruleFiles(t)
	// 1 not + 1 any + 998 leaves + 1 leaf = 1001 parts.
	cond := wideAny(998)
	cond = strings.Replace(cond, "      any:", "      not:\n        any:", 1)
	cond = strings.ReplaceAll(cond, "        - {", "          - {")
	edit(t, m, "rules.yaml", b21When, cond)
	line, col := posOf(t, m, b21Head, "not:")
	_, err := classify.Load(m)
	want := fmt.Sprintf("rules.yaml:%d:%d: regimes[1].when: the condition has 1001 parts; at most 1000 are allowed", line, col)
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Fatalf("Load error lacks %q:\n%v", want, err)
	}
}

// TestConditionTooDeep: a condition nested 33 levels is refused, at the
// part that goes one level too deep, in flow and in block style.
func TestConditionTooDeep(t *testing.T) {
	t.Run("flow", func(t *testing.T) {
		m := ruleFiles(t)
		edit(t, m, "rules.yaml", b21When, b21Head+" "+nestedNots(32, "{key: marketplace, equals: true}"))
		line, col := posOf(t, m, b21Head, "{not:")
		col += 32 * len("{not: ") // the 33rd level: the leaf
		_, err := classify.Load(m)
		want := fmt.Sprintf("rules.yaml:%d:%d: regimes[1].when: the condition nests more than 32 levels deep here; at most 32 are allowed", line, col)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Fatalf("Load error lacks %q:\n%v", want, err)
		}
	})
	t.Run("block", func(t *testing.T) {
		// Indented one space a level, 2,000 levels fit in the 4 MB a rule
		// file may have, and no scan of brackets sees them. A verdict rule,
		// whose evaluation every lint and classification repeats.
		const levels = 2000
		var b strings.Builder
		b.WriteString("    when:\n")
		for i := range levels {
			fmt.Fprintf(&b, "%snot:\n", strings.Repeat(" ", 5+i))
		}
		fmt.Fprintf(&b, "%s{key: audience, equals: internal_only}", strings.Repeat(" ", 5+levels))
		m := ruleFiles(t)
		edit(t, m, "rules.yaml", gateWhen, b.String())
		line, col := posOf(t, m, "gate_internal_only", "not:")
		line, col = line+32, col+32 // the 33rd `not`
		_, err := loadTimed(t, m, 10*time.Second)
		want := fmt.Sprintf("rules.yaml:%d:%d: gates[0].when: the condition nests more than 32 levels deep here; at most 32 are allowed", line, col)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Fatalf("Load error lacks %q:\n%v", want, err)
		}
	})
}

// TestConditionAtTheBounds: conditions of exactly 1000 parts, or nested
// exactly 32 levels, load, and lint checks them in well under 2 s, on a
// regime (checked alone) and on a gate (checked over every completion of
// the verdict).
func TestConditionAtTheBounds(t *testing.T) {
	sameLeaves := func(n int) string {
		var b strings.Builder
		b.WriteString("    when:\n      any:\n")
		for range n {
			b.WriteString("        - {key: audience, equals: internal_only}\n")
		}
		return strings.TrimSuffix(b.String(), "\n")
	}
	tests := []struct {
		name, old, new string
	}{
		{"1000 parts in a regime", b21When, wideAny(998)},
		{"1000 parts in a gate", gateWhen, sameLeaves(999)},
		{"32 levels in a regime", b21When, b21Head + " " + nestedNots(30, "{all: [{key: marketplace, equals: true}]}")},
		{"32 levels in a gate", gateWhen, "    when: " + nestedNots(30, "{any: [{key: audience, equals: internal_only}]}")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := ruleFiles(t)
			edit(t, m, "rules.yaml", tt.old, tt.new)
			rs, err := loadTimed(t, m, 10*time.Second)
			if err != nil {
				t.Fatalf("Load: %v", err)
			}
			start := time.Now()
			ps := rs.Lint()
			if d := time.Since(start); d > 10*time.Second {
				t.Errorf("Lint took %v, want under 2s", d)
			}
			if strings.Contains(ps.Error(), "parts") || strings.Contains(ps.Error(), "levels") {
				t.Errorf("Lint complains of the size:\n%v", ps)
			}
		})
	}
}
