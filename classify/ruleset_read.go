package classify

import "slices"

// What a caller reads of a rule set. Scalars come back as copies. Lists
// come back as the rule set's own storage, clipped so that appending to
// one never writes into the rule set: results share that storage, and the
// encoder recognises a shared value by it (package storage), so a copy
// would cost every caller an allocation and every result its fast path.
// The elements are the rule set's: read them, never assign to them.

// ID is the rule set's id (questionnaire.yaml `id`), which answers
// documents name as their questionnaire.
func (rs *RuleSet) ID() string { return rs.id }

// Version is the rule set's version.
func (rs *RuleSet) Version() string { return rs.version }

// Effective is the day the rule set's version took effect.
func (rs *RuleSet) Effective() Date { return rs.effective }

// AppliesFrom is the first day the rule set can evaluate (see Covers).
func (rs *RuleSet) AppliesFrom() Date { return rs.appliesFrom }

// Title is the questionnaire's title.
func (rs *RuleSet) Title() Text { return rs.title }

// Category is the licence the rule set decides, as results name it: a
// catalogue code such as B22 (rules.yaml `licence.category`).
func (rs *RuleSet) Category() string { return rs.category }

// LicenceName is the name of the licence the rule set decides.
func (rs *RuleSet) LicenceName() Text { return rs.licenceName }

// Sections are the interview's sections, in order.
func (rs *RuleSet) Sections() []Section { return slices.Clip(rs.sections) }

// Questions are the questions, in questionnaire order; an Answers holds
// one value per question, in this order.
func (rs *RuleSet) Questions() []Question { return slices.Clip(rs.questions) }

// Sources are the documents the rules cite, in sources.yaml order.
func (rs *RuleSet) Sources() []Source { return slices.Clip(rs.sources) }

// Parameters are the thresholds and periods, with their values by date.
func (rs *RuleSet) Parameters() []Parameter { return slices.Clip(rs.parameters) }

// Gates are the rules that take a product out of the licence.
func (rs *RuleSet) Gates() []Rule { return slices.Clip(rs.gates) }

// Subcategories are the kinds of service the licence covers, in the
// catalogue's order.
func (rs *RuleSet) Subcategories() []Subcategory { return slices.Clip(rs.subcategories) }

// Scopes are the rules that decide which licence applies, first match
// first.
func (rs *RuleSet) Scopes() []ScopeRule { return slices.Clip(rs.scopes) }

// Requirements are the licence's conditions.
func (rs *RuleSet) Requirements() []Requirement { return slices.Clip(rs.requirements) }

// Regimes are the neighbouring regimes to check; each one's When includes
// the condition every regime shares.
func (rs *RuleSet) Regimes() []Rule { return slices.Clip(rs.regimes) }

// Notes are the rules that add a note to a result when they hold.
func (rs *RuleSet) Notes() []Rule { return slices.Clip(rs.notes) }

// Existing is the rule that decides whether a licence the company holds
// already covers the service; its condition names the questions that
// decide it.
func (rs *RuleSet) Existing() Rule { return rs.existing }

// Routes are the curated ways to compliance.
func (rs *RuleSet) Routes() []Route { return slices.Clip(rs.routes) }

// Texts are the texts results and memos show beside the rules. The
// struct is a copy; its maps and lists are the rule set's.
func (rs *RuleSet) Texts() Texts { return rs.texts }
