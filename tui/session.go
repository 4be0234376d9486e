package tui

import (
	"b22/classify"
	"b22/classify/answers"
)

// Session is an interview in progress: the product, the answers, and which
// questions were answered. "Not sure" is an answer (Answered, value not
// Known), saved as an explicit null; a question never answered is left out
// of the saved document, so that a resumed interview asks it and only it.
//
// Answers that stop being relevant (their question is no longer asked) are
// kept: they are facts the user gave, and the engine ignores questions it
// does not ask.
type Session struct {
	rs       *classify.RuleSet
	Product  classify.Product
	Values   classify.Answers
	Answered []bool
}

// NewSession is an empty interview.
func NewSession(rs *classify.RuleSet) *Session {
	return &Session{rs: rs, Values: make(classify.Answers, len(rs.Questions())), Answered: make([]bool, len(rs.Questions()))}
}

// ParseSession reads an answers document (JSON or YAML) to resume it. Keys
// present in "answers", null ("not sure") included, count as answered. Problems with the
// document come back as classify.Problems.
func ParseSession(rs *classify.RuleSet, name string, data []byte) (*Session, error) {
	doc, err := answers.New(rs).Parse(name, data, answers.FormatAuto)
	if err != nil {
		return nil, err
	}
	s := NewSession(rs)
	s.Product = doc.Product
	copy(s.Values, doc.Answers)
	for i, v := range s.Values {
		s.Answered[i] = v.Known || (doc.Unsure != nil && doc.Unsure[i])
	}
	return s, nil
}

// Clone is an independent copy.
func (s *Session) Clone() *Session {
	c := &Session{rs: s.rs, Product: s.Product}
	c.Values = append(classify.Answers(nil), s.Values...)
	c.Answered = append([]bool(nil), s.Answered...)
	return c
}

// Document is the answers as the engine takes them.
func (s *Session) Document() *classify.Document {
	return &classify.Document{Product: s.Product, Answers: s.Values}
}

// Set records an answer; a Value that is not Known means "not sure".
func (s *Session) Set(i int, v classify.Value) {
	if !v.Known {
		v = classify.Value{}
	}
	s.Values[i] = v
	s.Answered[i] = true
}

// Empty reports whether nothing was answered and no product given.
func (s *Session) Empty() bool {
	for _, a := range s.Answered {
		if a {
			return false
		}
	}
	return s.Product == (classify.Product{})
}

// Asked reports whether question i is asked on the current path.
func (s *Session) Asked(i int) bool { return s.rs.Asked(i, s.Values) }

// Missing reports whether question i is asked and not answered yet.
func (s *Session) Missing(i int) bool { return !s.Answered[i] && s.Asked(i) }

// NextMissing is the first question after from that is asked and not yet
// answered, or -1; NextMissing(-1) is the first missing anywhere.
func (s *Session) NextMissing(from int) int {
	for i := max(from+1, 0); i < len(s.rs.Questions()); i++ {
		if s.Missing(i) {
			return i
		}
	}
	return -1
}

// NextAsked is the next question after from that is asked, or -1.
func (s *Session) NextAsked(from int) int {
	for i := from + 1; i < len(s.rs.Questions()); i++ {
		if s.Asked(i) {
			return i
		}
	}
	return -1
}

// PrevAsked is the last question before from that is asked, or -1.
func (s *Session) PrevAsked(from int) int {
	if from > len(s.rs.Questions()) {
		from = len(s.rs.Questions())
	}
	for i := from - 1; i >= 0; i-- {
		if s.Asked(i) {
			return i
		}
	}
	return -1
}

// Position is question i's place among the questions asked on the current
// path, and how many those are: "7 of about 15". A question not asked has
// place 0.
func (s *Session) Position(i int) (pos, total int) {
	for j := range s.rs.Questions() {
		if s.Asked(j) {
			total++
			if j <= i {
				pos = total
			}
		}
	}
	if i >= 0 && i < len(s.rs.Questions()) && !s.Asked(i) {
		pos = 0
	}
	return pos, total
}

// Progress counts the questions answered among those asked on the path.
func (s *Session) Progress() (answered, total int) {
	for j := range s.rs.Questions() {
		if s.Asked(j) {
			total++
			if s.Answered[j] {
				answered++
			}
		}
	}
	return answered, total
}

// Marshal is the answers document: questionnaire, product, and the answered
// keys in questionnaire order, "not sure" as null. It is always a complete,
// valid document, whatever was answered so far.
func (s *Session) Marshal() []byte {
	doc := s.Document()
	doc.Unsure = make([]bool, len(s.Values))
	for i, v := range s.Values {
		doc.Unsure[i] = s.Answered[i] && !v.Known
	}
	return answers.Marshal(s.rs, doc)
}
