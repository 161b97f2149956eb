package e2e

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/bl-digital/kompass/wasm/explorer"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/require"
)

// treeShown is what the tree shows: the focus areas, goals and measures
// listed, and which of them are open.
type treeShown struct {
	Areas    []string `json:"areas"`
	Goals    []string `json:"goals"`
	Measures []string `json:"measures"`
	Toggles  int      `json:"toggles"`
}

const treeShownJS = `((id) => {
  const r = __e2e.root(id);
  const ids = (p) => [...r.querySelectorAll('[data-testid^="' + p + '"]')].map((e) => e.dataset.testid.slice(p.length));
  return { areas: ids("area-"), goals: ids("goal-"), measures: ids("open-"),
    toggles: r.querySelectorAll('.kx-tree [data-testid^="toggle-"]').length };
})`

// TestTreeFilters checks that filters act in the tree: only the focus
// areas and goals holding matching measures, opened, with the matches;
// free text is case- and accent-insensitive.
func TestTreeFilters(t *testing.T) {
	d := example(t)
	tb := newTab(t, 1280, 900)
	tb.open(env.site.page("tree-filters", defaultWidget), "w", "ready")
	total := len(d.p.Measures)
	for _, c := range []struct{ reason, typed, query string }{
		{"lower case finds the capitalised word", "baugesuch", "baugesuch"},
		{"without the umlaut finds the word with it", "Behorden", "Behörden"},
	} {
		tb.focus("w", "filter-query")
		must[chromedp.Void](tb, `__e2e.must("w", "filter-query").value = ""`)
		tb.keys(c.typed)
		want := d.count(filter{query: strings.ToLower(c.query)})
		require.Greater(t, want, 0, "the example has a measure with %q", c.query)
		require.Equal(t, countText("de", want, total), tb.text("w", "count"), c.reason)
		shown := must[treeShown](tb, treeShownJS+`("w")`)
		require.NotEmpty(t, shown.Areas, c.reason)
		require.Less(t, len(shown.Areas), len(d.r.FocusAreas), "%s: only the focus areas holding matches", c.reason)
		require.NotEmpty(t, shown.Goals, "%s: their goals are open", c.reason)
		require.Zero(t, shown.Toggles, "%s: no toggle that would hide the matches", c.reason)
		seen := map[string]bool{}
		for _, id := range shown.Measures {
			seen[id] = true
		}
		require.Len(t, seen, want, "%s: every match is listed in the tree, and nothing else", c.reason)
		for id := range seen {
			require.True(t, slicesContainsID(d, id, c.query), "%s: %s matches", c.reason, id)
		}
	}
	tb.click("w", "filter-reset")
	shown := must[treeShown](tb, treeShownJS+`("w")`)
	require.Len(t, shown.Areas, len(d.r.FocusAreas), "after reset every focus area, closed")
	require.Empty(t, shown.Goals)
}

// slicesContainsID reports whether measure id's German text contains query, folded.
func slicesContainsID(d *data, id, query string) bool {
	for _, m := range d.p.Measures {
		if string(m.ID) == id {
			text := strings.Join([]string{string(m.ID), m.Title["de"], m.Summary["de"], m.Before["de"], m.After["de"]}, " ")
			return strings.Contains(explorer.Fold(text), explorer.Fold(query))
		}
	}
	return false
}

// widgetTextJS returns the text of widget id's shadow root without the
// texts from the data that carry a lang of their own, one node a line.
const widgetTextJS = `((id) => {
  const root = __e2e.root(id), lang = root.querySelector("[data-testid=explorer]").lang;
  const out = [];
  const walk = (n) => {
    if (n.nodeType === 3) { out.push(n.data); return; }
    if (n.nodeType === 1 && n.hasAttribute("lang") && n.getAttribute("lang") !== lang) return;
    for (const c of n.childNodes) walk(c);
  };
  walk(root);
  return out.join("\n");
})`

// TestLanguagesWhole opens every view of the example in every language,
// with the explanations open, and checks that its text holds no widget word
// of another language, no formula, and that data falling back to German is
// marked lang="de".
func TestLanguagesWhole(t *testing.T) {
	for _, lang := range explorer.Langs {
		t.Run(lang, func(t *testing.T) {
			w := defaultWidget
			w.Lang = lang
			page := env.site.hostPage("whole-"+lang, lang, "", w)
			tb := newTab(t, 1280, 900)
			d := example(t)
			fa := d.r.FocusAreas[0]
			for _, v := range append(views(t), view{"explained", fmt.Sprintf("#w.x=%s,%s", fa.ID, fa.Goals[0].ID), ""}) {
				require.NoError(t, chromedp.Do(tb.ctx, chromedp.Navigate("about:blank")))
				tb.open(page+v.hash, "w", "ready")
				if v.name == "explained" {
					tb.click("w", "explain-goal-"+string(fa.Goals[0].ID))
				}
				text := must[string](tb, widgetTextJS+`("w")`)
				for _, word := range otherLanguageWords(lang) {
					require.NotContains(t, text, word, "%s %s: a widget word of another language", lang, v.name)
				}
				for _, f := range []string{"Σ", "sum(", "×"} {
					require.NotContains(t, text, f, "%s %s: no formula", lang, v.name)
				}
				if lang == "fr" {
					for _, mark := range []string{" :", " ;", " %", " ?", " !"} {
						require.NotContains(t, text, mark, "%s %s: a no-break space, not a plain one, before %q", lang, v.name, mark[1:])
					}
				}
			}
			if lang != "de" {
				// The example is complete in every language; the generated
				// portfolio has German titles only: shown in German, marked so.
				bw := defaultWidget
				bw.Lang, bw.Portfolio = lang, bigURL
				tb.open(env.site.hostPage("fallback-"+lang, lang, "", bw)+"#w.v=measures", "w", "ready")
				n := must[int](tb, `__e2e.root("w").querySelectorAll('.kx-card-title [lang="de"]').length`)
				require.Positive(t, n, "German titles in the %s widget are marked lang=de", lang)
			}
		})
	}
}

// otherLanguageWords are widget words of the other languages that lang's
// widget must not show.
func otherLanguageWords(lang string) []string {
	var out []string
	for _, key := range []string{"explain", "filter.reset", "tab.timeline", "status.late", "status.on-track", "filter.field",
		"explain.left.none", "legend.progress", "details.short", "close", "explain.title", "progress.none"} {
		own := explorer.Msg(lang, key)
		for _, l := range explorer.Langs {
			if w := explorer.Msg(l, key); l != lang && !strings.Contains(own, w) {
				out = append(out, w)
			}
		}
	}
	return out
}

// TestExplanationKeyboard checks that Escape closes an explanation and
// returns the focus to its button, and that its table can be focused.
func TestExplanationKeyboard(t *testing.T) {
	tb := newTab(t, 1280, 900)
	tb.open(env.site.page("explain", defaultWidget), "w", "ready")
	tb.focus("w", "explain-strategy")
	tb.keys(kb.Enter)
	require.True(t, tb.exists("w", "explanation-strategy"), "Enter opens the explanation")
	tb.focus("w", "explain-table-strategy")
	requireActive(t, tb, "w", "explain-table-strategy", "the table's scroll region takes the focus")
	tb.keys(kb.Escape)
	require.False(t, tb.exists("w", "explanation-strategy"), "Escape closes the explanation")
	requireActive(t, tb, "w", "explain-strategy", "the focus returns to its button")
	require.Equal(t, "false", tb.attr("w", "explain-strategy", "aria-expanded"))
}

// TestNarrow checks the widget at 320 px and at 200 % zoom (a 640 px wide
// viewport at a device scale of 2): the tabs on one row, the filters behind
// one button, the explanation's table in a scroll container, the timeline's
// year labels neither clipped nor crossed by the as-of line.
func TestNarrow(t *testing.T) {
	for _, size := range []struct {
		name  string
		width int64
		scale float64
	}{{"320px", 320, 1}, {"200% zoom", 640, 2}} {
		t.Run(size.name, func(t *testing.T) {
			tb := newTab(t, size.width, 800)
			require.NoError(t, chromedp.Do(tb.ctx, chromedp.EmulateViewport(size.width, 800, chromedp.EmulateScale(size.scale))))
			tb.open(env.site.page("narrow", defaultWidget), "w", "ready")
			tops := must[[]float64](tb, `[...__e2e.root("w").querySelectorAll('[role="tab"]')].map((e) => e.getBoundingClientRect().top)`)
			require.Len(t, tops, 3)
			require.Equal(t, tops[0], tops[1], "the tabs sit on one row")
			require.Equal(t, tops[0], tops[2], "the tabs sit on one row")
			require.True(t, must[bool](tb, `(() => { const l = __e2e.must("w", "tab-timeline").getBoundingClientRect(), p = __e2e.root("w").querySelector('[role="tablist"]').getBoundingClientRect(); return l.right <= p.right + 0.5; })()`),
				"the last tab is not cut off")

			visible := func(testid string) bool {
				return must[bool](tb, `(() => { const e = __e2e.q("w", `+js(testid)+`); return !!e && e.getClientRects().length > 0; })()`)
			}
			require.True(t, visible("filters-toggle"), "a Filter button")
			require.False(t, visible("filter-focus-area"), "the filters are behind it")
			tb.choose("w", "filter-field", "data")
			require.Equal(t, explorer.Msg("de", "filters.button", "n", "1"), tb.text("w", "filters-toggle"), "it counts the filters set")
			tb.click("w", "filters-toggle")
			require.True(t, visible("filter-focus-area"), "a click shows the filters")
			require.Equal(t, "true", tb.attr("w", "filters-toggle", "aria-expanded"))
			tb.click("w", "filter-reset")

			tb.click("w", "explain-strategy")
			scrolls := must[bool](tb, `(() => { const s = __e2e.must("w", "explain-table-strategy"); return s.scrollWidth > s.clientWidth && getComputedStyle(s).overflowX === "auto"; })()`)
			if size.width == 320 {
				require.True(t, scrolls, "at 320 px the explanation's table scrolls in its container")
			}
			require.Equal(t, "0", tb.attr("w", "explain-table-strategy", "tabindex"), "the container can be focused to scroll it")

			tb.click("w", "tab-timeline")
			bad := must[[]string](tb, `(() => {
			  const r = __e2e.root("w"), axis = r.querySelector(".kx-axis").getBoundingClientRect();
			  const line = r.querySelector("[data-testid=asof-line]").getBoundingClientRect();
			  const out = [];
			  for (const l of r.querySelectorAll(".kx-year-label")) {
			    if (getComputedStyle(l).visibility === "hidden") continue;
			    const b = l.getBoundingClientRect();
			    if (b.left < axis.left - 0.5 || b.right > axis.right + 0.5) out.push(l.textContent + " clipped");
			    if (line.left < b.right && line.right > b.left && line.top < b.bottom && line.bottom > b.top) out.push(l.textContent + " crossed");
			  }
			  return out;
			})()`)
			require.Empty(t, bad, "year labels inside the axis and clear of the as-of line")
			require.True(t, tb.exists("w", "legend"), "the timeline has a legend")
			overflow := must[int](tb, `document.documentElement.scrollWidth - document.documentElement.clientWidth`)
			require.LessOrEqual(t, overflow, 0, "the page does not scroll sideways")
		})
	}
}

// TestHostReset puts the widget on dark host pages that reset every
// element's styles and checks that its text keeps its own colours: the
// title, a select's value and the percentages are dark on light.
func TestHostReset(t *testing.T) {
	for name, css := range hostileCSS {
		t.Run(name, func(t *testing.T) {
			tb := newTab(t, 1280, 900)
			tb.open(env.site.hostPage("host-"+name, "de", css, defaultWidget), "w", "ready")
			for _, sel := range []string{".kx-title", ".kx-select", ".kx-progress-text", ".kx-tab[aria-selected=false]", ".kx-count", ".kx-explain-btn"} {
				c := must[[]string](tb, `(() => { const e = __e2e.root("w").querySelector(`+js(sel)+`); const s = getComputedStyle(e);
				  let b = e, bg = "rgba(0, 0, 0, 0)";
				  while (b && (bg === "rgba(0, 0, 0, 0)" || bg === "transparent")) { bg = getComputedStyle(b).backgroundColor; b = b.parentElement || b.getRootNode().host; }
				  return [s.color, bg, s.fontFamily]; })()`)
				require.Less(t, luminance(c[0]), 0.2, "%s: dark text (%s)", sel, c[0])
				require.Greater(t, luminance(c[1]), 0.7, "%s: on a light background (%s)", sel, c[1])
				require.NotContains(t, c[2], "Georgia", "%s: the widget's font, not the page's", sel)
				require.NotContains(t, c[2], "monospace", "%s: the widget's font, not the page's", sel)
			}
		})
	}
}

// luminance is the relative luminance (0..1) of a CSS rgb()/rgba() colour.
func luminance(css string) float64 {
	var r, g, b, a float64
	if _, err := fmt.Sscanf(css, "rgb(%g, %g, %g)", &r, &g, &b); err != nil {
		fmt.Sscanf(css, "rgba(%g, %g, %g, %g)", &r, &g, &b, &a)
	}
	lin := func(c float64) float64 {
		c /= 255
		if c <= 0.03928 {
			return c / 12.92
		}
		return math.Pow((c+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}
