package chart

import (
	"math"
	"strconv"
	"strings"

	"github.com/bl-digital/kompass/internal/locale"
	"github.com/bl-digital/kompass/strategy"
)

// Format turns figures into the text a chart shows. The zero value is not
// useful; NewFormat gives the Swiss formatting of the reports, and a caller
// (the widget) may set its own functions so that charts and the text around
// them read the same.
type Format struct {
	// Number writes v with decimals places: 1'234.5.
	Number func(v float64, decimals int) string
	// Percent writes a percentage 0..100 with one decimal: 57.9 %.
	Percent func(v float64) string
	// Amount writes money in whole francs: CHF 1'200'000.
	Amount func(v float64) string
	// Date writes a date at its precision: 2026, Oktober 2026, 31.10.2026
	// (31 October 2026 in English), as locale.Date does.
	Date func(d strategy.Date) string
}

// NewFormat returns the formatting of the reports for lang: thousands
// grouped by ' (1'200'000), the point as decimal separator, money as
// CHF 1'200'000, percentages with one decimal and a space before the sign
// (57.9 %; in French a narrow no-break space, as French typography wants).
func NewFormat(lang string) Format {
	pct := " %"
	if lang == "fr" {
		pct = "\u202f%"
	}
	return Format{
		Number:  formatNumber,
		Percent: func(v float64) string { return formatNumber(v, 1) + pct },
		Amount:  func(v float64) string { return "CHF " + formatNumber(v, 0) },
		Date:    func(d strategy.Date) string { return locale.Date(lang, d) },
	}
}

// orDefault fills the functions f leaves nil from NewFormat(lang).
func (f Format) orDefault(lang string) Format {
	d := NewFormat(lang)
	if f.Number == nil {
		f.Number = d.Number
	}
	if f.Percent == nil {
		f.Percent = d.Percent
	}
	if f.Amount == nil {
		f.Amount = d.Amount
	}
	if f.Date == nil {
		f.Date = d.Date
	}
	return f
}

// formatNumber mirrors the reports' number format: 1'234'567.89. A value
// that is not finite prints as "–" (charts never show NaN); a value that
// rounds to zero never prints a minus sign.
func formatNumber(v float64, decimals int) string {
	if !finite(v) {
		return "–"
	}
	return locale.Number(v, min(decimals, 6), "'")
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// clean returns v, or 0 when v is not finite.
func clean(v float64) float64 {
	if finite(v) {
		return v
	}
	return 0
}

// clamp01 returns v limited to 0..1 (0 when not finite).
func clamp01(v float64) float64 { return math.Max(0, math.Min(1, clean(v))) }

// num writes a coordinate for an attribute: at most two decimals, no
// exponent, never NaN ("0" instead).
func num(v float64) string {
	v = clean(v)
	s := strconv.FormatFloat(math.Round(v*100)/100, 'f', -1, 64)
	if s == "-0" {
		return "0"
	}
	return s
}

// pct writes a share 0..1 as an SVG percentage coordinate: "37.5%".
func pct(share float64) string { return num(clamp01(share)*100) + "%" }

// short cuts s to at most n runes at a word boundary, with "…".
func short(s string, n int) string {
	r := []rune(strings.TrimSpace(s))
	if len(r) <= n {
		return string(r)
	}
	cut := n - 1
	for i := cut; i > n/2; i-- {
		if r[i] == ' ' {
			cut = i
			break
		}
	}
	return strings.TrimRight(string(r[:cut]), " ,;:–-") + "…"
}
