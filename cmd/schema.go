package cmd

import (
	"strings"

	"github.com/spf13/cobra"

	"b22/internal/service"
)

type schemaOptions struct{ Kind string }

func newSchemaCmd(a *app) *cobra.Command {
	opts := &schemaOptions{}
	return &cobra.Command{
		Use:   "schema answers|result",
		Short: "Print the JSON Schema (draft 2020-12) of the answers document or the result",
		Long: `schema prints a JSON Schema (draft 2020-12) for the rule set (the embedded
one, or --rules DIR):

  answers  the answers document: every answer key with its type, allowed
           values and range; null for not known
  result   the result of 'b22 classify': every field, with the ids the rule
           set gives (sub-categories, conditions, regimes, sources)

Editors and validators check documents against it; 'b22 validate' checks
more (the questions that apply, "did you mean" hints).`,
		Example:           "  b22 schema answers > answers.schema.json",
		Args:              oneOf("takes one argument, "+strings.Join(service.SchemaKind.Values(), " or "), service.SchemaKind.Values),
		ValidArgsFunction: choiceArg(service.SchemaKind),
		RunE: func(c *cobra.Command, args []string) error {
			opts.Kind = args[0]
			svc, err := a.service()
			if err != nil {
				return err
			}
			data, err := svc.Schema(opts.Kind)
			if err != nil {
				return err
			}
			_, err = a.s.Out.Write(data)
			return err
		},
	}
}
