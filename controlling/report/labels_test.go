package report

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/bl-digital/kompass/strategy"
)

// TestLabelTablesComplete checks that every language has every label, so
// that no report falls back to German in the middle of a French sentence.
func TestLabelTablesComplete(t *testing.T) {
	want := slices.Sorted(maps.Keys(labelTable["de"]))
	for _, lang := range strategy.Languages() {
		got := slices.Sorted(maps.Keys(labelTable[lang]))
		assert.Equal(t, want, got, "labels of %s", lang)
		for k, v := range labelTable[lang] {
			assert.NotEmpty(t, strings.TrimSpace(v), "label %s in %s", k, lang)
			assert.Equal(t, strings.Count(labelTable["de"][k], "%d"), strings.Count(v, "%d"),
				"label %s in %s has the German label's placeholders", k, lang)
		}
	}
	assert.Len(t, labelTable, len(strategy.Languages()), "a table per language, no more")
}
