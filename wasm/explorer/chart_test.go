package explorer_test

import (
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/bl-digital/kompass/controlling/chart"
	"github.com/bl-digital/kompass/wasm/explorer"
)

// svgCharts returns the charts in n: the <svg role="img"> elements, with
// the text of the <title> each names.
func svgCharts(n *explorer.Node) map[string]string {
	out := map[string]string{}
	var walk func(*explorer.Node)
	walk = func(c *explorer.Node) {
		if c.Tag == "svg" {
			if role, _ := c.Attr("role"); role == "img" {
				ref, _ := c.Attr("aria-labelledby")
				title := c.Find(func(k *explorer.Node) bool {
					id, _ := k.Attr("id")
					return k.Tag == "title" && id == ref
				})
				name := ""
				if title != nil {
					name = title.TextContent()
				}
				out[ref] = name
			}
		}
		for _, k := range c.Children {
			walk(k)
		}
	}
	walk(n)
	return out
}

func noStyleAttr(t *testing.T, n *explorer.Node) {
	t.Helper()
	n.Find(func(c *explorer.Node) bool {
		_, ok := c.Attr("style")
		assert.False(t, ok, "no style attribute on <%s> (CSP style-src 'self')", c.Tag)
		return false
	})
}

func TestStrategyViewCharts(t *testing.T) {
	m := fixture(t)
	for _, lang := range explorer.Langs {
		n := build(t, m, explorer.Config{Lang: lang}, nil)
		charts := svgCharts(n)
		for _, id := range []string{"kx-chart-status-strategy-title", "kx-chart-progress-title", "kx-chart-budget-title",
			"kx-chart-fte-title", "kx-chart-status-area-GK-title", "kx-chart-status-area-DL-title"} {
			assert.NotEmpty(t, strings.TrimSpace(charts[id]), "%s: chart %s is drawn and named", lang, id)
		}
		noStyleAttr(t, n)
	}
	n := build(t, m, explorer.Config{Lang: "de"}, nil)
	assert.Contains(t, svgCharts(n)["kx-chart-status-strategy-title"], "Massnahmen nach Status (")
	assert.NotNil(t, n.ByTestID("charts"), "the pictures sit above the tree")
}

func TestChartsLeaveFilteredTree(t *testing.T) {
	m := fixture(t)
	n := build(t, m, explorer.Config{}, withQuery("digital"))
	charts := n.ByTestID("charts")
	require.NotNil(t, charts)
	hidden, _ := charts.Attr("hidden")
	assert.Equal(t, "hidden", hidden, "a filtered tree shows the matches: whole-strategy pictures, which would not match the filter, are hidden")
	open := build(t, m, explorer.Config{}, nil).ByTestID("charts")
	_, isHidden := open.Attr("hidden")
	assert.False(t, isHidden, "shown without a filter")
	assert.Same(t, open.Children[0], charts.Children[0], "the same chart nodes, cached: unhiding them builds nothing")
	assert.NotEmpty(t, svgCharts(n)["kx-chart-status-strategy-title"], "the summary's status bar stays")
}

func TestFocusedWidgetCharts(t *testing.T) {
	m := fixture(t)
	n := build(t, m, explorer.Config{Focus: "GK"}, nil)
	charts := n.ByTestID("charts")
	require.NotNil(t, charts)
	txt := charts.TextContent()
	assert.Contains(t, txt, "GK ", "the fixed focus area is drawn")
	assert.NotContains(t, txt, "DL ", "and no other")
}

func TestIndicatorChartInDetail(t *testing.T) {
	m := fixture(t)
	n := build(t, m, explorer.Config{Lang: "de"}, func(s explorer.State) explorer.State {
		s.View = explorer.Measures
		s.Selected = "PPM"
		return s
	})
	name := svgCharts(n)["kx-chart-ind-PPM-0-title"]
	assert.Equal(t, "Erfasste Projekte: Ausgangswert 0\u00a0%, zuletzt 45\u00a0%, Ziel 100\u00a0%", strings.Split(name, ";")[0],
		"the indicator chart names baseline, latest and target in the widget's number format")
	noStyleAttr(t, n)
}

func TestKompassCSSHasChartCSS(t *testing.T) {
	css, err := os.ReadFile("../kompass.css")
	require.NoError(t, err)
	assert.Contains(t, string(css), "/* charts", "the charts' block is marked")
	assert.Contains(t, string(css), chart.CSS, "kompass.css holds controlling/chart.CSS unchanged: copy it again after changing the charts' CSS")
}
