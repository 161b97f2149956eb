package report

import (
	"fmt"
	"io"
	"strings"
)

// The Markdown format, for a paper such as a report to parliament
// (CommonMark with GitHub-style tables): a title, the as-of date, a summary
// table, a section per focus area with its goals table (goal, progress,
// coverage, status, measures, FTE, budget), the goals without measures,
// stale, divergent and cancelled measures, the efficiency by purpose
// (interpellation 2024/188, a–d) and a table of all measures. Data texts are
// escaped so that no title turns into markup.

func renderMarkdown(w io.Writer, v *view) error {
	l := v.L
	c := l.Get("colon")
	p := &textWriter{w: w, typo: typography(v.Lang)}
	p.line("# " + mdEscape(v.Title) + c + l.Get("report"))
	p.line("")
	if v.PortfolioTitle != "" {
		p.line(l.Get("portfolio") + c + mdEscape(v.PortfolioTitle) + "\\")
	}
	p.line(v.DateLine)

	s := v.Strategy
	p.line("")
	p.line("## " + l.Get("summary"))
	p.line("")
	p.line("**" + v.Headline + ".**")
	p.line("")
	p.line("| | |")
	p.line("|---|---|")
	p.line(mdRow(l.Get("progress"), s.ProgressText))
	p.line(mdRow(l.Get("coverage"), fmt.Sprintf(l.Get("coverageOf"), s.Coverage.Covered, s.Coverage.Total)))
	p.line(mdRow(l.Get("status"), s.StatusText))
	if s.Counts != "" {
		p.line(mdRow(l.Get("counts"), s.Counts))
	}
	if s.StaleText != "" {
		p.line(mdRow(l.Get("staleColumn"), s.StaleText))
	}
	if v.AnyBudget {
		p.line(mdRow(l.Get("budgetPlanned"), s.BudgetPlanned))
		p.line(mdRow(l.Get("budgetSpent"), s.BudgetSpent))
		p.line(mdRow(l.Get("earnedValue"), s.EarnedValue))
		p.line(mdRow(l.Get("cpi"), s.CPI))
	}
	if v.AnySavings {
		p.line(mdRow(l.Get("fteWords"), s.FTEBoth))
	}
	if v.CancelledNote != "" {
		p.line(mdRow(l.Get("cancelledTitle"), v.CancelledNote))
	}
	if !v.AnySavings {
		p.line("")
		p.line(l.Get("noSavingsAnywhere"))
	}

	p.line("")
	p.line("## " + l.Get("focusAreas"))
	if v.OverlapNote != "" {
		p.line("")
		p.line(v.OverlapNote)
	}
	for _, fa := range v.FocusAreas {
		p.line("")
		p.line("### " + mdEscape(fa.ID+" "+fa.Title))
		p.line("")
		parts := []string{
			l.Get("progress") + c + "**" + fa.ProgressText + "**",
			l.Get("status") + c + fa.StatusText,
			l.Get("coverage") + c + fmt.Sprintf(l.Get("coverageOf"), fa.Coverage.Covered, fa.Coverage.Total),
		}
		if v.AnySavings {
			parts = append(parts, l.Get("fteWords")+c+fa.FTEBoth)
		}
		if v.AnyBudget {
			parts = append(parts, l.Get("budgetPlanned")+c+fa.BudgetPlanned)
		}
		if fa.StaleText != "" {
			parts = append(parts, fa.StaleText)
		}
		p.line(strings.Join(parts, "; ") + ".")
		if fa.GoalOverlap {
			p.line("")
			p.line(l.Get("goalOverlapNote"))
		}
		p.line("")
		head := []string{l.Get("goal"), l.Get("progress"), l.Get("coverage"), l.Get("status"), l.Get("measures"), l.Get("staleColumn")}
		align := "|---|---:|---:|---|---|---|"
		fte := v.AnySavings && fa.HasSavings // no column of "unknown" only
		if fte {
			head, align = append(head, l.Get("fteColumn")), align+"---:|"
		}
		if v.AnyBudget {
			head, align = append(head, l.Get("budgetPlanned"), l.Get("budgetSpent")), align+"---:|---:|"
		}
		p.line(mdRow(head...))
		p.line(align)
		for _, g := range fa.Goals {
			ids := make([]string, len(g.Measures))
			for i, m := range g.Measures {
				ids[i] = m.ID
			}
			measures := l.Get("none")
			if len(ids) > 0 {
				measures = strings.Join(ids, ", ")
			}
			cells := []string{mdEscape(g.ID + " " + g.Title), g.ProgressText, g.CoverageText, g.StatusText,
				mdEscape(measures), g.StaleShort}
			if fte {
				cells = append(cells, g.FTEExpected)
			}
			if v.AnyBudget {
				cells = append(cells, g.BudgetPlanned, g.BudgetSpent)
			}
			p.line(mdRow(cells...))
		}
	}

	mdList(p, l.Get("uncoveredTitle"), l.Get("uncoveredIntro"), v.Uncovered, l)
	mdList(p, l.Get("staleTitle"), fmt.Sprintf(l.Get("staleIntro"), v.StaleAfterDays), v.Stale, l)
	mdList(p, l.Get("divergentTitle"), l.Get("divergentIntro"), v.Divergent, l)
	cancelledIntro := l.Get("cancelledIntro")
	if v.CancelledNote != "" {
		cancelledIntro = v.CancelledNote + "."
	}
	mdList(p, l.Get("cancelledTitle"), cancelledIntro, v.Cancelled, l)

	p.line("")
	p.line("## " + l.Get("purposesTitle"))
	p.line("")
	p.line(l.Get("purposesIntro"))
	p.line("")
	head := []string{l.Get("purpose"), l.Get("measures"), l.Get("staleColumn")}
	align := "|---|---:|---|"
	if v.AnyBudget {
		head = append(head, l.Get("budgetPlanned"), l.Get("budgetSpent"), l.Get("earnedValue"), l.Get("cpi"))
		align += "---:|---:|---:|---:|"
	}
	if v.AnySavings {
		head = append(head, l.Get("fteExpected"), l.Get("fteRealized"))
		align += "---:|---:|"
	}
	p.line(mdRow(head...))
	p.line(align)
	for _, pv := range v.Purposes {
		cells := []string{mdEscape(pv.Label), fmt.Sprint(pv.Measures), pv.StaleShort}
		if v.AnyBudget {
			cells = append(cells, pv.BudgetPlanned, pv.BudgetSpent, pv.EarnedValue, pv.CPI)
		}
		if v.AnySavings {
			cells = append(cells, pv.FTEExpected, pv.FTERealized)
		}
		p.line(mdRow(cells...))
	}
	if v.CancelledNote != "" {
		p.line("")
		p.line(v.CancelledNote + ".")
	}

	p.line("")
	p.line("## " + l.Get("measuresTitle"))
	p.line("")
	head = []string{l.Get("measure"), l.Get("owner"), l.Get("lifecycle"), l.Get("progress"), l.Get("plannedProgress"),
		l.Get("schedule"), l.Get("start"), l.Get("end")}
	align = "|---|---|---|---:|---:|---|---|---|"
	if v.AnyBudget {
		head = append(head, l.Get("budgetPlanned"), l.Get("budgetSpent"), l.Get("cpi"))
		align += "---:|---:|---:|"
	}
	if v.AnySavings {
		head, align = append(head, l.Get("fteMeasure")), align+"---:|"
	}
	p.line(mdRow(head...))
	p.line(align)
	for _, m := range v.Measures {
		schedule := m.StatusText
		if f := m.flags(l); f != "" {
			schedule += " (" + f + ")"
		}
		cells := []string{mdEscape(m.ID + " " + m.Title), mdEscape(m.Owner), m.Lifecycle, m.ProgressText, m.PlannedText,
			schedule, m.StartText, m.EndText}
		if v.AnyBudget {
			cells = append(cells, m.PlannedText2, m.SpentText, m.CPIText)
		}
		if v.AnySavings {
			cells = append(cells, m.FTEText)
		}
		p.line(mdRow(cells...))
	}
	p.line("")
	p.line("## " + l.Get("glossaryTitle"))
	p.line("")
	for _, g := range v.Glossary {
		p.line("- **" + g.Term + "**" + c + g.Text)
	}
	p.line("")
	p.line("_" + l.Get("notice") + "_")
	return p.err
}

// mdList writes a section listing items, or "none".
func mdList(p *textWriter, title, intro string, items []itemView, l labels) {
	p.line("")
	p.line(fmt.Sprintf("## %s (%d)", title, len(items)))
	p.line("")
	p.line(intro)
	p.line("")
	if len(items) == 0 {
		p.line("- " + l.Get("none"))
		return
	}
	for _, it := range items {
		s := "- **" + mdEscape(it.ID) + "** " + mdEscape(it.Title)
		if it.Note != "" {
			s += " (" + mdEscape(it.Note) + ")"
		}
		p.line(s)
	}
}

// mdRow is a table row of already escaped cells.
func mdRow(cells ...string) string {
	return "| " + strings.Join(cells, " | ") + " |"
}

// mdEscaper backslash-escapes the characters that could start markup or
// end a table cell; line breaks become spaces.
var mdEscaper = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`,
	"<", `\<`, ">", `\>`, "|", `\|`, "#", `\#`, "~", `\~`,
	"\r\n", " ", "\n", " ", "\r", " ",
)

// mdEscape makes data text literal in Markdown.
func mdEscape(s string) string { return mdEscaper.Replace(s) }
