package explorer_test

import (
	"fmt"

	"github.com/bl-digital/kompass/wasm/explorer"
)

// A widget whose portfolio is missing keeps the element's static fallback
// (the <slot>) and shows a message above it, in the page's language.
func ExampleWidget_Screen() {
	var w explorer.Widget
	w.SetAttributes(explorer.Attributes{Strategy: "/s.json", Portfolio: "/p.json", PageLang: "fr-CH"}, "")
	t := w.StartLoad()
	w.FinishLoad(t, nil, &explorer.FetchError{URL: "/p.json", Status: 404})
	sc := w.Screen(true)
	fmt.Println(sc.State)
	fmt.Println(sc.Nodes[0].ByTestID("error-title").TextContent())
	fmt.Println(sc.Nodes[1].Tag)
	// Output:
	// error
	// La vue interactive n’est pas disponible.
	// slot
}

// Which action a click triggers is decided in Go: the nearest element with
// a data-on-click binding, from the target up.
func ExampleEventOn() {
	tab := explorer.El("button", explorer.A("data-on-click", "view:measures"), explorer.El("span", nil, explorer.T("Massnahmen")))
	span := nodeTarget{tab.Children[0], []*explorer.Node{tab}}
	e, ok := explorer.EventOn("click", "", span)
	fmt.Println(e.Action, ok)
	// Output: view:measures true
}
