package portfolio

import "github.com/bl-digital/kompass/strategy"

// Text and the other vocabulary types are the strategy package's.
type (
	Text = strategy.Text
	Date = strategy.Date
	ID   = strategy.ID
)

// Portfolio is the portfolio of measures that carries out a strategy, as of a date.
type Portfolio struct {
	// Schema is the URL or relative path of the JSON Schema, for editors.
	Schema string `json:"$schema,omitempty"`
	// ID identifies the portfolio.
	ID ID `json:"id"`
	// Title is the portfolio's name.
	Title Text `json:"title"`
	// Strategy is the id of the strategy whose goals the measures carry out.
	Strategy ID `json:"strategy"`
	// AsOf is the date the portfolio's figures describe.
	AsOf Date `json:"asOf"`
	// Currency is the currency of all amounts.
	Currency Currency `json:"currency"`
	// Organisations are the units that own measures.
	Organisations []Organisation `json:"organisations"`
	// Measures are the portfolio's measures.
	Measures []Measure `json:"measures"`
	// Extensions is free for users' own data.
	Extensions map[string]any `json:"extensions,omitempty"`
}

// Organisation is a unit that owns measures, such as a directorate.
type Organisation struct {
	// ID identifies the organisation (FKD, BKSD, ...).
	ID ID `json:"id"`
	// Name is the organisation's name.
	Name Text `json:"name"`
	// Extensions is free for users' own data.
	Extensions map[string]any `json:"extensions,omitempty"`
}

// Measure is a project or action that carries out one or more strategic goals.
type Measure struct {
	// ID identifies the measure.
	ID ID `json:"id"`
	// Title is the measure's name.
	Title Text `json:"title"`
	// Summary describes the measure in a few sentences.
	Summary Text `json:"summary,omitempty"`
	// Goals are the ids of the strategic goals the measure carries out.
	Goals []ID `json:"goals" jsonschema:"minItems=1"`
	// Owner is the id of the organisation responsible for the measure.
	Owner ID `json:"owner"`
	// Status is the measure's life-cycle status.
	Status Status `json:"status"`
	// Start is when the measure starts (the first day of the period given).
	Start Date `json:"start"`
	// End is when the measure ends (the last day of the period given); not before Start.
	End Date `json:"end"`
	// Progress is the share done, 0 to 100; required unless the status is planned (0) or completed (100).
	Progress *float64 `json:"progress,omitempty" jsonschema:"minimum=0,maximum=100"`
	// Weight is the measure's weight in its goals' progress; default 1.
	Weight *float64 `json:"weight,omitempty" jsonschema:"exclusiveMinimum=0"`
	// Fields are the fields of action the measure works in.
	Fields []Field `json:"fields,omitempty"`
	// Beneficiaries are the groups the measure serves.
	Beneficiaries []strategy.Beneficiary `json:"beneficiaries,omitempty"`
	// Before is how things were before the measure ("Bisher").
	Before Text `json:"before,omitempty"`
	// After is how things are with the measure ("In Zukunft").
	After Text `json:"after,omitempty"`
	// Budget is the measure's planned and spent money.
	Budget *Budget `json:"budget,omitempty"`
	// Purpose is what the investment is for (interpellation 2024/188, a-d).
	Purpose Purpose `json:"purpose,omitempty"`
	// Savings is the working time the measure saves.
	Savings *Savings `json:"savings,omitempty"`
	// Indicators measure the measure's effect.
	Indicators []Indicator `json:"indicators,omitempty"`
	// Milestones are the measure's milestones.
	Milestones []Milestone `json:"milestones,omitempty"`
	// DependsOn are the ids of measures this measure depends on.
	DependsOn []ID `json:"dependsOn,omitempty"`
	// Links point to more information.
	Links []Link `json:"links,omitempty"`
	// Updated is when the measure's figures were last brought up to date.
	Updated Date `json:"updated,omitzero"`
	// SelfAssessment is the owner's own rating of the schedule.
	SelfAssessment *SelfAssessment `json:"selfAssessment,omitempty"`
	// Extensions is free for users' own data.
	Extensions map[string]any `json:"extensions,omitempty"`
}

// Budget is a measure's money in the portfolio's currency.
type Budget struct {
	// Planned is the planned amount.
	Planned float64 `json:"planned" jsonschema:"minimum=0"`
	// Spent is the amount spent so far.
	Spent float64 `json:"spent" jsonschema:"minimum=0"`
}

// Savings is working time a measure saves: people times minutes per day.
type Savings struct {
	// People is how many people save time.
	People int `json:"people" jsonschema:"minimum=0"`
	// MinutesPerDay is how many minutes each of them saves per working day.
	MinutesPerDay float64 `json:"minutesPerDay" jsonschema:"minimum=0"`
}

// Indicator is a key performance indicator of a measure.
type Indicator struct {
	// ID identifies the indicator within its measure.
	ID ID `json:"id"`
	// Title is the indicator's name.
	Title Text `json:"title"`
	// Unit is the unit of the values, such as "%" or "cases".
	Unit string `json:"unit"`
	// Baseline is the value at the start.
	Baseline Observation `json:"baseline"`
	// Target is the value aimed at; it differs from Baseline.
	Target Observation `json:"target"`
	// Actuals are the values measured so far.
	Actuals []Observation `json:"actuals,omitempty"`
	// Extensions is free for users' own data.
	Extensions map[string]any `json:"extensions,omitempty"`
}

// Observation is a value at a date.
type Observation struct {
	// Value is the value.
	Value float64 `json:"value"`
	// Date is when the value holds.
	Date Date `json:"date"`
}

// Milestone is a dated step of a measure.
type Milestone struct {
	// Title names the milestone.
	Title Text `json:"title"`
	// Due is when the milestone is due.
	Due Date `json:"due"`
	// Done tells whether the milestone is reached.
	Done bool `json:"done"`
}

// Link points to more information about a measure.
type Link struct {
	// Title is the link's text.
	Title Text `json:"title"`
	// URL is an https URL with a host (https://www.bl.ch/...) or a mailto:
	// address (mailto:digital@bl.ch).
	URL string `json:"url" jsonschema:"format=uri,pattern=^(https://[^/?#@:\\s]+|mailto:[^@\\s]+@[^@\\s]+)"`
}

// SelfAssessment is the owner's own rating of a measure's schedule.
type SelfAssessment struct {
	// Status is the owner's rating.
	Status Rating `json:"status"`
	// Date is when the owner rated the measure.
	Date Date `json:"date"`
	// Comment explains the rating.
	Comment Text `json:"comment,omitempty"`
}

// Measure returns the measure with id, or false.
func (p *Portfolio) Measure(id ID) (*Measure, bool) {
	for i := range p.Measures {
		if p.Measures[i].ID == id {
			return &p.Measures[i], true
		}
	}
	return nil, false
}

// Organisation returns the organisation with id, or false.
func (p *Portfolio) Organisation(id ID) (*Organisation, bool) {
	for i := range p.Organisations {
		if p.Organisations[i].ID == id {
			return &p.Organisations[i], true
		}
	}
	return nil, false
}

// EffectiveProgress is the measure's progress as the controlling rules read it:
// 0 when planned, 100 when completed, else Progress (0 when missing).
func (m *Measure) EffectiveProgress() float64 {
	switch m.Status {
	case Planned:
		return 0
	case Completed:
		return 100
	}
	if m.Progress == nil {
		return 0
	}
	return *m.Progress
}

// EffectiveWeight is Weight, or 1 when it is not given.
func (m *Measure) EffectiveWeight() float64 {
	if m.Weight == nil {
		return 1
	}
	return *m.Weight
}
