//go:build js && wasm

// Command hello is the bare syscall/js program the widget's first-render
// time is compared with: it writes one line into #hello and marks it ready,
// loaded by hello.js the way kompass.js loads kompass.wasm.
package main

import "syscall/js"

func main() {
	el := js.Global().Get("document").Call("getElementById", "hello")
	el.Set("textContent", "Hallo, Welt")
	el.Call("setAttribute", "data-state", "ready")
	select {}
}
