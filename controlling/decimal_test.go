package controlling

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestDecimal(t *testing.T) {
	for _, c := range []struct {
		v      float64
		mant   int64
		places int
		ok     bool
		why    string
	}{
		{45, 45, 0, true, "a whole number has no places"},
		{45.1, 451, 1, true, "read as the user wrote it, not as the binary 45.1000000000000014"},
		{-10, -10, 0, true, "thresholds are negative"},
		{0.005, 5, 3, true, "leading zeros of the fraction are places, not digits"},
		{12.3456789012345, 123456789012345, 13, true, "15 significant digits fit"},
		{1e300, 0, 0, false, "a huge number does not fit an int64"},
	} {
		m, p, ok := decimal(c.v)
		assert.Equal(t, c.ok, ok, c.why)
		if c.ok {
			assert.Equal(t, c.mant, m, c.why)
			assert.Equal(t, c.places, p, c.why)
		}
	}
}

func TestBehindAtLeastDecimals(t *testing.T) {
	for _, c := range []struct {
		p, t     float64
		num, den int64
		want     bool
		why      string
	}{
		{45.1, 10, 551, 1000, true, "45.1 - 55.1 = -10 exactly: the better status"},
		{45.09, 10, 551, 1000, false, "one hundredth below the threshold"},
		{30.1, 25, 551, 1000, true, "30.1 - 55.1 = -25 exactly"},
		{33.3, 10.5, 438, 1000, true, "33.3 - 43.8 = -10.5 exactly, with a decimal threshold"},
		{33.29, 10.5, 438, 1000, false, "just below a decimal threshold"},
	} {
		assert.Equal(t, c.want, plan{c.num, c.den}.behindAtLeast(c.p, c.t), c.why)
	}
}
