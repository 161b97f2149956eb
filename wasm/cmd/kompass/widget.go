//go:build js && wasm

package main

import (
	"errors"
	"fmt"
	"strconv"
	"sync"
	"syscall/js"

	"github.com/bl-digital/kompass/strategy"
	"github.com/bl-digital/kompass/wasm/explorer"
)

// widget is one mounted <kompass-explorer>.
type widget struct {
	host, root js.Value
	painter    *painter

	mu       sync.Mutex
	cfg      explorer.Config
	prefix   string
	urls     [2]string // strategy, portfolio attributes
	state    explorer.State
	model    *explorer.Model
	err      error
	gen      int // load generation; a finished load of an older one is dropped
	rendered bool

	funcs     []js.Func
	listeners []listener
}

type listener struct {
	target js.Value
	typ    string
	fn     js.Func
}

// newWidget mounts host's widget into root; apply is kompass.js's applier
// of DOM operations for root.
func newWidget(host, root, apply js.Value) *widget {
	w := &widget{host: host, root: root, painter: newPainter(apply)}
	for _, typ := range []string{"click", "keydown", "input", "change"} {
		w.listen(root, typ, w.onEvent)
	}
	win := js.Global().Get("window")
	w.listen(win, "hashchange", w.onHash)
	w.listen(win, "popstate", w.onHash)
	w.readAttributes()
	w.load()
	return w
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

func (w *widget) listen(target js.Value, typ string, f func(js.Value)) {
	fn := js.FuncOf(func(_ js.Value, args []js.Value) any {
		if len(args) > 0 {
			f(args[0])
		}
		return nil
	})
	target.Call("addEventListener", typ, fn)
	w.listeners = append(w.listeners, listener{target, typ, fn})
}

func (w *widget) unmount() {
	w.mu.Lock()
	w.gen++ // drop loads still running
	w.mu.Unlock()
	for _, l := range w.listeners {
		l.target.Call("removeEventListener", l.typ, l.fn)
		l.fn.Release()
	}
	w.listeners = nil
	for _, f := range w.funcs {
		f.Release()
	}
	w.funcs = nil
}

func attr(el js.Value, name string) string {
	v := el.Call("getAttribute", name)
	if v.IsNull() {
		return ""
	}
	return v.String()
}

// readAttributes reads lang, focus and view and the state from the hash;
// it reports whether the data URLs changed.
func (w *widget) readAttributes() bool {
	lang := attr(w.host, "lang")
	if lang == "" {
		lang = attr(js.Global().Get("document").Get("documentElement"), "lang")
	}
	level, _ := strconv.Atoi(attr(w.host, "heading-level"))
	w.cfg = explorer.Config{Lang: lang, Focus: validID(attr(w.host, "focus")), View: attr(w.host, "view"), HeadingLevel: level}
	w.prefix = explorer.HashPrefix(attr(w.host, "id"))
	explain := w.state.Explain
	w.state = explorer.DecodeHash(js.Global().Get("location").Get("hash").String(), w.prefix, w.cfg)
	w.state.Explain = explain
	urls := [2]string{attr(w.host, "strategy"), attr(w.host, "portfolio")}
	changed := urls != w.urls
	w.urls = urls
	return changed
}

func validID(s string) strategy.ID {
	if strategy.ID(s).Valid() {
		return strategy.ID(s)
	}
	return ""
}

func (w *widget) update() {
	w.mu.Lock()
	changed := w.readAttributes()
	w.mu.Unlock()
	if changed {
		w.load()
		return
	}
	w.render(explorer.Effect{})
}

// load fetches and computes the data in a goroutine, never inside the JS
// callback that asked for it.
func (w *widget) load() {
	w.mu.Lock()
	w.gen++
	gen := w.gen
	urls := w.urls
	w.model, w.err = nil, nil
	w.mu.Unlock()
	w.setState("loading")
	if !w.hasFallback() {
		w.painter.paint(explorer.Loading(w.cfg.Lang))
		w.clearSlot()
	}
	go func() {
		m, err := loadModel(urls)
		w.mu.Lock()
		if gen != w.gen {
			w.mu.Unlock()
			return
		}
		w.model, w.err = m, err
		w.mu.Unlock()
		w.render(explorer.Effect{})
	}()
}

// models are the loads of data, by strategy and portfolio URL: elements
// with the same URLs share one fetch, decoding and computation, and so
// does a later element on the page. A load that failed is forgotten, so a
// later element tries again.
var models struct {
	sync.Mutex
	byURLs map[[2]string]*modelLoad
}

type modelLoad struct {
	done  chan struct{} // closed when model and err are set
	model *explorer.Model
	err   error
}

// loadModel returns the model of urls, loading it unless another element
// has loaded it or is loading it.
func loadModel(urls [2]string) (*explorer.Model, error) {
	models.Lock()
	if l, ok := models.byURLs[urls]; ok {
		models.Unlock()
		<-l.done
		return l.model, l.err
	}
	if models.byURLs == nil {
		models.byURLs = map[[2]string]*modelLoad{}
	}
	l := &modelLoad{done: make(chan struct{})}
	models.byURLs[urls] = l
	models.Unlock()
	l.model, l.err = fetchModel(urls)
	if l.err != nil {
		models.Lock()
		delete(models.byURLs, urls)
		models.Unlock()
	}
	close(l.done)
	return l.model, l.err
}

// fetchModel fetches the two data files, or uses the embedded example when
// neither attribute is set.
func fetchModel(urls [2]string) (*explorer.Model, error) {
	if urls[0] == "" && urls[1] == "" {
		return explorer.LoadEmbedded()
	}
	if urls[0] == "" || urls[1] == "" {
		return nil, errors.New("kompass-explorer: set both the strategy and the portfolio attribute, or neither for the example data")
	}
	type result struct {
		data []byte
		err  error
	}
	ch := [2]chan result{make(chan result, 1), make(chan result, 1)}
	for i, u := range urls {
		go func() {
			data, err := fetchBytes(u)
			ch[i] <- result{data, err}
		}()
	}
	s, p := <-ch[0], <-ch[1]
	if s.err != nil {
		return nil, s.err
	}
	if p.err != nil {
		return nil, p.err
	}
	return explorer.Load(s.data, p.data, urls[0], urls[1])
}

func (w *widget) hasFallback() bool {
	return w.host.Get("childElementCount").Int() > 0 && !w.rendered
}

// clearSlot removes what kompass.js put into the shadow root (the <slot>
// that shows the static fallback) before the first render of our own.
func (w *widget) clearSlot() {
	if w.rendered {
		return
	}
	w.rendered = true
	for _, s := range jsArray(w.root.Call("querySelectorAll", "slot")) {
		s.Call("remove")
	}
}

func jsArray(list js.Value) []js.Value {
	n := list.Get("length").Int()
	out := make([]js.Value, n)
	for i := range out {
		out[i] = list.Index(i)
	}
	return out
}

func (w *widget) setState(s string) { w.host.Call("setAttribute", "data-state", s) }

// render shows the current state and applies eff.
func (w *widget) render(eff explorer.Effect) {
	w.mu.Lock()
	model, err, state, cfg := w.model, w.err, w.state, w.cfg
	w.mu.Unlock()
	var n *explorer.Node
	defer func() {
		if p := recover(); p != nil { // a bug of ours must not leave a blank box
			w.setState("error")
			w.painter = newPainter(w.painter.apply) // what was recorded is unfinished
			w.root.Call("replaceChildren")
			w.painter.paint(explorer.ErrorView(fmt.Errorf("internal error: %v", p), state.Lang))
		}
	}()
	switch {
	case err != nil:
		n = explorer.ErrorView(err, state.Lang)
		w.setState("error")
	case model != nil:
		n = explorer.Build(model, state, cfg)
		w.setState("ready")
	default:
		return // still loading
	}
	w.clearSlot()
	w.painter.paint(n)
	if eff.Focus != "" {
		if el := w.root.Call("getElementById", eff.Focus); el.Truthy() {
			el.Call("focus")
		}
	}
}

func (w *widget) onEvent(ev js.Value) {
	typ := ev.Get("type").String()
	target := ev.Get("target")
	if target.Get("closest").Type() != js.TypeFunction {
		return
	}
	el := target.Call("closest", "[data-on-"+typ+"]")
	if el.IsNull() {
		return
	}
	e := explorer.Event{Type: typ, Action: attr(el, "data-on-"+typ)}
	if v := el.Get("value"); v.Type() == js.TypeString {
		e.Value = v.String()
	}
	if k := ev.Get("key"); k.Type() == js.TypeString {
		e.Key = k.String()
	}
	w.mu.Lock()
	if w.model == nil {
		w.mu.Unlock()
		return
	}
	old := w.state
	next, eff := explorer.Dispatch(w.model, w.cfg, w.state, e)
	w.state = next
	w.mu.Unlock()
	if eff.PreventDefault {
		ev.Call("preventDefault")
	}
	if !next.Equal(old) {
		w.writeHash(next, eff.ReplaceHistory)
	}
	w.render(eff)
}

// writeHash puts the state into the URL hash: a new history entry, or a
// replaced one while typing.
func (w *widget) writeHash(s explorer.State, replace bool) {
	loc := js.Global().Get("location")
	cur := loc.Get("hash").String()
	w.mu.Lock()
	next := explorer.EncodeHash(cur, w.prefix, s, w.cfg)
	w.mu.Unlock()
	if next == cur || (next == "" && (cur == "" || cur == "#")) {
		return
	}
	u := loc.Get("pathname").String() + loc.Get("search").String() + next
	method := "pushState"
	if replace {
		method = "replaceState"
	}
	js.Global().Get("history").Call(method, js.Null(), "", u)
}

func (w *widget) onHash(js.Value) {
	w.mu.Lock()
	if w.model == nil {
		w.mu.Unlock()
		return
	}
	s := explorer.DecodeHash(js.Global().Get("location").Get("hash").String(), w.prefix, w.cfg)
	s.Explain, s.FiltersOpen = w.state.Explain, w.state.FiltersOpen
	old := w.state
	changed := !s.Equal(old)
	w.state = s
	w.mu.Unlock()
	if changed {
		w.render(explorer.Effect{Focus: explorer.FocusAfter(old, s)})
	}
}
