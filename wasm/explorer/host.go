package explorer

import (
	"strconv"
	"sync"
)

// Attributes are what the adapter reads from one <kompass-explorer>
// element and its page: the element's attributes as written ("" when
// absent) and the page's <html lang>.
type Attributes struct {
	ID, Strategy, Portfolio, Lang, Focus, View, HeadingLevel string
	// PageLang is the lang attribute of the page's <html> element, the
	// language when the element has none.
	PageLang string
}

// Config returns the widget configuration a fixes: the element's lang, else
// the page's; a focus that is not a valid id is ignored.
func (a Attributes) Config() Config {
	lang := a.Lang
	if lang == "" {
		lang = a.PageLang
	}
	level, _ := strconv.Atoi(a.HeadingLevel)
	return Config{Lang: NormalizeLang(lang), Focus: validID(a.Focus), View: a.View, HeadingLevel: level}
}

// Source returns the data attributes of a.
func (a Attributes) Source() Source { return Source{Strategy: a.Strategy, Portfolio: a.Portfolio} }

// Widget is one mounted element's state machine, everything the browser
// adapter would otherwise decide: which data to load and whether a finished
// load is still wanted, what the shadow root shows, which action an event
// triggers and how the URL hash follows the state. The adapter only reads
// attributes and events, calls Widget, and renders what Screen returns. It
// is safe for concurrent use (loads finish on their own goroutine).
type Widget struct {
	mu     sync.Mutex
	cfg    Config
	prefix string
	src    Source
	state  State
	model  *Model
	err    error
	gen    int  // load generation: a finished load of an older one is dropped
	shown  bool // the data was shown once (the static fallback is gone)
	hasSrc bool // SetAttributes ran once
	// deferCharts: the first screen of a load is BuildFirst's (DeferCharts);
	// complete: it was shown, every later screen is complete.
	deferCharts, complete bool
}

// DeferCharts makes the first screen of every load show the view without
// its charts (BuildFirst), in state "shown" and with Screen.Pending set;
// the adapter asks for the next screen, the complete view in state
// "ready", after the browser has painted that one. Without it every
// screen is complete.
func (w *Widget) DeferCharts() {
	w.mu.Lock()
	w.deferCharts = true
	w.mu.Unlock()
}

// SetAttributes takes the element's attributes and the page's URL hash
// (the state, for the element's id). It reports whether the data must be
// loaded: on the first call, and when the strategy or portfolio URL changed.
func (w *Widget) SetAttributes(a Attributes, hash string) (reload bool) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.cfg = a.Config()
	w.prefix = HashPrefix(a.ID)
	explain := w.state.Explain // an open explanation is not in the hash
	w.state = DecodeHash(hash, w.prefix, w.cfg)
	w.state.Explain = explain
	src := a.Source()
	reload = !w.hasSrc || src != w.src
	w.src, w.hasSrc = src, true
	return reload
}

// Ticket is one load started by StartLoad.
type Ticket struct {
	gen int
	// Source is the data to load.
	Source Source
}

// StartLoad forgets the data shown and starts a load of the current
// source; a load started earlier and still running becomes stale.
func (w *Widget) StartLoad() Ticket {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.gen++
	w.model, w.err = nil, nil
	return Ticket{gen: w.gen, Source: w.src}
}

// FinishLoad stores the result of the load t. It reports false, and drops
// the result, when t is stale: the attributes changed (or the element was
// unmounted) while it was loading.
func (w *Widget) FinishLoad(t Ticket, m *Model, err error) bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	if t.gen != w.gen {
		return false
	}
	w.model, w.err = m, err
	w.complete = false
	return true
}

// Load is StartLoad, the load from l (data URLs resolved against the page's
// base URL) and FinishLoad: call it on a goroutine of its own; it reports
// whether the widget must render.
func (w *Widget) Load(l *Loads, base string) bool {
	t := w.StartLoad()
	m, err := l.Model(base, t.Source)
	return w.FinishLoad(t, m, err)
}

// Stop makes every running load stale (the element left the page).
func (w *Widget) Stop() {
	w.mu.Lock()
	w.gen++
	w.mu.Unlock()
}

// Screen is what the element's shadow root shows.
type Screen struct {
	// Nodes are the shadow root's children. The static fallback (the
	// element's own children) shows where a <slot> is among them.
	Nodes []*Node
	// State is the element's data-state: "loading", "shown" (the view
	// without its charts, see DeferCharts), "ready" (the complete view) or
	// "error".
	State string
	// Pending is set on a "shown" screen: the complete one is to follow.
	Pending bool
}

// Fallback is the <slot> that shows the element's own children, the
// static fallback, inside the shadow root.
func Fallback() *Node {
	return El("slot", A("data-testid", "fallback")).WithKey("fallback")
}

// Screen returns what the shadow root shows now. hasFallback tells whether
// the element has children of its own (a static fallback): while loading
// it shows instead of a spinner, and it stays on every error, below the
// message. A failure of the view itself is an error too, never a blank box.
func (w *Widget) Screen(hasFallback bool) (sc Screen) {
	w.mu.Lock()
	defer w.mu.Unlock()
	lang := w.state.Lang
	if lang == "" {
		lang = w.cfg.Lang
	}
	lang = NormalizeLang(lang)
	defer func() {
		if p := recover(); p != nil {
			sc = Screen{Nodes: []*Node{ErrorNotice(panicError("", p), lang), Fallback()}, State: "error"}
		}
	}()
	switch {
	case w.err != nil:
		return Screen{Nodes: []*Node{ErrorNotice(w.err, lang), Fallback()}, State: "error"}
	case w.model != nil && w.deferCharts && !w.complete:
		n := BuildFirst(w.model, w.state, w.cfg)
		w.shown, w.complete = true, true
		return Screen{Nodes: []*Node{n}, State: "shown", Pending: true}
	case w.model != nil:
		// The byte checks the first render went without (loadFirst): an
		// error in them replaces the view before it is complete.
		if err := w.model.CheckBytes(); err != nil {
			w.model, w.err = nil, err
			return Screen{Nodes: []*Node{ErrorNotice(err, lang), Fallback()}, State: "error"}
		}
		n := Build(w.model, w.state, w.cfg)
		w.shown, w.complete = true, true
		return Screen{Nodes: []*Node{n}, State: "ready"}
	case hasFallback && !w.shown:
		return Screen{Nodes: []*Node{Fallback()}, State: "loading"}
	default:
		return Screen{Nodes: []*Node{Loading(lang)}, State: "loading"}
	}
}

// EventTypes are the DOM event types the adapter listens to on the shadow
// root (delegation): an element binds one with a data-on-TYPE attribute.
var EventTypes = []string{"click", "keydown", "input", "change"}

// Target is an element an event reached, for EventOn: the adapter wraps the
// DOM element, the tests a Node.
type Target interface {
	// Attr returns the value of attribute name and whether the element has it.
	Attr(name string) (string, bool)
	// Value is the live value of a form control ("" and false for others).
	Value() (string, bool)
	// Parent is the parent element, nil at the top of the shadow root.
	Parent() Target
}

// EventOn returns the Event that a DOM event of type typ on target t
// triggers: the action bound with data-on-TYPE on t or its nearest ancestor
// that has one, with that element's value and the key pressed (keydown). It
// reports false when no element binds the event.
func EventOn(typ, key string, t Target) (Event, bool) {
	name := "data-on-" + typ
	for depth := 0; t != nil && depth < 64; depth++ {
		if action, ok := t.Attr(name); ok {
			e := Event{Type: typ, Action: action}
			if typ == "keydown" {
				e.Key = key
			}
			if v, ok := t.Value(); ok {
				e.Value = v
			}
			return e, true
		}
		t = t.Parent()
	}
	return Event{}, false
}

// Navigation is how the URL follows a new state: Write false leaves the URL
// alone; else the hash becomes Hash ("" removes it), in a new history entry
// or, with Replace, in the current one (typing in the search field must not
// fill the history with one entry per letter).
type Navigation struct {
	Write   bool
	Hash    string
	Replace bool
}

// Handle applies event e. hash is the page's URL hash now. It returns what
// the adapter does besides rendering, where the URL goes, and whether the
// widget must render at all (events before the data has loaded do nothing).
func (w *Widget) Handle(e Event, hash string) (eff Effect, nav Navigation, render bool) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.model == nil {
		return Effect{}, Navigation{}, false
	}
	old := w.state
	next, eff := Dispatch(w.model, w.cfg, w.state, e)
	w.state = next
	if !next.Equal(old) {
		nav = w.navigation(hash, eff.ReplaceHistory)
	}
	return eff, nav, true
}

// navigation is where the URL goes for the current state from hash.
func (w *Widget) navigation(cur string, replace bool) Navigation {
	next := EncodeHash(cur, w.prefix, w.state, w.cfg)
	if next == cur || (next == "" && (cur == "" || cur == "#")) || (cur == "" && next == "#") {
		return Navigation{}
	}
	return Navigation{Write: true, Hash: next, Replace: replace}
}

// HashChanged takes the page's new URL hash (Back, Forward, a link) and
// reports whether the widget must render.
func (w *Widget) HashChanged(hash string) bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.model == nil {
		return false
	}
	s := DecodeHash(hash, w.prefix, w.cfg)
	s.Explain, s.FiltersOpen = w.state.Explain, w.state.FiltersOpen // neither is in the hash
	changed := !s.Equal(w.state)
	w.state = s
	return changed
}

// ByID matches the rendered element whose id is id (Renderer.Handle), to
// move the focus to it.
func ByID(id string) func(*Node) bool {
	return func(n *Node) bool { v, ok := n.Attr("id"); return ok && v == id }
}
