package gen

import (
	"encoding/json"
	"testing"

	"github.com/bl-digital/kompass/strategy"
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

func TestVocabulary(t *testing.T) {
	b, err := Portfolio("../../..")
	require.NoError(t, err)
	var s struct {
		Defs map[string]struct {
			Enum    []string `json:"enum"`
			Pattern string   `json:"pattern"`
		} `json:"$defs"`
	}
	require.NoError(t, json.Unmarshal(b, &s))
	tests := []struct {
		def    string
		enum   []string
		reason string
	}{
		{"Status", []string{"planned", "active", "paused", "completed", "cancelled"}, "from portfolio.Statuses()"},
		{"Field", []string{"processes", "competences", "culture", "technology", "services", "data", "law"}, "from portfolio.Fields()"},
		{"Purpose", []string{"effectiveness", "service-efficiency", "fewer-visits", "internal-efficiency"}, "from portfolio.Purposes()"},
		{"Rating", []string{"on-track", "at-risk", "late"}, "from portfolio.Ratings()"},
		{"Currency", []string{"CHF"}, "from portfolio.Currencies()"},
		{"Beneficiary", []string{"population", "business", "staff"}, "from strategy.Beneficiaries()"},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.enum, s.Defs[tc.def].Enum, tc.reason)
	}
	assert.Equal(t, strategy.IDPattern, s.Defs["ID"].Pattern, "ids match strategy.IDPattern")
	assert.Equal(t, strategy.DatePattern, s.Defs["Date"].Pattern, "dates match strategy.DatePattern")
}
