package explorer_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/bl-digital/kompass/strategy"
	"github.com/bl-digital/kompass/wasm/explorer"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// testIDs lists the suffixes of the data-testids in n that start with prefix, in order.
func testIDs(n *explorer.Node, prefix string) []string {
	var out []string
	n.Find(func(x *explorer.Node) bool {
		if v, ok := x.Attr("data-testid"); ok && strings.HasPrefix(v, prefix) {
			out = append(out, strings.TrimPrefix(v, prefix))
		}
		return false
	})
	return out
}

// byID returns the node with id attribute id, or nil.
func byID(n *explorer.Node, id string) *explorer.Node {
	return n.Find(func(x *explorer.Node) bool { v, ok := x.Attr("id"); return ok && v == id })
}

func TestPaging(t *testing.T) {
	const P = explorer.PageSize
	const n = explorer.ShowAllUpTo + P/2 // longer than a list shown whole: five full pages and a short one
	m := bigModel(t, n)
	id := func(i int) string { return fmt.Sprintf("M%04d", i) }
	cfg := explorer.Config{}
	more := func(key string) explorer.Event { return explorer.Event{Type: "click", Action: "more:" + key} }
	tests := []struct {
		reason string
		state  explorer.State
		events []explorer.Event
		key    string // the list's key: more-KEY, kx-next-KEY
		item   string // the items' data-testid prefix
		shown  int    // items shown
		total  int    // items that pass the filters
		next   string // the testid of the first item of the newest page, "#" for the item at the page's start, or ""
	}{
		{"the cards show the first page", explorer.Default(cfg).SetView(explorer.Measures), nil, "cards", "card-", P, n, ""},
		{"show more adds a page and moves the focus to its first card", explorer.Default(cfg).SetView(explorer.Measures),
			[]explorer.Event{more("cards")}, "cards", "card-", 2 * P, n, "card-" + id(P)},
		{"the last page is short and has no show more", explorer.Default(cfg).SetView(explorer.Measures),
			[]explorer.Event{more("cards"), more("cards"), more("cards"), more("cards"), more("cards")}, "cards", "card-", n, n, "card-" + id(5*P)},
		{"a filter change goes back to the first page", explorer.Default(cfg).SetView(explorer.Measures),
			[]explorer.Event{more("cards"), {Type: "input", Action: "filter:query", Value: "massnahme"}}, "cards", "card-", P, n, ""},
		{"a selected card past the first page is shown, with the pages before it",
			explorer.Default(cfg).SetView(explorer.Measures).Select(strategy.ID(id(P + 3))), nil, "cards", "card-", 2 * P, n, "card-" + id(P)},
		{"the timeline rows are paged too", explorer.Default(cfg).SetView(explorer.Timeline),
			[]explorer.Event{more("timeline")}, "timeline", "bar-", 2 * P, n, "#"},
		{"another view starts at the first page", explorer.Default(cfg).SetView(explorer.Measures),
			[]explorer.Event{more("cards"), {Type: "click", Action: "view:timeline"}}, "timeline", "bar-", P, n, ""},
	}
	for _, tt := range tests {
		t.Run(tt.reason, func(t *testing.T) {
			s := tt.state
			var eff explorer.Effect
			for _, e := range tt.events {
				s, eff = explorer.Dispatch(m, cfg, s, e)
			}
			root := explorer.Build(m, s, cfg)
			items := testIDs(root, tt.item)
			require.Len(t, items, tt.shown)
			if tt.key == "cards" {
				assert.IsIncreasing(t, items, "the cards in portfolio order")
			}
			if tt.next == "#" {
				tt.next = tt.item + items[len(items)-P]
			}
			total := tt.total
			btn := root.ByTestID("more-" + tt.key)
			if tt.shown < total {
				require.NotNil(t, btn, "a list with items left has show more")
				assert.Equal(t, explorer.Msg("de", "more", "n", fmt.Sprint(min(P, total-tt.shown))), btn.TextContent())
				assert.Equal(t, explorer.Msg("de", "shown", "n", fmt.Sprint(tt.shown), "m", fmt.Sprint(total)),
					byID(root, mustAttr(t, btn, "aria-describedby")).TextContent(), "the button is described by what is shown")
			} else {
				assert.Nil(t, btn, "a list shown whole has no show more")
			}
			assert.Equal(t, explorer.Msg("de", "count", "n", fmt.Sprint(total), "m", fmt.Sprint(n)), root.ByTestID("count").TextContent(),
				"the count is of every measure that passes the filters, not of those shown")
			next := byID(root, "kx-next-"+tt.key)
			if tt.next == "" {
				assert.Nil(t, next)
				return
			}
			if len(tt.events) > 0 && strings.HasPrefix(tt.events[len(tt.events)-1].Action, "more:") {
				assert.Equal(t, "kx-next-"+tt.key, eff.Focus, "show more moves the focus there")
			}
			require.NotNil(t, next)
			assert.Equal(t, tt.next, mustAttr(t, next, "data-testid"))
			assert.Equal(t, "-1", mustAttr(t, next, "tabindex"), "focusable by script, not in the Tab order")
		})
	}
}

func TestShortListsShowWhole(t *testing.T) {
	for _, n := range []int{explorer.PageSize + 1, 34, explorer.ShowAllUpTo} {
		m := bigModel(t, n)
		for _, v := range []string{"measures", "timeline"} {
			cfg := explorer.Config{View: v}
			root := explorer.Build(m, explorer.Default(cfg), cfg)
			prefix := map[string]string{"measures": "card-", "timeline": "bar-"}[v]
			assert.Len(t, testIDs(root, prefix), n, "reason: a list of %d items (at most %d) shows them all in %s", n, explorer.ShowAllUpTo, v)
			assert.Nil(t, root.ByTestID("more-cards"), "reason: and has no show more")
			assert.Nil(t, root.ByTestID("more-timeline"), "reason: and has no show more")
		}
	}
}

func TestSelectedCardPastFirstPage(t *testing.T) {
	const P = explorer.PageSize
	m := bigModel(t, explorer.ShowAllUpTo+3*P)
	cfg := explorer.Config{View: "measures"}
	third := strategy.ID(fmt.Sprintf("M%04d", 2*P+1))
	root := explorer.Build(m, explorer.Default(cfg).Select(third), cfg)
	require.NotNil(t, root.ByTestID("detail-"+string(third)), "reason: the detail of a card on the third page is open")
	// Show more after that follows the pages shown.
	second := strategy.ID(fmt.Sprintf("M%04d", P+1))
	s, _ := explorer.Dispatch(m, cfg, explorer.Default(cfg).Select(second), explorer.Event{Type: "click", Action: "more:cards"})
	assert.Equal(t, 2, s.More, "reason: the selected card's page was the second; show more shows the third")
}

func TestTreeLongLists(t *testing.T) {
	m := bigModel(t, 2000)
	cfg := explorer.Config{}
	s := explorer.Default(cfg)
	root := explorer.Build(m, s, cfg)
	toggle := root.ByTestID("toggle-cancelled")
	require.NotNil(t, toggle, "reason: the cancelled measures have a disclosure")
	assert.Equal(t, "false", mustAttr(t, toggle, "aria-expanded"))
	assert.Contains(t, toggle.TextContent(), "(400)", "reason: it says how many")
	assert.Nil(t, root.ByTestID("cancelled"), "reason: closed, the 400 cancelled measures are not built")

	s, _ = explorer.Dispatch(m, cfg, s, explorer.Event{Type: "click", Action: "cancelled"})
	root = explorer.Build(m, s, cfg)
	assert.Equal(t, "true", mustAttr(t, root.ByTestID("toggle-cancelled"), "aria-expanded"))
	assert.Len(t, testIDs(root.ByTestID("cancelled"), "open-"), explorer.PageSize, "reason: open, a page of them")
	require.NotNil(t, root.ByTestID("more-cancelled"))
	assert.Contains(t, explorer.EncodeHash("", "", s, cfg), "c=1", "reason: the open list is in the hash")

	// A goal's measures are paged as well.
	g := m.Report.FocusAreas[0].Goals[0]
	require.Greater(t, len(g.Measures), explorer.PageSize, "the test needs a goal with more measures than a page")
	s = s.Toggle(m.Report.FocusAreas[0].ID).Toggle(g.ID)
	root = explorer.Build(m, s, cfg)
	assert.Len(t, testIDs(root.ByTestID("goal-"+string(g.ID)), "open-"), explorer.PageSize)
	s, eff := explorer.Dispatch(m, cfg, s, explorer.Event{Type: "click", Action: "more:goal-" + string(g.ID)})
	root = explorer.Build(m, s, cfg)
	assert.Len(t, testIDs(root.ByTestID("goal-"+string(g.ID)), "open-"), min(2*explorer.PageSize, len(g.Measures)))
	next := byID(root, eff.Focus)
	require.NotNil(t, next, "reason: the focus target exists")
	assert.Equal(t, []string{string(g.Measures[explorer.PageSize])}, testIDs(next, "open-"),
		"reason: the focus moves to the first measure of the new page")
}

func TestHeadingLevel(t *testing.T) {
	m := fixture(t)
	tests := []struct {
		reason string
		level  int
		want   []string // title, focus area, goal, card, detail, detail part
	}{
		{"the default is h2 for the title", 0, []string{"h2", "h3", "h4", "h3", "h4", "h5"}},
		{"a page that has an h2 above the widget", 3, []string{"h3", "h4", "h5", "h4", "h5", "h6"}},
		{"never deeper than h6", 5, []string{"h5", "h6", "h6", "h6", "h6", "h6"}},
		{"out of range means the default", 9, []string{"h2", "h3", "h4", "h3", "h4", "h5"}},
	}
	for _, tt := range tests {
		cfg := explorer.Config{HeadingLevel: tt.level}
		tree := explorer.Build(m, explorer.Default(cfg).Toggle("GK").Toggle("GK1"), cfg)
		cfg.View = "measures"
		cards := explorer.Build(m, explorer.Default(cfg).Select("PPM"), cfg)
		got := []string{
			tree.ByTestID("summary").Children[0].Tag,
			tree.ByTestID("area-GK").Children[0].Tag,
			tree.ByTestID("goal-GK1").Children[0].Tag,
			cards.ByTestID("card-PPM").Children[0].Tag,
			byID(cards, "kx-detail-h-PPM").Tag,
			cards.ByTestID("detail-PPM").Find(func(n *explorer.Node) bool { return n.TextContent() == explorer.Msg("de", "goals") && n.Tag != "" }).Tag,
		}
		assert.Equal(t, tt.want, got, "reason: %s", tt.reason)
	}
}

func TestFilterRegionNames(t *testing.T) {
	m := fixture(t)
	name := func(cfg explorer.Config) string {
		n := explorer.Build(m, explorer.Default(cfg), cfg)
		return mustAttr(t, n.Find(func(x *explorer.Node) bool { v, _ := x.Attr("role"); return v == "search" }), "aria-label")
	}
	whole, dl := name(explorer.Config{}), name(explorer.Config{Focus: "DL"})
	assert.Equal(t, "Filter: Teststrategie", whole, "reason: named after the widget's title")
	assert.Equal(t, "Filter: Dienstleistungen", dl, "reason: a focus widget is named after its focus area")
	assert.Equal(t, "Filtres\u00a0: Stratégie de test", name(explorer.Config{Lang: "fr"}), "reason: French spacing: a no-break space before the colon")
}
