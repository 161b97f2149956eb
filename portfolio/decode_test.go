package portfolio_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/bl-digital/kompass/diag"
	"github.com/bl-digital/kompass/examples"
	"github.com/bl-digital/kompass/portfolio"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const small = `{
  "id": "p", "title": {"de": "P"}, "strategy": "s", "asOf": "2026-06", "currency": "CHF",
  "organisations": [{"id": "O", "name": {"de": "O"}}],
  "measures": [
    {"id": "M1", "title": {"de": "M1"}, "goals": ["G1"], "owner": "O", "status": "active",
     "start": "2025", "end": "2027", "progress": 10, "updated": "2026-05"},
    {"id": "M2", "title": {"de": "M2"}, "goals": ["G1"], "owner": "O", "status": "planned",
     "start": "2026", "end": "2027"}
  ]
}`

func TestDecode(t *testing.T) {
	tests := []struct {
		name   string
		data   string
		want   []string
		reason string
	}{
		{"valid", small, nil, "a small portfolio"},
		{"bad measures", strings.NewReplacer(`"status": "active"`, `"status": "running"`, `"end": "2027"}`, `"end": "2027", "prio": 1}`).Replace(small),
			[]string{
				`5:82: /measures/0/status: unknown status "running" (allowed: planned, active, paused, completed, cancelled)`,
				`8:38: /measures/1/prio: unknown property "prio"`,
			}, "one problem for each bad measure"},
		{"too many", strings.Replace(small, `"measures": [`, `"measures": [`+strings.Repeat("{},", portfolio.MaxMeasures), 1),
			[]string{fmt.Sprintf("5:5: /measures: more than %d items, the limit", portfolio.MaxMeasures)},
			"more than MaxMeasures measures are refused, at the first one too many"},
		{"invalid utf8", strings.Replace(small, `"P"`, "\"P\xff\"", 1),
			[]string{`2:32: /title/de: invalid UTF-8 in a string`}, "invalid UTF-8 is an error"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, err := portfolio.Decode(strings.NewReader(tc.data))
			if tc.want == nil {
				require.NoError(t, err, tc.reason)
				require.Len(t, p.Measures, 2)
				assert.Equal(t, "2026-05", p.Measures[0].Updated.String(), "omitzero fields decode")
				assert.True(t, p.Measures[1].Updated.IsZero())
				return
			}
			assert.Nil(t, p, tc.reason)
			var got []string
			for _, pr := range diag.AsList(err) {
				got = append(got, pr.String())
			}
			assert.Equal(t, tc.want, got, tc.reason)
		})
	}
}

func TestDecodeExample(t *testing.T) {
	p, err := portfolio.DecodeBytes(examples.PortfolioJSON)
	require.NoError(t, err)
	assert.Equal(t, portfolio.ID("bl-dt-2026"), p.Strategy)
	assert.NotEmpty(t, p.Measures)
}

func ExampleDecode() {
	_, err := portfolio.Decode(strings.NewReader(`{"id": "p", "measures": [{"id": "M1", "status": "done"}]}`))
	fmt.Println(err)
	// Output:
	// 1:49: /measures/0/status: unknown status "done" (allowed: planned, active, paused, completed, cancelled)
}
