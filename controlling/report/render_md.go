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
	p := &textWriter{w: w}
	p.line("# " + mdEscape(v.Title) + ": " + l.Get("report"))
	p.line("")
	if v.PortfolioTitle != "" {
		p.line(l.Get("portfolio") + ": " + mdEscape(v.PortfolioTitle) + "\\")
	}
	p.line(l.Get("asOf") + ": " + v.AsOf)

	s := v.Strategy
	p.line("")
	p.line("## " + l.Get("summary"))
	p.line("")
	p.line("| | |")
	p.line("|---|---|")
	p.line(mdRow(l.Get("progress"), s.ProgressText))
	p.line(mdRow(l.Get("coverage"), fmt.Sprintf(l.Get("coverageOf"), s.Coverage.Covered, s.Coverage.Total)))
	p.line(mdRow(l.Get("status"), s.StatusText))
	if s.Counts != "" {
		p.line(mdRow(l.Get("counts"), s.Counts))
	}
	p.line(mdRow(l.Get("budgetPlanned"), s.BudgetPlanned))
	p.line(mdRow(l.Get("budgetSpent"), s.BudgetSpent))
	p.line(mdRow(l.Get("earnedValue"), s.EarnedValue))
	p.line(mdRow(l.Get("cpi"), s.CPI))
	p.line(mdRow(l.Get("fteExpected"), s.FTEExpected))
	p.line(mdRow(l.Get("fteRealized"), s.FTERealized))

	p.line("")
	p.line("## " + l.Get("focusAreas"))
	for _, fa := range v.FocusAreas {
		p.line("")
		p.line("### " + mdEscape(fa.ID+" "+fa.Title))
		p.line("")
		p.line(fmt.Sprintf("%s: **%s**, %s: %s, %s: %s, %s: %s, %s: %s.",
			l.Get("progress"), fa.ProgressText, l.Get("status"), fa.StatusText,
			l.Get("coverage"), fmt.Sprintf(l.Get("coverageOf"), fa.Coverage.Covered, fa.Coverage.Total),
			l.Get("fteExpected"), fa.FTEExpected, l.Get("budgetPlanned"), fa.BudgetPlanned))
		p.line("")
		p.line(mdRow(l.Get("goal"), l.Get("progress"), l.Get("coverage"), l.Get("status"), l.Get("measures"),
			l.Get("fteExpected"), l.Get("budgetPlanned"), l.Get("budgetSpent")))
		p.line("|---|---:|---:|---|---|---:|---:|---:|")
		for _, g := range fa.Goals {
			ids := make([]string, len(g.Measures))
			for i, m := range g.Measures {
				ids[i] = m.ID
			}
			measures := l.Get("none")
			if len(ids) > 0 {
				measures = strings.Join(ids, ", ")
			}
			p.line(mdRow(mdEscape(g.ID+" "+g.Title), g.ProgressText, g.CoverageText, g.StatusText,
				mdEscape(measures), g.FTEExpected, g.BudgetPlanned, g.BudgetSpent))
		}
	}

	mdList(p, l.Get("uncoveredTitle"), l.Get("uncoveredIntro"), v.Uncovered, l)
	mdList(p, l.Get("staleTitle"), fmt.Sprintf(l.Get("staleIntro"), v.StaleAfterDays), v.Stale, l)
	mdList(p, l.Get("divergentTitle"), l.Get("divergentIntro"), v.Divergent, l)
	mdList(p, l.Get("cancelledTitle"), l.Get("cancelledIntro"), v.Cancelled, l)

	p.line("")
	p.line("## " + l.Get("purposesTitle"))
	p.line("")
	p.line(l.Get("purposesIntro"))
	p.line("")
	p.line(mdRow(l.Get("purpose"), l.Get("measures"), l.Get("budgetPlanned"), l.Get("budgetSpent"),
		l.Get("earnedValue"), l.Get("cpi"), l.Get("fteExpected"), l.Get("fteRealized")))
	p.line("|---|---:|---:|---:|---:|---:|---:|---:|")
	for _, pv := range v.Purposes {
		p.line(mdRow(mdEscape(pv.Label), fmt.Sprint(pv.Measures), pv.BudgetPlanned, pv.BudgetSpent,
			pv.EarnedValue, pv.CPI, pv.FTEExpected, pv.FTERealized))
	}

	p.line("")
	p.line("## " + l.Get("measuresTitle"))
	p.line("")
	p.line(mdRow(l.Get("measure"), l.Get("owner"), l.Get("lifecycle"), l.Get("progress"), l.Get("plannedProgress"),
		l.Get("schedule"), l.Get("start"), l.Get("end"), l.Get("budgetPlanned"), l.Get("budgetSpent"), l.Get("fte")))
	p.line("|---|---|---|---:|---:|---|---|---|---:|---:|---:|")
	for _, m := range v.Measures {
		schedule := m.StatusText
		if f := m.flags(l); f != "" {
			schedule += " (" + f + ")"
		}
		planned, spent := "", ""
		if m.HasBudget {
			planned, spent = FormatCHF(m.BudgetPlanned), FormatCHF(m.BudgetSpent)
		}
		p.line(mdRow(mdEscape(m.ID+" "+m.Title), mdEscape(m.Owner), m.Lifecycle, m.ProgressText, m.PlannedText,
			schedule, m.Start, m.End, planned, spent, m.FTEText))
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
