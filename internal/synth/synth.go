// Package synth generates portfolios for benchmarks and browser tests: as
// many measures as asked, valid against their strategy, spread evenly over
// every goal, owner, status, field and beneficiary, the same every time.
package synth

import (
	"fmt"

	"github.com/bl-digital/kompass/portfolio"
	"github.com/bl-digital/kompass/strategy"
)

// Owners are the organisations of generated portfolios.
var Owners = []strategy.ID{"FKD", "BKSD", "BUD", "SID", "VGD"}

// Portfolio returns a portfolio of n measures for s as of 2026-10-31.
// Measure i has status Statuses[i%5], field Fields[i%7], beneficiary
// Beneficiaries[i%3], owner Owners[i%5] and one or two of s's goals, so
// that a test can compute what a filter should find.
func Portfolio(s *strategy.Strategy, n int) *portfolio.Portfolio {
	var goals []strategy.ID
	for _, fa := range s.FocusAreas {
		for _, g := range fa.Goals {
			goals = append(goals, g.ID)
		}
	}
	p := &portfolio.Portfolio{ID: "big", Title: strategy.Text{"de": "Generiertes Portfolio"}, Strategy: s.ID,
		AsOf: strategy.NewDate(2026, 10, 31), Currency: portfolio.CHF}
	for _, o := range Owners {
		p.Organisations = append(p.Organisations, portfolio.Organisation{ID: o, Name: strategy.Text{"de": "Direktion " + string(o)}})
	}
	if len(goals) == 0 {
		return p
	}
	words := []string{"Portal", "Register", "Archiv", "Schnittstelle", "Formular", "Plattform", "Schulung"}
	p.Measures = make([]portfolio.Measure, 0, n)
	for i := range n {
		st := portfolio.Statuses()[i%len(portfolio.Statuses())]
		m := portfolio.Measure{
			ID:            strategy.ID(fmt.Sprintf("M%04d", i)),
			Title:         strategy.Text{"de": fmt.Sprintf("Massnahme %d: %s", i, words[i%len(words)])},
			Summary:       strategy.Text{"de": "Generierte Massnahme für die Messung der Filter."},
			Goals:         []strategy.ID{goals[i%len(goals)], goals[(i*7+3)%len(goals)]},
			Owner:         Owners[i%len(Owners)],
			Status:        st,
			Start:         strategy.Date{Y: 2024 + i%3, Precision: strategy.Year},
			End:           strategy.Date{Y: 2027 + i%4, Precision: strategy.Year},
			Fields:        []portfolio.Field{portfolio.Fields()[i%len(portfolio.Fields())]},
			Beneficiaries: []strategy.Beneficiary{strategy.Beneficiaries()[i%len(strategy.Beneficiaries())]},
			Updated:       strategy.Date{Y: 2026, M: 9, Precision: strategy.Month},
		}
		if m.Goals[0] == m.Goals[1] {
			m.Goals = m.Goals[:1]
		}
		if st != portfolio.Planned && st != portfolio.Completed {
			v := float64(i % 100)
			m.Progress = &v
		}
		p.Measures = append(p.Measures, m)
	}
	return p
}
