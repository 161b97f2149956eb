package explorer

import (
	"strconv"

	"github.com/bl-digital/kompass/controlling"
	"github.com/bl-digital/kompass/portfolio"
	"github.com/bl-digital/kompass/strategy"
)

// timeline is a bar per measure over the years, grouped by focus area (a
// measure counts in the area of its first goal), all bars up to
// ShowAllUpTo and a page at a time beyond, with a legend and a mark at asOf
// above the axis and on every track, never across the year labels or the
// row labels. Bars are positioned with CSS custom properties.
func (b builder) timeline(shown []*portfolio.Measure) []*Node {
	if len(shown) == 0 {
		return []*Node{El("p", A("class", "kx-empty", "data-testid", "empty"), T(b.msg("none")))}
	}
	first, last := b.m.Report.AsOf.First().Year(), b.m.Report.AsOf.First().Year()
	for _, ms := range shown {
		first = min(first, ms.Start.First().Year())
		last = max(last, ms.End.Last().Year())
	}
	from := strategy.Date{Y: first, Precision: strategy.Year}.First()
	to := strategy.Date{Y: last + 1, Precision: strategy.Year}.First()
	axis := El("ol", A("class", "kx-axis", "aria-hidden", "true"))
	// Every year has a tick; on narrow widths (CSS) only every other year,
	// and on long spans only every step-th year, keeps its number.
	step := (last - first + 12) / 12
	for y := first; y <= last; y++ {
		class := "kx-year"
		if (y-first)%step != 0 {
			class += " kx-year--hidden"
		} else if (y-first)/step%2 == 1 {
			class += " kx-year--minor"
		}
		axis.Children = append(axis.Children, El("li", A("class", class), El("span", A("class", "kx-year-label"), T(strconv.Itoa(y)))).
			WithStyle("--kx-start", pct(100*yearFraction(strategy.Date{Y: y, Precision: strategy.Year}.First(), from, to))).
			WithStyle("--kx-width", pct(100/float64(last-first+1))))
	}
	ordered := b.byArea(shown)
	items, more := b.paged("timeline", len(ordered), func(i int) *Node {
		ms := ordered[i].ms
		fig := b.m.Figures(ms.ID)
		s := yearFraction(ms.Start.First(), from, to)
		e := yearFraction(ms.End.Last().AddDate(0, 0, 1), from, to)
		return El("li", A("class", "kx-row", "data-testid", "bar-"+string(ms.ID), "data-status", string(fig.Status)),
			El("button", A("type", "button", "class", "kx-link kx-row-label", "data-on-click", "open:"+string(ms.ID)), b.data(ms.Title)),
			El("span", A("class", "kx-row-text"), T(Years(ms.Start, ms.End)+" · "+Percent(b.lang, fig.Progress)+" · "), b.status(fig.Status)),
			El("div", A("class", "kx-track", "aria-hidden", "true"),
				El("div", A("class", "kx-span kx-span--"+string(fig.Status))).
					WithStyle("--kx-start", pct(100*s)).WithStyle("--kx-width", pct(100*(e-s))).
					WithStyle("--kx-p", pct(fig.Progress))),
		)
	})
	// The rows shown, in groups of one focus area each.
	groups := El("ul", A("class", "kx-groups"))
	var rows *Node
	area := strategy.ID("-")
	for i, it := range items {
		if a := ordered[i].area; a != area || rows == nil {
			area = a
			title := El("span", nil, T(b.msg("group.other")))
			if fa, ok := b.m.Strategy.FocusArea(a); ok {
				title = El("span", nil, b.data(fa.Title))
			}
			rows = El("ul", A("class", "kx-rows"))
			groups.Children = append(groups.Children, El("li", A("class", "kx-group", "data-testid", "group-"+string(a)),
				El(b.heading(1), A("class", "kx-h kx-group-title"), title), rows).WithKey(string(a)))
		}
		rows.Children = append(rows.Children, it)
	}
	asOf := yearFraction(b.m.Report.AsOf.First(), from, to)
	line := "kx-asof-line"
	if asOf > 0.5 { // the label goes left of the line, so it never runs off the right edge
		line += " kx-asof-line--end"
	}
	return []*Node{El("div", A("class", "kx-timeline", "part", "timeline", "role", "group", "aria-label", b.msg("timeline.label"), "data-testid", "timeline"),
		b.legend(shown),
		El("div", A("class", "kx-chart"),
			El("div", A("class", "kx-axis-wrap"),
				El("div", A("class", line, "data-testid", "asof-line"),
					El("span", A("class", "kx-asof-label"), T(b.msg("asOf", "date", FormatDate(b.lang, b.m.Report.AsOf))))),
				axis),
			groups).WithStyle("--kx-asof", pct(100*asOf)),
		more)}
}

type areaMeasure struct {
	area strategy.ID
	ms   *portfolio.Measure
}

// byArea orders measures by the focus area of their first goal, in the
// strategy's order, keeping the portfolio's order within an area.
func (b builder) byArea(shown []*portfolio.Measure) []areaMeasure {
	out := make([]areaMeasure, 0, len(shown))
	var other []areaMeasure
	for _, fa := range b.m.Strategy.FocusAreas {
		for _, ms := range shown {
			if len(ms.Goals) > 0 && b.m.areaOfGoal(ms.Goals[0]) == fa.ID {
				out = append(out, areaMeasure{fa.ID, ms})
			}
		}
	}
	for _, ms := range shown {
		if len(ms.Goals) == 0 || b.m.areaOfGoal(ms.Goals[0]) == "" {
			other = append(other, areaMeasure{"", ms})
		}
	}
	return append(out, other...)
}

// legend explains the bars: the statuses shown, the filled part and the
// line at the reference date.
func (b builder) legend(shown []*portfolio.Measure) *Node {
	seen := map[controlling.ScheduleStatus]bool{}
	for _, ms := range shown {
		if f := b.m.Figures(ms.ID); f != nil {
			seen[f.Status] = true
		}
	}
	ul := El("ul", A("class", "kx-legend", "aria-label", b.msg("legend"), "data-testid", "legend"))
	for _, st := range StatusFilters {
		if seen[st] {
			ul.Children = append(ul.Children, El("li", nil,
				El("span", A("class", "kx-swatch kx-span--"+string(st), "aria-hidden", "true")), b.status(st)))
		}
	}
	ul.Children = append(ul.Children,
		El("li", nil, El("span", A("class", "kx-swatch kx-swatch--progress", "aria-hidden", "true")), T(b.msg("legend.progress"))),
		El("li", nil, El("span", A("class", "kx-swatch kx-swatch--asof", "aria-hidden", "true")), T(b.msg("legend.asOf"))))
	return ul
}
