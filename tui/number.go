package tui

import (
	"errors"
	"math"
	"strconv"
	"strings"
	"unicode"
)

// AmountReason says why ParseAmount refused an input, so that each screen
// can say in its own language what to type instead.
type AmountReason int

const (
	// AmountEmpty: nothing but spaces or a currency sign.
	AmountEmpty AmountReason = iota + 1
	// AmountNegative: a minus sign.
	AmountNegative
	// AmountSeparators: commas or points that could be read two ways
	// ("1,5", "1.000.000", "10 000").
	AmountSeparators
	// AmountUnknown: a word or sign that is not a number, unit or currency.
	AmountUnknown
	// AmountUnitOrder: units out of order or repeated ("5万1亿", "1亿5000").
	AmountUnitOrder
	// AmountTooLarge: beyond what a float64 holds.
	AmountTooLarge
)

var amountReasonNames = [...]string{"", "empty", "negative", "separators", "unknown", "unit order", "too large"}

func (r AmountReason) String() string { return amountReasonNames[r] }

// AmountError is an input ParseAmount refused. Near is the part of the input
// that could not be read, when there is one.
type AmountError struct {
	Reason AmountReason
	Near   string
}

func (e *AmountError) Error() string {
	if e.Near != "" {
		return "amount: " + e.Reason.String() + " near " + strconv.Quote(e.Near)
	}
	return "amount: " + e.Reason.String()
}

// units are the multipliers people write after a number, as powers of ten.
// Longer spellings come first so that "百万" is not read as "百" + "万".
var units = []struct {
	word string
	exp  int
}{
	{"千万", 7}, {"百万", 6}, {"million", 6}, {"billion", 9}, {"thousand", 3},
	{"亿", 8}, {"万", 4}, {"千", 3}, {"百", 2},
	{"mln", 6}, {"mio", 6}, {"bn", 9}, {"mn", 6},
	{"k", 3}, {"m", 6}, {"b", 9},
}

// currency words and signs, dropped wherever they stand.
var currencies = []string{"人民币", "rmb", "cny", "yuan", "元", "¥", "￥"}

// ParseAmount reads a non-negative amount the way people type it:
// "10000000", "10,000,000", "1000万", "1.5亿", "1亿5000万", "¥500万",
// "RMB 2m", "2 million", "30%", and written out in Chinese: "五百万",
// "一亿五千万", "两百万", "一点五亿". Full-width digits and punctuation count as
// their ASCII forms. Anything that could be read two ways is refused:
// commas must group digits in threes before any decimal point, and a
// number after a unit needs its own unit ("1亿5000万", not "1亿5000").
// The value is exact to float64 rounding: "1.5亿" is 150000000.
func ParseAmount(s string) (float64, error) {
	t, err := chineseNumerals(normalizeAmount(s))
	if err != nil {
		return 0, err
	}
	for _, c := range currencies {
		t = strings.ReplaceAll(t, c, " ")
	}
	t = strings.TrimSpace(t)
	if strings.HasPrefix(t, "-") {
		return 0, &AmountError{Reason: AmountNegative}
	}
	t = strings.TrimSpace(strings.TrimSuffix(t, "%"))
	if t == "" {
		return 0, &AmountError{Reason: AmountEmpty}
	}
	// Terms: a number, spaces, an optional unit; units strictly decreasing.
	type term struct {
		digits string // significant digits, no point
		exp    int    // power of ten to apply to digits
	}
	var terms []term
	lastExp := math.MaxInt
	for t != "" {
		numEnd := 0
		for numEnd < len(t) && (isDigit(t[numEnd]) || t[numEnd] == ',' || t[numEnd] == '.' || t[numEnd] == ' ') {
			numEnd++
		}
		num := strings.TrimSpace(t[:numEnd])
		if num == "" {
			return 0, &AmountError{Reason: AmountUnknown, Near: firstWord(t)}
		}
		digits, fracLen, err := readDigits(num)
		if err != nil {
			return 0, err
		}
		rest := strings.TrimLeft(t[numEnd:], " ")
		exp := 0
		if rest != "" {
			matched := false
			for _, u := range units {
				if strings.HasPrefix(rest, u.word) {
					after := rest[len(u.word):]
					// A Latin unit must end its word: "2m" and "2 m" are a
					// million, "2 min" is not an amount.
					if isASCIIWord(u.word) && after != "" && isLetter(after[0]) {
						continue
					}
					exp, rest, matched = u.exp, strings.TrimLeft(after, " "), true
					break
				}
			}
			if !matched {
				return 0, &AmountError{Reason: AmountUnknown, Near: firstWord(rest)}
			}
		}
		if exp >= lastExp {
			return 0, &AmountError{Reason: AmountUnitOrder, Near: strings.TrimSpace(t[:len(t)-len(rest)])}
		}
		if exp == 0 && len(terms) > 0 {
			// "1亿5000": five thousand, or 5000万? Ask for the unit.
			return 0, &AmountError{Reason: AmountUnitOrder, Near: num}
		}
		lastExp = exp
		terms = append(terms, term{digits: digits, exp: exp - fracLen})
		t = rest
	}
	// Sum the terms exactly in decimal, then round once.
	minExp := math.MaxInt
	for _, tm := range terms {
		minExp = min(minExp, tm.exp)
	}
	var sum []byte // decimal digits, most significant first, scaled by 10^minExp
	for _, tm := range terms {
		d := tm.digits + strings.Repeat("0", tm.exp-minExp)
		sum = addDecimal(sum, d)
	}
	lit := strings.TrimLeft(string(sum), "0")
	if lit == "" {
		return 0, nil
	}
	v, err := strconv.ParseFloat(lit+"e"+strconv.Itoa(minExp), 64)
	if err != nil || math.IsInf(v, 0) {
		return 0, &AmountError{Reason: AmountTooLarge}
	}
	return v, nil
}

// readDigits checks the separators of one number and returns its digits
// without separators or point, and how many of them follow the point.
func readDigits(num string) (string, int, error) {
	if strings.Contains(num, " ") {
		// "10 000": a thousands space, or two numbers? Refuse.
		return "", 0, &AmountError{Reason: AmountSeparators, Near: num}
	}
	intPart, frac, hasPoint := strings.Cut(num, ".")
	if strings.Contains(frac, ".") || strings.Contains(frac, ",") {
		return "", 0, &AmountError{Reason: AmountSeparators, Near: num}
	}
	if hasPoint && frac == "" && intPart == "" {
		return "", 0, &AmountError{Reason: AmountUnknown, Near: num}
	}
	grouped := strings.Contains(intPart, ",")
	if grouped {
		groups := strings.Split(intPart, ",")
		if len(groups[0]) < 1 || len(groups[0]) > 3 {
			return "", 0, &AmountError{Reason: AmountSeparators, Near: num}
		}
		for _, g := range groups[1:] {
			if len(g) != 3 {
				return "", 0, &AmountError{Reason: AmountSeparators, Near: num}
			}
		}
		intPart = strings.ReplaceAll(intPart, ",", "")
	}
	if intPart == "" {
		intPart = "0"
	} else if !grouped && len(frac) == 3 && len(intPart) <= 3 && strings.TrimLeft(intPart, "0") != "" {
		// "1.500": one and a half, or fifteen hundred written the European
		// way? Refuse rather than guess.
		return "", 0, &AmountError{Reason: AmountSeparators, Near: num}
	}
	return intPart + frac, len(frac), nil
}

// addDecimal adds two non-negative decimal digit strings.
func addDecimal(a []byte, b string) []byte {
	n := max(len(a), len(b))
	out := make([]byte, n+1)
	carry := byte(0)
	for i := 0; i < n; i++ {
		s := carry
		if j := len(a) - 1 - i; j >= 0 {
			s += a[j] - '0'
		}
		if j := len(b) - 1 - i; j >= 0 {
			s += b[j] - '0'
		}
		out[n-i] = '0' + s%10
		carry = s / 10
	}
	out[0] = '0' + carry
	return out
}

// normalizeAmount lower-cases Latin letters, maps full-width forms to ASCII
// and Chinese punctuation to its ASCII counterpart.
func normalizeAmount(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= '０' && r <= '９':
			r = '0' + (r - '０')
		case r == '，' || r == '、':
			r = ','
		case r == '．' || r == '。':
			r = '.'
		case r == '％':
			r = '%'
		case r == '－' || r == '﹣' || r == '−':
			r = '-'
		case r >= 'Ａ' && r <= 'Ｚ':
			r = 'a' + (r - 'Ａ')
		case r >= 'ａ' && r <= 'ｚ':
			r = 'a' + (r - 'ａ')
		case unicode.IsSpace(r) || r == '_' || r == '\'':
			r = ' '
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

func isDigit(c byte) bool  { return c >= '0' && c <= '9' }
func isLetter(c byte) bool { return c >= 'a' && c <= 'z' }

func isASCIIWord(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isLetter(s[i]) {
			return false
		}
	}
	return true
}

func firstWord(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, ' '); i > 0 {
		s = s[:i]
	}
	if r := []rune(s); len(r) > 12 {
		s = string(r[:12]) + "…"
	}
	return s
}

// chineseDigits are the numerals of written-out Chinese amounts, the
// everyday and the financial forms.
var chineseDigits = map[rune]int64{
	'零': 0, '〇': 0, '一': 1, '壹': 1, '二': 2, '贰': 2, '两': 2, '三': 3, '叁': 3,
	'四': 4, '肆': 4, '五': 5, '伍': 5, '六': 6, '陆': 6, '七': 7, '柒': 7,
	'八': 8, '捌': 8, '九': 9, '玖': 9,
}

// chineseUnits multiply the digits before them: 十, 百 and 千 within a
// group of four, 万 and 亿 a whole group.
var chineseUnits = map[rune]int64{
	'十': 10, '拾': 10, '百': 100, '佰': 100, '千': 1000, '仟': 1000, '万': 1e4, '亿': 1e8,
}

// chineseNumerals rewrites each written-out Chinese number in t in digits
// ("五百万" → "5000000", "一点五亿" → "1.5亿"), so that the rest of
// ParseAmount reads it as it reads digits. A unit with no numeral before
// it is left alone: the 万 of "1000万" belongs to the digits.
func chineseNumerals(t string) (string, error) {
	r := []rune(t)
	isNum := func(c rune) bool {
		_, d := chineseDigits[c]
		return d || c == '十' || c == '拾'
	}
	var b strings.Builder
	for i := 0; i < len(r); {
		if !isNum(r[i]) {
			b.WriteRune(r[i])
			i++
			continue
		}
		j := i
		for j < len(r) {
			_, d := chineseDigits[r[j]]
			_, u := chineseUnits[r[j]]
			if !d && !u && r[j] != '点' {
				break
			}
			j++
		}
		run := r[i:j]
		// "5三" or "三5": digits of two kinds in one number read two ways.
		if (i > 0 && isDigitRune(r[i-1])) || (j < len(r) && isDigitRune(r[j])) {
			return "", &AmountError{Reason: AmountUnknown, Near: string(r[max(i-1, 0):min(j+1, len(r))])}
		}
		whole, frac, hasPoint := splitRunes(run, '点')
		var unit []rune
		if hasPoint {
			// "一点五亿": the fraction is digits alone; a unit after it is
			// left for the digits' reader ("1.5亿").
			k := len(frac)
			for k > 0 {
				if _, u := chineseUnits[frac[k-1]]; !u {
					break
				}
				k--
			}
			frac, unit = frac[:k], frac[k:]
		}
		n, err := chineseInt(whole)
		if err != nil {
			return "", &AmountError{Reason: AmountUnknown, Near: string(run)}
		}
		b.WriteString(strconv.FormatInt(n, 10))
		if hasPoint {
			if len(frac) == 0 {
				return "", &AmountError{Reason: AmountUnknown, Near: string(run)}
			}
			b.WriteByte('.')
			for _, c := range frac {
				d, ok := chineseDigits[c]
				if !ok {
					return "", &AmountError{Reason: AmountUnknown, Near: string(run)}
				}
				b.WriteByte(byte('0' + d))
			}
			b.WriteString(string(unit))
		}
		i = j
	}
	return b.String(), nil
}

// chineseInt reads a written-out whole number: "一亿五千万", "十二",
// "一百零五". Two digits in a row (but after 零) are refused: "五五" is
// not a way of writing fifty-five.
func chineseInt(r []rune) (int64, error) {
	const limit = 1 << 53 // beyond it a float64 no longer holds every whole number
	bad := errors.New("not a Chinese number")
	if len(r) == 0 {
		return 0, bad
	}
	var total, section, number int64
	digit := false // the last rune was a digit other than 零
	for _, c := range r {
		if d, ok := chineseDigits[c]; ok {
			if digit {
				return 0, bad
			}
			number, digit = d, d != 0
			continue
		}
		digit = false
		u := chineseUnits[c]
		switch {
		case u < 1e4:
			if number == 0 && u == 10 {
				number = 1 // 十二 is twelve
			}
			if number == 0 {
				return 0, bad
			}
			section += number * u
		case u == 1e4:
			if section+number == 0 {
				return 0, bad
			}
			total += (section + number) * u
		default:
			if total+section+number == 0 {
				return 0, bad
			}
			total = (total + section + number) * u
		}
		number = 0
		if u >= 1e4 {
			section = 0
		}
		if total > limit || section > limit {
			return 0, bad
		}
	}
	return total + section + number, nil
}

func isDigitRune(c rune) bool { return c >= '0' && c <= '9' || c == '.' }

// splitRunes cuts r at the first sep.
func splitRunes(r []rune, sep rune) (before, after []rune, found bool) {
	for i, c := range r {
		if c == sep {
			return r[:i], r[i+1:], true
		}
	}
	return r, nil, false
}
