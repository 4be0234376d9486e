package cmd

import (
	"strings"

	"b22/classify"
	"b22/internal/present"
	"b22/questionnaires"

	"github.com/spf13/cobra"
)

// rootHelp is the root command's long help, a paragraph a line, with the
// rule set's own names filled in ({…} are present.Words.Fill's names):
// the licence, its code and how many sub-categories it has are the rule
// set's facts, not the program's, so that with --rules the help names
// that rule set's licence.
var rootHelp = []string{
	"b22 tells whether a product needs the licence for {licence_name} ({licence_name_zh}, catalogue code {licence}), under which of its {subcategory_count} sub-categories, with the reasons and legal basis for each, the licence scope and issuing authority, the licence conditions met or missed, the open questions, and neighbouring regimes to check.",
	"On a terminal, plain 'b22' starts the interview. Scripts use 'b22 classify'. This is a first assessment, not legal advice.",
}

// rootLong is the long help for rs, wrapped to 79 columns.
func rootLong(rs *classify.RuleSet) string {
	en, zh := present.NewWords(rs, "en"), present.NewWords(rs, "zh")
	fill := func(p string) string {
		return en.Fill(strings.ReplaceAll(p, "{licence_name_zh}", zh.Fill("{licence_name}")))
	}
	return wrapParagraphs(rootHelp, fill)
}

// wrapParagraphs fills each paragraph and wraps it to 79 columns.
func wrapParagraphs(paras []string, fill func(string) string) string {
	out := make([]string, len(paras))
	for i, p := range paras {
		out[i] = strings.Join(present.Wrap{Width: 79}.Lines(fill(p)), "\n")
	}
	return strings.Join(out, "\n\n")
}

// embeddedLong is the long help for the rule set b22 ships with, for the
// command reference.
func embeddedLong() string {
	rs, err := classify.Load(questionnaires.Shipped())
	if err != nil {
		panic(err) // the embedded rule set is checked by every test
	}
	return rootLong(rs)
}

// nameHelpFromRules fills the root help from the rule set in use (--rules,
// or the embedded one) when help is shown, so that no other command pays
// for loading it; a rule set that does not load leaves its error to the
// command that needs it, and the help names no licence.
func nameHelpFromRules(root *cobra.Command, a *app) {
	help := root.HelpFunc()
	root.SetHelpFunc(func(c *cobra.Command, args []string) {
		if c == root && root.Long == "" {
			if rs, err := a.ruleSet(); err == nil {
				root.Long = rootLong(rs)
			} else {
				root.Long = wrapParagraphs(rootHelp[1:], func(p string) string { return p })
			}
		}
		help(c, args)
	})
}
