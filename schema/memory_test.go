package schema

import (
	"runtime"
	"strings"
	"testing"

	"github.com/bl-digital/kompass/diag"
	"github.com/stretchr/testify/assert"
)

// TestTooManyTinyMeasuresDoNotDecode is a regression test: a file just
// under 32 MiB of millions of one-byte measures is refused for having more
// than portfolio.MaxMeasures, and is not decoded as well: decoding it
// made millions of zero measures, gigabytes of memory.
func TestTooManyTinyMeasuresDoNotDecode(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 32 MiB file")
	}
	n := (32<<20)/2 - 16
	data := []byte(`{"measures":[` + strings.Repeat("1,", n-1) + "1]}")
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	res := Validate(data, Options{})
	runtime.ReadMemStats(&after)
	if assert.NotEmpty(t, res.Problems) {
		assert.Equal(t, diag.RuleTooMany, res.Problems[0].Rule, "refused for its number of measures")
	}
	assert.Nil(t, res.Portfolio, "not decoded")
	allocated := after.TotalAlloc - before.TotalAlloc
	assert.Less(t, allocated, uint64(256<<20), "allocated %d MiB for a file of 32 MiB", allocated>>20)
}

// TestStreamedMeasures checks the measures handed to the schema workers
// while the bytes are still being read: with a byte order mark (the spans
// are in the text without it), with more chunks than workers, and with a
// document that turns out unreadable after its measures (the workers are
// abandoned, and only the byte problem is reported).
func TestStreamedMeasures(t *testing.T) {
	base := string(generatePortfolio(5 * chunk))
	bad := strings.Replace(base, `"status": "paused"`, `"status": "pausing"`, 1)
	tests := []struct {
		name   string
		data   string
		want   []diag.Rule
		reason string
	}{
		{"bom", "\xEF\xBB\xBF" + bad, []diag.Rule{diag.RuleBOM, diag.RuleSchema},
			"the schema problem of the measure is found, at its place in the file without the mark"},
		{"broken after the measures", strings.TrimSuffix(strings.TrimSpace(bad), "}") + `, "x": }`, []diag.Rule{diag.RuleSyntax},
			"the measures were handed out before the syntax error; only the syntax error counts"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, l := ValidatePortfolio([]byte(tt.data), blStrategy(t))
			var rules []diag.Rule
			for _, p := range l {
				rules = append(rules, p.Rule)
				if p.Rule == diag.RuleSchema {
					assert.Regexp(t, `^/measures/\d+/status$`, p.Pointer, tt.reason)
					assert.Positive(t, p.Line, tt.reason)
				}
			}
			assert.Equal(t, tt.want, rules, tt.reason)
		})
	}
}
