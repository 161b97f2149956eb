package controlling_test

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/bl-digital/kompass/controlling"
	"github.com/bl-digital/kompass/examples"
	"github.com/bl-digital/kompass/portfolio"
	"github.com/bl-digital/kompass/strategy"
)

// fxBLStrategy decodes the embedded BL strategy (20 goals in 6 focus areas).
func fxBLStrategy(tb testing.TB) *strategy.Strategy {
	tb.Helper()
	var s strategy.Strategy
	if err := json.Unmarshal(examples.StrategyJSON, &s); err != nil {
		tb.Fatalf("decode BL strategy: %v", err)
	}
	return &s
}

// fxGoalIDs lists the strategy's goal ids in strategy order.
func fxGoalIDs(s *strategy.Strategy) []strategy.ID {
	var ids []strategy.ID
	for _, fa := range s.FocusAreas {
		for _, g := range fa.Goals {
			ids = append(ids, g.ID)
		}
	}
	return ids
}

// fxGenerate is a deterministic generator of portfolios of n measures
// against goals: every status, date precisions, 1-3 goals (sometimes two of
// one focus area), weights, budgets, savings, purposes, indicators,
// self-assessments and update dates, as of 2026-10-31.
func fxGenerate(goals []strategy.ID, n int, seed uint64) *portfolio.Portfolio {
	rng := rand.New(rand.NewPCG(seed, 0x6b6f6d70617373))
	p := fxPortfolio("2026-10-31")
	p.Strategy = "bl-dt-2026"
	p.Measures = make([]portfolio.Measure, n)
	base := time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC)
	date := func(t time.Time) strategy.Date {
		switch rng.IntN(4) {
		case 0:
			return strategy.Date{Y: t.Year(), Precision: strategy.Year}
		case 1:
			return strategy.Date{Y: t.Year(), M: t.Month(), Precision: strategy.Month}
		}
		return strategy.DateOf(t)
	}
	statuses := []portfolio.Status{portfolio.Active, portfolio.Active, portfolio.Active, portfolio.Planned,
		portfolio.Paused, portfolio.Completed, portfolio.Completed, portfolio.Cancelled}
	for i := range p.Measures {
		id := strategy.ID(fmt.Sprintf("M%06d", i))
		start := base.AddDate(0, 0, rng.IntN(5*365))
		end := start.AddDate(0, 0, rng.IntN(3*365))
		m := portfolio.Measure{
			ID:      id,
			Title:   strategy.Text{"de": fmt.Sprintf("Massnahme %d: digitale Verwaltung", i), "fr": fmt.Sprintf("Mesure %d", i)},
			Summary: strategy.Text{"de": "Eine generierte Massnahme für Tests und Benchmarks der Controlling-Berechnung."},
			Owner:   "O",
			Status:  statuses[rng.IntN(len(statuses))],
			Start:   date(start),
			End:     date(end),
			Fields:  []portfolio.Field{portfolio.Fields()[rng.IntN(len(portfolio.Fields()))]},
		}
		if m.End.Last().Before(m.Start.First()) {
			m.End = strategy.DateOf(end)
			m.Start = strategy.DateOf(start)
		}
		for k := 1 + rng.IntN(3); k > 0; k-- {
			m.Goals = append(m.Goals, goals[rng.IntN(len(goals))])
		}
		if m.Status == portfolio.Active || m.Status == portfolio.Paused || rng.IntN(3) == 0 {
			m.Progress = fxFloat(float64(rng.IntN(1001)) / 10)
		}
		if m.Status == portfolio.Planned {
			m.Progress = nil
		}
		if rng.IntN(3) == 0 {
			m.Weight = fxFloat(0.5 + float64(rng.IntN(8))/2)
		}
		if rng.IntN(5) > 0 {
			planned := float64(rng.IntN(5000)) * 1000
			m.Budget = &portfolio.Budget{Planned: planned, Spent: float64(rng.IntN(int(planned/1000)+1)) * 1000}
		}
		if rng.IntN(5) > 0 {
			m.Purpose = portfolio.Purposes()[rng.IntN(len(portfolio.Purposes()))]
		}
		if rng.IntN(2) == 0 {
			m.Savings = &portfolio.Savings{People: rng.IntN(2000), MinutesPerDay: float64(rng.IntN(30))}
		}
		if rng.IntN(4) == 0 {
			m.Indicators = []portfolio.Indicator{{
				ID: "I1", Title: strategy.Text{"de": "Anteil digital"}, Unit: "%",
				Baseline: portfolio.Observation{Value: 10, Date: strategy.DateOf(start)},
				Target:   portfolio.Observation{Value: 80, Date: strategy.DateOf(end.AddDate(1, 0, 0))},
				Actuals: []portfolio.Observation{
					{Value: float64(10 + rng.IntN(60)), Date: strategy.DateOf(start.AddDate(0, 6, 0))},
					{Value: float64(10 + rng.IntN(80)), Date: strategy.DateOf(start.AddDate(1, 0, 0))},
				},
			}}
		}
		if rng.IntN(4) > 0 {
			m.Updated = strategy.DateOf(time.Date(2026, 10, 31, 0, 0, 0, 0, time.UTC).AddDate(0, 0, -rng.IntN(400)))
		}
		if rng.IntN(3) == 0 {
			m.SelfAssessment = &portfolio.SelfAssessment{Status: portfolio.Ratings()[rng.IntN(len(portfolio.Ratings()))], Date: fxDate("2026-09-30")}
		}
		p.Measures[i] = m
	}
	return p
}

// BenchmarkCompute computes reports of generated portfolios against the BL
// strategy; ns/measure should stay flat from 1k to 100k measures.
func BenchmarkCompute(b *testing.B) {
	s := fxBLStrategy(b)
	goals := fxGoalIDs(s)
	for _, n := range []int{1000, 10000, 100000} {
		p := fxGenerate(goals, n, 1)
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if _, err := controlling.Compute(s, p, controlling.Options{}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/measure")
		})
	}
}

// BenchmarkUnmarshal decodes the JSON of the generated 10k portfolio with
// encoding/json, to compare with BenchmarkCompute/n=10000.
func BenchmarkUnmarshal(b *testing.B) {
	const n = 10000
	data, err := json.Marshal(fxGenerate(fxGoalIDs(fxBLStrategy(b)), n, 1))
	if err != nil {
		b.Fatal(err)
	}
	b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(data)))
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			var p portfolio.Portfolio
			if err := json.Unmarshal(data, &p); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/measure")
	})
}
