//go:build js && wasm

// Command kompass is the explorer widget's WebAssembly program: the thin
// DOM adapter between the browser and package explorer. kompass.js loads it
// once per page; it registers globalThis.__kompassMount(host, root, apply),
// which mounts one <kompass-explorer> element into its shadow root and
// renders through apply, kompass.js's applier of batched DOM operations.
// State, actions, hash handling and the view are package explorer's; this
// program only fetches, turns events into explorer.Events and hands the
// view's DOM operations to the page.
package main

import (
	"syscall/js"
)

func main() {
	mount := js.FuncOf(func(this js.Value, args []js.Value) any {
		if len(args) < 3 {
			return js.Null()
		}
		return newWidget(args[0], args[1], args[2]).handle()
	})
	js.Global().Set("__kompassMount", mount)
	if ready := js.Global().Get("__kompassReady"); ready.Type() == js.TypeFunction {
		ready.Invoke()
	}
	select {} // keep the program alive for the callbacks
}
