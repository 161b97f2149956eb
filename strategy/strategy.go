package strategy

// Strategy is a digital-transformation strategy: a vision, guiding maxims,
// and focus areas with their strategic goals.
type Strategy struct {
	// Schema is the URL or relative path of the JSON Schema, for editors.
	Schema string `json:"$schema,omitempty"`
	// ID identifies the strategy; portfolios name it in their "strategy".
	ID ID `json:"id"`
	// Title is the strategy's name.
	Title Text `json:"title"`
	// Issuer is who adopted the strategy.
	Issuer Text `json:"issuer"`
	// Adopted is when the strategy was adopted.
	Adopted Date `json:"adopted"`
	// Period is the span of years the strategy is valid for.
	Period Period `json:"period"`
	// Vision is the strategy's vision statement.
	Vision Text `json:"vision"`
	// Maxims are the guiding maxims (Handlungsmaximen).
	Maxims []Maxim `json:"maxims"`
	// FocusAreas are the thematic focus areas (thematische Schwerpunkte) with their goals.
	FocusAreas []FocusArea `json:"focusAreas" jsonschema:"minItems=1"`
	// Glossary explains terms and abbreviations.
	Glossary []GlossaryEntry `json:"glossary,omitempty"`
	// Extensions is free for users' own data.
	Extensions map[string]any `json:"extensions,omitempty"`
}

// Period is a span of whole years.
type Period struct {
	// Start is the first year.
	Start int `json:"start" jsonschema:"minimum=1900,maximum=2999"`
	// End is the last year; it is not before Start.
	End int `json:"end" jsonschema:"minimum=1900,maximum=2999"`
}

// Maxim is a guiding maxim (Handlungsmaxime).
type Maxim struct {
	// ID identifies the maxim.
	ID ID `json:"id"`
	// Title is the maxim's short name.
	Title Text `json:"title"`
	// Text is the maxim in full.
	Text Text `json:"text"`
	// Extensions is free for users' own data.
	Extensions map[string]any `json:"extensions,omitempty"`
}

// FocusArea is a thematic focus area (thematischer Schwerpunkt).
type FocusArea struct {
	// ID identifies the focus area (GK, KD, PM, DL, DM, DI).
	ID ID `json:"id"`
	// Title is the focus area's name.
	Title Text `json:"title"`
	// Motto is the focus area's lead sentence.
	Motto Text `json:"motto"`
	// Benefits are the benefits the focus area is expected to bring.
	Benefits []Text `json:"benefits"`
	// Goals are the focus area's strategic goals.
	Goals []Goal `json:"goals"`
	// Extensions is free for users' own data.
	Extensions map[string]any `json:"extensions,omitempty"`
}

// Goal is a strategic goal. Goal ids are unique across the whole strategy.
type Goal struct {
	// ID identifies the goal (GK1, KD4, DI2, ...).
	ID ID `json:"id"`
	// Title is the goal's short name.
	Title Text `json:"title"`
	// Text is the goal in full.
	Text Text `json:"text"`
	// Beneficiaries are the groups the goal serves.
	Beneficiaries []Beneficiary `json:"beneficiaries"`
	// Extensions is free for users' own data.
	Extensions map[string]any `json:"extensions,omitempty"`
}

// GlossaryEntry explains one term.
type GlossaryEntry struct {
	// Term is the term or abbreviation.
	Term Text `json:"term"`
	// Definition explains the term.
	Definition Text `json:"definition"`
}

// Goal returns the goal with id and its focus area, or false.
func (s *Strategy) Goal(id ID) (*Goal, *FocusArea, bool) {
	for i := range s.FocusAreas {
		fa := &s.FocusAreas[i]
		for j := range fa.Goals {
			if fa.Goals[j].ID == id {
				return &fa.Goals[j], fa, true
			}
		}
	}
	return nil, nil, false
}

// FocusArea returns the focus area with id, or false.
func (s *Strategy) FocusArea(id ID) (*FocusArea, bool) {
	for i := range s.FocusAreas {
		if s.FocusAreas[i].ID == id {
			return &s.FocusAreas[i], true
		}
	}
	return nil, false
}

// GoalCount is the number of goals in all focus areas.
func (s *Strategy) GoalCount() int {
	n := 0
	for _, fa := range s.FocusAreas {
		n += len(fa.Goals)
	}
	return n
}
