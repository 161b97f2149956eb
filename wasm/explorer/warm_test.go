package explorer_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/bl-digital/kompass/wasm/explorer"
)

func TestWarm(t *testing.T) {
	for _, tc := range []struct{ reason, hash string }{
		{"the tree, unfiltered", ""},
		{"the cards, filtered by a field", "#v=measures&f=data"},
		{"a search shown: Warm searches something else", "#q=portal"},
	} {
		t.Run(tc.reason, func(t *testing.T) {
			w := ready(t, explorer.Attributes{Lang: "fr", Strategy: "/s.json", Portfolio: "/p.json"}, tc.hash)
			before := w.Screen(false)
			w.Warm()
			assert.Equal(t, before, w.Screen(false), "reason: Warm shows nothing and changes no state (the screen follows the state)")
		})
	}
	t.Run("without data Warm does nothing", func(t *testing.T) {
		var w explorer.Widget
		w.SetAttributes(explorer.Attributes{Strategy: "/s.json", Portfolio: "/p.json"}, "")
		w.Warm()
		assert.Equal(t, "loading", w.Screen(false).State)
	})
}

func TestWarmStatesNarrow(t *testing.T) {
	m := fixture(t)
	cfg := explorer.Config{Lang: "de"}
	all, total := m.Filtered(explorer.Filter{}, cfg, "de")
	states := explorer.WarmStates(m, cfg, explorer.State{})
	assert.Len(t, states, 2, "reason: a search and a field")
	for i, s := range states {
		shown, _ := m.Filtered(s.Filter, cfg, "de")
		assert.NotEmpty(t, shown, "state %d: the narrowed view lists some measures, so that their rows are built", i)
		assert.Less(t, len(shown), len(all), "state %d narrows (of %d)", i, total)
	}
}
