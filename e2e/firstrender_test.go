package e2e

import (
	"fmt"
	"math"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// snapshotJS runs before the page's scripts: each time a widget's
// data-state becomes "shown" or "ready" it notes, at once (before the
// browser paints), how many charts and chart places its shadow root holds
// and where its tabs, its tree and the bottom of its panel are.
const snapshotJS = `(() => {
  const snaps = window.__kxSnaps = {};
  new MutationObserver((records) => {
    for (const r of records) {
      const el = r.target, st = el.getAttribute("data-state");
      if ((st !== "shown" && st !== "ready") || !el.shadowRoot) continue;
      const root = el.shadowRoot;
      const top = (sel) => { const e = root.querySelector(sel); return e ? e.getBoundingClientRect().top : -1; };
      const panel = root.querySelector('[data-testid="panel"]');
      snaps[el.id + ":" + st] = {
        charts: root.querySelectorAll('svg[role="img"]').length,
        places: root.querySelectorAll(".kx-chart-pending").length,
        tabs: top('[data-testid="tab-goals"]'),
        tree: top('[data-testid="tree"]'),
        bottom: panel ? panel.getBoundingClientRect().bottom : -1,
      };
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-state"] });
})();`

// snapshot is what snapshotJS noted.
type snapshot struct {
	Charts, Places     int
	Tabs, Tree, Bottom float64
}

// TestFirstRenderThenCharts: a widget shows its view first without the
// charts (data-state=shown, every chart's place reserved), then, after the
// browser painted that, draws the charts (data-state=ready): at ready every
// chart is there and no place is left, and drawing them moved the tabs and
// the tree by a few pixels at most (at 320 px, where the captions and
// legends wrap as the language's words do, by about a line at most: 25 px
// in French, where the places are sized for German). The states come in
// the order loading, shown, ready, and the frame after shown is laid out
// before the charts are drawn.
func TestFirstRenderThenCharts(t *testing.T) {
	cases := []struct {
		name  string
		w     widget
		width int64
		// move is how far the tabs and the tree may move when the charts
		// come, in CSS pixels.
		move float64
	}{
		{"de-1280", defaultWidget, 1280, 4},
		{"de-320", defaultWidget, 320, 30},
		{"fr-320", widget{ID: "w", Strategy: strategyURL, Portfolio: portfolioURL, Lang: "fr"}, 320, 30},
		{"fr-focus-1280", widget{ID: "w", Strategy: strategyURL, Portfolio: portfolioURL, Lang: "fr", Focus: "DL"}, 1280, 4},
		{"with-fallback-1280", widget{ID: "w", Strategy: strategyURL, Portfolio: portfolioURL, Fallback: staticFallback(t, "de")}, 1280, 4},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tb := newTab(t, c.width, 900)
			call(tb, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: snapshotJS})
			tb.open(env.site.page("first-"+c.name, c.w), "w", "ready")
			snaps := must[map[string]snapshot](tb, `window.__kxSnaps`)
			shown, ok1 := snaps["w:shown"]
			ready, ok2 := snaps["w:ready"]
			require.True(t, ok1 && ok2, "both states were seen: %v", snaps)
			order := must[[]string](tb, `Object.entries(__e2e.states).filter(([k]) => k.startsWith("w:") && !k.includes("+")).sort((a, b) => a[1] - b[1]).map(([k]) => k)`)
			assert.Equal(t, []string{"w:loading", "w:shown", "w:ready"}, order)
			laidOut := must[bool](tb, `__e2e.states["w:shown+layout"] < __e2e.states["w:ready"]`)
			assert.True(t, laidOut, "the first render had its frame before the charts were drawn")
			assert.Zero(t, shown.Charts, "no chart in the first render")
			assert.Positive(t, shown.Places, "the charts' places are reserved")
			assert.Equal(t, shown.Places, ready.Charts, "each place became a chart")
			assert.Zero(t, ready.Places, "no place is left")
			t.Logf("shown %+v, ready %+v", shown, ready)
			assert.LessOrEqual(t, math.Abs(ready.Tabs-shown.Tabs), c.move, "the tabs stay where they were")
			if c.w.Focus == "" {
				assert.LessOrEqual(t, math.Abs(ready.Tree-shown.Tree), c.move, "the tree stays where it was")
			}
			assert.Equal(t, ready.Charts, len(must[[]drawnChart](tb, chartsJS+`("w")`)), "the charts are drawn")
			tb.assertClean()
		})
	}
}

// TestFirstRenderStatesOnDemo: on the demo page both widgets go through
// shown to ready, and a page waiting for ready finds the charts.
func TestFirstRenderStatesOnDemo(t *testing.T) {
	tb := newTab(t, 1280, 900)
	tb.open(demo(t), "kompass", "ready")
	tb.waitState("kompass-dl", "ready")
	for _, id := range []string{"kompass", "kompass-dl"} {
		for _, st := range []string{"shown", "ready"} {
			ms := must[float64](tb, fmt.Sprintf(`__e2e.states[%s] ?? -1`, js(id+":"+st)))
			assert.Positive(t, ms, "%s went through %s", id, st)
		}
		assert.NotEmpty(t, must[[]drawnChart](tb, chartsJS+`(`+js(id)+`)`), id)
	}
}
