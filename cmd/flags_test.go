package cmd

import (
	"slices"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"b22/internal/service"
)

// enumFlags are the flags whose values are a fixed list: each must be an
// enum flag, so that its values are written once, not again in a check,
// a usage text and a completion table of its own.
var enumFlags = []string{"format", "lang", "status", "color"}

// Every enum flag refuses a value not in its list when it is set, in one
// wording, writes its values into its usage in the list's order, and
// completes exactly them.
func TestEnumFlagsOwnTheirValues(t *testing.T) {
	root := CommandTree()
	seen := 0
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		check := func(f *pflag.Flag) {
			if !slices.Contains(enumFlags, f.Name) {
				return
			}
			v, ok := f.Value.(interface{ enumOf() service.Enum })
			if !ok {
				t.Errorf("%s --%s is not an enum flag: its values are checked by hand", c.CommandPath(), f.Name)
				return
			}
			seen++
			e := v.enumOf()
			values := e.Values()
			if want := "{" + strings.Join(values, "|") + "}"; !strings.Contains(f.Usage, want) {
				t.Errorf("%s --%s: usage %q lacks %s", c.CommandPath(), f.Name, f.Usage, want)
			}
			err := flagError(c, f.Value.Set("bogus"))
			if want := `--` + f.Name + ` "bogus": allowed: ` + strings.Join(values, ", "); err == nil || !strings.HasPrefix(err.Error(), want) || exitCode(err) != exitInvalid {
				t.Errorf("%s --%s bogus: %v (exit %d), want %q… and exit 2", c.CommandPath(), f.Name, err, exitCode(err), want)
			}
			complete, ok := c.GetFlagCompletionFunc(f.Name)
			if !ok {
				t.Errorf("%s --%s does not complete", c.CommandPath(), f.Name)
				return
			}
			got, _ := complete(c, nil, "")
			for i := range got {
				got[i], _, _ = strings.Cut(got[i], "\t")
			}
			if !slices.Equal(got, values) {
				t.Errorf("%s --%s completes %v, want %v", c.CommandPath(), f.Name, got, values)
			}
		}
		c.LocalFlags().VisitAll(check)
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
	if seen < 10 {
		t.Errorf("found %d enum flags; the walk is wrong", seen)
	}
}
