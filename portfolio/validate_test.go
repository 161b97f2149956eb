package portfolio_test

import (
	"testing"

	"github.com/bl-digital/kompass/diag"
	"github.com/bl-digital/kompass/portfolio"
	"github.com/bl-digital/kompass/strategy"
	"github.com/stretchr/testify/assert"
)

func testStrategy() *strategy.Strategy {
	return &strategy.Strategy{
		ID: "s1",
		FocusAreas: []strategy.FocusArea{
			{ID: "A", Goals: []strategy.Goal{{ID: "A1"}, {ID: "A2"}}},
			{ID: "B", Goals: []strategy.Goal{{ID: "B1"}}},
		},
	}
}

func pct(v float64) *float64 { return &v }

// validPortfolio has no problem; each case breaks one thing.
func validPortfolio() *portfolio.Portfolio {
	return &portfolio.Portfolio{
		ID: "p", Strategy: "s1", AsOf: strategy.MustParseDate("2026-06-30"), Currency: portfolio.CHF,
		Organisations: []portfolio.Organisation{{ID: "FKD"}, {ID: "BUD"}},
		Measures: []portfolio.Measure{
			{ID: "m1", Goals: []strategy.ID{"A1"}, Owner: "FKD", Status: portfolio.Active,
				Start: strategy.MustParseDate("2025"), End: strategy.MustParseDate("2027-06"), Progress: pct(40)},
			{ID: "m2", Goals: []strategy.ID{"A2", "B1"}, Owner: "BUD", Status: portfolio.Planned,
				Start: strategy.MustParseDate("2027-01-01"), End: strategy.MustParseDate("2027-01-01"), DependsOn: []strategy.ID{"m1"}},
			{ID: "m3", Goals: []strategy.ID{"B1"}, Owner: "BUD", Status: portfolio.Completed,
				Start: strategy.MustParseDate("2024"), End: strategy.MustParseDate("2024"),
				Indicators: []portfolio.Indicator{{ID: "i1", Baseline: portfolio.Observation{Value: 1}, Target: portfolio.Observation{Value: 2}}}},
		},
	}
}

func TestValidate(t *testing.T) {
	tests := []struct {
		name       string
		reason     string
		change     func(p *portfolio.Portfolio)
		noStrategy bool
		want       []diag.Problem // Pointer, Rule, Message
	}{
		{name: "valid", reason: "the base case must be clean, or every other case proves nothing",
			change: func(*portfolio.Portfolio) {}},
		{name: "strategy-mismatch", reason: "a portfolio checked against another strategy's goals gives wrong roll-ups",
			change: func(p *portfolio.Portfolio) { p.Strategy = "other" },
			want:   []diag.Problem{{Pointer: "/strategy", Rule: diag.RuleStrategyMismatch, Message: `portfolio is for strategy "other", but the strategy is "s1"`}}},
		{name: "strategy-mismatch-without-strategy", reason: "without a strategy, nothing can mismatch and goal references cannot be checked",
			noStrategy: true,
			change:     func(p *portfolio.Portfolio) { p.Strategy = "other"; p.Measures[0].Goals = []strategy.ID{"ZZ9"} }},
		{name: "duplicate-measure", reason: "two measures with one id make references ambiguous",
			change: func(p *portfolio.Portfolio) { p.Measures[2].ID = "m1" },
			want:   []diag.Problem{{Pointer: "/measures/2/id", Rule: diag.RuleDuplicateID, Message: `duplicate measure id "m1" (first at /measures/0/id)`}}},
		{name: "duplicate-organisation", reason: "organisation ids are unique within their kind",
			change: func(p *portfolio.Portfolio) {
				p.Organisations[1].ID = "FKD"
				p.Measures[1].Owner = "FKD"
				p.Measures[2].Owner = "FKD"
			},
			want: []diag.Problem{{Pointer: "/organisations/1/id", Rule: diag.RuleDuplicateID, Message: `duplicate organisation id "FKD" (first at /organisations/0/id)`}}},
		{name: "duplicate-indicator", reason: "indicator ids are unique within their measure",
			change: func(p *portfolio.Portfolio) {
				m := &p.Measures[2]
				m.Indicators = append(m.Indicators, m.Indicators[0])
			},
			want: []diag.Problem{{Pointer: "/measures/2/indicators/1/id", Rule: diag.RuleDuplicateID, Message: `duplicate indicator id "i1" (first at /measures/2/indicators/0/id)`}}},
		{name: "unknown-goal", reason: "a measure on a goal the strategy lacks cannot roll up",
			change: func(p *portfolio.Portfolio) { p.Measures[1].Goals[1] = "B9" },
			want:   []diag.Problem{{Pointer: "/measures/1/goals/1", Rule: diag.RuleUnknownGoal, Message: `goal "B9" is not a goal of strategy "s1"`}}},
		{name: "focus-area-is-not-a-goal", reason: "a focus area id is not a goal id",
			change: func(p *portfolio.Portfolio) { p.Measures[0].Goals[0] = "A" },
			want:   []diag.Problem{{Pointer: "/measures/0/goals/0", Rule: diag.RuleUnknownGoal, Message: `goal "A" is not a goal of strategy "s1"`}}},
		{name: "unknown-owner", reason: "every measure has a responsible organisation of the portfolio",
			change: func(p *portfolio.Portfolio) { p.Measures[0].Owner = "XYZ" },
			want:   []diag.Problem{{Pointer: "/measures/0/owner", Rule: diag.RuleUnknownOwner, Message: `owner "XYZ" is not one of the portfolio's organisations`}}},
		{name: "unknown-dependency", reason: "dependsOn names measures of the same portfolio",
			change: func(p *portfolio.Portfolio) { p.Measures[1].DependsOn = []strategy.ID{"m1", "gone"} },
			want:   []diag.Problem{{Pointer: "/measures/1/dependsOn/1", Rule: diag.RuleUnknownMeasure, Message: `dependsOn "gone" is not a measure of this portfolio`}}},
		{name: "self-dependency", reason: "a measure that depends on itself is the shortest cycle",
			change: func(p *portfolio.Portfolio) { p.Measures[0].DependsOn = []strategy.ID{"m1"} },
			want:   []diag.Problem{{Pointer: "/measures/0/dependsOn/0", Rule: diag.RuleDependencyCycle, Message: "dependsOn cycle: m1 -> m1"}}},
		{name: "cycle", reason: "a cycle is named with all its measures, starting at the first in the file",
			change: func(p *portfolio.Portfolio) {
				p.Measures[0].DependsOn = []strategy.ID{"m3"}
				p.Measures[2].DependsOn = []strategy.ID{"m2"}
			},
			want: []diag.Problem{{Pointer: "/measures/0/dependsOn/0", Rule: diag.RuleDependencyCycle, Message: "dependsOn cycle: m1 -> m3 -> m2 -> m1"}}},
		{name: "end-before-start", reason: "a measure cannot end before it starts",
			change: func(p *portfolio.Portfolio) { p.Measures[0].End = strategy.MustParseDate("2024-12-31") },
			want:   []diag.Problem{{Pointer: "/measures/0/end", Rule: diag.RuleEndBeforeStart, Message: "end 2024-12-31 is before start 2025"}}},
		{name: "end-in-start-year", reason: "an end of year precision means the year's last day, so it is not before a start in that year",
			change: func(p *portfolio.Portfolio) {
				p.Measures[0].Start = strategy.MustParseDate("2025-05-10")
				p.Measures[0].End = strategy.MustParseDate("2025")
			}},
		{name: "end-day-before-start-day", reason: "day precision compares days",
			change: func(p *portfolio.Portfolio) {
				p.Measures[0].Start = strategy.MustParseDate("2025-05-10")
				p.Measures[0].End = strategy.MustParseDate("2025-05-09")
			},
			want: []diag.Problem{{Pointer: "/measures/0/end", Rule: diag.RuleEndBeforeStart, Message: "end 2025-05-09 is before start 2025-05-10"}}},
		{name: "planned-with-progress", reason: "a planned measure has progress 0",
			change: func(p *portfolio.Portfolio) { p.Measures[1].Progress = pct(5) },
			want:   []diag.Problem{{Pointer: "/measures/1/progress", Rule: diag.RuleProgressStatus, Message: "status is planned, but progress is 5 (a planned measure has progress 0)"}}},
		{name: "planned-with-zero-progress", reason: "progress 0 agrees with planned",
			change: func(p *portfolio.Portfolio) { p.Measures[1].Progress = pct(0) }},
		{name: "completed-below-100", reason: "a completed measure has progress 100",
			change: func(p *portfolio.Portfolio) { p.Measures[2].Progress = pct(99.5) },
			want:   []diag.Problem{{Pointer: "/measures/2/progress", Rule: diag.RuleProgressStatus, Message: "status is completed, but progress is 99.5 (a completed measure has progress 100)"}}},
		{name: "completed-at-100", reason: "progress 100 agrees with completed",
			change: func(p *portfolio.Portfolio) { p.Measures[2].Progress = pct(100) }},
		{name: "active-without-progress", reason: "progress is required unless planned or completed",
			change: func(p *portfolio.Portfolio) { p.Measures[0].Progress = nil },
			want:   []diag.Problem{{Pointer: "/measures/0/status", Rule: diag.RuleProgressStatus, Message: "progress is required when status is active"}}},
		{name: "paused-without-progress", reason: "paused measures keep the progress they reached",
			change: func(p *portfolio.Portfolio) { p.Measures[0].Progress = nil; p.Measures[0].Status = portfolio.Paused },
			want:   []diag.Problem{{Pointer: "/measures/0/status", Rule: diag.RuleProgressStatus, Message: "progress is required when status is paused"}}},
		{name: "indicator-target-equals-baseline", reason: "achievement divides by target - baseline",
			change: func(p *portfolio.Portfolio) { p.Measures[2].Indicators[0].Target.Value = 1 },
			want:   []diag.Problem{{Pointer: "/measures/2/indicators/0/target/value", Rule: diag.RuleIndicatorTarget, Message: `indicator "i1": target 1 equals the baseline, so achievement cannot be measured`}}},
		{name: "all-problems", reason: "every problem is reported, not only the first, in document order",
			change: func(p *portfolio.Portfolio) {
				p.Measures[0].Owner = "X"
				p.Measures[1].Goals[0] = "Q1"
				p.Measures[2].Progress = pct(10)
			},
			want: []diag.Problem{
				{Pointer: "/measures/0/owner", Rule: diag.RuleUnknownOwner, Message: `owner "X" is not one of the portfolio's organisations`},
				{Pointer: "/measures/1/goals/0", Rule: diag.RuleUnknownGoal, Message: `goal "Q1" is not a goal of strategy "s1"`},
				{Pointer: "/measures/2/progress", Rule: diag.RuleProgressStatus, Message: "status is completed, but progress is 10 (a completed measure has progress 100)"},
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := validPortfolio()
			tt.change(p)
			s := testStrategy()
			if tt.noStrategy {
				s = nil
			}
			got := portfolio.Validate(p, s)
			assert.Equal(t, diag.List(tt.want), got, tt.reason)
		})
	}
}

func TestValidateNil(t *testing.T) {
	got := portfolio.Validate(nil, nil)
	assert.True(t, got.HasErrors(), "a nil portfolio is reported, not a panic")
}
