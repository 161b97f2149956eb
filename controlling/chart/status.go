package chart

import (
	"strings"

	"github.com/bl-digital/kompass/controlling"
)

// Segment is one part of a stacked status bar.
type Segment struct {
	Status controlling.ScheduleStatus
	Count  int
	// Start and Width are the segment's place in the bar, shares 0..1.
	Start, Width float64
}

// StatusSegments returns the segments of a stacked status bar in the order
// late, at risk, on track, not started, done, leaving out statuses with no
// measures. Counts below zero count as zero; other statuses (cancelled,
// uncovered) are not part of the bar.
func StatusSegments(counts map[controlling.ScheduleStatus]int) []Segment {
	total := 0
	for _, s := range controlling.RollupStatuses {
		total += max(0, counts[s])
	}
	var segs []Segment
	at := 0
	for _, s := range controlling.RollupStatuses {
		n := max(0, counts[s])
		if n == 0 {
			continue
		}
		segs = append(segs, Segment{Status: s, Count: n, Start: float64(at) / float64(total), Width: float64(n) / float64(total)})
		at += n
	}
	return segs
}

// StatusName is the accessible name of a status bar: the subject, what is
// counted and each count ("DL Digitale Leistungen: 12 Massnahmen nach
// Status: 2 im Verzug, 10 auf Kurs").
func StatusName(lang, subject string, counts map[controlling.ScheduleStatus]int) string {
	l := labelsFor(normLang(lang))
	segs := StatusSegments(counts)
	colon := ": "
	if normLang(lang) == "fr" {
		colon = "\u202f: "
	}
	prefix := ""
	if subject != "" {
		prefix = subject + colon
	}
	if len(segs) == 0 {
		return prefix + l.StatusTitle + colon + l.NoMeasures
	}
	parts := make([]string, len(segs))
	total := 0
	for i, s := range segs {
		parts[i] = itoa(s.Count) + " " + l.Status[s.Status]
		total += s.Count
	}
	return prefix + l.StatusTitle + " (" + fill(l.Total, "n", itoa(total)) + ")" + colon + strings.Join(parts, ", ")
}

// StatusBar draws the schedule statuses of the measures below a strategy,
// focus area or goal as one stacked horizontal bar: late, at risk, on
// track, not started, done; each segment in its colour with its pattern,
// its count written above it when the segment is wide enough, all counts
// in the legend, the name and the table. subject names what is counted
// ("Strategie", "DL Digitale Leistungen").
func StatusBar(o Options, subject string, counts map[controlling.ScheduleStatus]int) *Node {
	fr := newFrame(o)
	segs := StatusSegments(counts)
	var marks []*Node
	const barY, barH = 18, 18
	if len(segs) == 0 {
		marks = append(marks,
			el("rect", a("class", "kc-track", "x", "0", "y", num(barY), "width", "100%", "height", num(barH),
				"fill", colTrack, "stroke", colMuted, "stroke-dasharray", "4 3")),
			txt("0", "12", "", "kc-muted-text", fr.l.NoMeasures))
	}
	for _, s := range segs {
		st := statusStyle[s.Status]
		x, w := pct(s.Start), pct(s.Width)
		marks = append(marks, el("rect", a("class", st.class+" kc-seg", "x", x, "y", num(barY), "width", w, "height", num(barH),
			"fill", st.colour, "stroke", colPaper, "stroke-width", "1")))
		if st.pattern != "" {
			marks = append(marks, el("rect", a("class", "kc-pat", "x", x, "y", num(barY), "width", w, "height", num(barH),
				"fill", fr.patternRef(st.pattern))))
		}
		// A count fits above its segment when the segment is at least a
		// twelfth of the bar (about 24 px at 320 px).
		if s.Width >= 1.0/12 {
			marks = append(marks, txt(pct(s.Start+s.Width/2), "13", "middle", "kc-count", itoa(s.Count)))
		}
	}
	name := StatusName(fr.lang, subject, counts)
	svg := fr.svg("status", name, barY+barH+2, marks...)
	var items []legendItem
	var rows [][]string
	for _, s := range segs {
		items = append(items, legendItem{fr.swatch(s.Status), fr.l.Status[s.Status] + " " + itoa(s.Count)})
		rows = append(rows, []string{fr.l.Status[s.Status], itoa(s.Count), fr.f.Percent(s.Width * 100)})
	}
	var lg, tb *Node
	if len(segs) > 0 {
		lg = legend(items...)
		tb = fr.table(name, []string{fr.l.StatusTitle, fr.l.Count, "%"}, []bool{false, true, true}, rows)
	}
	return fr.figure("status", fr.l.StatusTitle, svg, lg, tb)
}

// swatch draws a status's colour and pattern in a 12×12 legend box.
func (fr *frame) swatch(s controlling.ScheduleStatus) *Node {
	st := statusStyle[s]
	g := el("g", nil, el("rect", a("class", st.class, "width", "12", "height", "12", "fill", st.colour)))
	if st.pattern != "" {
		g.add(el("rect", a("class", "kc-pat", "width", "12", "height", "12", "fill", fr.patternRef(st.pattern))))
	}
	return g
}
