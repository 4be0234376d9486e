package present

import (
	"strings"

	"b22/classify"
)

// Citations words a basis for people, one item per source: the places a
// basis cites in one source follow its name once ("《互联网信息服务管理办法》
// 第三条、第四条", "ICP Measures (Order 292), art. 3, art. 4") rather than
// the source being named again for each.
func (w Words) Citations(cites []classify.CitationRef) []string {
	var out []string
	var sources []string // the source of each item of out
	sep := w.Label("list_sep")
	for _, c := range cites {
		text := w.text(c.Text)
		i := indexOf(sources, c.Source)
		if i < 0 {
			out, sources = append(out, text), append(sources, c.Source)
			continue
		}
		// The place alone: the citation less the source's short name.
		place := text
		if src := w.rs.Source(c.Source); src != nil {
			place = strings.TrimPrefix(place, w.text(src.CiteAs))
		}
		place = strings.TrimLeft(place, ", ")
		if strings.HasPrefix(place, "(") || strings.HasPrefix(place, "（") {
			// "(article not verified)" after a verified article is another
			// article of the source, one that could not be checked.
			place = w.Label("other_unverified")
		}
		if place == "" || place == text {
			out[i] += sep + text // no short name to share: keep it whole
			continue
		}
		out[i] += sep + place
	}
	return out
}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}
