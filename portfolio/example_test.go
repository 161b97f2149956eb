package portfolio_test

import (
	"fmt"

	"github.com/bl-digital/kompass/portfolio"
	"github.com/bl-digital/kompass/strategy"
)

func ExampleValidate() {
	s := &strategy.Strategy{ID: "bl-dt-2026", FocusAreas: []strategy.FocusArea{
		{ID: "DL", Goals: []strategy.Goal{{ID: "DL1"}}},
	}}
	progress := 30.0
	p := &portfolio.Portfolio{
		ID: "p", Strategy: "bl-dt-2026",
		Organisations: []portfolio.Organisation{{ID: "FKD"}},
		Measures: []portfolio.Measure{{
			ID: "BL-KONTO", Goals: []strategy.ID{"DL1", "DL9"}, Owner: "FKD",
			Status: portfolio.Planned, Progress: &progress,
			Start: strategy.MustParseDate("2025"), End: strategy.MustParseDate("2024"),
		}},
	}
	for _, problem := range portfolio.Validate(p, s) {
		fmt.Println(problem)
	}
	// Output:
	// /measures/0/goals/1: goal "DL9" is not a goal of strategy "bl-dt-2026"
	// /measures/0/end: end 2024 is before start 2025
	// /measures/0/progress: status is planned, but progress is 30 (a planned measure has progress 0)
}

func ExampleMeasure_EffectiveProgress() {
	for _, m := range []portfolio.Measure{
		{Status: portfolio.Planned},
		{Status: portfolio.Completed},
		{Status: portfolio.Active, Progress: new(45.0)},
	} {
		fmt.Println(m.Status, m.EffectiveProgress())
	}
	// Output:
	// planned 0
	// completed 100
	// active 45
}
