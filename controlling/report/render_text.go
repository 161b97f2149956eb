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
	c := l.Get("colon")
	p := &textWriter{w: w, typo: typography(v.Lang)}
	p.line(v.Title)
	if v.PortfolioTitle != "" {
		p.line(l.Get("portfolio") + c + v.PortfolioTitle)
	}
	p.line(v.DateLine)
	p.line("")

	s := v.Strategy
	p.line(fmt.Sprintf("%s  %s  %8s  %s", l.Get("strategy"), bar(s.Progress, ascii), s.ProgressText, s.StatusText))
	p.line("  " + v.Headline + ".")
	if s.Counts != "" {
		p.line("  " + l.Get("counts") + c + s.Counts)
	}
	if s.StaleText != "" {
		p.line("  " + l.Get("staleColumn") + c + s.StaleText)
	}
	if v.AnyBudget {
		p.line(fmt.Sprintf("  %s%s%s %s, %s %s, %s %s, %s %s", l.Get("budget"), c,
			l.Get("planned"), s.BudgetPlanned, l.Get("spent"), s.BudgetSpent,
			l.Get("earnedValue"), s.EarnedValue, l.Get("cpi"), s.CPI))
	}
	if v.AnySavings {
		p.line("  " + l.Get("fteWords") + c + s.FTEBoth)
	} else {
		p.line("  " + l.Get("noSavingsAnywhere"))
	}
	if v.CancelledNote != "" {
		p.line("  " + v.CancelledNote)
	}

	p.heading(l.Get("focusAreas"))
	if v.OverlapNote != "" {
		p.wrap(v.OverlapNote)
		p.line("")
	}
	t := &textTable{right: []bool{false, false, false, true, true, false, true, true, true, true}}
	head := []string{l.Get("id"), l.Get("title"), l.Get("progress"), "", l.Get("coverage"), l.Get("status"),
		l.Get("measures"), l.Get("staleColumn")}
	if v.AnySavings {
		head = append(head, l.Get("fteColumn"))
	}
	if v.AnyBudget {
		head = append(head, l.Get("budgetPlanned"))
	}
	t.add(head...)
	row := func(id, title string, r *rollupView) {
		cells := []string{id, cut(title), bar(r.Progress, ascii), r.ProgressText, r.CoverageText, r.StatusText,
			fmt.Sprint(r.MeasureCount), r.StaleShort}
		if v.AnySavings {
			cells = append(cells, r.FTEExpected)
		}
		if v.AnyBudget {
			cells = append(cells, r.BudgetPlanned)
		}
		t.add(cells...)
	}
	for i, fa := range v.FocusAreas {
		if i > 0 {
			t.add()
		}
		row(fa.ID, fa.Title, &fa.rollupView)
		for _, g := range fa.Goals {
			row("  "+g.ID, "  "+g.Title, &g.rollupView)
		}
	}
	t.write(p)

	p.list(l.Get("uncoveredTitle"), l.Get("uncoveredIntro"), v.Uncovered, l)
	p.list(l.Get("staleTitle"), fmt.Sprintf(l.Get("staleIntro"), v.StaleAfterDays), v.Stale, l)
	p.list(l.Get("divergentTitle"), l.Get("divergentIntro"), v.Divergent, l)
	cancelledIntro := l.Get("cancelledIntro")
	if v.CancelledNote != "" {
		cancelledIntro = v.CancelledNote + "."
	}
	p.list(l.Get("cancelledTitle"), cancelledIntro, v.Cancelled, l)

	p.heading(l.Get("purposesTitle"))
	p.wrap(l.Get("purposesIntro"))
	p.line("")
	t = &textTable{right: []bool{false, true, true, true, true, true, true}}
	head = []string{l.Get("purpose"), l.Get("measures"), l.Get("staleColumn")}
	if v.AnyBudget {
		head = append(head, l.Get("budgetPlanned"), l.Get("budgetSpent"))
	}
	if v.AnySavings {
		head = append(head, l.Get("fteExpected"), l.Get("fteRealized"))
	}
	t.add(head...)
	for _, pv := range v.Purposes {
		cells := []string{pv.Label, fmt.Sprint(pv.Measures), pv.StaleShort}
		if v.AnyBudget {
			cells = append(cells, pv.BudgetPlanned, pv.BudgetSpent)
		}
		if v.AnySavings {
			cells = append(cells, pv.FTEExpected, pv.FTERealized)
		}
		t.add(cells...)
	}
	t.write(p)
	if v.CancelledNote != "" {
		p.line(v.CancelledNote + ".")
	}

	p.heading(l.Get("measuresTitle"))
	t = &textTable{right: []bool{false, false, false, true, true, false, false, true, true, false}}
	head = []string{l.Get("id"), l.Get("title"), l.Get("progress"), "", l.Get("plannedProgress"), l.Get("schedule"), l.Get("owner")}
	if v.AnyBudget {
		head = append(head, l.Get("budgetPlanned"))
	}
	if v.AnySavings {
		head = append(head, l.Get("fteMeasure"))
	}
	head = append(head, "")
	t.add(head...)
	for _, m := range v.Measures {
		pr := m.Progress
		cells := []string{m.ID, cut(m.Title), bar(&pr, ascii), m.ProgressText, m.PlannedText, m.StatusText, m.Owner}
		if v.AnyBudget {
			cells = append(cells, m.PlannedText2)
		}
		if v.AnySavings {
			cells = append(cells, m.FTEText)
		}
		cells = append(cells, m.flags(l))
		t.add(cells...)
	}
	t.write(p)
	p.heading(l.Get("glossaryTitle"))
	for _, g := range v.Glossary {
		p.wrap(g.Term + c + g.Text)
	}
	return p.err
}

// wrap writes s as lines of at most 100 runes, broken at spaces.
func (p *textWriter) wrap(s string) {
	const width = 100
	var line []string
	n := 0
	for _, word := range strings.Split(s, " ") { // not Fields: it breaks at no-break spaces
		if word == "" {
			continue
		}
		k := utf8.RuneCountInString(word)
		if n > 0 && n+1+k > width {
			p.line(strings.Join(line, " "))
			line, n = nil, 0
		}
		if n > 0 {
			n++
		}
		line = append(line, word)
		n += k
	}
	if len(line) > 0 {
		p.line(strings.Join(line, " "))
	}
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
	w    io.Writer
	err  error
	typo *strings.Replacer // the language's typography, or nil
}

func (p *textWriter) line(s string) {
	if p.typo != nil {
		s = p.typo.Replace(s)
	}
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
		p.wrap(intro)
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
