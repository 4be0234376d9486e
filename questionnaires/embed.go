// Package questionnaires holds the rule data b22 ships with: the questions,
// rules, parameters with their effective dates, texts in Chinese and English,
// and the sources they cite. It is embedded in the binary, so b22 needs no
// file beside it.
package questionnaires

import (
	"embed"
	"io/fs"
)

// The scenario tables under b22/tests are test data and stay out of the binary.
//
//go:embed b22/*.yaml b22/examples
var files embed.FS

// Shipped is the rule set folder b22 ships with and loads when no --rules
// folder is given (b22/ here): which licence it decides is its data's to
// say, not this package's.
func Shipped() fs.FS {
	sub, err := fs.Sub(files, "b22")
	if err != nil {
		panic(err) // the folder is embedded above; this cannot fail
	}
	return sub
}
