package tui

import (
	"errors"
	"math"
	"strings"
	"testing"

	"b22/internal/present"
)

func TestParseAmount(t *testing.T) {
	tests := []struct {
		in   string
		want float64
		bad  AmountReason
	}{
		{in: "10000000", want: 10000000},
		// Written out in Chinese.
		{in: "五百万", want: 5000000},
		{in: "一千万", want: 10000000},
		{in: "一亿五千万", want: 150000000},
		{in: "两百万", want: 2000000},
		{in: "五百万元", want: 5000000},
		{in: "人民币一千万元", want: 10000000},
		{in: "一点五亿", want: 150000000},
		{in: "十二", want: 12},
		{in: "一百零五", want: 105},
		{in: "十五万", want: 150000},
		{in: "壹仟万", want: 10000000},
		{in: "五五", bad: AmountUnknown},
		{in: "5三", bad: AmountUnknown},
		{in: "一点", bad: AmountUnknown},
		{in: "10,000,000", want: 10000000},
		{in: "1000万", want: 10000000},
		{in: "1000万元", want: 10000000},
		{in: "1.5亿", want: 150000000},
		{in: "1亿5000万", want: 150000000},
		{in: "1亿 5000万", want: 150000000},
		{in: "RMB 2m", want: 2000000},
		{in: "rmb2M", want: 2000000},
		{in: "2 million", want: 2000000},
		{in: "2.5 Million yuan", want: 2500000},
		{in: "¥500万", want: 5000000},
		{in: "￥500万", want: 5000000},
		{in: "人民币100万元", want: 1000000},
		{in: "CNY 1,000,000", want: 1000000},
		{in: "１０００万", want: 10000000},
		{in: "10，000，000", want: 10000000},
		{in: "3k", want: 3000},
		{in: "1.2bn", want: 1200000000},
		{in: "2 billion", want: 2000000000},
		{in: "5百万", want: 5000000},
		{in: "3千万", want: 30000000},
		{in: "30%", want: 30},
		{in: "12.5", want: 12.5},
		{in: ".5", want: 0.5},
		{in: "5.", want: 5},
		{in: "0", want: 0},
		{in: "0.125", want: 0.125},
		{in: "1,234.125", want: 1234.125},
		{in: "  42  ", want: 42},
		{in: "0.1亿", want: 10000000},

		{in: "", bad: AmountEmpty},
		{in: "   ", bad: AmountEmpty},
		{in: "RMB", bad: AmountEmpty},
		{in: "-5", bad: AmountNegative},
		{in: "-5万", bad: AmountNegative},
		{in: "¥-500", bad: AmountNegative},
		{in: "−3", bad: AmountNegative},
		{in: "1,5", bad: AmountSeparators},
		{in: "1.000.000", bad: AmountSeparators},
		{in: "1.500", bad: AmountSeparators},
		{in: "10 000", bad: AmountSeparators},
		{in: "1,00,000", bad: AmountSeparators},
		{in: "1,000,00", bad: AmountSeparators},
		{in: ",000", bad: AmountSeparators},
		{in: "1.2.3", bad: AmountSeparators},
		{in: "abc", bad: AmountUnknown},
		{in: "1e6", bad: AmountUnknown},
		{in: "2 min", bad: AmountUnknown},
		{in: "10-20", bad: AmountUnknown},
		{in: "about 5", bad: AmountUnknown},
		{in: ".", bad: AmountUnknown},
		{in: "万", bad: AmountUnknown},
		{in: "5万1亿", bad: AmountUnitOrder},
		{in: "5万5万", bad: AmountUnitOrder},
		{in: "1亿5000", bad: AmountUnitOrder},
		{in: "1" + strings.Repeat("0", 320), bad: AmountTooLarge},
	}
	for _, tt := range tests {
		got, err := ParseAmount(tt.in)
		if tt.bad != 0 {
			var ae *AmountError
			if !errors.As(err, &ae) || ae.Reason != tt.bad {
				t.Errorf("ParseAmount(%q) = %v, %v; want error %v", tt.in, got, err, tt.bad)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("ParseAmount(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
}

// TestParseAmountReadsNumbers: what present.Number writes, the number
// field reads back as the same number, as it must when it shows an answer
// to edit.
func TestParseAmountReadsNumbers(t *testing.T) {
	for _, v := range []float64{0, 12, 1234, 10000000, 1.5, 1.125, 1234.125, 0.125} {
		if back, err := ParseAmount(present.Number(v)); err != nil || back != v {
			t.Errorf("ParseAmount(present.Number(%v)) = %v, %v", v, back, err)
		}
	}
}

// FuzzParseAmount: ParseAmount never panics, accepts only finite
// non-negative numbers, and what it accepts formats to a text it reads back
// as the same number.
func FuzzParseAmount(f *testing.F) {
	for _, s := range []string{"1000万", "10,000,000", "1.5亿", "RMB 2m", "2 million", "¥500万", "-5", "1,5", "1亿5000万", "0.000001", "１２", "30%", "1e400", "五百万", "一亿五千万", "一点五亿", "两百万"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ParseAmount(s)
		if err != nil {
			var ae *AmountError
			if !errors.As(err, &ae) {
				t.Fatalf("ParseAmount(%q) error %T, want *AmountError", s, err)
			}
			_ = ae.Error()
			return
		}
		if math.IsNaN(v) || math.IsInf(v, 0) || v < 0 || math.Signbit(v) {
			t.Fatalf("ParseAmount(%q) = %v", s, v)
		}
		f := present.Number(v)
		back, err := ParseAmount(f)
		if err != nil || back != v {
			t.Fatalf("ParseAmount(%q) = %v, formatted %q, re-parsed %v, %v", s, v, f, back, err)
		}
	})
}
