package e2e

import (
	"fmt"
	"testing"

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

// TestScreenshots writes a screenshot of every view at 1280x900 and at
// 320 px wide to screenshots/ (for people to look at; not compared) and
// checks that nothing is wider than the viewport at 320 px.
func TestScreenshots(t *testing.T) {
	page := env.site.page("screenshots", defaultWidget)
	for _, size := range []struct {
		name          string
		width, height int64
	}{{"desktop", 1280, 900}, {"320", 320, 800}} {
		t.Run(size.name, func(t *testing.T) {
			tb := newTab(t, size.width, size.height)
			for _, v := range views(t) {
				require.NoError(t, chromedp.Do(tb.ctx, chromedp.Navigate("about:blank")))
				tb.open(page+v.hash, "w", "ready")
				must[chromedp.Void](tb, fmt.Sprintf(`__e2e.must("w", %s).scrollIntoView({block: "start"})`, js(v.scrollTo)))
				tb.screenshot(v.name + "-" + size.name)
				overflow := must[int](tb, `document.documentElement.scrollWidth - document.documentElement.clientWidth`)
				require.LessOrEqual(t, overflow, 0, "%s at %d px: the page scrolls sideways by %d px", v.name, size.width, overflow)
			}
		})
	}
}
