package controlling

import (
	"math"
	"math/big"
	"strconv"
	"time"
)

// plan is a measure's planned progress as an exact fraction of whole
// days: pp = 100 * num / den, with 0 <= num <= den and den > 0.
type plan struct {
	num, den int64
}

// planOf is the planned progress of a measure that runs from start (its
// first day) to end (its last day), at day, on calendar days: the elapsed
// days clamped to the span over the span; when end is not after start, 0
// before start and 1 from start on.
func planOf(start, end, day time.Time) plan {
	span := days(start, end)
	elapsed := days(start, day)
	if span <= 0 {
		if elapsed >= 0 {
			return plan{1, 1}
		}
		return plan{0, 1}
	}
	return plan{min(max(elapsed, 0), span), span}
}

// percent is pp as a float, for the report.
func (pl plan) percent() float64 {
	if pl.num == pl.den {
		return 100
	}
	return float64(pl.num) / float64(pl.den) * 100
}

// days is the number of calendar days from a to b; both are midnight UTC.
func days(a, b time.Time) int64 { return (b.Unix() - a.Unix()) / 86400 }

// behindAtLeast reports whether d = p - pp >= -t, exactly: p*den - 100*num
// >= -t*den on whole days, so that a measure exactly on a threshold gets
// the better status whatever floating point would round pp to. p and t
// are read as the shortest decimals that give their float64 values (45.1
// is 451/10), as a user wrote them.
func (pl plan) behindAtLeast(p, t float64) bool {
	// Whole numbers, the usual case, in integers.
	if p == math.Trunc(p) && t == math.Trunc(t) && math.Abs(p) < 1<<20 && math.Abs(t) < 1<<20 {
		pi, ti := int64(p), int64(t)
		return pi*pl.den-100*pl.num >= -ti*pl.den
	}
	// Far from the threshold, floating point decides safely.
	lhs := p*float64(pl.den) - 100*float64(pl.num) + t*float64(pl.den)
	scale := math.Abs(p*float64(pl.den)) + 100*float64(pl.num) + math.Abs(t*float64(pl.den))
	if math.Abs(lhs) > 1e-9*scale {
		return lhs > 0
	}
	den := new(big.Rat).SetInt64(pl.den)
	l := new(big.Rat).Mul(decimalRat(p), den)
	l.Sub(l, new(big.Rat).SetInt64(100*pl.num))
	r := new(big.Rat).Mul(decimalRat(t), den)
	r.Neg(r)
	return l.Cmp(r) >= 0
}

// decimalRat is the shortest decimal that reads back as v, as a fraction.
func decimalRat(v float64) *big.Rat {
	r, ok := new(big.Rat).SetString(strconv.FormatFloat(v, 'g', -1, 64))
	if !ok { // NaN or infinities never reach here; be safe all the same
		return new(big.Rat).SetFloat64(0)
	}
	return r
}
