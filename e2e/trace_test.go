package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/tracing"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"
)

// traceEvent is one event of a Chromium trace (the JSON trace format).
type traceEvent struct {
	Name string         `json:"name"`
	Cat  string         `json:"cat"`
	Ph   string         `json:"ph"`
	TS   float64        `json:"ts"`   // µs
	Dur  float64        `json:"dur"`  // µs, complete events: wall time
	TDur float64        `json:"tdur"` // µs, complete events: the thread's CPU time
	PID  int            `json:"pid"`
	TID  int            `json:"tid"`
	Args map[string]any `json:"args"`
}

// funcIndex is the wasm function index of a V8 compile event, or -1.
func (e traceEvent) funcIndex() int {
	if f, ok := e.Args["func_index"].(float64); ok && f >= 0 {
		return int(f)
	}
	return -1
}

// traceCategories are about what DevTools' performance panel records,
// without screenshots and the JavaScript sampler.
var traceCategories = []string{"devtools.timeline", "v8", "v8.execute", "blink.user_timing", "disabled-by-default-devtools.timeline", "disabled-by-default-v8.gc", "blink", "loading"}

// recordTrace runs f on tb with Chromium's tracing on (traceCategories and
// the extra ones) and returns the trace's events.
func recordTrace(tb *tab, f func(), extra ...string) []traceEvent {
	tb.t.Helper()
	var mu sync.Mutex
	var chunks []*tracing.EventDataCollected
	done := make(chan struct{})
	var once sync.Once
	lctx, cancel := context.WithCancel(tb.ctx)
	defer cancel()
	require.NoError(tb.t, chromedp.Listen(lctx, func(ev any) {
		switch ev := ev.(type) {
		case *tracing.EventDataCollected:
			mu.Lock()
			defer mu.Unlock()
			chunks = append(chunks, ev)
		case *tracing.EventTracingComplete:
			once.Do(func() { close(done) })
		}
	}))
	call(tb, tracing.Start, tracing.StartParams{
		TransferMode: tracing.StartTransferModeReportEvents,
		TraceConfig:  &tracing.TraceConfig{RecordMode: tracing.TraceConfigRecordModeRecordAsMuchAsPossible, IncludedCategories: append(slices.Clone(traceCategories), extra...)},
	})
	f()
	call(tb, tracing.End, struct{}{})
	select {
	case <-done:
	case <-time.After(time.Minute):
		tb.t.Fatal("the trace did not complete")
	}
	mu.Lock()
	defer mu.Unlock()
	var events []traceEvent
	for _, c := range chunks {
		for _, v := range c.Value {
			raw, err := json.Marshal(v)
			require.NoError(tb.t, err)
			var e traceEvent
			require.NoError(tb.t, json.Unmarshal(raw, &e))
			events = append(events, e)
		}
	}
	return events
}

// traceClasses are the kinds of work traceClass tells apart, and "total",
// the main thread's whole time.
var traceClasses = []string{"script", "dom", "history", "style", "layout", "gc", "other", "total"}

// traceClass sorts the page's main-thread trace events by the work they
// are: script (JavaScript and wasm, with the syscall/js glue), dom (Blink
// work called from script: a select's option, a text's inline layout),
// history (pushState/replaceState), style, layout (with text shaping),
// gc; "other" for the rest.
func traceClass(name string) string {
	switch {
	case strings.Contains(name, "GC"):
		return "gc"
	case name == "UpdateLayoutTree" || strings.Contains(name, "Style") && !strings.Contains(name, "Layout"):
		return "style"
	case name == "InlineNode::SetTextWithOffset" || strings.HasPrefix(name, "HTML"):
		return "dom"
	case strings.Contains(name, "Layout") || strings.Contains(name, "layout") || strings.HasPrefix(name, "InlineNode::") || strings.Contains(name, "Svg"):
		return "layout"
	case name == "FrameLoader::updateForSameDocumentNavigation" || name == "SerializedScriptValueFactory::create":
		return "history"
	case strings.HasPrefix(name, "v8") || strings.HasPrefix(name, "V8") || name == "FunctionCall" || name == "EventDispatch" ||
		name == "EvaluateScript" || name == "RunMicrotasks" || name == "AsyncTask Scheduled":
		return "script"
	}
	return "other"
}

// changeWindows returns each change's window [start, end] in trace µs,
// from the user-timing marks kx-fc-I and kx-fc-I-done that filterJS sets,
// and the page's main thread (where the marks are).
func changeWindows(events []traceEvent) (wins [][2]float64, pid, tid int) {
	starts, ends := map[int]float64{}, map[int]float64{}
	pid, tid = -1, -1
	for _, e := range events {
		var i int
		if !strings.HasPrefix(e.Name, "kx-fc-") {
			continue
		}
		if _, err := fmt.Sscanf(e.Name, "kx-fc-%d", &i); err != nil {
			continue
		}
		pid, tid = e.PID, e.TID
		if strings.HasSuffix(e.Name, "-done") {
			ends[i] = e.TS
		} else {
			starts[i] = e.TS
		}
	}
	for i := 0; ; i++ {
		s, ok1 := starts[i]
		e, ok2 := ends[i]
		if !ok1 || !ok2 {
			return wins, pid, tid
		}
		wins = append(wins, [2]float64{s, e})
	}
}

// changeCost is one change's main-thread time by traceClass, in ms: wall
// time and the thread's CPU time (which another process's load on the
// machine does not inflate).
type changeCost struct{ wall, cpu map[string]float64 }

// costs returns the cost of each change window, and the CPU ms per change
// by event name, from a trace.
func costs(events []traceEvent) ([]changeCost, map[string]float64) {
	windows, pid, tid := changeWindows(events)
	var xs []traceEvent
	for _, e := range events {
		if e.PID == pid && e.TID == tid && e.Ph == "X" {
			xs = append(xs, e)
		}
	}
	sort.SliceStable(xs, func(i, j int) bool {
		if xs[i].TS != xs[j].TS {
			return xs[i].TS < xs[j].TS
		}
		return xs[i].Dur > xs[j].Dur
	})
	// Self times: an event's time less its children's.
	wall, cpu := make([]float64, len(xs)), make([]float64, len(xs))
	var stack []int
	for i, e := range xs {
		wall[i], cpu[i] = e.Dur, e.TDur
		for len(stack) > 0 && xs[stack[len(stack)-1]].TS+xs[stack[len(stack)-1]].Dur <= e.TS {
			stack = stack[:len(stack)-1]
		}
		if n := len(stack); n > 0 {
			wall[stack[n-1]] -= e.Dur
			cpu[stack[n-1]] -= e.TDur
		}
		stack = append(stack, i)
	}
	out := make([]changeCost, len(windows))
	byName := map[string]float64{}
	for w, win := range windows {
		c := changeCost{map[string]float64{}, map[string]float64{}}
		for i, e := range xs {
			if e.TS < win[0] || e.TS >= win[1] {
				continue
			}
			cl := traceClass(e.Name)
			c.wall[cl] += max(0, wall[i]) / 1000
			c.cpu[cl] += max(0, cpu[i]) / 1000
			c.wall["total"] += max(0, wall[i]) / 1000
			c.cpu["total"] += max(0, cpu[i]) / 1000
			byName[e.Name] += max(0, cpu[i]) / 1000 / float64(len(windows))
		}
		out[w] = c
	}
	return out, byName
}

// BenchmarkFilterChangeTrace records a Chromium trace of the filter
// changes of BenchmarkFilterChange and reports, as medians per change
// (ms), the page's main-thread CPU time from the change until its layout
// is done, in all (cpu-ms/KEY) and by kind of work
// (cpu-ms-CLASS/KEY, see traceClass). CPU time, unlike wall time, stays
// about the same on a busy machine; wall-ms/KEY is the wall time the same
// events took. With -v it logs the events with the most CPU time.
//
//	go test -run='^$' -bench=FilterChangeTrace -benchtime=3x -v ./e2e
func BenchmarkFilterChangeTrace(b *testing.B) {
	tb := newTab(b, 1280, 900)
	res := map[string]map[string][]float64{}
	names := map[string]map[string]float64{}
	loops := 0
	for b.Loop() {
		loops++
		for _, view := range []string{"tree", "cards"} {
			for _, c := range filterControls {
				cs, byName := traceFilterChanges(b, tb, view, "", c, 10)
				for i, cc := range cs {
					key := view + "-" + c.name + "-" + []string{"narrow", "widen"}[i%2]
					if res[key] == nil {
						res[key] = map[string][]float64{}
					}
					for _, cl := range traceClasses {
						res[key]["cpu-"+cl] = append(res[key]["cpu-"+cl], cc.cpu[cl])
					}
					for _, cl := range traceClasses {
						res[key]["wall-"+cl] = append(res[key]["wall-"+cl], cc.wall[cl])
					}
				}
				if names[view+"-"+c.name] == nil {
					names[view+"-"+c.name] = map[string]float64{}
				}
				for k, v := range byName {
					names[view+"-"+c.name][k] += v
				}
			}
		}
	}
	b.ReportMetric(0, "ns/op")
	for key, m := range res {
		for metric, xs := range m {
			unit := strings.Replace(metric, "-total", "", 1)
			unit = strings.Replace(unit, "cpu-", "cpu-ms-", 1)
			unit = strings.Replace(unit, "wall-", "wall-ms-", 1)
			if unit == "cpu" || unit == "wall" {
				unit += "-ms"
			}
			b.ReportMetric(median(xs), unit+"/"+key)
		}
	}
	for key, m := range names {
		for k := range m {
			m[k] /= float64(loops)
		}
		b.Logf("%s: CPU ms per change by event: %s", key, topEvents(m, 12))
	}
}

// topEvents lists the n names with the largest values.
func topEvents(m map[string]float64, n int) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b string) int {
		if m[a] > m[b] {
			return -1
		}
		if m[a] < m[b] {
			return 1
		}
		return strings.Compare(a, b)
	})
	var s []string
	for _, k := range keys[:min(n, len(keys))] {
		s = append(s, fmt.Sprintf("%s %.2f", k, m[k]))
	}
	return strings.Join(s, ", ")
}

// traceFilterChanges loads the 2,000-measure page of view (tree or cards),
// adds css to the widget's styles when it is not empty, and traces n
// changes of control c (narrowing, widening, ...).
func traceFilterChanges(b *testing.B, tb *tab, view, css string, c filterControl, n int) ([]changeCost, map[string]float64) {
	b.Helper()
	w := defaultWidget
	w.Portfolio = bigURL
	if view == "cards" {
		w.View = "measures"
	}
	firstRender(b, tb, env.site.page("perf-filter-"+view, w), "w")
	if css != "" {
		must[bool](tb, fmt.Sprintf(`((id, css) => { const r = __e2e.root(id); const s = new CSSStyleSheet(); s.replaceSync(css);
  r.adoptedStyleSheets = [...r.adoptedStyleSheets, s]; void document.documentElement.offsetHeight; return true; })(%s, %s)`, js("w"), js(css)))
	}
	events := recordTrace(tb, func() {
		must[filterTimes](tb, fmt.Sprintf(`%s(%s, %s, %s, [%s, ""], %d)`, filterJS, js("w"), js(c.testid), js(c.typ), js(c.value), n))
	})
	cs, byName := costs(events)
	require.Len(b, cs, n, "changes marked in the trace")
	return cs, byName
}
