package controlling_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/bl-digital/kompass/controlling"
	"github.com/bl-digital/kompass/portfolio"
	"github.com/bl-digital/kompass/strategy"
)

// TestScheduleThresholdsExact puts measures exactly on d = -10 and d = -25
// where elapsed/span is not exact in binary floating point (11/20*100 is
// 55.00000000000001): on the threshold the better status wins.
func TestScheduleThresholdsExact(t *testing.T) {
	day := func(s string, add int) strategy.Date {
		d := fxDate(s).First().AddDate(0, 0, add)
		return strategy.NewDate(d.Year(), d.Month(), d.Day())
	}
	tests := []struct {
		reason        string
		start, end    strategy.Date
		asOf          strategy.Date
		status        portfolio.Status
		progress      float64
		opts          controlling.Options
		want          controlling.ScheduleStatus
		wantPlannedPP float64
	}{
		// span 20, elapsed 11: pp = 55
		{"11/20: p 45 is exactly d = -10: on track", day("2026-01-01", 0), day("2026-01-01", 20), day("2026-01-01", 11), portfolio.Active, 45, controlling.Options{}, controlling.OnTrack, 55},
		{"11/20: p 44 is d = -11: at risk", day("2026-01-01", 0), day("2026-01-01", 20), day("2026-01-01", 11), portfolio.Active, 44, controlling.Options{}, controlling.AtRisk, 55},
		{"11/20: p 30 is exactly d = -25: at risk, not late", day("2026-01-01", 0), day("2026-01-01", 20), day("2026-01-01", 11), portfolio.Active, 30, controlling.Options{}, controlling.AtRisk, 55},
		{"11/20: p 29 is d = -26: late", day("2026-01-01", 0), day("2026-01-01", 20), day("2026-01-01", 11), portfolio.Active, 29, controlling.Options{}, controlling.Late, 55},
		// span 25, elapsed 7: pp = 28
		{"7/25: p 18 is exactly d = -10: on track", day("2026-03-01", 0), day("2026-03-01", 25), day("2026-03-01", 7), portfolio.Active, 18, controlling.Options{}, controlling.OnTrack, 28},
		{"7/25: p 3 is exactly d = -25: at risk", day("2026-03-01", 0), day("2026-03-01", 25), day("2026-03-01", 7), portfolio.Active, 3, controlling.Options{}, controlling.AtRisk, 28},
		{"7/25: p 2 is d = -26: late", day("2026-03-01", 0), day("2026-03-01", 25), day("2026-03-01", 7), portfolio.Active, 2, controlling.Options{}, controlling.Late, 28},
		// span 100, elapsed 28: pp = 28
		{"28/100: p 18 is exactly d = -10: on track", day("2026-02-01", 0), day("2026-02-01", 100), day("2026-02-01", 28), portfolio.Active, 18, controlling.Options{}, controlling.OnTrack, 28},
		{"28/100: p 3 is exactly d = -25: at risk", day("2026-02-01", 0), day("2026-02-01", 100), day("2026-02-01", 28), portfolio.Active, 3, controlling.Options{}, controlling.AtRisk, 28},
		// span 100, elapsed 56: pp = 56
		{"56/100: p 46 is exactly d = -10: on track", day("2026-02-01", 0), day("2026-02-01", 100), day("2026-02-01", 56), portfolio.Active, 46, controlling.Options{}, controlling.OnTrack, 56},
		{"56/100: p 45 is d = -11: at risk", day("2026-02-01", 0), day("2026-02-01", 100), day("2026-02-01", 56), portfolio.Active, 45, controlling.Options{}, controlling.AtRisk, 56},
		{"56/100: p 31 is exactly d = -25: at risk", day("2026-02-01", 0), day("2026-02-01", 100), day("2026-02-01", 56), portfolio.Active, 31, controlling.Options{}, controlling.AtRisk, 56},
		{"56/100: p 30 is d = -26: late", day("2026-02-01", 0), day("2026-02-01", 100), day("2026-02-01", 56), portfolio.Active, 30, controlling.Options{}, controlling.Late, 56},
		// decimals as written: 45.1 is 451/10, not the binary float nearest it
		{"span 1000, elapsed 551, p 45.1 is exactly d = -10", day("2025-01-01", 0), day("2025-01-01", 1000), day("2025-01-01", 551), portfolio.Active, 45.1, controlling.Options{}, controlling.OnTrack, 55.1},
		{"span 1000, elapsed 551, p 45.09 is below d = -10", day("2025-01-01", 0), day("2025-01-01", 1000), day("2025-01-01", 551), portfolio.Active, 45.09, controlling.Options{}, controlling.AtRisk, 55.1},
		{"custom threshold 7.3 met exactly at 11/20, p 47.7", day("2026-01-01", 0), day("2026-01-01", 20), day("2026-01-01", 11), portfolio.Active, 47.7, controlling.Options{AtRisk: 7.3, Late: 20}, controlling.OnTrack, 55},
		{"custom threshold 7.3 missed at 11/20, p 47.69", day("2026-01-01", 0), day("2026-01-01", 20), day("2026-01-01", 11), portfolio.Active, 47.69, controlling.Options{AtRisk: 7.3, Late: 20}, controlling.AtRisk, 55},
		// end == start
		{"end = start, on that day: pp 100, p 90 is d = -10", day("2026-05-10", 0), day("2026-05-10", 0), day("2026-05-10", 0), portfolio.Active, 90, controlling.Options{}, controlling.OnTrack, 100},
		{"end = start, on that day: p 75 is d = -25", day("2026-05-10", 0), day("2026-05-10", 0), day("2026-05-10", 0), portfolio.Active, 75, controlling.Options{}, controlling.AtRisk, 100},
		{"end = start, the day before: pp 0", day("2026-05-10", 0), day("2026-05-10", 0), day("2026-05-10", -1), portfolio.Active, 0, controlling.Options{}, controlling.OnTrack, 0},
		// period precision: a start is its first day, an end its last
		{"YYYY: 2026..2026 spans 364 days; at 2026-07-02 182 elapsed, pp 50, p 40 on track", fxDate("2026"), fxDate("2026"), fxDate("2026-07-02"), portfolio.Active, 40, controlling.Options{}, controlling.OnTrack, 50},
		{"YYYY: same, p 25 exactly d = -25", fxDate("2026"), fxDate("2026"), fxDate("2026-07-02"), portfolio.Active, 25, controlling.Options{}, controlling.AtRisk, 50},
		{"YYYY-MM: 2026-01..2026-01 spans 30 days; at 01-12 11 elapsed, p 26.6666 below", fxDate("2026-01"), fxDate("2026-01"), fxDate("2026-01-12"), portfolio.Active, 26.6666, controlling.Options{}, controlling.AtRisk, 1100.0 / 30},
		{"YYYY-MM: 2026-04..2026-05 spans 60 days; at 04-16 15 elapsed, p 15 exactly d = -10", fxDate("2026-04"), fxDate("2026-05"), fxDate("2026-04-16"), portfolio.Active, 15, controlling.Options{}, controlling.OnTrack, 25},
		// paused and late
		{"paused exactly on d = -10 is capped at at-risk", day("2026-01-01", 0), day("2026-01-01", 20), day("2026-01-01", 11), portfolio.Paused, 45, controlling.Options{}, controlling.AtRisk, 55},
		{"paused exactly on d = -25 stays at risk", day("2026-01-01", 0), day("2026-01-01", 20), day("2026-01-01", 11), portfolio.Paused, 30, controlling.Options{}, controlling.AtRisk, 55},
		{"paused and late stays late", day("2026-01-01", 0), day("2026-01-01", 20), day("2026-01-01", 11), portfolio.Paused, 29, controlling.Options{}, controlling.Late, 55},
		{"past its end below 100 is late although d = 0", day("2026-01-01", 0), day("2026-01-01", 20), day("2026-01-01", 21), portfolio.Active, 99.5, controlling.Options{}, controlling.Late, 100},
	}
	for _, tc := range tests {
		t.Run(tc.reason, func(t *testing.T) {
			m := fxMeasure("M", tc.progress)
			m.Status, m.Start, m.End = tc.status, tc.start, tc.end
			p := fxPortfolio("2026-01-01", m)
			p.AsOf = tc.asOf
			r := fxCompute(t, p, tc.opts)
			got := fxMeasureOf(t, r, "M")
			assert.Equal(t, tc.want, got.Status)
			assert.InDelta(t, tc.wantPlannedPP, got.PlannedProgress, 1e-9)
			// The roll-ups take the measure's status.
			assert.Equal(t, tc.want, fxGoalOf(t, r, "A1").Status)
			assert.Equal(t, tc.want, r.Strategy.Status)
		})
	}

}
