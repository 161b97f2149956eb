package report

import (
	"fmt"
	"io"
	"math"
	"strings"
	"unicode/utf8"
)

// The text format, for a terminal: a header, the strategy's figures, per
// focus area its goals as aligned columns with progress bars, then the
// lists (goals without measures, stale, divergent, cancelled measures), the
// efficiency by purpose and all measures. Titles longer than maxTitle runes
// are cut with "…"; widths count runes, so umlauts align.

const (
	barWidth = 20 // cells of a progress bar
	maxTitle = 44 // runes of a title in a table
)

func renderText(w io.Writer, v *view, ascii bool) error {
	l := v.L
	p := &textWriter{w: w}
	p.line(v.Title)
	if v.PortfolioTitle != "" {
		p.line(l.Get("portfolio") + ": " + v.PortfolioTitle)
	}
	p.line(l.Get("asOf") + ": " + v.AsOf)
	p.line("")

	s := v.Strategy
	p.line(fmt.Sprintf("%s  %s  %8s  %s %s  %s", l.Get("strategy"), bar(s.Progress, ascii), s.ProgressText,
		l.Get("coverage"), s.CoverageText, s.StatusText))
	if s.Counts != "" {
		p.line("  " + l.Get("counts") + ": " + s.Counts)
	}
	p.line(fmt.Sprintf("  %s: %s %s, %s %s, %s %s, %s %s", l.Get("budget"),
		l.Get("planned"), s.BudgetPlanned, l.Get("spent"), s.BudgetSpent,
		l.Get("earnedValue"), s.EarnedValue, l.Get("cpi"), s.CPI))
	p.line(fmt.Sprintf("  %s %s, %s %s", l.Get("fteExpected"), s.FTEExpected, l.Get("fteRealized"), s.FTERealized))

	p.heading(l.Get("focusAreas"))
	t := &textTable{right: []bool{false, false, false, true, true, false, true, true, true}}
	t.add(l.Get("id"), l.Get("title"), l.Get("progress"), "", l.Get("coverage"), l.Get("status"),
		l.Get("measures"), l.Get("fteExpected"), l.Get("budgetPlanned"))
	for i, fa := range v.FocusAreas {
		if i > 0 {
			t.add()
		}
		t.add(fa.ID, cut(fa.Title), bar(fa.Progress, ascii), fa.ProgressText, fa.CoverageText, fa.StatusText,
			"", fa.FTEExpected, fa.BudgetPlanned)
		for _, g := range fa.Goals {
			t.add("  "+g.ID, "  "+cut(g.Title), bar(g.Progress, ascii), g.ProgressText, g.CoverageText, g.StatusText,
				fmt.Sprint(g.MeasureCount), g.FTEExpected, g.BudgetPlanned)
		}
	}
	t.write(p)

	p.list(l.Get("uncoveredTitle"), l.Get("uncoveredIntro"), v.Uncovered, l)
	p.list(l.Get("staleTitle"), fmt.Sprintf(l.Get("staleIntro"), v.StaleAfterDays), v.Stale, l)
	p.list(l.Get("divergentTitle"), l.Get("divergentIntro"), v.Divergent, l)
	p.list(l.Get("cancelledTitle"), l.Get("cancelledIntro"), v.Cancelled, l)

	p.heading(l.Get("purposesTitle"))
	p.line(l.Get("purposesIntro"))
	p.line("")
	t = &textTable{right: []bool{false, true, true, true, true, true}}
	t.add(l.Get("purpose"), l.Get("measures"), l.Get("budgetPlanned"), l.Get("budgetSpent"), l.Get("fteExpected"), l.Get("fteRealized"))
	for _, pv := range v.Purposes {
		t.add(pv.Label, fmt.Sprint(pv.Measures), pv.BudgetPlanned, pv.BudgetSpent, pv.FTEExpected, pv.FTERealized)
	}
	t.write(p)

	p.heading(l.Get("measuresTitle"))
	t = &textTable{right: []bool{false, false, false, true, true, false, false, false}}
	t.add(l.Get("id"), l.Get("title"), l.Get("progress"), "", l.Get("plannedProgress"), l.Get("schedule"), l.Get("owner"), "")
	for _, m := range v.Measures {
		pr := m.Progress
		t.add(m.ID, cut(m.Title), bar(&pr, ascii), m.ProgressText, m.PlannedText, m.StatusText, m.Owner, m.flags(l))
	}
	t.write(p)
	return p.err
}

// bar draws progress 0..100 as barWidth cells; nil draws an empty frame.
func bar(p *float64, ascii bool) string {
	full, empty := "█", "░"
	if ascii {
		full, empty = "#", "."
	}
	if p == nil || math.IsNaN(*p) {
		return strings.Repeat(" ", barWidth)
	}
	n := int(math.Round(math.Max(0, math.Min(100, *p)) / 100 * barWidth))
	return strings.Repeat(full, n) + strings.Repeat(empty, barWidth-n)
}

// cut shortens s to maxTitle runes, ending in "…" when it cut.
func cut(s string) string {
	if utf8.RuneCountInString(s) <= maxTitle {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:maxTitle-1])) + "…"
}

// textWriter writes lines and keeps the first error.
type textWriter struct {
	w   io.Writer
	err error
}

func (p *textWriter) line(s string) {
	if p.err == nil {
		_, p.err = io.WriteString(p.w, strings.TrimRight(s, " ")+"\n")
	}
}

func (p *textWriter) heading(s string) {
	p.line("")
	p.line(s)
	p.line(strings.Repeat("=", utf8.RuneCountInString(s)))
}

// list writes a titled list of items with its count, or "none".
func (p *textWriter) list(title, intro string, items []itemView, l labels) {
	p.heading(fmt.Sprintf("%s (%d)", title, len(items)))
	if intro != "" {
		p.line(intro)
	}
	if len(items) == 0 {
		p.line("  " + l.Get("none"))
		return
	}
	t := &textTable{}
	for _, it := range items {
		t.add("  "+it.ID, it.Title, it.Note)
	}
	t.write(p)
}

// textTable aligns cells in columns by rune count; right marks the columns
// aligned to the right. A row without cells is an empty line.
type textTable struct {
	rows  [][]string
	right []bool
}

func (t *textTable) add(cells ...string) { t.rows = append(t.rows, cells) }

func (t *textTable) write(p *textWriter) {
	var widths []int
	for _, r := range t.rows {
		for i, c := range r {
			if i >= len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], utf8.RuneCountInString(c))
		}
	}
	for _, r := range t.rows {
		var b strings.Builder
		for i, c := range r {
			if i > 0 {
				b.WriteString("  ")
			}
			pad := strings.Repeat(" ", widths[i]-utf8.RuneCountInString(c))
			if i < len(t.right) && t.right[i] {
				b.WriteString(pad + c)
			} else {
				b.WriteString(c + pad)
			}
		}
		p.line(b.String())
	}
}
