//go:build js && wasm

package main

import (
	"strings"
	"sync"
	"syscall/js"

	"honnef.co/go/js/dom/v2"

	"github.com/bl-digital/kompass/wasm/explorer"
)

// loads is the page's shared cache of data loads (explorer.Loads).
var loads = explorer.NewLoads(fetch)

// urlWrites are the page's URL changes not made yet (explorer.URLWrites):
// they are made after the frame of the change is painted.
var urlWrites explorer.URLWrites

// widget is one mounted <kompass-explorer>: it reads the element, calls
// explorer.Widget and renders what it says. Every decision is the
// explorer's.
type widget struct {
	host     dom.Element
	root     dom.DocumentFragment // the shadow root
	w        explorer.Widget
	paint    sync.Mutex // one render at a time
	renderer *explorer.Renderer
	cleared  bool   // what kompass.js showed before the program ran is gone
	rendered bool   // the data was rendered once
	complete bool   // the complete view (charts included) was rendered once
	state    string // the data-state set last
	gone     bool   // unmounted: a render still scheduled (afterPaint) does nothing
	fallback bool   // the element holds a static fallback (read when its attributes are)

	funcs     []js.Func
	listeners []func()
}

// mount mounts host's widget into its shadow root root.
func mount(host, root js.Value) *widget {
	w := &widget{host: element(host), root: dom.WrapDocumentFragment(root)}
	w.renderer = explorer.NewRenderer(domv2{}, &dom.BasicNode{Value: root}) // see node
	w.w.DeferCharts()
	for _, typ := range explorer.EventTypes {
		w.listen(root, typ, func(ev dom.Event) { w.onEvent(typ, ev) })
	}
	w.listen(window, "hashchange", w.onHash)
	w.listen(window, "popstate", w.onHash)
	w.update()
	return w
}

// listen adds an event listener to t (see CreateElement on why not dom/v2's
// AddEventListener).
func (w *widget) listen(t js.Value, typ string, f func(dom.Event)) {
	fn := js.FuncOf(func(_ js.Value, args []js.Value) any {
		if len(args) > 0 {
			f(event(typ, args[0]))
		}
		return nil
	})
	t.Call("addEventListener", typ, fn)
	w.listeners = append(w.listeners, func() { t.Call("removeEventListener", typ, fn); fn.Release() })
}

// event wraps a DOM event in its dom/v2 type by the event type typ the
// adapter listens to: keyboard and mouse events are typed, the others basic.
func event(typ string, v js.Value) dom.Event {
	b := &dom.BasicEvent{Value: v}
	switch typ {
	case "keydown", "keyup":
		return &dom.KeyboardEvent{BasicEvent: b}
	case "click", "auxclick", "dblclick":
		return &dom.MouseEvent{UIEvent: &dom.UIEvent{BasicEvent: b}}
	}
	return b
}

// handle is the object kompass.js keeps for the element: update() after an
// attribute changed, unmount() when the element leaves the page.
func (w *widget) handle() js.Value {
	o := js.Global().Get("Object").New()
	update := js.FuncOf(func(js.Value, []js.Value) any { w.update(); return nil })
	unmount := js.FuncOf(func(js.Value, []js.Value) any { w.unmount(); return nil })
	w.funcs = append(w.funcs, update, unmount)
	o.Set("update", update)
	o.Set("unmount", unmount)
	return o
}

func (w *widget) unmount() {
	w.paint.Lock()
	w.gone = true
	w.paint.Unlock()
	w.w.Stop()
	for _, remove := range w.listeners {
		remove()
	}
	w.listeners = nil
	for _, f := range w.funcs {
		f.Release()
	}
	w.funcs = nil
}

func (w *widget) attributes() explorer.Attributes {
	a := func(name string) string { return w.host.GetAttribute(name) }
	return explorer.Attributes{
		ID: a("id"), Strategy: a("strategy"), Portfolio: a("portfolio"), Lang: a("lang"),
		Focus: a("focus"), View: a("view"), HeadingLevel: a("heading-level"),
		PageLang: element(document.Get("documentElement")).GetAttribute("lang"),
	}
}

// hash is the page's URL hash, as it is once the pending URL writes are made.
func hash() string { return urlWrites.Hash(location.Hash()) }

// update reads the attributes; a new data source starts a load on a
// goroutine of its own, never inside the JS callback that asked for it.
func (w *widget) update() {
	w.fallback = strings.TrimSpace(w.host.TextContent()) != ""
	if !w.w.SetAttributes(w.attributes(), hash()) {
		w.render(explorer.Effect{})
		return
	}
	t := w.w.StartLoad()
	w.render(explorer.Effect{})
	go func() {
		growStack()
		m, err := loads.Model(document.Get("baseURI").String(), t.Source)
		mark("kompass:data")
		if w.w.FinishLoad(t, m, err) {
			w.render(explorer.Effect{})
		}
	}()
}

// render shows the widget's screen and applies eff.
func (w *widget) render(eff explorer.Effect) {
	w.paint.Lock()
	defer w.paint.Unlock()
	if w.gone { // a moved element is mounted anew, into the same shadow root
		return
	}
	sc := w.w.Screen(w.fallback)
	first := (sc.State == "shown" || sc.State == "ready") && !w.rendered
	if first {
		mark("kompass:built") // the view model of the first render is built
	}
	if sc.State == "loading" && !w.cleared {
		// kompass.js shows the same until the data comes (the fallback, or
		// the loading line): leaving it saves the first render a patch.
		return
	}
	if !w.cleared { // what kompass.js showed before the program ran
		shell := func() dom.HTMLElement { return element(w.root.Underlying().Call("querySelector", "[data-kx-shell]")) }
		for s := shell(); s != nil; s = shell() {
			w.root.RemoveChild(s)
		}
		w.cleared = true
	}
	w.renderer.Render(sc.Nodes...)
	if first {
		w.rendered = true
		mark("kompass:rendered")
	}
	state := sc.State
	if state == "ready" && !w.complete {
		// The charts are drawn; the widget is ready once they are painted
		// and its first filter changes' code is warm (see warm).
		w.complete = true
		mark("kompass:charts")
		state = "shown"
		afterPaint(w.warmThenReady)
	}
	if state != w.state { // an attribute set to its value is still a mutation for observers
		w.state = state
		w.host.Underlying().Call("setAttribute", str("data-state"), str(state))
	}
	if sc.Pending {
		afterPaint(func() { w.render(explorer.Effect{}) })
	}
	if eff.Focus != "" {
		if el := html(w.renderer.Handle(explorer.ByID(eff.Focus))); el != nil {
			el.Focus()
		}
	}
}

// onEvent handles an event of type typ in the shadow root. Every value
// read from the event costs a finalizer (see str), so it reads the type
// from the listener, not the event, and finds the element with the binding
// with one closest() call rather than a walk up the tree in Go.
func (w *widget) onEvent(typ string, ev dom.Event) {
	var key string
	switch e := ev.(type) {
	case *dom.KeyboardEvent:
		key = e.Key()
	case *dom.MouseEvent:
		if e.Button() != 0 { // only the main button
			return
		}
	}
	t := ev.Underlying().Get("target")
	if t.Type() != js.TypeObject || t.Get("nodeType").Int() != 1 { // not an element
		return
	}
	if b := t.Call("closest", str("[data-on-"+typ+"]")); b.Truthy() {
		t = b // the nearest element with a binding: where explorer.EventOn stops
	}
	e, ok := explorer.EventOn(typ, key, target{t})
	if !ok {
		return
	}
	eff, nav, render := w.w.Handle(e, hash())
	if eff.PreventDefault {
		ev.PreventDefault()
	}
	if urlWrites.Add(nav) {
		afterPaint(writeURL)
	}
	if render {
		w.render(eff)
	}
}

func (w *widget) onHash(dom.Event) {
	urlWrites.Drop() // the page navigated: its own hash wins
	if eff, changed := w.w.HashEffect(hash()); changed {
		w.render(eff)
	}
}

// writeURL makes the pending URL writes, each a new history entry or a
// replacement of the current one.
func writeURL() {
	for _, nav := range urlWrites.Take() {
		method := "pushState"
		if nav.Replace {
			method = "replaceState"
		}
		history.Call(method, nil, str(""), location.Pathname()+location.Search()+nav.Hash)
	}
}

// warmThenReady runs explorer.Widget.Warm, so that a person's first filter
// change does not wait for V8 to compile its code, and then sets
// data-state=ready, unless the widget showed something else meanwhile (a
// new load, an error) or is gone. It runs after the complete view (charts
// included) was painted: the warm-up delays nothing on screen.
func (w *widget) warmThenReady() {
	w.w.Warm()
	w.paint.Lock()
	defer w.paint.Unlock()
	if w.gone || w.state != "shown" && w.state != "ready" {
		return
	}
	if w.state == "shown" { // not made ready by a render for an event meanwhile
		w.state = "ready"
		w.host.Underlying().Call("setAttribute", str("data-state"), str("ready"))
	}
	mark("kompass:ready")
}

// afterPaint runs f once the browser has painted the frame being made: in
// a task after the next animation frame, or after a quarter of a second if
// no frame comes (a page in a background tab gets none).
func afterPaint(f func()) {
	done := false
	run := func() {
		if !done {
			done = true
			f()
		}
	}
	// Each function releases itself when it is called, never before: a
	// released function that JavaScript calls is an error in the console.
	once := func(f func()) js.Func {
		var fn js.Func
		fn = js.FuncOf(func(js.Value, []js.Value) any { fn.Release(); f(); return nil })
		return fn
	}
	js.Global().Call("requestAnimationFrame", once(func() {
		js.Global().Call("setTimeout", once(run), 0)
	}))
	js.Global().Call("setTimeout", once(run), 250)
}

// mark adds a performance mark (the e2e benchmarks read where the time of
// a start goes); performance.getEntriesByName(name) lists every one.
// growStack grows the calling goroutine's stack to what a load and a first
// render need, while it is shallow. A goroutine starts with a small stack
// that Go copies to one twice the size when it is full, and a copy walks
// every frame on it looking up each function's tables; the decoding and
// the render, deep on a new goroutine, made the lookup (runtime.pcvalue)
// hot enough in a first render for V8 to optimise it, on the core the
// render needs.
//
//go:noinline
func growStack() {
	var frame [48 << 10]byte
	keep(frame[:])
}

//go:noinline
func keep([]byte) {}

func mark(name string) {
	if p := js.Global().Get("performance"); p.Truthy() {
		p.Call("mark", name)
	}
}
