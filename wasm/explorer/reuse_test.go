package explorer_test

import (
	"testing"

	"github.com/bl-digital/kompass/wasm/explorer"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A filter change reuses the nodes that do not depend on the filters (the
// summary, cards shown before), so the renderer skips them; a node built
// once is never changed by a later build.
func TestBuildReusesNodes(t *testing.T) {
	explorer.ResetCaches() // an emptied cache could not keep a node for the second build
	m := bigModel(t, 200)
	cfg := explorer.Config{}
	s := explorer.Default(cfg).SetView(explorer.Measures)
	first := explorer.Build(m, s, cfg)
	narrowed, _ := explorer.Dispatch(m, cfg, s, explorer.Event{Type: "change", Action: "filter:field", Value: "data"})
	second := explorer.Build(m, narrowed, cfg)
	widened, _ := explorer.Dispatch(m, cfg, narrowed, explorer.Event{Type: "change", Action: "filter:field", Value: ""})
	third := explorer.Build(m, widened, cfg)

	assert.Same(t, first.ByTestID("summary"), second.ByTestID("summary"), "the summary does not depend on the filters")
	card := func(n *explorer.Node) *explorer.Node { return n.ByTestID("cards").Children[0] }
	assert.NotSame(t, card(first), card(second), "another measure comes first")
	assert.Same(t, card(first), card(third), "the first card of the unfiltered list is the one built before")

	// Opening a card's detail builds that card anew (aria-expanded), and the
	// summary with an open explanation is another node.
	id, _ := card(first).Attr("data-testid")
	opened, _ := explorer.Dispatch(m, cfg, widened, explorer.Event{Type: "click", Action: "select:" + id[len("card-"):]})
	fourth := explorer.Build(m, opened, cfg)
	assert.NotSame(t, card(first), card(fourth))
	assert.Contains(t, card(fourth).String(), `aria-expanded="true"`)
	explained, _ := explorer.Dispatch(m, cfg, widened, explorer.Event{Type: "click", Action: "explain:strategy"})
	assert.NotSame(t, first.ByTestID("summary"), explorer.Build(m, explained, cfg).ByTestID("summary"))
}

// "Show more" marks the first new card (id kx-next-cards) on a copy: the
// card built before keeps no such id when it is shown again without it.
func TestShowMoreDoesNotChangeReusedCards(t *testing.T) {
	m := bigModel(t, 200)
	cfg := explorer.Config{}
	s := explorer.Default(cfg).SetView(explorer.Measures)
	more, _ := explorer.Dispatch(m, cfg, s, explorer.Event{Type: "click", Action: "more:cards"})
	cards := explorer.Build(m, more, cfg).ByTestID("cards").Children
	require.Greater(t, len(cards), explorer.PageSize)
	v, ok := cards[explorer.PageSize].Attr("id")
	require.True(t, ok)
	require.Equal(t, "kx-next-cards", v)

	// The first page again, and three pages: only the first card of the
	// newest page is marked, not the cards marked in an earlier build.
	plain := explorer.Build(m, s, cfg).ByTestID("cards").Children
	require.Len(t, plain, explorer.PageSize)
	for i, c := range plain {
		_, marked := c.Attr("id")
		assert.False(t, marked, "card %d carries an id", i)
	}
	more2, _ := explorer.Dispatch(m, cfg, more, explorer.Event{Type: "click", Action: "more:cards"})
	three := explorer.Build(m, more2, cfg).ByTestID("cards").Children
	require.Len(t, three, 3*explorer.PageSize)
	for i, c := range three {
		v, marked := c.Attr("id")
		if i == 2*explorer.PageSize {
			assert.Equal(t, "kx-next-cards", v)
			continue
		}
		assert.False(t, marked, "card %d carries the id %q", i, v)
	}
}

// The rows of a filtered tree are built once and reused; "show more" marks
// the first row of the newest page (id kx-next-tree) on a copy, so the
// same row shown again on a later build carries no mark.
func TestFilteredTreeReusesRows(t *testing.T) {
	explorer.ResetCaches()
	m := bigModel(t, 600)
	cfg := explorer.Config{}
	s, _ := explorer.Dispatch(m, cfg, explorer.Default(cfg), explorer.Event{Type: "change", Action: "filter:field", Value: "data"})
	rows := func(n *explorer.Node) (out []*explorer.Node) {
		n.Find(func(c *explorer.Node) bool {
			if v, _ := c.Attr("class"); v == "kx-measure-row" {
				out = append(out, c)
			}
			return false
		})
		return out
	}
	first := rows(explorer.Build(m, s, cfg))
	require.Equal(t, explorer.PageSize, len(first), "reason: more than %d matches list a page", explorer.ShowAllUpTo)
	more, _ := explorer.Dispatch(m, cfg, s, explorer.Event{Type: "click", Action: "more:tree"})
	second := rows(explorer.Build(m, more, cfg))
	require.Equal(t, 2*explorer.PageSize, len(second))
	for i := range first {
		assert.Same(t, first[i], second[i], "reason: row %d is the node built before", i)
	}
	v, _ := second[explorer.PageSize].Attr("id")
	assert.Equal(t, "kx-next-tree", v, "reason: the first row of the new page gets the focus target")
	again := rows(explorer.Build(m, more, cfg))
	assert.Same(t, second[explorer.PageSize+1], again[explorer.PageSize+1], "reason: unmarked rows are reused")
	for i, r := range rows(explorer.Build(m, s, cfg)) {
		_, marked := r.Attr("id")
		assert.False(t, marked, "reason: row %d of the first page is not marked", i)
	}
}
