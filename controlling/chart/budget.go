package chart

import (
	"math"
	"strings"
)

// BudgetRow is the money of the strategy or of one focus area.
type BudgetRow struct {
	// Label names the row ("Strategie", "DL Digitale Leistungen").
	Label string
	// Planned, Spent and EarnedValue in francs.
	Planned, Spent, EarnedValue float64
	// CPI is the cost performance index; nil when nothing was spent.
	CPI *float64
}

// Cancelled is the money of the cancelled measures, which stay out of every
// roll-up but are not hidden.
type Cancelled struct {
	Measures       int
	Planned, Spent float64
}

// budgetRowHeight is a bullet bar's row: label, bar, two lines of figures
// (one would not fit at 320 px).
const budgetRowHeight = 74

// Budget draws bullet bars: per row the planned money as a long outlined
// bar, what was spent as a thick bar inside it and the earned value as a
// tick; all rows on one scale. The money of cancelled measures follows
// apart, below a rule, in grey and hatched. Budget returns nil when there
// is no money anywhere (no row and no cancelled measure with a budget).
func Budget(o Options, rows []BudgetRow, cancelled *Cancelled) *Node {
	fr := newFrame(o)
	top := 0.0
	for _, r := range rows {
		top = math.Max(top, math.Max(clean(r.Planned), math.Max(clean(r.Spent), clean(r.EarnedValue))))
	}
	if cancelled != nil && cancelled.Measures > 0 {
		top = math.Max(top, math.Max(clean(cancelled.Planned), clean(cancelled.Spent)))
	}
	if top <= 0 {
		return nil
	}
	var marks []*Node
	var table [][]string
	y := 0.0
	share := func(v float64) string { return pct(math.Max(0, clean(v)) / top) }
	for _, r := range rows {
		marks = append(marks, txt("0", num(y+13), "", "kc-label", short(r.Label, 52)),
			el("rect", a("class", "kc-track", "x", "0", "y", num(y+19), "width", share(r.Planned), "height", "16",
				"fill", colTrack, "stroke", colMuted, "stroke-width", "1")),
			el("rect", a("class", "kc-bar", "x", "0", "y", num(y+23), "width", share(r.Spent), "height", "8", "fill", colAccent)))
		ev := share(r.EarnedValue)
		marks = append(marks, el("line", a("class", "kc-mark", "x1", ev, "x2", ev, "y1", num(y+16), "y2", num(y+38),
			"stroke", colText, "stroke-width", "3")))
		spent, value, _ := strings.Cut(fill(fr.l.BudgetRow,
			"spent", fr.f.Amount(clean(r.Spent)), "planned", fr.f.Amount(clean(r.Planned)), "ev", fr.f.Amount(clean(r.EarnedValue))), " · ")
		marks = append(marks, small(txt("0", num(y+50), "", "kc-figures", spent)), small(txt("0", num(y+64), "", "kc-figures", value)))
		table = append(table, []string{r.Label, fr.f.Amount(clean(r.Planned)), fr.f.Amount(clean(r.Spent)),
			fr.f.Amount(clean(r.EarnedValue)), fr.maybe(r.CPI, func(v float64) string { return fr.f.Number(v, 2) })})
		y += budgetRowHeight
	}
	if cancelled != nil && cancelled.Measures > 0 {
		label := fill(fr.l.Cancelled, "n", itoa(cancelled.Measures))
		// Earned value means nothing for a cancelled measure: the row says
		// only what was planned and spent.
		cancelledFigures, _, _ := strings.Cut(fill(fr.l.BudgetRow,
			"spent", fr.f.Amount(clean(cancelled.Spent)), "planned", fr.f.Amount(clean(cancelled.Planned))), " · ")
		marks = append(marks,
			el("line", a("class", "kc-rule", "x1", "0", "x2", "100%", "y1", num(y+3), "y2", num(y+3), "stroke", colMuted, "stroke-width", "1")),
			txt("0", num(y+19), "", "kc-label", label),
			el("rect", a("class", "kc-track", "x", "0", "y", num(y+25), "width", share(cancelled.Planned), "height", "16",
				"fill", colTrack, "stroke", colMuted, "stroke-width", "1", "stroke-dasharray", "4 3")),
			el("rect", a("class", "kc-cancelled", "x", "0", "y", num(y+29), "width", share(cancelled.Spent), "height", "8", "fill", colMuted)),
			el("rect", a("class", "kc-pat", "x", "0", "y", num(y+29), "width", share(cancelled.Spent), "height", "8", "fill", fr.patternRef("hatch"))),
			small(txt("0", num(y+57), "", "kc-figures", cancelledFigures)))
		table = append(table, []string{label, fr.f.Amount(clean(cancelled.Planned)), fr.f.Amount(clean(cancelled.Spent)), "–", "–"})
		y += rowHeight + 6
	}
	name := fr.l.BudgetTitle
	svg := fr.svg("budget", name, y, marks...)
	lg := legend(
		legendItem{el("rect", a("class", "kc-track", "x", ".5", "y", ".5", "width", "11", "height", "11", "fill", colTrack, "stroke", colMuted)), fr.l.BudgetPlanned},
		legendItem{el("rect", a("class", "kc-bar", "y", "3", "width", "12", "height", "6", "fill", colAccent)), fr.l.BudgetSpent},
		legendItem{el("line", a("class", "kc-mark", "x1", "6", "x2", "6", "y1", "0", "y2", "12", "stroke", colText, "stroke-width", "3")), fr.l.EarnedValue},
	)
	tb := fr.table(name, []string{fr.l.Item, fr.l.BudgetPlanned, fr.l.BudgetSpent, fr.l.EarnedValue, "CPI"},
		[]bool{false, true, true, true, true}, table)
	return fr.figure("budget", name, svg, lg, tb)
}

// small sets a text's size to 11: lines of amounts that must fit 320 px.
func small(n *Node) *Node {
	n.Attrs = append(n.Attrs, Attr{"font-size", "11"})
	return n
}
