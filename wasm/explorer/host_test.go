package explorer_test

import (
	"strings"
	"sync"
	"testing"

	"github.com/bl-digital/kompass/wasm/explorer"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// nodeTarget is a Node as an event target, with its ancestors.
type nodeTarget struct {
	n       *explorer.Node
	parents []*explorer.Node // root first
}

func (t nodeTarget) Attr(name string) (string, bool) { return t.n.Attr(name) }

func (t nodeTarget) Value() (string, bool) {
	switch t.n.Tag {
	case "input", "select", "textarea":
		v, _ := t.n.Attr("value")
		return v, true
	}
	return "", false
}

func (t nodeTarget) Parent() explorer.Target {
	if len(t.parents) == 0 {
		return nil
	}
	last := len(t.parents) - 1
	return nodeTarget{t.parents[last], t.parents[:last]}
}

// targetOf returns the deepest element in root's subtree for which match is
// true, as a Target.
func targetOf(root *explorer.Node, match func(*explorer.Node) bool) explorer.Target {
	var found explorer.Target
	var walk func(n *explorer.Node, parents []*explorer.Node)
	walk = func(n *explorer.Node, parents []*explorer.Node) {
		if n.Tag != "" && match(n) {
			found = nodeTarget{n, append([]*explorer.Node(nil), parents...)}
		}
		for _, c := range n.Children {
			walk(c, append(parents, n))
		}
	}
	walk(root, nil)
	return found
}

func testID(id string) func(*explorer.Node) bool {
	return func(n *explorer.Node) bool { v, ok := n.Attr("data-testid"); return ok && v == id }
}

func TestEventOn(t *testing.T) {
	m := fixture(t)
	cfg := explorer.Config{Lang: "de"}
	root := explorer.Build(m, explorer.Default(cfg), cfg)
	nested := explorer.El("button", explorer.A("data-on-click", "view:timeline"),
		explorer.El("span", explorer.A("class", "kx-icon"), explorer.El("b", nil, explorer.T("x"))))
	tests := []struct {
		reason   string
		typ, key string
		target   explorer.Target
		want     explorer.Event
		ok       bool
	}{
		{"a click on a tab is its view action", "click", "", targetOf(root, testID("tab-measures")),
			explorer.Event{Type: "click", Action: "view:measures"}, true},
		{"a click on an element inside a button goes to the button's binding", "click", "", targetOf(nested, func(n *explorer.Node) bool { return n.Tag == "b" }),
			explorer.Event{Type: "click", Action: "view:timeline"}, true},
		{"a key on a tab carries the key", "keydown", "ArrowRight", targetOf(root, testID("tab-goals")),
			explorer.Event{Type: "keydown", Action: "tabkey:goals", Key: "ArrowRight"}, true},
		{"a change of a select carries the select's live value", "change", "", targetOf(root, testID("filter-status")),
			explorer.Event{Type: "change", Action: "filter:status"}, true},
		{"typing in the search field is the query filter", "input", "", targetOf(root, testID("filter-query")),
			explorer.Event{Type: "input", Action: "filter:query"}, true},
		{"a click on plain text binds nothing", "click", "", targetOf(root, testID("count")), explorer.Event{}, false},
		{"a key on a tab's parent binds nothing: bindings do not reach down", "keydown", "ArrowRight",
			targetOf(root, func(n *explorer.Node) bool { v, _ := n.Attr("role"); return v == "tablist" }), explorer.Event{}, false},
		{"an event outside any element", "click", "", nil, explorer.Event{}, false},
	}
	for _, tt := range tests {
		if tt.target == nil && tt.reason != "an event outside any element" {
			t.Fatalf("%s: the view has no such element", tt.reason)
		}
		got, ok := explorer.EventOn(tt.typ, tt.key, tt.target)
		assert.Equal(t, tt.ok, ok, "reason: %s", tt.reason)
		assert.Equal(t, tt.want, got, "reason: %s", tt.reason)
	}
}

func TestAttributesConfig(t *testing.T) {
	tests := []struct {
		reason string
		a      explorer.Attributes
		want   explorer.Config
	}{
		{"the element's lang wins over the page's", explorer.Attributes{Lang: "fr", PageLang: "de"}, explorer.Config{Lang: "fr"}},
		{"without lang, the page's language, regional tag reduced", explorer.Attributes{PageLang: "it-CH"}, explorer.Config{Lang: "it"}},
		{"an unknown language is German", explorer.Attributes{Lang: "rm"}, explorer.Config{Lang: "de"}},
		{"an invalid focus is ignored, a heading level read", explorer.Attributes{Focus: "<b>", HeadingLevel: "3", View: "timeline"},
			explorer.Config{Lang: "de", HeadingLevel: 3, View: "timeline"}},
		{"a focus id is kept", explorer.Attributes{Focus: "DL"}, explorer.Config{Lang: "de", Focus: "DL"}},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, tt.a.Config(), "reason: %s", tt.reason)
	}
}

// ready returns a widget with the fixture's data loaded.
func ready(t *testing.T, a explorer.Attributes, hash string) *explorer.Widget {
	t.Helper()
	w := &explorer.Widget{}
	require.True(t, w.SetAttributes(a, hash))
	tk := w.StartLoad()
	require.True(t, w.FinishLoad(tk, fixture(t), nil))
	return w
}

func TestWidgetScreen(t *testing.T) {
	var w explorer.Widget
	w.SetAttributes(explorer.Attributes{Lang: "fr", Strategy: "/s.json", Portfolio: "/p.json"}, "")
	tk := w.StartLoad()

	sc := w.Screen(true)
	assert.Equal(t, "loading", sc.State)
	require.Len(t, sc.Nodes, 1, "reason: while loading, the static fallback shows alone, no spinner over it")
	assert.Equal(t, "slot", sc.Nodes[0].Tag)

	sc = w.Screen(false)
	assert.Equal(t, "loading", sc.State)
	assert.NotNil(t, sc.Nodes[0].ByTestID("loading"), "reason: without a fallback, a loading message")

	require.True(t, w.FinishLoad(tk, nil, &explorer.FetchError{URL: "/p.json", Status: 404}))
	sc = w.Screen(true)
	assert.Equal(t, "error", sc.State)
	require.Len(t, sc.Nodes, 2)
	assert.Equal(t, "error", sc.Nodes[0].Key, "reason: the message comes first")
	assert.Equal(t, "slot", sc.Nodes[1].Tag, "reason: the fallback stays below the message")
	assert.Contains(t, sc.Nodes[0].TextContent(), "La vue interactive n’est pas disponible.")

	tk = w.StartLoad()
	require.True(t, w.FinishLoad(tk, fixture(t), nil))
	sc = w.Screen(true)
	assert.Equal(t, "ready", sc.State)
	require.Len(t, sc.Nodes, 1, "reason: the explorer replaces the fallback")
	assert.NotNil(t, sc.Nodes[0].ByTestID("explorer"))

	w.StartLoad()
	sc = w.Screen(true)
	assert.Equal(t, "loading", sc.State)
	assert.NotNil(t, sc.Nodes[0].ByTestID("loading"), "reason: once the explorer showed, a reload shows a loading message, not the old fallback")
}

func TestWidgetDropsStaleLoads(t *testing.T) {
	var w explorer.Widget
	a := explorer.Attributes{Strategy: "/s.json", Portfolio: "/old.json"}
	require.True(t, w.SetAttributes(a, ""), "reason: the first call loads")
	first := w.StartLoad()
	assert.Equal(t, "/old.json", first.Source.Portfolio)

	assert.False(t, w.SetAttributes(explorer.Attributes{Strategy: "/s.json", Portfolio: "/old.json", Lang: "fr"}, ""),
		"reason: a change of lang needs no new load")
	a.Portfolio = "/new.json"
	require.True(t, w.SetAttributes(a, ""), "reason: a new portfolio URL loads again")
	second := w.StartLoad()
	assert.Equal(t, "/new.json", second.Source.Portfolio)

	assert.False(t, w.FinishLoad(first, nil, &explorer.FetchError{URL: "/old.json", Status: 404}),
		"reason: the old URL's load finished late: dropped")
	assert.Equal(t, "loading", w.Screen(true).State, "reason: the dropped error is not shown")
	assert.True(t, w.FinishLoad(second, fixture(t), nil))
	assert.Equal(t, "ready", w.Screen(true).State)

	third := w.StartLoad()
	w.Stop()
	assert.False(t, w.FinishLoad(third, fixture(t), nil), "reason: the element left the page")
}

func TestWidgetLoadConcurrent(t *testing.T) {
	srv := newServer(t)
	gate := make(chan struct{})
	entered := make(chan string, 4)
	loads := explorer.NewLoads(func(url string) (explorer.Response, error) {
		entered <- url
		<-gate
		return srv.fetch(url)
	})
	var w explorer.Widget
	w.SetAttributes(explorer.Attributes{Strategy: "/data/s.json", Portfolio: "/data/missing.json"}, "")
	var wg sync.WaitGroup
	var first bool
	wg.Go(func() { first = w.Load(loads, page) })
	<-entered // the first load waits for the server
	// The attribute is corrected while the first load is under way.
	require.True(t, w.SetAttributes(explorer.Attributes{Strategy: "/data/s.json", Portfolio: "/data/p.json"}, ""))
	tk := w.StartLoad()
	close(gate)
	wg.Wait()
	assert.False(t, first, "reason: the load of the old URL finished after the attribute changed: dropped")
	m, err := loads.Model(page, tk.Source)
	require.NoError(t, err)
	assert.True(t, w.FinishLoad(tk, m, err), "reason: the newest load is rendered")
	assert.Equal(t, "ready", w.Screen(true).State, "reason: the 404 of the old URL never replaces the new data")
}

func TestWidgetNavigation(t *testing.T) {
	tests := []struct {
		reason string
		id     string
		hash   string
		event  explorer.Event
		want   explorer.Navigation
	}{
		{"a view change is a new history entry", "", "", explorer.Event{Type: "click", Action: "view:measures"},
			explorer.Navigation{Write: true, Hash: "#v=measures"}},
		{"typing in the search field replaces the entry", "", "", explorer.Event{Type: "input", Action: "filter:query", Value: "geo"},
			explorer.Navigation{Write: true, Hash: "#q=geo", Replace: true}},
		{"a select filter is a new entry", "", "", explorer.Event{Type: "change", Action: "filter:field", Value: "data"},
			explorer.Navigation{Write: true, Hash: "#f=data"}},
		{"with an id, the keys are prefixed and other widgets' keys kept", "list", "#tree.q=x",
			explorer.Event{Type: "click", Action: "view:timeline"}, explorer.Navigation{Write: true, Hash: "#tree.q=x&list.v=timeline"}},
		{"an event that changes nothing leaves the URL", "", "", explorer.Event{Type: "click", Action: "view:goals"}, explorer.Navigation{}},
		{"an unknown key leaves the URL", "", "", explorer.Event{Type: "keydown", Action: "tabkey:goals", Key: "x"}, explorer.Navigation{}},
	}
	for _, tt := range tests {
		w := ready(t, explorer.Attributes{ID: tt.id}, tt.hash)
		_, nav, render := w.Handle(tt.event, tt.hash)
		assert.True(t, render, "reason: %s", tt.reason)
		assert.Equal(t, tt.want, nav, "reason: %s", tt.reason)
	}
}

func TestWidgetHandleBeforeData(t *testing.T) {
	var w explorer.Widget
	w.SetAttributes(explorer.Attributes{}, "")
	w.StartLoad()
	_, nav, render := w.Handle(explorer.Event{Type: "click", Action: "view:measures"}, "")
	assert.False(t, render, "reason: no data yet: nothing to render")
	assert.False(t, nav.Write)
	assert.False(t, w.HashChanged("#v=measures"), "reason: the hash is read when the data comes")
}

func TestWidgetHashChanged(t *testing.T) {
	w := ready(t, explorer.Attributes{ID: "k"}, "#k.v=measures")
	assert.Contains(t, w.Screen(false).Nodes[0].String(), `data-view="measures"`, "reason: the state comes from the hash")
	assert.False(t, w.HashChanged("#k.v=measures&other.q=x"), "reason: another widget's keys do not render this one")
	assert.True(t, w.HashChanged("#k.v=timeline"), "reason: Back to another view renders")
	assert.True(t, strings.Contains(w.Screen(false).Nodes[0].String(), `data-view="timeline"`))
}

func TestWidgetScreenNeverBlank(t *testing.T) {
	w := ready(t, explorer.Attributes{}, "")
	w.SetAttributes(explorer.Attributes{Strategy: "/s.json"}, "")
	tk := w.StartLoad()
	w.FinishLoad(tk, nil, tk.Source.Check())
	sc := w.Screen(false)
	assert.Equal(t, "error", sc.State)
	assert.Contains(t, sc.Nodes[0].TextContent(), "portfolio", "reason: the missing attribute is named")
}
