package report_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/bl-digital/kompass/controlling"
	"github.com/bl-digital/kompass/controlling/report"
	"github.com/bl-digital/kompass/portfolio"
	"github.com/bl-digital/kompass/strategy"
)

// TestUnknownIsNotZero renders the tiny portfolio in variants and checks
// what a reader sees where a figure is unknown, zero, or the same on every
// row.
func TestUnknownIsNotZero(t *testing.T) {
	tests := []struct {
		reason   string
		change   func(p *portfolio.Portfolio)
		contains []string
		absent   []string
	}{
		{"one measure without savings data says so, the other shows its FTE",
			func(*portfolio.Portfolio) {},
			[]string{"| BL-KONTO BL-Konto |", "keine Einsparungsdaten |", "| 2.38 |"}, nil},
		{"no savings data anywhere: the FTE columns go, one sentence says why",
			func(p *portfolio.Portfolio) { p.Measures[0].Savings = nil },
			[]string{"Keine Massnahme hat Angaben zu Einsparungen"},
			[]string{"Eingesparte Stellen erwartet", "keine Einsparungsdaten", "0.00", "Vollzeitstellen (FTE)**"}},
		{"a real zero saving is a number, not 'no data'",
			func(p *portfolio.Portfolio) { p.Measures[1].Savings = &portfolio.Savings{People: 0, MinutesPerDay: 5} },
			[]string{"| 0.00 |"}, []string{"keine Einsparungsdaten"}},
		{"no budget anywhere: the budget columns go",
			func(p *portfolio.Portfolio) { p.Measures[0].Budget, p.Measures[1].Budget = nil, nil },
			nil, []string{"Budget geplant", "CHF 0", "Fertigstellungswert", "CPI"}},
		{"a measure without budget shows k. A. for its money",
			func(p *portfolio.Portfolio) { p.Measures[1].Budget = nil },
			[]string{"| k. A. | k. A. | k. A. |"}, nil},
		{"one focus area: no overlap note",
			func(*portfolio.Portfolio) {},
			nil, []string{"mehr als die Strategie"}},
		{"nothing cancelled: no cancelled money line",
			func(*portfolio.Portfolio) {},
			[]string{"## Abgebrochene Massnahmen (0)"}, []string{"davon ausgegeben"}},
		{"a cancelled measure's money stands in the summary",
			func(p *portfolio.Portfolio) { p.Measures[1].Status = portfolio.Cancelled },
			[]string{"| Abgebrochene Massnahmen | 1 abgebrochene Massnahme, nicht eingerechnet: Budget geplant CHF 2'500'000, davon ausgegeben CHF 1'000'000 |"}, nil},
		{"all goals covered: the headline says so",
			func(p *portfolio.Portfolio) { p.Measures[1].Goals = []strategy.ID{"DL2"} },
			[]string{"über alle 2 Ziele (alle haben Massnahmen)"}, nil},
		{"a stale measure shows on its goal's row",
			func(p *portfolio.Portfolio) { p.Measures[1].Updated = strategy.Date{} },
			[]string{"| Veraltete Angaben | 1 von 2 Massnahmen seit über 6 Monaten nicht aktualisiert |", "| 1 von 2 |", "- **BL-KONTO** BL-Konto (nachgeführt: nie)"}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.reason, func(t *testing.T) {
			s, p := tiny()
			tc.change(p)
			r, err := controlling.Compute(s, p, controlling.Options{})
			require.NoError(t, err)
			md := render(t, r, report.Markdown, "de")
			for _, want := range tc.contains {
				assert.Contains(t, md, want)
			}
			for _, not := range tc.absent {
				assert.NotContains(t, md, not)
			}
		})
	}
}
