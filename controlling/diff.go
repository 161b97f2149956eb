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
	// OldPortfolioAsOf and NewPortfolioAsOf are the dates of the data (see
	// Report.PortfolioAsOf); nil when unknown.
	OldPortfolioAsOf *strategy.Date `json:"oldPortfolioAsOf"`
	NewPortfolioAsOf *strategy.Date `json:"newPortfolioAsOf"`
	// NewBeforeOld is true when the new report's asOf is before the old
	// one's: the snapshots are probably given in the wrong order.
	NewBeforeOld bool `json:"newBeforeOld"`
	// Added are the measures only the new report has; Removed those only the old one has.
	Added   []strategy.ID `json:"added"`
	Removed []strategy.ID `json:"removed"`
	// StatusChanges are the measures in both reports whose schedule status
	// or portfolio (life-cycle) status changed.
	StatusChanges []StatusChange `json:"statusChanges"`
	// GoalChanges are the measures in both reports whose goals changed.
	GoalChanges []GoalChange `json:"goalChanges"`
	// Measures are the progress deltas of the measures in both reports.
	Measures []ProgressDelta `json:"measures"`
	// Goals, FocusAreas and Strategy are the progress, status and coverage
	// deltas of the roll-ups; a goal or area in only one report has a nil side.
	Goals      []RollupDelta `json:"goals"`
	FocusAreas []RollupDelta `json:"focusAreas"`
	Strategy   RollupDelta   `json:"strategy"`
}

// Which status of a measure changed (StatusChange.Changed).
const (
	ChangedSchedule  = "schedule"  // the computed schedule status
	ChangedLifecycle = "lifecycle" // the portfolio's life-cycle status
	ChangedBoth      = "both"      // both of them
)

// GoalChange is a measure whose goals changed between the reports.
type GoalChange struct {
	ID strategy.ID `json:"id"`
	// Added are the goals only the new report links it to, Removed those
	// only the old one does, each in its report's order.
	Added   []strategy.ID `json:"added"`
	Removed []strategy.ID `json:"removed"`
}

// RollupDelta is the change of a goal's, focus area's or the strategy's
// figures: progress and status (ProgressDelta), and the coverage and
// stale count on each side, since a roll-up's progress can move because a
// goal became covered rather than because measures progressed. A side the
// roll-up is missing from is nil.
type RollupDelta struct {
	ProgressDelta
	OldCoverage   *Coverage `json:"oldCoverage"`
	NewCoverage   *Coverage `json:"newCoverage"`
	OldStaleCount *int      `json:"oldStaleCount"`
	NewStaleCount *int      `json:"newStaleCount"`
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
	// Changed names which status changed: ChangedSchedule,
	// ChangedLifecycle or ChangedBoth.
	Changed string `json:"changed"`
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
		OldPortfolioAsOf: from.PortfolioAsOf, NewPortfolioAsOf: to.PortfolioAsOf,
		Added: []strategy.ID{}, Removed: []strategy.ID{},
		StatusChanges: []StatusChange{}, GoalChanges: []GoalChange{}, Measures: []ProgressDelta{},
		Goals: []RollupDelta{}, FocusAreas: []RollupDelta{},
	}
	if !from.AsOf.IsZero() && !to.AsOf.IsZero() {
		d.NewBeforeOld = to.AsOf.Last().Before(from.AsOf.Last())
	}
	oldGoalsOf, newGoalsOf := measureGoals(from), measureGoals(to)

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
		schedule, life := o.Status != m.Status, ol != nl
		if schedule || life {
			changed := ChangedSchedule
			switch {
			case schedule && life:
				changed = ChangedBoth
			case life:
				changed = ChangedLifecycle
			}
			d.StatusChanges = append(d.StatusChanges, StatusChange{ID: m.ID, Old: o.Status, New: m.Status,
				OldPortfolioStatus: ol, NewPortfolioStatus: nl, Changed: changed})
		}
		if added, removed := setDiff(oldGoalsOf(j), newGoalsOf(i)); len(added)+len(removed) > 0 {
			d.GoalChanges = append(d.GoalChanges, GoalChange{ID: m.ID, Added: added, Removed: removed})
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
	d.Strategy = rollupDelta(id, &rollupFigure{id, from.Strategy.Rollup}, &rollupFigure{id, to.Strategy.Rollup})
	return d
}

// measureGoals returns the goals of a report's i-th measure: as its
// portfolio lists them, else as the report's goals link it (which leaves
// out a cancelled measure's goals).
func measureGoals(r *Report) func(i int) []strategy.ID {
	var linked map[strategy.ID][]strategy.ID
	return func(i int) []strategy.ID {
		if r.Portfolio != nil && i < len(r.Portfolio.Measures) && r.Portfolio.Measures[i].ID == r.Measures[i].ID {
			return r.Portfolio.Measures[i].Goals
		}
		if linked == nil {
			linked = map[strategy.ID][]strategy.ID{}
			for _, fa := range r.FocusAreas {
				for _, g := range fa.Goals {
					for _, m := range g.Measures {
						linked[m] = append(linked[m], g.ID)
					}
				}
			}
		}
		return linked[r.Measures[i].ID]
	}
}

// setDiff returns the ids only in b (in b's order) and only in a (in a's
// order), each once.
func setDiff(a, b []strategy.ID) (added, removed []strategy.ID) {
	in := func(list []strategy.ID, id strategy.ID) bool {
		for _, v := range list {
			if v == id {
				return true
			}
		}
		return false
	}
	for _, id := range b {
		if !in(a, id) && !in(added, id) {
			added = append(added, id)
		}
	}
	for _, id := range a {
		if !in(b, id) && !in(removed, id) {
			removed = append(removed, id)
		}
	}
	if added == nil {
		added = []strategy.ID{}
	}
	if removed == nil {
		removed = []strategy.ID{}
	}
	return added, removed
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
func rollupDeltas(from, to []rollupFigure) []RollupDelta {
	oldIdx := make(map[strategy.ID]int, len(from))
	for i, f := range from {
		if _, dup := oldIdx[f.id]; !dup {
			oldIdx[f.id] = i
		}
	}
	out := make([]RollupDelta, 0, len(to))
	seen := make(map[strategy.ID]bool, len(to))
	for _, f := range to {
		if seen[f.id] {
			continue
		}
		seen[f.id] = true
		if j, ok := oldIdx[f.id]; ok {
			out = append(out, rollupDelta(f.id, &from[j], &f))
		} else {
			out = append(out, rollupDelta(f.id, nil, &f))
		}
	}
	for _, f := range from {
		if !seen[f.id] {
			seen[f.id] = true
			out = append(out, rollupDelta(f.id, &f, nil))
		}
	}
	return out
}

// rollupDelta is the delta of a roll-up from old to new; a nil side is
// missing.
func rollupDelta(id strategy.ID, old, new *rollupFigure) RollupDelta {
	var d RollupDelta
	var op, np *float64
	var os, ns ScheduleStatus
	if old != nil {
		op, os = old.r.Progress, old.r.Status
		c, n := old.r.Coverage, old.r.StaleCount
		d.OldCoverage, d.OldStaleCount = &c, &n
	}
	if new != nil {
		np, ns = new.r.Progress, new.r.Status
		c, n := new.r.Coverage, new.r.StaleCount
		d.NewCoverage, d.NewStaleCount = &c, &n
	}
	d.ProgressDelta = progressDelta(id, op, np, os, ns)
	return d
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
