package e2e

import (
	"fmt"
	"slices"
	"testing"

	"github.com/bl-digital/kompass/portfolio"
	"github.com/bl-digital/kompass/wasm/explorer"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/require"
)

// focusableJS lists, in DOM order, the names of the controls of widget id
// that Tab should reach: enabled buttons, selects and inputs, links, the
// summaries of disclosures (the charts' "als Tabelle"), and elements with a
// tabindex >= 0, minus tabindex=-1 and hidden ones.
const focusableJS = `((id) => [...__e2e.root(id).querySelectorAll("button, select, input, a[href], details > summary, [tabindex]")]
  .filter((el) => !el.disabled && el.getAttribute("tabindex") !== "-1" && el.getClientRects().length > 0)
  .map(__e2e.describe))`

// tabWalk focuses the link before the widgets and presses Tab until the
// link after them has focus; it returns the names of the controls reached
// inside widget id, in order.
func tabWalk(tb *tab, id string) []string {
	tb.t.Helper()
	must[chromedp.Void](tb, `document.getElementById("before").focus()`)
	var reached []string
	for range 500 {
		tb.keys(kb.Tab)
		host, name := tb.active()
		if host == "" && name == "after" {
			return reached
		}
		if host == id {
			reached = append(reached, name)
		}
	}
	tb.t.Fatalf("Tab never reached the link after the widget; reached %v", reached)
	return nil
}

// requireActive checks that the focused element is name inside widget id.
func requireActive(t *testing.T, tb *tab, id, name, why string) {
	t.Helper()
	host, got := tb.active()
	require.Equal(t, id+" "+name, host+" "+got, why)
}

// TestKeyboard walks the widget with real key events only: Tab reaches
// every control in order, Enter and Space activate, the arrow keys, Home
// and End move between the tabs, and Escape closes the detail and returns
// focus to its button.
func TestKeyboard(t *testing.T) {
	d := example(t)
	tb := newTab(t, 1280, 900)
	tb.open(env.site.page("keyboard", defaultWidget), "w", "ready")

	// The tree: every control, in DOM order, and the ones the data calls for.
	walk := tabWalk(tb, "w")
	require.Equal(t, must[[]string](tb, focusableJS+`("w")`), walk, "Tab order = DOM order of the focusable controls")
	want := []string{"explain-strategy", "tab-goals", "filter-focus-area", "filter-goal", "filter-field",
		"filter-beneficiary", "filter-owner", "filter-status", "filter-query"}
	for _, fa := range d.r.FocusAreas {
		want = append(want, "toggle-"+string(fa.ID), "explain-area-"+string(fa.ID))
	}
	want = append(want, "toggle-cancelled")
	for _, w := range want {
		require.Contains(t, walk, w, "Tab does not reach %s", w)
	}
	require.NotContains(t, walk, "tab-measures", "only the selected tab is in the Tab order (roving tabindex)")

	// Enter and Space open tree nodes; focus stays on the toggle.
	fa := d.r.FocusAreas[0]
	tb.focus("w", "toggle-"+string(fa.ID))
	tb.keys(kb.Enter)
	require.Equal(t, "true", tb.attr("w", "toggle-"+string(fa.ID), "aria-expanded"), "Enter opens a focus area")
	requireActive(t, tb, "w", "toggle-"+string(fa.ID), "focus stays on the toggle")
	tb.keys(kb.Tab) // to the focus area's explain button
	tb.keys(kb.Tab) // to its first goal's toggle
	g := fa.Goals[0]
	requireActive(t, tb, "w", "toggle-"+string(g.ID), "Tab goes on to the first goal")
	tb.keys(" ")
	require.Equal(t, "true", tb.attr("w", "toggle-"+string(g.ID), "aria-expanded"), "Space opens a goal")
	tb.keys(kb.Enter)
	require.Equal(t, "false", tb.attr("w", "toggle-"+string(g.ID), "aria-expanded"), "Enter closes it again")
	tb.focus("w", "explain-strategy")
	tb.keys(kb.Enter)
	require.True(t, tb.exists("w", "explanation-strategy"), "Enter opens the explanation")
	tb.keys(" ")
	require.False(t, tb.exists("w", "explanation-strategy"), "Space closes the explanation")

	// Arrow keys, Home and End move between the tabs and select them.
	tb.focus("w", "tab-goals")
	for _, step := range []struct{ key, want string }{
		{kb.ArrowRight, "measures"}, {kb.ArrowRight, "timeline"}, {kb.ArrowRight, "goals"},
		{kb.ArrowLeft, "timeline"}, {kb.Home, "goals"}, {kb.End, "timeline"}, {kb.ArrowLeft, "measures"},
	} {
		tb.keys(step.key)
		requireActive(t, tb, "w", "tab-"+step.want, fmt.Sprintf("%q moves the focus", step.key))
		require.Equal(t, "true", tb.attr("w", "tab-"+step.want, "aria-selected"), "%q selects the tab", step.key)
		require.Equal(t, step.want, tb.attr("w", "explorer", "data-view"))
	}

	// The measure list: every card (a list of a few dozen is shown whole);
	// every card's details button is reached.
	walk = tabWalk(tb, "w")
	require.Equal(t, must[[]string](tb, focusableJS+`("w")`), walk, "measures: Tab order = DOM order")
	require.Contains(t, walk, "tab-measures")
	showAll(t, tb, "cards", "card-", d.p.Measures)
	walk = tabWalk(tb, "w")
	require.NotContains(t, walk, "more-cards", "no show more once every card is shown")
	for _, m := range d.p.Measures {
		require.Contains(t, walk, "details-"+string(m.ID), "Tab does not reach the details of %s", m.ID)
	}

	// Enter opens a detail and moves the focus to its heading; Escape
	// closes it and returns the focus to the button.
	m := string(d.p.Measures[3].ID)
	tb.focus("w", "details-"+m)
	tb.keys(kb.Enter)
	require.True(t, tb.exists("w", "detail-"+m), "Enter opens the detail")
	requireActive(t, tb, "w", "kx-detail-h-"+m, "the focus moves to the detail's heading")
	tb.keys(kb.Escape)
	require.False(t, tb.exists("w", "detail-"+m), "Escape closes the detail")
	requireActive(t, tb, "w", "details-"+m, "the focus returns to the details button")
	// Space opens it; Tab reaches the close button; Enter there closes it.
	tb.keys(" ")
	require.True(t, tb.exists("w", "detail-"+m), "Space opens the detail")
	for range 40 {
		if _, name := tb.active(); name == "detail-close" {
			break
		}
		tb.keys(kb.Tab)
	}
	requireActive(t, tb, "w", "detail-close", "Tab reaches the close button")
	tb.keys(kb.Enter)
	require.False(t, tb.exists("w", "detail-"+m), "Enter on close closes the detail")
	requireActive(t, tb, "w", "details-"+m, "the focus returns to the details button")

	// Escape from inside the detail (a link or the close button) closes it too.
	tb.focus("w", "details-"+m)
	tb.keys(kb.Enter)
	tb.focus("w", "detail-close")
	tb.keys(kb.Escape)
	require.False(t, tb.exists("w", "detail-"+m), "Escape on the close button closes the detail")
	requireActive(t, tb, "w", "details-"+m, "the focus returns to the details button")

	// A select is operated with the arrow keys.
	tb.focus("w", "filter-status")
	tb.keys(kb.ArrowDown)
	status := must[string](tb, `__e2e.must("w", "filter-status").value`)
	require.NotEmpty(t, status, "ArrowDown picks the next status")
	require.Len(t, cardIDs(tb, "w"), firstPage(d.count(filter{status: statusOf(status)})), "the arrow key's choice filters")

	// The timeline: every bar's label is a button Tab reaches.
	tb.click("w", "filter-reset")
	tb.focus("w", "tab-measures")
	tb.keys(kb.ArrowRight)
	showAll(t, tb, "timeline", "bar-", d.p.Measures)
	walk = tabWalk(tb, "w")
	require.Equal(t, must[[]string](tb, focusableJS+`("w")`), walk, "timeline: Tab order = DOM order")
	for _, m := range d.p.Measures {
		require.True(t, slices.Contains(walk, "open:"+string(m.ID)), "Tab does not reach the timeline row of %s", m.ID)
	}
	// Enter on a row opens the measure's detail in the measure view.
	m = string(d.p.Measures[1].ID)
	must[chromedp.Void](tb, `__e2e.root("w").querySelector('[data-on-click="open:`+m+`"]').focus()`)
	tb.keys(kb.Enter)
	require.Equal(t, "measures", tb.attr("w", "explorer", "data-view"))
	requireActive(t, tb, "w", "kx-detail-h-"+m, "the focus moves to the detail's heading")
}

// showAll presses Enter on the "show more" button of list key until every
// item of measures is shown, checking each time that the focus moves to the
// first item of the new page (data-testid item+ID).
func showAll(t *testing.T, tb *tab, key, item string, measures []portfolio.Measure) {
	t.Helper()
	for shown := firstPage(len(measures)); shown < len(measures); shown += explorer.PageSize {
		tb.focus("w", "more-"+key)
		tb.keys(kb.Enter)
		requireActive(t, tb, "w", item+string(measures[shown].ID), "show more moves the focus to the first new item")
	}
	require.False(t, tb.exists("w", "more-"+key), "every item is shown")
}
