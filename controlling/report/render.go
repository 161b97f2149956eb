package report

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/bl-digital/kompass/controlling"
	"github.com/bl-digital/kompass/portfolio"
	"github.com/bl-digital/kompass/strategy"
)

// Format is an output format of a report.
type Format string

const (
	// Text is for a terminal: aligned columns and progress bars.
	Text Format = "text"
	// Markdown is for a paper, such as a report to parliament.
	Markdown Format = "md"
	// HTML is a complete, static, accessible HTML page with inline CSS.
	HTML Format = "html"
	// HTMLFragment is the content of HTML without <html>, <head>
	// and <style>: the light-DOM fallback inside <kompass-explorer>.
	HTMLFragment Format = "html-fragment"
	// CSV is one row per measure, ';'-separated UTF-8 with a BOM.
	CSV Format = "csv"
	// JSON is the Report marshalled, indented.
	JSON Format = "json"
)

// Formats lists every Format a report renders to.
var Formats = []Format{Text, Markdown, HTML, HTMLFragment, CSV, JSON}

// DiffFormats lists the formats a snapshot diff renders to.
var DiffFormats = []Format{Text, Markdown, JSON}

// ErrUnknownFormat is returned, wrapped, for a format that is not in Formats.
var ErrUnknownFormat = errors.New("unknown format")

// ParseFormat returns the Format named s ("text", "md", "html",
// "html-fragment", "csv", "json"); "markdown" is accepted for "md".
func ParseFormat(s string) (Format, error) {
	if s == "markdown" {
		return Markdown, nil
	}
	for _, f := range Formats {
		if string(f) == s {
			return f, nil
		}
	}
	return "", fmt.Errorf("%w %q (want text, md, html, html-fragment, csv or json)", ErrUnknownFormat, s)
}

// String is the format's name.
func (f Format) String() string { return string(f) }

// ContentType is the media type of the format, for HTTP answers.
func (f Format) ContentType() string {
	switch f {
	case Markdown:
		return "text/markdown; charset=utf-8"
	case HTML, HTMLFragment:
		return "text/html; charset=utf-8"
	case CSV:
		return "text/csv; charset=utf-8"
	case JSON:
		return "application/json"
	}
	return "text/plain; charset=utf-8"
}

// Renderer writes reports. The zero value renders in German with Unicode
// progress bars.
type Renderer struct {
	// Lang is the language of data texts and labels: de, fr, it or en. Empty
	// means de; data texts missing in Lang fall back to German (Text.In).
	// Any other language is an error (ErrUnknownLanguage).
	Lang string
	// ASCII draws the text format's progress bars with '#' and '.' instead
	// of block characters, for terminals without Unicode.
	ASCII bool
	// All lists every measure in a diff's text and Markdown, not only the
	// ones that changed.
	All bool
}

// Render writes r in format f with data texts and labels in lang; it is
// Renderer{Lang: lang}.Render.
func Render(w io.Writer, r *controlling.Report, f Format, lang string) error {
	return Renderer{Lang: lang}.Render(w, r, f)
}

// Render writes r in format f. Names and texts come from r.Source and
// r.Portfolio; without them, renderers show ids. Output is deterministic.
func (rd Renderer) Render(w io.Writer, r *controlling.Report, f Format) error {
	if r == nil {
		return errors.New("report: render: nil report")
	}
	lang, err := rd.language()
	if err != nil {
		return err
	}
	if f == JSON {
		return renderJSON(w, r)
	}
	v := newView(r, lang)
	bw := bufio.NewWriter(w)
	switch f {
	case Text:
		err = renderText(bw, v, rd.ASCII)
	case Markdown:
		err = renderMarkdown(bw, v)
	case HTML:
		err = renderHTML(bw, v, newCharts(r, v.Lang), false)
	case HTMLFragment:
		err = renderHTML(bw, v, newCharts(r, v.Lang), true)
	case CSV:
		err = renderCSV(bw, v)
	default:
		return fmt.Errorf("report: render: %w %q", ErrUnknownFormat, string(f))
	}
	if err != nil {
		return err
	}
	return bw.Flush()
}

// ErrUnknownLanguage is returned, wrapped, for a language other than de,
// fr, it and en.
var ErrUnknownLanguage = errors.New("unknown language")

// language is the renderer's language, de when empty.
func (rd Renderer) language() (string, error) {
	if rd.Lang == "" {
		return "de", nil
	}
	if !slices.Contains(strategy.Languages(), rd.Lang) {
		return "", fmt.Errorf("report: %w %q (want de, fr, it or en)", ErrUnknownLanguage, rd.Lang)
	}
	return rd.Lang, nil
}

// view is a report with its names resolved and its figures formatted in
// one language: what every human-readable renderer shows.
type view struct {
	Lang           string
	L              labels
	Title          string // the strategy's title, or its id
	PortfolioTitle string
	AsOf           string // YYYY-MM-DD, for machines (<time datetime>)
	AsOfText       string // the date in the language: 31.10.2026
	// DateLine says which date the figures are of: "Stand: 31.10.2026",
	// or both dates when they differ ("Datenstand 31.10.2026, berechnet
	// per 30.06.2027").
	DateLine       string
	StaleAfterDays int
	Strategy       rollupView
	// Headline says what the strategy's progress covers.
	Headline string
	// OverlapNote says why the focus areas add up to more than the
	// strategy; empty when they do not.
	OverlapNote string
	// CancelledNote sums the cancelled measures and their money; empty
	// without cancelled measures.
	CancelledNote string
	// AnySavings and AnyBudget are false when no measure has savings data
	// (a budget): the columns are then left out and said so once.
	AnySavings bool
	AnyBudget  bool
	FocusAreas []focusView
	Measures   []measureView
	Purposes   []purposeView
	Cancelled  []itemView
	Uncovered  []itemView
	Stale      []itemView
	Divergent  []itemView
	Glossary   []glossaryItem
}

// glossaryItem is a term a figure uses and what it means.
type glossaryItem struct{ Term, Text string }

// rollupView is a formatted Rollup.
type rollupView struct {
	Progress     *float64
	ProgressText string // "42.5 %" or the unknown label
	Coverage     controlling.Coverage
	CoverageText string // "18/20"
	Status       controlling.ScheduleStatus
	StatusText   string
	Counts       string // "2 im Verzug, 3 auf Kurs"
	MeasureCount int    // the measures rolled up
	// StaleText is "2 von 5 Massnahmen seit über 6 Monaten nicht
	// aktualisiert", empty when none is stale; StaleShort is "2 von 5", or
	// "alle aktuell", or the unknown label without measures.
	StaleText     string
	StaleShort    string
	StaleCount    int
	FTEExpected   string
	FTERealized   string
	FTEBoth       string // "30.95 / 3.87"
	BudgetPlanned string
	BudgetSpent   string
	EarnedValue   string
	CPI           string
	// HasSavings and HasBudget tell whether any measure rolled up has
	// savings data (a budget); without, a table of its parts leaves the
	// column out rather than repeating "unknown" on every row.
	HasSavings bool
	HasBudget  bool
}

type focusView struct {
	ID    string
	Title string
	rollupView
	Goals []goalView
	// GoalOverlap is true when the goal rows add up to more measures than
	// the focus area has.
	GoalOverlap bool
}

type goalView struct {
	ID    string
	Title string
	rollupView
	Measures []itemView
}

type measureView struct {
	ID              string
	Title           string
	Owner           string // the owner's id
	OwnerName       string
	Lifecycle       string // the owner's status, as a label
	Status          controlling.ScheduleStatus
	StatusText      string
	Progress        float64
	ProgressText    string
	PlannedProgress float64
	PlannedText     string
	Start, End      string // YYYY-MM-DD of the first and last day
	StartText       string // the start as written, in the language's date format
	EndText         string
	FocusAreas      []string
	Goals           []string
	HasBudget       bool
	BudgetPlanned   float64
	BudgetSpent     float64
	PlannedText2    string // the planned budget, or the unknown label
	SpentText       string
	EarnedValue     *float64
	CPI             *float64
	EVText          string
	CPIText         string
	HasSavings      bool
	FTE             float64
	FTEText         string // the FTE, or "keine Einsparungsdaten"
	Stale           bool
	Divergent       bool
}

type purposeView struct {
	Label         string
	Measures      int
	BudgetPlanned string
	BudgetSpent   string
	EarnedValue   string
	CPI           string
	FTEExpected   string
	FTERealized   string
	StaleShort    string
}

// itemView is a measure or goal in a list, with a note such as why it is listed.
type itemView struct {
	ID    string
	Title string
	Note  string
}

// members says which data a set of measures has: savings, a budget.
type members struct {
	n                int
	savings, budgets bool
}

func newView(r *controlling.Report, lang string) *view {
	l := labelsFor(lang)
	v := &view{Lang: lang, L: l, AsOf: r.AsOf.String(), AsOfText: formatDate(r.AsOf, lang)}
	v.DateLine = l.Get("asOf") + l.Get("colon") + v.AsOfText
	if pa := r.PortfolioAsOf; pa != nil && !pa.IsZero() && !pa.Last().Equal(r.AsOf.Last()) {
		v.DateLine = fmt.Sprintf(l.Get("dataAsOf"), formatDate(*pa, lang), v.AsOfText)
	}
	o := r.Options
	v.StaleAfterDays = o.StaleAfterDays
	if v.StaleAfterDays == 0 {
		v.StaleAfterDays = controlling.DefaultStaleAfterDays
	}
	n := newNamer(r, lang)
	v.Title = clean(string(r.Strategy.ID))
	if r.Source != nil {
		if t := r.Source.Title.In(lang); t != "" {
			v.Title = clean(t)
		}
	}
	if r.Portfolio != nil {
		v.PortfolioTitle = clean(r.Portfolio.Title.In(lang))
	}
	// What data the measures have, for "unknown" rather than 0.
	has := func(ids []strategy.ID, into *members) {
		for _, id := range ids {
			into.n++
			if pm := n.measures[id]; pm != nil {
				into.savings = into.savings || pm.Savings != nil
				into.budgets = into.budgets || pm.Budget != nil
			} else if r.Portfolio == nil {
				into.savings, into.budgets = true, true // no sources: trust the sums
			}
		}
	}
	seenAll := map[strategy.ID]bool{}
	var all members
	sumAreas, sumAreaBudget, sumAreaFTE := 0, 0.0, 0.0
	for _, fa := range r.FocusAreas {
		seen := map[strategy.ID]bool{}
		var area members
		goalSum := 0
		fv := focusView{ID: clean(string(fa.ID)), Title: n.focusArea(fa.ID)}
		for _, g := range fa.Goals {
			var gm members
			has(g.Measures, &gm)
			goalSum += len(g.Measures)
			for _, id := range g.Measures {
				if !seen[id] {
					seen[id] = true
					has([]strategy.ID{id}, &area)
				}
				if !seenAll[id] {
					seenAll[id] = true
					has([]strategy.ID{id}, &all)
				}
			}
			gv := goalView{ID: clean(string(g.ID)), Title: n.goal(g.ID), rollupView: v.rollup(&g.Rollup, gm)}
			for _, id := range g.Measures {
				gv.Measures = append(gv.Measures, itemView{ID: clean(string(id)), Title: n.measure(id)})
			}
			fv.Goals = append(fv.Goals, gv)
		}
		fv.rollupView = v.rollup(&fa.Rollup, area)
		fv.GoalOverlap = goalSum > fv.MeasureCount
		sumAreas += fv.MeasureCount
		sumAreaBudget += fa.Budget.Planned
		sumAreaFTE += fa.FTE.Expected
		v.FocusAreas = append(v.FocusAreas, fv)
	}
	if r.Portfolio != nil {
		for i := range r.Portfolio.Measures {
			pm := &r.Portfolio.Measures[i]
			v.AnySavings = v.AnySavings || pm.Savings != nil
			v.AnyBudget = v.AnyBudget || pm.Budget != nil
		}
	} else {
		v.AnySavings, v.AnyBudget = true, true
	}
	v.Strategy = v.rollup(&r.Strategy.Rollup, all)
	v.Headline = headline(&r.Strategy.Rollup, v.Strategy.ProgressText, l)
	if sumAreas > v.Strategy.MeasureCount {
		parts := []string{fmt.Sprintf(l.Get("overlapMeasures"), sumAreas, v.Strategy.MeasureCount)}
		if v.AnyBudget {
			parts = append(parts, fmt.Sprintf(l.Get("overlapBudget"), FormatCHF(sumAreaBudget), FormatCHF(r.Strategy.Budget.Planned)))
		}
		if v.AnySavings {
			parts = append(parts, fmt.Sprintf(l.Get("overlapFTE"), FormatNumber(sumAreaFTE, 2), FormatNumber(r.Strategy.FTE.Expected, 2)))
		}
		v.OverlapNote = fmt.Sprintf(l.Get("overlapNote"), strings.Join(parts, ", "))
	}
	if ct := r.CancelledTotals; ct.Measures > 0 {
		key := "cancelledMoney"
		if ct.Measures == 1 {
			key = "cancelledMoneyOne"
		}
		v.CancelledNote = fmt.Sprintf(l.Get(key), ct.Measures, FormatCHF(ct.Planned), FormatCHF(ct.Spent))
	}
	// Goals and focus areas of each measure as the report links them, for
	// reports without a portfolio or strategy to tell.
	n.linked = map[strategy.ID]*links{}
	for _, fa := range r.FocusAreas {
		for _, g := range fa.Goals {
			for _, id := range g.Measures {
				ln := n.linked[id]
				if ln == nil {
					ln = &links{}
					n.linked[id] = ln
				}
				ln.goals = append(ln.goals, clean(string(g.ID)))
				if !slices.Contains(ln.areas, clean(string(fa.ID))) {
					ln.areas = append(ln.areas, clean(string(fa.ID)))
				}
			}
		}
	}
	figures := make(map[strategy.ID]*controlling.Measure, len(r.Measures))
	for i := range r.Measures {
		m := &r.Measures[i]
		figures[m.ID] = m
		v.Measures = append(v.Measures, n.measureView(m, l))
	}
	purposeData := map[string]*members{}
	if r.Portfolio != nil {
		for i := range r.Portfolio.Measures {
			pm := &r.Portfolio.Measures[i]
			if pm.Status == portfolio.Cancelled {
				continue
			}
			m := purposeData[string(pm.Purpose)]
			if m == nil {
				m = &members{}
				purposeData[string(pm.Purpose)] = m
			}
			m.savings = m.savings || pm.Savings != nil
			m.budgets = m.budgets || pm.Budget != nil
		}
	}
	for _, p := range r.Purposes {
		key := ""
		if p.Purpose != nil {
			key = string(*p.Purpose)
		}
		data := members{savings: true, budgets: true}
		if m := purposeData[key]; r.Portfolio != nil && m != nil {
			data = *m
		}
		pv := purposeView{
			Label:         PurposeLabel(p.Purpose, lang),
			Measures:      p.Measures,
			BudgetPlanned: FormatCHF(p.Budget.Planned),
			BudgetSpent:   FormatCHF(p.Budget.Spent),
			EarnedValue:   FormatCHF(p.Budget.EarnedValue),
			CPI:           formatRatio(p.Budget.CPI, l),
			FTEExpected:   FormatNumber(p.FTE.Expected, 2),
			FTERealized:   FormatNumber(p.FTE.Realized, 2),
			StaleShort:    v.staleShort(p.StaleCount, p.Measures),
		}
		if !data.savings {
			pv.FTEExpected, pv.FTERealized = l.Get("unknown"), l.Get("unknown")
		}
		if !data.budgets {
			pv.BudgetPlanned, pv.BudgetSpent, pv.EarnedValue = l.Get("unknown"), l.Get("unknown"), l.Get("unknown")
		}
		v.Purposes = append(v.Purposes, pv)
	}
	for _, id := range r.Cancelled {
		note := n.ownerOf(id)
		if pm := n.portfolioMeasure(id); pm != nil && pm.Budget != nil {
			if note != "" {
				note += ", "
			}
			note += fmt.Sprintf(l.Get("cancelledSpent"), FormatCHF(pm.Budget.Spent), FormatCHF(pm.Budget.Planned))
		}
		v.Cancelled = append(v.Cancelled, itemView{ID: clean(string(id)), Title: n.measure(id), Note: note})
	}
	for _, id := range r.Uncovered {
		v.Uncovered = append(v.Uncovered, itemView{ID: clean(string(id)), Title: n.goal(id), Note: n.focusAreaOfGoal(id)})
	}
	for _, id := range r.Stale {
		note := l.Get("updated") + l.Get("colon") + l.Get("never")
		if pm := n.portfolioMeasure(id); pm != nil && !pm.Updated.IsZero() {
			note = l.Get("updated") + l.Get("colon") + formatDate(pm.Updated, lang)
		}
		v.Stale = append(v.Stale, itemView{ID: clean(string(id)), Title: n.measure(id), Note: note})
	}
	for _, id := range r.Divergent {
		note := ""
		if pm := n.portfolioMeasure(id); pm != nil && pm.SelfAssessment != nil {
			note = l.Get("selfAssessment") + l.Get("colon") + StatusLabel(controlling.ScheduleStatus(pm.SelfAssessment.Status), lang)
		}
		if f := figures[id]; f != nil {
			if note != "" {
				note += ", "
			}
			note += l.Get("computed") + l.Get("colon") + StatusLabel(f.Status, lang)
		}
		v.Divergent = append(v.Divergent, itemView{ID: clean(string(id)), Title: n.measure(id), Note: note})
	}
	v.Glossary = glossary(o, v.StaleAfterDays, l, v.AnyBudget, v.AnySavings)
	return v
}

// headline says what the strategy's progress covers.
func headline(r *controlling.Rollup, progress string, l labels) string {
	c := r.Coverage
	switch {
	case r.Progress == nil || c.Covered == 0:
		return fmt.Sprintf(l.Get("headlineNone"), c.Total)
	case c.Covered >= c.Total:
		return fmt.Sprintf(l.Get("headlineAll"), progress, c.Total)
	}
	left := c.Total - c.Covered
	key := "uncoveredOther"
	if left == 1 {
		key = "uncoveredOne"
	}
	return fmt.Sprintf(l.Get("headlinePart"), progress, c.Covered, c.Total, fmt.Sprintf(l.Get(key), left))
}

// glossary explains every term a figure of the report uses, with the
// report's thresholds; earned value and CPI only when some measure has a
// budget, FTE only when some measure has savings data.
func glossary(o controlling.Options, staleDays int, l labels, budget, savings bool) []glossaryItem {
	num := func(v, def float64) string {
		if v == 0 {
			v = def
		}
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	g := []glossaryItem{
		{l.Get("g:progress"), l.Get("g:progressText")},
		{l.Get("g:planned"), l.Get("g:plannedText")},
		{l.Get("g:thresholds"), fmt.Sprintf(l.Get("g:thresholdsText"), num(o.AtRisk, controlling.DefaultAtRisk), num(o.Late, controlling.DefaultLate))},
		{l.Get("g:coverage"), l.Get("g:coverageText")},
	}
	if budget {
		g = append(g, glossaryItem{l.Get("g:ev"), l.Get("g:evText")}, glossaryItem{l.Get("g:cpi"), l.Get("g:cpiText")})
	}
	if savings {
		g = append(g, glossaryItem{l.Get("g:fte"), fmt.Sprintf(l.Get("g:fteText"), num(o.HoursPerDay, controlling.DefaultHoursPerDay))})
	}
	return append(g,
		glossaryItem{l.Get("g:stale"), fmt.Sprintf(l.Get("g:staleText"), staleDays)},
		glossaryItem{l.Get("g:divergent"), l.Get("g:divergentText")},
		glossaryItem{l.Get("unknown"), l.Get("g:unknownText")})
}

// staleSpan is "6 Monaten" for the default 183 days, else "N Tagen".
func (v *view) staleSpan() string {
	if v.StaleAfterDays == controlling.DefaultStaleAfterDays {
		return fmt.Sprintf(v.L.Get("staleMonths"), 6)
	}
	return fmt.Sprintf(v.L.Get("staleDays"), v.StaleAfterDays)
}

// staleShort is "2 von 5", "alle aktuell", or unknown without measures.
func (v *view) staleShort(stale, of int) string {
	switch {
	case of == 0:
		return v.L.Get("unknown")
	case stale == 0:
		return v.L.Get("allCurrent")
	}
	return fmt.Sprintf(v.L.Get("staleShort"), stale, of)
}

func (v *view) rollup(r *controlling.Rollup, m members) rollupView {
	l, lang := v.L, v.Lang
	unknown := l.Get("unknown")
	n := 0
	for _, c := range r.Counts {
		n += c
	}
	rv := rollupView{
		Progress:      r.Progress,
		ProgressText:  formatPercentPtr(r.Progress, l),
		Coverage:      r.Coverage,
		CoverageText:  fmt.Sprintf("%d/%d", r.Coverage.Covered, r.Coverage.Total),
		Status:        r.Status,
		StatusText:    StatusLabel(r.Status, lang),
		MeasureCount:  n,
		StaleCount:    r.StaleCount,
		StaleShort:    v.staleShort(r.StaleCount, n),
		FTEExpected:   unknown,
		FTERealized:   unknown,
		FTEBoth:       unknown,
		BudgetPlanned: unknown,
		BudgetSpent:   unknown,
		EarnedValue:   unknown,
		CPI:           formatRatio(r.Budget.CPI, l),
	}
	if r.StaleCount > 0 {
		rv.StaleText = fmt.Sprintf(l.Get("staleOf"), r.StaleCount, n, v.staleSpan())
	}
	rv.HasSavings, rv.HasBudget = m.savings, m.budgets
	if m.savings {
		rv.FTEExpected, rv.FTERealized = FormatNumber(r.FTE.Expected, 2), FormatNumber(r.FTE.Realized, 2)
		rv.FTEBoth = rv.FTEExpected + " / " + rv.FTERealized
	} else if n > 0 {
		rv.FTEBoth = l.Get("noSavings")
	}
	if m.budgets {
		rv.BudgetPlanned, rv.BudgetSpent = FormatCHF(r.Budget.Planned), FormatCHF(r.Budget.Spent)
		rv.EarnedValue = FormatCHF(r.Budget.EarnedValue)
	}
	var counts []string
	for _, s := range controlling.RollupStatuses {
		if c := r.Counts[s]; c > 0 {
			counts = append(counts, strconv.Itoa(c)+" "+StatusLabel(s, lang))
		}
	}
	rv.Counts = strings.Join(counts, ", ")
	return rv
}

// formatPercentPtr formats a percentage, or the unknown label for nil.
func formatPercentPtr(p *float64, l labels) string {
	if p == nil {
		return l.Get("unknown")
	}
	return FormatPercent(*p)
}

// formatCHFPtr formats an amount, or the unknown label for nil.
func formatCHFPtr(p *float64, l labels) string {
	if p == nil {
		return l.Get("unknown")
	}
	return FormatCHF(*p)
}

// formatRatio formats a ratio such as a CPI with two decimals, or the
// unknown label for nil.
func formatRatio(p *float64, l labels) string {
	if p == nil {
		return l.Get("unknown")
	}
	return FormatNumber(*p, 2)
}

// namer resolves ids to names in one language, falling back to the id when
// the report carries no source or the id is not found.
type namer struct {
	lang     string
	source   *strategy.Strategy
	measures map[strategy.ID]*portfolio.Measure
	orgs     map[strategy.ID]*portfolio.Organisation
	linked   map[strategy.ID]*links // set by newView
}

// links are the goal and focus area ids a measure counts in.
type links struct{ goals, areas []string }

func newNamer(r *controlling.Report, lang string) *namer {
	n := &namer{lang: lang, source: r.Source,
		measures: map[strategy.ID]*portfolio.Measure{}, orgs: map[strategy.ID]*portfolio.Organisation{}}
	if p := r.Portfolio; p != nil {
		for i := range p.Measures {
			if _, dup := n.measures[p.Measures[i].ID]; !dup {
				n.measures[p.Measures[i].ID] = &p.Measures[i]
			}
		}
		for i := range p.Organisations {
			if _, dup := n.orgs[p.Organisations[i].ID]; !dup {
				n.orgs[p.Organisations[i].ID] = &p.Organisations[i]
			}
		}
	}
	return n
}

func orID(t strategy.Text, lang string, id strategy.ID) string {
	if s := t.In(lang); s != "" {
		return clean(s)
	}
	return clean(string(id))
}

func (n *namer) focusArea(id strategy.ID) string {
	if n.source != nil {
		if fa, ok := n.source.FocusArea(id); ok {
			return orID(fa.Title, n.lang, id)
		}
	}
	return clean(string(id))
}

func (n *namer) goal(id strategy.ID) string {
	if n.source != nil {
		if g, _, ok := n.source.Goal(id); ok {
			return orID(g.Title, n.lang, id)
		}
	}
	return clean(string(id))
}

func (n *namer) focusAreaOfGoal(id strategy.ID) string {
	if n.source != nil {
		if _, fa, ok := n.source.Goal(id); ok {
			return string(fa.ID) + " " + orID(fa.Title, n.lang, fa.ID)
		}
	}
	return ""
}

func (n *namer) portfolioMeasure(id strategy.ID) *portfolio.Measure { return n.measures[id] }

func (n *namer) measure(id strategy.ID) string {
	if m := n.measures[id]; m != nil {
		return orID(m.Title, n.lang, id)
	}
	return clean(string(id))
}

func (n *namer) ownerOf(id strategy.ID) string {
	if m := n.measures[id]; m != nil {
		return n.org(m.Owner)
	}
	return ""
}

func (n *namer) org(id strategy.ID) string {
	if o := n.orgs[id]; o != nil {
		return orID(o.Name, n.lang, id)
	}
	return clean(string(id))
}

func (n *namer) measureView(m *controlling.Measure, l labels) measureView {
	mv := measureView{
		ID:              clean(string(m.ID)),
		Title:           n.measure(m.ID),
		Status:          m.Status,
		StatusText:      StatusLabel(m.Status, n.lang),
		Progress:        m.Progress,
		ProgressText:    FormatPercent(m.Progress),
		PlannedProgress: m.PlannedProgress,
		PlannedText:     FormatPercent(m.PlannedProgress),
		EarnedValue:     m.EarnedValue,
		CPI:             m.CPI,
		EVText:          formatCHFPtr(m.EarnedValue, l),
		CPIText:         formatRatio(m.CPI, l),
		FTE:             m.FTE,
		FTEText:         FormatNumber(m.FTE, 2),
		HasSavings:      true,
		PlannedText2:    l.Get("unknown"),
		SpentText:       l.Get("unknown"),
		Stale:           m.Stale,
		Divergent:       m.Divergent,
	}
	pm := n.measures[m.ID]
	ln := n.linked[m.ID]
	// Goals as the portfolio lists them, else as the report links them;
	// focus areas from the strategy, else as the report links them.
	switch {
	case pm != nil:
		for _, g := range pm.Goals {
			mv.Goals = append(mv.Goals, clean(string(g)))
		}
	case ln != nil:
		mv.Goals = ln.goals
	}
	switch {
	case n.source != nil:
		for _, g := range mv.Goals {
			if _, fa, ok := n.source.Goal(strategy.ID(g)); ok && !slices.Contains(mv.FocusAreas, clean(string(fa.ID))) {
				mv.FocusAreas = append(mv.FocusAreas, clean(string(fa.ID)))
			}
		}
	case ln != nil:
		mv.FocusAreas = ln.areas
	}
	if pm == nil {
		return mv
	}
	if pm.Savings == nil {
		mv.HasSavings, mv.FTEText = false, l.Get("noSavings")
	}
	mv.Owner = clean(string(pm.Owner))
	mv.OwnerName = n.org(pm.Owner)
	mv.Lifecycle = LifecycleLabel(pm.Status, n.lang)
	if !pm.Start.IsZero() {
		mv.Start = pm.Start.First().Format("2006-01-02")
		mv.StartText = formatDate(pm.Start, n.lang)
	}
	if !pm.End.IsZero() {
		mv.End = pm.End.Last().Format("2006-01-02")
		mv.EndText = formatDate(pm.End, n.lang)
	}
	if pm.Budget != nil {
		mv.HasBudget = true
		mv.BudgetPlanned = pm.Budget.Planned
		mv.BudgetSpent = pm.Budget.Spent
		mv.PlannedText2, mv.SpentText = FormatCHF(pm.Budget.Planned), FormatCHF(pm.Budget.Spent)
	}
	return mv
}

// flags is the measure's stale and divergent markers as words, "" when none.
func (m *measureView) flags(l labels) string {
	var f []string
	if m.Stale {
		f = append(f, l.Get("stale"))
	}
	if m.Divergent {
		f = append(f, l.Get("divergent"))
	}
	return strings.Join(f, ", ")
}

// renderJSON writes r as indented JSON with a final newline; numbers are
// unrounded and unknown figures null (see Report).
func renderJSON(w io.Writer, r *controlling.Report) error {
	b, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return fmt.Errorf("report: render json: %w", err)
	}
	b = append(b, '\n')
	_, err = w.Write(b)
	return err
}
