package demo_test

import (
	"fmt"
	"strings"

	"github.com/bl-digital/kompass/examples/demo"
)

func ExampleRender() {
	var b strings.Builder
	err := demo.Render(&b, demo.Page{Lang: "de", Script: "/kompass/kompass.js",
		StrategyURL: "/data/strategy.json", PortfolioURL: "/data/portfolio.json",
		Fallback: "<p>Übersicht</p>"})
	fmt.Println(err)
	fmt.Println(strings.Count(b.String(), "<kompass-explorer"))
	fmt.Println(strings.Contains(b.String(), "<p>Übersicht</p>"))
	// Output:
	// <nil>
	// 2
	// true
}
