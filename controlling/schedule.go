package controlling

import (
	"math"
	"math/bits"
	"strconv"
	"strings"
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
	ps, pe, okp := decimal(p)
	ts, te, okt := decimal(t)
	if !okp || !okt {
		// More digits than int64 arithmetic can carry exactly: floating point.
		return lhs >= 0
	}
	// p = ps/10^pe, t = ts/10^te; scale both to 10^k, k = max(pe, te):
	// ps*10^(k-pe)*den - 100*num*10^k >= -ts*10^(k-te)*den.
	k := max(pe, te)
	l, ok1 := mulAll(ps, pow10(k-pe), pl.den)
	m, ok2 := mulAll(100, pl.num, pow10(k))
	r, ok3 := mulAll(ts, pow10(k-te), pl.den)
	const bound = 1 << 61 // below it, l + r cannot overflow
	if !ok1 || !ok2 || !ok3 || abs64(l) >= bound || abs64(r) >= bound {
		return lhs >= 0
	}
	return l+r >= m
}

// decimal reads v as the shortest decimal that gives it back, as an
// integer mantissa and a count of decimal places: 45.1 is (451, 1). It
// reports false when the digits do not fit an int64 (at most 17 digits).
func decimal(v float64) (mant int64, places int, ok bool) {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	if i := strings.IndexByte(s, '.'); i >= 0 {
		places = len(s) - i - 1
		s = s[:i] + s[i+1:]
	}
	if len(strings.TrimLeft(s, "-0")) > 17 {
		return 0, 0, false
	}
	mant, err := strconv.ParseInt(s, 10, 64)
	return mant, places, err == nil
}

// pow10 is 10^n for 0 <= n <= 18 (decimal gives at most 17 places).
func pow10(n int) int64 {
	r := int64(1)
	for range n {
		r *= 10
	}
	return r
}

// mulAll multiplies its factors and reports false on overflow.
func mulAll(f ...int64) (int64, bool) {
	r := int64(1)
	for _, x := range f {
		if x == 0 {
			return 0, true
		}
		hi, lo := bits.Mul64(uint64(abs64(r)), uint64(abs64(x)))
		if hi != 0 || lo > math.MaxInt64 {
			return 0, false
		}
		neg := (r < 0) != (x < 0)
		r = int64(lo)
		if neg {
			r = -r
		}
	}
	return r, true
}

func abs64(x int64) int64 {
	if x < 0 {
		return -x
	}
	return x
}
