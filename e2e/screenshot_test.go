package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/bl-digital/kompass/wasm/explorer"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"
)

// view is one state of the widget reached through its URL hash, with the
// element to scroll to before a screenshot or an accessibility check.
type view struct {
	name, hash, scrollTo string
}

// views are the widget's views as the screenshots and axe see them.
func views(t testing.TB) []view {
	d := example(t)
	fa, g := d.r.FocusAreas[0], d.r.FocusAreas[0].Goals[0]
	m := string(d.p.Measures[1].ID)
	return []view{
		{"goals", "", "explorer"},
		{"goals-expanded", fmt.Sprintf("#w.x=%s,%s", fa.ID, g.ID), "goal-" + string(g.ID)},
		{"measures", "#w.v=measures", "explorer"},
		{"detail", "#w.v=measures&w.m=" + m, "detail-" + m},
		{"timeline", "#w.v=timeline", "timeline"},
	}
}

// TestScreenshots writes a full-page screenshot of every view in every
// language at 1280 px and at 320 px wide to screenshots/ (git-ignored, for
// people to look at; not compared), and checks that nothing is wider than
// the viewport.
func TestScreenshots(t *testing.T) {
	for _, size := range []struct {
		name          string
		width, height int64
	}{{"1280", 1280, 900}, {"320", 320, 800}} {
		for _, lang := range explorer.Langs {
			t.Run(size.name+"-"+lang, func(t *testing.T) {
				w := defaultWidget
				w.Lang, w.Heading = lang, "3"
				page := env.site.hostPage("screenshots-"+lang, lang, "", w)
				tb := newTab(t, size.width, size.height)
				for _, v := range views(t) {
					require.NoError(t, chromedp.Do(tb.ctx, chromedp.Navigate("about:blank")))
					tb.open(page+v.hash, "w", "ready")
					fullScreenshot(tb, v.name+"-"+lang+"-"+size.name)
					overflow := must[int](tb, `document.documentElement.scrollWidth - document.documentElement.clientWidth`)
					require.LessOrEqual(t, overflow, 0, "%s at %d px: the page scrolls sideways by %d px", v.name, size.width, overflow)
				}
				// The strategy's explanation, and at 320 px the filters opened.
				tb.open(page, "w", "ready")
				tb.click("w", "explain-strategy")
				if size.width == 320 {
					tb.click("w", "filters-toggle")
				}
				fullScreenshot(tb, "explain-"+lang+"-"+size.name)
			})
		}
	}
}

// fullScreenshot writes the whole page to screenshots/name.png.
func fullScreenshot(tb *tab, name string) {
	tb.t.Helper()
	png, err := chromedp.Run(tb.ctx, chromedp.FullScreenshot(100))
	require.NoError(tb.t, err)
	require.NoError(tb.t, os.MkdirAll("screenshots", 0o755))
	require.NoError(tb.t, os.WriteFile(filepath.Join("screenshots", name+".png"), png, 0o644))
}
