package classify

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// A basis entry in the rule data names a source and the place in it a rule
// rests on, as one string: "licensing-measures-2017 art. 6 item 4". The
// place (the pinpoint) is one of
//
//	art. N [para. P] [item I]   an article, its paragraph (款) and item (项)
//	entry CODE                  a catalogue entry, such as B22
//	item N                      a numbered item of a list (a negative list)
//	whole                       a text with no articles: a statement, a notice, a page
//	not verified                the article could not be checked against a text
//
// so that a lawyer can check every sentence against the words it cites, and
// an article number nobody has seen is never written down as if it had been.

// Citation is one basis entry: a source and a place in it.
type Citation struct {
	Source string
	At     Pinpoint
}

// PinpointKind says what a pinpoint names.
type PinpointKind int

const (
	// PinNone is a basis entry without a pinpoint; lint refuses it.
	PinNone PinpointKind = iota
	PinArticle
	PinEntry
	PinItem
	PinWhole
	PinUnverified
)

// Pinpoint is a place in a source.
type Pinpoint struct {
	Kind PinpointKind
	// Article, Paragraph and Item number an article's parts (0: not named);
	// Item alone numbers a list's item.
	Article, Paragraph, Item int
	// Entry is a catalogue code (B22).
	Entry string
}

// errPinpoint explains the pinpoint grammar in every parse error.
var errPinpoint = errors.New(`allowed: "art. N", "art. N para. P", "art. N item I", "art. N para. P item I", "entry CODE", "item N", "whole", "not verified"`)

// maxPinNumber bounds article, paragraph and item numbers: no text the
// rules cite has more articles, and the Chinese numerals stop there.
const maxPinNumber = 999

// ParseCitation reads a basis entry: a source id, then an optional pinpoint.
func ParseCitation(s string) (Citation, error) {
	id, rest, _ := strings.Cut(strings.TrimSpace(s), " ")
	if id == "" {
		return Citation{}, errors.New("empty basis entry; write a source id and where in it, such as \"licensing-measures-2017 art. 6 item 4\"")
	}
	p, err := parsePinpoint(rest)
	if err != nil {
		return Citation{}, err
	}
	return Citation{Source: id, At: p}, nil
}

// parsePinpoint reads the place after a source id; "" is PinNone.
func parsePinpoint(s string) (Pinpoint, error) {
	f := strings.Fields(s)
	switch {
	case len(f) == 0:
		return Pinpoint{}, nil
	case len(f) == 1 && f[0] == "whole":
		return Pinpoint{Kind: PinWhole}, nil
	case len(f) == 2 && f[0] == "not" && f[1] == "verified":
		return Pinpoint{Kind: PinUnverified}, nil
	case len(f) == 2 && f[0] == "entry":
		if !isEntryCode(f[1]) {
			return Pinpoint{}, fmt.Errorf("entry %q is not a catalogue code such as B22", f[1])
		}
		return Pinpoint{Kind: PinEntry, Entry: f[1]}, nil
	case len(f) == 2 && f[0] == "item":
		n, err := pinNumber("item", f[1])
		return Pinpoint{Kind: PinItem, Item: n}, err
	case f[0] == "art.":
		return parseArticle(f[1:])
	}
	return Pinpoint{}, fmt.Errorf("%q is not a pinpoint; %w", s, errPinpoint)
}

func parseArticle(f []string) (Pinpoint, error) {
	p := Pinpoint{Kind: PinArticle}
	if len(f) == 0 {
		return p, fmt.Errorf("art. needs a number; %w", errPinpoint)
	}
	var err error
	if p.Article, err = pinNumber("art.", f[0]); err != nil {
		return p, err
	}
	f = f[1:]
	if len(f) >= 2 && f[0] == "para." {
		if p.Paragraph, err = pinNumber("para.", f[1]); err != nil {
			return p, err
		}
		f = f[2:]
	}
	if len(f) >= 2 && f[0] == "item" {
		if p.Item, err = pinNumber("item", f[1]); err != nil {
			return p, err
		}
		f = f[2:]
	}
	if len(f) > 0 {
		return p, fmt.Errorf("%q after the article number; %w", strings.Join(f, " "), errPinpoint)
	}
	return p, nil
}

func pinNumber(what, s string) (int, error) {
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > maxPinNumber || s[0] == '0' || s[0] == '+' {
		return 0, fmt.Errorf("%s %q: want a whole number from 1 to %d", what, s, maxPinNumber)
	}
	return n, nil
}

func isEntryCode(s string) bool {
	if len(s) < 2 || len(s) > 8 || s[0] < 'A' || s[0] > 'Z' {
		return false
	}
	for i := 1; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// String writes the pinpoint in the data's own form; ParseCitation reads it back.
func (p Pinpoint) String() string {
	switch p.Kind {
	case PinArticle:
		s := "art. " + strconv.Itoa(p.Article)
		if p.Paragraph > 0 {
			s += " para. " + strconv.Itoa(p.Paragraph)
		}
		if p.Item > 0 {
			s += " item " + strconv.Itoa(p.Item)
		}
		return s
	case PinEntry:
		return "entry " + p.Entry
	case PinItem:
		return "item " + strconv.Itoa(p.Item)
	case PinWhole:
		return "whole"
	case PinUnverified:
		return "not verified"
	}
	return ""
}

// String writes the entry as the data has it.
func (c Citation) String() string {
	if p := c.At.String(); p != "" {
		return c.Source + " " + p
	}
	return c.Source
}

// verified is false where the data says the article could not be checked.
func (p Pinpoint) verified() bool { return p.Kind != PinUnverified && p.Kind != PinNone }

// inWords writes the pinpoint as a lawyer cites it, after the source's
// name, for the text of a citation in a result (CitationRef.Text):
// "第六条第一款第（四）项" / "art. 6(1)(iv)"; "" for a whole text.
func (p Pinpoint) inWords(lang string) string {
	zh := lang == "zh"
	switch p.Kind {
	case PinArticle:
		if zh {
			s := "第" + chineseNumber(p.Article) + "条"
			if p.Paragraph > 0 {
				s += "第" + chineseNumber(p.Paragraph) + "款"
			}
			if p.Item > 0 {
				s += "第（" + chineseNumber(p.Item) + "）项"
			}
			return s
		}
		s := "art. " + strconv.Itoa(p.Article)
		if p.Paragraph > 0 {
			s += "(" + strconv.Itoa(p.Paragraph) + ")"
		}
		if p.Item > 0 {
			s += "(" + romanNumber(p.Item) + ")"
		}
		return s
	case PinEntry:
		if zh {
			return p.Entry + "项"
		}
		return "entry " + p.Entry
	case PinItem:
		if zh {
			return "第" + strconv.Itoa(p.Item) + "项"
		}
		return "item " + strconv.Itoa(p.Item)
	case PinUnverified:
		if zh {
			return "（条款未核实）"
		}
		return "(article not verified)"
	}
	return ""
}

// chineseNumber writes 1 to 999 as a Chinese numeral: 六, 十三, 六十九, 一百零五.
func chineseNumber(n int) string {
	digits := []string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	h, t, u := n/100, n/10%10, n%10
	var s string
	if h > 0 {
		s = digits[h] + "百"
		if t == 0 && u > 0 {
			return s + "零" + digits[u]
		}
	}
	if t > 0 {
		if t > 1 || h > 0 {
			s += digits[t]
		}
		s += "十"
	}
	if u > 0 {
		s += digits[u]
	}
	return s
}

// romanNumber writes 1 to 999 in lower-case Roman numerals, as English
// translations number a Chinese article's items.
func romanNumber(n int) string {
	var b strings.Builder
	for _, r := range []struct {
		v int
		s string
	}{{900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"}, {50, "l"}, {40, "xl"}, {10, "x"}, {9, "ix"}, {5, "v"}, {4, "iv"}, {1, "i"}} {
		for n >= r.v {
			b.WriteString(r.s)
			n -= r.v
		}
	}
	return b.String()
}
