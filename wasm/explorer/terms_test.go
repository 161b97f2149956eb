package explorer_test

import (
	"strings"
	"testing"

	"github.com/bl-digital/kompass/controlling"
	"github.com/bl-digital/kompass/controlling/report"
	"github.com/bl-digital/kompass/portfolio"
	"github.com/bl-digital/kompass/wasm/explorer"
	"github.com/stretchr/testify/assert"
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
