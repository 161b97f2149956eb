package locale

import (
	"fmt"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestNumber(t *testing.T) {
	for _, c := range []struct {
		v        float64
		decimals int
		want     string
		why      string
	}{
		{1234567.891, 2, "1'234'567.89", "groups of three, decimals rounded"},
		{1200000, 0, "1'200'000", "an amount in whole francs"},
		{999, 0, "999", "no separator below a thousand"},
		{-1234.5, 1, "-1'234.5", "the minus sign before the groups"},
		{-0.04, 1, "0.0", "a value that rounds to zero has no minus sign"},
		{5, -3, "5", "negative decimals mean none"},
		{math.NaN(), 1, "NaN", "not finite: left to the caller"},
	} {
		assert.Equal(t, c.want, Number(c.v, c.decimals, "'"), c.why)
	}
	assert.Equal(t, "12\u202f345", Number(12345, 0, "\u202f"), "another separator")
}

func TestMonth(t *testing.T) {
	assert.Equal(t, "März", Month("de", 3))
	assert.Equal(t, "août", Month("fr", 8))
	assert.Equal(t, "Dezember", Month("rm", 12), "another language falls back to German")
	assert.Equal(t, "", Month("de", 13), "out of range")
}

func ExampleNumber() {
	fmt.Println(Number(91480000, 0, "'"))
	fmt.Println(Number(57.8571, 1, "'"))
	// Output:
	// 91'480'000
	// 57.9
}
