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

// countDOM is a DOM that does nothing but count the calls, so a benchmark
// times the explorer's own work and reports how many calls a browser would
// have to make through syscall/js (each costs about a microsecond there).
type countDOM struct{ calls int }

type countNode struct{}

func (d *countDOM) CreateElement(string) any     { d.calls++; return &countNode{} }
func (d *countDOM) CreateText(string) any        { d.calls++; return &countNode{} }
func (d *countDOM) SetText(any, string)          { d.calls++ }
func (d *countDOM) SetAttr(any, string, string)  { d.calls++ }
func (d *countDOM) RemoveAttr(any, string)       { d.calls++ }
func (d *countDOM) SetStyle(any, string, string) { d.calls++ }
func (d *countDOM) InsertBefore(any, any, any)   { d.calls++ }
func (d *countDOM) Remove(any, any)              { d.calls++ }
func (d *countDOM) reset() (calls int)           { calls, d.calls = d.calls, 0; return calls }

// The adapter sets an element's only text in one call (explorer.TextContentDOM).
func (d *countDOM) SetTextContent(any, string) { d.calls++ }
func (d *countDOM) FirstChild(any) any         { d.calls++; return &countNode{} }

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
				change := func(value string) (time.Duration, int) {
					d.reset()
					t0 := time.Now()
					s, _ = explorer.Dispatch(m, cfg, s, explorer.Event{Type: c.typ, Action: c.action, Value: value})
					r.Render(explorer.Build(m, s, cfg))
					return time.Since(t0), d.reset()
				}
				var narrow, widen time.Duration
				var narrowCalls, widenCalls int
				for b.Loop() {
					t, n := change(c.value)
					narrow, narrowCalls = narrow+t, narrowCalls+n
					t, n = change("")
					widen, widenCalls = widen+t, widenCalls+n
				}
				ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 / float64(b.N) }
				b.ReportMetric(ms(narrow), "ms/narrow")
				b.ReportMetric(ms(widen), "ms/widen")
				b.ReportMetric(float64(narrowCalls)/float64(b.N), "dom/narrow")
				b.ReportMetric(float64(widenCalls)/float64(b.N), "dom/widen")
			})
		}
	}
}

// BenchmarkFirstBuild is the widget's first render in the tree: Build and
// Render into an empty DOM, of the embedded example data (what the demo
// page shows) and of the 2,000 generated measures; dom/op is the number of
// DOM calls the browser makes through syscall/js. The chart cache is
// emptied each time, as a page that has just loaded has it.
func BenchmarkFirstBuild(b *testing.B) {
	example, err := explorer.Load(examples.StrategyJSON, examples.PortfolioJSON, "/data/strategy.json", "/data/portfolio.json")
	require.NoError(b, err)
	for _, c := range []struct {
		name string
		m    *explorer.Model
	}{{"example", example}, {"2000", bigModel(b, bigMeasures)}} {
		b.Run(c.name, func(b *testing.B) {
			cfg := explorer.Config{}
			calls := 0
			for b.Loop() {
				explorer.ResetCaches()
				d := &countDOM{}
				explorer.NewRenderer(d, &countNode{}).Render(explorer.Build(c.m, explorer.Default(cfg), cfg))
				calls = d.calls
			}
			b.ReportMetric(float64(calls), "dom/op")
		})
	}
}
