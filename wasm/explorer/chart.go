package explorer

import (
	"strconv"
	"sync"

	"github.com/bl-digital/kompass/controlling"
	"github.com/bl-digital/kompass/controlling/chart"
	"github.com/bl-digital/kompass/portfolio"
	"github.com/bl-digital/kompass/strategy"
)

// The widget's charts come from package chart, the same as the html
// report's: this file turns them into view nodes (the renderer creates the
// <svg> subtree in the SVG namespace) and says where they go. Their figures
// are formatted the widget's way, so a chart reads like the text beside it.

// fromChart converts a chart tree into view nodes.
func fromChart(c *chart.Node) *Node {
	if c == nil {
		return nil
	}
	n := &Node{Tag: c.Tag, Text: c.Text}
	if len(c.Attrs) > 0 {
		n.Attrs = make([]Attr, len(c.Attrs))
		for i, a := range c.Attrs {
			n.Attrs[i] = Attr{a.Name, a.Value}
		}
	}
	if len(c.Children) > 0 {
		n.Children = make([]*Node, 0, len(c.Children))
		for _, k := range c.Children {
			if k != nil {
				n.Children = append(n.Children, fromChart(k))
			}
		}
	}
	return n
}

// chartOptions are the options of the chart with id (unique in the
// widget's shadow root) in the widget's language and number format.
func (b builder) chartOptions(id string, compact bool) chart.Options {
	lang := b.lang
	return chart.Options{ID: "kx-chart-" + safeID(id), Lang: lang, Compact: compact, Format: chart.Format{
		Number:  func(v float64, d int) string { return Number(lang, v, d) },
		Percent: func(v float64) string { return Percent(lang, v) },
		Amount:  func(v float64) string { return Amount(lang, v) },
		Date:    func(d strategy.Date) string { return FormatDate(lang, d) },
	}}
}

// chartCache keeps the charts built for a report, language and place: they
// depend on nothing else (not on the filters), so a render reuses the very
// nodes of the last one and the renderer skips them. Nodes are never
// changed once built. The cache is emptied when it grows past chartCacheMax
// entries (several widgets on one page, reloaded data).
var chartCache = struct {
	sync.Mutex
	m map[chartKey]*Node
}{m: map[chartKey]*Node{}}

// chartCacheMax bounds the cache: the charts, the summary, the figures of
// the areas and goals, the filter options, and the cards and tree rows
// shown (a few thousand nodes per widget and language at most).
const chartCacheMax = 2048

type chartKey struct {
	report *controlling.Report
	lang   string
	focus  strategy.ID
	key    string
}

// cached returns the chart key of b's report in b's language, building it
// with build the first time.
func (b builder) cached(key string, build func() *Node) *Node {
	k := chartKey{b.m.Report, b.lang, b.cfg.Focus, key}
	chartCache.Lock()
	n, ok := chartCache.m[k]
	chartCache.Unlock()
	if ok {
		return n
	}
	n = build()
	chartCache.Lock()
	if len(chartCache.m) >= chartCacheMax {
		clear(chartCache.m)
	}
	chartCache.m[k] = n
	chartCache.Unlock()
	return n
}

// statusChart is a roll-up's status counts as one stacked bar: with legend
// and table in the summary, compact (its name says the counts) in the tree.
func (b builder) statusChart(key, subject string, r controlling.Rollup, compact bool) *Node {
	if b.pending {
		return pendingChart("status", statusHeight, compact).WithKey("chart-status-" + key)
	}
	return b.cached("status-"+key+"-"+strconv.FormatBool(compact)+"-"+subject, func() *Node {
		return fromChart(chart.StatusBar(b.chartOptions("status-"+key, compact), subject, r.Counts)).WithKey("chart-status-" + key)
	})
}

// overviewCharts are the strategy view's pictures above the tree: the
// focus areas side by side (progress against Soll, with coverage), budget
// bullet bars with the cancelled money apart, and savings in full-time
// equivalents where there is savings data. With a focus area fixed by the
// host element, the side-by-side chart and the per-area rows show only it.
// They show the whole strategy, so a filtered tree hides them (hidden, not
// removed: a filter change then costs one attribute, not hundreds of
// elements built again).
func (b builder) overviewCharts(filtered bool) *Node {
	var charts *Node
	if b.pending {
		charts = b.pendingOverview()
	} else {
		charts = b.cached("overview", b.buildOverviewCharts)
	}
	hidden := ""
	if filtered {
		hidden = "hidden"
	}
	return El("div", A("class", "kx-charts", "part", "charts", "data-testid", "charts", "hidden", hidden),
		charts.Children...).WithKey("charts")
}

func (b builder) buildOverviewCharts() *Node {
	r := b.m.Report
	rows := chart.FocusAreaRows(r, b.lang)
	budget, cancelled := chart.BudgetRows(r, b.lang)
	fte := chart.FTERows(r, b.lang)
	if b.cfg.Focus != "" {
		for i, fa := range r.FocusAreas {
			if fa.ID == b.cfg.Focus {
				rows, budget, fte, cancelled = rows[i:i+1], budget[i+1:i+2], fte[i+1:i+2], nil
			}
		}
	}
	return El("div", nil,
		fromChart(chart.Progress(b.chartOptions("progress", false), rows)).WithKey("chart-progress"),
		keyed(fromChart(chart.Budget(b.chartOptions("budget", false), budget, cancelled)), "chart-budget"),
		keyed(fromChart(chart.FTE(b.chartOptions("fte", false), fte)), "chart-fte"))
}

// pendingKey tells cached blocks that hold a chart apart from the same
// blocks without it (BuildFirst).
func (b builder) pendingKey() string {
	if b.pending {
		return "-pending"
	}
	return ""
}

// The heights of the charts' drawings in CSS pixels, as package chart
// draws them (a test compares them with the charts): a status bar, a row of
// the focus areas' progress and of the savings, a row of the budget and the
// cancelled measures' money below it.
const (
	statusHeight       = 38
	progressRowHeight  = 60
	budgetRowHeight    = 74
	cancelledRowHeight = 66
	fteRowHeight       = 60
)

// pendingChart is the place of a chart of kind whose drawing is svgHeight
// pixels tall, before it is drawn (BuildFirst): an empty figure as tall as
// the chart will be. A chart that is not compact has a caption, a legend and
// a table disclosure besides its drawing: a line each and their spacing,
// 5.2em in all; on a narrow widget (kompass.css: the kx container under
// 40em, --kx-ph-narrow) their lines wrap as they do at 320 px in German.
func pendingChart(kind string, svgHeight int, compact bool) *Node {
	h := strconv.Itoa(svgHeight) + "px"
	f := El("figure", A("class", "kc kc-"+kind+" kx-chart-pending", "aria-hidden", "true"))
	if compact {
		return f.WithStyle("--kx-ph", h)
	}
	return f.WithStyle("--kx-ph", "calc("+h+" + 5.2em)").WithStyle("--kx-ph-narrow", "calc("+h+" + "+narrowExtra(kind)+")")
}

// narrowExtra is the height of a chart's caption, legend and table
// disclosure at 320 px, by kind (measured in Chromium, German): the status
// legend takes three lines, the budget's two, each caption but the status
// chart's two.
func narrowExtra(kind string) string {
	switch kind {
	case "status":
		return "8.3em"
	case "budget":
		return "8.2em"
	}
	return "6.7em"
}

// pendingOverview holds the places of the overview charts (see
// buildOverviewCharts): the progress of each focus area shown, the budget
// when there is money and the savings when there are savings data, each as
// tall as its chart will be.
func (b builder) pendingOverview() *Node {
	r := b.m.Report
	areas := r.FocusAreas
	if b.cfg.Focus != "" {
		for i, fa := range r.FocusAreas {
			if fa.ID == b.cfg.Focus {
				areas = r.FocusAreas[i : i+1]
			}
		}
	}
	div := El("div", nil, pendingChart("progress", progressRowHeight*len(areas), false).WithKey("chart-progress"))
	money, fteRows := false, 0
	budget := budgetRowHeight * len(areas) // the focus area's row alone
	if b.cfg.Focus == "" {                 // the strategy's row, the areas' and the cancelled money
		budget += budgetRowHeight
		money = hasMoney(r.Strategy.Budget)
		if hasSavings(r.Strategy.FTE) {
			fteRows++
		}
		if ct := r.CancelledTotals; ct.Measures > 0 {
			budget += cancelledRowHeight
			money = money || ct.Planned > 0 || ct.Spent > 0
		}
	}
	for _, fa := range areas {
		money = money || hasMoney(fa.Budget)
		if hasSavings(fa.FTE) {
			fteRows++
		}
	}
	if money {
		div.Children = append(div.Children, pendingChart("budget", budget, false).WithKey("chart-budget"))
	}
	if fteRows > 0 {
		div.Children = append(div.Children, pendingChart("fte", fteRowHeight*fteRows, false).WithKey("chart-fte"))
	}
	return div
}

func hasMoney(bu controlling.Budget) bool {
	return bu.Planned > 0 || bu.Spent > 0 || bu.EarnedValue > 0
}

func hasSavings(f controlling.FTE) bool { return f.Expected > 0 || f.Realized > 0 }

// indicatorChart is one indicator of a measure over time, with the value
// expected at the report's date.
func (b builder) indicatorChart(ms *portfolio.Measure, i int, in portfolio.Indicator, f controlling.IndicatorFigures) *Node {
	return b.cached("ind-"+string(ms.ID)+"-"+strconv.Itoa(i), func() *Node { return b.buildIndicatorChart(ms, i, in, f) })
}

func (b builder) buildIndicatorChart(ms *portfolio.Measure, i int, in portfolio.Indicator, f controlling.IndicatorFigures) *Node {
	ind := chart.Indicator{
		Title: in.Title.In(b.lang), Unit: in.Unit,
		Baseline: chart.Point{Date: in.Baseline.Date, Value: in.Baseline.Value},
		Target:   chart.Point{Date: in.Target.Date, Value: in.Target.Value},
		AsOf:     b.m.Report.AsOf, Expected: f.Expected,
	}
	for _, a := range in.Actuals {
		ind.Actuals = append(ind.Actuals, chart.Point{Date: a.Date, Value: a.Value})
	}
	return fromChart(chart.IndicatorChart(b.chartOptions("ind-"+string(ms.ID)+"-"+strconv.Itoa(i), false), ind))
}

// keyed sets n's key when there is a node.
func keyed(n *Node, key string) *Node {
	if n == nil {
		return nil
	}
	return n.WithKey(key)
}
