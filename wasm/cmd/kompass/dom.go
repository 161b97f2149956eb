//go:build js && wasm

package main

import (
	"syscall/js"

	"honnef.co/go/js/dom/v2"

	"github.com/bl-digital/kompass/wasm/explorer"
)

// Page-wide objects. dom.GetWindow and Window.Document return interfaces
// over dom/v2's window and document types, whose method sets alone add
// about 40 KB to kompass.wasm; the adapter needs four calls of them.
var (
	window   = js.Global().Get("window")
	document = js.Global().Get("document")
	location = &dom.Location{Value: window.Get("location"), URLUtils: &dom.URLUtils{Value: window.Get("location")}}
)

// element wraps the element v in its dom/v2 type, found from its tag name
// (form controls get theirs, for their live value); nil for null.
func element(v js.Value) dom.HTMLElement {
	if v.IsNull() || v.IsUndefined() {
		return nil
	}
	return wrap(v.Get("localName").String(), v)
}

// domv2 is explorer.DOM on honnef.co/go/js/dom/v2: the renderer's keyed
// diff (package explorer) calls it for each change. Text is only ever set
// as text, values as values, styles only through the CSSOM.
type domv2 struct{}

// CreateElement creates an HTML element.
//
// The adapter wraps elements and events in their dom/v2 types itself
// (element, wrap, event) instead of calling dom/v2's Document.CreateElement,
// Event.Target, Element.ParentElement or AddEventListener: those find the Go
// type by comparing the object's constructor with some 70 globals, one
// syscall/js call each, and linking that table of every element and event
// type costs about 100 KB of brotli-compressed kompass.wasm. The adapter
// knows the tag (or the event type) and picks the type directly.
func (domv2) CreateElement(tag string) any {
	return wrap(tag, document.Call("createElement", tag))
}

// CreateElementNS creates an element in namespace ns (SVG charts).
func (domv2) CreateElementNS(ns, tag string) any {
	return wrap(tag, document.Call("createElementNS", ns, tag))
}

func wrap(tag string, v js.Value) dom.HTMLElement {
	el := &dom.BasicHTMLElement{BasicElement: &dom.BasicElement{BasicNode: &dom.BasicNode{Value: v}}}
	switch tag {
	case "input":
		return &dom.HTMLInputElement{BasicHTMLElement: el}
	case "select":
		return &dom.HTMLSelectElement{BasicHTMLElement: el}
	case "textarea":
		return &dom.HTMLTextAreaElement{BasicHTMLElement: el}
	case "option":
		return &dom.HTMLOptionElement{BasicHTMLElement: el}
	}
	return el
}

func (domv2) CreateText(text string) any {
	return &dom.Text{BasicNode: &dom.BasicNode{Value: document.Call("createTextNode", text)}}
}

func (domv2) SetText(n any, text string) { n.(*dom.Text).SetNodeValue(text) }

// SetAttr sets an attribute; value and selected set the live property too,
// which is what a form control shows once the user has touched it.
func (domv2) SetAttr(el any, name, value string) {
	switch e := el.(type) {
	case *dom.HTMLInputElement:
		if name == "value" {
			if e.Value() != value { // keep the caret while typing
				e.SetValue(value)
			}
			return
		}
	case *dom.HTMLSelectElement:
		if name == "value" {
			e.SetValue(value)
			return
		}
	case *dom.HTMLTextAreaElement:
		if name == "value" {
			e.SetValue(value)
			return
		}
	case *dom.HTMLOptionElement:
		if name == "selected" {
			e.SetSelected(true)
		}
	}
	el.(dom.Element).SetAttribute(name, value)
}

func (domv2) RemoveAttr(el any, name string) {
	switch e := el.(type) {
	case *dom.HTMLInputElement:
		if name == "value" {
			e.SetValue("")
			return
		}
	case *dom.HTMLSelectElement:
		if name == "value" {
			e.SetValue("")
			return
		}
	case *dom.HTMLTextAreaElement:
		if name == "value" {
			e.SetValue("")
			return
		}
	case *dom.HTMLOptionElement:
		if name == "selected" {
			e.SetSelected(false)
		}
	}
	el.(dom.Element).RemoveAttribute(name)
}

func (domv2) SetStyle(el any, name, value string) {
	st := el.(dom.HTMLElement).Style()
	if value == "" {
		st.RemoveProperty(name)
	} else {
		st.SetProperty(name, value, "")
	}
}

func (domv2) InsertBefore(parent, child, ref any) {
	var r dom.Node
	if ref != nil {
		r = ref.(dom.Node)
	}
	parent.(dom.Node).InsertBefore(child.(dom.Node), r)
}

func (domv2) Remove(parent, child any) { parent.(dom.Node).RemoveChild(child.(dom.Node)) }

// target is a DOM element as an explorer.Target, for event delegation.
type target struct{ el dom.Element }

func (t target) Attr(name string) (string, bool) {
	if !t.el.HasAttribute(name) {
		return "", false
	}
	return t.el.GetAttribute(name), true
}

func (t target) Value() (string, bool) {
	switch e := t.el.(type) {
	case *dom.HTMLInputElement:
		return e.Value(), true
	case *dom.HTMLSelectElement:
		return e.Value(), true
	case *dom.HTMLTextAreaElement:
		return e.Value(), true
	}
	return "", false
}

func (t target) Parent() explorer.Target {
	p := element(t.el.Underlying().Get("parentElement"))
	if p == nil {
		return nil
	}
	return target{p}
}
