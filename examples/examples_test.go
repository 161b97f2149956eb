package examples_test

import (
	"testing"

	"github.com/bl-digital/kompass/controlling"
	"github.com/bl-digital/kompass/examples"
	"github.com/bl-digital/kompass/portfolio"
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

// TestExamplePortfolioShape checks what the example portfolio is for: a
// realistic spread that exercises every rule of the controlling.
func TestExamplePortfolioShape(t *testing.T) {
	s, _ := schema.ValidateStrategy(examples.StrategyJSON)
	require.NotNil(t, s)
	p, _ := schema.ValidatePortfolio(examples.PortfolioJSON, s)
	require.NotNil(t, p)

	assert.GreaterOrEqual(t, len(p.Measures), 30, "at least 30 measures")
	assert.Contains(t, p.Title.In("de"), "illustrativ", "the title says the figures are illustrative")

	owners := map[strategy.ID]bool{}
	statuses := map[portfolio.Status]bool{}
	for _, m := range p.Measures {
		owners[m.Owner] = true
		statuses[m.Status] = true
	}
	for _, dir := range []strategy.ID{"FKD", "BKSD", "BUD", "SID", "VGD", "LKA", "GER"} {
		assert.True(t, owners[dir], "directorate %s owns a measure", dir)
	}
	for _, st := range portfolio.Statuses() {
		assert.True(t, statuses[st], "status %s is used", st)
	}

	r, err := controlling.Compute(s, p, controlling.Options{})
	require.NoError(t, err)
	assert.GreaterOrEqual(t, r.Strategy.Coverage.Covered, 16, "covers at least 16 goals")
	assert.Less(t, r.Strategy.Coverage.Covered, r.Strategy.Coverage.Total, "leaves some goals uncovered")
	assert.NotEmpty(t, r.Stale, "some measures are stale")
	assert.NotEmpty(t, r.Divergent, "some self-assessments diverge")
	assert.NotEmpty(t, r.Cancelled, "some measures are cancelled")
	seen := map[controlling.ScheduleStatus]bool{}
	for _, m := range r.Measures {
		seen[m.Status] = true
	}
	for _, st := range []controlling.ScheduleStatus{controlling.Late, controlling.AtRisk, controlling.OnTrack, controlling.NotStarted, controlling.Done, controlling.Cancelled} {
		assert.True(t, seen[st], "schedule status %s occurs", st)
	}
}
