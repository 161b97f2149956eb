package e2e

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/bl-digital/kompass/controlling"
	"github.com/bl-digital/kompass/portfolio"
	"github.com/bl-digital/kompass/strategy"
	"github.com/bl-digital/kompass/wasm/explorer"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestHarnessCatchesProblems checks the checks: a CSP violation, a dialog,
// a request to another host and an exception are all seen.
func TestHarnessCatchesProblems(t *testing.T) {
	tb := newTab(t, 1280, 900)
	tb.open(env.site.page("harness", defaultWidget), "w", "ready")

	// An inline style is refused by the page's CSP (style-src 'self').
	must[chromedp.Void](tb, `document.body.insertAdjacentHTML("beforeend", "<p style='color:red'>x</p>")`)
	// A dialog: closed by the tab, reported.
	must[chromedp.Void](tb, `setTimeout(() => alert("e2e"), 0)`)
	// A request to another origin (localhost is not 127.0.0.1), with the CSP bypassed.
	call(tb, page.SetBypassCSP, page.SetBypassCSPParams{Enabled: true})
	other := strings.Replace(env.site.URL, "127.0.0.1", "localhost", 1)
	tb.open(env.site.page("harness-other", defaultWidget), "w", "ready")
	must[chromedp.Void](tb, `fetch(`+js(other+"/favicon.ico")+`).catch(() => {})`)
	must[chromedp.Void](tb, `setTimeout(() => { throw new Error("e2e exception"); }, 0)`)
	call(tb, page.SetBypassCSP, page.SetBypassCSPParams{Enabled: false})

	kinds := map[string]string{"csp": "csp violation:", "dialog": "dialog opened", "foreign": "request to another host: " + other,
		"exception": "e2e exception"}
	_, err := chromedp.Run(tb.ctx, chromedp.PollFunction[bool](`() => true`)) // let the events arrive
	require.NoError(t, err)
	for name, want := range kinds {
		require.Eventually(t, func() bool {
			tb.mu.Lock()
			defer tb.mu.Unlock()
			return slices.ContainsFunc(tb.problems, func(p string) bool { return strings.Contains(p, want) })
		}, 5e9, 1e7, "%s: no problem %q recorded; got %q", name, want, tb.problems)
	}
	tb.mu.Lock()
	tb.problems = nil // seen: this test wanted them
	tb.mu.Unlock()
}

// TestTreeFigures checks that the strategy tree shows the strategy's, every
// focus area's and every goal's progress, status and coverage as
// controlling.Compute computes them, that expanding a focus area shows its
// goals and expanding a goal its measures.
func TestTreeFigures(t *testing.T) {
	d := example(t)
	tb := newTab(t, 1280, 900)
	tb.open(env.site.page("tree", defaultWidget), "w", "ready")

	shown := must[treeFigures](tb, figuresJS+`("w")`)
	assertFigures(t, "strategy", "de", d.r.Strategy.Rollup, shown.Strategy)
	require.Len(t, shown.Areas, len(d.r.FocusAreas), "focus areas shown")
	require.Empty(t, shown.Goals, "goals shown before any focus area is expanded")
	for _, fa := range d.r.FocusAreas {
		assertFigures(t, "focus area "+string(fa.ID), "de", fa.Rollup, shown.Areas[string(fa.ID)])
	}

	// Expanding a focus area shows its goals, and only its goals.
	first := d.r.FocusAreas[0]
	tb.click("w", "toggle-"+string(first.ID))
	require.Equal(t, "true", tb.attr("w", "toggle-"+string(first.ID), "aria-expanded"))
	shown = must[treeFigures](tb, figuresJS+`("w")`)
	require.Len(t, shown.Goals, len(first.Goals), "goals of %s", first.ID)

	for _, fa := range d.r.FocusAreas[1:] {
		tb.click("w", "toggle-"+string(fa.ID))
	}
	shown = must[treeFigures](tb, figuresJS+`("w")`)
	n := 0
	for _, fa := range d.r.FocusAreas {
		for _, g := range fa.Goals {
			assertFigures(t, "goal "+string(g.ID), "de", g.Rollup, shown.Goals[string(g.ID)])
			n++
		}
	}
	require.Len(t, shown.Goals, n, "every goal shown once every focus area is open")

	// Expanding a goal lists its (non-cancelled) measures.
	goal := first.Goals[0]
	for _, g := range first.Goals {
		if len(g.Measures) > len(goal.Measures) {
			goal = g
		}
	}
	tb.click("w", "toggle-"+string(goal.ID))
	ids := must[[]string](tb, `[...__e2e.must("w", "goal-`+string(goal.ID)+`").querySelectorAll('[data-testid^="open-"]')].map((b) => b.dataset.testid.slice(5))`)
	require.Equal(t, idStrings(goal.Measures), ids, "measures of goal %s", goal.ID)
	require.Contains(t, tb.hash(), "w.x=", "the open nodes are in the hash")

	// The cancelled measures are listed apart, behind a disclosure.
	require.NotEmpty(t, d.r.Cancelled, "the example has cancelled measures")
	require.Equal(t, "false", tb.attr("w", "toggle-cancelled", "aria-expanded"))
	require.False(t, tb.exists("w", "cancelled"), "the cancelled measures are not listed before the disclosure opens")
	tb.click("w", "toggle-cancelled")
	require.Equal(t, "true", tb.attr("w", "toggle-cancelled", "aria-expanded"))
	ids = must[[]string](tb, `[...__e2e.must("w", "cancelled").querySelectorAll('[data-testid^="open-"]')].map((b) => b.dataset.testid.slice(5))`)
	require.Equal(t, idStrings(d.r.Cancelled), ids, "cancelled measures")
	require.Contains(t, tb.hash(), "w.c=1", "the open disclosure is in the hash")
}

func idStrings(ids []strategy.ID) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = string(id)
	}
	return out
}

// cardIDs lists the measure cards widget id shows.
func cardIDs(tb *tab, id string) []string {
	tb.t.Helper()
	return must[[]string](tb, `[...__e2e.root(`+js(id)+`).querySelectorAll('[data-testid^="card-"]')].map((c) => c.dataset.testid.slice(5))`)
}

// TestFilters checks every filter's "N of M measures" and the cards shown
// against counts computed in Go from the portfolio.
func TestFilters(t *testing.T) {
	d := example(t)
	total := len(d.p.Measures)
	late := d.status(d.p.Measures[0].ID)
	for _, m := range d.r.Measures {
		if m.Status == controlling.Late || m.Status == controlling.AtRisk {
			late = m.Status
			break
		}
	}
	query := longestWord(d.p.Measures[len(d.p.Measures)/2].Title["de"])
	tb := newTab(t, 1280, 900)
	w := defaultWidget
	w.View = "measures"
	tb.open(env.site.page("filters", w), "w", "ready")
	require.Equal(t, countText("de", total, total), tb.text("w", "count"))
	require.Greater(t, total, explorer.PageSize, "the example has more measures than a page")
	require.LessOrEqual(t, total, explorer.ShowAllUpTo, "the example is a list shown whole")
	require.Len(t, cardIDs(tb, "w"), total, "every card at once: a list of a few dozen is not paged")
	require.False(t, tb.exists("w", "more-cards"), "no show more when every card is shown")
	var all []string
	for _, m := range d.p.Measures {
		all = append(all, string(m.ID))
	}
	require.Equal(t, all, cardIDs(tb, "w"), "every measure's card, in portfolio order")

	type choice struct{ testid, value string }
	for _, tc := range []struct {
		name, reason string
		choices      []choice
		typed        string
		want         filter
	}{
		{"field", "a field of action", []choice{{"filter-field", "data"}}, "", filter{field: portfolio.Data}},
		{"beneficiary", "a group served", []choice{{"filter-beneficiary", "business"}}, "", filter{beneficiary: strategy.Business}},
		{"owner", "an organisation", []choice{{"filter-owner", "VGD"}}, "", filter{owner: "VGD"}},
		{"status", "a computed schedule status, not the data's status", []choice{{"filter-status", string(late)}}, "", filter{status: late}},
		{"focus area", "measures with a goal in the area", []choice{{"filter-focus-area", "DL"}}, "", filter{area: "DL"}},
		{"goal", "measures linked to the goal", []choice{{"filter-goal", "KD4"}}, "", filter{goal: "KD4"}},
		{"combined", "filters narrow together", []choice{{"filter-field", "technology"}, {"filter-beneficiary", "staff"}}, "",
			filter{field: portfolio.Technology, beneficiary: strategy.Staff}},
		{"free text", "typed with real key events, any case", nil, strings.ToUpper(query), filter{query: query}},
		{"no match", "nothing matches: the empty message", nil, "zzqxj", filter{query: "zzqxj"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tb.t = t
			for _, c := range tc.choices {
				tb.choose("w", c.testid, c.value)
			}
			if tc.typed != "" {
				tb.focus("w", "filter-query")
				must[chromedp.Void](tb, `__e2e.must("w", "filter-query").value = ""`) // what an earlier case left
				tb.keys(tc.typed)
				require.Equal(t, tc.typed, must[string](tb, `__e2e.must("w", "filter-query").value`))
			}
			want := d.count(tc.want)
			require.Equal(t, countText("de", want, total), tb.text("w", "count"), tc.reason)
			require.Len(t, cardIDs(tb, "w"), firstPage(want), tc.reason)
			if want == 0 {
				require.Equal(t, explorer.Msg("de", "none"), tb.text("w", "empty"))
			}
			require.NotEmpty(t, tb.hash(), "a filter is in the hash")

			tb.click("w", "filter-reset")
			require.Equal(t, countText("de", total, total), tb.text("w", "count"), "after reset")
			require.Equal(t, "", must[string](tb, `__e2e.must("w", "filter-query").value`), "after reset the search field is empty")
			require.True(t, must[bool](tb, `__e2e.must("w", "filter-reset").disabled`), "reset is disabled without filters")
		})
	}
	tb.t = t
}

// longestWord returns the longest word of s, lower case.
func longestWord(s string) string {
	best := ""
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') }) {
		if len(w) > len(best) {
			best = w
		}
	}
	return strings.ToLower(best)
}

// TestHashAndBack checks that a hash link restores a state on load, that
// changes push history entries, and that the back button restores the
// previous state.
func TestHashAndBack(t *testing.T) {
	d := example(t)
	total := len(d.p.Measures)
	f := filter{field: portfolio.Data, beneficiary: strategy.Staff}
	var sel strategy.ID
	for _, m := range d.p.Measures {
		if slices.Contains(m.Fields, portfolio.Data) && slices.Contains(m.Beneficiaries, strategy.Staff) {
			sel = m.ID
			break
		}
	}
	require.NotEmpty(t, sel, "the example has a data measure for staff")
	tb := newTab(t, 1280, 900)
	base := env.site.page("hash", defaultWidget)
	// The other widget's keys and foreign pairs are left alone.
	tb.open(base+"#other.v=timeline&w.v=measures&w.f=data&w.b=staff&w.m="+string(sel)+"&keep=1", "w", "ready")

	require.Equal(t, "true", tb.attr("w", "tab-measures", "aria-selected"), "view from the hash")
	require.Equal(t, "data", must[string](tb, `__e2e.must("w", "filter-field").value`))
	require.Equal(t, "staff", must[string](tb, `__e2e.must("w", "filter-beneficiary").value`))
	require.Equal(t, countText("de", d.count(f), total), tb.text("w", "count"))
	require.True(t, tb.exists("w", "detail-"+string(sel)), "the detail from the hash is open")

	// A change pushes a history entry; back restores the state before it.
	f2 := f
	f2.owner = d.p.Measures[slices.IndexFunc(d.p.Measures, func(m portfolio.Measure) bool { return m.ID == sel })].Owner
	tb.choose("w", "filter-owner", string(f2.owner))
	require.Equal(t, countText("de", d.count(f2), total), tb.text("w", "count"))
	require.Contains(t, tb.hash(), "w.o="+url.QueryEscape(string(f2.owner)))
	require.Contains(t, tb.hash(), "other.v=timeline", "another widget's pair is kept")
	require.Contains(t, tb.hash(), "keep=1", "a foreign pair is kept")
	tb.click("w", "tab-timeline")
	require.Equal(t, "true", tb.attr("w", "tab-timeline", "aria-selected"))
	require.True(t, tb.exists("w", "timeline"))

	tb.back()
	tb.waitAttr("w", "tab-measures", "aria-selected", "true")
	require.Equal(t, countText("de", d.count(f2), total), tb.text("w", "count"), "back: the owner filter stays")
	requireActive(t, tb, "w", "tab-measures", "back: the focus is on the tab of the view restored, not on the page body")
	tb.back()
	tb.waitText("w", "count", countText("de", d.count(f), total))
	require.Equal(t, "", must[string](tb, `__e2e.must("w", "filter-owner").value`), "back: the owner filter is gone")
	requireActive(t, tb, "w", "filter-owner", "back: the focus is on the filter that changed")
	require.NotContains(t, tb.hash(), "w.o=")
	require.NoError(t, chromedp.Do(tb.ctx, chromedp.NavigateForward()))
	tb.waitText("w", "count", countText("de", d.count(f2), total))
}

// waitText waits until [data-testid=testid] in widget id has text want.
func (tb *tab) waitText(id, testid, want string) {
	tb.t.Helper()
	tb.waitJS(fmt.Sprintf(`() => { const e = __e2e.q(%s, %s); return !!e && e.textContent === %s; }`, js(id), js(testid), js(want)),
		fmt.Sprintf("%s text %q", testid, want))
}

// waitAttr waits until [data-testid=testid] in widget id has attribute name = want.
func (tb *tab) waitAttr(id, testid, name, want string) {
	tb.t.Helper()
	tb.waitJS(fmt.Sprintf(`() => { const e = __e2e.q(%s, %s); return !!e && e.getAttribute(%s) === %s; }`, js(id), js(testid), js(name), js(want)),
		fmt.Sprintf("%s[%s=%q]", testid, name, want))
}

// TestLanguages switches the lang attribute de -> fr -> it -> en and checks
// the UI texts and the number formats.
func TestLanguages(t *testing.T) {
	d := example(t)
	total := len(d.p.Measures)
	tb := newTab(t, 1280, 900)
	tb.open(env.site.page("languages", defaultWidget), "w", "ready")
	for _, lang := range explorer.Langs {
		must[chromedp.Void](tb, `document.getElementById("w").setAttribute("lang", `+js(lang)+`)`)
		tb.waitText("w", "tab-goals", explorer.Msg(lang, "tab.goals"))
		assert.Equal(t, explorer.Msg(lang, "tab.measures"), tb.text("w", "tab-measures"), lang)
		assert.Equal(t, explorer.Msg(lang, "tab.timeline"), tb.text("w", "tab-timeline"), lang)
		assert.Equal(t, explorer.Msg(lang, "filter.field"), must[string](tb, `__e2e.root("w").querySelector('label[for="kx-filter-field"]').textContent`), lang)
		assert.Equal(t, explorer.Msg(lang, "filter.reset"), tb.text("w", "filter-reset"), lang)
		assert.Equal(t, countText(lang, total, total), tb.text("w", "count"), lang)
		assert.Equal(t, lang, must[string](tb, `__e2e.must("w", "explorer").getAttribute("lang")`), "the lang attribute inside")
		shown := must[treeFigures](tb, figuresJS+`("w")`)
		assertFigures(t, "strategy in "+lang, lang, d.r.Strategy.Rollup, shown.Strategy)
		assert.Contains(t, tb.text("w", "summary"), d.s.Title.In(lang), "the strategy's title in %s", lang)
	}
}

// TestHostile loads a portfolio whose texts hold script, img and iframe
// markup and whose links are javascript: and data: URLs: nothing runs,
// the markup shows as text, and only the https link is a link.
func TestHostile(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("testdata", "hostile.portfolio.json"))
	require.NoError(t, err)
	hp, err := portfolio.DecodeBytes(raw)
	require.NoError(t, err)
	tb := newTab(t, 1280, 900)
	must[chromedp.Void](tb, `void 0`)
	w := widget{ID: "h", Strategy: strategyURL, Portfolio: hostileURL}
	tb.open(env.site.page("hostile", w)+"#h.v=measures&h.m=XSS-SCRIPT", "h", "ready")

	check := func(view string) {
		t.Helper()
		require.Equal(t, "undefined", must[string](tb, `typeof window.__pwned`), "%s: a trap fired", view)
		require.Zero(t, must[int](tb, `__e2e.root("h").querySelectorAll("img, script, iframe, svg:not(.kc-svg):not(.kc-swatch), style, b, object, embed, foreignObject").length`),
			"%s: markup from the data became elements (the widget's own chart SVGs aside)", view)
		require.Zero(t, must[int](tb, `document.querySelectorAll("img, iframe").length`), "%s: elements in the page", view)
		tb.mu.Lock()
		dialogs := tb.dialogs
		tb.mu.Unlock()
		require.Zero(t, dialogs, "%s: a dialog opened", view)
	}
	check("measures with detail")
	require.Equal(t, hp.Measures[0].Title["de"], must[string](tb, `__e2e.must("h", "card-XSS-SCRIPT").querySelector("h3").textContent`),
		"the title shows as text")
	require.Contains(t, tb.text("h", "detail-XSS-SCRIPT"), hp.Measures[0].Summary["de"], "the summary shows as text")
	links := must[[]struct {
		Href string `json:"href"`
		Text string `json:"text"`
	}](tb, `[...__e2e.root("h").querySelectorAll("a")].map((a) => ({href: a.getAttribute("href"), text: a.textContent}))`)
	require.Len(t, links, 1, "only the https link is a link: %v", links)
	require.True(t, strings.HasPrefix(links[0].Href, "https://"), links[0].Href)
	require.NotContains(t, tb.text("h", "detail-XSS-SCRIPT"), "Klick mich", "an unsafe link's title is not shown as a dead link either")

	tb.click("h", "tab-timeline")
	check("timeline")
	tb.click("h", "tab-goals")
	for _, id := range []string{"GK", "GK1", "KD", "KD1", "DL", "DL1"} {
		tb.click("h", "toggle-"+id)
	}
	check("tree expanded")
	require.True(t, tb.exists("h", "open-XSS-IMG"))
	require.Equal(t, hp.Measures[1].Title["de"], tb.text("h", "open-XSS-IMG"))
	tb.click("h", "open-XSS-IMG")
	check("detail from the tree")
}

// TestTwoWidgets loads the demo page of `kompass serve` (two widgets, one
// fixed to the focus area DL) and checks they keep their states apart.
func TestTwoWidgets(t *testing.T) {
	d := example(t)
	total := len(d.p.Measures)
	dl := d.count(filter{area: "DL"})
	tb := newTab(t, 1280, 900)
	tb.open(demo(t), "kompass", "ready")
	tb.waitState("kompass-dl", "ready")
	require.Equal(t, countText("de", total, total), tb.text("kompass", "count"))
	require.Equal(t, countText("de", dl, dl), tb.text("kompass-dl", "count"))
	require.False(t, tb.exists("kompass-dl", "filter-focus-area"), "a fixed focus has no focus-area filter")

	tb.choose("kompass", "filter-field", "data")
	require.Equal(t, countText("de", d.count(filter{field: portfolio.Data}), total), tb.text("kompass", "count"))
	require.Equal(t, countText("de", dl, dl), tb.text("kompass-dl", "count"), "the other widget is unchanged")
	require.Equal(t, "#kompass.f=data", tb.hash())

	tb.choose("kompass-dl", "filter-beneficiary", "population")
	require.Equal(t, countText("de", d.count(filter{area: "DL", beneficiary: strategy.Population}), dl), tb.text("kompass-dl", "count"))
	require.Equal(t, countText("de", d.count(filter{field: portfolio.Data}), total), tb.text("kompass", "count"), "the first widget is unchanged")
	require.Equal(t, "#kompass.f=data&kompass-dl.b=population", tb.hash())

	tb.back()
	tb.waitText("kompass-dl", "count", countText("de", dl, dl))
	require.Equal(t, countText("de", d.count(filter{field: portfolio.Data}), total), tb.text("kompass", "count"))
}
