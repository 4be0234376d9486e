package classify

import (
	"strconv"
	"strings"
)

// Amounts in words. The core formats money because rule texts name
// amounts ({capital_provincial}) and are filled in when a rule set is
// loaded; renderers use the same function through internal/present.

// formatParam writes a parameter value the way a reader of lang expects.
func formatParam(unit string, v ParamValue, lang string) string {
	if !v.Set {
		if lang == "zh" {
			return "无上限"
		}
		return "no limit"
	}
	switch unit {
	case "cny":
		return FormatCNY(v.Value, lang)
	case "percent":
		return formatNum(v.Value) + "%"
	}
	return formatNum(v.Value)
}

// FormatCNY writes an amount of yuan: "RMB 10,000,000" or "人民币1000万元".
func FormatCNY(v float64, lang string) string {
	if lang == "zh" {
		if v >= 10000 && v == float64(int64(v)) && int64(v)%10000 == 0 {
			return "人民币" + strconv.FormatInt(int64(v)/10000, 10) + "万元"
		}
		return "人民币" + groupThousands(v) + "元"
	}
	return "RMB " + groupThousands(v)
}

func groupThousands(v float64) string {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	intPart, frac, _ := strings.Cut(s, ".")
	neg := strings.HasPrefix(intPart, "-")
	intPart = strings.TrimPrefix(intPart, "-")
	var b strings.Builder
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	out := b.String()
	if frac != "" {
		out += "." + frac
	}
	if neg {
		out = "-" + out
	}
	return out
}
