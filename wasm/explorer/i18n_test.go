package explorer_test

import (
	"regexp"
	"slices"
	"testing"

	"github.com/bl-digital/kompass/wasm/explorer"
	"github.com/stretchr/testify/assert"
)

func TestEveryMessageInEveryLanguage(t *testing.T) {
	ph := regexp.MustCompile(`\{[a-z]+\}`)
	for _, key := range explorer.MessageKeys() {
		de := explorer.Msg("de", key)
		want := slices.Sorted(slices.Values(ph.FindAllString(de, -1)))
		for _, lang := range explorer.Langs {
			s := explorer.Msg(lang, key)
			assert.NotEmpty(t, s, "reason: %s has no %s text", key, lang)
			assert.NotEqual(t, key, s, "reason: %s is translated", key)
			got := slices.Sorted(slices.Values(ph.FindAllString(s, -1)))
			assert.Equal(t, want, got, "reason: %s in %s uses the same placeholders as German", key, lang)
		}
	}
}

func TestMsg(t *testing.T) {
	assert.Equal(t, "3 von 7 Massnahmen", explorer.Msg("de", "count", "n", "3", "m", "7"))
	assert.Equal(t, "3 of 7 measures", explorer.Msg("en", "count", "n", "3", "m", "7"))
	assert.Equal(t, "no.such.key", explorer.Msg("de", "no.such.key"), "reason: a missing key shows instead of vanishing")
	assert.Equal(t, explorer.Msg("de", "close"), explorer.Msg("xx", "close"), "reason: unknown languages are German")
}
