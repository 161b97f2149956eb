package report

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/bl-digital/kompass/controlling"
	"github.com/bl-digital/kompass/strategy"
)

// The diff formats (DiffFormats). Text and Markdown show, in this order:
// a warning on the first line when the new snapshot is older than the old
// one; the strategy's, focus areas' and goals' progress before and after
// with the change in percentage points, their status and their coverage
// before and after; the measures added and removed; the status changes,
// each naming which status changed (the life-cycle status of the
// portfolio, the computed schedule status, or both); the measures whose
// goals changed, with the goals added and removed; and the progress of the
// measures that changed (all of them with Renderer.All). The change shown
// is computed from the rounded figures beside it, so that "56.4 → 62.1"
// reads "+5.7"; the JSON (the Delta of controlling.Diff) keeps the
// unrounded change. Names come from the newer report's sources, else the
// older one's.

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
	lang, err := rd.language()
	if err != nil {
		return err
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
	dv := newDiffView(d, old, new, lang, rd.All)
	bw := bufio.NewWriter(w)
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
	Lang       string
	L          labels
	Title      string
	Warning    string // NEW older than OLD, else empty
	StaleText  string // the new snapshot's stale measures, empty when none
	From, To   string
	Strategy   deltaRow
	FocusAreas []deltaRow
	Goals      []deltaRow
	Measures   []deltaRow // the measures shown: changed ones, or all
	Hidden     int        // unchanged measures not shown
	Added      []itemView
	Removed    []itemView
	Changes    []itemView // Note: "Terminstatus: auf Kurs → im Verzug"
	GoalMoves  []itemView // Note: "neu: DL1; entfernt: DL2"
}

// deltaRow is one formatted ProgressDelta or RollupDelta.
type deltaRow struct {
	ID, Title            string
	Old, New, Change     string
	OldStatus, NewStatus string
	Coverage             string // "15/20 → 16/20", empty for measures
	Stale                string // the new snapshot's "2 von 5", empty for measures
	changed              bool
}

func newDiffView(d *controlling.Delta, old, new *controlling.Report, lang string, all bool) *diffView {
	l := labelsFor(lang)
	c := l.Get("colon")
	on, nn := newNamer(old, lang), newNamer(new, lang)
	name := func(f func(*namer, strategy.ID) string, id strategy.ID) string {
		if s := f(nn, id); s != string(id) {
			return s
		}
		return f(on, id)
	}
	v := &diffView{Lang: lang, L: l, From: formatDate(d.OldAsOf, lang), To: formatDate(d.NewAsOf, lang)}
	if d.NewBeforeOld {
		v.Warning = fmt.Sprintf(l.Get("warnNewBeforeOld"), v.To, v.From)
	}
	nv := newView(new, lang)
	v.Title = nv.Title
	v.StaleText = nv.Strategy.StaleText
	stale := map[string]string{}
	for _, fa := range nv.FocusAreas {
		stale["a:"+fa.ID] = fa.StaleShort
		for _, g := range fa.Goals {
			stale["g:"+g.ID] = g.StaleShort
		}
	}
	row := func(p controlling.ProgressDelta, title string) deltaRow {
		r := deltaRow{ID: clean(string(p.ID)), Title: title,
			Old: formatPercentPtr(p.Old, l), New: formatPercentPtr(p.New, l), Change: roundedChange(p.Old, p.New, l)}
		if p.OldStatus != "" {
			r.OldStatus = StatusLabel(p.OldStatus, lang)
		}
		if p.NewStatus != "" {
			r.NewStatus = StatusLabel(p.NewStatus, lang)
		}
		r.changed = p.OldStatus != p.NewStatus || (p.Old == nil) != (p.New == nil) ||
			p.Change != nil && *p.Change != 0
		return r
	}
	rollup := func(p controlling.RollupDelta, title string) deltaRow {
		r := row(p.ProgressDelta, title)
		cov := func(c *controlling.Coverage) string {
			if c == nil {
				return "–"
			}
			return fmt.Sprintf("%d/%d", c.Covered, c.Total)
		}
		r.Coverage = cov(p.OldCoverage) + " → " + cov(p.NewCoverage)
		return r
	}
	v.Strategy = rollup(d.Strategy, l.Get("strategy"))
	staleOf := func(key string) string {
		if s, ok := stale[key]; ok {
			return s
		}
		return "–"
	}
	for _, p := range d.FocusAreas {
		r := rollup(p, name((*namer).focusArea, p.ID))
		r.Stale = staleOf("a:" + string(p.ID))
		v.FocusAreas = append(v.FocusAreas, r)
	}
	for _, p := range d.Goals {
		r := rollup(p, name((*namer).goal, p.ID))
		r.Stale = staleOf("g:" + string(p.ID))
		v.Goals = append(v.Goals, r)
	}
	moved := map[strategy.ID]bool{}
	for _, g := range d.GoalChanges {
		moved[g.ID] = true
		var parts []string
		if len(g.Added) > 0 {
			parts = append(parts, l.Get("goalsAdded")+c+joinIDs(g.Added))
		}
		if len(g.Removed) > 0 {
			parts = append(parts, l.Get("goalsRemoved")+c+joinIDs(g.Removed))
		}
		v.GoalMoves = append(v.GoalMoves, itemView{ID: clean(string(g.ID)), Title: name((*namer).measure, g.ID), Note: strings.Join(parts, "; ")})
	}
	for _, p := range d.Measures {
		r := row(p, name((*namer).measure, p.ID))
		if all || r.changed || moved[p.ID] {
			v.Measures = append(v.Measures, r)
		} else {
			v.Hidden++
		}
	}
	for _, id := range d.Added {
		v.Added = append(v.Added, itemView{ID: clean(string(id)), Title: nn.measure(id), Note: nn.ownerOf(id)})
	}
	for _, id := range d.Removed {
		v.Removed = append(v.Removed, itemView{ID: clean(string(id)), Title: on.measure(id), Note: on.ownerOf(id)})
	}
	for _, ch := range d.StatusChanges {
		var parts []string
		if ch.Changed == controlling.ChangedSchedule || ch.Changed == controlling.ChangedBoth {
			parts = append(parts, l.Get("scheduleWord")+c+StatusLabel(ch.Old, lang)+" → "+StatusLabel(ch.New, lang))
		}
		if ch.Changed == controlling.ChangedLifecycle || ch.Changed == controlling.ChangedBoth {
			parts = append(parts, l.Get("lifecycleWord")+c+LifecycleLabel(ch.OldPortfolioStatus, lang)+" → "+LifecycleLabel(ch.NewPortfolioStatus, lang))
		}
		v.Changes = append(v.Changes, itemView{ID: clean(string(ch.ID)), Title: name((*namer).measure, ch.ID), Note: strings.Join(parts, "; ")})
	}
	return v
}

func joinIDs(ids []strategy.ID) string {
	s := make([]string, len(ids))
	for i, id := range ids {
		s[i] = string(id)
	}
	return strings.Join(s, ", ")
}

// roundedChange writes the change from old to new in percentage points,
// computed from the two figures as printed (one decimal), so that the
// change always agrees with them: "+5.7 pp", "-2.0 pp", "±0.0 pp"; unknown
// when either is.
func roundedChange(old, new *float64, l labels) string {
	if old == nil || new == nil {
		return l.Get("unknown")
	}
	tenths := func(v float64) int64 {
		s := strings.ReplaceAll(FormatNumber(v, 1), "'", "")
		f, _ := strconv.ParseFloat(s, 64)
		return int64(math.Round(f * 10))
	}
	c := tenths(*new) - tenths(*old)
	s := FormatNumber(float64(c)/10, 1)
	switch {
	case c == 0:
		s = "±" + s
	case c > 0:
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
	c := l.Get("colon")
	p := &textWriter{w: w, typo: typography(v.Lang)}
	if v.Warning != "" {
		p.line(v.Warning)
	}
	p.line(v.Title + c + l.Get("diffTitle"))
	p.line(fmt.Sprintf("%s %s %s %s", l.Get("diffFrom"), v.From, l.Get("diffTo"), v.To))
	p.line("")
	s := v.Strategy
	p.line(fmt.Sprintf("%s  %s → %s  %s  %s  %s%s%s", l.Get("strategy"), s.Old, s.New, s.Change, statusPair(s),
		l.Get("coverage"), c, s.Coverage))
	if v.StaleText != "" {
		p.line(l.Get("staleNow") + c + v.StaleText)
	}
	p.wrap(l.Get("roundingNote"))

	table := func(title string, rows []deltaRow, coverage bool) {
		p.heading(title)
		t := &textTable{right: []bool{false, false, true, true, true, false, false, false}}
		head := []string{l.Get("id"), l.Get("title"), l.Get("before"), l.Get("after"), l.Get("change"), l.Get("status")}
		if coverage {
			head = append(head, l.Get("coverageBeforeAfter"), l.Get("staleNow"))
		}
		t.add(head...)
		for _, r := range rows {
			cells := []string{r.ID, cut(r.Title), r.Old, r.New, r.Change, statusPair(r)}
			if coverage {
				cells = append(cells, r.Coverage, r.Stale)
			}
			t.add(cells...)
		}
		t.write(p)
	}
	table(l.Get("focusAreas"), v.FocusAreas, true)
	table(l.Get("goals"), v.Goals, true)
	p.list(l.Get("added"), "", v.Added, l)
	p.list(l.Get("removed"), "", v.Removed, l)
	p.list(l.Get("statusChanges"), "", v.Changes, l)
	p.list(l.Get("goalChanges"), "", v.GoalMoves, l)
	table(l.Get("progressChanges"), v.Measures, false)
	if v.Hidden > 0 {
		p.line(fmt.Sprintf(l.Get("unchangedHidden"), v.Hidden))
	}
	return p.err
}

func renderDiffMarkdown(w io.Writer, v *diffView) error {
	l := v.L
	c := l.Get("colon")
	p := &textWriter{w: w, typo: typography(v.Lang)}
	if v.Warning != "" {
		p.line("> **" + v.Warning + "**")
		p.line("")
	}
	p.line("# " + mdEscape(v.Title) + c + l.Get("diffTitle"))
	p.line("")
	p.line(fmt.Sprintf("%s %s %s %s", l.Get("diffFrom"), v.From, l.Get("diffTo"), v.To))
	p.line("")
	s := v.Strategy
	p.line(fmt.Sprintf("%s%s%s → **%s** (%s), %s%s%s, %s%s%s.", l.Get("progress"), c, s.Old, s.New, s.Change,
		l.Get("status"), c, statusPair(s), l.Get("coverageBeforeAfter"), c, s.Coverage))
	if v.StaleText != "" {
		p.line("")
		p.line(l.Get("staleNow") + c + v.StaleText + ".")
	}
	p.line("")
	p.line("_" + l.Get("roundingNote") + "_")

	table := func(title, first string, rows []deltaRow, coverage bool) {
		p.line("")
		p.line("## " + title)
		p.line("")
		head := []string{first, l.Get("before"), l.Get("after"), l.Get("change"), l.Get("status")}
		align := "|---|---:|---:|---:|---|"
		if coverage {
			head, align = append(head, l.Get("coverageBeforeAfter"), l.Get("staleNow")), align+"---|---|"
		}
		p.line(mdRow(head...))
		p.line(align)
		for _, r := range rows {
			cells := []string{mdEscape(r.ID + " " + r.Title), r.Old, r.New, r.Change, statusPair(r)}
			if coverage {
				cells = append(cells, r.Coverage, r.Stale)
			}
			p.line(mdRow(cells...))
		}
	}
	table(l.Get("focusAreas"), l.Get("focusArea"), v.FocusAreas, true)
	table(l.Get("goals"), l.Get("goal"), v.Goals, true)
	for _, sec := range []struct {
		title string
		items []itemView
	}{{l.Get("added"), v.Added}, {l.Get("removed"), v.Removed}, {l.Get("statusChanges"), v.Changes}, {l.Get("goalChanges"), v.GoalMoves}} {
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
	table(l.Get("progressChanges"), l.Get("measure"), v.Measures, false)
	if v.Hidden > 0 {
		p.line("")
		p.line(fmt.Sprintf(l.Get("unchangedHidden"), v.Hidden))
	}
	return p.err
}
