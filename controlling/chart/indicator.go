package chart

import (
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/bl-digital/kompass/strategy"
)

// Point is an indicator's value at a date.
type Point struct {
	Date  strategy.Date
	Value float64
}

// Indicator is what the indicator chart shows: where a measure's indicator
// started, what was measured since and where it should arrive.
type Indicator struct {
	// Title names the indicator.
	Title string
	// Unit of the values ("%", "Fälle"); "" for plain numbers.
	Unit             string
	Baseline, Target Point
	Actuals          []Point
	// AsOf is the date the figures are computed at; the zero Date draws no
	// line for it.
	AsOf strategy.Date
	// Expected is the share of the way from baseline to target expected by
	// AsOf (controlling.IndicatorFigures.Expected); nil when unknown.
	Expected *float64
}

// Geometry of the indicator chart: the plot's top and bottom in user units,
// its left and right margins in percent of the width.
const (
	indHeight = 150
	plotTop   = 30
	plotBot   = 112
	plotLeft  = 0.05
	plotRight = 0.95
)

// IndicatorChart draws an indicator over time: the baseline as an open
// circle, the actuals as dots joined by a line, the target as a ring with
// a dot; a dashed line is the planned path from baseline to target, and a
// vertical line marks the date of the figures with the value expected by
// then. Values and dates are written at their marks, so the chart reads
// without its legend.
func IndicatorChart(o Options, in Indicator) *Node {
	fr := newFrame(o)
	val := func(v float64) string { return fr.value(v, in.Unit) }

	// Time and value domains over every point and the as-of date.
	b := in.Baseline.Date.First()
	t := in.Target.Date.Last()
	type pt struct {
		at time.Time
		v  float64
	}
	var acts []pt
	for _, p := range in.Actuals {
		if p.Date.IsZero() || !finite(p.Value) {
			continue
		}
		acts = append(acts, pt{p.Date.Last(), p.Value})
	}
	lo, hi := b, t
	if hi.Before(lo) {
		lo, hi = hi, lo
	}
	asOf := time.Time{}
	if !in.AsOf.IsZero() {
		asOf = in.AsOf.Last()
		lo, hi = minTime(lo, asOf), maxTime(hi, asOf)
	}
	vlo, vhi := math.Min(clean(in.Baseline.Value), clean(in.Target.Value)), math.Max(clean(in.Baseline.Value), clean(in.Target.Value))
	for _, p := range acts {
		lo, hi = minTime(lo, p.at), maxTime(hi, p.at)
		vlo, vhi = math.Min(vlo, p.v), math.Max(vhi, p.v)
	}
	span := hi.Sub(lo).Hours()
	xs := func(at time.Time) float64 { // share of the width
		f := 0.5
		if span > 0 {
			f = at.Sub(lo).Hours() / span
		}
		return plotLeft + clamp01(f)*(plotRight-plotLeft)
	}
	if vhi-vlo <= 0 || !finite(vhi-vlo) {
		vlo, vhi = vlo-1, vhi+1
	}
	ys := func(v float64) float64 {
		f := (clean(v) - vlo) / (vhi - vlo)
		return plotBot - clamp01(f)*(plotBot-plotTop)
	}

	bx, by := xs(b), ys(in.Baseline.Value)
	tx, ty := xs(t), ys(in.Target.Value)
	marks := []*Node{
		el("line", a("class", "kc-rule", "x1", "0", "x2", "100%", "y1", num(plotBot+8), "y2", num(plotBot+8), "stroke", colMuted, "stroke-width", "1")),
		el("line", a("class", "kc-plan", "x1", pct(bx), "y1", num(by), "x2", pct(tx), "y2", num(ty),
			"stroke", colMuted, "stroke-width", "1.5", "stroke-dasharray", "5 4", "fill", "none")),
	}
	var expected string
	if !asOf.IsZero() {
		ax := xs(asOf)
		anchor := "start"
		if ax > 0.6 {
			anchor = "end"
		}
		marks = append(marks,
			el("line", a("class", "kc-rule", "x1", pct(ax), "x2", pct(ax), "y1", "16", "y2", num(plotBot+8),
				"stroke", colMuted, "stroke-width", "1", "stroke-dasharray", "2 3")),
			txt(pct(ax), "11", anchor, "kc-muted-text", fr.l.AsOf+" "+fr.f.Date(in.AsOf)))
		if in.Expected != nil && finite(*in.Expected) {
			e := clean(in.Baseline.Value) + clamp01(*in.Expected)*(clean(in.Target.Value)-clean(in.Baseline.Value))
			expected = fill(fr.l.ExpectedNow, "date", fr.f.Date(in.AsOf)) + " " + val(e)
			marks = append(marks, el("circle", a("class", "kc-ring kc-expected", "cx", pct(ax), "cy", num(ys(e)), "r", "3.5",
				"fill", colPaper, "stroke", colMuted, "stroke-width", "1.5")))
		}
	}
	// The measured path: from the baseline through the actuals in date order.
	sorted := append([]pt(nil), acts...)
	for i := 1; i < len(sorted); i++ { // insertion sort keeps equal dates in list order
		for j := i; j > 0 && sorted[j].at.Before(sorted[j-1].at); j-- {
			sorted[j], sorted[j-1] = sorted[j-1], sorted[j]
		}
	}
	px, py := bx, by
	for _, p := range sorted {
		x, y := xs(p.at), ys(p.v)
		marks = append(marks, el("line", a("class", "kc-line", "x1", pct(px), "y1", num(py), "x2", pct(x), "y2", num(y),
			"stroke", colAccent, "stroke-width", "2.5", "fill", "none")))
		px, py = x, y
	}
	marks = append(marks, el("circle", a("class", "kc-ring", "cx", pct(bx), "cy", num(by), "r", "4.5",
		"fill", colPaper, "stroke", colText, "stroke-width", "2")))
	for _, p := range sorted {
		marks = append(marks, el("circle", a("class", "kc-dot", "cx", pct(xs(p.at)), "cy", num(ys(p.v)), "r", "4", "fill", colAccent)))
	}
	marks = append(marks,
		el("circle", a("class", "kc-ring", "cx", pct(tx), "cy", num(ty), "r", "7", "fill", colPaper, "stroke", colText, "stroke-width", "2")),
		el("circle", a("class", "kc-dot kc-target", "cx", pct(tx), "cy", num(ty), "r", "2.5", "fill", colText)))

	// Words at the marks: values above (below when at the top), dates under the axis.
	above := func(y float64) float64 {
		if y-10 < plotTop-6 {
			return y + 20
		}
		return y - 10
	}
	marks = append(marks,
		halo(txt(pct(bx), num(above(by)), "start", "kc-value", val(in.Baseline.Value))),
		halo(txt(pct(tx), num(above(ty)-4), "end", "kc-value", val(in.Target.Value))),
		txt("0", num(plotBot+24), "", "kc-muted-text", fr.f.Date(in.Baseline.Date)),
		txt("100%", num(plotBot+24), "end", "kc-muted-text", fr.f.Date(in.Target.Date)))
	latest, hasLatest := latestPoint(in.Actuals)
	if hasLatest {
		lx := xs(latest.Date.Last())
		anchor := "middle"
		switch {
		case lx < 0.15:
			anchor = "start"
		case lx > 0.8:
			anchor = "end"
		}
		marks = append(marks, halo(txt(pct(lx), num(above(ys(latest.Value))), anchor, "kc-value kc-latest", val(latest.Value))))
	}

	name := fill(fr.l.IndicatorNoData, "title", in.Title, "baseline", val(in.Baseline.Value), "target", val(in.Target.Value))
	if hasLatest {
		name = fill(fr.l.IndicatorTitle, "title", in.Title, "baseline", val(in.Baseline.Value),
			"latest", val(latest.Value), "target", val(in.Target.Value))
	}
	if expected != "" {
		name += "; " + expected
	}
	svg := fr.svg("indicator", name, indHeight, marks...)

	rows := [][]string{{fr.l.Baseline, fr.f.Date(in.Baseline.Date), val(in.Baseline.Value)}}
	for _, p := range in.Actuals {
		if p.Date.IsZero() || !finite(p.Value) {
			continue
		}
		rows = append(rows, []string{fr.l.Actual, fr.f.Date(p.Date), val(p.Value)})
	}
	rows = append(rows, []string{fr.l.Target, fr.f.Date(in.Target.Date), val(in.Target.Value)})
	lg := legend(
		legendItem{el("circle", a("class", "kc-ring", "cx", "6", "cy", "6", "r", "4", "fill", colPaper, "stroke", colText, "stroke-width", "2")), fr.l.Baseline},
		legendItem{el("circle", a("class", "kc-dot", "cx", "6", "cy", "6", "r", "4", "fill", colAccent)), fr.l.Actual},
		legendItem{el("g", nil,
			el("circle", a("class", "kc-ring", "cx", "6", "cy", "6", "r", "5", "fill", colPaper, "stroke", colText, "stroke-width", "1.5")),
			el("circle", a("class", "kc-dot kc-target", "cx", "6", "cy", "6", "r", "2", "fill", colText))), fr.l.Target},
		legendItem{el("line", a("class", "kc-plan", "x1", "0", "x2", "12", "y1", "6", "y2", "6", "stroke", colMuted, "stroke-width", "1.5", "stroke-dasharray", "3 2")), fr.l.Planned},
	)
	tb := fr.table(name, []string{fr.l.Value, fr.l.Date, in.Title}, []bool{false, false, true}, rows)
	return fr.figure("indicator", in.Title, svg, lg, tb)
}

// value writes an indicator value with its unit, joined by a no-break
// space (narrow before % in French): "45 %", "1'200 Fälle".
func (fr *frame) value(v float64, unit string) string {
	s := strconv.FormatFloat(clean(v), 'f', 2, 64)
	decimals := 2
	if strings.HasSuffix(s, ".00") {
		decimals = 0
	} else if strings.HasSuffix(s, "0") {
		decimals = 1
	}
	n := fr.f.Number(clean(v), decimals)
	switch unit = strings.TrimSpace(unit); unit {
	case "":
		return n
	case "%":
		if fr.lang == "fr" {
			return n + "\u202f%"
		}
		return n + "\u00a0%"
	}
	return n + "\u00a0" + unit
}

// latestPoint is the actual whose date ends last (the later in the list on
// a tie), as controlling takes it for the achievement.
func latestPoint(actuals []Point) (Point, bool) {
	var best Point
	var bestT time.Time
	ok := false
	for _, p := range actuals {
		if p.Date.IsZero() || !finite(p.Value) {
			continue
		}
		if t := p.Date.Last(); !ok || !t.Before(bestT) {
			best, bestT, ok = p, t, true
		}
	}
	return best, ok
}

func minTime(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}

func maxTime(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

// halo outlines a text in the paper colour so that it stays readable where
// it crosses a line.
func halo(n *Node) *Node {
	for i := range n.Attrs {
		if n.Attrs[i].Name == "class" {
			n.Attrs[i].Value += " kc-halo"
		}
	}
	n.Attrs = append(n.Attrs, Attr{"stroke", colPaper}, Attr{"stroke-width", "3"}, Attr{"stroke-linejoin", "round"}, Attr{"paint-order", "stroke"})
	return n
}
