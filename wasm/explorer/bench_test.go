package explorer_test

import (
	"testing"
	"time"

	"github.com/bl-digital/kompass/examples"
	"github.com/bl-digital/kompass/internal/synth"
	"github.com/bl-digital/kompass/strategy"
	"github.com/bl-digital/kompass/wasm/explorer"
	"github.com/stretchr/testify/require"
)

// bigMeasures is the size of the generated portfolio of the benchmarks, as
// in e2e's BenchmarkFilterChange.
const bigMeasures = 2000

// bigModel is a model of n generated measures against the embedded BL
// strategy, spread over every goal, owner, status, field and beneficiary
// (internal/synth, as e2e's BenchmarkFilterChange).
func bigModel(tb testing.TB, n int) *explorer.Model {
	tb.Helper()
	s, err := strategy.DecodeBytes(examples.StrategyJSON)
	require.NoError(tb, err)
	p := synth.Portfolio(s, n)
	m, err := explorer.NewModel(s, p, "/data/strategy.json", "/data/big.json")
	require.NoError(tb, err)
	return m
}

// countDOM is a DOM that does nothing but count, so a benchmark times the
// explorer's own work and reports what a browser would have to do through
// syscall/js: calls, and JavaScript values that enter Go. Each such value
// (an element, a text node, a string the adapter has not passed before)
// gets a Go finalizer, which costs some 20 µs in wasm, far more than the
// call itself (about 1 µs). values counts them for the adapter
// (cmd/kompass), which passes strings it has passed before from a table
// of 4,096 and inserts without a result; domv2 counts them for the same
// calls made with dom/v2's methods and Go strings.
type countDOM struct {
	calls, values, domv2 int
	seen                 map[string]bool
}

// countNode is a node of countDOM; not of size zero, so that two nodes are never
// equal (pointers to zero-size values may be).
type countNode struct{ _ byte }

// str counts string s passed to JavaScript as the adapter passes it.
func (d *countDOM) str(ss ...string) {
	for _, s := range ss {
		d.domv2++
		if len(s) > 128 {
			d.values++
			continue
		}
		if d.seen == nil || len(d.seen) >= 4096 {
			d.seen = map[string]bool{}
		}
		if !d.seen[s] {
			d.seen[s] = true
			d.values++
		}
	}
}

// object counts a node that comes back from JavaScript.
func (d *countDOM) object() any { d.values++; d.domv2++; return &countNode{} }

func (d *countDOM) CreateElement(tag string) any { d.calls++; d.str(tag); return d.object() }
func (d *countDOM) CreateElementNS(ns, tag string) any {
	d.calls++
	d.str(ns, tag)
	return d.object()
}
func (d *countDOM) CreateText(text string) any    { d.calls++; d.str(text); return d.object() }
func (d *countDOM) SetText(_ any, text string)    { d.calls++; d.str(text) }
func (d *countDOM) SetAttr(_ any, name, v string) { d.calls++; d.str(name, v) }
func (d *countDOM) RemoveAttr(_ any, name string) { d.calls++; d.str(name) }
func (d *countDOM) SetStyle(_ any, name, v string) {
	d.calls++
	d.object() // el.style
	d.str(name, v)
	d.domv2++ // dom/v2's priority argument ""
}
func (d *countDOM) InsertBefore(any, any, any) { d.calls++; d.domv2++ } // insertBefore's result
func (d *countDOM) Remove(any, any)            { d.calls++; d.domv2++ } // removeChild's result

// InsertAllBefore is the adapter's append(...)/before(...): one call for
// several nodes, with nothing coming back (explorer.BatchDOM); dom/v2's
// InsertBefore would make one call and one value per node.
//
// A string among children is a new text node (explorer.TextBatchDOM): its
// string is passed, and nothing comes back.
func (d *countDOM) InsertAllBefore(_ any, children []any, _ any) {
	d.calls++
	for _, c := range children {
		if s, ok := c.(string); ok {
			d.str(s)
			d.domv2++ // dom/v2 would create the text node
		}
	}
	d.domv2 += len(children)
}

// ChildNode is a text node inserted as a string, when the renderer needs it.
func (d *countDOM) ChildNode(any, int) any { d.calls++; return d.object() }
func (d *countDOM) reset() (calls int)     { calls, d.calls = d.calls, 0; return calls }

// The adapter sets an element's only text in one call (explorer.TextContentDOM);
// with dom/v2 that is a text node created and inserted.
func (d *countDOM) SetTextContent(_ any, text string) {
	d.calls++
	d.str(text)
	d.domv2 += 2 // the text node and insertBefore's result
}
func (d *countDOM) FirstChild(any) any { d.calls++; return d.object() }

// BenchmarkFilterChange is what the widget does in Go for one filter
// change on a portfolio of 2,000 measures: Dispatch, Build and Render
// against a DOM that only counts. It reports, per view and control, the
// milliseconds and DOM calls of narrowing (all -> 286) and widening
// (286 -> all), as e2e's BenchmarkFilterChange does in Chromium. Profile
// it with
//
//	go test -run='^$' -bench=FilterChange -cpuprofile=cpu.out ./wasm/explorer
func BenchmarkFilterChange(b *testing.B) {
	m := bigModel(b, bigMeasures)
	cfg := explorer.Config{}
	for _, view := range []explorer.View{explorer.Goals, explorer.Measures} {
		for _, c := range []struct{ name, action, typ, value string }{
			{"select", "filter:field", "change", "data"},
			{"search", "filter:query", "input", "portal"},
		} {
			b.Run(string(view)+"-"+c.name, func(b *testing.B) {
				d := &countDOM{}
				r := explorer.NewRenderer(d, &countNode{})
				s := explorer.Default(cfg).SetView(view)
				r.Render(explorer.Build(m, s, cfg))
				change := func(value string) (time.Duration, int, int) {
					d.reset()
					v0 := d.values
					t0 := time.Now()
					s, _ = explorer.Dispatch(m, cfg, s, explorer.Event{Type: c.typ, Action: c.action, Value: value})
					r.Render(explorer.Build(m, s, cfg))
					return time.Since(t0), d.reset(), d.values - v0
				}
				var narrow, widen time.Duration
				var narrowCalls, widenCalls, narrowValues, widenValues int
				for b.Loop() {
					t, n, v := change(c.value)
					narrow, narrowCalls, narrowValues = narrow+t, narrowCalls+n, narrowValues+v
					t, n, v = change("")
					widen, widenCalls, widenValues = widen+t, widenCalls+n, widenValues+v
				}
				ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 / float64(b.N) }
				b.ReportMetric(ms(narrow), "ms/narrow")
				b.ReportMetric(ms(widen), "ms/widen")
				b.ReportMetric(float64(narrowCalls)/float64(b.N), "dom/narrow")
				b.ReportMetric(float64(widenCalls)/float64(b.N), "dom/widen")
				b.ReportMetric(float64(narrowValues)/float64(b.N), "jsvalues/narrow")
				b.ReportMetric(float64(widenValues)/float64(b.N), "jsvalues/widen")
			})
		}
	}
}

// BenchmarkFirstBuild is the widget's first render in the tree: Build and
// Render into an empty DOM, of the embedded example data (what the demo
// page shows) and of the 2,000 generated measures; dom/op is the number of
// DOM calls the browser makes through syscall/js, jsvalues/op the values
// that enter Go with a finalizer (jsvalues-domv2/op: the same calls made
// with dom/v2's methods). The chart cache is emptied each time, as a page
// that has just loaded has it.
func BenchmarkFirstBuild(b *testing.B) {
	example, err := explorer.Load(examples.StrategyJSON, examples.PortfolioJSON, "/data/strategy.json", "/data/portfolio.json")
	require.NoError(b, err)
	for _, c := range []struct {
		name string
		m    *explorer.Model
	}{{"example", example}, {"2000", bigModel(b, bigMeasures)}} {
		b.Run(c.name, func(b *testing.B) {
			cfg := explorer.Config{}
			var d *countDOM
			for b.Loop() {
				explorer.ResetCaches()
				d = &countDOM{}
				explorer.NewRenderer(d, &countNode{}).Render(explorer.Build(c.m, explorer.Default(cfg), cfg))
			}
			b.ReportMetric(float64(d.calls), "dom/op")
			b.ReportMetric(float64(d.values), "jsvalues/op")
			b.ReportMetric(float64(d.domv2), "jsvalues-domv2/op")
		})
	}
}
