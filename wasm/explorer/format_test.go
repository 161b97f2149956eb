package explorer_test

import (
	"math"
	"testing"

	"github.com/bl-digital/kompass/strategy"
	"github.com/bl-digital/kompass/wasm/explorer"
	"github.com/stretchr/testify/assert"
)

func TestNumberFormats(t *testing.T) {
	tests := []struct {
		reason, lang string
		f            float64
		decimals     int
		want         string
	}{
		{"grouped with the apostrophe, as the reports write numbers", "de", 1234567.891, 2, "1'234'567.89"},
		{"Italian as the Italian report", "it", 1234.5, 1, "1'234.5"},
		{"French as the French report: apostrophe and point", "fr", 1234567.5, 1, "1'234'567.5"},
		{"English as the English report", "en", 1234567, 0, "1'234'567"},
		{"small numbers are not grouped", "de", 999, 0, "999"},
		{"negative numbers as in the reports", "de", -2500, 0, "-2'500"},
		{"negative zero has no sign", "de", -0.001, 1, "0.0"},
		{"NaN prints a dash", "de", math.NaN(), 0, "–"},
		{"shortest digits with -1", "de", 2.5, -1, "2.5"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, explorer.Number(tt.lang, tt.f, tt.decimals), "reason: %s", tt.reason)
	}
}

func TestAmountPercentDate(t *testing.T) {
	tests := []struct {
		reason, got, want string
	}{
		{"amounts the Swiss way, as the reports", explorer.Amount("de", 1200000), "CHF\u00a01'200'000"},
		{"French amounts as the French report", explorer.Amount("fr", 91480000), "CHF\u00a091'480'000"},
		{"Italian amounts as the Italian report", explorer.Amount("it", 1200000), "CHF\u00a01'200'000"},
		{"English amount, whole francs", explorer.Amount("en", 1200000.4), "CHF\u00a01'200'000"},
		{"percent has one decimal, like the html report", explorer.Percent("de", 57.94), "57.9\u00a0%"},
		{"percent rounds half away from zero", explorer.Percent("de", 57.95), "58.0\u00a0%"},
		{"French percent as the French report: a point and a no-break space", explorer.Percent("fr", 5), "5.0\u00a0%"},
		{"a day", explorer.FormatDate("de", strategy.MustParseDate("2026-10-31")), "31.10.2026"},
		{"a day in English is written as in the English report", explorer.FormatDate("en", strategy.MustParseDate("2026-10-03")), "3 October 2026"},
		{"a month in Italian", explorer.FormatDate("it", strategy.MustParseDate("2026-03")), "marzo 2026"},
		{"a year", explorer.FormatDate("fr", strategy.MustParseDate("2026")), "2026"},
		{"no date", explorer.FormatDate("de", strategy.Date{}), "–"},
		{"years of a span", explorer.Years(strategy.MustParseDate("2024-03"), strategy.MustParseDate("2027")), "2024–2027"},
		{"one year", explorer.Years(strategy.MustParseDate("2024"), strategy.MustParseDate("2024-12-31")), "2024"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, tt.got, "reason: %s", tt.reason)
	}
}

func TestNormalizeLang(t *testing.T) {
	tests := []struct{ reason, in, want string }{
		{"a plain language", "fr", "fr"},
		{"a region tag", "it-CH", "it"},
		{"upper case and underscores", "EN_gb", "en"},
		{"unknown falls back to German", "rm", "de"},
		{"empty falls back to German", "", "de"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, explorer.NormalizeLang(tt.in), "reason: %s", tt.reason)
	}
}
