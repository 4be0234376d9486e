package classify

import (
	"b22/classify/internal/diag"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"slices"
	"strings"
	"sync"

	yaml "go.yaml.in/yaml/v3"
)

// The files of a rule set folder, in the order they are read.
const (
	fileQuestionnaire = "questionnaire.yaml"
	fileSources       = "sources.yaml"
	fileParameters    = "parameters.yaml"
	fileQuestions     = "questions.yaml"
	fileRules         = "rules.yaml"
	fileTexts         = "texts.yaml"
)

// maxRuleFileBytes bounds each rule file; the embedded ones are far smaller.
const maxRuleFileBytes int64 = 4 << 20

// maxRuleDepth is the nesting a rule file's depth error names; the shipped
// rules nest a few levels, and a condition at most 32.
const maxRuleDepth = 100

var (
	confidences = Confidences
	footings    = Footings
	strengths   = []string{"likely", "possible"}
	verdictIDs  = []string{"likely", "possible", "unlikely", "undetermined"}
	statusIDs   = []string{"met", "unmet", "unknown"}
	// regimeStatusIDs are the statuses of a neighbouring regime.
	regimeStatusIDs = []string{string(RegimeTriggered), string(RegimeUnknown), string(RegimeCustomer)}
	units           = []string{"cny", "percent"}
	// paramUnits adds "year", for a parameter naming the edition of a text in force.
	paramUnits = []string{"cny", "percent", "days", "years", "people", "year"}
)

// Load reads and checks a rule set folder (the layout of questionnaires/b22).
// It returns a ready RuleSet, or Problems listing every problem found, sorted,
// each with file:line:col.
func Load(fsys fs.FS) (*RuleSet, error) {
	l := &loader{fsys: fsys, rs: &RuleSet{textAt: textPlaces{}}}
	// Parsing YAML is most of the cost of loading; the files parse side by
	// side, each into its own problems, merged in file order.
	files := []string{fileQuestionnaire, fileSources, fileParameters, fileQuestions, fileRules, fileTexts}
	nodes := make([]*yaml.Node, len(files))
	problems := make([]Problems, len(files))
	var wg sync.WaitGroup
	for i, f := range files {
		wg.Add(1)
		go func() {
			defer wg.Done()
			nodes[i], problems[i] = readRuleFile(fsys, f)
		}()
	}
	wg.Wait()
	docs := map[string]*yaml.Node{}
	for i, f := range files {
		docs[f] = nodes[i]
		l.ps = append(l.ps, problems[i]...)
	}
	if len(l.ps) == 0 {
		l.questionnaire(docs[fileQuestionnaire])
		l.sources(docs[fileSources])
		l.parameters(docs[fileParameters])
		l.questions(docs[fileQuestions])
		l.rules(docs[fileRules])
		l.texts(docs[fileTexts])
	}
	if len(l.ps) == 0 {
		l.finish()
	}
	if len(l.ps) > 0 {
		return nil, l.ps.sorted()
	}
	return l.rs, nil
}

type loader struct {
	fsys fs.FS
	rs   *RuleSet
	ps   Problems
	// pending compiles conditions that may name any question, once all are read.
	pending []func()
	// bases are the basis lists as written, for finish to check that each
	// cites a source in force on every date.
	bases []writtenBasis
}

type writtenBasis struct {
	d     ydec
	n     *yaml.Node
	key   string
	cites []Citation
}

func (l *loader) dec(file string) ydec {
	return ydec{collector{file: file, ps: &l.ps}, l.rs.textAt}
}

// readRuleFile reads and parses one rule file, refusing anchors and aliases.
// It reads only a regular file, and no more than the size limit: a link to
// /dev/zero or a named pipe given as a rule file must fail at once, not fill
// memory or wait for a writer.
func readRuleFile(fsys fs.FS, file string) (*yaml.Node, Problems) {
	var ps Problems
	c := collector{file: file, ps: &ps}
	data, err := readRegular(fsys, file, maxRuleFileBytes)
	if err != nil {
		switch {
		case errors.Is(err, fs.ErrNotExist):
			c.add(pos{}, "", CodeRuleFile, "missing file; a rule set folder holds %s, %s, %s, %s, %s and %s", fileQuestionnaire, fileSources, fileParameters, fileQuestions, fileRules, fileTexts)
		case errors.Is(err, errTooBig):
			c.add(pos{}, "", CodeRuleFile, "the file is over %d bytes, the limit", maxRuleFileBytes)
		default:
			c.add(pos{}, "", CodeRuleFile, "cannot read: %v", err)
		}
		return nil, ps
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil && !errors.Is(err, io.EOF) {
		p := fromDiag(diag.YAMLError(err, data, maxRuleDepth))
		p.File = file
		return nil, append(ps, p)
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) != 1 {
		c.add(pos{}, "", CodeRuleFile, "the file is empty")
		return nil, ps
	}
	var second yaml.Node
	switch err := dec.Decode(&second); {
	case err == nil:
		c.add(pos{Line: second.Line, Col: second.Column}, "", CodeRuleSyntax, "a second YAML document starts here; a rule file holds one (remove the --- line before it)")
		return nil, ps
	case !errors.Is(err, io.EOF):
		p := fromDiag(diag.YAMLError(err, data, maxRuleDepth))
		p.File = file
		return nil, append(ps, p)
	}
	ydec{c: c}.noAliases(doc.Content[0])
	if len(ps) > 0 {
		return nil, ps
	}
	return doc.Content[0], nil
}

// errTooBig is readRegular's error for a file over its limit.
var errTooBig = errors.New("file too big")

// readRegular reads file from fsys if it is a regular file of at most
// limit bytes. It looks before it opens, so a pipe or a device is refused
// without being opened, and reads through a limit, so a file that grows
// while being read cannot exceed it either.
func readRegular(fsys fs.FS, file string, limit int64) ([]byte, error) {
	info, err := fs.Stat(fsys, file)
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("not a regular file (%s); a rule file must be an ordinary file", describeMode(info.Mode()))
	}
	if info.Size() > limit {
		return nil, errTooBig
	}
	f, err := fsys.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, errTooBig
	}
	return data, nil
}

func describeMode(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "not a plain file"
}

func (l *loader) questionnaire(n *yaml.Node) {
	d := l.dec(fileQuestionnaire)
	m := d.mapping(n, "", []string{"id", "version", "effective", "applies_from", "title", "sections"}, nil)
	if m == nil {
		return
	}
	rs := l.rs
	rs.id = d.str(m["id"], "id")
	rs.version = d.str(m["version"], "version")
	rs.effective = d.date(m["effective"], "effective")
	rs.appliesFrom = d.date(m["applies_from"], "applies_from")
	rs.title = d.text(m["title"], "title")
	seen := map[string]bool{}
	for i, s := range d.list(m["sections"], "sections") {
		key := fmt.Sprintf("sections[%d]", i)
		sm := d.mapping(s, key, []string{"id", "title"}, []string{"ask_when"})
		if sm == nil {
			continue
		}
		sec := Section{ID: d.str(sm["id"], key+".id"), Title: d.text(sm["title"], key+".title")}
		if seen[sec.ID] {
			d.bad(sm["id"], key+".id", CodeRuleReference, "duplicate section %q", sec.ID)
		}
		seen[sec.ID] = true
		rs.sections = append(rs.sections, sec)
		if sm["ask_when"] != nil {
			j := len(rs.sections) - 1
			l.later(func() { rs.sections[j].AskWhen = l.cond(d, sm["ask_when"], key+".ask_when", false) })
		}
	}
}

func (l *loader) later(f func()) { l.pending = append(l.pending, f) }

func (l *loader) sources(n *yaml.Node) {
	d := l.dec(fileSources)
	m := d.mapping(n, "", []string{"sources"}, nil)
	if m == nil {
		return
	}
	l.rs.sourceIndex = map[string]int{}
	for i, s := range d.list(m["sources"], "sources") {
		key := fmt.Sprintf("sources[%d]", i)
		sm := d.mapping(s, key, []string{"id", "title", "title_en"}, []string{"url", "date", "reprint", "cite_as", "in_force", "links"})
		if sm == nil {
			continue
		}
		src := Source{
			ID: d.str(sm["id"], key+".id"), Title: d.str(sm["title"], key+".title"),
			TitleEn: d.str(sm["title_en"], key+".title_en"), at: at(s),
		}
		urlNode := sm["url"]
		switch {
		case sm["links"] != nil && (sm["url"] != nil || sm["reprint"] != nil):
			d.bad(sm["links"], key+".links", CodeRuleSchema, "give either links or url (with reprint), not both")
		case sm["links"] != nil:
			src.Links = l.links(d, sm["links"], key+".links")
			if len(src.Links) > 0 {
				src.URL, src.Reprint = src.Links[0].URL, src.Links[0].Kind == "reprint"
			}
			urlNode = nil
		case sm["url"] == nil:
			d.bad(s, key, CodeRuleSchema, "a source needs links (or url)")
		default:
			src.URL, src.Reprint = d.str(sm["url"], key+".url"), d.boolean(sm["reprint"], key+".reprint")
		}
		if sm["date"] != nil {
			src.Date = d.date(sm["date"], key+".date").String()
		}
		src.CiteAs = Text{Zh: src.Title, En: src.TitleEn}
		if sm["cite_as"] != nil {
			src.CiteAs = d.text(sm["cite_as"], key+".cite_as")
		}
		if sm["in_force"] != nil {
			src.InForce = l.span(d, sm["in_force"], key+".in_force")
		}
		if urlNode != nil && !isWebAddress(src.URL) {
			d.bad(urlNode, key+".url", CodeRuleValue, "expected an http or https address")
		}
		if _, dup := l.rs.sourceIndex[src.ID]; dup {
			d.bad(sm["id"], key+".id", CodeRuleReference, "duplicate source %q", src.ID)
		}
		l.rs.sourceIndex[src.ID] = len(l.rs.sources)
		l.rs.sources = append(l.rs.sources, src)
	}
}

// linkKinds are the kinds of copy a source's link may be.
var linkKinds = []string{"official", "reprint", "commentary"}

// links reads a source's [{url, kind, read}]: official pages first.
func (l *loader) links(d ydec, n *yaml.Node, key string) []SourceLink {
	var out []SourceLink
	items := d.list(n, key)
	if n != nil && len(items) == 0 {
		d.bad(n, key, CodeRuleSchema, "needs at least one link")
	}
	for i, it := range items {
		lkey := fmt.Sprintf("%s[%d]", key, i)
		m := d.mapping(it, lkey, []string{"url", "kind", "read"}, nil)
		if m == nil {
			continue
		}
		link := SourceLink{URL: d.str(m["url"], lkey+".url"), Kind: l.oneOf(d, m["kind"], lkey+".kind", linkKinds), Read: d.boolean(m["read"], lkey+".read")}
		if !isWebAddress(link.URL) {
			d.bad(m["url"], lkey+".url", CodeRuleValue, "expected an http or https address")
		}
		if link.Kind == "official" && len(out) > 0 && out[len(out)-1].Kind != "official" {
			d.bad(it, lkey, CodeRuleValue, "official pages come first")
		}
		out = append(out, link)
	}
	return out
}

func isWebAddress(s string) bool {
	return strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "http://")
}

func (l *loader) parameters(n *yaml.Node) {
	d := l.dec(fileParameters)
	m := d.mapping(n, "", []string{"parameters"}, nil)
	if m == nil {
		return
	}
	l.rs.paramIndex = map[string]int{}
	for i, p := range d.list(m["parameters"], "parameters") {
		key := fmt.Sprintf("parameters[%d]", i)
		pm := d.mapping(p, key, []string{"id", "unit", "title", "basis", "values"}, nil)
		if pm == nil {
			continue
		}
		par := Parameter{ID: d.str(pm["id"], key+".id"), Unit: d.str(pm["unit"], key+".unit"), Title: d.text(pm["title"], key+".title"), at: at(p)}
		if pm["unit"] != nil && !contains(paramUnits, par.Unit) {
			d.bad(pm["unit"], key+".unit", CodeRuleValue, "a parameter's unit is one of: %s", strings.Join(paramUnits, ", "))
		}
		par.Basis, par.Cites = l.basis(d, pm["basis"], key+".basis")
		for j, v := range d.list(pm["values"], key+".values") {
			vkey := fmt.Sprintf("%s.values[%d]", key, j)
			vm := d.mapping(v, vkey, []string{"from", "value"}, nil)
			if vm == nil {
				continue
			}
			pv := ParamValue{From: d.date(vm["from"], vkey+".from")}
			if vm["value"].ShortTag() != "!!null" {
				pv.Value, pv.Set = d.number(vm["value"], vkey+".value")
			}
			if k := len(par.Values); k > 0 && !par.Values[k-1].From.Before(pv.From) {
				d.bad(vm["from"], vkey+".from", CodeRuleValue, "dates must increase; %s is not after %s", pv.From, par.Values[k-1].From)
			}
			par.Values = append(par.Values, pv)
		}
		if len(par.Values) == 0 {
			d.bad(pm["values"], key+".values", CodeRuleSchema, "a parameter needs at least one value")
		}
		if _, dup := l.rs.paramIndex[par.ID]; dup {
			d.bad(pm["id"], key+".id", CodeRuleReference, "duplicate parameter %q", par.ID)
		}
		l.rs.paramIndex[par.ID] = len(l.rs.parameters)
		l.rs.parameters = append(l.rs.parameters, par)
	}
}

// basis reads a list of citations ("source-id pinpoint"); it returns the
// source ids, each once in the order first cited, and the citations.
func (l *loader) basis(d ydec, n *yaml.Node, key string) ([]string, []Citation) {
	entries := d.strs(n, key)
	if n != nil && len(entries) == 0 {
		d.bad(n, key, CodeRuleCitation, "a basis needs at least one source id")
	}
	var ids []string
	cites := make([]Citation, 0, len(entries))
	for i, s := range entries {
		ikey := fmt.Sprintf("%s[%d]", key, i)
		c, err := ParseCitation(s)
		if err != nil {
			d.bad(n.Content[i], ikey, CodeRuleCitation, "%v", err)
			continue
		}
		if _, ok := l.rs.sourceIndex[c.Source]; !ok {
			d.bad(n.Content[i], ikey, CodeRuleReference, "unknown source %q; sources.yaml lists the ids%s", c.Source, hint(c.Source, l.sourceIDs()))
		}
		if slices.Contains(cites, c) {
			d.bad(n.Content[i], ikey, CodeRuleCitation, "%q is cited twice", s)
		}
		if c.At.Kind == PinNone {
			d.bad(n.Content[i], ikey, CodeRuleCitation, "%q cites no place in the source; add the article (art. N, art. N para. P item I), the entry or item, \"whole\" for a text without articles, or \"not verified\"", c.Source)
		}
		cites = append(cites, c)
		if !slices.Contains(ids, c.Source) {
			ids = append(ids, c.Source)
		}
	}
	if n != nil {
		l.bases = append(l.bases, writtenBasis{d: d, n: n, key: key, cites: cites})
	}
	return ids, cites
}

// span reads {from?, until?}: at least one end, the first not after the last.
func (l *loader) span(d ydec, n *yaml.Node, key string) Span {
	m := d.mapping(n, key, nil, []string{"from", "until"})
	var s Span
	if m == nil {
		return s
	}
	if m["from"] == nil && m["until"] == nil {
		d.bad(n, key, CodeRuleSchema, "give from, until or both")
	}
	if m["from"] != nil {
		s.From = d.date(m["from"], key+".from")
	}
	if m["until"] != nil {
		s.Until = d.date(m["until"], key+".until")
	}
	if !s.From.IsZero() && !s.Until.IsZero() && s.Until.Before(s.From) {
		d.bad(n, key, CodeRuleValue, "until %s is before from %s", s.Until, s.From)
	}
	return s
}

func (l *loader) sourceIDs() []string {
	ids := make([]string, len(l.rs.sources))
	for i, s := range l.rs.sources {
		ids[i] = s.ID
	}
	return ids
}

func (l *loader) questions(n *yaml.Node) {
	d := l.dec(fileQuestions)
	m := d.mapping(n, "", []string{"questions"}, nil)
	if m == nil {
		return
	}
	rs := l.rs
	rs.questionIndex = map[string]int{}
	sectionIDs := make([]string, len(rs.sections))
	for i, s := range rs.sections {
		sectionIDs[i] = s.ID
	}
	for i, qn := range d.list(m["questions"], "questions") {
		key := fmt.Sprintf("questions[%d]", i)
		qm := d.mapping(qn, key, []string{"id", "section", "type", "title", "help", "lever"}, []string{"values", "min", "max", "unit", "unsure", "ask_when", "pivot", "topic"})
		if qm == nil {
			continue
		}
		q := Question{ID: d.str(qm["id"], key+".id"), Section: d.str(qm["section"], key+".section"), pos: at(qn)}
		key = "questions." + q.ID
		q.Title = d.text(qm["title"], key+".title")
		q.Help = d.text(qm["help"], key+".help")
		if qm["pivot"] != nil {
			q.Pivot = d.text(qm["pivot"], key+".pivot")
		}
		if qm["topic"] != nil {
			q.Topic = d.text(qm["topic"], key+".topic")
		}
		q.Unsure = d.boolean(qm["unsure"], key+".unsure")
		q.Lever = LeverKind(l.oneOf(d, qm["lever"], key+".lever", leverKindIDs))
		if q.Section != "" && !contains(sectionIDs, q.Section) {
			d.bad(qm["section"], key+".section", CodeRuleReference, "unknown section %q; allowed: %s", q.Section, strings.Join(sectionIDs, ", "))
		}
		typ := d.str(qm["type"], key+".type")
		t := -1
		for j, name := range typeNames {
			if name == typ {
				t = j
			}
		}
		if t < 0 && typ != "" {
			d.bad(qm["type"], key+".type", CodeRuleValue, "unknown type %q; allowed: %s%s", typ, strings.Join(typeNames, ", "), hint(typ, typeNames))
		}
		q.Type = QuestionType(max(t, 0))
		hasChoices := q.Type == TypeEnum || q.Type == TypeMulti
		if hasChoices != (qm["values"] != nil) && t >= 0 {
			d.bad(qn, key, CodeRuleValue, "values belong to enum and multi questions, and those need them")
		}
		for j, cn := range d.list(qm["values"], key+".values") {
			ckey := fmt.Sprintf("%s.values[%d]", key, j)
			cm := d.mapping(cn, ckey, []string{"id", "zh", "en"}, []string{"full", "also"})
			if cm == nil {
				continue
			}
			ch := Choice{ID: d.str(cm["id"], ckey+".id"), Label: d.zhEn(cm, ckey)}
			if cm["full"] != nil {
				ch.Full = d.str(cm["full"], ckey+".full")
			}
			if cm["also"] != nil {
				ch.Also = d.strs(cm["also"], ckey+".also")
			}
			if q.ChoiceIndex(ch.ID) >= 0 {
				d.bad(cm["id"], ckey+".id", CodeRuleReference, "duplicate value %q", ch.ID)
			}
			q.Choices = append(q.Choices, ch)
		}
		if len(q.Choices) > 64 {
			d.bad(qm["values"], key+".values", CodeRuleValue, "at most 64 values")
		}
		isNum := q.Type == TypeInt || q.Type == TypeNumber
		for _, b := range []struct {
			name string
			dst  **float64
		}{{"min", &q.Min}, {"max", &q.Max}} {
			if qm[b.name] == nil {
				continue
			}
			if !isNum {
				d.bad(qm[b.name], key+"."+b.name, CodeRuleValue, "min and max belong to int and number questions")
				continue
			}
			if v, ok := d.number(qm[b.name], key+"."+b.name); ok {
				*b.dst = &v
			}
		}
		if qm["unit"] != nil {
			q.Unit = d.str(qm["unit"], key+".unit")
			if !isNum || !contains(units, q.Unit) {
				d.bad(qm["unit"], key+".unit", CodeRuleValue, "a unit belongs to a number question and is one of: %s", strings.Join(units, ", "))
			}
		}
		if q.Min != nil && q.Max != nil && *q.Min > *q.Max {
			d.bad(qm["min"], key+".min", CodeRuleValue, "min %s is above max %s", formatNum(*q.Min), formatNum(*q.Max))
		}
		if _, dup := rs.questionIndex[q.ID]; dup {
			d.bad(qm["id"], key+".id", CodeRuleReference, "duplicate question %q", q.ID)
		}
		rs.questionIndex[q.ID] = len(rs.questions)
		rs.questions = append(rs.questions, q)
		if qm["ask_when"] != nil {
			j, akey, an := len(rs.questions)-1, key+".ask_when", qm["ask_when"]
			l.later(func() { rs.questions[j].AskWhen = l.cond(d, an, akey, false) })
		}
	}
	for _, f := range l.pending {
		f()
	}
	l.pending = nil
}
