package jsondoc

import (
	"math"
	"strconv"
)

// MaxNumberLen is the longest number literal a Kompass file may hold.
const MaxNumberLen = 100

// numberProblem says why raw, a syntactically valid JSON number, is
// refused: longer than MaxNumberLen characters, or out of the range of a
// float64 (too large, or so small that it is 0 in a float64 although it is
// not 0). It returns "" for a good number. Its time is linear in len(raw),
// and it parses only literals with an exponent: without one, 100 characters
// cannot leave the range.
func numberProblem(raw []byte) string {
	if len(raw) > MaxNumberLen {
		return "the number " + quoteCut(raw[:min(len(raw), 24)]) + " is " + strconv.Itoa(len(raw)) +
			" characters long; at most " + strconv.Itoa(MaxNumberLen) + " are allowed"
	}
	exp := false
	for _, c := range raw {
		if c == 'e' || c == 'E' {
			exp = true
			break
		}
	}
	if !exp {
		return ""
	}
	f, err := strconv.ParseFloat(string(raw), 64)
	switch {
	case err != nil || math.IsInf(f, 0):
		return "the number " + string(raw) + " is too large: it is out of the range of a 64-bit float (about ±1.8e308)"
	case f == 0 && nonZeroMantissa(raw):
		return "the number " + string(raw) + " is too small: it is not 0, but a 64-bit float rounds it to 0 (the smallest is about 4.9e-324)"
	}
	return ""
}

// nonZeroMantissa reports whether a number has a digit other than 0
// before its exponent.
func nonZeroMantissa(raw []byte) bool {
	for _, c := range raw {
		switch {
		case c == 'e' || c == 'E':
			return false
		case '1' <= c && c <= '9':
			return true
		}
	}
	return false
}

// zero stands in the tree for a number Check refuses.
var zero = []byte("0")
