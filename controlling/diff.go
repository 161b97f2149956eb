package controlling

import (
	"github.com/bl-digital/kompass/portfolio"
	"github.com/bl-digital/kompass/strategy"
)

// Delta is what changed between two reports of one strategy, such as last
// year's and this year's portfolio snapshots (the annual strategy
// controlling). Every list is in a deterministic order: the new report's
// order, then what only the old report has, in its order.
type Delta struct {
	OldAsOf strategy.Date `json:"oldAsOf,omitzero"`
	NewAsOf strategy.Date `json:"newAsOf,omitzero"`
	// Added are the measures only the new report has; Removed those only the old one has.
	Added   []strategy.ID `json:"added"`
	Removed []strategy.ID `json:"removed"`
	// StatusChanges are the measures in both reports whose schedule status
	// or portfolio (life-cycle) status changed.
	StatusChanges []StatusChange `json:"statusChanges"`
	// Measures are the progress deltas of the measures in both reports.
	Measures []ProgressDelta `json:"measures"`
	// Goals, FocusAreas and Strategy are the progress and status deltas of
	// the roll-ups; a goal or area in only one report has a nil side.
	Goals      []ProgressDelta `json:"goals"`
	FocusAreas []ProgressDelta `json:"focusAreas"`
	Strategy   ProgressDelta   `json:"strategy"`
}

// StatusChange is a measure whose status changed.
type StatusChange struct {
	ID strategy.ID `json:"id"`
	// Old and New are the computed schedule statuses.
	Old ScheduleStatus `json:"old"`
	New ScheduleStatus `json:"new"`
	// OldPortfolioStatus and NewPortfolioStatus are the life-cycle statuses
	// in the portfolios; empty when a report has no Portfolio.
	OldPortfolioStatus portfolio.Status `json:"oldPortfolioStatus,omitempty"`
	NewPortfolioStatus portfolio.Status `json:"newPortfolioStatus,omitempty"`
}

// ProgressDelta is the change of one progress rollupFigure. Old or New is nil when
// the rollupFigure is unknown on that side (a goal that had no measures, a measure
// or goal that did not exist); Change is New - Old, nil unless both are known.
type ProgressDelta struct {
	ID        strategy.ID    `json:"id"`
	Old       *float64       `json:"old"`
	New       *float64       `json:"new"`
	Change    *float64       `json:"change"`
	OldStatus ScheduleStatus `json:"oldStatus,omitempty"`
	NewStatus ScheduleStatus `json:"newStatus,omitempty"`
}

// Diff compares two reports of one strategy, from the older to the newer.
// A nil report counts as an empty one, so Diff(nil, r) lists every measure
// of r as added.
func Diff(from, to *Report) *Delta {
	if from == nil {
		from = &Report{}
	}
	if to == nil {
		to = &Report{}
	}
	d := &Delta{
		OldAsOf: from.AsOf, NewAsOf: to.AsOf,
		Added: []strategy.ID{}, Removed: []strategy.ID{},
		StatusChanges: []StatusChange{}, Measures: []ProgressDelta{},
		Goals: []ProgressDelta{}, FocusAreas: []ProgressDelta{},
	}

	oldM := make(map[strategy.ID]int, len(from.Measures))
	for i, m := range from.Measures {
		if _, dup := oldM[m.ID]; !dup {
			oldM[m.ID] = i
		}
	}
	oldLife, newLife := lifecycle(from), lifecycle(to)
	seen := make(map[strategy.ID]bool, len(to.Measures))
	for i, m := range to.Measures {
		if seen[m.ID] {
			continue
		}
		seen[m.ID] = true
		j, ok := oldM[m.ID]
		if !ok {
			d.Added = append(d.Added, m.ID)
			continue
		}
		o := from.Measures[j]
		ol, nl := oldLife(j), newLife(i)
		if o.Status != m.Status || ol != nl {
			d.StatusChanges = append(d.StatusChanges, StatusChange{ID: m.ID, Old: o.Status, New: m.Status,
				OldPortfolioStatus: ol, NewPortfolioStatus: nl})
		}
		d.Measures = append(d.Measures, progressDelta(m.ID, &o.Progress, &m.Progress, o.Status, m.Status))
	}
	for _, m := range from.Measures {
		if !seen[m.ID] {
			seen[m.ID] = true
			d.Removed = append(d.Removed, m.ID)
		}
	}

	var oldGoals, newGoals, oldAreas, newAreas []rollupFigure
	for _, fa := range from.FocusAreas {
		oldAreas = append(oldAreas, rollupFigure{fa.ID, fa.Rollup})
		for _, g := range fa.Goals {
			oldGoals = append(oldGoals, rollupFigure{g.ID, g.Rollup})
		}
	}
	for _, fa := range to.FocusAreas {
		newAreas = append(newAreas, rollupFigure{fa.ID, fa.Rollup})
		for _, g := range fa.Goals {
			newGoals = append(newGoals, rollupFigure{g.ID, g.Rollup})
		}
	}
	d.Goals = rollupDeltas(oldGoals, newGoals)
	d.FocusAreas = rollupDeltas(oldAreas, newAreas)
	id := to.Strategy.ID
	if id == "" {
		id = from.Strategy.ID
	}
	d.Strategy = progressDelta(id, from.Strategy.Progress, to.Strategy.Progress, from.Strategy.Status, to.Strategy.Status)
	return d
}

// lifecycle returns the portfolio status of a report's i-th measure, "" when
// the report has no portfolio to tell.
func lifecycle(r *Report) func(i int) portfolio.Status {
	return func(i int) portfolio.Status {
		if r.Portfolio == nil || i >= len(r.Portfolio.Measures) || r.Portfolio.Measures[i].ID != r.Measures[i].ID {
			return ""
		}
		return r.Portfolio.Measures[i].Status
	}
}

type rollupFigure struct {
	id strategy.ID
	r  Rollup
}

// rollupDeltas pairs roll-ups by id: new order, then the old-only ones.
func rollupDeltas(from, to []rollupFigure) []ProgressDelta {
	oldIdx := make(map[strategy.ID]int, len(from))
	for i, f := range from {
		if _, dup := oldIdx[f.id]; !dup {
			oldIdx[f.id] = i
		}
	}
	out := make([]ProgressDelta, 0, len(to))
	seen := make(map[strategy.ID]bool, len(to))
	for _, f := range to {
		if seen[f.id] {
			continue
		}
		seen[f.id] = true
		if j, ok := oldIdx[f.id]; ok {
			out = append(out, progressDelta(f.id, from[j].r.Progress, f.r.Progress, from[j].r.Status, f.r.Status))
		} else {
			out = append(out, progressDelta(f.id, nil, f.r.Progress, "", f.r.Status))
		}
	}
	for _, f := range from {
		if !seen[f.id] {
			seen[f.id] = true
			out = append(out, progressDelta(f.id, f.r.Progress, nil, f.r.Status, ""))
		}
	}
	return out
}

func progressDelta(id strategy.ID, from, to *float64, fromStatus, toStatus ScheduleStatus) ProgressDelta {
	d := ProgressDelta{ID: id, OldStatus: fromStatus, NewStatus: toStatus}
	if from != nil {
		v := *from
		d.Old = &v
	}
	if to != nil {
		v := *to
		d.New = &v
	}
	if from != nil && to != nil {
		c := *to - *from
		d.Change = &c
	}
	return d
}
