package examples_test

import (
	"fmt"

	"github.com/bl-digital/kompass/controlling"
	"github.com/bl-digital/kompass/examples"
	"github.com/bl-digital/kompass/portfolio"
	"github.com/bl-digital/kompass/strategy"
)

// The embedded data is what `kompass report` and the widget show without files.
func Example() {
	s, err := strategy.DecodeBytes(examples.StrategyJSON)
	if err != nil {
		panic(err)
	}
	p, err := portfolio.DecodeBytes(examples.PortfolioJSON)
	if err != nil {
		panic(err)
	}
	r, err := controlling.Compute(s, p, controlling.Options{})
	if err != nil {
		panic(err)
	}
	fmt.Println(s.Title.In("de"), s.Period.Start, "-", s.Period.End)
	fmt.Println(len(s.FocusAreas), "focus areas,", s.GoalCount(), "goals,", len(p.Measures), "measures")
	fmt.Printf("goals covered: %d of %d; uncovered: %v\n", r.Strategy.Coverage.Covered, r.Strategy.Coverage.Total, r.Uncovered)
	// Output:
	// Strategie digitale Transformation 2023 - 2032
	// 6 focus areas, 20 goals, 50 measures
	// goals covered: 16 of 20; uncovered: [KD4 PM3 DL2 DI4]
}
