package sheet

import (
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
	stdtime "time"

	"github.com/bl-digital/kompass/internal/synth"
	"github.com/bl-digital/kompass/portfolio"
	"github.com/bl-digital/kompass/strategy"
	"github.com/stretchr/testify/require"
)

// randomize fills the optional fields of a generated portfolio at random:
// texts in every language, weights, money with decimals, savings,
// indicators with and without actuals, milestones, links, dependencies,
// self-assessments, extensions, and lists present but empty.
func randomize(p *portfolio.Portfolio, r *rand.Rand) {
	f := func(v float64) *float64 { return &v }
	num := func() float64 {
		switch r.IntN(4) {
		case 0:
			return float64(r.IntN(5_000_000))
		case 1:
			return math.Round(r.Float64()*1e6) / 100
		case 2:
			return r.Float64() * 1000
		}
		return 0
	}
	day := func() strategy.Date {
		return strategy.NewDate(2024+r.IntN(5), stdtime.Month(r.IntN(12)+1), r.IntN(28)+1)
	}
	text := func(s string) strategy.Text {
		t := strategy.Text{"de": s}
		for _, l := range []string{"fr", "it", "en"} {
			if r.IntN(2) == 0 {
				t[l] = s + " (" + l + ") – «ä» & <b> \"q\" _x0041_ \t tab"
			}
		}
		return t
	}
	if r.IntN(2) == 0 {
		p.Extensions = map[string]any{"source": "SAP", "n": num(), "nested": map[string]any{"list": []any{1.5, "x", nil, true}}}
	}
	p.Organisations[0].Extensions = map[string]any{}
	for i := range p.Measures {
		m := &p.Measures[i]
		m.Title = text(m.Title["de"])
		if r.IntN(2) == 0 {
			m.Weight = f(0.5 + float64(r.IntN(10)))
		}
		if r.IntN(2) == 0 {
			m.Budget = &portfolio.Budget{Planned: num(), Spent: num()}
		}
		if r.IntN(2) == 0 {
			m.Purpose = portfolio.Purposes()[r.IntN(4)]
		}
		if r.IntN(3) == 0 {
			m.Savings = &portfolio.Savings{People: r.IntN(500), MinutesPerDay: float64(r.IntN(60)) / 4}
		}
		if r.IntN(3) == 0 {
			m.Before, m.After = text("Bisher"), text("In Zukunft")
		}
		switch r.IntN(4) {
		case 0:
			m.Fields = []portfolio.Field{}
		case 1:
			m.Fields = append(m.Fields, portfolio.Law, portfolio.Data)
		}
		if r.IntN(4) == 0 {
			m.Beneficiaries = nil
		}
		if r.IntN(2) == 0 {
			n := r.IntN(3)
			m.Indicators = []portfolio.Indicator{}
			for j := range n {
				in := portfolio.Indicator{ID: strategy.ID(fmt.Sprintf("I%d", j)), Title: text("Kennzahl"), Unit: "%",
					Baseline: portfolio.Observation{Value: 10, Date: strategy.Date{Y: 2024, Precision: strategy.Year}},
					Target:   portfolio.Observation{Value: 10 + 1 + num(), Date: day()}}
				switch r.IntN(3) {
				case 0:
					in.Actuals = []portfolio.Observation{}
				case 1:
					in.Actuals = []portfolio.Observation{{Value: num(), Date: day()}, {Value: -1.25, Date: strategy.Date{Y: 2026, M: 3, Precision: strategy.Month}}}
				}
				if r.IntN(3) == 0 {
					in.Extensions = map[string]any{"k": "v"}
				}
				m.Indicators = append(m.Indicators, in)
			}
		}
		if r.IntN(2) == 0 {
			m.Milestones = []portfolio.Milestone{}
			for range r.IntN(3) {
				m.Milestones = append(m.Milestones, portfolio.Milestone{Title: text("Meilenstein"), Due: day(), Done: r.IntN(2) == 0})
			}
		}
		if r.IntN(2) == 0 {
			m.Links = []portfolio.Link{}
			for range r.IntN(3) {
				m.Links = append(m.Links, portfolio.Link{Title: text("Link"), URL: "https://www.bl.ch/?a=1&b=2"})
			}
		}
		if i > 0 && r.IntN(3) == 0 {
			m.DependsOn = []strategy.ID{p.Measures[r.IntN(i)].ID}
		} else if r.IntN(5) == 0 {
			m.DependsOn = []strategy.ID{}
		}
		if r.IntN(2) == 0 {
			m.SelfAssessment = &portfolio.SelfAssessment{Status: portfolio.Ratings()[r.IntN(3)], Date: day()}
			if r.IntN(2) == 0 {
				m.SelfAssessment.Comment = text("Kommentar")
			}
		}
		if r.IntN(3) == 0 {
			m.Updated = day()
		}
		if r.IntN(3) == 0 {
			m.Extensions = map[string]any{"psp": fmt.Sprintf("P-%d", i), "n": num()}
		}
	}
}

// TestRoundTripProperty: randomized portfolios come back from a workbook
// equal as JSON data, in every language of the workbook.
func TestRoundTripProperty(t *testing.T) {
	s := blStrategy(t)
	for seed := range uint64(12) {
		r := rand.New(rand.NewPCG(seed, 2026))
		p := synth.Portfolio(s, 5+r.IntN(20))
		randomize(p, r)
		data, err := json.Marshal(p)
		require.NoError(t, err)
		_, msgs := validated(t, data, s)
		require.Empty(t, msgs, "seed %d: the generated portfolio is valid", seed)
		requireSameData(t, data, roundTrip(t, data, s, Languages[seed%4]))
	}
}
