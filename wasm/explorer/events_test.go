package explorer_test

import (
	"testing"

	"github.com/bl-digital/kompass/strategy"
	"github.com/bl-digital/kompass/wasm/explorer"
	"github.com/stretchr/testify/assert"
)

func TestDispatch(t *testing.T) {
	m := fixture(t)
	cfg := explorer.Config{}
	def := explorer.Default(cfg)
	tests := []struct {
		reason string
		state  explorer.State
		event  explorer.Event
		check  func(t *testing.T, s explorer.State, e explorer.Effect)
	}{
		{"a tab click switches the view", def, explorer.Event{Type: "click", Action: "view:timeline"},
			func(t *testing.T, s explorer.State, e explorer.Effect) { assert.Equal(t, explorer.Timeline, s.View) }},
		{"ArrowRight on the last tab wraps to the first and focuses it", def.SetView(explorer.Timeline),
			explorer.Event{Type: "keydown", Action: "tabkey:timeline", Key: "ArrowRight"},
			func(t *testing.T, s explorer.State, e explorer.Effect) {
				assert.Equal(t, explorer.Goals, s.View)
				assert.Equal(t, explorer.Effect{Focus: "kx-tab-goals", PreventDefault: true}, e)
			}},
		{"ArrowLeft on the first tab wraps to the last", def, explorer.Event{Type: "keydown", Action: "tabkey:goals", Key: "ArrowLeft"},
			func(t *testing.T, s explorer.State, e explorer.Effect) { assert.Equal(t, explorer.Timeline, s.View) }},
		{"End goes to the last tab", def, explorer.Event{Type: "keydown", Action: "tabkey:goals", Key: "End"},
			func(t *testing.T, s explorer.State, e explorer.Effect) { assert.Equal(t, explorer.Timeline, s.View) }},
		{"other keys on a tab do nothing and keep the default action", def, explorer.Event{Type: "keydown", Action: "tabkey:goals", Key: "a"},
			func(t *testing.T, s explorer.State, e explorer.Effect) {
				assert.True(t, def.Equal(s))
				assert.False(t, e.PreventDefault)
			}},
		{"a toggle opens and a second closes", def.Toggle("GK"), explorer.Event{Type: "click", Action: "toggle:GK"},
			func(t *testing.T, s explorer.State, e explorer.Effect) { assert.False(t, s.IsExpanded("GK")) }},
		{"details open and move focus to the detail heading", def, explorer.Event{Type: "click", Action: "select:PPM"},
			func(t *testing.T, s explorer.State, e explorer.Effect) {
				assert.Equal(t, strategy.ID("PPM"), s.Selected)
				assert.Equal(t, "kx-detail-h-PPM", e.Focus)
			}},
		{"Escape in the detail closes it and returns focus to its button", def.Select("PPM"),
			explorer.Event{Type: "keydown", Action: "detailkey:PPM", Key: "Escape"},
			func(t *testing.T, s explorer.State, e explorer.Effect) {
				assert.Empty(t, s.Selected)
				assert.Equal(t, "kx-btn-PPM", e.Focus)
			}},
		{"other keys in the detail do nothing", def.Select("PPM"), explorer.Event{Type: "keydown", Action: "detailkey:PPM", Key: "Enter"},
			func(t *testing.T, s explorer.State, e explorer.Effect) {
				assert.Equal(t, strategy.ID("PPM"), s.Selected)
			}},
		{"open from the tree shows the measure's card unfiltered", def.SetFilter(explorer.Filter{Field: "law"}),
			explorer.Event{Type: "click", Action: "open:LAB"},
			func(t *testing.T, s explorer.State, e explorer.Effect) {
				assert.Equal(t, explorer.Measures, s.View)
				assert.Equal(t, strategy.ID("LAB"), s.Selected)
				assert.True(t, s.Filter.IsZero())
			}},
		{"choosing another focus area drops a goal outside it", def.SetFilter(explorer.Filter{Goal: "GK1"}),
			explorer.Event{Type: "change", Action: "filter:focus-area", Value: "DL"},
			func(t *testing.T, s explorer.State, e explorer.Effect) {
				assert.Equal(t, strategy.ID("DL"), s.Filter.FocusArea)
				assert.Empty(t, s.Filter.Goal)
			}},
		{"an unknown field value clears the filter", def.SetFilter(explorer.Filter{Field: "data"}),
			explorer.Event{Type: "change", Action: "filter:field", Value: "<script>"},
			func(t *testing.T, s explorer.State, e explorer.Effect) { assert.Empty(t, s.Filter.Field) }},
		{"typing replaces the history entry instead of pushing one", def, explorer.Event{Type: "input", Action: "filter:query", Value: "lab"},
			func(t *testing.T, s explorer.State, e explorer.Effect) {
				assert.Equal(t, "lab", s.Filter.Query)
				assert.True(t, e.ReplaceHistory)
			}},
		{"reset clears the filters", def.SetFilter(explorer.Filter{Owner: "FKD", Query: "x"}), explorer.Event{Type: "click", Action: "reset"},
			func(t *testing.T, s explorer.State, e explorer.Effect) { assert.True(t, s.Filter.IsZero()) }},
		{"an explanation opens", def, explorer.Event{Type: "click", Action: "explain:goal:GK1"},
			func(t *testing.T, s explorer.State, e explorer.Effect) { assert.Equal(t, "goal:GK1", s.Explain) }},
		{"unknown actions change nothing", def, explorer.Event{Type: "click", Action: "launch:rockets"},
			func(t *testing.T, s explorer.State, e explorer.Effect) { assert.True(t, def.Equal(s)) }},
	}
	for _, tt := range tests {
		t.Run(tt.reason, func(t *testing.T) {
			before := tt.state
			s, e := explorer.Dispatch(m, cfg, tt.state, tt.event)
			tt.check(t, s, e)
			assert.True(t, before.Equal(tt.state), "reason: Dispatch does not change its input")
		})
	}
}

func TestDispatchFixedFocus(t *testing.T) {
	m := fixture(t)
	cfg := explorer.Config{Focus: "DL"}
	s, _ := explorer.Dispatch(m, cfg, explorer.Default(cfg), explorer.Event{Type: "change", Action: "filter:focus-area", Value: "GK"})
	assert.Equal(t, strategy.ID("DL"), s.Filter.FocusArea, "reason: a widget fixed to a focus area stays on it")
	s, _ = explorer.Dispatch(m, cfg, s.SetFilter(explorer.Filter{FocusArea: "DL", Query: "x"}), explorer.Event{Type: "click", Action: "reset"})
	assert.Equal(t, explorer.Filter{FocusArea: "DL"}, s.Filter, "reason: reset keeps the fixed focus")
}
