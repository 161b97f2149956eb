package examples_test

import (
	"testing"

	"github.com/bl-digital/kompass/examples"
	"github.com/bl-digital/kompass/schema"
	"github.com/bl-digital/kompass/strategy"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestExamplesValid validates the embedded data in every layer: bytes, JSON
// Schema, decoding and semantics, the portfolio against the strategy.
func TestExamplesValid(t *testing.T) {
	s, l := schema.ValidateStrategy(examples.StrategyJSON)
	require.NotNil(t, s)
	assert.Empty(t, l, "the BL strategy has no problem, not even a warning")
	assert.Equal(t, strategy.ID("bl-dt-2026"), s.ID)

	p, l := schema.ValidatePortfolio(examples.PortfolioJSON, s)
	require.NotNil(t, p)
	assert.Empty(t, l, "the example portfolio has no problem against the BL strategy")
	assert.Equal(t, s.ID, p.Strategy)

	kind, ref := schema.Detect(examples.PortfolioJSON)
	assert.Equal(t, schema.Portfolio, kind)
	assert.Equal(t, s.ID, ref)
	kind, _ = schema.Detect(examples.StrategyJSON)
	assert.Equal(t, schema.Strategy, kind)
}
