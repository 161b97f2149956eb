package report

import (
	"math"
	"strconv"
	"strings"

	"github.com/bl-digital/kompass/internal/locale"
)

// Swiss number formatting, used by the human-readable renderers (text, md,
// html). The conventions:
//
//   - thousands are grouped with the plain apostrophe ' (U+0027), from 1'000 on;
//   - the decimal separator is the point: 2.38;
//   - amounts are whole francs after the currency: CHF 1'200'000;
//   - percentages carry one decimal and a space before the sign: 42.5 %;
//   - an unknown figure prints as the renderer's "unknown" label, never as 0.
//
// The CSV renderer writes plain numbers instead (see render_csv.go), so that
// spreadsheets sum them.

// FormatNumber writes v rounded to decimals places, with ' grouping the
// thousands: FormatNumber(1234567.891, 2) is "1'234'567.89". NaN and
// infinities print as "NaN", "+Inf" and "-Inf"; a value that rounds to zero
// never prints a minus sign.
func FormatNumber(v float64, decimals int) string {
	return locale.Number(v, decimals, "'")
}

// FormatAmount writes an amount in whole francs with grouped thousands:
// FormatAmount(1200000) is "1'200'000".
func FormatAmount(v float64) string { return FormatNumber(v, 0) }

// FormatCHF writes an amount the Swiss way: FormatCHF(1200000) is "CHF 1'200'000".
func FormatCHF(v float64) string { return "CHF " + FormatAmount(v) }

// FormatPercent writes a percentage (0..100) with one decimal and a space
// before the sign: FormatPercent(42.456) is "42.5 %".
func FormatPercent(v float64) string { return FormatNumber(v, 1) + " %" }

// FormatShare writes a share (0..1, such as an indicator's achievement) as a
// percentage: FormatShare(0.425) is "42.5 %".
func FormatShare(v float64) string { return FormatPercent(v * 100) }

// plainNumber writes v for machines and spreadsheets: no grouping, the point
// as decimal separator, at most decimals places with trailing zeros dropped:
// plainNumber(1200000, 2) is "1200000", plainNumber(2.380952, 2) is "2.38".
func plainNumber(v float64, decimals int) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return ""
	}
	s := strconv.FormatFloat(v, 'f', decimals, 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	if s == "-0" {
		s = "0"
	}
	return s
}
