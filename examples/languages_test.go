package examples_test

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"testing"
	"unicode"

	"github.com/bl-digital/kompass/examples"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// texts walks decoded JSON and returns every multilingual text (an object
// with a "de" member whose members are all strings), keyed by its JSON pointer.
func texts(v any, ptr string, out map[string]map[string]string) {
	switch v := v.(type) {
	case map[string]any:
		if _, ok := v["de"]; ok {
			t := map[string]string{}
			for k, s := range v {
				str, ok := s.(string)
				if !ok {
					t = nil
					break
				}
				t[k] = str
			}
			if t != nil {
				out[ptr] = t
				return
			}
		}
		for k, e := range v {
			texts(e, ptr+"/"+k, out)
		}
	case []any:
		for i, e := range v {
			texts(e, fmt.Sprintf("%s/%d", ptr, i), out)
		}
	}
}

func allTexts(t *testing.T, data []byte) map[string]map[string]string {
	t.Helper()
	var v any
	require.NoError(t, json.Unmarshal(data, &v))
	out := map[string]map[string]string{}
	texts(v, "", out)
	return out
}

// TestExamplesInEveryLanguage checks that the demo shows each language whole:
// every text of the embedded data has a French, Italian and English version
// besides the official German one, none of them blank or padded.
func TestExamplesInEveryLanguage(t *testing.T) {
	for _, tc := range []struct {
		name string
		data []byte
		min  int // guards against a walker that finds nothing
	}{
		{"strategy", examples.StrategyJSON, 170},
		{"portfolio", examples.PortfolioJSON, 200},
	} {
		t.Run(tc.name, func(t *testing.T) {
			all := allTexts(t, tc.data)
			assert.GreaterOrEqual(t, len(all), tc.min, "number of texts found")
			ptrs := make([]string, 0, len(all))
			for p := range all {
				ptrs = append(ptrs, p)
			}
			sort.Strings(ptrs)
			for _, p := range ptrs {
				for _, lang := range []string{"de", "fr", "it", "en"} {
					s, ok := all[p][lang]
					if !assert.True(t, ok, "%s has no %q text", p, lang) {
						continue
					}
					assert.NotEmpty(t, strings.TrimSpace(s), "%s/%s is blank", p, lang)
					assert.Equal(t, strings.TrimSpace(s), s, "%s/%s has leading or trailing space", p, lang)
				}
			}
		})
	}
}

// TestExamplesFrenchTypography checks that French texts keep a no-break space
// before the high punctuation and inside guillemets, so that a colon never
// starts a line, and that no other language has one (a sign of copy and paste).
func TestExamplesFrenchTypography(t *testing.T) {
	for _, data := range [][]byte{examples.StrategyJSON, examples.PortfolioJSON} {
		for p, text := range allTexts(t, data) {
			for lang, s := range text {
				r := []rune(s)
				for i, c := range r {
					if lang == "fr" && i > 0 && strings.ContainsRune(":;?!»%", c) {
						assert.False(t, unicode.IsSpace(r[i-1]) && r[i-1] != '\u00a0',
							"%s/fr: ordinary space before %q in %q", p, c, s)
					}
					if lang == "fr" && c == '«' && i+1 < len(r) {
						assert.Equal(t, '\u00a0', r[i+1], "%s/fr: no no-break space after « in %q", p, s)
					}
					if lang != "fr" {
						assert.NotEqual(t, '\u00a0', c, "%s/%s: no-break space in %q", p, lang, s)
					}
				}
			}
		}
	}
}
