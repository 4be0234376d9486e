package present_test

import (
	"testing"

	"b22/classify"
	"b22/internal/present"
)

func TestAnswer(t *testing.T) {
	rs := ruleSet(t)
	choices := func(key string, ids ...string) classify.Value {
		q := rs.Question(key)
		v := classify.Value{Known: true}
		for _, id := range ids {
			i := q.ChoiceIndex(id)
			if i < 0 {
				t.Fatalf("%s has no choice %q", key, id)
			}
			v.Set |= 1 << i
		}
		return v
	}
	num := func(n float64) classify.Value { return classify.Value{Known: true, Num: n} }
	tests := []struct {
		key    string
		v      classify.Value
		zh, en string
	}{
		{"realtime_voice", classify.Value{Known: true, Bool: true}, "是", "yes"},
		{"realtime_voice", classify.Value{Known: true}, "否", "no"},
		{"coverage", choices("coverage", "single_province"), "仅在一个省级行政区内", "one province only"},
		{"use_cases", choices("use_cases", "meetings", "vod"), "会议、视频点播", "meetings, video on demand"},
		{"use_cases", choices("use_cases"), "无", "none"},
		{"registered_capital_cny", num(10000000), "人民币1000万元", "RMB 10,000,000"},
		{"registered_capital_cny", num(1234567), "人民币1,234,567元", "RMB 1,234,567"},
		{"foreign_ownership_percent", num(49.5), "49.5%", "49.5%"},
		{"max_participants", num(1500), "1,500", "1,500"},
		{"max_participants", num(300), "300", "300"},
		// Unknown is for the caller to word.
		{"realtime_voice", classify.Value{}, "", ""},
		{"max_participants", classify.Value{}, "", ""},
	}
	for _, tt := range tests {
		q := rs.Question(tt.key)
		if q == nil {
			t.Fatalf("no question %s", tt.key)
		}
		for lang, want := range map[string]string{"zh": tt.zh, "en": tt.en} {
			if got := present.NewWords(rs, lang).Answer(q, tt.v); got != want {
				t.Errorf("Answer(%s, %+v) in %s = %q, want %q", tt.key, tt.v, lang, got, want)
			}
		}
	}
}

func TestNumber(t *testing.T) {
	for v, want := range map[float64]string{
		0: "0", 12: "12", 1234: "1,234", 10000000: "10,000,000", 1.5: "1.5", 1.125: "1.1250", 1234.125: "1,234.125", 0.125: "0.125",
	} {
		if got := present.Number(v); got != want {
			t.Errorf("Number(%v) = %q, want %q", v, got, want)
		}
	}
}

func TestCNY(t *testing.T) {
	tests := []struct {
		v      float64
		zh, en string
	}{
		{30000000, "人民币3000万元", "RMB 30,000,000"},
		{1000000, "人民币100万元", "RMB 1,000,000"},
		{5500, "人民币5,500元", "RMB 5,500"},
		{1500000.5, "人民币1,500,000.5元", "RMB 1,500,000.5"},
	}
	for _, tt := range tests {
		for lang, want := range map[string]string{"zh": tt.zh, "en": tt.en} {
			if got := present.CNY(tt.v, lang); got != want {
				t.Errorf("CNY(%v, %s) = %q, want %q", tt.v, lang, got, want)
			}
		}
	}
}
