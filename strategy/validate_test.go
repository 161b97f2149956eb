package strategy_test

import (
	"testing"

	"github.com/bl-digital/kompass/diag"
	"github.com/bl-digital/kompass/strategy"
	"github.com/stretchr/testify/assert"
)

func TestValidate(t *testing.T) {
	base := func() *strategy.Strategy {
		return &strategy.Strategy{
			ID: "s", Period: strategy.Period{Start: 2023, End: 2032},
			Maxims: []strategy.Maxim{{ID: "M1"}, {ID: "M2"}},
			FocusAreas: []strategy.FocusArea{
				{ID: "A", Goals: []strategy.Goal{{ID: "A1"}, {ID: "A2"}}},
				{ID: "B", Goals: []strategy.Goal{{ID: "B1"}}},
			},
		}
	}
	tests := []struct {
		name, reason string
		change       func(*strategy.Strategy)
		want         diag.List
	}{
		{"valid", "the base case is clean", func(*strategy.Strategy) {}, nil},
		{"period", "a period cannot end before it starts", func(s *strategy.Strategy) { s.Period.End = 2022 },
			diag.List{{Pointer: "/period/end", Rule: diag.RuleEndBeforeStart, Message: "period end 2022 is before its start 2023"}}},
		{"one-year-period", "start = end is a one-year period", func(s *strategy.Strategy) { s.Period.End = 2023 }, nil},
		{"duplicate-maxim", "maxim ids are unique", func(s *strategy.Strategy) { s.Maxims[1].ID = "M1" },
			diag.List{{Pointer: "/maxims/1/id", Rule: diag.RuleDuplicateID, Message: `duplicate maxim id "M1" (first at /maxims/0/id)`}}},
		{"duplicate-area", "focus area ids are unique", func(s *strategy.Strategy) { s.FocusAreas[1].ID = "A" },
			diag.List{{Pointer: "/focusAreas/1/id", Rule: diag.RuleDuplicateID, Message: `duplicate focus area id "A" (first at /focusAreas/0/id)`}}},
		{"duplicate-goal-across-areas", "goal ids are unique across the whole strategy, not only in their area",
			func(s *strategy.Strategy) { s.FocusAreas[1].Goals[0].ID = "A2" },
			diag.List{{Pointer: "/focusAreas/1/goals/0/id", Rule: diag.RuleDuplicateID, Message: `duplicate goal id "A2" (first at /focusAreas/0/goals/1/id)`}}},
		{"kinds-apart", "a maxim and a focus area may share an id: uniqueness is within a kind",
			func(s *strategy.Strategy) { s.Maxims[0].ID = "A" }, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := base()
			tt.change(s)
			assert.Equal(t, tt.want, s.Validate(), tt.reason)
		})
	}
}
