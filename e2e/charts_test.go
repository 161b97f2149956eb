package e2e

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// drawnChart is what the browser says of one chart in a widget.
type drawnChart struct {
	Name      string  `json:"name"`      // the text of the <title> aria-labelledby names
	Namespace string  `json:"namespace"` // of the <svg> element
	Width     float64 `json:"width"`     // its rendered box
	Height    float64 `json:"height"`
	Marks     int     `json:"marks"` // drawn shapes with a box of their own
	Styled    int     `json:"styled"`
}

// chartsJS lists the charts (svg[role=img]) in a widget's shadow root.
const chartsJS = `((id) => [...__e2e.root(id).querySelectorAll('svg[role="img"]')].map((s) => {
  const t = s.getAttribute("aria-labelledby");
  const title = t ? __e2e.root(id).getElementById(t) : null;
  const r = s.getBoundingClientRect();
  const marks = [...s.querySelectorAll("rect, line, circle")].filter((m) => {
    if (m.closest("pattern")) return false;
    const b = m.getBBox(); return b.width > 0 || b.height > 0;
  }).length;
  return { name: title ? title.textContent : "", namespace: s.namespaceURI, width: r.width, height: r.height,
    marks, styled: s.closest("figure").querySelectorAll("[style]").length };
}))`

// TestCharts opens the strategy view on the example and on a generated
// portfolio of 2,000 measures, at 1280 and 320 px, and checks that it
// draws its charts: SVG elements (not unknown HTML elements), with a size,
// marks, an accessible name, no style attribute; axe-core finds no serious
// or critical issue. Screenshots go to screenshots/charts-*.png.
func TestCharts(t *testing.T) {
	big := defaultWidget
	big.Portfolio = bigURL
	pages := []struct{ name, url string }{
		{"example", env.site.page("charts", defaultWidget)},
		{"big", env.site.page("charts-big", big)},
	}
	for _, p := range pages {
		for _, width := range []int64{1280, 320} {
			t.Run(fmt.Sprintf("%s-%d", p.name, width), func(t *testing.T) {
				tb := newTab(t, width, 900)
				tb.open(p.url, "w", "ready")
				charts := must[[]drawnChart](tb, chartsJS+`("w")`)
				// the strategy's status bar, the focus areas, one status bar per
				// focus area (6); budget and savings where the data has them
				require.GreaterOrEqual(t, len(charts), 2+6, "the strategy view draws its charts")
				if p.name == "example" {
					require.GreaterOrEqual(t, len(charts), 4+6, "the example has money and savings: budget and FTE charts")
				}
				for i, c := range charts {
					assert.Equal(t, "http://www.w3.org/2000/svg", c.Namespace, "chart %d is an SVG element", i)
					assert.NotEmpty(t, strings.TrimSpace(c.Name), "chart %d has an accessible name", i)
					assert.Greater(t, c.Width, 100.0, "chart %d %q has a width", i, c.Name)
					assert.LessOrEqual(t, c.Width, float64(width), "chart %d %q fits the viewport", i, c.Name)
					assert.Greater(t, c.Height, 10.0, "chart %d %q has a height", i, c.Name)
					assert.Greater(t, c.Marks, 0, "chart %d %q draws marks", i, c.Name)
					assert.Zero(t, c.Styled, "chart %d %q: no style attribute (CSP style-src 'self')", i, c.Name)
				}
				must[chromedp.Void](tb, `__e2e.must("w", "charts").scrollIntoView({block: "start"})`)
				tb.screenshot(fmt.Sprintf("charts-%s-%d", p.name, width))
				overflow := must[int](tb, `document.documentElement.scrollWidth - document.documentElement.clientWidth`)
				assert.LessOrEqual(t, overflow, 0, "at %d px the page scrolls sideways by %d px", width, overflow)
				axeCheck(t, tb, "charts "+p.name)
			})
		}
	}
}

// TestChartsForcedColors draws the charts in forced-colours mode (Windows
// high contrast): they stay drawn and named, and axe finds no serious issue.
func TestChartsForcedColors(t *testing.T) {
	tb := newTab(t, 1280, 900)
	call(tb, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Features: []*emulation.MediaFeature{
		{Name: "forced-colors", Value: "active"}}})
	tb.open(env.site.page("charts-forced", defaultWidget), "w", "ready")
	require.True(t, must[bool](tb, `matchMedia("(forced-colors: active)").matches`), "forced colours are emulated")
	charts := must[[]drawnChart](tb, chartsJS+`("w")`)
	require.NotEmpty(t, charts)
	must[chromedp.Void](tb, `__e2e.must("w", "charts").scrollIntoView({block: "start"})`)
	tb.screenshot("charts-forced-colors")
	axeCheck(t, tb, "charts forced colours")
}
