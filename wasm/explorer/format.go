package explorer

import (
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/bl-digital/kompass/internal/locale"
	"github.com/bl-digital/kompass/strategy"
)

// Langs are the widget's languages; the first is the default.
var Langs = []string{"de", "fr", "it", "en"}

// NormalizeLang maps a language tag ("fr", "fr-CH", "FR") to one of Langs;
// anything else, "" included, is "de".
func NormalizeLang(tag string) string {
	primary, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(tag)), "-")
	primary, _, _ = strings.Cut(primary, "_")
	for _, l := range Langs {
		if l == primary {
			return l
		}
	}
	return "de"
}

// Number formats f with decimals digits after the point, the way the
// reports write numbers in every language (internal/locale): thousands
// grouped with the apostrophe, the point as decimal mark, "1'234.5". lang
// is kept for callers; a negative decimals writes as many as needed; NaN
// and infinities print as "–".
func Number(lang string, f float64, decimals int) string {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return "–"
	}
	if decimals < 0 { // as many decimals as needed
		_, frac, _ := strings.Cut(strconv.FormatFloat(f, 'f', -1, 64), ".")
		decimals = len(frac)
	}
	return locale.Number(f, decimals, "'")
}

// Percent formats a share given in percent with one decimal, rounded like
// the html report: "57.9 %", with a no-break space before the sign (the
// French typography, and no line break between number and sign in any
// language).
func Percent(lang string, p float64) string {
	return Number(lang, math.Round(p*10)/10, 1) + "\u00a0%"
}

// Amount formats money in whole Swiss francs the way the reports do, in
// every language: "CHF 1'200'000" (with a no-break space after CHF).
func Amount(lang string, chf float64) string {
	return "CHF\u00a0" + Number(lang, math.Round(chf), 0)
}

// FormatDate formats d at its precision as the reports do: "2025",
// "März 2025", "31.12.2025" ("31 December 2025" in English). The zero
// Date is "–".
func FormatDate(lang string, d strategy.Date) string { return locale.Date(lang, d) }

// Years formats the years a measure spans: "2024–2027", or "2024" when it
// starts and ends in one year.
func Years(start, end strategy.Date) string {
	a, b := start.First().Year(), end.Last().Year()
	if start.IsZero() || end.IsZero() {
		return "–"
	}
	if a == b {
		return strconv.Itoa(a)
	}
	return strconv.Itoa(a) + "–" + strconv.Itoa(b)
}

// yearFraction is the position of t within [from, to] as 0..1.
func yearFraction(t, from, to time.Time) float64 {
	span := to.Sub(from).Hours()
	if span <= 0 {
		return 0
	}
	return math.Min(1, math.Max(0, t.Sub(from).Hours()/span))
}
