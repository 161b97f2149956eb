// Package locale holds what the reports, the charts and the widget write
// alike: numbers with Swiss thousands separators, the names of the months
// and dates in the four languages. It uses only strconv, strings and the
// strategy's Date, so the WebAssembly widget links it at little cost.
package locale

import (
	"strconv"
	"strings"

	"github.com/bl-digital/kompass/strategy"
)

// Number writes a finite v with decimals places and sep between groups
// of thousands: Number(1234567.891, 2, "'") is "1'234'567.89". A value
// that rounds to zero never gets a minus sign. Callers decide how to show
// NaN and infinities; here they print as strconv prints them.
func Number(v float64, decimals int, sep string) string {
	s := strconv.FormatFloat(v, 'f', max(decimals, 0), 64)
	if strings.ContainsAny(s, "NI") { // NaN, +Inf, -Inf
		return s
	}
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	intPart, frac, hasFrac := strings.Cut(s, ".")
	var b strings.Builder
	if neg && strings.Trim(s, "0.") != "" {
		b.WriteByte('-')
	}
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(c)
	}
	if hasFrac {
		b.WriteByte('.')
		b.WriteString(frac)
	}
	return b.String()
}

var months = map[string][12]string{
	"de": {"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"},
	"fr": {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"},
	"it": {"gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"},
	"en": {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
}

// Month is the name of month m (1 to 12) in lang; another language gets
// the German name, and a month out of range "".
func Month(lang string, m int) string {
	names, ok := months[lang]
	if !ok {
		names = months["de"]
	}
	if m < 1 || m > 12 {
		return ""
	}
	return names[m-1]
}

// Date writes d at its precision, the one way the reports, their charts
// and the widget all write dates: a year as "2026"; a month with its name,
// "Oktober 2026", "octobre 2026"; a day the Swiss way, "31.10.2026", in
// German, French and Italian, and as English readers expect it in English,
// "31 October 2026". The zero Date is "–".
func Date(lang string, d strategy.Date) string {
	switch d.Precision {
	case strategy.Year:
		return strconv.Itoa(d.Y)
	case strategy.Month:
		return Month(lang, int(d.M)) + " " + strconv.Itoa(d.Y)
	case strategy.Day:
		if lang == "en" {
			return strconv.Itoa(d.D) + " " + Month(lang, int(d.M)) + " " + strconv.Itoa(d.Y)
		}
		return twoDigits(d.D) + "." + twoDigits(int(d.M)) + "." + strconv.Itoa(d.Y)
	}
	return "–"
}

func twoDigits(n int) string {
	if n >= 0 && n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}
