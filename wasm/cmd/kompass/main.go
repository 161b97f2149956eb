//go:build js && wasm

// Command kompass is the explorer widget's WebAssembly program: the thin
// DOM adapter between the browser and package explorer, on
// honnef.co/go/js/dom/v2. kompass.js loads it once per page; it registers
// globalThis.__kompassMount(host, root), which mounts one
// <kompass-explorer> element into its shadow root. Loading, state, events,
// the URL hash, errors and the view are package explorer's (Widget, Loads,
// Renderer); this program reads attributes and events, fetches, and applies
// the renderer's changes to the DOM.
package main

import (
	"syscall/js"
)

func main() {
	mountFn := js.FuncOf(func(this js.Value, args []js.Value) any {
		if len(args) < 2 {
			return js.Null()
		}
		return mount(args[0], args[1]).handle()
	})
	js.Global().Set("__kompassMount", mountFn)
	if ready := js.Global().Get("__kompassReady"); ready.Type() == js.TypeFunction {
		ready.Invoke()
	}
	select {} // keep the program alive for the callbacks
}
