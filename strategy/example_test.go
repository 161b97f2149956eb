package strategy_test

import (
	"fmt"

	"github.com/bl-digital/kompass/strategy"
)

func ExampleText_In() {
	title := strategy.Text{"de": "Dienstleistungen", "fr": "Prestations"}
	fmt.Println(title.In("fr"))
	fmt.Println(title.In("en")) // falls back to German
	// Output:
	// Prestations
	// Dienstleistungen
}

func ExampleParseDate() {
	for _, s := range []string{"2026", "2026-02", "2026-02-14"} {
		d, _ := strategy.ParseDate(s)
		fmt.Println(s, "->", d.First().Format("2006-01-02"), "to", d.Last().Format("2006-01-02"))
	}
	_, err := strategy.ParseDate("2026-02-30")
	fmt.Println(err)
	// Output:
	// 2026 -> 2026-01-01 to 2026-12-31
	// 2026-02 -> 2026-02-01 to 2026-02-28
	// 2026-02-14 -> 2026-02-14 to 2026-02-14
	// invalid date "2026-02-30": February 2026 has no day 30
}

func ExampleStrategy_Validate() {
	s := &strategy.Strategy{
		ID:     "s",
		Period: strategy.Period{Start: 2023, End: 2032},
		FocusAreas: []strategy.FocusArea{
			{ID: "DL", Goals: []strategy.Goal{{ID: "DL1"}}},
			{ID: "DM", Goals: []strategy.Goal{{ID: "DL1"}}},
		},
	}
	for _, p := range s.Validate() {
		fmt.Println(p)
	}
	// Output:
	// /focusAreas/1/goals/0/id: duplicate goal id "DL1" (first at /focusAreas/0/goals/0/id)
}
