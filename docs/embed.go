// Package docs holds b22's documents for people, and embeds the one the
// binary serves: the OpenAPI description of 'b22 serve'.
package docs

import _ "embed"

// OpenAPI is openapi.yaml, the description of 'b22 serve' (OpenAPI 3.1).
//
//go:embed openapi.yaml
var OpenAPI []byte
