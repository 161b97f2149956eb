package examples_test

import (
	"bytes"
	"testing"

	"github.com/bl-digital/kompass/examples"
	"github.com/bl-digital/kompass/examples/internal/widgetdata"
	"github.com/bl-digital/kompass/strategy"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The widget's copy of the strategy is what go generate makes of
// bl/strategy.json today: edit the strategy, then run go generate ./examples.
func TestWidgetStrategyUpToDate(t *testing.T) {
	want, err := widgetdata.Strategy(examples.StrategyJSON)
	require.NoError(t, err)
	assert.True(t, bytes.Equal(want, examples.WidgetStrategyJSON),
		"examples/bl/strategy.widget.json is stale: run go generate ./examples")
	want, err = widgetdata.Portfolio(examples.PortfolioJSON)
	require.NoError(t, err)
	assert.True(t, bytes.Equal(want, examples.WidgetPortfolioJSON),
		"examples/bl/portfolio.widget.json is stale: run go generate ./examples")
	assert.JSONEq(t, string(examples.PortfolioJSON), string(examples.WidgetPortfolioJSON), "reason: the same data")
}

func TestWidgetStrategyKeepsWhatTheWidgetShows(t *testing.T) {
	full, err := strategy.DecodeBytes(examples.StrategyJSON)
	require.NoError(t, err)
	small, err := strategy.DecodeBytes(examples.WidgetStrategyJSON)
	require.NoError(t, err, "reason: the widget decodes its copy without a problem")
	assert.Equal(t, full.ID, small.ID)
	assert.Equal(t, full.Title, small.Title)
	assert.Equal(t, full.Period, small.Period)
	require.Len(t, small.FocusAreas, len(full.FocusAreas))
	for i, fa := range full.FocusAreas {
		got := small.FocusAreas[i]
		assert.Equal(t, fa.ID, got.ID)
		assert.Equal(t, fa.Title, got.Title, "reason: every title in every language stays")
		require.Len(t, got.Goals, len(fa.Goals))
		for j, g := range fa.Goals {
			assert.Equal(t, g.ID, got.Goals[j].ID)
			assert.Equal(t, g.Title, got.Goals[j].Title)
			assert.Equal(t, g.Beneficiaries, got.Goals[j].Beneficiaries)
			assert.Empty(t, got.Goals[j].Text, "reason: goal texts are not shown by the widget")
		}
	}
	assert.Empty(t, small.Glossary)
	assert.Less(t, len(examples.WidgetStrategyJSON)*10, len(examples.StrategyJSON), "reason: the point of the copy is its size")
}

func TestWidgetStrategyRefusesNonsense(t *testing.T) {
	for _, in := range []string{``, `[]`, `{"focusAreas":[]}`, `{"focusAreas":[1]}`, `{"id":1`} {
		_, err := widgetdata.Strategy([]byte(in))
		assert.Error(t, err, "reason: %q is no strategy to derive a copy from", in)
	}
}
