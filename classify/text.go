package classify

// Text is a text in Chinese and English. Every text of the rule set has both;
// Load refuses one without.
type Text struct {
	Zh string `json:"zh"`
	En string `json:"en"`
}

// In returns the text in lang ("zh" or "en"; anything else gives English).
func (t Text) In(lang string) string {
	if lang == "zh" {
		return t.Zh
	}
	return t.En
}
