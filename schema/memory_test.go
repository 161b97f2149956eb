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
