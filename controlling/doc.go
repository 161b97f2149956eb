// Package controlling computes the controlling of a portfolio of measures
// against its strategy: schedule status, progress rolled up from measures to
// goals, focus areas and the strategy, coverage, budget (earned value, CPI),
// indicator achievement, efficiency in full-time equivalents, sums by
// purpose, staleness and divergence from the owners' self-assessments. It
// also explains each rolled-up figure and compares two reports.
//
// Compute is the entry point:
//
//	r, err := controlling.Compute(s, p, controlling.Options{})
//
// The zero Options apply the rules' defaults: figures at the
// portfolio's asOf, 8.4 hours per day, at risk 10 and late 25 points behind
// plan, stale after 183 days, measures weighted by their weight.
//
// The rules, in short (docs/controlling.md in the repository explains every
// figure, every choice where a rule leaves a question open, and works
// through an example):
//   - A measure's progress p is its progress; planned counts 0, completed 100.
//     Its planned progress pp is the elapsed share of [first day of start,
//     last day of end] at asOf, on calendar days. Its schedule status is
//     done, cancelled, not-started (planned and starting after asOf) or, from
//     d = p - pp, on-track (d >= -10), at-risk (-25 <= d < -10) or late
//     (d < -25, or past its end and below 100); paused is never better than
//     at-risk. The thresholds are compared exactly, on whole days: a
//     measure exactly on -10 or -25 gets the better status.
//   - A goal's progress is sum(w × p) / sum(w) over its measures that are
//     not cancelled; a focus area's is the plain mean of its goals with
//     progress, the strategy's the plain mean of its focus areas with
//     progress. Every roll-up carries its coverage, the worst status below it
//     with counts per status, FTE and budget sums; a measure counts once in
//     a focus area and once in the strategy however many of their goals it
//     serves. Cancelled measures are left out of every roll-up and listed
//     apart; goals without measures are uncovered and do not set their
//     parents' status.
//   - Every roll-up carries StaleCount, the stale measures among those it
//     rolls up; Report.CancelledTotals sums the cancelled measures' money,
//     which no roll-up holds; Report.PortfolioAsOf is the date of the data
//     beside AsOf, the date of the figures.
//   - Numbers are unrounded; an unknown figure is nil (JSON null); no
//     figure is ever NaN or infinite.
//
// Report.ExplainGoal, ExplainFocusArea and ExplainStrategy say how a
// progress figure is made (the widget's "how is this computed?"); Diff
// compares two reports of one strategy (the annual strategy controlling):
// measures added and removed, status changes naming which status changed,
// goal changes, and every roll-up's progress, status and coverage before
// and after.
package controlling
