package explorer_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/bl-digital/kompass/portfolio"
	"github.com/bl-digital/kompass/strategy"
	"github.com/bl-digital/kompass/wasm/explorer"
)

// keyed returns the nodes of n's tree whose key starts with prefix, by key.
func keyed(n *explorer.Node, prefix string) map[string]*explorer.Node {
	out := map[string]*explorer.Node{}
	var walk func(*explorer.Node)
	walk = func(n *explorer.Node) {
		if strings.HasPrefix(n.Key, prefix) {
			out[n.Key] = n
		}
		for _, c := range n.Children {
			walk(c)
		}
	}
	walk(n)
	return out
}

// withoutDeferred is the text of n without what the first render leaves
// for the complete view: its charts (the nodes keyed chart-…) and the
// options of its selects other than "all" and the one selected.
func withoutDeferred(n *explorer.Node) string {
	var b strings.Builder
	var walk func(*explorer.Node)
	walk = func(n *explorer.Node) {
		if strings.HasPrefix(n.Key, "chart-") {
			return
		}
		if v, _ := n.Attr("value"); n.Tag == "option" && v != "" {
			if _, selected := n.Attr("selected"); !selected {
				return
			}
		}
		b.WriteString(n.Text)
		for _, c := range n.Children {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// pendingPX is the pixel height a pending chart reserves for the drawing:
// the px in its --kx-ph style ("38px", "calc(360px + 5.2em)").
var pendingPX = regexp.MustCompile(`^(?:calc\()?(\d+)px`)

// TestBuildFirst: the first render is the view without its charts, each
// chart's place kept by an empty figure with the chart's key, as tall as
// the chart's drawing; everything else is the same as in the complete
// view, so the figures the charts show are there as text.
func TestBuildFirst(t *testing.T) {
	m := fixture(t)
	fa := m.Report.FocusAreas[0]
	cases := []struct {
		reason string
		cfg    explorer.Config
		state  explorer.State
	}{
		{"the strategy tree, every area closed: summary, overview and one status bar per area", explorer.Config{Lang: "de"}, explorer.State{}},
		{"an open area: its goals' status bars too", explorer.Config{Lang: "de"}, explorer.State{Expanded: []strategy.ID{fa.ID}}},
		{"French: the same places in another language", explorer.Config{Lang: "fr"}, explorer.State{Lang: "fr"}},
		{"a focus area fixed by the element: its rows alone, no cancelled money", explorer.Config{Lang: "de", Focus: fa.ID}, explorer.State{}},
		{"a filtered tree: the overview is hidden, its places too", explorer.Config{Lang: "de"}, explorer.State{Filter: explorer.Filter{Query: "portal"}}},
		{"the measure list: no chart on a closed card", explorer.Config{Lang: "de"}, explorer.State{View: explorer.Measures}},
		{"the timeline: no chart", explorer.Config{Lang: "it"}, explorer.State{View: explorer.Timeline, Lang: "it"}},
		{"a field chosen: its option is there from the first render", explorer.Config{Lang: "de"}, explorer.State{Filter: explorer.Filter{Field: portfolio.Data}}},
	}
	for _, c := range cases {
		first := explorer.BuildFirst(m, c.state, c.cfg)
		full := explorer.Build(m, c.state, c.cfg)
		assert.Nil(t, first.Find(func(n *explorer.Node) bool { return n.Tag == "svg" }), "%s: no chart is drawn first", c.reason)
		assert.Equal(t, withoutDeferred(full), withoutDeferred(first), "%s: all but the charts and the filters' other options is in the first render", c.reason)
		options := func(n *explorer.Node) (selects, all, selected int) {
			n.Find(func(o *explorer.Node) bool {
				if o.Tag == "select" {
					selects++
				}
				if o.Tag == "option" {
					all++
					if _, ok := o.Attr("selected"); ok {
						selected++
					}
				}
				return false
			})
			return selects, all, selected
		}
		selects, firstAll, firstSelected := options(first)
		_, fullAll, fullSelected := options(full)
		assert.Equal(t, fullSelected, firstSelected, "%s: the choice made is shown first", c.reason)
		assert.Equal(t, selects+firstSelected, firstAll, "%s: each filter with \"all\" and the choice made", c.reason)
		assert.Greater(t, fullAll, firstAll, "%s: the other options come with the complete view", c.reason)
		places, charts := keyed(first, "chart-"), keyed(full, "chart-")
		require.Len(t, places, len(charts), "%s: a place for every chart, and no place without one", c.reason)
		for key, chart := range charts {
			place := places[key]
			require.NotNil(t, place, "%s: %s has a place", c.reason, key)
			assert.Equal(t, "figure", place.Tag, "%s: %s: the place becomes the chart's figure", c.reason, key)
			class, _ := place.Attr("class")
			assert.Contains(t, class, "kx-chart-pending", c.reason)
			hidden, _ := place.Attr("aria-hidden")
			assert.Equal(t, "true", hidden, "%s: an empty place says nothing to a screen reader", c.reason)
			svg := chart.Find(func(n *explorer.Node) bool { return n.Tag == "svg" })
			require.NotNil(t, svg, key)
			want, _ := svg.Attr("height")
			require.NotEmpty(t, place.Styles, key)
			got := pendingPX.FindStringSubmatch(place.Styles[0].Value)
			require.NotNil(t, got, "%s: %s", key, place.Styles[0].Value)
			assert.Equal(t, want, got[1], "%s: %s reserves the height of the chart's drawing", c.reason, key)
			if chart.Find(func(n *explorer.Node) bool { return n.Tag == "figcaption" }) != nil {
				assert.Contains(t, place.Styles[0].Value, "em)", "%s: %s: room for the caption, legend and table", c.reason, key)
			} else {
				assert.Equal(t, want+"px", place.Styles[0].Value, "%s: %s: a compact chart is its drawing alone", c.reason, key)
			}
		}
	}
}

// TestBuildFirstPlacesWithoutMoney: a portfolio without budgets or savings
// has no budget and no savings chart, and no place for them either.
func TestBuildFirstPlacesWithoutMoney(t *testing.T) {
	m := fixture(t)
	p := *m.Portfolio
	p.Measures = nil
	for _, ms := range m.Portfolio.Measures {
		ms.Budget = nil
		ms.Savings = nil
		p.Measures = append(p.Measures, ms)
	}
	bare, err := explorer.NewModel(m.Strategy, &p, "/s.json", "/p.json")
	require.NoError(t, err)
	first := explorer.BuildFirst(bare, explorer.State{}, explorer.Config{Lang: "de"})
	full := explorer.Build(bare, explorer.State{}, explorer.Config{Lang: "de"})
	places, charts := keyed(first, "chart-"), keyed(full, "chart-")
	assert.NotContains(t, charts, "chart-budget", "reason: the case this test is about")
	assert.NotContains(t, charts, "chart-fte", "reason: the case this test is about")
	assert.Len(t, places, len(charts))
	for key := range charts {
		assert.Contains(t, places, key)
	}
}

// TestWidgetDeferCharts: with DeferCharts, each load shows first the view
// without its charts (state "shown", Pending), and every screen after it is
// complete ("ready"); a new load starts over.
func TestWidgetDeferCharts(t *testing.T) {
	var w explorer.Widget
	w.DeferCharts()
	w.SetAttributes(explorer.Attributes{Lang: "de", Strategy: "/s.json", Portfolio: "/p.json"}, "")
	tk := w.StartLoad()
	sc := w.Screen(true)
	assert.Equal(t, "loading", sc.State)
	assert.False(t, sc.Pending)

	require.True(t, w.FinishLoad(tk, fixture(t), nil))
	sc = w.Screen(true)
	assert.Equal(t, "shown", sc.State, "reason: the first screen of a load")
	assert.True(t, sc.Pending, "reason: the complete screen is to follow")
	assert.Nil(t, sc.Nodes[0].Find(func(n *explorer.Node) bool { return n.Tag == "svg" }))

	for i := range 2 {
		sc = w.Screen(true)
		assert.Equal(t, "ready", sc.State, "screen %d after the first", i+1)
		assert.False(t, sc.Pending)
		assert.NotNil(t, sc.Nodes[0].Find(func(n *explorer.Node) bool { return n.Tag == "svg" }), "reason: the charts are drawn")
	}

	tk = w.StartLoad()
	require.True(t, w.FinishLoad(tk, fixture(t), nil))
	assert.Equal(t, "shown", w.Screen(false).State, "reason: a new load shows its first render first again")
	assert.Equal(t, "ready", w.Screen(false).State)

	tk = w.StartLoad()
	require.True(t, w.FinishLoad(tk, nil, &explorer.FetchError{URL: "/p.json", Status: 404}))
	sc = w.Screen(true)
	assert.Equal(t, "error", sc.State, "reason: an error is never pending")
	assert.False(t, sc.Pending)
}

func ExampleBuildFirst() {
	m, err := explorer.LoadEmbedded()
	if err != nil {
		panic(err)
	}
	count := func(n *explorer.Node, match func(*explorer.Node) bool) int {
		c := 0
		var walk func(*explorer.Node)
		walk = func(n *explorer.Node) {
			if match(n) {
				c++
			}
			for _, k := range n.Children {
				walk(k)
			}
		}
		walk(n)
		return c
	}
	place := func(n *explorer.Node) bool { v, _ := n.Attr("class"); return strings.Contains(v, "kx-chart-pending") }
	chart := func(n *explorer.Node) bool { v, _ := n.Attr("role"); return n.Tag == "svg" && v == "img" }
	element := func(n *explorer.Node) bool { return n.Tag != "" }
	first := explorer.BuildFirst(m, explorer.State{}, explorer.Config{Lang: "de"})
	full := explorer.Build(m, explorer.State{}, explorer.Config{Lang: "de"})
	fmt.Printf("first render: %d chart places, %d charts\n", count(first, place), count(first, chart))
	fmt.Printf("complete: %d chart places, %d charts\n", count(full, place), count(full, chart))
	fmt.Println("the first render has less than half the elements:", 2*count(first, element) < count(full, element))
	// Output:
	// first render: 10 chart places, 0 charts
	// complete: 0 chart places, 10 charts
	// the first render has less than half the elements: true
}
