package sheet

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/bl-digital/kompass/examples"
	"github.com/bl-digital/kompass/internal/synth"
	"github.com/bl-digital/kompass/portfolio"
	"github.com/bl-digital/kompass/schema"
	"github.com/bl-digital/kompass/strategy"
	"github.com/stretchr/testify/require"
)

func blStrategy(t testing.TB) *strategy.Strategy {
	t.Helper()
	s, l := schema.ValidateStrategy(examples.StrategyJSON)
	require.False(t, l.HasErrors(), l.Error())
	return s
}

// exportBytes exports p and returns the workbook's bytes.
func exportBytes(t testing.TB, p *portfolio.Portfolio, s *strategy.Strategy, opt ExportOptions) []byte {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, Export(&buf, p, s, opt))
	return buf.Bytes()
}

// roundTrip exports the portfolio file data and imports the workbook.
func roundTrip(t testing.TB, data []byte, s *strategy.Strategy, lang string) []byte {
	t.Helper()
	p, l := schema.ValidatePortfolio(data, s)
	require.False(t, l.HasErrors(), l.Error())
	wb := exportBytes(t, p, s, ExportOptions{Lang: lang})
	out, l := Build([]*Book{Read("rt.xlsx", bytes.NewReader(wb))}, nil, s)
	require.False(t, l.HasErrors(), l.Error())
	return out
}

// requireSameData fails unless a and b are equal as JSON data.
func requireSameData(t testing.TB, want, got []byte) {
	t.Helper()
	var w, g any
	require.NoError(t, json.Unmarshal(want, &w))
	require.NoError(t, json.Unmarshal(got, &g))
	if !assertEqualJSON(w, g) {
		require.JSONEq(t, string(want), string(got))
	}
}

func assertEqualJSON(a, b any) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return bytes.Equal(x, y)
}

func TestRoundTripExample(t *testing.T) {
	s := blStrategy(t)
	for _, lang := range Languages {
		t.Run(lang, func(t *testing.T) {
			requireSameData(t, examples.PortfolioJSON, roundTrip(t, examples.PortfolioJSON, s, lang))
		})
	}
}

func TestRoundTripSynth(t *testing.T) {
	s := blStrategy(t)
	for _, n := range []int{0, 1, 7, 60} {
		data, err := json.Marshal(synth.Portfolio(s, n))
		require.NoError(t, err)
		requireSameData(t, data, roundTrip(t, data, s, "de"))
	}
}

func validated(t testing.TB, data []byte, s *strategy.Strategy) (*portfolio.Portfolio, []string) {
	t.Helper()
	p, l := schema.ValidatePortfolio(data, s)
	var msgs []string
	for _, x := range l {
		msgs = append(msgs, x.String())
	}
	return p, msgs
}
