package e2e

import (
	"cmp"
	"encoding/json"
	"fmt"
	"maps"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/tracing"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"

	"github.com/bl-digital/kompass/internal/wasmsize"
)

// The speed figures are benchmarks, not timed tests; run them with
//
//	go test -run='^$' -bench=. -benchtime=5x ./e2e
//
// Each reports milliseconds as custom metrics (medians over the
// iterations) and no ns/op, which would only time the harness.

// firstRender loads u in tb with the HTTP cache off and returns, for each
// id, the milliseconds from the navigation's start until the element with
// that id got data-state=ready (recorded in the page by a MutationObserver).
func firstRender(b *testing.B, tb *tab, u string, ids ...string) []float64 {
	b.Helper()
	return firstRenderStates(b, tb, u, []string{"ready"}, ids...)[0]
}

// firstRenderStates is firstRender for each of states: out[i][j] is when
// the element ids[j] first got data-state=states[i]; a state STATE+layout
// is when the next frame after STATE had its style and layout done (see
// prelude). It waits until every element is ready and every time is known.
func firstRenderStates(b *testing.B, tb *tab, u string, states []string, ids ...string) [][]float64 {
	b.Helper()
	require.NoError(b, chromedp.Do(tb.ctx, chromedp.Navigate("about:blank")))
	require.NoError(b, chromedp.Do(tb.ctx, chromedp.Navigate(u)))
	out := make([][]float64, len(states))
	for _, id := range ids {
		tb.waitState(id, "ready")
		for _, st := range states {
			tb.waitJS(fmt.Sprintf(`() => %s in __e2e.states`, js(id+":"+st)), "#"+id+" "+st)
		}
	}
	for i, st := range states {
		out[i] = make([]float64, len(ids))
		for j, id := range ids {
			out[i][j] = must[float64](tb, fmt.Sprintf(`__e2e.states[%s] ?? -1`, js(id+":"+st)))
			require.GreaterOrEqual(b, out[i][j], 0.0, "#%s never had data-state=%s", id, st)
		}
	}
	return out
}

// coldTab is a tab with the HTTP cache off, so every load fetches and
// compiles the wasm anew, as on a first visit.
func coldTab(b *testing.B) *tab {
	tb := newTab(b, 1280, 900)
	call(tb, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true})
	return tb
}

func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s) == 0 {
		return 0
	}
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// marksJS returns the start time of the first performance mark of each
// name (NaN when missing): the stages of the widget's start that kompass.js
// and the Go program mark.
const marksJS = `((names) => names.map((n) => {
  const m = performance.getEntriesByName(n, "mark")[0];
  return m ? m.startTime : -1;
}))`

// stages are the performance marks of a widget's start, in order:
// kompass.wasm's response has come, it is compiled, the Go program starts
// and is ready (its runtime has started), the data is fetched, decoded and
// computed, the first view is built (explorer.BuildFirst, without the
// charts), the first render is done (the DOM calls through dom/v2;
// data-state=shown), and, after the browser has painted it, the charts are
// built and drawn, and, after that paint, the widget has warmed up its
// filter changes' code (explorer.Widget.Warm; data-state=ready).
var stages = []string{"kompass:wasm-response", "kompass:wasm-compiled", "kompass:go-start", "kompass:go-ready", "kompass:data", "kompass:built", "kompass:rendered", "kompass:charts", "kompass:ready"}

// BenchmarkFirstRender times the demo page of `kompass serve` (two widgets)
// from navigation to the first widget's first render, and to both, and a
// page with one widget, beside the bare syscall/js hello-world and the
// dom/v2 hello-world pages, in the same run. A widget's first render is
// data-state=shown (its view on screen, the charts' places reserved), and
// it is complete at data-state=ready (the charts drawn, after the browser
// painted the first render); a hello-world is done at data-state=ready.
// x-domhello is one widget's first render / dom/v2 hello-world (goal:
// <= 2.0), x-domhello-paired the median of the same ratio taken in each
// iteration (the two loads seconds apart, so a machine that gets faster
// or slower during the run moves both), x-domhello-ready the same until
// complete, x-hello the first
// render against the bare hello-world. For the one-widget page it reports
// where the time goes: the stages the page marks (see stages), and when the
// portfolio's response ended; for the dom/v2 hello-world the stages its
// loader marks (helloStages).
func BenchmarkFirstRender(b *testing.B) {
	tb := coldTab(b)
	widgetPage := env.site.page("perf-widget", defaultWidget)
	hello := env.site.URL + "/page/hello.html"
	domhello := env.site.URL + "/page/domhello.html"
	var first, all, single, singleReady, hw, dhw, data, singleLaid, dhwLaid []float64
	stage := make([][]float64, len(stages))
	helloStage := make([][]float64, len(helloStages))
	shownReady := []string{"shown", "ready"}
	for b.Loop() {
		d := firstRenderStates(b, tb, demo(b), shownReady, "kompass", "kompass-dl")
		first, all = append(first, min(d[0][0], d[0][1])), append(all, max(d[1][0], d[1][1]))
		w := firstRenderStates(b, tb, widgetPage, []string{"shown", "ready", "shown+layout"}, "w")
		single, singleReady, singleLaid = append(single, w[0][0]), append(singleReady, w[1][0]), append(singleLaid, w[2][0])
		for i, ms := range must[[]float64](tb, marksJS+"("+jsList(stages)+")") {
			stage[i] = append(stage[i], ms)
		}
		data = append(data, must[float64](tb, `performance.getEntriesByType("resource").find((e) => e.name.includes("portfolio.json")).responseEnd`))
		hw = append(hw, firstRender(b, tb, hello, "hello")[0])
		d = firstRenderStates(b, tb, domhello, []string{"ready", "ready+layout"}, "hello")
		dhw, dhwLaid = append(dhw, d[0][0]), append(dhwLaid, d[1][0])
		for i, ms := range must[[]float64](tb, marksJS+"("+jsList(helloStages)+")") {
			helloStage[i] = append(helloStage[i], ms)
		}
	}
	b.ReportMetric(0, "ns/op")
	b.ReportMetric(median(first), "ms/demo-first")
	b.ReportMetric(median(all), "ms/demo-both-ready")
	b.ReportMetric(median(single), "ms/one-widget")
	b.ReportMetric(median(singleReady), "ms/one-widget-ready")
	b.ReportMetric(median(hw), "ms/hello")
	b.ReportMetric(median(dhw), "ms/domhello")
	b.ReportMetric(median(single)/median(dhw), "x-domhello")
	paired := make([]float64, len(single))
	for i := range single {
		paired[i] = single[i] / dhw[i]
	}
	b.ReportMetric(median(paired), "x-domhello-paired")
	b.ReportMetric(median(singleReady)/median(dhw), "x-domhello-ready")
	b.ReportMetric(median(first)/median(dhw), "x-domhello-demo")
	b.ReportMetric(median(singleLaid), "ms/one-widget-laid-out")
	b.ReportMetric(median(dhwLaid), "ms/domhello-laid-out")
	b.ReportMetric(median(singleLaid)/median(dhwLaid), "x-domhello-laid-out")
	b.ReportMetric(median(single)/median(hw), "x-hello")
	b.ReportMetric(median(data), "ms/one-widget-data-fetched")
	for i, name := range stages {
		b.ReportMetric(median(stage[i]), "ms/one-widget-"+strings.TrimPrefix(name, "kompass:"))
	}
	for i, name := range helloStages {
		b.ReportMetric(median(helloStage[i]), "ms/domhello-"+strings.TrimPrefix(name, "hello:"))
	}
}

// helloStages are the marks the hello-worlds' loader (hello.js) sets, the
// first three of stages: its wasm's response has come, it is compiled,
// the Go program starts.
var helloStages = []string{"hello:wasm-response", "hello:wasm-compiled", "hello:go-start"}

// jsList is a JavaScript array literal of strings.
func jsList(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = js(s)
	}
	return "[" + strings.Join(q, ",") + "]"
}

// BenchmarkHelloFirstRender times the bare syscall/js program alone: from
// navigation until it has written into the page.
func BenchmarkHelloFirstRender(b *testing.B) {
	tb := coldTab(b)
	var hw []float64
	for b.Loop() {
		hw = append(hw, firstRender(b, tb, env.site.URL+"/page/hello.html", "hello")[0])
	}
	b.ReportMetric(0, "ns/op")
	b.ReportMetric(median(hw), "ms/hello")
}

// filterJS changes a filter of widget id n times, alternating between the
// values, and returns for each change the milliseconds spent in the event
// handler (the widget renders synchronously) and until style and layout
// are done; it fails when the count text did not change.
const filterJS = `(async (id, testid, type, values, n) => {
  const root = __e2e.root(id);
  const handler = [], layout = [];
  for (let i = 0; i < n; i++) {
    const before = __e2e.text(id, "count");
    const el = __e2e.must(id, testid);
    performance.mark("kx-fc-" + i);
    const t0 = performance.now();
    el.value = values[i % values.length];
    el.dispatchEvent(new Event(type, { bubbles: true, composed: true }));
    const t1 = performance.now();
    if (__e2e.text(id, "count") === before) throw new Error("the count did not change from " + before);
    root.host.getBoundingClientRect();
    void document.documentElement.offsetHeight;
    const t2 = performance.now();
    performance.mark("kx-fc-" + i + "-done");
    handler.push(t1 - t0);
    layout.push(t2 - t0);
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 500)));
  }
  return { handler, layout };
})`

type filterTimes struct {
	Handler []float64 `json:"handler"`
	Layout  []float64 `json:"layout"`
}

// filterControls are the filter changes the benchmarks time: a select
// (field) and the free-text search, each alternating between a value and
// none.
var filterControls = []filterControl{
	{"select", "filter-field", "change", "data"},
	{"search", "filter-query", "input", "portal"},
}

// filterControl is a filter a benchmark changes: its name in the
// metrics, the control's data-testid, the event its change fires, and the
// value it alternates with none.
type filterControl struct{ name, testid, typ, value string }

// BenchmarkFilterChange times filter changes on a generated portfolio of
// 2,000 measures (goal: < 16 ms): a select (field) and the free-text
// search, in the strategy tree and in the measure list (its first page of
// cards), each narrowing (all 2,000 -> 286) and widening (286 -> all 2,000).
// ms/VIEW-CONTROL-DIRECTION is until style and layout are done,
// handler-ms/... the event handler alone (the widget renders
// synchronously in it); ms/load-2000 is the first render of that
// portfolio in the tree. Each change starts after the previous one's frame
// was painted and half a second has passed, as between two clicks: started
// right after the frame, a change shared the machine's two cores with the
// painting of the previous one, which doubled its time.
func BenchmarkFilterChange(b *testing.B) {
	tb := newTab(b, 1280, 900)
	w := defaultWidget
	w.Portfolio = bigURL
	pages := map[string]string{"tree": env.site.page("perf-filter-tree", w)}
	w.View = "measures"
	pages["cards"] = env.site.page("perf-filter-cards", w)
	type series struct{ handler, layout []float64 }
	res := map[string]*series{}
	var load []float64
	const n = 10 // changes per control and iteration: 5 narrowing, 5 widening
	for b.Loop() {
		for _, view := range []string{"tree", "cards"} {
			ms := firstRender(b, tb, pages[view], "w")[0]
			if view == "tree" {
				load = append(load, ms)
			}
			for _, c := range filterControls {
				r := must[filterTimes](tb, fmt.Sprintf(`%s(%s, %s, %s, [%s, ""], %d)`, filterJS, js("w"), js(c.testid), js(c.typ),
					js(c.value), n))
				for i := range r.Handler {
					key := view + "-" + c.name + "-narrow"
					if i%2 == 1 {
						key = view + "-" + c.name + "-widen"
					}
					if res[key] == nil {
						res[key] = &series{}
					}
					res[key].handler = append(res[key].handler, r.Handler[i])
					res[key].layout = append(res[key].layout, r.Layout[i])
				}
			}
		}
	}
	b.ReportMetric(0, "ns/op")
	b.ReportMetric(median(load), "ms/load-2000")
	for key, s := range res {
		b.ReportMetric(median(s.layout), "ms/"+key)
		b.ReportMetric(median(s.handler), "handler-ms/"+key)
	}
}

// TestBigPortfolioIsValid checks that the generated portfolio of the
// filter benchmark loads: the widget shows all its measures.
func TestBigPortfolioIsValid(t *testing.T) {
	tb := newTab(t, 1280, 900)
	w := defaultWidget
	w.Portfolio = bigURL
	tb.open(env.site.page("big", w), "w", "ready")
	require.Equal(t, countText("de", bigMeasures, bigMeasures), tb.text("w", "count"))
}

// traceLoad loads u in a new tab with the HTTP cache off, traces V8's
// WebAssembly compilation and the page's performance marks until the
// element with id has data-state=ready, and returns the trace's events.
func traceLoad(b *testing.B, u, id string) []traceEvent {
	b.Helper()
	var mu sync.Mutex
	var evs []traceEvent
	done := make(chan struct{})
	ctx, cancel := chromedp.NewContext(env.browser, chromedp.WithListener(func(ev any) {
		switch e := ev.(type) {
		case *tracing.EventDataCollected:
			mu.Lock()
			defer mu.Unlock()
			for _, v := range e.Value {
				var te traceEvent
				if json.Unmarshal([]byte(v), &te) == nil {
					evs = append(evs, te)
				}
			}
		case *tracing.EventTracingComplete:
			close(done)
		}
	}))
	defer cancel()
	_, err := chromedp.Call(ctx, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true})
	require.NoError(b, err)
	require.NoError(b, chromedp.Do(ctx, chromedp.Navigate("about:blank")))
	_, err = chromedp.Call(ctx, tracing.Start, tracing.StartParams{TraceConfig: &tracing.TraceConfig{
		IncludedCategories: []string{"v8.wasm", "disabled-by-default-v8.wasm.detailed", "blink.user_timing"}}})
	require.NoError(b, err)
	require.NoError(b, chromedp.Do(ctx, chromedp.Navigate(u)))
	ready := fmt.Sprintf(`document.getElementById(%s)?.getAttribute("data-state") === "ready"`, js(id))
	for deadline := time.Now().Add(2 * time.Minute); ; time.Sleep(10 * time.Millisecond) {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](ready))
		if err == nil && ok {
			break
		}
		require.True(b, time.Now().Before(deadline), "%s: #%s never got data-state=ready", u, id)
	}
	_, err = chromedp.Call(ctx, tracing.End, cdp.Empty{})
	require.NoError(b, err)
	select {
	case <-done:
	case <-time.After(time.Minute):
		b.Fatal("the trace did not complete")
	}
	mu.Lock()
	defer mu.Unlock()
	return evs
}

// compiled is what V8 compiled on first calls: how many functions, the
// bytes of their code and the milliseconds compiling took.
type compiled struct {
	n, bytes int
	ms       float64
}

// lazyCompiled sums the functions V8 compiled on their first call
// (wasm.CompileLazy) that started in [from, to) µs, their code's size
// taken from module m.
func lazyCompiled(evs []traceEvent, m *wasmsize.Module, from, to float64) compiled {
	var c compiled
	for _, e := range evs {
		if e.Ph != "X" || e.Name != "wasm.CompileLazy" || e.TS < from || e.TS >= to || e.funcIndex() < 0 {
			continue
		}
		c.n++
		c.ms += e.Dur / 1000
		if i := e.funcIndex() - m.Imports; i >= 0 && i < len(m.Funcs) {
			c.bytes += m.Funcs[i].Size
		}
	}
	return c
}

// BenchmarkFirstRenderCompile says how much of the first render is V8
// compiling WebAssembly functions on their first call (V8 compiles a
// function when it is first called, on the main thread): for each stage of
// the one-widget page (see stages) the number of functions compiled, the
// KB of their code and the milliseconds compiling took, and the same until
// ready for the dom/v2 hello-world; medians over the iterations.
// ms-toptier/one-widget is the background threads' time optimising hot
// functions until the first render. It traces
// the page (Chromium's tracing adds its own cost), so it does not time the
// first render; BenchmarkFirstRender does.
func BenchmarkFirstRenderCompile(b *testing.B) {
	read := func(path string) *wasmsize.Module {
		data, err := os.ReadFile(path)
		require.NoError(b, err)
		m, err := wasmsize.Parse(data)
		require.NoError(b, err)
		return m
	}
	widgetMod := read(filepath.Join(env.dist, "kompass.wasm"))
	var named *wasmsize.Module // with -v: the same build with its function names
	if testing.Verbose() {
		named = namedWidget(b)
	}
	helloMod := read(filepath.Join(env.hello, "domhello.wasm"))
	widgetPage := env.site.page("perf-widget-compile", defaultWidget)
	domhello := env.site.URL + "/page/domhello.html"
	type figures struct{ n, kb, ms []float64 }
	add := func(f *figures, c compiled) {
		f.n, f.kb, f.ms = append(f.n, float64(c.n)), append(f.kb, float64(c.bytes)/1000), append(f.ms, c.ms)
	}
	stage := make([]figures, len(stages))
	var total, hello figures
	var topTier []float64
	for b.Loop() {
		evs := traceLoad(b, widgetPage, "w")
		marks := map[string]float64{}
		for _, e := range evs {
			if _, seen := marks[e.Name]; e.Cat == "blink.user_timing" && !seen {
				marks[e.Name] = e.TS
			}
		}
		for i := 3; i < len(stages); i++ { // from kompass:go-start on (nothing is compiled lazily before)
			from, ok1 := marks[stages[i-1]]
			to, ok2 := marks[stages[i]]
			require.True(b, ok1 && ok2, "marks %s and %s", stages[i-1], stages[i])
			if stages[i] == "kompass:data" { // the data stage follows go-ready, not the data's fetch
				from = marks["kompass:go-ready"]
			}
			add(&stage[i], lazyCompiled(evs, widgetMod, from, to))
			if named != nil {
				logCompiled(b, stages[i], evs, named, from, to)
			}
		}
		add(&total, lazyCompiled(evs, widgetMod, marks["kompass:go-start"], marks["kompass:rendered"]))
		topTier = append(topTier, topTierMS(evs, marks["kompass:rendered"]))
		add(&hello, lazyCompiled(traceLoad(b, domhello, "hello"), helloMod, 0, math.Inf(1)))
	}
	b.ReportMetric(0, "ns/op")
	report := func(name string, f figures) {
		b.ReportMetric(median(f.n), "fns/"+name)
		b.ReportMetric(median(f.kb), "KB/"+name)
		b.ReportMetric(median(f.ms), "ms/"+name)
	}
	for i := 3; i < len(stages); i++ {
		report(strings.TrimPrefix(stages[i], "kompass:"), stage[i])
	}
	report("one-widget", total)
	report("domhello", hello)
	b.ReportMetric(median(topTier), "ms-toptier/one-widget")
}

// BenchmarkFirstRenderThreads says whether the page's main thread had the
// CPU during each stage of the one-widget page's start (see stages), from a
// Chromium trace: ms-main-busy/STAGE is the wall time of the main thread's
// tasks in the stage, ms-main-cpu/STAGE their CPU time, and
// ms-tierup-cpu/STAGE the CPU time V8's background threads spent in the
// stage optimising hot WebAssembly functions (dynamic tier-up to TurboFan).
// On a machine with two cores, a main thread busy for the whole stage but
// running for half of it competes for the CPU; traced, so slower than
// BenchmarkFirstRender. Medians over the iterations.
func BenchmarkFirstRenderThreads(b *testing.B) {
	tb := coldTab(b)
	widgetPage := env.site.page("perf-widget-threads", defaultWidget)
	busy, cpu, tierUp := map[string][]float64{}, map[string][]float64{}, map[string][]float64{}
	for b.Loop() {
		evs := recordTrace(tb, func() { firstRenderStates(b, tb, widgetPage, []string{"shown"}, "w") },
			"v8.wasm", "disabled-by-default-v8.wasm.detailed")
		marks := map[string]float64{}
		pid, tid := -1, -1
		for _, e := range evs {
			if _, seen := marks[e.Name]; e.Cat == "blink.user_timing" && strings.HasPrefix(e.Name, "kompass:") && !seen {
				marks[e.Name], pid, tid = e.TS, e.PID, e.TID
			}
		}
		// The main thread's outermost tasks, in order.
		var tasks []traceEvent
		for _, e := range evs {
			if e.PID == pid && e.TID == tid && e.Ph == "X" && e.Dur > 0 {
				tasks = append(tasks, e)
			}
		}
		slices.SortStableFunc(tasks, func(a, c traceEvent) int { return cmp.Or(cmp.Compare(a.TS, c.TS), cmp.Compare(c.Dur, a.Dur)) })
		end := math.Inf(-1)
		outer := tasks[:0]
		for _, e := range tasks {
			if e.TS >= end {
				outer, end = append(outer, e), e.TS+e.Dur
			}
		}
		// overlap is the part of [ts, ts+dur) in [from, to), as a fraction.
		overlap := func(e traceEvent, from, to float64) float64 {
			return max(0, min(e.TS+e.Dur, to)-max(e.TS, from)) / e.Dur
		}
		for i := 1; i < 7; i++ { // wasm-compiled to rendered
			from, to := marks[stages[i-1]], marks[stages[i]]
			require.True(b, from > 0 && to > from, "marks %s and %s", stages[i-1], stages[i])
			name := strings.TrimPrefix(stages[i], "kompass:")
			var w, c, t float64
			for _, e := range outer {
				f := overlap(e, from, to)
				w, c = w+f*e.Dur/1000, c+f*e.TDur/1000
			}
			for _, e := range evs {
				if e.Ph == "X" && e.Dur > 0 && e.Name == "wasm.TopTierCompilation" {
					t += overlap(e, from, to) * e.TDur / 1000
				}
			}
			busy[name], cpu[name], tierUp[name] = append(busy[name], w), append(cpu[name], c), append(tierUp[name], t)
		}
	}
	b.ReportMetric(0, "ns/op")
	for name := range busy {
		b.ReportMetric(median(busy[name]), "ms-main-busy/"+name)
		b.ReportMetric(median(cpu[name]), "ms-main-cpu/"+name)
		b.ReportMetric(median(tierUp[name]), "ms-tierup-cpu/"+name)
	}
}

// namedWidget builds the widget as buildAll does but keeping the name
// section: the functions are the same, in the same order (only -s differs),
// so a function index of the stripped module names its function here.
func namedWidget(b *testing.B) *wasmsize.Module {
	out := filepath.Join(b.TempDir(), "named.wasm")
	// The same build as env.dist's (so the same function indices), with the names.
	cmd := exec.Command(filepath.Join(env.root, "scripts", "build-wasm"), out, "./wasm/cmd/kompass", "-ldflags=")
	cmd.Dir = env.root
	if o, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("building the named widget: %v\n%s", err, o)
	}
	data, err := os.ReadFile(out)
	require.NoError(b, err)
	m, err := wasmsize.Parse(data)
	require.NoError(b, err)
	return m
}

// logCompiled logs what V8 compiled lazily in [from, to) µs: the KB per
// package and the largest functions (go test -v).
func logCompiled(b *testing.B, stage string, evs []traceEvent, m *wasmsize.Module, from, to float64) {
	byPkg := map[string]int{}
	type fn struct {
		name string
		size int
	}
	var fns []fn
	for _, e := range evs {
		i := e.funcIndex() - m.Imports
		if e.Ph != "X" || e.Name != "wasm.CompileLazy" || e.TS < from || e.TS >= to || i < 0 || i >= len(m.Funcs) {
			continue
		}
		f := m.Funcs[i]
		byPkg[wasmsize.Package(f.Name)] += f.Size
		fns = append(fns, fn{f.Name, f.Size})
	}
	pkgs := slices.SortedFunc(maps.Keys(byPkg), func(a, c string) int { return byPkg[c] - byPkg[a] })
	var sb strings.Builder
	fmt.Fprintf(&sb, "%s: %d functions compiled\n", stage, len(fns))
	for _, p := range pkgs {
		fmt.Fprintf(&sb, "  %7.1f KB  %s\n", float64(byPkg[p])/1000, p)
	}
	slices.SortFunc(fns, func(a, c fn) int { return c.size - a.size })
	for _, f := range fns[:min(len(fns), 40)] {
		fmt.Fprintf(&sb, "  %7.1f KB  %s\n", float64(f.size)/1000, f.name)
	}
	b.Log(sb.String())
}

// topTierMS is the time V8 spent on background threads optimising hot
// functions (dynamic tier-up, wasm.TopTierCompilation) that started before
// until µs: CPU time the main thread does not get on a machine with few
// cores.
func topTierMS(evs []traceEvent, until float64) float64 {
	ms := 0.0
	for _, e := range evs {
		if e.Ph == "X" && e.Name == "wasm.TopTierCompilation" && e.TS < until {
			ms += min(e.Dur, until-e.TS) / 1000
		}
	}
	return ms
}
