package cmd

import (
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"b22/internal/service"
)

// A flag owns its values: an enum flag is defined with its service.Enum,
// and from that one list it refuses any other value when it is set (exit
// 2, before any work, naming the flag, the value and the allowed values),
// writes {a|b} into its usage, and completes the values in the shell.
// (gh's cmdutil.StringEnumFlag works the same way.)

// enumValue is the value of an enum flag.
type enumValue[T ~string] struct {
	p    *T
	enum service.Enum
	typ  string
}

func (v *enumValue[T]) String() string { return string(*v.p) }

func (v *enumValue[T]) Set(s string) error {
	if err := v.enum.Check(s); err != nil {
		return err
	}
	*v.p = T(s)
	return nil
}

func (v *enumValue[T]) enumOf() service.Enum { return v.enum }

// Type names the value in help ("--format string"), as pflag's own
// string flags do.
func (v *enumValue[T]) Type() string { return v.typ }

// enumFlag defines the enum flag e.Option on fs, one of c's flag sets,
// into p, with def its default ("" for one the command works out). usage
// has {} where the values go ("output {} (default json)"); without it they
// follow a colon.
func enumFlag[T ~string](c *cobra.Command, fs *pflag.FlagSet, p *T, e service.Enum, def T, usage string) *enumValue[T] {
	*p = def
	v := &enumValue[T]{p: p, enum: e, typ: "string"}
	values := "{" + strings.Join(e.Values(), "|") + "}"
	if strings.Contains(usage, "{}") {
		usage = strings.Replace(usage, "{}", values, 1)
	} else {
		usage += ": " + values
	}
	fs.Var(v, string(e.Option), usage)
	completeFlag(c, string(e.Option), completeChoices(e.Choices))
	return v
}

// completeChoices completes an enum's values, those that start with what
// was typed, each with its description where it has one.
func completeChoices(cs []service.Choice) cobra.CompletionFunc {
	var vs []cobra.Completion
	for _, ch := range cs {
		if ch.Desc == "" {
			vs = append(vs, ch.Value)
		} else {
			vs = append(vs, cobra.CompletionWithDesc(ch.Value, ch.Desc))
		}
	}
	return values(vs...)
}

// completeFlag registers how flag name of c completes. It fails only for
// a flag that does not exist or completes twice, a mistake in the code
// that any test building the command tree finds.
func completeFlag(c *cobra.Command, name string, f cobra.CompletionFunc) {
	if err := c.RegisterFlagCompletionFunc(name, f); err != nil {
		panic(fmt.Sprintf("%s --%s: %v", c.CommandPath(), name, err))
	}
}

// flagError words a flag that could not be parsed as a usage error: a
// value an enum refuses in its own words ("--format "pdf": allowed: md,
// html, docx"), anything else as pflag says it, with the flag meant for
// an unknown one and where to look.
func flagError(c *cobra.Command, err error) error {
	var k service.Kinded
	if errors.As(err, &k) {
		return k
	}
	return usageErrorf("%v%s (see '%s --help')", err, flagHint(c, err), c.CommandPath())
}

// The formats of the commands whose output is JSON for programs or text
// for people, the default first: JSON where a result goes on to a
// program, text where people read a report.
var (
	jsonOrText = service.NewEnum(service.OptFormat, "json", "text")
	textOrJSON = service.NewEnum(service.OptFormat, "text", "json")
)
