package cmd

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"

	"b22/classify"
	"b22/internal/service"
)

// version is the tool's version as a release stamps it:
// -ldflags "-X b22/cmd.version=v1.2.3" (the Makefile's release target
// takes it from 'git describe'). Unstamped builds take theirs from the
// build information the go command records (buildVersion).
var version = ""

type versionOptions struct{ Format string }

// versionInfo is 'b22 version --format json'. tool is the version, named
// as it was before the build details joined it.
type versionInfo struct {
	Tool string `json:"tool"`
	// Revision is the commit the binary was built from, when built in a
	// git checkout; Modified says the checkout had uncommitted changes.
	Revision string `json:"revision"`
	Modified bool   `json:"modified"`
	Go       string `json:"go"`
	Rules    struct {
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
		Long: `version prints the tool's version, the commit it was built from and the Go
version, and the rule set's id, version, effective date and the earliest date
it applies to. 'b22 --version' prints the same.`,
		Args: takes(0, 0, takesNothing),
		RunE: func(c *cobra.Command, args []string) error {
			return runVersion(a, opts)
		},
	}
	c.ValidArgsFunction = cobra.NoFileCompletions
	enumFlag(c, c.Flags(), &opts.Format, textOrJSON, "text", "output")
	return c
}

func runVersion(a *app, o *versionOptions) error {
	rs, err := a.ruleSet()
	if err != nil {
		return err
	}
	v := versionOf(rs)
	if o.Format == "json" {
		return service.WriteJSON(a.s.Out, v, true)
	}
	var build []string
	if v.Revision != "" {
		r := "revision " + shortRevision(v.Revision)
		if v.Modified {
			r += ", modified"
		}
		build = append(build, r)
	}
	build = append(build, v.Go)
	_, err = fmt.Fprintf(a.s.Out, "b22 %s (%s)\nrules %s %s, effective %s, for dates from %s\n",
		v.Tool, strings.Join(build, "; "), v.Rules.ID, v.Rules.Version, v.Rules.Effective, v.Rules.AppliesFrom)
	return err
}

// versionOf is what 'b22 version' and serve's /health report: the tool's
// build and the rule set it answers with.
func versionOf(rs *classify.RuleSet) versionInfo {
	bi, _ := debug.ReadBuildInfo()
	v := buildVersion(version, bi)
	v.Rules.ID, v.Rules.Version = rs.ID(), rs.Version()
	v.Rules.Effective, v.Rules.AppliesFrom = rs.Effective().String(), rs.AppliesFrom().String()
	return v
}

// buildVersion is the tool's part of versionInfo: the stamped version if
// there is one, else the main module's version as the go command recorded
// it (a tag, or a pseudo-version from the commit with +dirty for
// uncommitted changes), else "devel"; and the commit and Go version from
// the build information.
func buildVersion(stamped string, bi *debug.BuildInfo) versionInfo {
	v := versionInfo{Tool: stamped, Go: runtime.Version()}
	if bi == nil {
		if v.Tool == "" {
			v.Tool = "devel"
		}
		return v
	}
	if bi.GoVersion != "" {
		v.Go = bi.GoVersion
	}
	if v.Tool == "" && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		v.Tool = bi.Main.Version
	}
	if v.Tool == "" {
		v.Tool = "devel"
	}
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			v.Revision = s.Value
		case "vcs.modified":
			v.Modified = s.Value == "true"
		}
	}
	return v
}

// shortRevision is the first 12 characters of a commit hash, as in Go's
// pseudo-versions.
func shortRevision(r string) string {
	if len(r) > 12 {
		return r[:12]
	}
	return r
}
