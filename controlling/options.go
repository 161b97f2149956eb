package controlling

import "github.com/bl-digital/kompass/strategy"

// Weighting chooses how measures weigh in a goal's progress.
type Weighting int

const (
	// ByWeight uses each measure's weight, 1 when it has none.
	ByWeight Weighting = iota
	// ByBudget uses each measure's planned budget (measures without one weigh 0;
	// a goal whose measures all weigh 0 falls back to equal weights).
	ByBudget
)

// Options configures Compute. The zero value uses the rules' defaults.
type Options struct {
	// AsOf is the date figures are computed at; zero means the portfolio's
	// asOf. A month or year (here or in the portfolio) means its last day.
	AsOf strategy.Date
	// HoursPerDay is the length of a working day for FTE; zero means 8.4 (a 42-hour week).
	HoursPerDay float64
	// AtRisk is how many points behind plan a measure may be before it is at
	// risk; zero means 10.
	AtRisk float64
	// Late is how many points behind plan make a measure late; zero means 25.
	Late float64
	// StaleAfterDays is how old `updated` may be before a measure is stale; zero means 183.
	StaleAfterDays int
	// Weighting chooses measure weights in goals; the zero value is ByWeight.
	Weighting Weighting
}

// Defaults of Options.
const (
	DefaultHoursPerDay    = 8.4
	DefaultAtRisk         = 10.0
	DefaultLate           = 25.0
	DefaultStaleAfterDays = 183
)

// withDefaults returns o with zero fields set to their defaults.
func (o Options) withDefaults() Options {
	if o.HoursPerDay == 0 {
		o.HoursPerDay = DefaultHoursPerDay
	}
	if o.AtRisk == 0 {
		o.AtRisk = DefaultAtRisk
	}
	if o.Late == 0 {
		o.Late = DefaultLate
	}
	if o.StaleAfterDays == 0 {
		o.StaleAfterDays = DefaultStaleAfterDays
	}
	return o
}
