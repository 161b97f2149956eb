package diag_test

import (
	"fmt"

	"github.com/bl-digital/kompass/diag"
)

func ExampleList() {
	l := diag.List{
		{File: "portfolio.json", Line: 12, Column: 18, Pointer: "/measures/0/goals/0", Rule: diag.RuleUnknownGoal, Message: `goal "XX1" is not a goal of strategy "bl-dt-2026"`},
		{File: "portfolio.json", Line: 1, Column: 1, Pointer: "", Rule: diag.RuleBOM, Severity: diag.Warning, Message: "file starts with a UTF-8 byte order mark"},
	}
	l.Sort()
	fmt.Println(l.Error())
	fmt.Println("has errors:", l.HasErrors())
	// Output:
	// portfolio.json:1:1: /: warning: file starts with a UTF-8 byte order mark
	// portfolio.json:12:18: /measures/0/goals/0: goal "XX1" is not a goal of strategy "bl-dt-2026"
	// has errors: true
}

func ExamplePointer() {
	fmt.Println(diag.Pointer("measures", 3, "goals", 0))
	fmt.Println(diag.Pointer("extensions", "a/b~c"))
	// Output:
	// /measures/3/goals/0
	// /extensions/a~1b~0c
}
