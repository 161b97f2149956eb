package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"
)

// prelude runs in every document before the page's own scripts (CDP
// evaluation; the page's CSP does not apply to it). It reports CSP
// violations through the __e2eReport binding, records when each element's
// data-state changes (performance.now(), from the navigation's start), and
// defines the helpers the tests call.
const prelude = `(() => {
  const report = (kind, detail) => { try { window.__e2eReport(JSON.stringify({kind, detail})); } catch (e) {} };
  document.addEventListener("securitypolicyviolation", (e) => report("csp",
    e.violatedDirective + " blocked " + (e.blockedURI || "inline") + " in " + e.sourceFile + ":" + e.lineNumber + " " + (e.sample || "")), true);
  const e2e = window.__e2e = { states: {} };
  // KEY+layout is when the next frame after it had its style and layout
  // done (forced in that frame's animation callback): the state on screen.
  new MutationObserver((records) => {
    const now = performance.now();
    for (const r of records) {
      const key = (r.target.id || r.target.localName) + ":" + r.target.getAttribute("data-state");
      if (!(key in e2e.states)) {
        e2e.states[key] = now;
        requestAnimationFrame(() => {
          void document.documentElement.offsetHeight;
          e2e.states[key + "+layout"] = performance.now();
        });
      }
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-state"] });
  // root: the shadow root of the element with id.
  e2e.root = (id) => { const el = document.getElementById(id); if (!el || !el.shadowRoot) throw new Error("no shadow root on #" + id); return el.shadowRoot; };
  e2e.q = (id, testid) => e2e.root(id).querySelector('[data-testid="' + testid + '"]');
  e2e.must = (id, testid) => { const el = e2e.q(id, testid); if (!el) throw new Error("#" + id + ": no [data-testid=" + testid + "]"); return el; };
  e2e.text = (id, testid) => e2e.must(id, testid).textContent;
  // describe names an element: its data-testid, else id, else binding, else tag.
  e2e.describe = (el) => {
    if (!el) return "";
    return el.getAttribute("data-testid") || el.id || el.getAttribute("data-on-click") || el.localName;
  };
  // active is the focused element, deep inside shadow roots, described,
  // with the id of the widget it is in ("" outside any widget).
  e2e.active = () => {
    let a = document.activeElement, host = "";
    while (a && a.shadowRoot && a.shadowRoot.activeElement) { host = a.id; a = a.shadowRoot.activeElement; }
    return { host, name: e2e.describe(a), tag: a ? a.localName : "" };
  };
  // center scrolls the element into view and returns its centre in the viewport.
  e2e.center = (id, testid) => {
    const el = e2e.must(id, testid);
    el.scrollIntoView({ block: "center", inline: "center" });
    const r = el.getBoundingClientRect();
    return [r.x + r.width / 2, r.y + r.height / 2];
  };
  // choose sets a select's value and fires change, as picking an option does.
  e2e.choose = (id, testid, value) => {
    const el = e2e.must(id, testid);
    if (![...el.options].some((o) => o.value === value)) throw new Error(testid + " has no option " + value);
    el.value = value;
    el.dispatchEvent(new Event("input", { bubbles: true, composed: true }));
    el.dispatchEvent(new Event("change", { bubbles: true, composed: true }));
  };
})();`

// tab is one browser tab. It fails its test on a JavaScript exception, a
// console error, a CSP violation, a dialog or a request to a host other
// than the page's.
type tab struct {
	t   testing.TB
	ctx context.Context

	mu       sync.Mutex
	problems []string
	allowed  []string // network errors containing one of these are expected
	dialogs  int
}

// newTab opens a tab with a viewport of width x height CSS pixels.
func newTab(t testing.TB, width, height int64) *tab {
	t.Helper()
	tb := &tab{t: t, allowed: []string{"/favicon.ico"}} // the browser's own request; kompass serve has none
	ctx, cancel := chromedp.NewContext(env.browser, chromedp.WithListener(tb.onEvent))
	ctx, cancelTimeout := context.WithTimeout(ctx, 10*time.Minute) // a safety net against a hung page, not a time limit: TestAxe loads some 25 pages in one tab
	tb.ctx = ctx
	t.Cleanup(func() {
		tb.assertClean()
		cancelTimeout()
		cancel()
	})
	_, err := chromedp.Call(ctx, runtime.AddBinding, runtime.AddBindingParams{Name: "__e2eReport"})
	require.NoError(t, err)
	_, err = chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: prelude})
	require.NoError(t, err)
	_, err = chromedp.Call(ctx, emulation.SetFocusEmulationEnabled, emulation.SetFocusEmulationEnabledParams{Enabled: true})
	require.NoError(t, err)
	tb.viewport(width, height)
	go tb.dismissDialogs()
	return tb
}

// viewport sets the tab's viewport size.
func (tb *tab) viewport(width, height int64) {
	tb.t.Helper()
	require.NoError(tb.t, chromedp.Do(tb.ctx, chromedp.EmulateViewport(width, height)))
}

// onEvent runs in the tab's event loop: it only records.
func (tb *tab) onEvent(ev any) {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	switch ev := ev.(type) {
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		msg := d.Text
		if d.Exception != nil {
			msg += " " + d.Exception.Description
		}
		tb.problems = append(tb.problems, fmt.Sprintf("JavaScript exception at %s:%d: %s", d.URL, d.LineNumber+1, msg))
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
			var args []string
			for _, a := range ev.Args {
				args = append(args, a.Description+string(a.Value))
			}
			tb.problems = append(tb.problems, fmt.Sprintf("console.%s: %s", ev.Type, strings.Join(args, " ")))
		}
	case *runtime.EventBindingCalled:
		if ev.Name == "__e2eReport" {
			var r struct{ Kind, Detail string }
			json.Unmarshal([]byte(ev.Payload), &r)
			tb.problems = append(tb.problems, fmt.Sprintf("%s violation: %s", r.Kind, r.Detail))
		}
	case *log.EventEntryAdded:
		e := ev.Entry
		switch {
		case e.Source == log.EntrySourceSecurity:
			tb.problems = append(tb.problems, "security: "+e.Text+" "+e.URL)
		case e.Level == log.EntryLevelError && e.Source == log.EntrySourceNetwork && tb.isAllowed(e.URL+" "+e.Text):
		case e.Level == log.EntryLevelError:
			tb.problems = append(tb.problems, fmt.Sprintf("log %s error: %s %s", e.Source, e.Text, e.URL))
		}
	case *network.EventRequestWillBeSent:
		if !sameOrigin(ev.Request.URL, ev.DocumentURL) {
			tb.problems = append(tb.problems, fmt.Sprintf("request to another host: %s (page %s)", ev.Request.URL, ev.DocumentURL))
		}
	case *page.EventJavascriptDialogOpening:
		tb.dialogs++
		tb.problems = append(tb.problems, fmt.Sprintf("a %s dialog opened: %q", ev.Type, ev.Message))
	}
}

func (tb *tab) isAllowed(s string) bool {
	for _, a := range tb.allowed {
		if strings.Contains(s, a) {
			return true
		}
	}
	return false
}

// allowNetworkError expects a failed request whose URL contains s (a 404 the test asks for).
func (tb *tab) allowNetworkError(s string) {
	tb.mu.Lock()
	tb.allowed = append(tb.allowed, s)
	tb.mu.Unlock()
}

// dismissDialogs closes every dialog, so a page that opens one does not hang.
func (tb *tab) dismissDialogs() {
	for _, err := range chromedp.Events(tb.ctx, page.JavascriptDialogOpening) {
		if err != nil {
			return
		}
		chromedp.Call(tb.ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
	}
}

// sameOrigin reports whether request u goes to the origin of the page
// doc; the first navigation of a tab (about:blank) counts as its own page.
func sameOrigin(u, doc string) bool {
	a, err1 := url.Parse(u)
	b, err2 := url.Parse(doc)
	if err1 != nil || err2 != nil {
		return false
	}
	return a.Scheme == b.Scheme && a.Host == b.Host
}

// assertClean fails the test with every problem seen so far.
func (tb *tab) assertClean() {
	tb.t.Helper()
	tb.mu.Lock()
	defer tb.mu.Unlock()
	if len(tb.problems) > 0 {
		tb.t.Errorf("the page had %d problem(s):\n  %s", len(tb.problems), strings.Join(tb.problems, "\n  "))
		tb.problems = nil
	}
}

// open navigates to u and waits until the element with id (if any) is in
// data-state want.
func (tb *tab) open(u string, id, want string) {
	tb.t.Helper()
	require.NoError(tb.t, chromedp.Do(tb.ctx, chromedp.Navigate(u)), "navigate to %s", u)
	if id != "" {
		tb.waitState(id, want)
	}
}

// waitState waits until the element with id has data-state want.
func (tb *tab) waitState(id, want string) {
	tb.t.Helper()
	tb.waitJS(fmt.Sprintf(`() => document.getElementById(%s)?.getAttribute("data-state") === %s`, js(id), js(want)),
		fmt.Sprintf("#%s[data-state=%s]", id, want))
}

// eval evaluates a JavaScript expression (promises awaited) and decodes its value.
func eval[T any](tb *tab, expr string) (T, error) {
	return chromedp.Run(tb.ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
}

// must is eval that fails the test on an error.
func must[T any](tb *tab, expr string) T {
	tb.t.Helper()
	v, err := eval[T](tb, expr)
	require.NoError(tb.t, err, "evaluating %s", expr)
	return v
}

// js quotes a Go string as a JavaScript string literal.
func js(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// text returns the textContent of [data-testid=testid] in widget id.
func (tb *tab) text(id, testid string) string {
	tb.t.Helper()
	return must[string](tb, fmt.Sprintf(`__e2e.text(%s, %s)`, js(id), js(testid)))
}

// exists reports whether widget id has an element [data-testid=testid].
func (tb *tab) exists(id, testid string) bool {
	tb.t.Helper()
	return must[bool](tb, fmt.Sprintf(`!!__e2e.q(%s, %s)`, js(id), js(testid)))
}

// attr returns an attribute of [data-testid=testid] in widget id ("" when absent).
func (tb *tab) attr(id, testid, name string) string {
	tb.t.Helper()
	return must[string](tb, fmt.Sprintf(`__e2e.must(%s, %s).getAttribute(%s) ?? ""`, js(id), js(testid), js(name)))
}

// click clicks [data-testid=testid] in widget id with the mouse.
func (tb *tab) click(id, testid string) {
	tb.t.Helper()
	xy := must[[2]float64](tb, fmt.Sprintf(`__e2e.center(%s, %s)`, js(id), js(testid)))
	require.NoError(tb.t, chromedp.Do(tb.ctx, chromedp.MouseClickXY(xy[0], xy[1])), "click %s", testid)
}

// choose picks value in the select [data-testid=testid] of widget id.
func (tb *tab) choose(id, testid, value string) {
	tb.t.Helper()
	must[chromedp.Void](tb, fmt.Sprintf(`__e2e.choose(%s, %s, %s)`, js(id), js(testid), js(value)))
}

// focus focuses [data-testid=testid] in widget id.
func (tb *tab) focus(id, testid string) {
	tb.t.Helper()
	must[chromedp.Void](tb, fmt.Sprintf(`__e2e.must(%s, %s).focus()`, js(id), js(testid)))
}

// keys sends real key events (keyDown, char, keyUp) to the focused element.
func (tb *tab) keys(keys string, opts ...chromedp.KeyOption) {
	tb.t.Helper()
	require.NoError(tb.t, chromedp.Do(tb.ctx, chromedp.KeyEvent(keys, opts...)), "keys %q", keys)
}

// active returns the focused element deep in shadow roots: the widget's id and the element's name.
func (tb *tab) active() (host, name string) {
	tb.t.Helper()
	a := must[activeElement](tb, `__e2e.active()`)
	return a.Host, a.Name
}

// hash returns location.hash once the page has painted (see settle).
func (tb *tab) hash() string {
	tb.t.Helper()
	tb.settle()
	return must[string](tb, `location.hash`)
}

// settle waits until the page has painted its next frame and run the tasks
// queued until then: the widget writes the URL after the frame of a
// change (explorer.URLWrites), so a test reads the hash or goes back after
// that.
func (tb *tab) settle() {
	tb.t.Helper()
	must[chromedp.Void](tb, `new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)))`)
}

// back settles the page (see settle) and goes back in its history.
func (tb *tab) back() {
	tb.t.Helper()
	tb.settle()
	require.NoError(tb.t, chromedp.Do(tb.ctx, chromedp.NavigateBack()))
}

// screenshot writes the viewport to screenshots/name.png.
func (tb *tab) screenshot(name string) {
	tb.t.Helper()
	png, err := chromedp.Run(tb.ctx, chromedp.CaptureScreenshot())
	require.NoError(tb.t, err)
	require.NoError(tb.t, os.MkdirAll("screenshots", 0o755))
	require.NoError(tb.t, os.WriteFile(filepath.Join("screenshots", name+".png"), png, 0o644))
}

// call runs a protocol command on the tab.
func call[P, R any](tb *tab, cmd cdp.Command[P, R], params P) R {
	tb.t.Helper()
	r, err := chromedp.Call(tb.ctx, cmd, params)
	require.NoError(tb.t, err, "%s", cmd.Method)
	return r
}

// activeElement is what __e2e.active returns.
type activeElement struct {
	Host string `json:"host"`
	Name string `json:"name"`
	Tag  string `json:"tag"`
}

// waitJS waits until the JavaScript function pred returns true. It
// evaluates in the page's current document each time, so a navigation
// under way does not disturb it.
func (tb *tab) waitJS(pred, what string) {
	tb.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	var err error
	for time.Now().Before(deadline) {
		var ok bool
		if ok, err = eval[bool](tb, "("+pred+")()"); err == nil && ok {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	state, _ := eval[string](tb, `JSON.stringify([...document.querySelectorAll("[data-state]")].map((e) => e.id + ":" + e.getAttribute("data-state")))`)
	tb.t.Fatalf("waiting for %s: timed out (last error: %v; states %s)", what, err, state)
}
