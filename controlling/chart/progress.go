package chart

// ProgressRow is one focus area (or goal) in the side-by-side progress chart.
type ProgressRow struct {
	// Label names the row ("DL Digitale Leistungen").
	Label string
	// Progress is the rolled-up progress 0..100; nil when unknown.
	Progress *float64
	// Planned is the planned progress (Soll) 0..100; nil when unknown.
	Planned *float64
	// Covered of Total goals have measures.
	Covered, Total int
}

// rowHeight is the height of one labelled bar row: a label line, the bar,
// a line of figures.
const rowHeight = 60

// Progress draws the focus areas side by side: per row a bar of the
// progress, a mark at the planned progress (Soll), and the figures with
// the coverage ("57.9 % · Soll 62.0 % · 16/20 Ziele"). Rows without a
// known progress show an empty, dashed bar and "k. A.".
func Progress(o Options, rows []ProgressRow) *Node {
	fr := newFrame(o)
	var marks []*Node
	var table [][]string
	for i, r := range rows {
		y := float64(i * rowHeight)
		marks = append(marks, txt("0", num(y+13), "", "kc-label", short(r.Label, 52)))
		track := el("rect", a("class", "kc-track", "x", "0", "y", num(y+20), "width", "100%", "height", "14",
			"fill", colTrack, "stroke", colMuted, "stroke-width", "1"))
		if r.Progress == nil || !finite(*r.Progress) {
			track.Attrs = append(track.Attrs, Attr{"stroke-dasharray", "4 3"})
		}
		marks = append(marks, track)
		if r.Progress != nil && finite(*r.Progress) && *r.Progress > 0 {
			marks = append(marks, el("rect", a("class", "kc-bar", "x", "0", "y", num(y+20), "width", pct(*r.Progress/100), "height", "14",
				"fill", colAccent)))
		}
		if r.Planned != nil && finite(*r.Planned) {
			x := pct(*r.Planned / 100)
			marks = append(marks, el("line", a("class", "kc-mark", "x1", x, "x2", x, "y1", num(y+16), "y2", num(y+38),
				"stroke", colText, "stroke-width", "3")))
		}
		figures := fill(fr.l.FocusRow,
			"progress", fr.maybe(r.Progress, fr.f.Percent), "planned", fr.maybe(r.Planned, fr.f.Percent),
			"covered", itoa(r.Covered), "total", itoa(r.Total))
		marks = append(marks, txt("0", num(y+51), "", "kc-figures", figures))
		table = append(table, []string{r.Label, fr.maybe(r.Progress, fr.f.Percent), fr.maybe(r.Planned, fr.f.Percent),
			fill(fr.l.GoalsCovered, "covered", itoa(r.Covered), "total", itoa(r.Total))})
	}
	name := fr.l.FocusTitle
	svg := fr.svg("progress", name, float64(len(rows)*rowHeight), marks...)
	lg := legend(
		legendItem{el("rect", a("class", "kc-bar", "y", "2", "width", "12", "height", "8", "fill", colAccent)), fr.l.Progress},
		legendItem{el("line", a("class", "kc-mark", "x1", "6", "x2", "6", "y1", "0", "y2", "12", "stroke", colText, "stroke-width", "3")), fr.l.Planned},
	)
	tb := fr.table(name, []string{fr.l.Item, fr.l.Progress, fr.l.Planned, fr.l.Coverage}, []bool{false, true, true, false}, table)
	return fr.figure("progress", name, svg, lg, tb)
}
