package strategy

import (
	"errors"
	"strconv"
	"time"

	"github.com/bl-digital/kompass/diag"
)

// DatePattern is the pattern of a Date in data files: YYYY, YYYY-MM or YYYY-MM-DD.
const DatePattern = `^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$`

// Precision is how much of a Date is given.
type Precision int

const (
	Year  Precision = iota + 1 // YYYY
	Month                      // YYYY-MM
	Day                        // YYYY-MM-DD
)

// Date is a calendar date of year, month or day precision. As the start of a
// period it means its first day, as the end its last day. The zero Date is
// "no date".
type Date struct {
	Y         int
	M         time.Month
	D         int
	Precision Precision
}

// NewDate returns the day-precision date of y, m, d.
func NewDate(y int, m time.Month, d int) Date {
	return Date{Y: y, M: m, D: d, Precision: Day}
}

// DateOf returns the day-precision date of t's calendar day.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return NewDate(y, m, d)
}

// ParseDate parses YYYY, YYYY-MM or YYYY-MM-DD; a day must exist in its month.
func ParseDate(s string) (Date, error) {
	var d Date
	var y, m, day int
	var err error
	switch len(s) {
	case 4:
		_, err = parseDigits(s, "dddd", &y)
		d = Date{Y: y, Precision: Year}
	case 7:
		_, err = parseDigits(s, "dddd-dd", &y, &m)
		d = Date{Y: y, M: time.Month(m), Precision: Month}
	case 10:
		_, err = parseDigits(s, "dddd-dd-dd", &y, &m, &day)
		d = Date{Y: y, M: time.Month(m), D: day, Precision: Day}
	default:
		err = errBadDate
	}
	if err != nil {
		return Date{}, errors.New("invalid date " + diag.Quote(s) + ": want YYYY, YYYY-MM or YYYY-MM-DD")
	}
	if d.Precision >= Month && (d.M < 1 || d.M > 12) {
		return Date{}, errors.New("invalid date " + strconv.Quote(s) + ": month " + strconv.Itoa(int(d.M)) + " out of range")
	}
	if d.Precision == Day {
		if t := time.Date(d.Y, d.M, d.D, 0, 0, 0, 0, time.UTC); d.D < 1 || t.Day() != d.D {
			return Date{}, errors.New("invalid date " + strconv.Quote(s) + ": " + d.M.String() + " " + strconv.Itoa(d.Y) + " has no day " + strconv.Itoa(d.D))
		}
	}
	return d, nil
}

var errBadDate = errors.New("bad date")

// parseDigits reads s against a layout of 'd' (a digit) and literal bytes,
// storing each run of digits into the next of nums.
func parseDigits(s, layout string, nums ...*int) (int, error) {
	if len(s) != len(layout) {
		return 0, errBadDate
	}
	n := -1
	inRun := false
	for i := 0; i < len(s); i++ {
		if layout[i] == 'd' {
			if s[i] < '0' || s[i] > '9' {
				return 0, errBadDate
			}
			if !inRun {
				n++
				*nums[n] = 0
				inRun = true
			}
			*nums[n] = *nums[n]*10 + int(s[i]-'0')
			continue
		}
		inRun = false
		if s[i] != layout[i] {
			return 0, errBadDate
		}
	}
	return n + 1, nil
}

// MustParseDate is ParseDate that panics; for tests and constants only.
func MustParseDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// IsZero reports whether d is the zero Date (no date).
func (d Date) IsZero() bool { return d.Precision == 0 }

// First is the first day of d's period, at midnight UTC.
func (d Date) First() time.Time {
	switch d.Precision {
	case Year:
		return time.Date(d.Y, 1, 1, 0, 0, 0, 0, time.UTC)
	case Month:
		return time.Date(d.Y, d.M, 1, 0, 0, 0, 0, time.UTC)
	case Day:
		return time.Date(d.Y, d.M, d.D, 0, 0, 0, 0, time.UTC)
	}
	return time.Time{}
}

// Last is the last day of d's period, at midnight UTC.
func (d Date) Last() time.Time {
	switch d.Precision {
	case Year:
		return time.Date(d.Y, 12, 31, 0, 0, 0, 0, time.UTC)
	case Month:
		return time.Date(d.Y, d.M+1, 0, 0, 0, 0, 0, time.UTC)
	case Day:
		return d.First()
	}
	return time.Time{}
}

// String formats d as it is written in data files.
func (d Date) String() string {
	switch d.Precision {
	case Year:
		return pad(d.Y, 4)
	case Month:
		return pad(d.Y, 4) + "-" + pad(int(d.M), 2)
	case Day:
		return pad(d.Y, 4) + "-" + pad(int(d.M), 2) + "-" + pad(d.D, 2)
	}
	return ""
}

// pad writes n with at least width characters, zeros after the sign, as
// fmt's %0*d does.
func pad(n, width int) string {
	if n < 0 {
		return "-" + pad(-n, width-1)
	}
	s := strconv.Itoa(n)
	for len(s) < width {
		s = "0" + s
	}
	return s
}

// MarshalText writes d as YYYY, YYYY-MM or YYYY-MM-DD.
func (d Date) MarshalText() ([]byte, error) {
	if d.IsZero() {
		return nil, errors.New("cannot marshal the zero Date")
	}
	return []byte(d.String()), nil
}

// UnmarshalText parses YYYY, YYYY-MM or YYYY-MM-DD.
func (d *Date) UnmarshalText(b []byte) error {
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}
