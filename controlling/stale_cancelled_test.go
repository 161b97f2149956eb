package controlling_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/bl-digital/kompass/controlling"
	"github.com/bl-digital/kompass/portfolio"
	"github.com/bl-digital/kompass/strategy"
)

// TestStaleCount counts the stale measures of every roll-up the way its
// other sums count: a measure on two goals of one area counts in both
// goals, once in the area and once in the strategy.
func TestStaleCount(t *testing.T) {
	old := func(m portfolio.Measure) portfolio.Measure { m.Updated = fxDate("2025-12-31"); return m }
	never := func(m portfolio.Measure) portfolio.Measure { m.Updated = strategy.Date{}; return m }
	done := fxMeasure("DONE", 100, "A1")
	done.Status, done.Updated = portfolio.Completed, strategy.Date{}
	gone := never(fxMeasure("GONE", 10, "B1"))
	gone.Status = portfolio.Cancelled
	r := fxCompute(t, fxPortfolio("2026-10-31",
		old(fxMeasure("TWO", 50, "A1", "A2")), // 304 days before asOf: stale, on two goals of A
		never(fxMeasure("NEVER", 50, "B1")),   // never updated: stale
		fxMeasure("FRESH", 50, "A1"),          // updated 2026-06-01, 152 days: current
		done,                                  // completed: never stale
		gone,                                  // cancelled: in no roll-up
	), controlling.Options{})
	tests := []struct {
		reason string
		got    int
		want   int
	}{
		{"goal A1 holds TWO (stale), FRESH and DONE", fxGoalOf(t, r, "A1").StaleCount, 1},
		{"goal A2 holds TWO", fxGoalOf(t, r, "A2").StaleCount, 1},
		{"area A counts TWO once", fxAreaOf(t, r, "A").StaleCount, 1},
		{"area B holds NEVER; the cancelled GONE is left out", fxAreaOf(t, r, "B").StaleCount, 1},
		{"the strategy counts distinct measures", r.Strategy.StaleCount, 2},
		{"an uncovered goal has none", fxGoalOf(t, r, "A3").StaleCount, 0},
		{"the stale list holds TWO and NEVER: completed and cancelled measures are never stale", len(r.Stale), 2},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, tc.got, tc.reason)
	}
	// With a longer allowance nothing is stale but the never-updated one.
	r = fxCompute(t, fxPortfolio("2026-10-31", old(fxMeasure("TWO", 50, "A1", "A2")), never(fxMeasure("NEVER", 50, "B1"))),
		controlling.Options{StaleAfterDays: 400})
	assert.Equal(t, 1, r.Strategy.StaleCount, "StaleAfterDays 400: only the never-updated measure")
}

// TestCancelledTotals sums the cancelled measures and their money, which
// no roll-up holds.
func TestCancelledTotals(t *testing.T) {
	cancel := func(id strategy.ID, b *portfolio.Budget) portfolio.Measure {
		m := fxMeasure(id, 30, "A1")
		m.Status, m.Budget = portfolio.Cancelled, b
		return m
	}
	tests := []struct {
		reason string
		ms     []portfolio.Measure
		want   controlling.CancelledTotals
	}{
		{"nothing cancelled", []portfolio.Measure{fxMeasure("M", 50)}, controlling.CancelledTotals{}},
		{"two cancelled, one without budget",
			[]portfolio.Measure{cancel("C1", &portfolio.Budget{Planned: 900_000, Spent: 210_000}), cancel("C2", nil), fxMeasure("M", 50)},
			controlling.CancelledTotals{Measures: 2, Planned: 900_000, Spent: 210_000}},
		{"the example's CHF 370'000",
			[]portfolio.Measure{cancel("E-MITWIRKUNG", &portfolio.Budget{Planned: 900_000, Spent: 210_000}),
				cancel("KI-CHATBOT", &portfolio.Budget{Planned: 400_000, Spent: 160_000})},
			controlling.CancelledTotals{Measures: 2, Planned: 1_300_000, Spent: 370_000}},
	}
	for _, tc := range tests {
		r := fxCompute(t, fxPortfolio("2026-10-31", tc.ms...), controlling.Options{})
		assert.Equal(t, tc.want, r.CancelledTotals, tc.reason)
		assert.Equal(t, 0.0, fxGoalOf(t, r, "A1").Budget.Spent-sumSpentNotCancelled(tc.ms), "%s: cancelled money is in no roll-up", tc.reason)
	}
}

func sumSpentNotCancelled(ms []portfolio.Measure) float64 {
	var s float64
	for _, m := range ms {
		if m.Status != portfolio.Cancelled && m.Budget != nil {
			s += m.Budget.Spent
		}
	}
	return s
}

// TestPortfolioAsOf keeps the date of the data beside the date of the figures.
func TestPortfolioAsOf(t *testing.T) {
	p := fxPortfolio("2026-10", fxMeasure("M", 50))
	r := fxCompute(t, p, controlling.Options{AsOf: fxDate("2027-06-30")})
	assert.Equal(t, fxDate("2027-06-30"), r.AsOf)
	assert.Equal(t, fxDate("2026-10-31"), *r.PortfolioAsOf, "a month means its last day")
	p.AsOf = strategy.Date{}
	r = fxCompute(t, p, controlling.Options{AsOf: fxDate("2027-06-30")})
	assert.Nil(t, r.PortfolioAsOf, "no date of the data: null")
}
