package memo

// pairUp lays the Chinese and the English of one part of a bilingual memo
// side by side. Both were built by the same code, so they have the same
// blocks in the same order: a heading becomes one heading in both
// languages under one number; paragraphs and list items become rows of
// Chinese beside English; a table keeps its rows, each cell with its
// English under its Chinese. Should the two ever differ in shape, the
// Chinese comes first and the English after it, so that nothing is lost.
func pairUp(zh, en []block) []block {
	if len(zh) != len(en) {
		return append(zh, en...)
	}
	for i := range zh {
		if zh[i].kind != en[i].kind || (zh[i].kind == kindList && len(zh[i].items) != len(en[i].items)) ||
			(zh[i].kind == kindTable && len(zh[i].table.rows) != len(en[i].table.rows)) {
			return append(zh, en...)
		}
	}
	var out []block
	var bi *block // the rows of Chinese and English being gathered
	flush := func() {
		if bi != nil {
			out = append(out, *bi)
			bi = nil
		}
	}
	rows := func() *block {
		if bi == nil {
			bi = &block{kind: kindBi, lang: "zh"}
		}
		return bi
	}
	for i := range zh {
		z, e := zh[i], en[i]
		switch z.kind {
		case kindPara:
			r := rows()
			r.bi = append(r.bi, biRow{zh: cell{z.runs}, en: cell{e.runs}, small: z.small, anchor: z.anchor})
		case kindList:
			r := rows()
			for j := range z.items {
				r.bi = append(r.bi, biRow{zh: z.items[j], en: e.items[j], bullet: true})
			}
		case kindTable:
			flush()
			out = append(out, block{kind: kindTable, lang: "zh", table: pairTable(z.table, e.table)})
		default: // headings
			flush()
			h := z
			if runsText(z.runs) != runsText(e.runs) {
				h.runs = append(append(append([]run(nil), z.runs...), txt(" / ")), e.runs...)
			}
			out = append(out, h)
		}
	}
	flush()
	return out
}

// pairTable is one table with the English of each cell under its Chinese
// (once where the two are the same: an amount, a date, a hash).
func pairTable(z, e *table) *table {
	t := &table{kv: z.kv}
	for i, h := range z.head {
		if i < len(e.head) && e.head[i] != h {
			h += " / " + e.head[i]
		}
		t.head = append(t.head, h)
	}
	for i, zr := range z.rows {
		er := e.rows[i]
		row := make([]cell, len(zr))
		for j, zc := range zr {
			c := append(cell(nil), zc...)
			if j < len(er) && cellText(er[j]) != cellText(zc) {
				for _, l := range er[j] {
					alt := make([]run, len(l))
					for k, r := range l {
						r.alt = true
						alt[k] = r
					}
					c = append(c, alt)
				}
			}
			row[j] = c
		}
		t.rows = append(t.rows, row)
	}
	return t
}

func runsText(rs []run) string {
	var s string
	for _, r := range rs {
		s += r.text
	}
	return s
}
