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
// collapsed, expanded and filtered with an explanation open, the measure
// list, a detail, the timeline, no results, the error messages, every view
// in every language, 320 px wide, a dark host page that resets every
// element, and the demo page with its two widgets. Each group has a tab of
// its own (and its own time limit).
func TestAxe(t *testing.T) {
	run := func(t *testing.T, state, u string, ready map[string]string, then func(tb *tab)) {
		t.Helper()
		tb := newTab(t, 1280, 900)
		tb.allowNetworkError("missing.json")
		tb.open(u, "", "")
		for id, st := range ready {
			tb.waitState(id, st)
		}
		if then != nil {
			then(tb)
		}
		axeCheck(t, tb, state)
	}
	w := map[string]string{"w": "ready"}
	hw := defaultWidget
	hw.Heading = "3" // the page has an h2 above the widget
	page := env.site.page("axe", hw)
	d := example(t)

	t.Run("views", func(t *testing.T) {
		for _, v := range views(t) {
			run(t, v.name, page+v.hash, w, nil)
		}
	})
	t.Run("states", func(t *testing.T) {
		fa := d.r.FocusAreas[0]
		run(t, "explanations open", page+fmt.Sprintf("#w.x=%s,%s", fa.ID, fa.Goals[0].ID), w, func(tb *tab) {
			tb.click("w", "explain-goal-"+string(fa.Goals[0].ID))
		})
		run(t, "strategy explanation open", page, w, func(tb *tab) { tb.click("w", "explain-strategy") })
		run(t, "tree filtered, opened with the matches", page+"#w.q=e", w, nil)
		run(t, "measures, no results", page+"#w.v=measures&w.q=zzqxj", w, nil)
		run(t, "tree, no results", page+"#w.q=zzqxj", w, nil)
		run(t, "timeline, no results", page+"#w.v=timeline&w.q=zzqxj", w, nil)
		run(t, "filtered", page+"#w.v=measures&w.f=data&w.b=staff", w, nil)
		run(t, "tree, cancelled measures listed", page+"#w.c=1", w, nil)
	})
	t.Run("errors", func(t *testing.T) {
		run(t, "404 and invalid", env.site.page("axe-errors",
			widget{ID: "e404", Strategy: strategyURL, Portfolio: missingURL},
			widget{ID: "einv", Strategy: strategyURL, Portfolio: invalidURL}), map[string]string{"e404": "error", "einv": "error"}, nil)
	})
	for _, lang := range []string{"fr", "it", "en"} {
		t.Run("language "+lang, func(t *testing.T) {
			lw := hw
			lw.Lang = lang
			lpage := env.site.hostPage("axe-"+lang, lang, "", lw)
			for _, v := range views(t) {
				run(t, lang+" "+v.name, lpage+v.hash, w, nil)
			}
			run(t, lang+" strategy explanation open", lpage, w, func(tb *tab) { tb.click("w", "explain-strategy") })
		})
	}
	t.Run("320px", func(t *testing.T) {
		for _, v := range views(t) {
			run(t, v.name+" at 320 px", page+v.hash, w, func(tb *tab) { tb.viewport(320, 800) })
		}
		run(t, "filters open at 320 px", page, w, func(tb *tab) {
			tb.viewport(320, 800)
			tb.click("w", "filters-toggle")
		})
	})
	t.Run("dark reset host", func(t *testing.T) {
		for name, css := range hostileCSS {
			langs := []string{"de", "fr"}
			if name == "unset" {
				langs = langs[:1]
			}
			for _, lang := range langs {
				lw := hw
				lw.Lang = lang
				hp := env.site.hostPage("axe-host-"+name+"-"+lang, lang, css, lw)
				for _, v := range views(t) {
					if v.name == "goals" || v.name == "measures" {
						continue // their parts are in goals-expanded and detail
					}
					run(t, name+" "+lang+" "+v.name, hp+v.hash, w, nil)
				}
			}
		}
	})
	t.Run("demo page", func(t *testing.T) {
		run(t, "demo page", demo(t), map[string]string{"kompass": "ready", "kompass-dl": "ready"}, nil)
	})
}

// hostileCSS are host stylesheets the widget must survive: a dark page that
// reverts every element's styles, and one that unsets them.
var hostileCSS = map[string]string{
	"revert": "* { all: revert; }\nhtml, body { background: #121417; color: #f2f2f2; font: 18px/1.6 Georgia, serif; }\n" +
		"a { color: #9cf; }\n",
	"unset": "* { all: unset; }\nhead, script, style, title { display: none; }\nhtml, body, main, header, footer, h1, h2 { display: block; }\n" +
		"html, body { background: #000; color: #fff; font: 20px/1.4 monospace; }\n",
}
