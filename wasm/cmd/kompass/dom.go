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
	history  = window.Get("history")
)

// The DOM methods of the hot paths, bound: f.Invoke(this, args...) calls
// this.method(args...). syscall/js's Value.Call(name, ...) and Set(name,
// ...) have the JavaScript side decode the name from Go's memory (a
// TextDecoder call and a new string, each time) and look it up: in a
// profile of the first render that was a fifth of the renderer's time. A
// method bound to Function.prototype.call is invoked without a name. They
// are the DOM's own methods, called on the dom/v2 nodes' values.
var (
	callCreateElement   = method("Document", "createElement")
	callCreateElementNS = method("Document", "createElementNS")
	callCreateTextNode  = method("Document", "createTextNode")
	callSetAttribute    = method("Element", "setAttribute")
	callAppend          = method("Element", "append")
	callBefore          = method("Element", "before")
	callTextBefore      = method("CharacterData", "before")
	callSetTextContent  = setter("Node", "textContent")
)

// method returns proto.prototype.name bound to Function.prototype.call.
func method(proto, name string) js.Value {
	fn := js.Global().Get(proto).Get("prototype").Get(name)
	return fn.Get("call").Call("bind", fn)
}

// setter returns the setter of property name of proto.prototype, bound to
// Function.prototype.call.
func setter(proto, name string) js.Value {
	fn := js.Global().Get("Object").Call("getOwnPropertyDescriptor", js.Global().Get(proto).Get("prototype"), name).Get("set")
	return fn.Get("call").Call("bind", fn)
}

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
	return wrap(tag, callCreateElement.Invoke(document, str(tag)))
}

// CreateElementNS creates an element in namespace ns (SVG charts).
func (domv2) CreateElementNS(ns, tag string) any {
	return wrap(tag, callCreateElementNS.Invoke(document, str(ns), str(tag)))
}

// strs holds the JavaScript strings the adapter has passed to the DOM
// before. Every Go string passed to a syscall/js call is copied into a new
// JavaScript string (one more call into JavaScript) and gets a finalizer on
// the Go side; a first render passes some 5,000 strings (tags, attribute
// names, class names, ids), most of them many times. Passing the same
// js.Value again costs neither. Long strings (texts of the data) are
// passed as they are; the table is emptied when it is full.
var strs = make(map[string]js.Value, strsMax)

const (
	strsMax    = 4096
	strsMaxLen = 128
)

// str is s as a JavaScript string, from strs when it has been passed before.
func str(s string) js.Value {
	if len(s) > strsMaxLen {
		return js.ValueOf(s)
	}
	if v, ok := strs[s]; ok {
		return v
	}
	if len(strs) >= strsMax {
		clear(strs)
	}
	v := js.ValueOf(s)
	strs[s] = v
	return v
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
	return &dom.Text{BasicNode: &dom.BasicNode{Value: callCreateTextNode.Invoke(document, str(text))}}
}

func (domv2) SetText(n any, text string) { n.(*dom.Text).Set("nodeValue", str(text)) }

// node is the dom/v2 node under n, a node the adapter made (wrap,
// CreateText) or the shadow root the renderer was given: a type switch on
// the concrete types, one compare each. Asserting an interface such as
// dom.Node or dom.Element instead has the Go runtime build an itab for
// each concrete type on first use, comparing the interface's methods with
// the type's (dom/v2's element types have some two hundred); in a first
// render that loop ran often enough for V8 to optimise it, on the core the
// render needs.
func node(n any) *dom.BasicNode {
	if el := html(n); el != nil {
		return el.BasicNode
	}
	switch v := n.(type) {
	case *dom.Text:
		return v.BasicNode
	case *dom.BasicNode: // the shadow root
		return v
	}
	panic("kompass: not a node of the widget") // the renderer passes only what the adapter made
}

// html is the dom/v2 HTML element under n, or nil when n is a text node or
// the shadow root (see node).
func html(n any) *dom.BasicHTMLElement {
	switch v := n.(type) {
	case *dom.BasicHTMLElement:
		return v
	case *dom.HTMLInputElement:
		return v.BasicHTMLElement
	case *dom.HTMLSelectElement:
		return v.BasicHTMLElement
	case *dom.HTMLTextAreaElement:
		return v.BasicHTMLElement
	case *dom.HTMLOptionElement:
		return v.BasicHTMLElement
	}
	return nil
}

// SetTextContent gives el its only child, a text node, in one call
// (explorer.TextContentDOM).
func (domv2) SetTextContent(el any, text string) {
	callSetTextContent.Invoke(node(el).Value, str(text))
}

// FirstChild is el's text node set by SetTextContent, when the renderer
// needs it after all.
func (domv2) FirstChild(el any) any {
	return &dom.Text{BasicNode: &dom.BasicNode{Value: node(el).Get("firstChild")}}
}

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
	callSetAttribute.Invoke(node(el).Value, str(name), str(value))
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
	html(el).RemoveAttribute(name)
}

func (domv2) SetStyle(el any, name, value string) {
	st := html(el).Style()
	if value == "" {
		st.Call("removeProperty", str(name))
	} else {
		st.Call("setProperty", str(name), str(value))
	}
}

// InsertBefore inserts child before ref, or at the end of parent. It calls
// ref.before(child) and parent.append(child), which return nothing, rather
// than insertBefore, whose result (the child) syscall/js would wrap in a
// new js.Value with a finalizer, for each of the thousand nodes of a render.
func (domv2) InsertBefore(parent, child, ref any) {
	insert(parent, ref, []any{nil, node(child).Value})
}

// InsertAllBefore inserts children, in order, before ref or at the end of
// parent, in one call (explorer.BatchDOM): ref.before(a, b, …) or
// parent.append(a, b, …). A string among them becomes a new text node
// (explorer.TextBatchDOM), with no call and no value of its own.
func (domv2) InsertAllBefore(parent any, children []any, ref any) {
	args := make([]any, 1, len(children)+1)
	for _, c := range children {
		if s, ok := c.(string); ok {
			args = append(args, str(s))
			continue
		}
		args = append(args, node(c).Value)
	}
	insert(parent, ref, args)
}

// ChildNode is parent's child i, a text InsertAllBefore inserted as a
// string, when the renderer needs it after all.
func (domv2) ChildNode(parent any, i int) any {
	return &dom.Text{BasicNode: &dom.BasicNode{Value: node(parent).Get("childNodes").Index(i)}}
}

var _ explorer.TextBatchDOM = domv2{}

// insert calls ref.before(args[1:]...), or parent.append(args[1:]...) when
// ref is nil, with the bound methods where the receiver's kind is known;
// args[0] is the place for the receiver.
func insert(parent, ref any, args []any) {
	var fn js.Value
	switch r := ref.(type) {
	case nil:
		p := html(parent)
		if p == nil { // the shadow root
			node(parent).Call("append", args[1:]...)
			return
		}
		args[0], fn = p.Value, callAppend
	case *dom.Text:
		args[0], fn = r.Value, callTextBefore
	default:
		args[0], fn = node(r).Value, callBefore
	}
	fn.Invoke(args...)
}

func (domv2) Remove(parent, child any) { node(parent).RemoveChild(node(child)) }

// target is a DOM element as an explorer.Target, for event delegation.
// explorer.EventOn walks from the event's target up to the binding, reading
// an attribute or two on each element: target asks for each with one
// getAttribute call (the name from strs) and wraps an element in its dom/v2
// type only when a form control's value is wanted.
type target struct{ v js.Value }

func (t target) Attr(name string) (string, bool) {
	a := t.v.Call("getAttribute", str(name))
	if a.IsNull() {
		return "", false
	}
	return a.String(), true
}

func (t target) Value() (string, bool) {
	switch e := element(t.v).(type) {
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
	p := t.v.Get("parentElement")
	if p.IsNull() || p.IsUndefined() {
		return nil
	}
	return target{p}
}
