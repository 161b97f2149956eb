package e2e

import (
	"bytes"
	"fmt"
	"html/template"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/bl-digital/kompass/controlling/report"
	"github.com/bl-digital/kompass/examples"
	"github.com/bl-digital/kompass/internal/jsondoc"
	"github.com/bl-digital/kompass/portfolio"
	"github.com/bl-digital/kompass/strategy"
	"github.com/bl-digital/kompass/wasm/explorer"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// staticFallback is the static HTML report of the example data in lang, as
// a webmaster pastes it into the element (kompass report --format html
// --fragment), wrapped in a div the tests find it by.
func staticFallback(t testing.TB, lang string) template.HTML {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, report.Render(&b, example(t).r, report.HTMLFragment, lang))
	return template.HTML(`<div data-e2e="fallback">` + b.String() + `</div>`)
}

// fallbackJS describes widget id's static fallback and error notice: is the
// fallback in the light DOM, assigned to a slot and laid out with a size;
// is the notice above it; the notice's texts and whether its disclosure is
// open.
const fallbackJS = `((id) => {
  const host = document.getElementById(id);
  const fb = host.querySelector('[data-e2e="fallback"]');
  const root = host.shadowRoot;
  const notice = root.querySelector('[data-testid="error"]');
  const details = notice && notice.querySelector('[data-testid="error-details"]');
  const r = fb ? fb.getBoundingClientRect() : null;
  const n = notice ? notice.getBoundingClientRect() : null;
  return {
    fallback: !!fb,
    slotted: !!(fb && fb.assignedSlot),
    visible: !!(r && r.height > 20 && r.width > 20 && fb.checkVisibility()),
    noticeVisible: !!(n && n.height > 0 && notice.checkVisibility()),
    above: !!(r && n && n.bottom <= r.top + 1),
    lang: notice ? notice.getAttribute("lang") : "",
    role: notice ? notice.getAttribute("role") : "",
    title: notice ? notice.querySelector('[data-testid="error-title"]').textContent : "",
    summary: details ? details.querySelector("summary").textContent : "",
    open: !!(details && details.open),
    text: root.textContent,
  };
})`

type fallbackState struct {
	Fallback      bool   `json:"fallback"`
	Slotted       bool   `json:"slotted"`
	Visible       bool   `json:"visible"`
	NoticeVisible bool   `json:"noticeVisible"`
	Above         bool   `json:"above"`
	Lang          string `json:"lang"`
	Role          string `json:"role"`
	Title         string `json:"title"`
	Summary       string `json:"summary"`
	Open          bool   `json:"open"`
	Text          string `json:"text"`
}

// fullScreenshot writes the whole page to screenshots/name.png.
func (tb *tab) fullScreenshot(name string) {
	tb.t.Helper()
	png, err := chromedp.Run(tb.ctx, chromedp.FullScreenshot(100))
	require.NoError(tb.t, err)
	require.NoError(tb.t, os.MkdirAll("screenshots", 0o755))
	require.NoError(tb.t, os.WriteFile(filepath.Join("screenshots", name+".png"), png, 0o644))
}

// TestErrorsKeepTheFallback loads, in German and in French pages, a widget
// whose strategy or portfolio is missing (404), answered with an HTML page,
// invalid, or whose kompass.wasm is missing or not WebAssembly. Each time
// the static fallback stays visible, and above it a short message in the
// page's language says the interactive view is not available, with the
// technical detail (URL and reason, every problem) behind a disclosure.
func TestErrorsKeepTheFallback(t *testing.T) {
	problems := invalidProblems(t)
	cases := []struct {
		name                string
		folder              string // where kompass.js comes from
		strategy, portfolio string
		allow               string // the expected failed request
		reason              func(lang string) []string
	}{
		{"404-strategy", "", missingURL, portfolioURL, "missing.json", func(lang string) []string {
			return []string{missingURL, map[string]string{"de": "HTTP 404 (nicht gefunden)", "fr": "HTTP 404 (introuvable)"}[lang]}
		}},
		{"404-portfolio", "", strategyURL, missingURL, "missing.json", func(lang string) []string {
			return []string{missingURL, map[string]string{"de": "HTTP 404 (nicht gefunden)", "fr": "HTTP 404 (introuvable)"}[lang]}
		}},
		{"html-answer", "", strategyURL, htmlURL, "", func(lang string) []string {
			return []string{htmlURL, map[string]string{"de": "mit einer HTML-Seite, nicht mit JSON", "fr": "par une page HTML, pas par du JSON"}[lang]}
		}},
		{"invalid-data", "", strategyURL, invalidURL, "", func(lang string) []string {
			return []string{invalidURL, map[string]string{"de": "enthält ungültige Daten", "fr": "contient des données invalides"}[lang]}
		}},
		// The first render goes without the byte checks (explorer.Model.CheckBytes):
		// the view shows for a frame, then the error replaces it.
		{"duplicate-member", "", strategyURL, duplicateURL, "", func(lang string) []string {
			return []string{duplicateURL, map[string]string{"de": "enthält ungültige Daten", "fr": "contient des données invalides"}[lang]}
		}},
		{"missing-wasm", "/nowasm/", strategyURL, portfolioURL, "kompass.wasm", func(string) []string {
			return []string{"/nowasm/kompass.wasm", "HTTP 404"}
		}},
		{"broken-wasm", "/badwasm/", strategyURL, portfolioURL, "", func(string) []string {
			return []string{"WebAssembly"}
		}},
	}
	for _, lang := range []string{"de", "fr"} {
		tb := newTab(t, 1280, 900) // one tab per language, its problems checked at the end
		for _, c := range cases {
			if c.allow != "" {
				tb.allowNetworkError(c.allow)
			}
		}
		fallback := staticFallback(t, lang)
		for _, c := range cases {
			t.Run(c.name+"-"+lang, func(t *testing.T) {
				tb.t = t
				w := widget{ID: "w", Strategy: c.strategy, Portfolio: c.portfolio, Fallback: fallback}
				u := env.site.pageWith("error-"+c.name+"-"+lang, pageOpts{Lang: lang, Widget: c.folder}, w)
				require.NoError(t, chromedp.Do(tb.ctx, chromedp.Navigate("about:blank")))
				tb.open(u, "w", "error")
				st := must[fallbackState](tb, fallbackJS+`("w")`)
				assert.True(t, st.Fallback && st.Slotted && st.Visible, "the static fallback stays visible: %+v", st)
				assert.True(t, st.NoticeVisible, "the message shows")
				assert.True(t, st.Above, "the message is above the fallback")
				assert.Equal(t, lang, st.Lang, "the message is in the page's language")
				assert.Equal(t, explorer.ErrorText(lang, "notice.title"), st.Title)
				assert.Equal(t, explorer.ErrorText(lang, "notice.details"), st.Summary)
				assert.Equal(t, "alert", st.Role)
				assert.False(t, st.Open, "the detail is behind a closed disclosure")
				assert.NotContains(t, st.Text, "invalid character", "no parser jargon")
				other := map[string]string{"de": explorer.ErrorText("fr", "notice.title"), "fr": explorer.ErrorText("de", "notice.title")}[lang]
				assert.NotContains(t, st.Text, other, "no other language's message")

				tb.click("w", "error-details")
				tb.waitJS(`() => __e2e.must("w", "error-details").open`, "the disclosure opens")
				reason := tb.text("w", "error-reason")
				for _, want := range c.reason(lang) {
					assert.Contains(t, reason, want, "the technical reason")
				}
				if c.name == "invalid-data" {
					items := must[[]string](tb, `[...__e2e.must("w", "error-problems").querySelectorAll("li")].map((li) => li.textContent)`)
					require.Len(t, items, len(problems))
					for _, pr := range problems {
						where := fmt.Sprintf("%s:%d:%d: %s: ", invalidURL, pr.Line, pr.Column, pr.Pointer)
						assert.True(t, slices.ContainsFunc(items, func(it string) bool {
							return strings.HasPrefix(it, where) && strings.Contains(it, pr.Message)
						}), "no line reads %s%s: %q", where, pr.Message, items)
					}
				}
				if c.name == "duplicate-member" {
					assert.True(t, must[bool](tb, `"w:shown" in __e2e.states`), "the view was shown before the byte checks found the problem")
					items := must[[]string](tb, `[...__e2e.must("w", "error-problems").querySelectorAll("li")].map((li) => li.textContent)`)
					require.Len(t, items, 1)
					assert.Equal(t, duplicateURL+`:3:16: /id: duplicate member "id" in one object`, items[0], "the problem placed, as kompass validate words it")
				}
				if c.name == "invalid-data" {
					tb.fullScreenshot("error-" + c.name + "-" + lang)
				} else {
					tb.screenshot("error-" + c.name + "-" + lang)
				}
			})
		}
		tb.t = t
	}
}

// invalidProblems are the problems of testdata/invalid.portfolio.json, placed in the file.
func invalidProblems(t *testing.T) []struct {
	Line, Column     int
	Pointer, Message string
} {
	s, err := strategy.DecodeBytes(examples.StrategyJSON)
	require.NoError(t, err)
	raw, err := os.ReadFile(filepath.Join("testdata", "invalid.portfolio.json"))
	require.NoError(t, err)
	p, err := portfolio.DecodeBytes(raw)
	require.NoError(t, err, "the invalid portfolio decodes; its problems are semantic")
	problems := portfolio.Validate(p, s)
	require.True(t, problems.HasErrors())
	jsondoc.Locate(raw, problems)
	var out []struct {
		Line, Column     int
		Pointer, Message string
	}
	for _, pr := range problems {
		require.Positive(t, pr.Line, "%s: the locator places every problem", pr.Pointer)
		out = append(out, struct {
			Line, Column     int
			Pointer, Message string
		}{pr.Line, pr.Column, pr.Pointer, pr.Message})
	}
	return out
}

// TestErrorWithoutFallback: an element without a static fallback still
// shows the message, never a blank box; the element's own lang wins over
// the page's.
func TestErrorWithoutFallback(t *testing.T) {
	tb := newTab(t, 1280, 900)
	tb.allowNetworkError("missing.json")
	tb.open(env.site.pageWith("error-bare", pageOpts{Lang: "de"},
		widget{ID: "w", Strategy: strategyURL, Portfolio: missingURL, Lang: "it"}), "w", "error")
	st := must[fallbackState](tb, fallbackJS+`("w")`)
	assert.True(t, st.NoticeVisible)
	assert.Equal(t, explorer.ErrorText("it", "notice.title"), st.Title)
	assert.Equal(t, "it", st.Lang)
}

// TestErrorThenFixed: correcting the attribute after an error loads the
// data, and the explorer replaces message and fallback.
func TestErrorThenFixed(t *testing.T) {
	tb := newTab(t, 1280, 900)
	tb.allowNetworkError("missing.json")
	w := widget{ID: "w", Strategy: strategyURL, Portfolio: missingURL, Fallback: staticFallback(t, "de")}
	tb.open(env.site.page("error-fixed", w), "w", "error")
	must[chromedp.Void](tb, `document.getElementById("w").setAttribute("portfolio", `+js(portfolioURL)+`)`)
	tb.waitState("w", "ready")
	st := must[fallbackState](tb, fallbackJS+`("w")`)
	assert.False(t, st.NoticeVisible, "the message is gone")
	assert.False(t, st.Slotted, "the explorer replaces the fallback")
	assert.True(t, tb.exists("w", "explorer"))
}

// TestSeveralWidgetsOnePage puts five elements on one page under the demo
// page's CSP: two with the same data (one fetch of each file), one fixed to
// a focus area in French, one with a missing portfolio and one with only a
// portfolio attribute. Each is in its own state; the failures keep their
// fallbacks.
func TestSeveralWidgetsOnePage(t *testing.T) {
	tb := newTab(t, 1280, 900)
	tb.allowNetworkError("missing.json")
	fb := staticFallback(t, "de")
	u := env.site.page("several",
		widget{ID: "a", Strategy: strategyURL, Portfolio: portfolioURL, Fallback: fb},
		widget{ID: "b", Strategy: strategyURL, Portfolio: portfolioURL, View: "measures"},
		widget{ID: "c", Strategy: strategyURL, Portfolio: portfolioURL, Focus: "DL", Lang: "fr"},
		widget{ID: "d", Strategy: strategyURL, Portfolio: missingURL, Fallback: fb},
		widget{ID: "e", Portfolio: portfolioURL, Fallback: fb},
	)
	tb.open(u, "a", "ready")
	for _, id := range []string{"b", "c"} {
		tb.waitState(id, "ready")
	}
	for _, id := range []string{"d", "e"} {
		tb.waitState(id, "error")
		st := must[fallbackState](tb, fallbackJS+`(`+js(id)+`)`)
		assert.True(t, st.Visible && st.Above, "%s: the fallback stays below the message: %+v", id, st)
	}
	tb.click("e", "error-details")
	assert.Contains(t, tb.text("e", "error-reason"), "«strategy»", "the missing attribute is named")
	assert.Equal(t, "measures", tb.attr("b", "explorer", "data-view"))
	assert.Equal(t, "fr", tb.attr("c", "explorer", "lang"))
	fetches := must[map[string]int](tb, `performance.getEntriesByType("resource").reduce((m, e) => {
	  const p = new URL(e.name).pathname; m[p] = (m[p] || 0) + 1; return m; }, {})`)
	assert.Equal(t, 2, fetches[strategyURL], "one fetch of the strategy for a, b and c, one for d's pair of URLs: %v", fetches)
	assert.Equal(t, 1, fetches[portfolioURL], "one fetch of the portfolio for every element: %v", fetches)
	assert.Equal(t, 1, fetches["/kompass/kompass.wasm"], "one kompass.wasm for the page: %v", fetches)
	tb.click("b", "tab-timeline")
	assert.Equal(t, "timeline", tb.attr("b", "explorer", "data-view"))
	assert.Equal(t, "#b.v=timeline", tb.hash(), "only b's key in the hash")
	tb.fullScreenshot("several")
}

// TestStrictCSP checks the page is served with the policy `kompass serve`
// sends and the widget runs under it (the tab fails on any violation).
func TestStrictCSP(t *testing.T) {
	tb := newTab(t, 1280, 900)
	u := env.site.pageWith("csp-dark", pageOpts{Lang: "fr", Dark: true}, widget{ID: "w", Strategy: strategyURL, Portfolio: portfolioURL,
		Fallback: staticFallback(t, "fr")})
	tb.open(u, "w", "ready")
	csp := must[string](tb, `fetch(location.href).then((r) => r.headers.get("Content-Security-Policy"))`)
	assert.Contains(t, csp, "script-src 'self' 'wasm-unsafe-eval'")
	assert.Contains(t, csp, "style-src 'self'")
	tb.click("w", "tab-measures")
	tb.waitAttr("w", "explorer", "data-view", "measures")
	tb.fullScreenshot("csp-dark-fr")
}

// contrastJS returns the contrast ratio of the text of the element sel in
// widget id's shadow root against its background (WCAG's relative luminance; a transparent
// background is looked up through the ancestors, across the shadow root).
const contrastJS = `((id, sel) => {
  const root = document.getElementById(id).shadowRoot;
  const title = root.querySelector(sel);
  const rgb = (s) => (s.match(/[\d.]+/g) || []).map(Number);
  const bgOf = (el) => {
    for (let e = el; e; e = e.parentElement || (e.getRootNode() && e.getRootNode().host)) {
      const c = rgb(getComputedStyle(e).backgroundColor);
      if (c.length >= 3 && (c.length < 4 || c[3] > 0.5)) return c;
    }
    return [255, 255, 255];
  };
  const lum = ([r, g, b]) => [r, g, b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
    .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
  const a = lum(rgb(getComputedStyle(title).color)), b = lum(bgOf(title));
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
})`

// TestErrorOnDarkResetPage: on a host page that resets every element
// (`* { all: revert }`) and sets a dark theme, the message of a missing
// data file stays legible (WCAG AA contrast) above the kept fallback.
func TestErrorOnDarkResetPage(t *testing.T) {
	tb := newTab(t, 1280, 900)
	tb.allowNetworkError("missing.json")
	u := env.site.pageWith("error-dark", pageOpts{Lang: "fr", Dark: true},
		widget{ID: "w", Strategy: strategyURL, Portfolio: missingURL, Fallback: staticFallback(t, "fr")})
	tb.open(u, "w", "error")
	st := must[fallbackState](tb, fallbackJS+`("w")`)
	assert.True(t, st.Visible && st.Above && st.NoticeVisible, "%+v", st)
	for _, sel := range []string{`[data-testid="error-title"]`, `summary`} {
		ratio := must[float64](tb, contrastJS+`("w", `+js(sel)+`)`)
		assert.GreaterOrEqual(t, ratio, 4.5, "%s: the message's contrast on a dark reset page", sel)
	}
	tb.screenshot("error-dark-fr")
}
