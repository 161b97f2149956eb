package strategy_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/bl-digital/kompass/diag"
	"github.com/bl-digital/kompass/examples"
	"github.com/bl-digital/kompass/strategy"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const small = `{
  "id": "s",
  "title": {"de": "S"}, "issuer": {"de": "I"}, "adopted": "2026", "vision": {"de": "V"},
  "period": {"start": 2026, "end": 2030},
  "maxims": [{"id": "M1", "title": {"de": "T"}, "text": {"de": "T"}}],
  "focusAreas": [{"id": "F", "title": {"de": "F"}, "motto": {"de": "M"}, "benefits": [],
    "goals": [{"id": "G1", "title": {"de": "G"}, "text": {"de": "G"}, "beneficiaries": ["staff"]}]}]
}`

func TestDecode(t *testing.T) {
	tests := []struct {
		name   string
		data   string
		want   []string // the problems, as Problem.String
		reason string
	}{
		{"valid", small, nil, "a small strategy"},
		{"bom", "\xEF\xBB\xBF" + small, nil, "a byte order mark is only a warning"},
		{"empty", "", []string{"1:1: /: the file is empty"}, "nothing to decode"},
		{"syntax", strings.Replace(small, `"id": "s",`, `"id": "s"`, 1),
			[]string{"3:3: /: a comma is missing here, after the value that ends at 2:11: add ','"}, "a missing comma"},
		{"bad goal and maxim", strings.NewReplacer(`"staff"`, `"aliens"`, `"text": {"de": "T"}`, `"text": "T"`).Replace(small),
			[]string{
				`5:57: /maxims/0/text: expected object, but got string`,
				`7:89: /focusAreas/0/goals/0/beneficiaries/0: unknown beneficiary "aliens" (allowed: population, business, staff)`,
			}, "every bad maxim and goal is reported"},
		{"semantic", strings.Replace(small, `"end": 2030`, `"end": 2020`, 1),
			nil, "Decode reads, as portfolio.Decode does: the period is Validate's to check"},
		{"empty de", strings.Replace(small, `"text": {"de": "T"}`, `"text": {"de": " \t"}`, 1),
			[]string{"5:64: /maxims/0/text/de: the German text (de) is empty or only white space: every reader falls back to it, so it must hold visible text"},
			"a text needs visible German"},
		{"duplicate key", strings.Replace(small, `"id": "s",`, `"id": "s", "id": "t",`, 1),
			[]string{`2:14: /id: duplicate member "id" in one object`}, "a byte-level error fails decoding"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, err := strategy.Decode(strings.NewReader(tc.data))
			if tc.want == nil {
				require.NoError(t, err, tc.reason)
				assert.Equal(t, strategy.ID("s"), s.ID)
				return
			}
			assert.Nil(t, s, tc.reason)
			var got []string
			for _, p := range diag.AsList(err) {
				got = append(got, p.String())
			}
			assert.Equal(t, tc.want, got, tc.reason)
		})
	}
}

func TestDecodeExample(t *testing.T) {
	s, err := strategy.DecodeBytes(examples.StrategyJSON)
	require.NoError(t, err)
	assert.Equal(t, strategy.ID("bl-dt-2026"), s.ID)
	assert.Len(t, s.FocusAreas, 6)
}

func ExampleDecode() {
	_, err := strategy.Decode(strings.NewReader(`{"id": "x", "title": {"de": "X"}, "focus": []}`))
	fmt.Println(err)
	// Output:
	// 1:35: /focus: unknown property "focus"
}
