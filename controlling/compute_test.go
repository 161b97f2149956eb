package controlling_test

import (
	"encoding/json"
	"math"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/bl-digital/kompass/controlling"
	"github.com/bl-digital/kompass/portfolio"
	"github.com/bl-digital/kompass/strategy"
)

// Small hand-written fixtures for the rule tests. The helpers carry an fx
// prefix so they do not collide with the renderer tests in this package.

// fxStrategy has focus area A with goals A1, A2, A3 and focus area B with
// goals B1, B2.
func fxStrategy() *strategy.Strategy {
	goal := func(id strategy.ID) strategy.Goal {
		return strategy.Goal{ID: id, Title: strategy.Text{"de": string(id)}}
	}
	return &strategy.Strategy{
		ID:    "fx",
		Title: strategy.Text{"de": "Fixture"},
		FocusAreas: []strategy.FocusArea{
			{ID: "A", Title: strategy.Text{"de": "A"}, Goals: []strategy.Goal{goal("A1"), goal("A2"), goal("A3")}},
			{ID: "B", Title: strategy.Text{"de": "B"}, Goals: []strategy.Goal{goal("B1"), goal("B2")}},
		},
	}
}

func fxDate(s string) strategy.Date { return strategy.MustParseDate(s) }

func fxFloat(f float64) *float64 { return &f }

// fxMeasure is an active measure on goals running through 2026, updated on
// 2026-06-01, with the given progress; change fields as a case needs.
func fxMeasure(id strategy.ID, progress float64, goals ...strategy.ID) portfolio.Measure {
	if len(goals) == 0 {
		goals = []strategy.ID{"A1"}
	}
	return portfolio.Measure{
		ID:       id,
		Title:    strategy.Text{"de": string(id)},
		Goals:    goals,
		Owner:    "O",
		Status:   portfolio.Active,
		Start:    fxDate("2026-01-01"),
		End:      fxDate("2026-12-31"),
		Progress: fxFloat(progress),
		Updated:  fxDate("2026-06-01"),
	}
}

func fxPortfolio(asOf string, ms ...portfolio.Measure) *portfolio.Portfolio {
	return &portfolio.Portfolio{
		ID:            "fx-portfolio",
		Title:         strategy.Text{"de": "Fixture"},
		Strategy:      "fx",
		AsOf:          fxDate(asOf),
		Currency:      portfolio.CHF,
		Organisations: []portfolio.Organisation{{ID: "O", Name: strategy.Text{"de": "O"}}},
		Measures:      ms,
	}
}

func fxCompute(t *testing.T, p *portfolio.Portfolio, o controlling.Options) *controlling.Report {
	t.Helper()
	r, err := controlling.Compute(fxStrategy(), p, o)
	require.NoError(t, err)
	return r
}

func fxMeasureOf(t *testing.T, r *controlling.Report, id strategy.ID) controlling.Measure {
	t.Helper()
	for _, m := range r.Measures {
		if m.ID == id {
			return m
		}
	}
	require.Failf(t, "no measure", "%s", id)
	return controlling.Measure{}
}

func fxGoalOf(t *testing.T, r *controlling.Report, id strategy.ID) controlling.Goal {
	t.Helper()
	for _, fa := range r.FocusAreas {
		for _, g := range fa.Goals {
			if g.ID == id {
				return g
			}
		}
	}
	require.Failf(t, "no goal", "%s", id)
	return controlling.Goal{}
}

func fxAreaOf(t *testing.T, r *controlling.Report, id strategy.ID) controlling.FocusArea {
	t.Helper()
	for _, fa := range r.FocusAreas {
		if fa.ID == id {
			return fa
		}
	}
	require.Failf(t, "no focus area", "%s", id)
	return controlling.FocusArea{}
}

func TestScheduleStatus(t *testing.T) {
	// The window 2026-01-01..2026-01-11 spans 10 days, so on 2026-01-06
	// planned progress is exactly 50.
	tests := []struct {
		reason     string
		status     portfolio.Status
		start, end string
		asOf       string
		progress   *float64
		opts       controlling.Options
		wantPP     float64
		want       controlling.ScheduleStatus
	}{
		{reason: "ahead of plan is on track", status: portfolio.Active, start: "2026-01-01", end: "2026-01-11", asOf: "2026-01-06",
			progress: fxFloat(80), wantPP: 50, want: controlling.OnTrack},
		{reason: "d = -10 exactly is still on track", status: portfolio.Active, start: "2026-01-01", end: "2026-01-11", asOf: "2026-01-06",
			progress: fxFloat(40), wantPP: 50, want: controlling.OnTrack},
		{reason: "just below d = -10 is at risk", status: portfolio.Active, start: "2026-01-01", end: "2026-01-11", asOf: "2026-01-06",
			progress: fxFloat(39.99), wantPP: 50, want: controlling.AtRisk},
		{reason: "d = -25 exactly is at risk, not late", status: portfolio.Active, start: "2026-01-01", end: "2026-01-11", asOf: "2026-01-06",
			progress: fxFloat(25), wantPP: 50, want: controlling.AtRisk},
		{reason: "just below d = -25 is late", status: portfolio.Active, start: "2026-01-01", end: "2026-01-11", asOf: "2026-01-06",
			progress: fxFloat(24.99), wantPP: 50, want: controlling.Late},
		{reason: "custom thresholds: d = -6 is at risk with AtRisk 5", status: portfolio.Active, start: "2026-01-01", end: "2026-01-11", asOf: "2026-01-06",
			progress: fxFloat(44), opts: controlling.Options{AtRisk: 5, Late: 15}, wantPP: 50, want: controlling.AtRisk},
		{reason: "custom thresholds: d = -16 is late with Late 15", status: portfolio.Active, start: "2026-01-01", end: "2026-01-11", asOf: "2026-01-06",
			progress: fxFloat(34), opts: controlling.Options{AtRisk: 5, Late: 15}, wantPP: 50, want: controlling.Late},
		{reason: "paused and on plan is capped at at-risk", status: portfolio.Paused, start: "2026-01-01", end: "2026-01-11", asOf: "2026-01-06",
			progress: fxFloat(60), wantPP: 50, want: controlling.AtRisk},
		{reason: "paused and at risk stays at risk", status: portfolio.Paused, start: "2026-01-01", end: "2026-01-11", asOf: "2026-01-06",
			progress: fxFloat(30), wantPP: 50, want: controlling.AtRisk},
		{reason: "paused and late stays late", status: portfolio.Paused, start: "2026-01-01", end: "2026-01-11", asOf: "2026-01-06",
			progress: fxFloat(10), wantPP: 50, want: controlling.Late},
		{reason: "planned and starting after asOf is not started", status: portfolio.Planned, start: "2026-01-07", end: "2026-01-11", asOf: "2026-01-06",
			wantPP: 0, want: controlling.NotStarted},
		{reason: "planned and starting on asOf is judged by d = 0 - 0", status: portfolio.Planned, start: "2026-01-06", end: "2026-01-16", asOf: "2026-01-06",
			wantPP: 0, want: controlling.OnTrack},
		{reason: "planned but past its start is judged by d like any measure", status: portfolio.Planned, start: "2026-01-01", end: "2026-01-11", asOf: "2026-01-06",
			wantPP: 50, want: controlling.Late},
		{reason: "planned 1 day past start: d = -10 is on track", status: portfolio.Planned, start: "2026-01-01", end: "2026-01-11", asOf: "2026-01-02",
			wantPP: 10, want: controlling.OnTrack},
		{reason: "planned and a month-precision start after asOf is not started", status: portfolio.Planned, start: "2026-02", end: "2026-03", asOf: "2026-01-31",
			wantPP: 0, want: controlling.NotStarted},
		{reason: "completed is done whatever the dates", status: portfolio.Completed, start: "2026-01-01", end: "2026-01-11", asOf: "2026-03-01",
			wantPP: 100, want: controlling.Done},
		{reason: "cancelled is cancelled", status: portfolio.Cancelled, start: "2026-01-01", end: "2026-01-11", asOf: "2026-01-06",
			progress: fxFloat(5), wantPP: 50, want: controlling.Cancelled},
		{reason: "active before its start: pp = 0", status: portfolio.Active, start: "2026-02-01", end: "2026-03-01", asOf: "2026-01-06",
			progress: fxFloat(0), wantPP: 0, want: controlling.OnTrack},
		{reason: "after its end below 100 is late even when d >= -10", status: portfolio.Active, start: "2026-01-01", end: "2026-01-11", asOf: "2026-01-12",
			progress: fxFloat(99), wantPP: 100, want: controlling.Late},
		{reason: "after its end at 100 but not completed is on track", status: portfolio.Active, start: "2026-01-01", end: "2026-01-11", asOf: "2026-01-20",
			progress: fxFloat(100), wantPP: 100, want: controlling.OnTrack},
		{reason: "on its end day is not past the end", status: portfolio.Active, start: "2026-01-01", end: "2026-01-11", asOf: "2026-01-11",
			progress: fxFloat(95), wantPP: 100, want: controlling.OnTrack},
		{reason: "end = start: pp = 0 the day before", status: portfolio.Active, start: "2026-05-10", end: "2026-05-10", asOf: "2026-05-09",
			progress: fxFloat(0), wantPP: 0, want: controlling.OnTrack},
		{reason: "end = start: pp = 100 on that day", status: portfolio.Active, start: "2026-05-10", end: "2026-05-10", asOf: "2026-05-10",
			progress: fxFloat(80), wantPP: 100, want: controlling.AtRisk},
		{reason: "end = start: pp = 100 after that day, and late", status: portfolio.Active, start: "2026-05-10", end: "2026-05-10", asOf: "2026-05-11",
			progress: fxFloat(95), wantPP: 100, want: controlling.Late},
		{reason: "month precision: March 1..31 spans 30 days, 15 elapsed", status: portfolio.Active, start: "2026-03", end: "2026-03", asOf: "2026-03-16",
			progress: fxFloat(50), wantPP: 50, want: controlling.OnTrack},
		{reason: "year precision: 2026-01-01..2027-12-31", status: portfolio.Active, start: "2026", end: "2027", asOf: "2026-12-31",
			progress: fxFloat(50), wantPP: 364.0 / 729 * 100, want: controlling.OnTrack},
		{reason: "asOf of month precision means its last day", status: portfolio.Active, start: "2026-03-01", end: "2026-04-30", asOf: "2026-03",
			progress: fxFloat(50), wantPP: 30.0 / 60 * 100, want: controlling.OnTrack},
		{reason: "asOf of year precision means 31 December", status: portfolio.Active, start: "2026-01-01", end: "2027-01-01", asOf: "2026",
			progress: fxFloat(0), wantPP: 364.0 / 365 * 100, want: controlling.Late},
	}
	for _, tc := range tests {
		t.Run(tc.reason, func(t *testing.T) {
			m := fxMeasure("M", 0)
			m.Status, m.Start, m.End, m.Progress = tc.status, fxDate(tc.start), fxDate(tc.end), tc.progress
			r := fxCompute(t, fxPortfolio(tc.asOf, m), tc.opts)
			got := fxMeasureOf(t, r, "M")
			assert.InDelta(t, tc.wantPP, got.PlannedProgress, 1e-9, "plannedProgress")
			assert.Equal(t, tc.want, got.Status)
		})
	}
}

func TestProgress(t *testing.T) {
	tests := []struct {
		reason   string
		status   portfolio.Status
		progress *float64
		want     float64
	}{
		{"active takes its progress", portfolio.Active, fxFloat(42.5), 42.5},
		{"planned counts 0 whatever it says", portfolio.Planned, fxFloat(30), 0},
		{"completed counts 100 whatever it says", portfolio.Completed, fxFloat(80), 100},
		{"completed without progress counts 100", portfolio.Completed, nil, 100},
		{"paused takes its progress", portfolio.Paused, fxFloat(12), 12},
		{"a progress above 100 is clamped", portfolio.Active, fxFloat(140), 100},
		{"a negative progress is clamped", portfolio.Active, fxFloat(-3), 0},
		{"active without progress counts 0", portfolio.Active, nil, 0},
	}
	for _, tc := range tests {
		t.Run(tc.reason, func(t *testing.T) {
			m := fxMeasure("M", 0)
			m.Status, m.Progress = tc.status, tc.progress
			r := fxCompute(t, fxPortfolio("2026-06-30", m), controlling.Options{})
			assert.Equal(t, tc.want, fxMeasureOf(t, r, "M").Progress)
		})
	}
}

func TestStale(t *testing.T) {
	asOf := fxDate("2026-07-03")
	daysBefore := func(n int) strategy.Date { return strategy.DateOf(asOf.First().AddDate(0, 0, -n)) }
	tests := []struct {
		reason  string
		status  portfolio.Status
		updated strategy.Date
		opts    controlling.Options
		want    bool
	}{
		{"updated exactly 183 days before asOf is not stale", portfolio.Active, daysBefore(183), controlling.Options{}, false},
		{"updated 184 days before asOf is stale", portfolio.Active, daysBefore(184), controlling.Options{}, true},
		{"updated on asOf is not stale", portfolio.Active, asOf, controlling.Options{}, false},
		{"updated after asOf is not stale", portfolio.Active, daysBefore(-10), controlling.Options{}, false},
		{"never updated is stale", portfolio.Active, strategy.Date{}, controlling.Options{}, true},
		{"planned and never updated is stale", portfolio.Planned, strategy.Date{}, controlling.Options{}, true},
		{"paused and old is stale", portfolio.Paused, daysBefore(400), controlling.Options{}, true},
		{"completed is never stale", portfolio.Completed, strategy.Date{}, controlling.Options{}, false},
		{"cancelled is never stale", portfolio.Cancelled, daysBefore(900), controlling.Options{}, false},
		{"StaleAfterDays 30: 31 days is stale", portfolio.Active, daysBefore(31), controlling.Options{StaleAfterDays: 30}, true},
		{"StaleAfterDays 30: 30 days is not", portfolio.Active, daysBefore(30), controlling.Options{StaleAfterDays: 30}, false},
		// 2026-01 ends on 2026-01-31, 153 days before 2026-07-03.
		{"updated of month precision means its last day", portfolio.Active, fxDate("2026-01"), controlling.Options{StaleAfterDays: 153}, false},
		{"updated of month precision, one day less allowed", portfolio.Active, fxDate("2026-01"), controlling.Options{StaleAfterDays: 152}, true},
	}
	for _, tc := range tests {
		t.Run(tc.reason, func(t *testing.T) {
			m := fxMeasure("M", 50)
			m.Status, m.Updated = tc.status, tc.updated
			r := fxCompute(t, fxPortfolio(asOf.String(), m), tc.opts)
			assert.Equal(t, tc.want, fxMeasureOf(t, r, "M").Stale)
			if tc.want {
				assert.Equal(t, []strategy.ID{"M"}, r.Stale)
			} else {
				assert.Empty(t, r.Stale)
			}
		})
	}
}

func TestDivergent(t *testing.T) {
	// On 2026-01-06 the 2026-01-01..2026-01-11 window is half through (pp 50).
	tests := []struct {
		reason   string
		self     portfolio.Rating // "" for none
		status   portfolio.Status
		progress float64
		want     bool
	}{
		{"self on-track, computed on-track", portfolio.OnTrack, portfolio.Active, 50, false},
		{"self on-track, computed at-risk", portfolio.OnTrack, portfolio.Active, 30, true},
		{"self on-track, computed late", portfolio.OnTrack, portfolio.Active, 10, true},
		{"self at-risk, computed at-risk", portfolio.AtRisk, portfolio.Active, 30, false},
		{"self at-risk, computed late", portfolio.AtRisk, portfolio.Active, 10, true},
		{"self at-risk, computed on-track (more cautious) is fine", portfolio.AtRisk, portfolio.Active, 50, false},
		{"self late, computed on-track is fine", portfolio.Late, portfolio.Active, 50, false},
		{"self on-track, paused capped at at-risk", portfolio.OnTrack, portfolio.Paused, 50, true},
		{"self on-track, completed (done) is not divergent", portfolio.OnTrack, portfolio.Completed, 100, false},
		{"no self-assessment is never divergent", "", portfolio.Active, 0, false},
	}
	for _, tc := range tests {
		t.Run(tc.reason, func(t *testing.T) {
			m := fxMeasure("M", tc.progress)
			m.Status, m.Start, m.End = tc.status, fxDate("2026-01-01"), fxDate("2026-01-11")
			if tc.self != "" {
				m.SelfAssessment = &portfolio.SelfAssessment{Status: tc.self, Date: fxDate("2026-01-05")}
			}
			r := fxCompute(t, fxPortfolio("2026-01-06", m), controlling.Options{})
			assert.Equal(t, tc.want, fxMeasureOf(t, r, "M").Divergent)
			assert.Equal(t, tc.want, len(r.Divergent) == 1, "Report.Divergent")
		})
	}
}

func TestFTE(t *testing.T) {
	tests := []struct {
		reason  string
		savings *portfolio.Savings
		opts    controlling.Options
		want    float64
	}{
		{"400 people × 3 minutes at 8.4 h a day is 2.38 FTE", &portfolio.Savings{People: 400, MinutesPerDay: 3}, controlling.Options{}, 2.38},
		{"400 people × 3 minutes at 8 h a day is 2.5 FTE", &portfolio.Savings{People: 400, MinutesPerDay: 3}, controlling.Options{HoursPerDay: 8}, 2.5},
		{"one person saving a whole day is 1 FTE", &portfolio.Savings{People: 1, MinutesPerDay: 8.4 * 60}, controlling.Options{}, 1},
		{"no savings is 0", nil, controlling.Options{}, 0},
	}
	for _, tc := range tests {
		t.Run(tc.reason, func(t *testing.T) {
			m := fxMeasure("M", 50)
			m.Savings = tc.savings
			r := fxCompute(t, fxPortfolio("2026-06-30", m), tc.opts)
			assert.InDelta(t, tc.want, fxMeasureOf(t, r, "M").FTE, 0.005)
		})
	}
}

func TestBudget(t *testing.T) {
	tests := []struct {
		reason   string
		status   portfolio.Status
		progress float64
		budget   *portfolio.Budget
		wantEV   *float64
		wantCPI  *float64
	}{
		{"EV = planned × p / 100, CPI = EV / spent", portfolio.Active, 40, &portfolio.Budget{Planned: 1000, Spent: 500}, fxFloat(400), fxFloat(0.8)},
		{"nothing spent: CPI null", portfolio.Active, 40, &portfolio.Budget{Planned: 1000}, fxFloat(400), nil},
		{"no budget: EV and CPI null", portfolio.Active, 40, nil, nil, nil},
		{"completed earns all", portfolio.Completed, 0, &portfolio.Budget{Planned: 1000, Spent: 1250}, fxFloat(1000), fxFloat(0.8)},
		{"planned earns nothing", portfolio.Planned, 0, &portfolio.Budget{Planned: 1000, Spent: 100}, fxFloat(0), fxFloat(0)},
	}
	for _, tc := range tests {
		t.Run(tc.reason, func(t *testing.T) {
			m := fxMeasure("M", tc.progress)
			m.Status, m.Budget = tc.status, tc.budget
			r := fxCompute(t, fxPortfolio("2026-06-30", m), controlling.Options{})
			got := fxMeasureOf(t, r, "M")
			assert.Equal(t, tc.wantEV, got.EarnedValue, "earnedValue")
			if tc.wantCPI == nil {
				assert.Nil(t, got.CPI)
			} else {
				require.NotNil(t, got.CPI)
				assert.InDelta(t, *tc.wantCPI, *got.CPI, 1e-12)
			}
		})
	}
}

func TestIndicators(t *testing.T) {
	obs := func(v float64, d string) portfolio.Observation {
		return portfolio.Observation{Value: v, Date: fxDate(d)}
	}
	// The indicator runs from 2026-01-01 (baseline, First) to 2026-12-31
	// (target "2026", Last): 364 days.
	tests := []struct {
		reason          string
		baseline        portfolio.Observation
		target          portfolio.Observation
		actuals         []portfolio.Observation
		asOf            string
		wantAchievement *float64
		wantExpected    *float64
	}{
		{"the latest actual by date counts, not the last listed", obs(10, "2026-01-01"), obs(50, "2026"),
			[]portfolio.Observation{obs(30, "2026-06-01"), obs(20, "2026-03-01")}, "2026-07-02",
			fxFloat(0.5), fxFloat(182.0 / 364)},
		{"no actuals: achievement null", obs(10, "2026-01-01"), obs(50, "2026"), nil, "2026-07-02",
			nil, fxFloat(182.0 / 364)},
		{"target equal to baseline: achievement null", obs(10, "2026-01-01"), obs(10, "2026"),
			[]portfolio.Observation{obs(12, "2026-06-01")}, "2026-07-02", nil, fxFloat(182.0 / 364)},
		{"a falling target: 100 to 60, now 90 is a quarter", obs(100, "2026-01-01"), obs(60, "2026"),
			[]portfolio.Observation{obs(90, "2026-05-01")}, "2026-07-02", fxFloat(0.25), fxFloat(182.0 / 364)},
		{"going the wrong way is negative", obs(10, "2026-01-01"), obs(50, "2026"),
			[]portfolio.Observation{obs(6, "2026-05-01")}, "2026-07-02", fxFloat(-0.1), fxFloat(182.0 / 364)},
		{"beyond the target is above 1", obs(10, "2026-01-01"), obs(50, "2026"),
			[]portfolio.Observation{obs(70, "2026-05-01")}, "2026-07-02", fxFloat(1.5), fxFloat(182.0 / 364)},
		{"before the baseline date expected is 0", obs(10, "2026-01-01"), obs(50, "2026"), nil, "2025-12-01",
			nil, fxFloat(0)},
		{"after the target date expected is 1", obs(10, "2026-01-01"), obs(50, "2026"), nil, "2027-02-01",
			nil, fxFloat(1)},
		{"on the target's last day expected is 1", obs(10, "2026-01-01"), obs(50, "2026"), nil, "2026-12-31",
			nil, fxFloat(1)},
		{"same-date actuals: the later listed wins", obs(0, "2026-01-01"), obs(10, "2026"),
			[]portfolio.Observation{obs(3, "2026-05-01"), obs(4, "2026-05-01")}, "2026-07-02", fxFloat(0.4), fxFloat(182.0 / 364)},
	}
	for _, tc := range tests {
		t.Run(tc.reason, func(t *testing.T) {
			m := fxMeasure("M", 50)
			m.Indicators = []portfolio.Indicator{{ID: "I", Title: strategy.Text{"de": "I"}, Unit: "%",
				Baseline: tc.baseline, Target: tc.target, Actuals: tc.actuals}}
			r := fxCompute(t, fxPortfolio(tc.asOf, m), controlling.Options{})
			got := fxMeasureOf(t, r, "M").Indicators
			require.Len(t, got, 1)
			assert.Equal(t, strategy.ID("I"), got[0].ID)
			fxAssertPtr(t, tc.wantAchievement, got[0].Achievement, "achievement")
			fxAssertPtr(t, tc.wantExpected, got[0].Expected, "expected")
		})
	}
}

func fxAssertPtr(t *testing.T, want, got *float64, what string) {
	t.Helper()
	if want == nil {
		assert.Nil(t, got, what)
		return
	}
	if assert.NotNil(t, got, what) {
		assert.InDelta(t, *want, *got, 1e-12, what)
	}
}

func TestGoalRollup(t *testing.T) {
	weighted := func(id strategy.ID, p, w float64, goals ...strategy.ID) portfolio.Measure {
		m := fxMeasure(id, p, goals...)
		m.Weight = fxFloat(w)
		return m
	}
	cancelled := func(id strategy.ID, goals ...strategy.ID) portfolio.Measure {
		m := fxMeasure(id, 90, goals...)
		m.Status = portfolio.Cancelled
		return m
	}
	tests := []struct {
		reason       string
		measures     []portfolio.Measure
		goal         strategy.ID
		wantProgress *float64
		wantStatus   controlling.ScheduleStatus
		wantMeasures []strategy.ID
		wantCovered  int
		wantFormula  string
	}{
		{"weights: (20×1 + 60×3) / 4 = 50",
			[]portfolio.Measure{weighted("M1", 20, 1), weighted("M2", 60, 3)}, "A1",
			fxFloat(50), controlling.Late, []strategy.ID{"M1", "M2"}, 1,
			"sum(weight × progress) / sum(weight) over 2 measures"},
		{"no weight means 1",
			[]portfolio.Measure{fxMeasure("M1", 20), fxMeasure("M2", 60)}, "A1",
			fxFloat(40), controlling.Late, []strategy.ID{"M1", "M2"}, 1,
			"sum(weight × progress) / sum(weight) over 2 measures"},
		{"cancelled measures are left out",
			[]portfolio.Measure{fxMeasure("M1", 50), cancelled("M2")}, "A1",
			fxFloat(50), controlling.OnTrack, []strategy.ID{"M1"}, 1,
			"sum(weight × progress) / sum(weight) over 1 measure"},
		{"a goal whose only measure is cancelled is uncovered",
			[]portfolio.Measure{cancelled("M1", "A2"), fxMeasure("M2", 50)}, "A2",
			nil, controlling.Uncovered, []strategy.ID{}, 0, "no measures: progress unknown"},
		{"a goal without measures is uncovered",
			[]portfolio.Measure{fxMeasure("M1", 50)}, "A3",
			nil, controlling.Uncovered, []strategy.ID{}, 0, "no measures: progress unknown"},
		{"a measure on two goals counts fully in each",
			[]portfolio.Measure{fxMeasure("M1", 80, "A1", "A2"), fxMeasure("M2", 20, "A2")}, "A2",
			fxFloat(50), controlling.Late, []strategy.ID{"M1", "M2"}, 1,
			"sum(weight × progress) / sum(weight) over 2 measures"},
		{"a goal listed twice by a measure counts the measure once",
			[]portfolio.Measure{fxMeasure("M1", 80, "A1", "A1"), fxMeasure("M2", 20)}, "A1",
			fxFloat(50), controlling.Late, []strategy.ID{"M1", "M2"}, 1,
			"sum(weight × progress) / sum(weight) over 2 measures"},
		{"an unknown goal is skipped, the known one counts",
			[]portfolio.Measure{fxMeasure("M1", 50, "NOPE", "A1")}, "A1",
			fxFloat(50), controlling.OnTrack, []strategy.ID{"M1"}, 1,
			"sum(weight × progress) / sum(weight) over 1 measure"},
		{"worst status wins: done < not-started < on-track",
			[]portfolio.Measure{func() portfolio.Measure { m := fxMeasure("M1", 0); m.Status = portfolio.Completed; return m }(),
				func() portfolio.Measure {
					m := fxMeasure("M2", 0)
					m.Status, m.Start, m.End = portfolio.Planned, fxDate("2027"), fxDate("2027")
					return m
				}(), fxMeasure("M3", 50)}, "A1",
			fxFloat(50), controlling.OnTrack, []strategy.ID{"M1", "M2", "M3"}, 1,
			"sum(weight × progress) / sum(weight) over 3 measures"},
	}
	for _, tc := range tests {
		t.Run(tc.reason, func(t *testing.T) {
			// asOf 2026-07-02: a 2026 measure is 182/364 = 50 % through.
			r := fxCompute(t, fxPortfolio("2026-07-02", tc.measures...), controlling.Options{})
			g := fxGoalOf(t, r, tc.goal)
			fxAssertPtr(t, tc.wantProgress, g.Progress, "progress")
			assert.Equal(t, tc.wantStatus, g.Status)
			assert.Equal(t, tc.wantMeasures, g.Measures)
			assert.Equal(t, controlling.Coverage{Covered: tc.wantCovered, Total: 1}, g.Coverage)
			assert.Equal(t, tc.wantFormula, g.Formula)
			require.Len(t, g.Contributions, len(tc.wantMeasures))
			for i, c := range g.Contributions {
				assert.Equal(t, tc.wantMeasures[i], c.ID)
				assert.Equal(t, fxMeasureOf(t, r, c.ID).Progress, c.Progress)
			}
		})
	}
}

func TestGoalCounts(t *testing.T) {
	done := fxMeasure("D", 0)
	done.Status = portfolio.Completed
	late := fxMeasure("L", 0)
	r := fxCompute(t, fxPortfolio("2026-07-02", done, late, fxMeasure("O1", 50), fxMeasure("O2", 60)), controlling.Options{})
	g := fxGoalOf(t, r, "A1")
	assert.Equal(t, map[controlling.ScheduleStatus]int{
		controlling.Late: 1, controlling.AtRisk: 0, controlling.OnTrack: 2, controlling.NotStarted: 0, controlling.Done: 1,
	}, g.Counts)
	assert.Equal(t, controlling.Late, g.Status)
}

func TestWeightingByBudget(t *testing.T) {
	budgeted := func(id strategy.ID, p float64, planned float64, goals ...strategy.ID) portfolio.Measure {
		m := fxMeasure(id, p, goals...)
		m.Budget = &portfolio.Budget{Planned: planned}
		m.Weight = fxFloat(100) // ignored by ByBudget
		return m
	}
	tests := []struct {
		reason      string
		measures    []portfolio.Measure
		want        float64
		wantWeights []float64
		wantFormula string
	}{
		{"weights are planned budgets: (20×1000 + 60×3000) / 4000 = 50",
			[]portfolio.Measure{budgeted("M1", 20, 1000), budgeted("M2", 60, 3000)}, 50, []float64{1000, 3000},
			"sum(planned budget × progress) / sum(planned budget) over 2 measures"},
		{"a measure without budget weighs 0",
			[]portfolio.Measure{budgeted("M1", 20, 1000), fxMeasure("M2", 90)}, 20, []float64{1000, 0},
			"sum(planned budget × progress) / sum(planned budget) over 2 measures"},
		{"all weights 0: equal weights",
			[]portfolio.Measure{fxMeasure("M1", 20), budgeted("M2", 60, 0)}, 40, []float64{1, 1},
			"mean(progress) over 2 measures (equal weights: no measure has a planned budget)"},
	}
	for _, tc := range tests {
		t.Run(tc.reason, func(t *testing.T) {
			r := fxCompute(t, fxPortfolio("2026-07-02", tc.measures...), controlling.Options{Weighting: controlling.ByBudget})
			g := fxGoalOf(t, r, "A1")
			fxAssertPtr(t, &tc.want, g.Progress, "progress")
			var weights []float64
			for _, c := range g.Contributions {
				weights = append(weights, c.Weight)
			}
			assert.Equal(t, tc.wantWeights, weights)
			assert.Equal(t, tc.wantFormula, g.Formula)
		})
	}
}

func TestFocusAreaAndStrategy(t *testing.T) {
	// A1 = 20, A2 = 60 (A3 uncovered) -> A = 40; B1 = 90 (B2 has only a
	// cancelled measure) -> B = 90; strategy = 65.
	c := fxMeasure("C", 0, "B2")
	c.Status = portfolio.Cancelled
	r := fxCompute(t, fxPortfolio("2026-07-02", fxMeasure("M1", 20, "A1"), fxMeasure("M2", 60, "A2"), fxMeasure("M3", 90, "B1"), c),
		controlling.Options{})

	a := fxAreaOf(t, r, "A")
	fxAssertPtr(t, fxFloat(40), a.Progress, "A progress")
	assert.Equal(t, controlling.Coverage{Covered: 2, Total: 3}, a.Coverage)
	assert.Equal(t, controlling.Late, a.Status, "M1 is 30 points behind")
	assert.Equal(t, "mean(progress) over 2 of 3 goals with progress (1 goal without measures left out)", a.Formula)

	b := fxAreaOf(t, r, "B")
	fxAssertPtr(t, fxFloat(90), b.Progress, "B progress")
	assert.Equal(t, controlling.Coverage{Covered: 1, Total: 2}, b.Coverage)
	assert.Equal(t, controlling.OnTrack, b.Status, "the uncovered B2 does not set B's status")

	fxAssertPtr(t, fxFloat(65), r.Strategy.Progress, "strategy progress")
	assert.Equal(t, controlling.Coverage{Covered: 3, Total: 5}, r.Strategy.Coverage)
	assert.Equal(t, controlling.Late, r.Strategy.Status)
	assert.Equal(t, "mean(progress) over 2 focus areas", r.Strategy.Formula)
	assert.Equal(t, strategy.ID("fx"), r.Strategy.ID)

	assert.Equal(t, []strategy.ID{"C"}, r.Cancelled)
	assert.Equal(t, []strategy.ID{"A3", "B2"}, r.Uncovered, "strategy order")
}

func TestUncoveredRollups(t *testing.T) {
	tests := []struct {
		reason       string
		measures     []portfolio.Measure
		wantA, wantB controlling.ScheduleStatus
		wantStrategy controlling.ScheduleStatus
	}{
		{"no measures at all: everything uncovered", nil,
			controlling.Uncovered, controlling.Uncovered, controlling.Uncovered},
		{"only cancelled measures: everything uncovered",
			[]portfolio.Measure{func() portfolio.Measure { m := fxMeasure("C", 0); m.Status = portfolio.Cancelled; return m }()},
			controlling.Uncovered, controlling.Uncovered, controlling.Uncovered},
		{"one done measure in A: B stays uncovered, the strategy is done",
			[]portfolio.Measure{func() portfolio.Measure { m := fxMeasure("D", 0); m.Status = portfolio.Completed; return m }()},
			controlling.Done, controlling.Uncovered, controlling.Done},
	}
	for _, tc := range tests {
		t.Run(tc.reason, func(t *testing.T) {
			r := fxCompute(t, fxPortfolio("2026-07-02", tc.measures...), controlling.Options{})
			assert.Equal(t, tc.wantA, fxAreaOf(t, r, "A").Status)
			assert.Equal(t, tc.wantB, fxAreaOf(t, r, "B").Status)
			assert.Equal(t, tc.wantStrategy, r.Strategy.Status)
			if tc.wantB == controlling.Uncovered {
				assert.Nil(t, fxAreaOf(t, r, "B").Progress)
			}
		})
	}
}

func TestDistinctMeasuresInRollups(t *testing.T) {
	// S is on A1 and A2 (one focus area) and B1: once in A, once in B, once in
	// the strategy, fully in each goal.
	s := fxMeasure("S", 100, "A1", "A2", "B1")
	s.Status = portfolio.Completed
	s.Savings = &portfolio.Savings{People: 400, MinutesPerDay: 3}
	s.Budget = &portfolio.Budget{Planned: 1000, Spent: 800}
	o := fxMeasure("O", 50, "A2")
	o.Savings = &portfolio.Savings{People: 84, MinutesPerDay: 6} // 1 FTE
	o.Budget = &portfolio.Budget{Planned: 200, Spent: 50}
	r := fxCompute(t, fxPortfolio("2026-07-02", s, o), controlling.Options{})

	fteS := 400 * 3 / 60 / 8.4
	tests := []struct {
		reason     string
		rollup     controlling.Rollup
		wantFTE    controlling.FTE
		wantBudget controlling.Budget
		wantCounts map[controlling.ScheduleStatus]int
	}{
		{"goal A1 holds S", fxGoalOf(t, r, "A1").Rollup,
			controlling.FTE{Expected: fteS, Realized: fteS},
			controlling.Budget{Planned: 1000, Spent: 800, EarnedValue: 1000, CPI: fxFloat(1.25)},
			map[controlling.ScheduleStatus]int{controlling.Done: 1}},
		{"goal A2 holds S and O", fxGoalOf(t, r, "A2").Rollup,
			controlling.FTE{Expected: fteS + 1, Realized: fteS},
			controlling.Budget{Planned: 1200, Spent: 850, EarnedValue: 1100, CPI: fxFloat(1100.0 / 850)},
			map[controlling.ScheduleStatus]int{controlling.Done: 1, controlling.OnTrack: 1}},
		{"focus area A counts S once", fxAreaOf(t, r, "A").Rollup,
			controlling.FTE{Expected: fteS + 1, Realized: fteS},
			controlling.Budget{Planned: 1200, Spent: 850, EarnedValue: 1100, CPI: fxFloat(1100.0 / 850)},
			map[controlling.ScheduleStatus]int{controlling.Done: 1, controlling.OnTrack: 1}},
		{"focus area B holds S", fxAreaOf(t, r, "B").Rollup,
			controlling.FTE{Expected: fteS, Realized: fteS},
			controlling.Budget{Planned: 1000, Spent: 800, EarnedValue: 1000, CPI: fxFloat(1.25)},
			map[controlling.ScheduleStatus]int{controlling.Done: 1}},
		{"the strategy counts S once", r.Strategy.Rollup,
			controlling.FTE{Expected: fteS + 1, Realized: fteS},
			controlling.Budget{Planned: 1200, Spent: 850, EarnedValue: 1100, CPI: fxFloat(1100.0 / 850)},
			map[controlling.ScheduleStatus]int{controlling.Done: 1, controlling.OnTrack: 1}},
	}
	for _, tc := range tests {
		t.Run(tc.reason, func(t *testing.T) {
			assert.InDelta(t, tc.wantFTE.Expected, tc.rollup.FTE.Expected, 1e-9, "fte expected")
			assert.InDelta(t, tc.wantFTE.Realized, tc.rollup.FTE.Realized, 1e-9, "fte realized")
			assert.Equal(t, tc.wantBudget.Planned, tc.rollup.Budget.Planned, "planned")
			assert.Equal(t, tc.wantBudget.Spent, tc.rollup.Budget.Spent, "spent")
			assert.Equal(t, tc.wantBudget.EarnedValue, tc.rollup.Budget.EarnedValue, "earned value")
			fxAssertPtr(t, tc.wantBudget.CPI, tc.rollup.Budget.CPI, "cpi")
			for _, s := range controlling.RollupStatuses {
				assert.Equal(t, tc.wantCounts[s], tc.rollup.Counts[s], "count %s", s)
			}
		})
	}
}

func TestRollupBudgetWithoutSpending(t *testing.T) {
	m := fxMeasure("M", 50)
	m.Budget = &portfolio.Budget{Planned: 1000}
	r := fxCompute(t, fxPortfolio("2026-07-02", m, fxMeasure("N", 50)), controlling.Options{})
	b := fxGoalOf(t, r, "A1").Budget
	assert.Equal(t, controlling.Budget{Planned: 1000, EarnedValue: 500}, b, "CPI null when nothing was spent; N without budget adds nothing")
}

func TestPurposes(t *testing.T) {
	with := func(id strategy.ID, p portfolio.Purpose, status portfolio.Status, planned float64, people int) portfolio.Measure {
		m := fxMeasure(id, 50)
		m.Purpose, m.Status = p, status
		m.Budget = &portfolio.Budget{Planned: planned, Spent: planned / 2}
		m.Savings = &portfolio.Savings{People: people, MinutesPerDay: 8.4 * 60}
		return m
	}
	r := fxCompute(t, fxPortfolio("2026-07-02",
		with("M1", portfolio.InternalEfficiency, portfolio.Active, 100, 1),
		with("M2", "", portfolio.Active, 10, 0),
		with("M3", portfolio.Effectiveness, portfolio.Completed, 200, 2),
		with("M4", portfolio.InternalEfficiency, portfolio.Completed, 300, 3),
		with("M5", portfolio.FewerVisits, portfolio.Cancelled, 1000, 10),
		with("M6", portfolio.Effectiveness, portfolio.Active, 50, 0),
	), controlling.Options{})

	type row struct {
		purpose  string
		measures int
		planned  float64
		fte      controlling.FTE
	}
	var got []row
	for _, p := range r.Purposes {
		name := "<none>"
		if p.Purpose != nil {
			name = string(*p.Purpose)
		}
		got = append(got, row{name, p.Measures, p.Budget.Planned, p.FTE})
	}
	assert.Equal(t, []row{
		{"effectiveness", 2, 250, controlling.FTE{Expected: 2, Realized: 2}},
		{"internal-efficiency", 2, 400, controlling.FTE{Expected: 4, Realized: 3}},
		{"<none>", 1, 10, controlling.FTE{}},
	}, got, "interpellation order a-d, purposes without measures and cancelled measures left out, the null purpose last")
	require.NotNil(t, r.Purposes[0].Budget.CPI)
	assert.InDelta(t, (200+25)/125.0, *r.Purposes[0].Budget.CPI, 1e-12, "effectiveness: EV (200 + 25) / spent (100 + 25)")
}

func TestComputeErrors(t *testing.T) {
	p := fxPortfolio("2026-07-02", fxMeasure("M", 50))
	noAsOf := fxPortfolio("2026-07-02", fxMeasure("M", 50))
	noAsOf.AsOf = strategy.Date{}
	tests := []struct {
		reason string
		s      *strategy.Strategy
		p      *portfolio.Portfolio
		o      controlling.Options
		want   error
	}{
		{"nil strategy", nil, p, controlling.Options{}, controlling.ErrNilInput},
		{"nil portfolio", fxStrategy(), nil, controlling.Options{}, controlling.ErrNilInput},
		{"no asOf anywhere", fxStrategy(), noAsOf, controlling.Options{}, controlling.ErrNoAsOf},
		{"negative hours per day", fxStrategy(), p, controlling.Options{HoursPerDay: -1}, controlling.ErrOptions},
		{"NaN threshold", fxStrategy(), p, controlling.Options{AtRisk: math.NaN()}, controlling.ErrOptions},
		{"negative staleness", fxStrategy(), p, controlling.Options{StaleAfterDays: -1}, controlling.ErrOptions},
		{"unknown weighting", fxStrategy(), p, controlling.Options{Weighting: 7}, controlling.ErrOptions},
	}
	for _, tc := range tests {
		t.Run(tc.reason, func(t *testing.T) {
			r, err := controlling.Compute(tc.s, tc.p, tc.o)
			assert.ErrorIs(t, err, tc.want)
			assert.Nil(t, r)
		})
	}
}

func TestComputeAcceptsWhatValidationReports(t *testing.T) {
	p := fxPortfolio("2026-07-02", fxMeasure("M", 50, "NOPE"))
	p.Strategy = "another-strategy"
	r, err := controlling.Compute(fxStrategy(), p, controlling.Options{})
	require.NoError(t, err, "a portfolio of another strategy is computed; validation reports it")
	assert.Len(t, r.Measures, 1)
	assert.Equal(t, 0, r.Strategy.Counts[controlling.OnTrack], "a measure only on unknown goals is in no roll-up")
	assert.Len(t, r.Purposes, 1, "but it is in the purposes")
	assert.Same(t, p, r.Portfolio)
	assert.NotNil(t, r.Source)
}

func TestComputeAsOfOption(t *testing.T) {
	r := fxCompute(t, fxPortfolio("2026-07-02", fxMeasure("M", 50)), controlling.Options{AsOf: fxDate("2026-03")})
	assert.Equal(t, fxDate("2026-03-31"), r.AsOf, "Options.AsOf wins; month precision means its last day")
	assert.Equal(t, fxDate("2026-03-31"), r.Options.AsOf)
	assert.Equal(t, controlling.DefaultHoursPerDay, r.Options.HoursPerDay, "Report.Options holds the defaults applied")
	assert.InDelta(t, 89.0/364*100, r.Measures[0].PlannedProgress, 1e-9)
}

func TestReportJSON(t *testing.T) {
	big := fxMeasure("BIG", 100, "A1")
	big.Budget = &portfolio.Budget{Planned: math.MaxFloat64, Spent: 5e-324}
	big2 := fxMeasure("BIG2", 100, "A1")
	big2.Budget = &portfolio.Budget{Planned: math.MaxFloat64, Spent: math.MaxFloat64}
	big2.Weight = fxFloat(math.MaxFloat64)
	r := fxCompute(t, fxPortfolio("2026-07-02", big, big2), controlling.Options{})
	b, err := json.Marshal(r)
	require.NoError(t, err, "overflowing sums and quotients never put NaN or Inf in the report")

	var doc map[string]any
	require.NoError(t, json.Unmarshal(b, &doc))
	assert.Equal(t, "2026-07-02", doc["asOf"])
	assert.Equal(t, "2026-07-02", doc["portfolioAsOf"])
	for _, k := range []string{"strategy", "focusAreas", "measures", "purposes", "cancelled", "cancelledTotals", "uncovered", "stale", "divergent"} {
		assert.Contains(t, doc, k)
	}
	assert.Equal(t, []any{}, doc["cancelled"], "empty lists are [], not null")
	assert.Equal(t, map[string]any{"measures": 0.0, "planned": 0.0, "spent": 0.0}, doc["cancelledTotals"])
	area := doc["focusAreas"].([]any)[0].(map[string]any)
	assert.Contains(t, area, "staleCount")
	st := doc["strategy"].(map[string]any)
	for _, k := range []string{"id", "progress", "coverage", "status", "fte", "budget", "formula", "counts", "staleCount"} {
		assert.Contains(t, st, k)
	}
	goal := doc["focusAreas"].([]any)[0].(map[string]any)["goals"].([]any)[0].(map[string]any)
	for _, k := range []string{"id", "progress", "coverage", "status", "fte", "budget", "measures", "contributions", "staleCount"} {
		assert.Contains(t, goal, k)
	}
	uncovered := doc["focusAreas"].([]any)[0].(map[string]any)["goals"].([]any)[1].(map[string]any)
	assert.Nil(t, uncovered["progress"], "an unknown figure is null")
	m := doc["measures"].([]any)[0].(map[string]any)
	for _, k := range []string{"id", "progress", "plannedProgress", "status", "stale", "divergent", "fte", "earnedValue", "cpi", "indicators"} {
		assert.Contains(t, m, k)
	}
	assert.Nil(t, m["cpi"], "planned / 5e-324 overflows: null rather than Inf")
	assert.Equal(t, []any{}, m["indicators"], "no indicators is [], not null")
	p := fxGoalOf(t, r, "A1").Progress
	require.NotNil(t, p)
	assert.Equal(t, 100.0, *p)
}

func TestExplain(t *testing.T) {
	m1 := fxMeasure("M1", 20, "A1")
	m1.Weight = fxFloat(1)
	m2 := fxMeasure("M2", 60, "A1", "A2")
	m2.Weight = fxFloat(3)
	m2.Updated = strategy.Date{}
	r := fxCompute(t, fxPortfolio("2026-07-02", m1, m2, fxMeasure("M3", 90, "B1")), controlling.Options{})

	g, ok := r.ExplainGoal("A1")
	require.True(t, ok)
	assert.Equal(t, controlling.LevelGoal, g.Level)
	assert.Equal(t, []controlling.Term{{ID: "M1", Weight: 1, Progress: 20}, {ID: "M2", Weight: 3, Progress: 60, Stale: true}}, g.Terms)
	assert.Equal(t, "A1: 50 = sum(weight × progress) / sum(weight) over 2 measures; M1 (weight 1, progress 20), M2 (weight 3, progress 60, stale)", g.String())

	a, ok := r.ExplainFocusArea("A")
	require.True(t, ok)
	assert.Equal(t, []controlling.Term{{ID: "A1", Weight: 1, Progress: 50}, {ID: "A2", Weight: 1, Progress: 60}}, a.Terms)
	assert.Equal(t, []strategy.ID{"A3"}, a.Excluded)
	assert.Equal(t, controlling.Coverage{Covered: 2, Total: 3}, a.Coverage)
	fxAssertPtr(t, fxFloat(55), a.Progress, "A")
	assert.Equal(t, 1, a.StaleCount, "M2 was never updated: the area's figure rests partly on it")
	assert.Equal(t, 1, g.StaleCount)

	s := r.ExplainStrategy()
	assert.Equal(t, controlling.LevelStrategy, s.Level)
	assert.Equal(t, []controlling.Term{{ID: "A", Weight: 1, Progress: 55}, {ID: "B", Weight: 1, Progress: 90}}, s.Terms)
	assert.Empty(t, s.Excluded)
	assert.Equal(t, "fx: 72.5 = mean(progress) over 2 focus areas; A (weight 1, progress 55), B (weight 1, progress 90)", s.String())

	u, ok := r.ExplainGoal("A3")
	require.True(t, ok)
	assert.Equal(t, "A3: unknown = no measures: progress unknown", u.String())

	_, ok = r.ExplainGoal("NOPE")
	assert.False(t, ok, "unknown goal")
	_, ok = r.ExplainFocusArea("A1")
	assert.False(t, ok, "a goal is not a focus area")
	var nilReport *controlling.Report
	_, ok = nilReport.ExplainGoal("A1")
	assert.False(t, ok, "nil report")
}

// TestFixtureDates makes sure the fixture dates mean what the tests say.
func TestFixtureDates(t *testing.T) {
	assert.Equal(t, time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC), fxDate("2026").Last())
	assert.Equal(t, 182, int(fxDate("2026-07-02").First().Sub(fxDate("2026-01-01").First()).Hours()/24))
}
