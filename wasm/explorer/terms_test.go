package explorer_test

import (
	"strings"
	"testing"

	"github.com/bl-digital/kompass/controlling"
	"github.com/bl-digital/kompass/controlling/report"
	"github.com/bl-digital/kompass/portfolio"
	"github.com/bl-digital/kompass/wasm/explorer"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The widget and the static fallback (the html report) use the same words.
// The wasm binary does not link controlling/report (it pulls in
// html/template), so the widget keeps its own copy, and this test keeps the
// two in step.
func TestSharedTermsMatchTheReport(t *testing.T) {
	for _, lang := range explorer.Langs {
		for _, st := range []controlling.ScheduleStatus{controlling.Late, controlling.AtRisk, controlling.OnTrack,
			controlling.NotStarted, controlling.Done, controlling.Cancelled, controlling.Uncovered} {
			assert.True(t, strings.EqualFold(report.StatusLabel(st, lang), explorer.Msg(lang, "status."+string(st))),
				"reason: status %s in %s: widget %q, report %q", st, lang, explorer.Msg(lang, "status."+string(st)), report.StatusLabel(st, lang))
		}
		for _, p := range []portfolio.Purpose{portfolio.Effectiveness, portfolio.ServiceEfficiency, portfolio.FewerVisits, portfolio.InternalEfficiency} {
			assert.Equal(t, report.PurposeLabel(&p, lang), strings.ReplaceAll(explorer.Msg(lang, "purpose."+string(p)), "’", "'"),
				"reason: purpose %s in %s", p, lang)
		}
	}
}

func TestSharedFormatsMatchTheReport(t *testing.T) {
	for _, v := range []float64{0, 57.94, 57.95, 99.99, 100, 33.333} {
		assert.Equal(t, report.FormatPercent(v), strings.ReplaceAll(explorer.Percent("de", v), "\u00a0", " "),
			"reason: the same rounding as the report (one decimal) for %v", v)
	}
}

func TestAmountsAndPercentsAsTheReportInEveryLanguage(t *testing.T) {
	for _, lang := range explorer.Langs {
		for _, v := range []float64{0, 999.5, 1200000, 91480000} {
			assert.Equal(t, report.FormatCHF(v), strings.ReplaceAll(explorer.Amount(lang, v), "\u00a0", " "),
				"reason: amounts are written as the report writes them, in %s too (%v)", lang, v)
		}
		assert.Equal(t, report.FormatPercent(57.94), strings.ReplaceAll(explorer.Percent(lang, 57.94), "\u00a0", " "),
			"reason: percentages as the report in %s", lang)
	}
}

// The widget names saved full-time posts with the report's words, in each
// language, not with the abbreviation FTE.
func TestFTEWordsAsTheReport(t *testing.T) {
	m, err := explorer.LoadEmbedded()
	require.NoError(t, err)
	r := m.Report
	for _, lang := range explorer.Langs {
		var b strings.Builder
		require.NoError(t, report.Render(&b, r, report.HTML, lang))
		html := strings.ReplaceAll(b.String(), "&#39;", "'")
		line := explorer.Msg(lang, "fte", "e", "1", "r", "2")
		words, _, _ := strings.Cut(line, ":")
		words = strings.TrimRight(words, "\u00a0")
		assert.Contains(t, html, words, "reason: the roll-ups' FTE line in %s uses the report's words", lang)
		one := explorer.Msg(lang, "fte.one", "e", "1")
		words, _, _ = strings.Cut(one, ":")
		assert.Contains(t, html, strings.TrimRight(words, "\u00a0"), "reason: a measure's FTE in %s uses the report's words", lang)
		assert.NotContains(t, line+one, "FTE", "reason: no abbreviation in %s", lang)
	}
}
