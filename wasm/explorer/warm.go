package explorer

import (
	"github.com/bl-digital/kompass/portfolio"
)

// Warm runs once, without showing anything, what a person's first filter
// changes run: it builds the view narrowed by a field and by a search and
// back, and diffs each against the one before on a renderer that makes no
// DOM calls. The adapter calls it after the complete view is painted, when
// the page is idle. A WebAssembly function is compiled when it is first
// called, and optimised once it has run a while (V8's lazy compilation and
// tier-up): without this, the first filter changes after a load did that
// work and took several times as long as the later ones (the first 64-129
// ms in the tree of 2,000 measures, against 10-20). The browser's own
// caches of style and text shaping are warmed only by showing, which Warm
// does not do. It changes no state; a panic in it is dropped (it showed
// nothing).
func (w *Widget) Warm() {
	w.mu.Lock()
	m, s, cfg := w.model, w.state, w.cfg
	w.mu.Unlock()
	if m == nil {
		return
	}
	defer func() { _ = recover() }()
	r := NewRenderer(nopDOM{}, nopNode)
	r.Render(Build(m, s, cfg))
	for range 2 {
		for _, n := range warmStates(m, cfg, s) {
			r.Render(Build(m, n, cfg))
			EncodeHash("", "", n, cfg)
			r.Render(Build(m, s, cfg))
		}
	}
}

// warmStates are the states Warm narrows s to: by a search and by a field.
func warmStates(m *Model, cfg Config, s State) []State {
	narrowed := []State{setFilter(m, cfg, s, "query", warmQuery)}
	for _, f := range portfolio.Fields() {
		if f != s.Filter.Field {
			return append(narrowed, setFilter(m, cfg, s, "field", string(f)))
		}
	}
	return narrowed
}

// warmQuery is the search Warm narrows by: a common syllable, so that the
// matching runs over every measure's texts and finds some.
const warmQuery = "ung"

// nopDOM is a DOM that does nothing, for Warm: it has every optional method
// the browser adapter has, so that the renderer takes the same paths.
type nopDOM struct{}

// nopNode is every node of nopDOM.
var nopNode = new(struct{ _ byte })

func (nopDOM) CreateElement(string) any           { return nopNode }
func (nopDOM) CreateElementNS(string, string) any { return nopNode }
func (nopDOM) CreateText(string) any              { return nopNode }
func (nopDOM) SetText(any, string)                {}
func (nopDOM) SetAttr(any, string, string)        {}
func (nopDOM) RemoveAttr(any, string)             {}
func (nopDOM) SetStyle(any, string, string)       {}
func (nopDOM) InsertBefore(any, any, any)         {}
func (nopDOM) InsertAllBefore(any, []any, any)    {}
func (nopDOM) Remove(any, any)                    {}
func (nopDOM) SetTextContent(any, string)         {}
func (nopDOM) FirstChild(any) any                 { return nopNode }
func (nopDOM) ChildNode(any, int) any             { return nopNode }

// nopDOM has the optional methods of the browser adapter's DOM.
var (
	_ NamespacedDOM  = nopDOM{}
	_ TextContentDOM = nopDOM{}
	_ TextBatchDOM   = nopDOM{}
)
