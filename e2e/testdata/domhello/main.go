//go:build js && wasm

// Command domhello is the honnef.co/go/js/dom/v2 program the widget's size
// and first-render time are compared with: the same as hello, written with
// dom/v2 (the document, an element found by id, a new element, text and
// attributes, an event listener), loaded by hello.js.
package main

import "honnef.co/go/js/dom/v2"

func main() {
	doc := dom.GetWindow().Document()
	el := doc.GetElementByID("hello")
	p := doc.CreateElement("p")
	p.SetTextContent("Hallo, Welt")
	el.AppendChild(p)
	p.AddEventListener("click", false, func(e dom.Event) { e.PreventDefault() })
	el.SetAttribute("data-state", "ready")
	select {}
}
