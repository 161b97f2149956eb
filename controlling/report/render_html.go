package report

import (
	"fmt"
	"html/template"
	"io"
	"strconv"
	"strings"
	"sync"
)

// The HTML formats. The content is one template per section (summary,
// focus-areas, lists, purposes, measures, glossary), so that a section's
// figures can gain a chart without touching the others. HTML is a complete static page: lang attribute,
// one <main>, headings in order, tables with <caption> and scope'd header
// cells, progress as text and as a <progress> bar, an inline <style>, no
// script and no external resource. HTMLFragment is the same content
// without <html>, <head> and <style>, wrapped in a <section
// class="kompass-report">, its headings starting at <h2> so that it fits
// into a page that has its own <h1> (the light-DOM fallback inside
// <kompass-explorer>). Every data text goes through html/template and is
// escaped for its context.

// htmlData is what the templates see.
type htmlData struct {
	*view
	Fragment bool
	Charts   *chartSet // render_charts.go
}

// htmlFuncs are the templates' helpers. The templates are parsed on first
// use (htmlTemplate).
var htmlFuncs = template.FuncMap{
	// h opens (or, with a leading "/", closes) a heading of level n below the
	// document's top: level 1 is <h1> on a page and <h2> in a fragment.
	"h": func(fragment bool, n int) template.HTML {
		if fragment {
			n++
		}
		return template.HTML("<h" + strconv.Itoa(min(n, 6)) + ">")
	},
	"hc": func(fragment bool, n int) template.HTML {
		if fragment {
			n++
		}
		return template.HTML("</h" + strconv.Itoa(min(n, 6)) + ">")
	},
	// num writes a progress value for the value attribute.
	"num":     func(p float64) string { return strconv.FormatFloat(p, 'f', 1, 64) },
	"chf":     FormatCHF,
	"sprintf": func(format string, a ...any) string { return fmt.Sprintf(format, a...) },
	"deref":   func(p *float64) float64 { return *p },
	// items pairs a list with the text shown when it is empty.
	"items": func(items []itemView, none string) itemList { return itemList{Items: items, None: none} },
}

// itemList is a list of items and what to show when it is empty.
type itemList struct {
	Items []itemView
	None  string
}

var htmlTemplate = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("page").Funcs(htmlFuncs).Parse(htmlTemplateText))
})

const htmlTemplateText = `<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}{{.L.Get "colon"}}{{.L.Get "report"}} ({{.AsOfText}})</title>
<style>
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;line-height:1.45;color:#1a1a1a;background:#fff;margin:0}
main{max-width:72rem;margin:0 auto;padding:1rem 1.5rem 3rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem;font-size:.95rem}
caption{text-align:left;font-weight:600;padding:.25rem 0}
th,td{border-bottom:1px solid #d0d0d0;padding:.35rem .5rem;text-align:left;vertical-align:top}
thead th{border-bottom:2px solid #555}
th.n{text-align:right}
td.n{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
.scroll{overflow-x:auto}
progress{width:6rem;height:.8rem;vertical-align:middle;margin-right:.4rem}
.status-late{color:#a4000f;font-weight:600}
.status-at-risk{color:#8a4b00;font-weight:600}
.status-on-track{color:#1f6b2a}
.flag{display:inline-block;border:1px solid currentColor;border-radius:.3rem;padding:0 .3rem;font-size:.85em;margin-left:.3rem}
dl.summary{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}
dl.summary dt{font-weight:600}
dl.summary dd{margin:0}
.headline{font-size:1.1rem;font-weight:600}
.note{max-width:60rem}
dl.glossary dt{font-weight:600;margin-top:.5rem}
dl.glossary dd{margin:0 0 0 1rem;max-width:60rem}
:focus{outline:3px solid #0b57d0;outline-offset:2px}
@media (prefers-color-scheme:dark){body{background:#111;color:#eee}th,td{border-color:#444}.status-late{color:#ff8a8a}.status-at-risk{color:#ffc266}.status-on-track{color:#8fdc9a}}
{{.Charts.CSS}}</style>
</head>
<body>
<main>
{{template "content" .}}
</main>
</body>
</html>
{{define "progress"}}{{if .Progress}}<progress max="100" value="{{num (deref .Progress)}}">{{.ProgressText}}</progress>{{end}}{{.ProgressText}}{{end}}
{{define "status"}}<span class="status-{{.Status}}">{{.StatusText}}</span>{{end}}
{{define "items"}}{{if .Items}}<ul>
{{range .Items}}<li><strong>{{.ID}}</strong> {{.Title}}{{if .Note}} ({{.Note}}){{end}}</li>
{{end}}</ul>{{else}}<p>{{.None}}</p>{{end}}{{end}}
{{define "content"}}{{$f := .Fragment}}{{$l := .L}}{{h $f 1}}{{.Title}}{{$l.Get "colon"}}{{$l.Get "report"}}{{hc $f 1}}
<p>{{if .PortfolioTitle}}{{$l.Get "portfolio"}}{{$l.Get "colon"}}{{.PortfolioTitle}}<br>
{{end}}<time datetime="{{.AsOf}}">{{.DateLine}}</time></p>
{{template "summary" .}}
{{template "focus-areas" .}}
{{template "lists" .}}
{{template "purposes" .}}
{{template "measures" .}}
{{template "indicator-charts" .}}
{{template "glossary" .}}
<p><small>{{$l.Get "notice"}}</small></p>
{{end}}
{{define "summary"}}{{$f := .Fragment}}{{$l := .L}}<section aria-labelledby="kompass-summary">
{{h $f 2}}<span id="kompass-summary">{{$l.Get "summary"}}</span>{{hc $f 2}}
<p class="headline">{{.Headline}}.</p>
<dl class="summary">
<dt>{{$l.Get "progress"}}</dt><dd>{{template "progress" .Strategy}}</dd>
<dt>{{$l.Get "coverage"}}</dt><dd>{{sprintf ($l.Get "coverageOf") .Strategy.Coverage.Covered .Strategy.Coverage.Total}}</dd>
<dt>{{$l.Get "status"}}</dt><dd>{{template "status" .Strategy}}</dd>
{{if .Strategy.Counts}}<dt>{{$l.Get "counts"}}</dt><dd>{{.Strategy.Counts}}</dd>
{{end}}{{if .Strategy.StaleText}}<dt>{{$l.Get "staleColumn"}}</dt><dd>{{.Strategy.StaleText}}</dd>
{{end}}{{if .AnyBudget}}<dt>{{$l.Get "budgetPlanned"}}</dt><dd>{{.Strategy.BudgetPlanned}}</dd>
<dt>{{$l.Get "budgetSpent"}}</dt><dd>{{.Strategy.BudgetSpent}}</dd>
<dt>{{$l.Get "earnedValue"}}</dt><dd>{{.Strategy.EarnedValue}}</dd>
<dt>{{$l.Get "cpi"}}</dt><dd>{{.Strategy.CPI}}</dd>
{{end}}{{if .AnySavings}}<dt>{{$l.Get "fteWords"}}</dt><dd>{{.Strategy.FTEBoth}}</dd>
{{end}}{{if .CancelledNote}}<dt>{{$l.Get "cancelledTitle"}}</dt><dd>{{.CancelledNote}}</dd>
{{end}}</dl>
{{if not .AnySavings}}<p>{{$l.Get "noSavingsAnywhere"}}</p>
{{end}}{{.Charts.Status}}
</section>
{{end}}
{{define "focus-areas"}}{{$f := .Fragment}}{{$l := .L}}{{$v := .}}<section aria-labelledby="kompass-focus-areas">
{{h $f 2}}<span id="kompass-focus-areas">{{$l.Get "focusAreas"}}</span>{{hc $f 2}}
{{.Charts.Overview}}{{if .OverlapNote}}<p class="note">{{.OverlapNote}}</p>
{{end}}{{range .FocusAreas}}{{h $f 3}}{{.ID}} {{.Title}}{{hc $f 3}}
<p>{{$l.Get "progress"}}{{$l.Get "colon"}}{{template "progress" .}}; {{$l.Get "status"}}{{$l.Get "colon"}}{{template "status" .}}; {{sprintf ($l.Get "coverageOf") .Coverage.Covered .Coverage.Total}}{{if $v.AnySavings}}; {{$l.Get "fteWords"}}{{$l.Get "colon"}}{{.FTEBoth}}{{end}}{{if $v.AnyBudget}}; {{$l.Get "budgetPlanned"}}{{$l.Get "colon"}}{{.BudgetPlanned}}{{end}}{{if .StaleText}}; {{.StaleText}}{{end}}.</p>
{{index $v.Charts.FocusStatus .ID}}
{{if .GoalOverlap}}<p class="note">{{$l.Get "goalOverlapNote"}}</p>
{{end}}<div class="scroll" role="region" tabindex="0" aria-label="{{$l.Get "goals"}}: {{.ID}} {{.Title}}">
<table>
<caption>{{$l.Get "goals"}}{{$l.Get "colon"}}{{.ID}} {{.Title}}</caption>
<thead><tr><th scope="col">{{$l.Get "goal"}}</th><th scope="col">{{$l.Get "progress"}}</th><th scope="col" class="n">{{$l.Get "coverage"}}</th><th scope="col">{{$l.Get "status"}}</th><th scope="col">{{$l.Get "measures"}}</th><th scope="col">{{$l.Get "staleColumn"}}</th>{{if and $v.AnySavings .HasSavings}}<th scope="col" class="n">{{$l.Get "fteColumn"}}</th>{{end}}{{if $v.AnyBudget}}<th scope="col" class="n">{{$l.Get "budgetPlanned"}}</th><th scope="col" class="n">{{$l.Get "budgetSpent"}}</th>{{end}}</tr></thead>
<tbody>
{{$fte := and $v.AnySavings .HasSavings}}{{range .Goals}}<tr><th scope="row">{{.ID}} {{.Title}}</th><td>{{template "progress" .}}</td><td class="n">{{.CoverageText}}</td><td>{{template "status" .}}</td><td>{{range $i, $m := .Measures}}{{if $i}}, {{end}}<abbr title="{{$m.Title}}">{{$m.ID}}</abbr>{{else}}{{$l.Get "none"}}{{end}}</td><td>{{.StaleShort}}</td>{{if $fte}}<td class="n">{{.FTEExpected}}</td>{{end}}{{if $v.AnyBudget}}<td class="n">{{.BudgetPlanned}}</td><td class="n">{{.BudgetSpent}}</td>{{end}}</tr>
{{end}}</tbody>
</table>
</div>
{{end}}</section>
{{end}}
{{define "lists"}}{{$f := .Fragment}}{{$l := .L}}<section aria-labelledby="kompass-uncovered">
{{h $f 2}}<span id="kompass-uncovered">{{$l.Get "uncoveredTitle"}} ({{len .Uncovered}})</span>{{hc $f 2}}
<p>{{$l.Get "uncoveredIntro"}}</p>
{{template "items" (items .Uncovered ($l.Get "none"))}}
</section>
<section aria-labelledby="kompass-stale">
{{h $f 2}}<span id="kompass-stale">{{$l.Get "staleTitle"}} ({{len .Stale}})</span>{{hc $f 2}}
<p>{{sprintf ($l.Get "staleIntro") .StaleAfterDays}}</p>
{{template "items" (items .Stale ($l.Get "none"))}}
</section>
<section aria-labelledby="kompass-divergent">
{{h $f 2}}<span id="kompass-divergent">{{$l.Get "divergentTitle"}} ({{len .Divergent}})</span>{{hc $f 2}}
<p>{{$l.Get "divergentIntro"}}</p>
{{template "items" (items .Divergent ($l.Get "none"))}}
</section>
<section aria-labelledby="kompass-cancelled">
{{h $f 2}}<span id="kompass-cancelled">{{$l.Get "cancelledTitle"}} ({{len .Cancelled}})</span>{{hc $f 2}}
<p>{{if .CancelledNote}}{{.CancelledNote}}.{{else}}{{$l.Get "cancelledIntro"}}{{end}}</p>
{{template "items" (items .Cancelled ($l.Get "none"))}}
</section>
{{end}}
{{define "purposes"}}{{$f := .Fragment}}{{$l := .L}}{{$v := .}}<section aria-labelledby="kompass-purposes">
{{h $f 2}}<span id="kompass-purposes">{{$l.Get "purposesTitle"}}</span>{{hc $f 2}}
<div class="scroll" role="region" tabindex="0" aria-label="{{$l.Get "purposesTitle"}}">
<table>
<caption>{{$l.Get "purposesIntro"}}</caption>
<thead><tr><th scope="col">{{$l.Get "purpose"}}</th><th scope="col" class="n">{{$l.Get "measures"}}</th><th scope="col">{{$l.Get "staleColumn"}}</th>{{if .AnyBudget}}<th scope="col" class="n">{{$l.Get "budgetPlanned"}}</th><th scope="col" class="n">{{$l.Get "budgetSpent"}}</th><th scope="col" class="n">{{$l.Get "earnedValue"}}</th><th scope="col" class="n">{{$l.Get "cpi"}}</th>{{end}}{{if .AnySavings}}<th scope="col" class="n">{{$l.Get "fteExpected"}}</th><th scope="col" class="n">{{$l.Get "fteRealized"}}</th>{{end}}</tr></thead>
<tbody>
{{range .Purposes}}<tr><th scope="row">{{.Label}}</th><td class="n">{{.Measures}}</td><td>{{.StaleShort}}</td>{{if $v.AnyBudget}}<td class="n">{{.BudgetPlanned}}</td><td class="n">{{.BudgetSpent}}</td><td class="n">{{.EarnedValue}}</td><td class="n">{{.CPI}}</td>{{end}}{{if $v.AnySavings}}<td class="n">{{.FTEExpected}}</td><td class="n">{{.FTERealized}}</td>{{end}}</tr>
{{end}}</tbody>
</table>
</div>
{{if .CancelledNote}}<p class="note">{{.CancelledNote}}.</p>
{{end}}</section>
{{end}}
{{define "measures"}}{{$f := .Fragment}}{{$l := .L}}{{$v := .}}<section aria-labelledby="kompass-measures">
{{h $f 2}}<span id="kompass-measures">{{$l.Get "measuresTitle"}}</span>{{hc $f 2}}
<div class="scroll" role="region" tabindex="0" aria-label="{{$l.Get "measuresTitle"}}">
<table>
<caption>{{$l.Get "measuresTitle"}} ({{len .Measures}})</caption>
<thead><tr><th scope="col">{{$l.Get "measure"}}</th><th scope="col">{{$l.Get "owner"}}</th><th scope="col">{{$l.Get "lifecycle"}}</th><th scope="col">{{$l.Get "progress"}}</th><th scope="col" class="n">{{$l.Get "plannedProgress"}}</th><th scope="col">{{$l.Get "schedule"}}</th><th scope="col">{{$l.Get "start"}}</th><th scope="col">{{$l.Get "end"}}</th>{{if .AnyBudget}}<th scope="col" class="n">{{$l.Get "budgetPlanned"}}</th><th scope="col" class="n">{{$l.Get "budgetSpent"}}</th><th scope="col" class="n">{{$l.Get "cpi"}}</th>{{end}}{{if .AnySavings}}<th scope="col" class="n">{{$l.Get "fteMeasure"}}</th>{{end}}</tr></thead>
<tbody>
{{range .Measures}}<tr><th scope="row">{{.ID}} {{.Title}}</th><td>{{if .OwnerName}}<abbr title="{{.OwnerName}}">{{.Owner}}</abbr>{{end}}</td><td>{{.Lifecycle}}</td><td><progress max="100" value="{{num .Progress}}">{{.ProgressText}}</progress>{{.ProgressText}}</td><td class="n">{{.PlannedText}}</td><td><span class="status-{{.Status}}">{{.StatusText}}</span>{{if .Stale}} <span class="flag">{{$l.Get "stale"}}</span>{{end}}{{if .Divergent}} <span class="flag">{{$l.Get "divergent"}}</span>{{end}}</td><td>{{if .Start}}<time datetime="{{.Start}}">{{.StartText}}</time>{{end}}</td><td>{{if .End}}<time datetime="{{.End}}">{{.EndText}}</time>{{end}}</td>{{if $v.AnyBudget}}<td class="n">{{.PlannedText2}}</td><td class="n">{{.SpentText}}</td><td class="n">{{.CPIText}}</td>{{end}}{{if $v.AnySavings}}<td class="n">{{.FTEText}}</td>{{end}}</tr>
{{end}}</tbody>
</table>
</div>
</section>
{{end}}
{{define "glossary"}}{{$f := .Fragment}}{{$l := .L}}<section aria-labelledby="kompass-glossary">
{{h $f 2}}<span id="kompass-glossary">{{$l.Get "glossaryTitle"}}</span>{{hc $f 2}}
<dl class="glossary">
{{range .Glossary}}<dt>{{.Term}}</dt><dd>{{.Text}}</dd>
{{end}}</dl>
</section>
{{end}}
{{define "indicator-charts"}}{{$f := .Fragment}}{{$l := .L}}{{if .Charts.Indicators}}<section aria-labelledby="kompass-indicators">
{{h $f 2}}<span id="kompass-indicators">{{$l.Get "indicators"}}</span>{{hc $f 2}}
{{range .Charts.Indicators}}{{h $f 3}}{{.ID}} {{.Title}}{{hc $f 3}}
{{.Charts}}{{end}}</section>
{{end}}{{end}}
{{define "fragment"}}<section class="kompass-report" lang="{{.Lang}}">
{{template "content" .}}</section>
{{end}}`

// renderHTML writes v as a page or, with fragment, as its content only.
func renderHTML(w io.Writer, v *view, charts *chartSet, fragment bool) error {
	name := "page"
	if fragment {
		name = "fragment"
	}
	typo := typography(v.Lang)
	if typo == nil {
		if err := htmlTemplate().ExecuteTemplate(w, name, htmlData{view: v, Fragment: fragment, Charts: charts}); err != nil {
			return fmt.Errorf("report: render html: %w", err)
		}
		return nil
	}
	var b strings.Builder
	if err := htmlTemplate().ExecuteTemplate(&b, name, htmlData{view: v, Fragment: fragment, Charts: charts}); err != nil {
		return fmt.Errorf("report: render html: %w", err)
	}
	// The page's own CSS has no space before a colon or semicolon, so
	// only text changes.
	_, err := typo.WriteString(w, b.String())
	return err
}
