package controlling

import (
	"github.com/bl-digital/kompass/portfolio"
	"github.com/bl-digital/kompass/strategy"
)

// ScheduleStatus is the computed schedule status of a measure or roll-up.
type ScheduleStatus string

const (
	Done       ScheduleStatus = "done"        // completed
	Cancelled  ScheduleStatus = "cancelled"   // cancelled; left out of every roll-up
	NotStarted ScheduleStatus = "not-started" // planned and not yet started
	OnTrack    ScheduleStatus = "on-track"    // progress at most 10 points behind plan
	AtRisk     ScheduleStatus = "at-risk"     // 10 to 25 points behind plan, or paused
	Late       ScheduleStatus = "late"        // more than 25 points behind plan, or past its end
	Uncovered  ScheduleStatus = "uncovered"   // a goal without (non-cancelled) measures
)

// Severity orders statuses for roll-ups: higher is worse. Uncovered and
// Cancelled never set a parent's status and rank lowest.
func (s ScheduleStatus) Severity() int {
	switch s {
	case Late:
		return 5
	case AtRisk:
		return 4
	case OnTrack:
		return 3
	case NotStarted:
		return 2
	case Done:
		return 1
	}
	return 0
}

// RollupStatuses are the statuses counted in roll-ups, worst first.
var RollupStatuses = []ScheduleStatus{Late, AtRisk, OnTrack, NotStarted, Done}

// Report is the controlling of one portfolio against its strategy at a date.
// Marshalled as JSON it is the report of `kompass report --format json`.
type Report struct {
	// AsOf is the day the figures are computed at: Options.AsOf, else the
	// portfolio's asOf (a month or year means its last day).
	AsOf strategy.Date `json:"asOf"`
	// PortfolioAsOf is the date of the data, the portfolio's asOf as a day
	// (its last day for a month or year); nil when the portfolio has none.
	PortfolioAsOf *strategy.Date   `json:"portfolioAsOf"`
	Options       Options          `json:"-"`
	Strategy      StrategyFigures  `json:"strategy"`
	FocusAreas    []FocusArea      `json:"focusAreas"`
	Measures      []Measure        `json:"measures"`
	Purposes      []PurposeFigures `json:"purposes"`
	// Cancelled, Uncovered, Stale and Divergent list measure ids (goal ids for
	// Uncovered) in portfolio (strategy) order.
	Cancelled []strategy.ID `json:"cancelled"`
	// CancelledTotals sums the cancelled measures and their money: they are
	// left out of every roll-up, but what was spent on them is not hidden.
	CancelledTotals CancelledTotals `json:"cancelledTotals"`
	Uncovered       []strategy.ID   `json:"uncovered"`
	Stale           []strategy.ID   `json:"stale"`
	Divergent       []strategy.ID   `json:"divergent"`

	// The inputs, for renderers that show names and texts; not marshalled.
	Source    *strategy.Strategy   `json:"-"`
	Portfolio *portfolio.Portfolio `json:"-"`
}

// Rollup is what the strategy, a focus area and a goal share.
type Rollup struct {
	// Progress is the rolled-up progress 0..100, nil when nothing below has progress.
	Progress *float64       `json:"progress"`
	Coverage Coverage       `json:"coverage"`
	Status   ScheduleStatus `json:"status"`
	// Counts is the number of measures in each schedule status.
	Counts map[ScheduleStatus]int `json:"counts"`
	FTE    FTE                    `json:"fte"`
	Budget Budget                 `json:"budget"`
	// StaleCount is the number of stale measures among those rolled up.
	StaleCount int `json:"staleCount"`
	// Formula says how Progress is computed, in English, for "how is this computed?".
	Formula string `json:"formula"`
}

// StrategyFigures is the roll-up of the whole strategy.
type StrategyFigures struct {
	ID strategy.ID `json:"id"`
	Rollup
}

// FocusArea is the roll-up of one focus area.
type FocusArea struct {
	ID strategy.ID `json:"id"`
	Rollup
	Goals []Goal `json:"goals"`
}

// Goal is the roll-up of one goal.
type Goal struct {
	ID strategy.ID `json:"id"`
	Rollup
	// Measures are the ids of the measures linked to the goal that are not cancelled.
	Measures      []strategy.ID  `json:"measures"`
	Contributions []Contribution `json:"contributions"`
}

// Contribution is one measure's part in a goal's progress.
type Contribution struct {
	ID       strategy.ID `json:"id"`
	Weight   float64     `json:"weight"`
	Progress float64     `json:"progress"`
}

// Coverage counts the goals with at least one (non-cancelled) measure among all goals below.
type Coverage struct {
	Covered int `json:"covered"`
	Total   int `json:"total"`
}

// FTE is full-time equivalents saved: expected (all measures not cancelled)
// and realized (completed measures only).
type FTE struct {
	Expected float64 `json:"expected"`
	Realized float64 `json:"realized"`
}

// Budget sums planned and spent money and the earned value; CPI is nil when
// nothing was spent.
type Budget struct {
	Planned     float64  `json:"planned"`
	Spent       float64  `json:"spent"`
	EarnedValue float64  `json:"earnedValue"`
	CPI         *float64 `json:"cpi"`
}

// Measure is the figures of one measure.
type Measure struct {
	ID              strategy.ID        `json:"id"`
	Progress        float64            `json:"progress"`
	PlannedProgress float64            `json:"plannedProgress"`
	Status          ScheduleStatus     `json:"status"`
	Stale           bool               `json:"stale"`
	Divergent       bool               `json:"divergent"`
	FTE             float64            `json:"fte"`
	EarnedValue     *float64           `json:"earnedValue"` // nil without a budget
	CPI             *float64           `json:"cpi"`         // nil without a budget or when nothing was spent
	Indicators      []IndicatorFigures `json:"indicators"`
}

// IndicatorFigures is an indicator's achievement against what is expected by now.
type IndicatorFigures struct {
	ID strategy.ID `json:"id"`
	// Achievement is (latest actual - baseline) / (target - baseline), nil without actuals.
	Achievement *float64 `json:"achievement"`
	// Expected is the elapsed share of [baseline date, target date] at asOf, 0..1.
	Expected *float64 `json:"expected"`
}

// CancelledTotals counts the cancelled measures and sums their budgets.
type CancelledTotals struct {
	Measures int     `json:"measures"`
	Planned  float64 `json:"planned"`
	Spent    float64 `json:"spent"`
}

// PurposeFigures sums measures by purpose (interpellation 2024/188, a-d).
type PurposeFigures struct {
	// Purpose is nil for measures without a purpose.
	Purpose  *portfolio.Purpose `json:"purpose"`
	Measures int                `json:"measures"`
	Budget   Budget             `json:"budget"`
	FTE      FTE                `json:"fte"`
	// StaleCount is the number of stale measures among them.
	StaleCount int `json:"staleCount"`
}
