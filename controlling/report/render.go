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
	// means de; data texts missing in Lang fall back to German (Text.In),
	// labels of an unknown language are German.
	Lang string
	// ASCII draws the text format's progress bars with '#' and '.' instead
	// of block characters, for terminals without Unicode.
	ASCII bool
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
	if f == JSON {
		return renderJSON(w, r)
	}
	v := newView(r, rd.lang())
	bw := bufio.NewWriter(w)
	var err error
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

func (rd Renderer) lang() string {
	if rd.Lang == "" {
		return "de"
	}
	return rd.Lang
}

// view is a report with its names resolved and its figures formatted in
// one language: what every human-readable renderer shows.
type view struct {
	Lang           string
	L              labels
	Title          string // the strategy's title, or its id
	PortfolioTitle string
	AsOf           string
	StaleAfterDays int
	Strategy       rollupView
	FocusAreas     []focusView
	Measures       []measureView
	Purposes       []purposeView
	Cancelled      []itemView
	Uncovered      []itemView
	Stale          []itemView
	Divergent      []itemView
}

// rollupView is a formatted Rollup.
type rollupView struct {
	Progress      *float64
	ProgressText  string // "42.5 %" or the unknown label
	Coverage      controlling.Coverage
	CoverageText  string // "18/20"
	Status        controlling.ScheduleStatus
	StatusText    string
	Counts        string // "2 im Verzug, 3 auf Kurs"
	FTEExpected   string
	FTERealized   string
	BudgetPlanned string
	BudgetSpent   string
	EarnedValue   string
	CPI           string
}

type focusView struct {
	ID    string
	Title string
	rollupView
	Goals []goalView
}

type goalView struct {
	ID    string
	Title string
	rollupView
	Measures     []itemView
	MeasureCount int
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
	FocusAreas      []string
	Goals           []string
	HasBudget       bool
	BudgetPlanned   float64
	BudgetSpent     float64
	EarnedValue     *float64
	CPI             *float64
	FTE             float64
	FTEText         string
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
}

// itemView is a measure or goal in a list, with a note such as why it is listed.
type itemView struct {
	ID    string
	Title string
	Note  string
}

func newView(r *controlling.Report, lang string) *view {
	l := labelsFor(lang)
	v := &view{Lang: lang, L: l, AsOf: r.AsOf.String()}
	v.StaleAfterDays = r.Options.StaleAfterDays
	if v.StaleAfterDays == 0 {
		v.StaleAfterDays = controlling.DefaultStaleAfterDays
	}
	n := newNamer(r, lang)
	v.Title = string(r.Strategy.ID)
	if r.Source != nil {
		if t := r.Source.Title.In(lang); t != "" {
			v.Title = t
		}
	}
	if r.Portfolio != nil {
		v.PortfolioTitle = r.Portfolio.Title.In(lang)
	}
	v.Strategy = newRollupView(&r.Strategy.Rollup, l, lang)
	for _, fa := range r.FocusAreas {
		fv := focusView{ID: string(fa.ID), Title: n.focusArea(fa.ID), rollupView: newRollupView(&fa.Rollup, l, lang)}
		for _, g := range fa.Goals {
			gv := goalView{ID: string(g.ID), Title: n.goal(g.ID), rollupView: newRollupView(&g.Rollup, l, lang), MeasureCount: len(g.Measures)}
			for _, id := range g.Measures {
				gv.Measures = append(gv.Measures, itemView{ID: string(id), Title: n.measure(id)})
			}
			fv.Goals = append(fv.Goals, gv)
		}
		v.FocusAreas = append(v.FocusAreas, fv)
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
				ln.goals = append(ln.goals, string(g.ID))
				if !slices.Contains(ln.areas, string(fa.ID)) {
					ln.areas = append(ln.areas, string(fa.ID))
				}
			}
		}
	}
	figures := make(map[strategy.ID]*controlling.Measure, len(r.Measures))
	for i := range r.Measures {
		m := &r.Measures[i]
		figures[m.ID] = m
		v.Measures = append(v.Measures, n.measureView(m))
	}
	for _, p := range r.Purposes {
		v.Purposes = append(v.Purposes, purposeView{
			Label:         PurposeLabel(p.Purpose, lang),
			Measures:      p.Measures,
			BudgetPlanned: FormatCHF(p.Budget.Planned),
			BudgetSpent:   FormatCHF(p.Budget.Spent),
			EarnedValue:   FormatCHF(p.Budget.EarnedValue),
			CPI:           formatRatio(p.Budget.CPI, l),
			FTEExpected:   FormatNumber(p.FTE.Expected, 2),
			FTERealized:   FormatNumber(p.FTE.Realized, 2),
		})
	}
	for _, id := range r.Cancelled {
		v.Cancelled = append(v.Cancelled, itemView{ID: string(id), Title: n.measure(id), Note: n.ownerOf(id)})
	}
	for _, id := range r.Uncovered {
		v.Uncovered = append(v.Uncovered, itemView{ID: string(id), Title: n.goal(id), Note: n.focusAreaOfGoal(id)})
	}
	for _, id := range r.Stale {
		note := l.Get("updated") + ": " + l.Get("never")
		if pm := n.portfolioMeasure(id); pm != nil && !pm.Updated.IsZero() {
			note = l.Get("updated") + ": " + pm.Updated.String()
		}
		v.Stale = append(v.Stale, itemView{ID: string(id), Title: n.measure(id), Note: note})
	}
	for _, id := range r.Divergent {
		note := ""
		if pm := n.portfolioMeasure(id); pm != nil && pm.SelfAssessment != nil {
			note = l.Get("selfAssessment") + ": " + StatusLabel(controlling.ScheduleStatus(pm.SelfAssessment.Status), lang)
		}
		if f := figures[id]; f != nil {
			if note != "" {
				note += ", "
			}
			note += l.Get("computed") + ": " + StatusLabel(f.Status, lang)
		}
		v.Divergent = append(v.Divergent, itemView{ID: string(id), Title: n.measure(id), Note: note})
	}
	return v
}

func newRollupView(r *controlling.Rollup, l labels, lang string) rollupView {
	rv := rollupView{
		Progress:      r.Progress,
		ProgressText:  formatPercentPtr(r.Progress, l),
		Coverage:      r.Coverage,
		CoverageText:  fmt.Sprintf("%d/%d", r.Coverage.Covered, r.Coverage.Total),
		Status:        r.Status,
		StatusText:    StatusLabel(r.Status, lang),
		FTEExpected:   FormatNumber(r.FTE.Expected, 2),
		FTERealized:   FormatNumber(r.FTE.Realized, 2),
		BudgetPlanned: FormatCHF(r.Budget.Planned),
		BudgetSpent:   FormatCHF(r.Budget.Spent),
		EarnedValue:   FormatCHF(r.Budget.EarnedValue),
		CPI:           formatRatio(r.Budget.CPI, l),
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
		return s
	}
	return string(id)
}

func (n *namer) focusArea(id strategy.ID) string {
	if n.source != nil {
		if fa, ok := n.source.FocusArea(id); ok {
			return orID(fa.Title, n.lang, id)
		}
	}
	return string(id)
}

func (n *namer) goal(id strategy.ID) string {
	if n.source != nil {
		if g, _, ok := n.source.Goal(id); ok {
			return orID(g.Title, n.lang, id)
		}
	}
	return string(id)
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
	return string(id)
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
	return string(id)
}

func (n *namer) measureView(m *controlling.Measure) measureView {
	mv := measureView{
		ID:              string(m.ID),
		Title:           n.measure(m.ID),
		Status:          m.Status,
		StatusText:      StatusLabel(m.Status, n.lang),
		Progress:        m.Progress,
		ProgressText:    FormatPercent(m.Progress),
		PlannedProgress: m.PlannedProgress,
		PlannedText:     FormatPercent(m.PlannedProgress),
		EarnedValue:     m.EarnedValue,
		CPI:             m.CPI,
		FTE:             m.FTE,
		FTEText:         FormatNumber(m.FTE, 2),
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
			mv.Goals = append(mv.Goals, string(g))
		}
	case ln != nil:
		mv.Goals = ln.goals
	}
	switch {
	case n.source != nil:
		for _, g := range mv.Goals {
			if _, fa, ok := n.source.Goal(strategy.ID(g)); ok && !slices.Contains(mv.FocusAreas, string(fa.ID)) {
				mv.FocusAreas = append(mv.FocusAreas, string(fa.ID))
			}
		}
	case ln != nil:
		mv.FocusAreas = ln.areas
	}
	if pm == nil {
		return mv
	}
	mv.Owner = string(pm.Owner)
	mv.OwnerName = n.org(pm.Owner)
	mv.Lifecycle = LifecycleLabel(pm.Status, n.lang)
	if !pm.Start.IsZero() {
		mv.Start = pm.Start.First().Format("2006-01-02")
	}
	if !pm.End.IsZero() {
		mv.End = pm.End.Last().Format("2006-01-02")
	}
	if pm.Budget != nil {
		mv.HasBudget = true
		mv.BudgetPlanned = pm.Budget.Planned
		mv.BudgetSpent = pm.Budget.Spent
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
