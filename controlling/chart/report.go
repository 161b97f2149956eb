package chart

import (
	"github.com/bl-digital/kompass/controlling"
	"github.com/bl-digital/kompass/strategy"
)

// The functions below take the charts' inputs from a controlling report,
// with names from its strategy and portfolio in lang.

// FocusAreaLabel is the id and title of a focus area: "DL Digitale Leistungen".
func FocusAreaLabel(r *controlling.Report, id strategy.ID, lang string) string {
	if r != nil && r.Source != nil {
		for _, fa := range r.Source.FocusAreas {
			if fa.ID == id {
				if t := fa.Title.In(lang); t != "" {
					return string(id) + " " + t
				}
			}
		}
	}
	return string(id)
}

// strategyLabel is the word for the whole strategy in lang.
func strategyLabel(lang string) string {
	switch normLang(lang) {
	case "fr":
		return "Stratégie"
	case "it":
		return "Strategia"
	case "en":
		return "Strategy"
	}
	return "Strategie"
}

// PlannedProgress rolls the measures' planned progress (Soll) up the way
// controlling rolls up progress: per goal the weighted mean over its
// measures, per focus area the plain mean of its goals that have progress,
// for the strategy the plain mean of the focus areas that have one. It
// returns the strategy's Soll and each focus area's (nil where unknown).
func PlannedProgress(r *controlling.Report) (*float64, []*float64) {
	if r == nil {
		return nil, nil
	}
	pp := make(map[strategy.ID]float64, len(r.Measures))
	for _, m := range r.Measures {
		pp[m.ID] = m.PlannedProgress
	}
	fas := make([]*float64, len(r.FocusAreas))
	sum, n := 0.0, 0
	for i, fa := range r.FocusAreas {
		gs, gn := 0.0, 0
		for _, g := range fa.Goals {
			if g.Progress == nil {
				continue
			}
			ws, w := 0.0, 0.0
			for _, c := range g.Contributions {
				ws += c.Weight * pp[c.ID]
				w += c.Weight
			}
			if w > 0 && finite(ws/w) {
				gs += ws / w
				gn++
			}
		}
		if gn > 0 {
			v := gs / float64(gn)
			fas[i] = &v
			sum += v
			n++
		}
	}
	if n == 0 {
		return nil, fas
	}
	s := sum / float64(n)
	return &s, fas
}

// FocusAreaRows returns a progress row per focus area: progress, Soll and
// coverage.
func FocusAreaRows(r *controlling.Report, lang string) []ProgressRow {
	if r == nil {
		return nil
	}
	_, planned := PlannedProgress(r)
	rows := make([]ProgressRow, len(r.FocusAreas))
	for i, fa := range r.FocusAreas {
		rows[i] = ProgressRow{Label: FocusAreaLabel(r, fa.ID, lang), Progress: fa.Progress, Planned: planned[i],
			Covered: fa.Coverage.Covered, Total: fa.Coverage.Total}
	}
	return rows
}

// BudgetRows returns the strategy's budget row and one per focus area, and
// the money of the cancelled measures (nil when none was cancelled).
func BudgetRows(r *controlling.Report, lang string) ([]BudgetRow, *Cancelled) {
	if r == nil {
		return nil, nil
	}
	row := func(label string, b controlling.Budget) BudgetRow {
		return BudgetRow{Label: label, Planned: b.Planned, Spent: b.Spent, EarnedValue: b.EarnedValue, CPI: b.CPI}
	}
	rows := []BudgetRow{row(strategyLabel(lang), r.Strategy.Budget)}
	for _, fa := range r.FocusAreas {
		rows = append(rows, row(FocusAreaLabel(r, fa.ID, lang), fa.Budget))
	}
	var c *Cancelled
	if ct := r.CancelledTotals; ct.Measures > 0 {
		c = &Cancelled{Measures: ct.Measures, Planned: ct.Planned, Spent: ct.Spent}
	}
	return rows, c
}

// FTERows returns the strategy's savings and each focus area's.
func FTERows(r *controlling.Report, lang string) []FTERow {
	if r == nil {
		return nil
	}
	rows := []FTERow{{strategyLabel(lang), r.Strategy.FTE.Expected, r.Strategy.FTE.Realized}}
	for _, fa := range r.FocusAreas {
		rows = append(rows, FTERow{FocusAreaLabel(r, fa.ID, lang), fa.FTE.Expected, fa.FTE.Realized})
	}
	return rows
}

// Indicators returns the indicators of measure id with their expected
// share at the report's date; nil when the measure has none.
func Indicators(r *controlling.Report, id strategy.ID, lang string) []Indicator {
	if r == nil || r.Portfolio == nil {
		return nil
	}
	m, ok := r.Portfolio.Measure(id)
	if !ok {
		return nil
	}
	expected := map[strategy.ID]*float64{}
	for _, fm := range r.Measures {
		if fm.ID == id {
			for _, f := range fm.Indicators {
				expected[f.ID] = f.Expected
			}
		}
	}
	var out []Indicator
	for _, in := range m.Indicators {
		ind := Indicator{
			Title: in.Title.In(lang), Unit: in.Unit,
			Baseline: Point{in.Baseline.Date, in.Baseline.Value},
			Target:   Point{in.Target.Date, in.Target.Value},
			AsOf:     r.AsOf, Expected: expected[in.ID],
		}
		for _, p := range in.Actuals {
			ind.Actuals = append(ind.Actuals, Point{p.Date, p.Value})
		}
		out = append(out, ind)
	}
	return out
}

// Overview returns the charts of a report's overview, in order: the
// strategy's status bar, the focus areas side by side, the budget and the
// savings in full-time equivalents; charts without data (no money, no
// savings data) are left out. Ids are o.ID followed by -status,
// -progress, -budget and -fte.
func Overview(r *controlling.Report, o Options) []*Node {
	if r == nil {
		return nil
	}
	with := func(suffix string) Options { p := o; p.ID = sanitizeID(o.ID) + "-" + suffix; return p }
	var out []*Node
	add := func(n *Node) {
		if n != nil {
			out = append(out, n)
		}
	}
	add(StatusBar(with("status"), strategyLabel(o.Lang), r.Strategy.Counts))
	add(Progress(with("progress"), FocusAreaRows(r, o.Lang)))
	rows, cancelled := BudgetRows(r, o.Lang)
	add(Budget(with("budget"), rows, cancelled))
	add(FTE(with("fte"), FTERows(r, o.Lang)))
	return out
}
