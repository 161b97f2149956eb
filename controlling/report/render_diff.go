package report

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/bl-digital/kompass/controlling"
	"github.com/bl-digital/kompass/strategy"
)

// The diff formats (DiffFormats): text and Markdown show the strategy's,
// focus areas' and goals' progress before and after with the change in
// percentage points, the measures added and removed, status changes and
// every measure's progress change; json is the Delta of Diff, indented.
// Names come from the newer report's sources, else the older one's.

// RenderDiff writes what changed from old to new (see controlling.Diff) in format f
// with texts in lang; it is Renderer{Lang: lang}.RenderDiff.
func RenderDiff(w io.Writer, old, new *controlling.Report, f Format, lang string) error {
	return Renderer{Lang: lang}.RenderDiff(w, old, new, f)
}

// RenderDiff writes what changed from old to new (see controlling.Diff) in format f,
// one of DiffFormats.
func (rd Renderer) RenderDiff(w io.Writer, old, new *controlling.Report, f Format) error {
	if old == nil || new == nil {
		return errors.New("report: render diff: nil report")
	}
	d := controlling.Diff(old, new)
	switch f {
	case JSON:
		b, err := json.MarshalIndent(d, "", "  ")
		if err != nil {
			return fmt.Errorf("report: render diff json: %w", err)
		}
		_, err = w.Write(append(b, '\n'))
		return err
	case Text, Markdown:
	default:
		return fmt.Errorf("report: render diff: %w %q (want text, md or json)", ErrUnknownFormat, string(f))
	}
	dv := newDiffView(d, old, new, rd.lang())
	bw := bufio.NewWriter(w)
	var err error
	if f == Text {
		err = renderDiffText(bw, dv)
	} else {
		err = renderDiffMarkdown(bw, dv)
	}
	if err != nil {
		return err
	}
	return bw.Flush()
}

// diffView is a Delta with names resolved and figures formatted.
type diffView struct {
	L          labels
	Title      string
	From, To   string
	Strategy   deltaRow
	FocusAreas []deltaRow
	Goals      []deltaRow
	Measures   []deltaRow
	Added      []itemView
	Removed    []itemView
	Changes    []itemView // Note: "on track → late (active → paused)"
}

// deltaRow is one formatted ProgressDelta.
type deltaRow struct {
	ID, Title            string
	Old, New, Change     string
	OldStatus, NewStatus string
}

func newDiffView(d *controlling.Delta, old, new *controlling.Report, lang string) *diffView {
	l := labelsFor(lang)
	on, nn := newNamer(old, lang), newNamer(new, lang)
	name := func(f func(*namer, strategy.ID) string, id strategy.ID) string {
		if s := f(nn, id); s != string(id) {
			return s
		}
		return f(on, id)
	}
	v := &diffView{L: l, From: d.OldAsOf.String(), To: d.NewAsOf.String()}
	v.Title = newView(new, lang).Title
	row := func(p controlling.ProgressDelta, title string) deltaRow {
		r := deltaRow{ID: string(p.ID), Title: title,
			Old: formatPercentPtr(p.Old, l), New: formatPercentPtr(p.New, l), Change: formatChange(p.Change, l)}
		if p.OldStatus != "" {
			r.OldStatus = StatusLabel(p.OldStatus, lang)
		}
		if p.NewStatus != "" {
			r.NewStatus = StatusLabel(p.NewStatus, lang)
		}
		return r
	}
	v.Strategy = row(d.Strategy, l.Get("strategy"))
	for _, p := range d.FocusAreas {
		v.FocusAreas = append(v.FocusAreas, row(p, name((*namer).focusArea, p.ID)))
	}
	for _, p := range d.Goals {
		v.Goals = append(v.Goals, row(p, name((*namer).goal, p.ID)))
	}
	for _, p := range d.Measures {
		v.Measures = append(v.Measures, row(p, name((*namer).measure, p.ID)))
	}
	for _, id := range d.Added {
		v.Added = append(v.Added, itemView{ID: string(id), Title: nn.measure(id), Note: nn.ownerOf(id)})
	}
	for _, id := range d.Removed {
		v.Removed = append(v.Removed, itemView{ID: string(id), Title: on.measure(id), Note: on.ownerOf(id)})
	}
	for _, c := range d.StatusChanges {
		note := StatusLabel(c.Old, lang) + " → " + StatusLabel(c.New, lang)
		if c.OldPortfolioStatus != c.NewPortfolioStatus && c.OldPortfolioStatus != "" && c.NewPortfolioStatus != "" {
			note += " (" + LifecycleLabel(c.OldPortfolioStatus, lang) + " → " + LifecycleLabel(c.NewPortfolioStatus, lang) + ")"
		}
		v.Changes = append(v.Changes, itemView{ID: string(c.ID), Title: name((*namer).measure, c.ID), Note: note})
	}
	return v
}

// formatChange writes a change in percentage points with its sign:
// "+7.5 pp", "-2.0 pp", "±0.0 pp"; nil is the unknown label.
func formatChange(c *float64, l labels) string {
	if c == nil {
		return l.Get("unknown")
	}
	s := FormatNumber(*c, 1)
	switch {
	case s == "0.0":
		s = "±" + s
	case !strings.HasPrefix(s, "-"):
		s = "+" + s
	}
	return s + " " + l.Get("pp")
}

// statusPair writes "old → new", or one status when it did not change.
func statusPair(r deltaRow) string {
	switch {
	case r.OldStatus == r.NewStatus:
		return r.NewStatus
	case r.OldStatus == "":
		return "→ " + r.NewStatus
	case r.NewStatus == "":
		return r.OldStatus + " →"
	}
	return r.OldStatus + " → " + r.NewStatus
}

func renderDiffText(w io.Writer, v *diffView) error {
	l := v.L
	p := &textWriter{w: w}
	p.line(v.Title + ": " + l.Get("diffTitle"))
	p.line(fmt.Sprintf("%s %s %s %s", l.Get("diffFrom"), v.From, l.Get("diffTo"), v.To))
	p.line("")
	s := v.Strategy
	p.line(fmt.Sprintf("%s  %s → %s  %s  %s", l.Get("strategy"), s.Old, s.New, s.Change, statusPair(s)))

	table := func(title string, rows []deltaRow) {
		p.heading(title)
		t := &textTable{right: []bool{false, false, true, true, true, false}}
		t.add(l.Get("id"), l.Get("title"), l.Get("before"), l.Get("after"), l.Get("change"), l.Get("status"))
		for _, r := range rows {
			t.add(r.ID, cut(r.Title), r.Old, r.New, r.Change, statusPair(r))
		}
		t.write(p)
	}
	table(l.Get("focusAreas"), v.FocusAreas)
	table(l.Get("goals"), v.Goals)
	p.list(l.Get("added"), "", v.Added, l)
	p.list(l.Get("removed"), "", v.Removed, l)
	p.list(l.Get("statusChanges"), "", v.Changes, l)
	table(l.Get("progressChanges"), v.Measures)
	return p.err
}

func renderDiffMarkdown(w io.Writer, v *diffView) error {
	l := v.L
	p := &textWriter{w: w}
	p.line("# " + mdEscape(v.Title) + ": " + l.Get("diffTitle"))
	p.line("")
	p.line(fmt.Sprintf("%s %s %s %s", l.Get("diffFrom"), v.From, l.Get("diffTo"), v.To))
	p.line("")
	s := v.Strategy
	p.line(fmt.Sprintf("%s: %s → **%s** (%s), %s: %s.", l.Get("progress"), s.Old, s.New, s.Change,
		l.Get("status"), statusPair(s)))

	table := func(title, first string, rows []deltaRow) {
		p.line("")
		p.line("## " + title)
		p.line("")
		p.line(mdRow(first, l.Get("before"), l.Get("after"), l.Get("change"), l.Get("status")))
		p.line("|---|---:|---:|---:|---|")
		for _, r := range rows {
			p.line(mdRow(mdEscape(r.ID+" "+r.Title), r.Old, r.New, r.Change, statusPair(r)))
		}
	}
	table(l.Get("focusAreas"), l.Get("focusArea"), v.FocusAreas)
	table(l.Get("goals"), l.Get("goal"), v.Goals)
	for _, sec := range []struct {
		title string
		items []itemView
	}{{l.Get("added"), v.Added}, {l.Get("removed"), v.Removed}, {l.Get("statusChanges"), v.Changes}} {
		p.line("")
		p.line(fmt.Sprintf("## %s (%d)", sec.title, len(sec.items)))
		p.line("")
		if len(sec.items) == 0 {
			p.line("- " + l.Get("none"))
			continue
		}
		for _, it := range sec.items {
			line := "- **" + mdEscape(it.ID) + "** " + mdEscape(it.Title)
			if it.Note != "" {
				line += " (" + mdEscape(it.Note) + ")"
			}
			p.line(line)
		}
	}
	table(l.Get("progressChanges"), l.Get("measure"), v.Measures)
	return p.err
}
