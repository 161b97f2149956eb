package explorer_test

import (
	"strings"
	"testing"

	"github.com/bl-digital/kompass/examples"
	"github.com/bl-digital/kompass/wasm/explorer"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The widget embeds a copy of the example strategy without the texts it
// never shows (examples.WidgetStrategyJSON). Every view, opened as far as
// it goes, must be the same with the whole strategy: a view that starts
// showing a dropped text fails here, and the copy must keep that text.
func TestEmbeddedCopyShowsTheSameAsTheWholeStrategy(t *testing.T) {
	whole, err := explorer.Load(examples.StrategyJSON, examples.PortfolioJSON, explorer.EmbeddedURL, explorer.EmbeddedURL)
	require.NoError(t, err)
	small, err := explorer.LoadEmbedded()
	require.NoError(t, err)

	expanded := explorer.Default(explorer.Config{}).ToggleCancelled()
	keys := []string{"strategy"}
	for _, fa := range whole.Strategy.FocusAreas {
		expanded = expanded.Toggle(fa.ID)
		keys = append(keys, "area:"+string(fa.ID))
		for _, g := range fa.Goals {
			expanded = expanded.Toggle(g.ID)
			keys = append(keys, "goal:"+string(g.ID))
		}
	}
	same := func(cfg explorer.Config, s explorer.State, what string) {
		t.Helper()
		want := explorer.Build(whole, s, cfg).String()
		got := explorer.Build(small, s, cfg).String()
		assert.Equal(t, want, got, "reason: %s in %s is the same with the widget's copy of the strategy", what, cfg.Lang)
	}
	for _, lang := range explorer.Langs {
		for _, view := range []string{"goals", "measures", "timeline"} {
			cfg := explorer.Config{Lang: lang, View: view}
			s := expanded
			s.Lang, s.View = lang, explorer.View(view)
			if view == "measures" {
				s = s.Select(whole.Portfolio.Measures[0].ID)
			}
			same(cfg, s, "the "+view+" view")
		}
		cfg := explorer.Config{Lang: lang}
		for _, key := range keys {
			s := expanded.ToggleExplain(key)
			s.Lang = lang
			tree := explorer.Build(small, s, cfg)
			require.NotNil(t, tree.ByTestID("explanation-"+strings.ReplaceAll(key, ":", "-")), "reason: the explanation of %s is open", key)
			same(cfg, s, "the explanation of "+key)
		}
	}
}
