package explorer

import (
	"github.com/bl-digital/kompass/controlling"
	"github.com/bl-digital/kompass/portfolio"
)

// detail is the open detail of a measure: summary, before/after, goals,
// indicators, budget and FTE, milestones, dependencies, links; one block
// per function. Escape closes it. Its parts' headings are a level below its
// title, never deeper than h6, and styled by class (kx-part-title), so they
// never read smaller than the text.
func (b builder) detail(ms *portfolio.Measure, fig *controlling.Measure) *Node {
	d := El("section", A("class", "kx-detail", "part", "detail", "id", "kx-detail-"+string(ms.ID),
		"aria-labelledby", "kx-detail-h-"+string(ms.ID), "data-on-keydown", "detailkey:"+string(ms.ID),
		"data-testid", "detail-"+string(ms.ID)),
		El(b.heading(2), A("id", "kx-detail-h-"+string(ms.ID), "tabindex", "-1", "class", "kx-h kx-detail-title"),
			T(b.msg("details", "title", dataString(ms.Title, b.lang)))))
	for _, part := range []*Node{
		b.detailSummary(ms),
		b.detailBeforeAfter(ms),
		b.detailGoals(ms),
		b.detailIndicators(ms, fig),
		b.detailMoney(ms, fig),
		b.detailMilestones(ms),
		b.detailDepends(ms),
		b.detailLinks(ms),
	} {
		if part != nil {
			d.Children = append(d.Children, part)
		}
	}
	d.Children = append(d.Children, El("button", A("type", "button", "class", "kx-btn kx-close", "data-on-click", "close:"+string(ms.ID),
		"data-testid", "detail-close"), T(b.msg("close"))))
	return d
}

// part is a titled part of the detail.
func (b builder) part(class, title string, children ...*Node) *Node {
	return El("div", A("class", "kx-part "+class), append([]*Node{El(b.heading(3), A("class", "kx-h kx-part-title"), T(title))}, children...)...)
}

func (b builder) detailSummary(ms *portfolio.Measure) *Node {
	if ms.Summary.In(b.lang) == "" {
		return nil
	}
	return b.dataIn("p", "kx-summary", ms.Summary)
}

func (b builder) detailBeforeAfter(ms *portfolio.Measure) *Node {
	if ms.Before.In(b.lang) == "" && ms.After.In(b.lang) == "" {
		return nil
	}
	return El("div", A("class", "kx-before-after"),
		b.part("kx-before", b.msg("before"), b.dataIn("p", "kx-text", ms.Before)),
		b.part("kx-after", b.msg("after"), b.dataIn("p", "kx-text", ms.After)))
}

func (b builder) detailGoals(ms *portfolio.Measure) *Node {
	goals := El("ul", A("class", "kx-plain kx-list"))
	for _, gid := range ms.Goals {
		li := El("li", nil, T(string(gid)))
		if g, _, ok := b.m.Strategy.Goal(gid); ok {
			li.Children = append(li.Children, T(" "), b.data(g.Title))
		}
		goals.Children = append(goals.Children, li)
	}
	return b.part("kx-goals-part", b.msg("goals"), goals)
}

// detailIndicators is the measure's indicators: achievement against what
// is expected by now, and baseline, target and latest value. A chart of an
// indicator goes into its list item.
func (b builder) detailIndicators(ms *portfolio.Measure, fig *controlling.Measure) *Node {
	if len(ms.Indicators) == 0 {
		return nil
	}
	ul := El("ul", A("class", "kx-plain kx-list kx-indicators"))
	for i, in := range ms.Indicators {
		var f controlling.IndicatorFigures
		if i < len(fig.Indicators) {
			f = fig.Indicators[i]
		}
		latest := "–"
		if n := len(in.Actuals); n > 0 {
			latest = b.value(in.Actuals[n-1].Value, in.Unit)
		}
		ul.Children = append(ul.Children, El("li", A("class", "kx-indicator"),
			El("p", A("class", "kx-indicator-title"), El("strong", nil, b.data(in.Title))),
			El("p", nil, T(b.msg("indicator.line", "a", share(b.lang, f.Achievement), "e", share(b.lang, f.Expected)))),
			El("p", A("class", "kx-meta"), T(b.msg("indicator.values",
				"b", b.value(in.Baseline.Value, in.Unit), "t", b.value(in.Target.Value, in.Unit), "l", latest))),
			b.indicatorChart(ms, i, in, f))) // chart.go
	}
	return b.part("kx-indicators-part", b.msg("indicators"), ul)
}

// value is a number with its unit, kept on one line.
func (b builder) value(v float64, unit string) string {
	s := Number(b.lang, v, -1)
	if unit != "" {
		s += "\u00a0" + unit
	}
	return s
}

// detailMoney is the budget, the FTE the measure saves and its purpose,
// each only when the data has it.
func (b builder) detailMoney(ms *portfolio.Measure, fig *controlling.Measure) *Node {
	var money []*Node
	if ms.Budget != nil {
		bu := controlling.Budget{Planned: ms.Budget.Planned, Spent: ms.Budget.Spent, CPI: fig.CPI}
		if fig.EarnedValue != nil {
			bu.EarnedValue = *fig.EarnedValue
		}
		money = append(money, El("p", nil, T(b.budget(bu))))
	}
	if ms.Savings != nil && fig.FTE > 0 {
		money = append(money, El("p", nil, T(b.msg("fte.one", "e", Number(b.lang, fig.FTE, 2)))))
	}
	if ms.Purpose != "" {
		money = append(money, El("p", nil, T(b.msg("purpose", "purpose", b.msg("purpose."+string(ms.Purpose))))))
	}
	if len(money) == 0 {
		return nil
	}
	return b.part("kx-money", b.msg("money"), money...)
}

func (b builder) detailMilestones(ms *portfolio.Measure) *Node {
	if len(ms.Milestones) == 0 {
		return nil
	}
	ul := El("ul", A("class", "kx-plain kx-list kx-milestones"))
	for _, mi := range ms.Milestones {
		mark, word := "○", b.msg("milestone.open")
		if mi.Done {
			mark, word = "✓", b.msg("milestone.done")
		}
		ul.Children = append(ul.Children, El("li", nil, El("span", A("aria-hidden", "true"), T(mark+" ")),
			T(b.msg("milestone.line", "date", FormatDate(b.lang, mi.Due), "title", "")), b.data(mi.Title), T(" ("+word+")")))
	}
	return b.part("kx-milestones-part", b.msg("milestones"), ul)
}

func (b builder) detailDepends(ms *portfolio.Measure) *Node {
	if len(ms.DependsOn) == 0 {
		return nil
	}
	var titles []string
	for _, id := range ms.DependsOn {
		if o := b.m.measure(id); o != nil {
			titles = append(titles, dataString(o.Title, b.lang))
		}
	}
	if len(titles) == 0 {
		return nil
	}
	return El("p", nil, T(b.msg("dependsOn", "names", names(titles))))
}

func (b builder) detailLinks(ms *portfolio.Measure) *Node {
	var links []*Node
	for _, l := range ms.Links {
		if href, ok := SafeURL(l.URL); ok {
			links = append(links, El("li", nil, El("a", A("href", href, "rel", "noopener noreferrer", "target", "_blank"), b.data(l.Title))))
		}
	}
	if len(links) == 0 {
		return nil
	}
	return b.part("kx-links", b.msg("links"), El("ul", A("class", "kx-plain kx-list"), links...))
}

// share formats a 0..1 share as percent; nil is "–".
func share(lang string, f *float64) string {
	if f == nil {
		return "–"
	}
	return Percent(lang, *f*100)
}
