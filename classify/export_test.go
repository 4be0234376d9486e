package classify

// LeversOnly is the search for levers without the evaluation and routes
// that Evaluate adds around it: what BenchmarkLevers times.
func (rs *RuleSet) LeversOnly(doc *Document, asOf Date) ([]Lever, error) {
	return rs.levers(doc, asOf)
}
