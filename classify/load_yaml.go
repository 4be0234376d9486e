package classify

import (
	"b22/classify/internal/storage"
	"fmt"
	"math"
	"strconv"
	"strings"

	yaml "go.yaml.in/yaml/v3"
)

// ydec reads rule data out of yaml.Nodes, reporting every problem with its
// file:line:col instead of stopping at the first, and noting where each
// text is written so that Lint can locate its problems too.
type ydec struct {
	c      collector
	places textPlaces
}

// textPlaces records where each text of a rule set is written, by its
// storage: every text is read from its own YAML nodes, so no two share it.
type textPlaces map[storage.Key]pos

// of returns where t is written, or the zero pos.
func (tp textPlaces) of(t Text) pos { return tp[storage.Strings(t.Zh, t.En)] }

func at(n *yaml.Node) pos { return pos{Line: n.Line, Col: n.Column} }

func (d ydec) bad(n *yaml.Node, key string, code Code, format string, args ...any) {
	d.c.add(at(n), key, code, format, args...)
}

// mapping returns the fields of a mapping node by key, after checking that
// every required key is there and no key is unknown.
func (d ydec) mapping(n *yaml.Node, key string, required, optional []string) map[string]*yaml.Node {
	if n == nil {
		return nil
	}
	if n.Kind != yaml.MappingNode {
		d.bad(n, key, CodeRuleSchema, "expected a mapping with %s", strings.Join(required, ", "))
		return nil
	}
	out := make(map[string]*yaml.Node, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		name := k.Value
		if _, dup := out[name]; dup {
			d.bad(k, join(key, name), CodeRuleSchema, "duplicate key")
			continue
		}
		if !contains(required, name) && !contains(optional, name) {
			allowed := append(append([]string{}, required...), optional...)
			d.bad(k, join(key, name), CodeRuleSchema, "unknown key; allowed: %s%s", strings.Join(allowed, ", "), hint(name, allowed))
			continue
		}
		out[name] = v
	}
	for _, r := range required {
		if _, ok := out[r]; !ok {
			d.bad(n, key, CodeRuleSchema, "missing %q", r)
		}
	}
	return out
}

func join(a, b string) string {
	if a == "" {
		return b
	}
	return a + "." + b
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func (d ydec) str(n *yaml.Node, key string) string {
	if n == nil {
		return ""
	}
	if n.Kind != yaml.ScalarNode || n.ShortTag() == "!!null" || n.Value == "" {
		d.bad(n, key, CodeRuleSchema, "expected a non-empty string")
		return ""
	}
	return n.Value
}

func (d ydec) strs(n *yaml.Node, key string) []string {
	if n == nil {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		d.bad(n, key, CodeRuleSchema, "expected a list of strings")
		return nil
	}
	out := make([]string, 0, len(n.Content))
	for i, c := range n.Content {
		if s := d.str(c, fmt.Sprintf("%s[%d]", key, i)); s != "" {
			out = append(out, s)
		}
	}
	return out
}

func (d ydec) list(n *yaml.Node, key string) []*yaml.Node {
	if n == nil {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		d.bad(n, key, CodeRuleSchema, "expected a list")
		return nil
	}
	return n.Content
}

func (d ydec) boolean(n *yaml.Node, key string) bool {
	if n == nil {
		return false
	}
	var b bool
	if n.Kind != yaml.ScalarNode || n.ShortTag() != "!!bool" || n.Decode(&b) != nil {
		d.bad(n, key, CodeRuleSchema, "expected true or false")
	}
	return b
}

func (d ydec) number(n *yaml.Node, key string) (float64, bool) {
	var f float64
	if n == nil || n.Kind != yaml.ScalarNode || (n.ShortTag() != "!!int" && n.ShortTag() != "!!float") || n.Decode(&f) != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		if n != nil {
			d.bad(n, key, CodeRuleSchema, "expected a finite number")
		}
		return 0, false
	}
	return f, true
}

func (d ydec) date(n *yaml.Node, key string) Date {
	if n == nil {
		return Date{}
	}
	s := n.Value
	dt, err := ParseDate(s)
	if n.Kind != yaml.ScalarNode || err != nil {
		d.bad(n, key, CodeRuleValue, "expected a date YYYY-MM-DD, got %q", s)
	}
	return dt
}

// text reads {zh: ..., en: ...}; both are required and non-empty.
func (d ydec) text(n *yaml.Node, key string) Text {
	m := d.mapping(n, key, []string{"zh", "en"}, nil)
	if m == nil {
		return Text{}
	}
	return d.zhEn(m, key)
}

// zhEn reads the zh and en of a text's mapping, noting where the zh is.
func (d ydec) zhEn(m map[string]*yaml.Node, key string) Text {
	t := Text{Zh: d.str(m["zh"], join(key, "zh")), En: d.str(m["en"], join(key, "en"))}
	if d.places != nil && m["zh"] != nil {
		d.places[storage.Strings(t.Zh, t.En)] = at(m["zh"])
	}
	return t
}

// datedText reads a text, or a list of texts of which the first holds from
// the start and each later one, with its `from` date, replaces the one
// before it: what a result says follows its --as-of date.
func (d ydec) datedText(n *yaml.Node, key string) (Text, []DatedText) {
	if n == nil || n.Kind != yaml.SequenceNode {
		return d.text(n, key), nil
	}
	items := d.list(n, key)
	if len(items) == 0 {
		d.bad(n, key, CodeRuleSchema, "needs at least one text")
		return Text{}, nil
	}
	var first Text
	var later []DatedText
	for i, it := range items {
		ikey := fmt.Sprintf("%s[%d]", key, i)
		if i == 0 {
			if m := d.mapping(it, ikey, []string{"zh", "en"}, nil); m != nil {
				first = d.zhEn(m, ikey)
			}
			continue
		}
		m := d.mapping(it, ikey, []string{"from", "zh", "en"}, nil)
		if m == nil {
			continue
		}
		dt := DatedText{From: d.date(m["from"], join(ikey, "from")), Text: d.zhEn(m, ikey)}
		if len(later) > 0 && !later[len(later)-1].From.Before(dt.From) {
			d.bad(m["from"], join(ikey, "from"), CodeRuleValue, "dates must increase; %s is not after %s", dt.From, later[len(later)-1].From)
		}
		later = append(later, dt)
	}
	return first, later
}

// noAliases reports every anchor and alias: rule files have no use for them,
// and refusing them up front makes alias bombs harmless.
func (d ydec) noAliases(n *yaml.Node) {
	if n == nil {
		return
	}
	if n.Kind == yaml.AliasNode || n.Anchor != "" {
		d.bad(n, "", CodeRuleSyntax, "YAML anchors and aliases are not allowed in rule files")
		return
	}
	for _, c := range n.Content {
		d.noAliases(c)
	}
}

func formatNum(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }
