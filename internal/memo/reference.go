package memo

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// reference is what a DOCX memo takes from a firm's Word template, the way
// pandoc's --reference-doc works: the styles (so that Title, Heading 1–3,
// Table Grid and Footnote Text look as the firm's do, and a lawyer can
// restyle the memo in Word with the firm's own), the theme and font table,
// the page size and margins, and the default header and footer with what
// they show (a logo). The template's own text is not copied.
type reference struct {
	styles, theme, fontTable string
	pgW, pgH, textWidth      int
	pgMar                    string
	header, footer           *refPart
	// defaults are the template's content types by file extension (png,
	// jpeg, emf...), for the media its header and footer use.
	defaults map[string]string
}

// refPart is a header or footer of the template: its XML, and the files it
// refers to (its relationships and their targets).
type refPart struct {
	xml   string
	files []part
}

// maxRefSize bounds what is read from a template: a firm's template is a
// few hundred kilobytes; a zip bomb is not read past this.
const maxRefSize = 32 << 20

var (
	reSectPr    = regexp.MustCompile(`(?s)<w:sectPr\b.*?</w:sectPr>`)
	rePgSz      = regexp.MustCompile(`<w:pgSz\b[^>]*/>`)
	rePgMar     = regexp.MustCompile(`<w:pgMar\b[^>]*/>`)
	reAttrW     = regexp.MustCompile(`\bw:w="(\d+)"`)
	reAttrH     = regexp.MustCompile(`\bw:h="(\d+)"`)
	reAttrLeft  = regexp.MustCompile(`\bw:(?:left|start)="(-?\d+)"`)
	reAttrRight = regexp.MustCompile(`\bw:(?:right|end)="(-?\d+)"`)
	reHdrRef    = regexp.MustCompile(`<w:(header|footer)Reference\b[^>]*/>`)
	reType      = regexp.MustCompile(`\bw:type="(\w+)"`)
	reRID       = regexp.MustCompile(`\br:id="([^"]+)"`)
	reRel       = regexp.MustCompile(`<Relationship\b[^>]*/>`)
	reRelID     = regexp.MustCompile(`\bId="([^"]+)"`)
	reRelTarget = regexp.MustCompile(`\bTarget="([^"]+)"`)
	reStyleID   = regexp.MustCompile(`<w:style\b[^>]*\bw:styleId="([^"]+)"`)
	reStyleEl   = regexp.MustCompile(`(?s)<w:style\b[^>]*\bw:styleId="([^"]+)".*?</w:style>`)
	reDefault   = regexp.MustCompile(`<Default\b[^>]*\bExtension="([^"]+)"[^>]*\bContentType="([^"]+)"[^>]*/>`)
)

// readReference reads a template DOCX.
func readReference(data []byte) (*reference, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("not a DOCX (zip) file: %w", err)
	}
	files := map[string]*zip.File{}
	for _, f := range zr.File {
		files[f.Name] = f
	}
	read := func(name string) (string, bool, error) {
		f, ok := files[name]
		if !ok {
			return "", false, nil
		}
		rc, err := f.Open()
		if err != nil {
			return "", true, fmt.Errorf("%s: %w", name, err)
		}
		defer rc.Close()
		b, err := io.ReadAll(io.LimitReader(rc, maxRefSize+1))
		if err != nil {
			return "", true, fmt.Errorf("%s: %w", name, err)
		}
		if len(b) > maxRefSize {
			return "", true, fmt.Errorf("%s: larger than %d MB", name, maxRefSize>>20)
		}
		return string(b), true, nil
	}
	ref := &reference{defaults: map[string]string{}}
	styles, ok, err := read("word/styles.xml")
	if err != nil {
		return nil, err
	}
	if !ok || !strings.Contains(styles, "</w:styles>") {
		return nil, errors.New("no word/styles.xml: not a Word document")
	}
	ref.styles = withOwnStyles(styles)
	if ref.theme, _, err = read("word/theme/theme1.xml"); err != nil {
		return nil, err
	}
	if ref.fontTable, _, err = read("word/fontTable.xml"); err != nil {
		return nil, err
	}
	if types, _, err := read("[Content_Types].xml"); err == nil {
		for _, m := range reDefault.FindAllStringSubmatch(types, -1) {
			ref.defaults[strings.ToLower(m[1])] = m[2]
		}
	}
	doc, _, err := read("word/document.xml")
	if err != nil {
		return nil, err
	}
	sects := reSectPr.FindAllString(doc, -1)
	if len(sects) == 0 {
		return ref, nil
	}
	sect := sects[len(sects)-1] // the body's own section
	if sz := rePgSz.FindString(sect); sz != "" {
		ref.pgW, ref.pgH = attrInt(reAttrW, sz), attrInt(reAttrH, sz)
	}
	if mar := rePgMar.FindString(sect); mar != "" && ref.pgW > 0 {
		ref.pgMar = mar
		ref.textWidth = ref.pgW - attrInt(reAttrLeft, mar) - attrInt(reAttrRight, mar)
	}
	if ref.pgW <= 0 || ref.pgH <= 0 || ref.textWidth < 2000 {
		ref.pgW, ref.pgH, ref.textWidth, ref.pgMar = 0, 0, 0, ""
	}
	rels, _, err := read("word/_rels/document.xml.rels")
	if err != nil {
		return nil, err
	}
	targets := relTargets(rels)
	for _, hr := range reHdrRef.FindAllStringSubmatch(sect, -1) {
		el, kind := hr[0], hr[1]
		if t := reType.FindStringSubmatch(el); t == nil || t[1] != "default" {
			continue
		}
		id := reRID.FindStringSubmatch(el)
		if id == nil {
			continue
		}
		target, ok := targets[id[1]]
		if !ok {
			continue
		}
		p, err := ref.part(read, path.Join("word", target), "word/"+kind+"1.xml")
		if err != nil {
			return nil, err
		}
		if kind == "header" {
			ref.header = p
		} else {
			ref.footer = p
		}
	}
	return ref, nil
}

// part copies a header or footer of the template as name, with its
// relationships and the files they point to inside the package.
func (ref *reference) part(read func(string) (string, bool, error), from, name string) (*refPart, error) {
	x, ok, err := read(from)
	if err != nil || !ok {
		return nil, err
	}
	p := &refPart{xml: x}
	rels, ok, err := read(path.Join(path.Dir(from), "_rels", path.Base(from)+".rels"))
	if err != nil {
		return nil, err
	}
	if !ok {
		return p, nil
	}
	p.files = append(p.files, part{path.Join(path.Dir(name), "_rels", path.Base(name)+".rels"), rels})
	for _, r := range reRel.FindAllString(rels, -1) {
		if strings.Contains(r, `TargetMode="External"`) {
			continue
		}
		t := reRelTarget.FindStringSubmatch(r)
		if t == nil {
			continue
		}
		src := path.Join(path.Dir(from), t[1])
		if !strings.HasPrefix(src, "word/") {
			continue
		}
		data, ok, err := read(src)
		if err != nil {
			return nil, err
		}
		if ok {
			p.files = append(p.files, part{path.Join(path.Dir(name), t[1]), data})
		}
	}
	return p, nil
}

// contentTypes are the memo's content types, with the theme's and those of
// the extensions the template's header and footer files use.
func (ref *reference) contentTypes() string {
	s := contentTypes
	var add []string
	if ref.theme != "" {
		add = append(add, `<Override PartName="/word/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/>`)
	}
	exts := map[string]bool{}
	for _, p := range []*refPart{ref.header, ref.footer} {
		if p == nil {
			continue
		}
		for _, f := range p.files {
			ext := strings.ToLower(strings.TrimPrefix(path.Ext(f.name), "."))
			if ext != "" && ext != "xml" && ext != "rels" {
				exts[ext] = true
			}
		}
	}
	var sorted []string
	for e := range exts {
		sorted = append(sorted, e)
	}
	sort.Strings(sorted)
	for _, e := range sorted {
		if ct, ok := ref.defaults[e]; ok {
			add = append(add, `<Default Extension="`+xmlText(e)+`" ContentType="`+xmlText(ct)+`"/>`)
		}
	}
	return strings.Replace(s, "</Types>", strings.Join(add, "\n")+"\n</Types>", 1)
}

// withOwnStyles is the template's styles with the memo's own added for
// every style id the memo uses and the template lacks (Small, Table Text,
// Code...), so that the template decides every style it has and the memo
// still finds the rest.
func withOwnStyles(styles string) string {
	have := map[string]bool{}
	for _, m := range reStyleID.FindAllStringSubmatch(styles, -1) {
		have[m[1]] = true
	}
	var add strings.Builder
	for _, m := range reStyleEl.FindAllStringSubmatch(stylesXML, -1) {
		if !have[m[1]] {
			add.WriteString(m[0] + "\n")
		}
	}
	i := strings.LastIndex(styles, "</w:styles>")
	return styles[:i] + add.String() + styles[i:]
}

func relTargets(rels string) map[string]string {
	out := map[string]string{}
	for _, r := range reRel.FindAllString(rels, -1) {
		id, t := reRelID.FindStringSubmatch(r), reRelTarget.FindStringSubmatch(r)
		if id != nil && t != nil {
			out[id[1]] = t[1]
		}
	}
	return out
}

func attrInt(re *regexp.Regexp, s string) int {
	m := re.FindStringSubmatch(s)
	if m == nil {
		return 0
	}
	n, _ := strconv.Atoi(m[1])
	return n
}
