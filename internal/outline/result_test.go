package outline_test

import (
	"io/fs"
	"slices"
	"strings"
	"sync"
	"testing"

	"b22/classify"
	"b22/classify/answers"
	"b22/internal/outline"
	"b22/internal/present"
	"b22/questionnaires"
)

var loaded = sync.OnceValues(func() (*classify.RuleSet, error) { return classify.Load(questionnaires.Shipped()) })

// assess is the example's result, levers and routes included.
func assess(t *testing.T, example string) (*classify.RuleSet, *classify.Document, *classify.Result) {
	t.Helper()
	rs, err := loaded()
	if err != nil {
		t.Fatal(err)
	}
	data, err := fs.ReadFile(questionnaires.Shipped(), "examples/"+example)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := answers.New(rs).Parse(example, data, answers.FormatAuto)
	if err != nil {
		t.Fatal(err)
	}
	asOf, _ := classify.ParseDate("2026-11-26")
	res, err := rs.Evaluate(doc, classify.Options{AsOf: asOf, Levers: true})
	if err != nil {
		t.Fatal(err)
	}
	return rs, doc, res
}

// TestResultOrder: the parts come in the one order every printer shows,
// only those the result has, sources always last.
func TestResultOrder(t *testing.T) {
	rs, doc, res := assess(t, "half-known.json")
	o := outline.Result(rs, doc, res, outline.Options{Lang: "en"})
	var got []outline.Part
	for _, s := range o.Sections {
		got = append(got, s.Part)
	}
	want := []outline.Part{outline.PartSubcategories, outline.PartLicence, outline.PartRequirements, outline.PartProcess,
		outline.PartPivotal, outline.PartOpen, outline.PartRoutes, outline.PartRegimes, outline.PartNotes, outline.PartSources}
	if !slices.Equal(got, want) {
		t.Errorf("parts = %v, want %v", got, want)
	}
	if o.Product != "Classroom Live (Bright Learning Ltd)" || !strings.HasSuffix(o.Title, " — "+o.Product) {
		t.Errorf("title %q, product %q", o.Title, o.Product)
	}
}

// TestResultKeys: the questions a reader can open carry their answer key,
// the rule set's; nothing else carries one.
func TestResultKeys(t *testing.T) {
	rs, doc, res := assess(t, "half-known.json")
	o := outline.Result(rs, doc, res, outline.Options{Lang: "zh"})
	keyed := 0
	for _, s := range o.Sections {
		for _, it := range s.Items {
			opens := s.Part == outline.PartPivotal || s.Part == outline.PartOpen || s.Part == outline.PartLevers
			switch {
			case opens && rs.Question(it.Key) == nil:
				t.Errorf("%s item %q opens %q, no question of the rule set", s.Part, it.Text, it.Key)
			case !opens && it.Key != "":
				t.Errorf("%s item %q carries the key %q", s.Part, it.Text, it.Key)
			case opens:
				keyed++
			}
		}
	}
	if want := len(res.PivotalQuestions) + len(res.OpenQuestions); keyed < want {
		t.Errorf("%d items open a question, want at least %d", keyed, want)
	}
}

// TestResultAnswers: with Answer set, a reference line names each answer
// beside its question; without, the question alone. The line carries the
// keys and citations it names either way.
func TestResultAnswers(t *testing.T) {
	rs, doc, res := assess(t, "meeting-app.json")
	first := func(o outline.Outline) outline.Line {
		for _, s := range o.Sections {
			if s.Part == outline.PartSubcategories {
				return s.Items[0].Lines[1]
			}
		}
		t.Fatal("no sub-categories")
		return outline.Line{}
	}
	plain := first(outline.Result(rs, doc, res, outline.Options{Lang: "en"}))
	shown := first(outline.Result(rs, doc, res, outline.Options{Lang: "en", Answer: func(key string) string { return "<" + key + ">" }}))
	if strings.Contains(plain.Text, "<") || !strings.Contains(shown.Text, "live voice between users (<realtime_voice>)") {
		t.Errorf("without answers %q\nwith answers %q", plain.Text, shown.Text)
	}
	if len(plain.Answers) == 0 || len(plain.Citations) == 0 || !slices.Equal(plain.Answers, shown.Answers) {
		t.Errorf("reference line carries answers %v and citations %v", plain.Answers, plain.Citations)
	}
}

// TestResultRecord: the outline keeps what the result rests on (rule set,
// dates, hash of the answers, every rule's outcome) and the verdict in the
// rule data's words, for a printer that sets them out its own way.
func TestResultRecord(t *testing.T) {
	rs, doc, res := assess(t, "vod-site.json")
	o := outline.Result(rs, doc, res, outline.Options{Lang: "zh"})
	if o.Record.Questionnaire != res.Questionnaire || o.Record.AnswersSHA256 != res.AnswersSHA256 || len(o.Record.Trace) != len(res.Trace) {
		t.Errorf("record %+v, want the result's %+v, %s and %d steps", o.Record.Questionnaire, res.Questionnaire, res.AnswersSHA256, len(res.Trace))
	}
	if o.Summary == "" || o.Summary != res.Summary.Zh || !strings.Contains(o.Lead[0].Text, o.Summary) {
		t.Errorf("summary %q, lead %q; the result says %q", o.Summary, o.Lead[0].Text, res.Summary.Zh)
	}
}

// TestResultFindings: each sub-category the product falls in, or may,
// carries its id, name, strength and reasons typed, and a reason marked
// If is the one whose line opens with "if".
func TestResultFindings(t *testing.T) {
	rs, doc, res := assess(t, "half-known.json")
	o := outline.Result(rs, doc, res, outline.Options{Lang: "en"})
	items := part(o, outline.PartSubcategories)
	if len(items) != len(res.Matched()) || len(items) == 0 {
		t.Fatalf("%d sub-category items, want %d", len(items), len(res.Matched()))
	}
	conditional := 0
	for i, it := range items {
		s := res.Matched()[i]
		f := it.Finding
		if it.ID != s.ID || it.Name != s.Name.En || f == nil || f.Strength != s.Strength || f.Settled != s.Settled || !slices.Equal(f.DependsOn, s.DependsOn) {
			t.Fatalf("item %d = %q %+v, want %s (%s, settled %v)", i, it.ID, f, s.ID, s.Strength, s.Settled)
		}
		for k, r := range f.Reasons {
			if got := strings.HasPrefix(it.Lines[2*k].Text, "if "); got != r.If {
				t.Errorf("%s reason %d: If %v, its line %q", s.ID, k, r.If, it.Lines[2*k].Text)
			}
			if r.If {
				conditional++
			}
			if !slices.Equal(r.Ref.Answers, s.Reasons[k].Answers) {
				t.Errorf("%s reason %d rests on %v, want %v", s.ID, k, r.Ref.Answers, s.Reasons[k].Answers)
			}
		}
	}
	if conditional == 0 {
		t.Error("half-known.json has no reason that holds only if answered so; the test proves less than it says")
	}
}

// part is the items of the outline's part p.
func part(o outline.Outline, p outline.Part) []outline.Item {
	for _, s := range o.Sections {
		if s.Part == p {
			return s.Items
		}
	}
	return nil
}

// TestResultLicence: the licence section carries the licence typed, its
// open parts empty, and each condition its id and the footing's id; an
// unlikely verdict has no licence section.
func TestResultLicence(t *testing.T) {
	for _, example := range []string{"meeting-app.json", "half-known.json", "internal-tool.yaml"} {
		rs, doc, res := assess(t, example)
		o := outline.Result(rs, doc, res, outline.Options{Lang: "en"})
		var lic *outline.Licence
		for _, s := range o.Sections {
			if s.Part == outline.PartLicence {
				lic = s.Licence
			}
		}
		if (lic == nil) != (res.Verdict == classify.VerdictUnlikely) {
			t.Fatalf("%s: licence %+v under a verdict %s", example, lic, res.Verdict)
		}
		if lic == nil {
			continue
		}
		if (lic.Title == "") != (res.Licence.Title == nil) || (lic.Capital == "") != (res.Licence.MinRegisteredCapitalCNY == nil) ||
			lic.Existing != res.ExistingLicence || lic.ValidityYears != res.Licence.ValidityYears || len(lic.Citations) != len(res.Licence.Citations) {
			t.Errorf("%s: licence %+v, want the result's %+v", example, lic, res.Licence)
		}
		for i, q := range part(o, outline.PartRequirements) {
			want := res.Requirements[i]
			if q.ID != want.ID || q.Name != want.Name.En || q.Status != want.Status || q.Lines[1].FootingID != want.Footing {
				t.Errorf("%s: condition %d = %s %q %s %q, want %s", example, i, q.ID, q.Name, q.Status, q.Lines[1].FootingID, want.ID)
			}
		}
	}
}

// TestResultQuestions: a pivotal question carries why it matters and what
// each answer leads to; an open question the parts it leaves open, each
// named by its kind and id.
func TestResultQuestions(t *testing.T) {
	rs, doc, res := assess(t, "half-known.json")
	o := outline.Result(rs, doc, res, outline.Options{Lang: "en"})
	pivotal := part(o, outline.PartPivotal)
	if len(pivotal) != len(res.PivotalQuestions) || len(pivotal) == 0 {
		t.Fatalf("%d pivotal items, want %d", len(pivotal), len(res.PivotalQuestions))
	}
	for i, it := range pivotal {
		p := res.PivotalQuestions[i]
		if it.Pivotal == nil || it.Pivotal.Why != p.Why.En || len(it.Pivotal.Leads) != len(p.LeadsTo) {
			t.Fatalf("pivotal %s: %+v", p.Key, it.Pivotal)
		}
		for k, l := range it.Pivotal.Leads {
			if l.Answer != p.LeadsTo[k].Label.En || l.Verdict != p.LeadsTo[k].Verdict {
				t.Errorf("pivotal %s lead %d = %+v, want %+v", p.Key, k, l, p.LeadsTo[k])
			}
		}
	}
	kinds := map[outline.Affects]bool{}
	for i, it := range part(o, outline.PartOpen) {
		q := res.OpenQuestions[i]
		if len(it.Affects) != len(q.Affects) {
			t.Fatalf("open %s affects %v, want %v", q.Key, it.Affects, q.Affects)
		}
		for k, a := range it.Affects {
			kinds[a.What] = true
			if a.What == outline.AffectsOther || (a.ID != "" && !strings.HasSuffix(q.Affects[k], "."+a.ID)) {
				t.Errorf("open %s: %q is %+v", q.Key, q.Affects[k], a)
			}
		}
	}
	if len(kinds) < 2 {
		t.Errorf("the open questions leave open parts of %d kinds; the test proves less than it says", len(kinds))
	}
}

// TestResultRoutes: a route carries its id, its words, and what the engine
// confirmed it achieves, typed; a route that changes no answer confirms
// nothing.
func TestResultRoutes(t *testing.T) {
	rs, doc, res := assess(t, "meeting-app.json")
	o := outline.Result(rs, doc, res, outline.Options{Lang: "en"})
	routes := part(o, outline.PartRoutes)
	if len(routes) != len(res.Routes) || len(routes) == 0 {
		t.Fatalf("%d routes, want %d", len(routes), len(res.Routes))
	}
	licensed := 0
	for i, it := range routes {
		rt, want := it.Route, res.Routes[i]
		if it.ID != want.ID || it.Name != want.Title.En || rt.Text != want.Text.En || rt.Caveats != want.Caveats.En ||
			rt.Checked != (len(want.Changes) > 0) || rt.Verdict != want.Verdict || !slices.Equal(rt.Met, want.Met) ||
			(rt.Licence == "") != (want.Scope == nil) || (rt.Authority == "") != (want.Authority == nil) || len(rt.Ref.Citations) != len(want.Citations) {
			t.Errorf("route %d = %s %+v, want %+v", i, it.ID, rt, want)
		}
		if rt.Licence != "" {
			licensed++
		}
	}
	if licensed == 0 {
		t.Error("no route of meeting-app.json names a licence; the test proves less than it says")
	}
}

// TestResultLevers: the levers people are shown leave out relabellings
// unless asked for; each carries what it does typed, and a withdrawal
// (a gate no route stands for) is marked, a gate a route stands for not.
func TestResultLevers(t *testing.T) {
	rs, doc, res := assess(t, "meeting-app.json")
	shown := part(outline.Result(rs, doc, res, outline.Options{Lang: "en"}), outline.PartLevers)
	all := part(outline.Result(rs, doc, res, outline.Options{Lang: "en", Relabellings: true}), outline.PartLevers)
	if len(shown) != len(present.ForPeople(res.Levers)) || len(all) != len(res.Levers) || len(shown) == len(all) {
		t.Fatalf("%d levers shown, %d with the relabellings; the result has %d", len(shown), len(all), len(res.Levers))
	}
	marks := map[string]int{}
	for i, it := range all {
		lv, want := it.Lever, res.Levers[i]
		if lv.Verdict != want.Verdict || !slices.Equal(lv.Met, want.Met) || !slices.Equal(lv.Removed, want.Removed) ||
			lv.Relabel != (want.Kind == classify.LeverLabel) || len(lv.Change) != len(want.Changes) {
			t.Errorf("lever %d = %+v, want %+v", i, lv, want)
		}
		switch {
		case lv.Withdrawal:
			marks["withdrawal"]++
			if lv.Verdict != classify.VerdictUnlikely {
				t.Errorf("lever %d is a withdrawal that leaves the verdict %s", i, lv.Verdict)
			}
		case lv.Verdict == classify.VerdictUnlikely && !lv.Relabel:
			marks["route"]++
		}
	}
	if marks["withdrawal"] == 0 || marks["route"] == 0 {
		t.Errorf("levers marked %v: meeting-app.json should have a withdrawal and a way out a route stands for", marks)
	}
}

// TestResultRegimesAndSources: a regime carries its id, status, name and
// text typed; a source its id and whether its official text was read.
func TestResultRegimesAndSources(t *testing.T) {
	rs, doc, res := assess(t, "meeting-app.json")
	o := outline.Result(rs, doc, res, outline.Options{Lang: "en"})
	regimes := part(o, outline.PartRegimes)
	if len(regimes) != len(res.RelatedRegimes) || len(regimes) == 0 {
		t.Fatalf("%d regimes, want %d", len(regimes), len(res.RelatedRegimes))
	}
	for i, it := range regimes {
		g, want := it.Regime, res.RelatedRegimes[i]
		if it.ID != want.ID || g.Status != want.Status || g.Heading == "" || !strings.Contains(want.Text.En, g.Body) || !slices.Equal(g.Ref.Answers, want.Because) {
			t.Errorf("regime %d = %s %+v, want %+v", i, it.ID, g, want)
		}
	}
	official := 0
	for i, it := range part(o, outline.PartSources) {
		if it.ID != res.Sources[i].ID {
			t.Errorf("source %d = %s, want %s", i, it.ID, res.Sources[i].ID)
		}
		if it.Official {
			official++
		}
	}
	if official == 0 || official == len(res.Sources) {
		t.Errorf("%d of %d sources official: the test proves less than it says", official, len(res.Sources))
	}
}

// TestNoStopBeforeASemicolon: what a route achieves joins the verdict, the
// authority and the conditions met by semicolons; an authority text that
// ends a sentence loses its full stop there, never at the end.
func TestNoStopBeforeASemicolon(t *testing.T) {
	rs, doc, res := assess(t, "meeting-app.json")
	if len(res.Routes) == 0 || len(res.Requirements) == 0 {
		t.Fatal("meeting-app.json has no route or no condition to build the case from")
	}
	for _, tt := range []struct {
		met  []string
		want string
	}{
		{[]string{res.Requirements[0].ID}, "is then uncertain; "},
		{nil, "is then uncertain."},
	} {
		r := *res
		rt := r.Routes[0]
		rt.Verdict = classify.VerdictLikely
		rt.Authority = &classify.Text{Zh: "发证机关不确定。", En: "The issuer is then uncertain."}
		rt.Met = tt.met
		r.Routes = []classify.RouteResult{rt}
		o := outline.Result(rs, doc, &r, outline.Options{Lang: "en"})
		var achieves string
		for _, s := range o.Sections {
			for _, it := range s.Items {
				for _, l := range it.Lines {
					if strings.HasPrefix(l.Text, present.NewWords(rs, "en").Label("achieves")) {
						achieves = l.Text
					}
				}
			}
		}
		if !strings.Contains(achieves, tt.want) || strings.Contains(achieves, ".;") {
			t.Errorf("met %v: what it achieves = %q, want it to hold %q and no \".;\"", tt.met, achieves, tt.want)
		}
	}
}
