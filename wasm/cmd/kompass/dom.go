//go:build js && wasm

package main

import "syscall/js"

// jsDOM implements explorer.DOM with syscall/js. Text is only ever set as
// text (createTextNode, nodeValue); styles only through the CSSOM.
type jsDOM struct{ doc js.Value }

func (d jsDOM) CreateElement(tag string) any { return d.doc.Call("createElement", tag) }
func (d jsDOM) CreateText(text string) any   { return d.doc.Call("createTextNode", text) }
func (d jsDOM) SetText(n any, text string)   { n.(js.Value).Set("nodeValue", text) }

func (d jsDOM) SetAttr(el any, name, value string) {
	e := el.(js.Value)
	switch name {
	case "value": // the live value, not only the default
		if e.Get("value").String() != value {
			e.Set("value", value)
		}
		return
	case "selected":
		e.Set("selected", true)
	}
	e.Call("setAttribute", name, value)
}

func (d jsDOM) RemoveAttr(el any, name string) {
	e := el.(js.Value)
	switch name {
	case "value": // SetAttr set the live value, so clear that too
		e.Set("value", "")
		return
	case "selected":
		e.Set("selected", false)
	}
	e.Call("removeAttribute", name)
}

func (d jsDOM) SetStyle(el any, name, value string) {
	st := el.(js.Value).Get("style")
	if value == "" {
		st.Call("removeProperty", name)
		return
	}
	st.Call("setProperty", name, value)
}

func (d jsDOM) InsertBefore(parent, child, ref any) {
	r := js.Null()
	if ref != nil {
		r = ref.(js.Value)
	}
	parent.(js.Value).Call("insertBefore", child.(js.Value), r)
}

func (d jsDOM) Remove(parent, child any) { parent.(js.Value).Call("removeChild", child.(js.Value)) }
