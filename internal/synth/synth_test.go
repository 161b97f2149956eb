package synth_test

import (
	"testing"

	"github.com/bl-digital/kompass/examples"
	"github.com/bl-digital/kompass/internal/synth"
	"github.com/bl-digital/kompass/portfolio"
	"github.com/bl-digital/kompass/strategy"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPortfolioIsValid(t *testing.T) {
	s, err := strategy.DecodeBytes(examples.StrategyJSON)
	require.NoError(t, err)
	p := synth.Portfolio(s, 500)
	assert.Len(t, p.Measures, 500)
	assert.Empty(t, portfolio.Validate(p, s), "generated portfolios are valid against their strategy")
	assert.Equal(t, p, synth.Portfolio(s, 500), "the same every time")
}
