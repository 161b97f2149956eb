package chart

import "math"

// FTERow is the working time one focus area (or the strategy) saves, in
// full-time equivalents.
type FTERow struct {
	Label              string
	Expected, Realized float64
}

// FTE draws expected against realized savings: per row an outlined bar of
// the expected full-time equivalents with the realized ones filled in.
// Rows without savings data (nothing expected, nothing realized) are left
// out, and FTE returns nil when no row has any: a chart of zeros would
// only repeat "no savings data".
func FTE(o Options, rows []FTERow) *Node {
	fr := newFrame(o)
	var kept []FTERow
	top := 0.0
	for _, r := range rows {
		e, z := math.Max(0, clean(r.Expected)), math.Max(0, clean(r.Realized))
		if e == 0 && z == 0 {
			continue
		}
		kept = append(kept, FTERow{r.Label, e, z})
		top = math.Max(top, math.Max(e, z))
	}
	if len(kept) == 0 {
		return nil
	}
	var marks []*Node
	var table [][]string
	for i, r := range kept {
		y := float64(i * rowHeight)
		marks = append(marks, txt("0", num(y+13), "", "kc-label", short(r.Label, 52)),
			el("rect", a("class", "kc-track", "x", "0", "y", num(y+20), "width", pct(r.Expected/top), "height", "14",
				"fill", colTrack, "stroke", colMuted, "stroke-width", "1")),
			el("rect", a("class", "kc-bar", "x", "0", "y", num(y+20), "width", pct(r.Realized/top), "height", "14", "fill", colAccent)),
			txt("0", num(y+51), "", "kc-figures", fill(fr.l.FTERow,
				"realized", fr.f.Number(r.Realized, 2), "expected", fr.f.Number(r.Expected, 2))))
		table = append(table, []string{r.Label, fr.f.Number(r.Expected, 2), fr.f.Number(r.Realized, 2)})
	}
	name := fr.l.FTETitle
	svg := fr.svg("fte", name, float64(len(kept)*rowHeight), marks...)
	lg := legend(
		legendItem{el("rect", a("class", "kc-track", "x", ".5", "y", ".5", "width", "11", "height", "11", "fill", colTrack, "stroke", colMuted)), fr.l.FTEExpected},
		legendItem{el("rect", a("class", "kc-bar", "width", "12", "height", "12", "fill", colAccent)), fr.l.FTERealized},
	)
	tb := fr.table(name, []string{fr.l.Item, fr.l.FTEExpected, fr.l.FTERealized}, []bool{false, true, true}, table)
	return fr.figure("fte", name, svg, lg, tb)
}
