package report

import (
	"html/template"
	"strconv"
	"strings"

	"github.com/bl-digital/kompass/controlling"
	"github.com/bl-digital/kompass/controlling/chart"
	"github.com/bl-digital/kompass/strategy"
)

// The html report's charts: the same figures as its tables, drawn as
// inline SVG by package chart (accessible, no style attribute, readable
// without a stylesheet, which matters for the fragment shown inside a
// foreign page). Ids start with "kompass-chart-" so that they do not
// collide with the host page's.

// chartSet holds the rendered charts of one report.
type chartSet struct {
	// CSS styles the charts on the full page (the fragment relies on the
	// charts' presentation attributes).
	CSS template.CSS
	// Status is the strategy's status bar, with legend and table.
	Status template.HTML
	// Overview is the focus areas side by side, the budget bullets and, when
	// there is savings data, the savings in full-time equivalents.
	Overview template.HTML
	// FocusStatus is each focus area's compact status bar, by id.
	FocusStatus map[string]template.HTML
	// Indicators are the measures with indicators, in portfolio order.
	Indicators []indicatorCharts
}

// indicatorCharts are the indicator charts of one measure.
type indicatorCharts struct {
	ID, Title string
	Charts    template.HTML
}

// newCharts draws the charts of r in lang.
func newCharts(r *controlling.Report, lang string) *chartSet {
	cs := &chartSet{CSS: template.CSS(chart.CSS), FocusStatus: map[string]template.HTML{}}
	if r == nil {
		return cs
	}
	o := chart.Options{ID: "kompass-chart", Lang: lang}
	cs.Status = markup(chart.StatusBar(with(o, "status"), "", r.Strategy.Counts))
	var b strings.Builder
	for _, n := range chart.Overview(r, o)[1:] { // the status bar is shown in the summary
		n.WriteTo(&b)
		b.WriteByte('\n')
	}
	cs.Overview = template.HTML(b.String())
	for i, fa := range r.FocusAreas {
		fo := with(o, "fa-"+strconv.Itoa(i))
		fo.Compact = true
		cs.FocusStatus[string(fa.ID)] = markup(chart.StatusBar(fo, chart.FocusAreaLabel(r, fa.ID, lang), fa.Counts))
	}
	if r.Portfolio != nil {
		for i, m := range r.Portfolio.Measures {
			inds := chart.Indicators(r, m.ID, lang)
			if len(inds) == 0 || isCancelled(r, m.ID) {
				continue
			}
			var b strings.Builder
			for j, in := range inds {
				chart.IndicatorChart(with(o, "m"+strconv.Itoa(i)+"-i"+strconv.Itoa(j)), in).WriteTo(&b)
				b.WriteByte('\n')
			}
			cs.Indicators = append(cs.Indicators, indicatorCharts{ID: string(m.ID), Title: m.Title.In(lang), Charts: template.HTML(b.String())})
		}
	}
	return cs
}

// with returns o with its id extended by suffix.
func with(o chart.Options, suffix string) chart.Options {
	o.ID += "-" + suffix
	return o
}

// markup returns n's markup for a template; chart escapes every text and
// attribute value it writes, so the markup holds no data as markup.
func markup(n *chart.Node) template.HTML {
	if n == nil {
		return ""
	}
	return template.HTML(n.HTML()) // #nosec G203 -- chart.Node escapes all text and attribute values
}

func isCancelled(r *controlling.Report, id strategy.ID) bool {
	for _, c := range r.Cancelled {
		if c == id {
			return true
		}
	}
	return false
}
