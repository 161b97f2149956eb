package locale

import (
	"fmt"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/bl-digital/kompass/strategy"
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

func TestDate(t *testing.T) {
	day := strategy.MustParseDate("2026-10-31")
	for _, c := range []struct {
		lang string
		d    strategy.Date
		want string
		why  string
	}{
		{"de", day, "31.10.2026", "a day the Swiss way in German"},
		{"fr", day, "31.10.2026", "the same in French"},
		{"it", day, "31.10.2026", "the same in Italian"},
		{"en", day, "31 October 2026", "English readers read the month's name"},
		{"de", strategy.MustParseDate("2027-06-05"), "05.06.2027", "day and month with two digits"},
		{"en", strategy.MustParseDate("2027-06-05"), "5 June 2027", "no leading zero in English"},
		{"de", strategy.MustParseDate("2026-03"), "März 2026", "a month by its name"},
		{"fr", strategy.MustParseDate("2026-08"), "août 2026", "French months are written small"},
		{"it", strategy.MustParseDate("2026"), "2026", "a year alone"},
		{"rm", day, "31.10.2026", "another language is written as German"},
		{"de", strategy.Date{}, "–", "the zero date is a dash, not an empty cell"},
	} {
		assert.Equal(t, c.want, Date(c.lang, c.d), c.why)
	}
}

func ExampleDate() {
	d := strategy.MustParseDate("2026-10-31")
	fmt.Println(Date("de", d))
	fmt.Println(Date("en", d))
	fmt.Println(Date("fr", strategy.MustParseDate("2027-02")))
	// Output:
	// 31.10.2026
	// 31 October 2026
	// février 2027
}

func ExampleNumber() {
	fmt.Println(Number(91480000, 0, "'"))
	fmt.Println(Number(57.8571, 1, "'"))
	// Output:
	// 91'480'000
	// 57.9
}
