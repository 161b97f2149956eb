package schema_test

import (
	"fmt"

	"github.com/bl-digital/kompass/examples"
	"github.com/bl-digital/kompass/schema"
)

func ExampleValidatePortfolio() {
	s, _ := schema.ValidateStrategy(examples.StrategyJSON)
	data := []byte(`{
  "id": "demo", "title": {"de": "Demo"}, "strategy": "bl-dt-2026",
  "asOf": "2026-06-30", "currency": "CHF",
  "organisations": [{"id": "FKD", "name": {"de": "Finanz- und Kirchendirektion"}}],
  "measures": [
    {"id": "M1", "title": {"de": "Eins"}, "goals": ["GK1"], "owner": "FKD",
     "status": "done", "start": "2025", "end": "2026"},
    {"id": "M2", "title": {"de": "Zwei"}, "goals": ["XX9"], "owner": "BUD",
     "status": "active", "start": "2026", "end": "2025", "progress": 30}
  ]
}`)
	_, problems := schema.ValidatePortfolio(data, s)
	problems.SetFile("demo.json")
	for _, p := range problems {
		fmt.Printf("%s [%s]\n", p, p.Rule)
	}
	// Output:
	// demo.json:7:6: /measures/0/status: "done" is not one of the allowed values: planned, active, paused, completed, cancelled [schema]
	// demo.json:8:53: /measures/1/goals/0: goal "XX9" is not a goal of strategy "bl-dt-2026" [unknown-goal]
	// demo.json:8:61: /measures/1/owner: owner "BUD" is not one of the portfolio's organisations [unknown-owner]
	// demo.json:9:43: /measures/1/end: end 2025 is before start 2026 [end-before-start]
}

func ExampleValidatePortfolio_semantics() {
	s, _ := schema.ValidateStrategy(examples.StrategyJSON)
	data := []byte(`{
  "id": "demo", "title": {"de": "Demo"}, "strategy": "bl-dt-2026",
  "asOf": "2026-06-30", "currency": "CHF",
  "organisations": [{"id": "FKD", "name": {"de": "Finanz- und Kirchendirektion"}}],
  "measures": [
    {"id": "M2", "title": {"de": "Zwei"}, "goals": ["XX9"], "owner": "BUD",
     "status": "active", "start": "2026", "end": "2025", "progress": 30}
  ]
}`)
	_, problems := schema.ValidatePortfolio(data, s)
	for _, p := range problems {
		fmt.Printf("%s [%s]\n", p, p.Rule)
	}
	// Output:
	// 6:53: /measures/0/goals/0: goal "XX9" is not a goal of strategy "bl-dt-2026" [unknown-goal]
	// 6:61: /measures/0/owner: owner "BUD" is not one of the portfolio's organisations [unknown-owner]
	// 7:43: /measures/0/end: end 2025 is before start 2026 [end-before-start]
}

func ExampleValidateStrategy() {
	s, problems := schema.ValidateStrategy(examples.StrategyJSON)
	fmt.Println(s.ID, len(s.FocusAreas), "focus areas,", s.GoalCount(), "goals,", len(problems), "problems")
	// Output:
	// bl-dt-2026 6 focus areas, 20 goals, 0 problems
}

func ExampleDetect() {
	kind, ref := schema.Detect([]byte(`{"id": "p", "strategy": "bl-dt-2026", "measures": []}`))
	fmt.Println(kind, ref)
	kind, _ = schema.Detect([]byte(`{"id": "s", "focusAreas": []}`))
	fmt.Println(kind)
	// Output:
	// portfolio bl-dt-2026
	// strategy
}

func Example_strategyFromFile() {
	// A strategy of one's own, validated in every layer before use.
	s, problems := schema.ValidateStrategy([]byte(`{"id": "x", "focusAreas": []}`))
	fmt.Println(s != nil, problems.HasErrors())
	for _, p := range problems {
		fmt.Println(p)
	}
	// Output:
	// true true
	// 1:1: /: missing required properties "title", "issuer", "adopted", "period", "vision", "maxims"
	// 1:13: /focusAreas: at least 1 item required, but there are 0
}
