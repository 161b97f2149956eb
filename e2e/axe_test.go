package e2e

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"
)

// axeViolation is one axe-core rule a page breaks.
type axeViolation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	URL    string `json:"helpUrl"`
	Nodes  []struct {
		Target  string `json:"target"`
		Summary string `json:"summary"`
	} `json:"nodes"`
}

// axeRunJS runs axe-core on the whole document (it descends into open
// shadow roots) with the WCAG 2.1 A and AA rules and best practices.
const axeRunJS = `(async () => {
  const r = await axe.run(document, {
    runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
    resultTypes: ["violations"],
  });
  return r.violations.map((v) => ({
    id: v.id, impact: v.impact || "", help: v.help, helpUrl: v.helpUrl,
    nodes: v.nodes.map((n) => ({ target: JSON.stringify(n.target), summary: n.failureSummary || "" })),
  }));
})()`

// axeRun injects axe-core into the page (through the protocol, so the
// page's CSP does not apply) and returns its violations.
func axeRun(tb *tab) []axeViolation {
	tb.t.Helper()
	if !must[bool](tb, `typeof axe === "object"`) {
		must[chromedp.Void](tb, env.axe)
	}
	return must[[]axeViolation](tb, axeRunJS)
}

// axeCheck injects axe-core into the page (through the protocol, so the
// page's CSP does not apply) and fails on every serious or critical
// violation; lesser ones are logged.
func axeCheck(t *testing.T, tb *tab, state string) {
	t.Helper()
	vs := axeRun(tb)
	var serious []string
	for i := range vs {
		// Fixed once, and kept fixed whatever their impact: every filter
		// region has a name of its own, and headings go down one level at
		// a time from the page's.
		if vs[i].ID == "landmark-unique" || vs[i].ID == "heading-order" {
			vs[i].Impact = "serious"
		}
	}
	for _, v := range vs {
		var b strings.Builder
		fmt.Fprintf(&b, "%s (%s): %s <%s>", v.ID, v.Impact, v.Help, v.URL)
		for _, n := range v.Nodes {
			fmt.Fprintf(&b, "\n      %s: %s", n.Target, strings.ReplaceAll(n.Summary, "\n", " "))
		}
		if v.Impact == "serious" || v.Impact == "critical" {
			serious = append(serious, b.String())
		} else {
			t.Logf("%s: axe, not failing: %s", state, b.String())
		}
	}
	if len(serious) > 0 {
		t.Errorf("%s: axe-core found %d serious or critical violation(s):\n  %s", state, len(serious), strings.Join(serious, "\n  "))
	}
}

// TestAxeSeesShadowRoots checks the check: a button without a name inside
// an open shadow root is a critical violation axe reports.
func TestAxeSeesShadowRoots(t *testing.T) {
	tb := newTab(t, 1280, 900)
	tb.open(env.site.page("axe-self-test"), "", "")
	must[chromedp.Void](tb, `(() => {
	  const host = document.createElement("div");
	  host.id = "shadow-host";
	  document.querySelector("main").append(host);
	  host.attachShadow({ mode: "open" }).append(document.createElement("button"));
	})()`)
	vs := axeRun(tb)
	require.True(t, slices.ContainsFunc(vs, func(v axeViolation) bool {
		return v.ID == "button-name" && v.Impact == "critical" && len(v.Nodes) == 1 && strings.Contains(v.Nodes[0].Target, "shadow-host")
	}), "axe did not report the nameless button in the shadow root: %+v", vs)
}

// TestAxe runs axe-core in every view and state of the widget: the tree
// collapsed and expanded with an explanation open, the measure list, a
// detail, the timeline, no results, the error messages, every language,
// 320 px wide, and the demo page with its two widgets.
func TestAxe(t *testing.T) {
	tb := newTab(t, 1280, 900)
	tb.allowNetworkError("missing.json")
	run := func(t *testing.T, state, u string, ready map[string]string, then func()) {
		t.Helper()
		require.NoError(t, chromedp.Do(tb.ctx, chromedp.Navigate("about:blank")))
		tb.open(u, "", "")
		for id, st := range ready {
			tb.waitState(id, st)
		}
		if then != nil {
			then()
		}
		axeCheck(t, tb, state)
	}
	w := map[string]string{"w": "ready"}
	page := env.site.page("axe", defaultWidget)
	d := example(t)

	t.Run("views", func(t *testing.T) {
		tb.t = t
		for _, v := range views(t) {
			run(t, v.name, page+v.hash, w, nil)
		}
		fa := d.r.FocusAreas[0]
		run(t, "explanations open", page+fmt.Sprintf("#w.x=%s,%s", fa.ID, fa.Goals[0].ID), w, func() {
			tb.click("w", "explain-goal-"+string(fa.Goals[0].ID))
		})
		run(t, "strategy explanation open", page, w, func() { tb.click("w", "explain-strategy") })
		run(t, "measures, no results", page+"#w.v=measures&w.q=zzqxj", w, nil)
		run(t, "tree, no results", page+"#w.q=zzqxj&w.x="+string(fa.ID)+","+string(fa.Goals[0].ID), w, nil)
		run(t, "timeline, no results", page+"#w.v=timeline&w.q=zzqxj", w, nil)
		run(t, "filtered", page+"#w.v=measures&w.f=data&w.b=staff", w, nil)
		run(t, "tree, cancelled measures listed", page+"#w.c=1", w, nil)
		run(t, "measures, a page more shown", page+"#w.v=measures", w, func() { tb.click("w", "more-cards") })
	})
	t.Run("errors", func(t *testing.T) {
		tb.t = t
		run(t, "404 and invalid", env.site.page("axe-errors",
			widget{ID: "e404", Strategy: strategyURL, Portfolio: missingURL},
			widget{ID: "einv", Strategy: strategyURL, Portfolio: invalidURL}), map[string]string{"e404": "error", "einv": "error"}, nil)
	})
	t.Run("languages", func(t *testing.T) {
		tb.t = t
		m := string(d.p.Measures[2].ID)
		fa := d.r.FocusAreas[1]
		for _, c := range []struct{ lang, hash string }{
			{"fr", fmt.Sprintf("#w.x=%s,%s", fa.ID, fa.Goals[0].ID)},
			{"it", "#w.v=measures&w.m=" + m},
			{"en", "#w.v=timeline"},
			{"fr", "#w.v=measures&w.m=" + m},
		} {
			lw := defaultWidget
			lw.Lang = c.lang
			run(t, c.lang+" "+c.hash, env.site.page("axe-"+c.lang, lw)+c.hash, w, nil)
		}
	})
	t.Run("320px", func(t *testing.T) {
		tb.t = t
		tb.viewport(320, 800)
		defer tb.viewport(1280, 900)
		for _, v := range views(t) {
			run(t, v.name+" at 320 px", page+v.hash, w, nil)
		}
	})
	t.Run("demo page", func(t *testing.T) {
		tb.t = t
		run(t, "demo page", demo(t), map[string]string{"kompass": "ready", "kompass-dl": "ready"}, nil)
	})
	tb.t = t
}
