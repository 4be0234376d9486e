package present_test

import (
	"slices"
	"testing"

	"b22/classify"
	"b22/internal/present"
	"b22/questionnaires"
)

// TestCitationsNameEachSourceOnce: two places in one source follow its
// name once, in each language; other sources keep their order.
func TestCitationsNameEachSourceOnce(t *testing.T) {
	rs, err := classify.Load(questionnaires.Shipped())
	if err != nil {
		t.Fatal(err)
	}
	cite := func(s string) classify.CitationRef {
		c, err := classify.ParseCitation(s)
		if err != nil {
			t.Fatal(err)
		}
		return rs.Cite(c)
	}
	cites := []classify.CitationRef{cite("icp-292 art. 3"), cite("catalogue-2015 entry B25"), cite("icp-292 art. 4"),
		cite("telecom-regulations art. 10 item 1"), cite("telecom-regulations not verified")}
	for lang, want := range map[string][]string{
		"zh": {"《互联网信息服务管理办法》第三条、第四条", "《电信业务分类目录（2015年版）》B25项", "《电信条例》第十条第（一）项、另一条款（未核实）"},
		"en": {"ICP Measures (Order 292), art. 3, art. 4", "Telecom Services Catalogue (2015), entry B25", "Telecommunications Regulations, art. 10(i), another article (not verified)"},
	} {
		if got := present.NewWords(rs, lang).Citations(cites); !slices.Equal(got, want) {
			t.Errorf("%s: Citations = %q, want %q", lang, got, want)
		}
	}
}
