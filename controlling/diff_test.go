package controlling_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/bl-digital/kompass/controlling"
	"github.com/bl-digital/kompass/portfolio"
	"github.com/bl-digital/kompass/strategy"
)

// fxSnapshots are last year's and this year's portfolio of the fixture
// strategy: K is kept (20 -> 50), P pauses, R is removed, N is new, and
// goal A2 gains its first measure.
func fxSnapshots(t *testing.T) (from, to *controlling.Report) {
	t.Helper()
	year := func(id strategy.ID, p float64, goals ...strategy.ID) portfolio.Measure {
		m := fxMeasure(id, p, goals...)
		m.Start, m.End = fxDate("2025"), fxDate("2026")
		return m
	}
	paused := year("P", 40, "B1")
	paused.Status = portfolio.Paused
	from = fxCompute(t, fxPortfolio("2025-12-31", year("K", 20, "A1"), year("P", 40, "B1"), year("R", 10, "A1")), controlling.Options{})
	to = fxCompute(t, fxPortfolio("2026-12-31", year("N", 70, "A2"), year("K", 50, "A1"), paused), controlling.Options{})
	return from, to
}

func TestDiffMeasures(t *testing.T) {
	from, to := fxSnapshots(t)
	d := controlling.Diff(from, to)

	assert.Equal(t, fxDate("2025-12-31"), d.OldAsOf)
	assert.Equal(t, fxDate("2026-12-31"), d.NewAsOf)
	assert.Equal(t, []strategy.ID{"N"}, d.Added)
	assert.Equal(t, []strategy.ID{"R"}, d.Removed)

	// At the end of 2025 the 2025-2026 measures are about half through
	// (pp = 364/729), at the end of 2026 on their last day (pp = 100).
	tests := []struct {
		reason string
		id     strategy.ID
		old    float64
		new    float64
	}{
		{"K moved from 20 to 50", "K", 20, 50},
		{"P stayed at 40", "P", 40, 40},
	}
	require.Len(t, d.Measures, len(tests), "measures in both, new order")
	for i, tc := range tests {
		t.Run(tc.reason, func(t *testing.T) {
			got := d.Measures[i]
			assert.Equal(t, tc.id, got.ID)
			fxAssertPtr(t, &tc.old, got.Old, "old")
			fxAssertPtr(t, &tc.new, got.New, "new")
			fxAssertPtr(t, fxFloat(tc.new-tc.old), got.Change, "change")
		})
	}

	assert.Equal(t, []controlling.StatusChange{
		{ID: "P", Old: controlling.OnTrack, New: controlling.Late, OldPortfolioStatus: portfolio.Active, NewPortfolioStatus: portfolio.Paused,
			Changed: controlling.ChangedBoth},
	}, d.StatusChanges, "K stays late and active, so only P, which paused and fell behind, changed")
}

func TestDiffScheduleStatusChange(t *testing.T) {
	m := fxMeasure("M", 50)
	from := fxCompute(t, fxPortfolio("2026-07-02", m), controlling.Options{})
	to := fxCompute(t, fxPortfolio("2026-11-01", m), controlling.Options{})
	d := controlling.Diff(from, to)
	assert.Equal(t, []controlling.StatusChange{{ID: "M", Old: controlling.OnTrack, New: controlling.Late,
		OldPortfolioStatus: portfolio.Active, NewPortfolioStatus: portfolio.Active, Changed: controlling.ChangedSchedule}}, d.StatusChanges,
		"standing still while time passes makes a measure late")
	require.Len(t, d.Measures, 1)
	fxAssertPtr(t, fxFloat(0), d.Measures[0].Change, "no progress")
}

func TestDiffRollups(t *testing.T) {
	from, to := fxSnapshots(t)
	d := controlling.Diff(from, to)

	byID := map[strategy.ID]controlling.RollupDelta{}
	var order []strategy.ID
	for _, g := range d.Goals {
		byID[g.ID] = g
		order = append(order, g.ID)
	}
	assert.Equal(t, []strategy.ID{"A1", "A2", "A3", "B1", "B2"}, order, "strategy order")

	tests := []struct {
		reason    string
		id        strategy.ID
		old, new  *float64
		change    *float64
		newStatus controlling.ScheduleStatus
	}{
		{"A1 held K and R (15), now K alone (50)", "A1", fxFloat(15), fxFloat(50), fxFloat(35), controlling.Late},
		{"A2 had no progress and gains N: no change figure", "A2", nil, fxFloat(70), nil, controlling.Late},
		{"A3 never had measures", "A3", nil, nil, nil, controlling.Uncovered},
		{"B1 held P at 40 both years", "B1", fxFloat(40), fxFloat(40), fxFloat(0), controlling.Late},
	}
	for _, tc := range tests {
		t.Run(tc.reason, func(t *testing.T) {
			got := byID[tc.id]
			fxAssertPtr(t, tc.old, got.Old, "old")
			fxAssertPtr(t, tc.new, got.New, "new")
			fxAssertPtr(t, tc.change, got.Change, "change")
			assert.Equal(t, tc.newStatus, got.NewStatus)
		})
	}

	require.Len(t, d.FocusAreas, 2)
	assert.Equal(t, strategy.ID("A"), d.FocusAreas[0].ID)
	fxAssertPtr(t, fxFloat(15), d.FocusAreas[0].Old, "A old: only A1")
	fxAssertPtr(t, fxFloat(60), d.FocusAreas[0].New, "A new: mean of 50 and 70")
	fxAssertPtr(t, fxFloat(45), d.FocusAreas[0].Change, "A change")
	assert.Equal(t, strategy.ID("fx"), d.Strategy.ID)
	fxAssertPtr(t, fxFloat(27.5), d.Strategy.Old, "strategy old: (15 + 40) / 2")
	fxAssertPtr(t, fxFloat(50), d.Strategy.New, "strategy new: (60 + 40) / 2")
	fxAssertPtr(t, fxFloat(22.5), d.Strategy.Change, "strategy change")

	// Coverage and stale counts on both sides of every roll-up delta.
	assert.Equal(t, &controlling.Coverage{Covered: 1, Total: 3}, d.FocusAreas[0].OldCoverage, "A: A1 covered a year ago")
	assert.Equal(t, &controlling.Coverage{Covered: 2, Total: 3}, d.FocusAreas[0].NewCoverage, "A: A2 became covered")
	assert.Equal(t, &controlling.Coverage{Covered: 2, Total: 5}, d.Strategy.OldCoverage)
	assert.Equal(t, &controlling.Coverage{Covered: 3, Total: 5}, d.Strategy.NewCoverage)
	assert.Equal(t, &controlling.Coverage{Covered: 0, Total: 1}, byID["A2"].OldCoverage, "A2 had no measure a year ago")
	require.NotNil(t, d.Strategy.NewStaleCount)
	assert.Equal(t, 3, *d.Strategy.NewStaleCount, "updated 2026-06-01: over 183 days before 2026-12-31")
}

func TestDiffKindsOfChange(t *testing.T) {
	m := fxMeasure("M", 50, "A1")
	moved := fxMeasure("M", 50, "A2", "B1")
	life := fxMeasure("M", 50, "A1")
	life.Status = portfolio.Paused
	tests := []struct {
		reason      string
		old, new    portfolio.Measure
		oldAsOf     string
		newAsOf     string
		wantChanged string
		wantGoals   []controlling.GoalChange
		wantSwapped bool
	}{
		{"same measure, same day: nothing", m, m, "2026-07-02", "2026-07-02", "", []controlling.GoalChange{}, false},
		{"time passes, the measure stands still: the schedule status", m, m, "2026-07-02", "2026-11-01", controlling.ChangedSchedule, []controlling.GoalChange{}, false},
		{"paused while on track: both statuses", m, life, "2026-07-02", "2026-07-02", controlling.ChangedBoth, []controlling.GoalChange{}, false},
		{"paused while already at risk: only the lifecycle", fxWith(m, 30), fxWith(life, 30), "2026-07-02", "2026-07-02", controlling.ChangedLifecycle, []controlling.GoalChange{}, false},
		{"goals moved: added and removed", m, moved, "2026-07-02", "2026-07-02", "",
			[]controlling.GoalChange{{ID: "M", Added: []strategy.ID{"A2", "B1"}, Removed: []strategy.ID{"A1"}}}, false},
		{"NEW older than OLD is flagged", m, m, "2026-11-01", "2026-07-02", controlling.ChangedSchedule, []controlling.GoalChange{}, true},
	}
	for _, tc := range tests {
		t.Run(tc.reason, func(t *testing.T) {
			d := controlling.Diff(fxCompute(t, fxPortfolio(tc.oldAsOf, tc.old), controlling.Options{}),
				fxCompute(t, fxPortfolio(tc.newAsOf, tc.new), controlling.Options{}))
			if tc.wantChanged == "" {
				assert.Empty(t, d.StatusChanges)
			} else {
				require.Len(t, d.StatusChanges, 1)
				assert.Equal(t, tc.wantChanged, d.StatusChanges[0].Changed)
			}
			assert.Equal(t, tc.wantGoals, d.GoalChanges)
			assert.Equal(t, tc.wantSwapped, d.NewBeforeOld)
		})
	}
}

// fxWith is m with progress p.
func fxWith(m portfolio.Measure, p float64) portfolio.Measure {
	m.Progress = fxFloat(p)
	return m
}

func TestDiffNilAndJSON(t *testing.T) {
	_, to := fxSnapshots(t)
	tests := []struct {
		reason      string
		from, to    *controlling.Report
		wantAdded   []strategy.ID
		wantRemoved []strategy.ID
	}{
		{"nil old report: everything is added", nil, to, []strategy.ID{"N", "K", "P"}, []strategy.ID{}},
		{"nil new report: everything is removed", to, nil, []strategy.ID{}, []strategy.ID{"N", "K", "P"}},
		{"both nil: nothing", nil, nil, []strategy.ID{}, []strategy.ID{}},
		{"a report against itself: nothing added or removed", to, to, []strategy.ID{}, []strategy.ID{}},
	}
	for _, tc := range tests {
		t.Run(tc.reason, func(t *testing.T) {
			d := controlling.Diff(tc.from, tc.to)
			assert.Equal(t, tc.wantAdded, d.Added)
			assert.Equal(t, tc.wantRemoved, d.Removed)
			b, err := json.Marshal(d)
			require.NoError(t, err)
			var doc map[string]any
			require.NoError(t, json.Unmarshal(b, &doc))
			for _, k := range []string{"added", "removed", "statusChanges", "measures", "goals", "focusAreas", "strategy"} {
				assert.Contains(t, doc, k)
				assert.NotNil(t, doc[k], "%s is never null", k)
			}
		})
	}
}

func TestDiffSelfIsStill(t *testing.T) {
	_, to := fxSnapshots(t)
	d := controlling.Diff(to, to)
	assert.Empty(t, d.StatusChanges)
	all := d.Measures
	for _, g := range append(d.Goals, d.FocusAreas...) {
		all = append(all, g.ProgressDelta)
	}
	for _, m := range all {
		if m.Change != nil {
			assert.Zero(t, *m.Change, m.ID)
		}
	}
	b1, err := json.Marshal(d)
	require.NoError(t, err)
	b2, err := json.Marshal(controlling.Diff(to, to))
	require.NoError(t, err)
	assert.Equal(t, string(b1), string(b2), "deterministic")
}
