// Package explorer is the logic of the <kompass-explorer> widget, in plain
// Go that `go test` reaches without a browser: the widget's State and the
// actions on it, the URL-hash encoding of the state, filtering measures,
// UI texts in German, French, Italian and English with Swiss number, amount
// and date formats, and the view model — a tree of Nodes saying what to
// show — with a Renderer that brings any DOM up to date with it.
//
// The WebAssembly program in wasm/cmd/kompass is a thin adapter on
// honnef.co/go/js/dom/v2: it reads the element's attributes and events,
// asks Widget what to load, show and do (Loads shares data loads between
// elements; EventOn turns a DOM event into an Event), and applies the
// Renderer's changes to the DOM. Every figure comes from package
// controlling; the explorer computes none of its own. Text from data is only ever set as text, and
// the only links are https: and mailto:.
//
// Event bindings are attributes: an element with data-on-click="toggle:GK"
// makes a click an Event{Type: "click", Action: "toggle:GK"} for Dispatch.
package explorer
