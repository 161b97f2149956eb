package gen

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPlainDescription(t *testing.T) {
	tests := []struct {
		key, comment, want, reason string
	}{
		{"x/portfolio.Measure.Title", "Title is the measure's name.", "The measure's name.", "the Go field name goes"},
		{"x/portfolio.Measure.Goals", "Goals are the ids of goals.", "The ids of goals.", "plural too"},
		{"x/portfolio.Budget", "Budget is a measure's money.", "A measure's money.", "type comments too"},
		{"x/portfolio.Milestone.Done", "Done tells whether it is reached.", "Done tells whether it is reached.", "other verbs stay"},
		{"x/portfolio.Measure.ID", "ID identifies the measure.", "ID identifies the measure.", "so do other sentences"},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, plainDescription(tc.key, tc.comment), tc.reason)
	}
}

func TestGenerate(t *testing.T) {
	b, err := Portfolio("../../..")
	require.NoError(t, err)
	var s map[string]any
	require.NoError(t, json.Unmarshal(b, &s))
	assert.Equal(t, BaseURL+PortfolioFile, s["$id"])
	measure := s["$defs"].(map[string]any)["Measure"].(map[string]any)
	assert.Equal(t, false, measure["additionalProperties"], "closed objects")
	ext := measure["properties"].(map[string]any)["extensions"].(map[string]any)
	assert.Nil(t, ext["additionalProperties"], "extensions are free")
	assert.Equal(t, "The measure's name.", measure["properties"].(map[string]any)["title"].(map[string]any)["description"],
		"descriptions come from the doc comments, read from the module root given")
	again, err := Portfolio("../../..")
	require.NoError(t, err)
	assert.Equal(t, string(b), string(again), "deterministic")
}
