// Package report renders classification results and the questionnaire for
// people: the text format of 'b22 classify', which is a result's outline
// (internal/outline) printed as text, and the questionnaire listing. It
// presents what classify decided and never decides anything itself.
package report
