package cmd

import (
	"fmt"

	"github.com/spf13/cobra"
)

// version is the tool's version; release builds set it with
// -ldflags "-X b22/cmd.version=1.2.3".
var version = "0.1.0-dev"

type versionOptions struct{ Format string }

type versionInfo struct {
	Tool  string `json:"tool"`
	Rules struct {
		ID          string `json:"id"`
		Version     string `json:"version"`
		Effective   string `json:"effective"`
		AppliesFrom string `json:"applies_from"`
	} `json:"rules"`
}

func newVersionCmd(a *app) *cobra.Command {
	opts := &versionOptions{}
	c := &cobra.Command{
		Use:   "version",
		Short: "Print the tool's version and the rule set's version and effective date",
		Args:  usageArgs(cobra.NoArgs),
		RunE: func(c *cobra.Command, args []string) error {
			if opts.Format != "text" && opts.Format != "json" {
				return usageErrorf("--format %q: allowed: text, json", opts.Format)
			}
			rs, err := a.ruleSet()
			if err != nil {
				return err
			}
			var v versionInfo
			v.Tool = version
			v.Rules.ID, v.Rules.Version = rs.ID, rs.Version
			v.Rules.Effective, v.Rules.AppliesFrom = rs.Effective.String(), rs.AppliesFrom.String()
			if opts.Format == "json" {
				return writeJSON(a.s.Out, v, true)
			}
			_, err = fmt.Fprintf(a.s.Out, "b22 %s\nrules %s %s, effective %s, for dates from %s\n",
				v.Tool, v.Rules.ID, v.Rules.Version, v.Rules.Effective, v.Rules.AppliesFrom)
			return err
		},
	}
	c.Flags().StringVar(&opts.Format, "format", "text", "output `text` or json")
	return c
}
