package controlling_test

import (
	"encoding/json"
	"fmt"
	"math"
	"math/big"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/bl-digital/kompass/controlling"
	"github.com/bl-digital/kompass/internal/synth"
	"github.com/bl-digital/kompass/portfolio"
	"github.com/bl-digital/kompass/strategy"
)

// An independent re-computation of every figure of the JSON report with
// exact fractions (math/big.Rat), written from the rules rather than from
// compute.go, over generated portfolios with and without an asOf option.
// Numbers from the data are read as the decimals a user wrote (45.1 is
// 451/10). Every number of the marshalled report is compared; statuses,
// flags, counts and lists must be equal.

// q is a fraction; nil is an unknown figure.
type q = *big.Rat

func qDec(v float64) q {
	r, _ := new(big.Rat).SetString(strconv.FormatFloat(v, 'g', -1, 64))
	return r
}
func qInt(n int64) q                { return new(big.Rat).SetInt64(n) }
func qAdd(a, b q) q                 { return new(big.Rat).Add(a, b) }
func qSub(a, b q) q                 { return new(big.Rat).Sub(a, b) }
func qMul(a, b q) q                 { return new(big.Rat).Mul(a, b) }
func qDiv(a, b q) q                 { return new(big.Rat).Quo(a, b) }
func qLess(a, b q) bool             { return a.Cmp(b) < 0 }
func dayCount(a, b time.Time) int64 { return (b.Unix() - a.Unix()) / 86400 }

var statusRank = map[string]int{"late": 5, "at-risk": 4, "on-track": 3, "not-started": 2, "done": 1}

type refMeasure struct {
	src            *portfolio.Measure
	p, pp          q
	status         string
	stale, diverge bool
	fte            q
	ev, cpi        q
}

type refTally struct {
	ids                map[strategy.ID]bool
	counts             map[string]int
	fteExp, fteReal    q
	planned, spent, ev q
	stale              int
}

func newTally() *refTally {
	return &refTally{ids: map[strategy.ID]bool{}, counts: map[string]int{}, fteExp: qInt(0), fteReal: qInt(0),
		planned: qInt(0), spent: qInt(0), ev: qInt(0)}
}

func (t *refTally) add(m *refMeasure) {
	if t.ids[m.src.ID] {
		return
	}
	t.ids[m.src.ID] = true
	t.counts[m.status]++
	t.fteExp = qAdd(t.fteExp, m.fte)
	if m.status == "done" {
		t.fteReal = qAdd(t.fteReal, m.fte)
	}
	if b := m.src.Budget; b != nil {
		t.planned = qAdd(t.planned, qDec(b.Planned))
		t.spent = qAdd(t.spent, qDec(b.Spent))
		t.ev = qAdd(t.ev, m.ev)
	}
	if m.stale {
		t.stale++
	}
}

func (t *refTally) status() string {
	best, rank := "uncovered", 0
	for s, n := range t.counts {
		if n > 0 && statusRank[s] > rank {
			best, rank = s, statusRank[s]
		}
	}
	return best
}

// check compares the rolled-up figures in got (a decoded JSON object).
func (t *refTally) check(c *checker, where string, got map[string]any) {
	c.str(where+".status", t.status(), got["status"])
	c.num(where+".staleCount", qInt(int64(t.stale)), got["staleCount"])
	fte := got["fte"].(map[string]any)
	c.num(where+".fte.expected", t.fteExp, fte["expected"])
	c.num(where+".fte.realized", t.fteReal, fte["realized"])
	b := got["budget"].(map[string]any)
	c.num(where+".budget.planned", t.planned, b["planned"])
	c.num(where+".budget.spent", t.spent, b["spent"])
	c.num(where+".budget.earnedValue", t.ev, b["earnedValue"])
	var cpi q
	if t.spent.Sign() != 0 {
		cpi = qDiv(t.ev, t.spent)
	}
	c.num(where+".budget.cpi", cpi, b["cpi"])
	if counts, ok := got["counts"].(map[string]any); ok {
		for s := range statusRank {
			c.num(where+".counts."+s, qInt(int64(t.counts[s])), counts[s])
		}
	}
}

// checker collects mismatches.
type checker struct {
	t       *testing.T
	figures int
	bad     int
}

func (c *checker) fail(format string, a ...any) {
	c.bad++
	if c.bad <= 20 {
		c.t.Errorf(format, a...)
	}
}

func (c *checker) num(where string, want q, got any) {
	c.t.Helper()
	c.figures++
	if want == nil {
		if got != nil {
			c.fail("%s: want null, got %v", where, got)
		}
		return
	}
	g, ok := got.(float64)
	if !ok {
		c.fail("%s: want %s, got %v", where, want.FloatString(6), got)
		return
	}
	w, _ := want.Float64()
	if math.Abs(g-w) > 1e-9*math.Max(1, math.Abs(w)) {
		c.fail("%s: want %v, got %v", where, w, g)
	}
}

func (c *checker) str(where string, want string, got any) {
	c.t.Helper()
	c.figures++
	if got != want {
		c.fail("%s: want %q, got %v", where, want, got)
	}
}

func (c *checker) ids(where string, want []strategy.ID, got any) {
	c.t.Helper()
	c.figures++
	g, _ := got.([]any)
	if len(g) != len(want) {
		c.fail("%s: want %v, got %v", where, want, got)
		return
	}
	for i := range want {
		if g[i] != string(want[i]) {
			c.fail("%s: want %v, got %v", where, want, got)
			return
		}
	}
}

// recompute checks the JSON of controlling.Compute(s, p, o) figure by figure.
func recompute(t *testing.T, s *strategy.Strategy, p *portfolio.Portfolio, o controlling.Options) (figures int) {
	r, err := controlling.Compute(s, p, o)
	require.NoError(t, err)
	b, err := json.Marshal(r)
	require.NoError(t, err)
	var doc map[string]any
	require.NoError(t, json.Unmarshal(b, &doc))
	c := &checker{t: t}

	asOf := p.AsOf.Last()
	if !o.AsOf.IsZero() {
		asOf = o.AsOf.Last()
	}
	c.str("asOf", asOf.Format(time.DateOnly), doc["asOf"])
	c.str("portfolioAsOf", p.AsOf.Last().Format(time.DateOnly), doc["portfolioAsOf"])

	hundred := qInt(100)
	ms := make([]*refMeasure, len(p.Measures))
	var cancelled, stale, divergent []strategy.ID
	cancelledPlanned, cancelledSpent := qInt(0), qInt(0)
	gotMeasures := doc["measures"].([]any)
	for i := range p.Measures {
		src := &p.Measures[i]
		m := &refMeasure{src: src}
		ms[i] = m
		switch {
		case src.Status == portfolio.Planned:
			m.p = qInt(0)
		case src.Status == portfolio.Completed:
			m.p = qInt(100)
		case src.Progress == nil:
			m.p = qInt(0)
		default:
			m.p = qDec(*src.Progress)
		}
		start, end := src.Start.First(), src.End.Last()
		span, elapsed := dayCount(start, end), dayCount(start, asOf)
		switch {
		case span == 0 && elapsed >= 0:
			m.pp = qInt(100)
		case span == 0 || elapsed <= 0:
			m.pp = qInt(0)
		case elapsed >= span:
			m.pp = qInt(100)
		default:
			m.pp = qDiv(qInt(100*elapsed), qInt(span))
		}
		d := qSub(m.p, m.pp)
		switch {
		case src.Status == portfolio.Completed:
			m.status = "done"
		case src.Status == portfolio.Cancelled:
			m.status = "cancelled"
		case src.Status == portfolio.Planned && start.After(asOf):
			m.status = "not-started"
		case qLess(d, qInt(-25)) || end.Before(asOf) && qLess(m.p, hundred):
			m.status = "late"
		case qLess(d, qInt(-10)):
			m.status = "at-risk"
		default:
			m.status = "on-track"
		}
		if src.Status == portfolio.Paused && m.status == "on-track" {
			m.status = "at-risk"
		}
		if src.Status != portfolio.Completed && src.Status != portfolio.Cancelled {
			m.stale = src.Updated.IsZero() || dayCount(src.Updated.Last(), asOf) > 183
		}
		if sa := src.SelfAssessment; sa != nil {
			m.diverge = sa.Status == portfolio.OnTrack && (m.status == "at-risk" || m.status == "late") ||
				sa.Status == portfolio.AtRisk && m.status == "late"
		}
		m.fte = qInt(0)
		if sv := src.Savings; sv != nil {
			// people × minutes / 60 / 8.4, and 8.4 = 42/5
			m.fte = qDiv(qMul(qInt(int64(sv.People)), qDec(sv.MinutesPerDay)), qDiv(qInt(60*42), qInt(5)))
		}
		if bu := src.Budget; bu != nil {
			m.ev = qDiv(qMul(qDec(bu.Planned), m.p), hundred)
			if bu.Spent != 0 {
				m.cpi = qDiv(m.ev, qDec(bu.Spent))
			}
		}
		where := "measures/" + string(src.ID)
		g := gotMeasures[i].(map[string]any)
		c.str(where+".id", string(src.ID), g["id"])
		c.num(where+".progress", m.p, g["progress"])
		c.num(where+".plannedProgress", m.pp, g["plannedProgress"])
		c.str(where+".status", m.status, g["status"])
		c.str(where+".stale", strconv.FormatBool(m.stale), strconv.FormatBool(g["stale"].(bool)))
		c.str(where+".divergent", strconv.FormatBool(m.diverge), strconv.FormatBool(g["divergent"].(bool)))
		c.num(where+".fte", m.fte, g["fte"])
		c.num(where+".earnedValue", m.ev, g["earnedValue"])
		c.num(where+".cpi", m.cpi, g["cpi"])
		gotInd := g["indicators"].([]any)
		for k, in := range src.Indicators {
			gi := gotInd[k].(map[string]any)
			var ach q
			if n := len(in.Actuals); n > 0 {
				latest := in.Actuals[0]
				for _, a := range in.Actuals[1:] {
					if !a.Date.Last().Before(latest.Date.Last()) {
						latest = a
					}
				}
				if den := qSub(qDec(in.Target.Value), qDec(in.Baseline.Value)); den.Sign() != 0 {
					ach = qDiv(qSub(qDec(latest.Value), qDec(in.Baseline.Value)), den)
				}
			}
			b0, t1 := in.Baseline.Date.First(), in.Target.Date.Last()
			sp, el := dayCount(b0, t1), dayCount(b0, asOf)
			var exp q
			switch {
			case sp <= 0 && el >= 0, el >= sp:
				exp = qInt(1)
			case sp <= 0 || el <= 0:
				exp = qInt(0)
			default:
				exp = qDiv(qInt(el), qInt(sp))
			}
			c.num(where+".indicators/"+string(in.ID)+".achievement", ach, gi["achievement"])
			c.num(where+".indicators/"+string(in.ID)+".expected", exp, gi["expected"])
		}
		if m.status == "cancelled" {
			cancelled = append(cancelled, src.ID)
			if bu := src.Budget; bu != nil {
				cancelledPlanned = qAdd(cancelledPlanned, qDec(bu.Planned))
				cancelledSpent = qAdd(cancelledSpent, qDec(bu.Spent))
			}
		}
		if m.stale {
			stale = append(stale, src.ID)
		}
		if m.diverge {
			divergent = append(divergent, src.ID)
		}
	}
	c.ids("cancelled", cancelled, doc["cancelled"])
	c.ids("stale", stale, doc["stale"])
	c.ids("divergent", divergent, doc["divergent"])
	ct := doc["cancelledTotals"].(map[string]any)
	c.num("cancelledTotals.measures", qInt(int64(len(cancelled))), ct["measures"])
	c.num("cancelledTotals.planned", cancelledPlanned, ct["planned"])
	c.num("cancelledTotals.spent", cancelledSpent, ct["spent"])

	// Goals, focus areas, strategy.
	strat := newTally()
	var uncovered []strategy.ID
	var areaProgress []q
	coveredAll, goalsAll := 0, 0
	gotAreas := doc["focusAreas"].([]any)
	for a, fa := range s.FocusAreas {
		area := newTally()
		gotArea := gotAreas[a].(map[string]any)
		gotGoals := gotArea["goals"].([]any)
		var goalProgress []q
		for k, sg := range fa.Goals {
			goal := newTally()
			sumW, sumWP := qInt(0), qInt(0)
			var members []strategy.ID
			for _, m := range ms {
				if m.status == "cancelled" {
					continue
				}
				linked := false
				for _, id := range m.src.Goals {
					linked = linked || id == sg.ID
				}
				if !linked {
					continue
				}
				members = append(members, m.src.ID)
				goal.add(m)
				area.add(m)
				strat.add(m)
				w := qInt(1)
				if m.src.Weight != nil {
					w = qDec(*m.src.Weight)
				}
				sumW = qAdd(sumW, w)
				sumWP = qAdd(sumWP, qMul(w, m.p))
			}
			var prog q
			if len(members) > 0 {
				prog = qDiv(sumWP, sumW)
				goalProgress = append(goalProgress, prog)
				coveredAll++
			} else {
				uncovered = append(uncovered, sg.ID)
			}
			goalsAll++
			where := "goals/" + string(sg.ID)
			gg := gotGoals[k].(map[string]any)
			c.num(where+".progress", prog, gg["progress"])
			cov := gg["coverage"].(map[string]any)
			c.num(where+".coverage.covered", qInt(int64(min(len(members), 1))), cov["covered"])
			c.num(where+".coverage.total", qInt(1), cov["total"])
			c.ids(where+".measures", members, gg["measures"])
			goal.check(c, where, gg)
		}
		var prog q
		if len(goalProgress) > 0 {
			sum := qInt(0)
			for _, v := range goalProgress {
				sum = qAdd(sum, v)
			}
			prog = qDiv(sum, qInt(int64(len(goalProgress))))
			areaProgress = append(areaProgress, prog)
		}
		where := "focusAreas/" + string(fa.ID)
		c.num(where+".progress", prog, gotArea["progress"])
		cov := gotArea["coverage"].(map[string]any)
		c.num(where+".coverage.covered", qInt(int64(len(goalProgress))), cov["covered"])
		c.num(where+".coverage.total", qInt(int64(len(fa.Goals))), cov["total"])
		area.check(c, where, gotArea)
	}
	var prog q
	if len(areaProgress) > 0 {
		sum := qInt(0)
		for _, v := range areaProgress {
			sum = qAdd(sum, v)
		}
		prog = qDiv(sum, qInt(int64(len(areaProgress))))
	}
	gotStrat := doc["strategy"].(map[string]any)
	c.num("strategy.progress", prog, gotStrat["progress"])
	cov := gotStrat["coverage"].(map[string]any)
	c.num("strategy.coverage.covered", qInt(int64(coveredAll)), cov["covered"])
	c.num("strategy.coverage.total", qInt(int64(goalsAll)), cov["total"])
	strat.check(c, "strategy", gotStrat)
	c.ids("uncovered", uncovered, doc["uncovered"])

	// Purposes: a–d in order, then the measures without one.
	gotPurposes := doc["purposes"].([]any)
	k := 0
	for _, pu := range append(append([]portfolio.Purpose{}, portfolio.Purposes...), "") {
		tl := newTally()
		n := 0
		for _, m := range ms {
			if m.status != "cancelled" && m.src.Purpose == pu {
				tl.add(m)
				n++
			}
		}
		if n == 0 {
			continue
		}
		if k >= len(gotPurposes) {
			c.fail("purposes: %q missing", pu)
			continue
		}
		gp := gotPurposes[k].(map[string]any)
		k++
		where := "purposes/" + string(pu)
		if pu == "" {
			c.str(where+".purpose", "<nil>", fmt.Sprint(gp["purpose"]))
		} else {
			c.str(where+".purpose", string(pu), gp["purpose"])
		}
		c.num(where+".measures", qInt(int64(n)), gp["measures"])
		gp["status"] = tl.status() // purposes carry no status
		tl.check(c, where, gp)
	}
	if k != len(gotPurposes) {
		c.fail("purposes: want %d entries, got %d", k, len(gotPurposes))
	}
	if c.bad > 0 {
		t.Errorf("%d of %d figures differ", c.bad, c.figures)
	}
	return c.figures
}

// fxBoundaries puts a share of the measures exactly on or next to the
// thresholds, with spans whose division is not exact in binary.
func fxBoundaries(p *portfolio.Portfolio, asOf time.Time) {
	pairs := [][2]int{{20, 11}, {25, 7}, {100, 28}, {100, 56}, {3, 1}, {7, 3}, {365, 100}, {1000, 551}}
	offsets := []float64{-10, -25, -10.1, -25.1, -9.9, -24.9, 0}
	for i := range p.Measures {
		m := &p.Measures[i]
		if i%3 != 0 || m.Status == portfolio.Planned || m.Status == portfolio.Completed {
			continue
		}
		pr := pairs[i%len(pairs)]
		start := asOf.AddDate(0, 0, -pr[1])
		m.Start, m.End = strategy.DateOf(start), strategy.DateOf(start.AddDate(0, 0, pr[0]))
		pp := qDiv(qInt(int64(100*pr[1])), qInt(int64(pr[0])))
		v := qAdd(pp, qDec(offsets[(i/3)%len(offsets)]))
		if v.Sign() < 0 {
			v = qInt(0)
		}
		// Progress with one decimal, as a user writes it: only exact
		// fractions with a one-decimal value land on the threshold.
		f, _ := v.Float64()
		f = math.Round(f*10) / 10
		m.Progress = &f
	}
}

func TestRecomputeExactly(t *testing.T) {
	s := fxBLStrategy(t)
	goals := fxGoalIDs(s)
	asOfs := []string{"", "2027-06-30", "2025-03", "2026"}
	total := 0
	for seed := uint64(1); seed <= 16; seed++ {
		p := fxGenerate(goals, 20+int(seed)*9, seed)
		if seed%2 == 0 {
			fxBoundaries(p, p.AsOf.Last())
		}
		for _, a := range asOfs {
			t.Run(fmt.Sprintf("seed=%d/asOf=%s", seed, a), func(t *testing.T) {
				var o controlling.Options
				if a != "" {
					o.AsOf = fxDate(a)
				}
				total += recompute(t, s, p, o)
			})
		}
	}
	// The portfolios the widget's browser tests use.
	for _, n := range []int{1, 50, 333} {
		p := synth.Portfolio(s, n)
		for _, a := range asOfs {
			t.Run(fmt.Sprintf("synth=%d/asOf=%s", n, a), func(t *testing.T) {
				var o controlling.Options
				if a != "" {
					o.AsOf = fxDate(a)
				}
				total += recompute(t, s, p, o)
			})
		}
	}
	t.Logf("%d figures re-computed", total)
}

// TestDiffMatchesReports checks every figure of Diff against the two
// reports it compares, on generated snapshot pairs that share some
// measures (the same ids with other figures).
func TestDiffMatchesReports(t *testing.T) {
	s := fxBLStrategy(t)
	goals := fxGoalIDs(s)
	for seed := uint64(1); seed <= 10; seed++ {
		oldP := fxGenerate(goals, 40+int(seed)*5, seed)
		newP := fxGenerate(goals, 30+int(seed)*7, seed+100)
		newP.AsOf = fxDate("2027-10-31")
		from, err := controlling.Compute(s, oldP, controlling.Options{})
		require.NoError(t, err)
		to, err := controlling.Compute(s, newP, controlling.Options{})
		require.NoError(t, err)
		d := controlling.Diff(from, to)
		require.False(t, d.NewBeforeOld)
		oldM, newM := map[strategy.ID]controlling.Measure{}, map[strategy.ID]controlling.Measure{}
		for _, m := range from.Measures {
			oldM[m.ID] = m
		}
		for _, m := range to.Measures {
			newM[m.ID] = m
		}
		require.Len(t, d.Measures, len(newM)-len(d.Added), "the measures in both")
		require.Len(t, d.Measures, len(oldM)-len(d.Removed), "the measures in both")
		require.NotEmpty(t, d.Measures, "the snapshots share measures")
		for _, md := range d.Measures {
			o, n := oldM[md.ID], newM[md.ID]
			require.Equal(t, o.Progress, *md.Old)
			require.Equal(t, n.Progress, *md.New)
			require.Equal(t, n.Progress-o.Progress, *md.Change)
		}
		goalsOf := func(r *controlling.Report) map[strategy.ID]controlling.Goal {
			out := map[strategy.ID]controlling.Goal{}
			for _, fa := range r.FocusAreas {
				for _, g := range fa.Goals {
					out[g.ID] = g
				}
			}
			return out
		}
		og, ng := goalsOf(from), goalsOf(to)
		for _, gd := range d.Goals {
			require.Equal(t, og[gd.ID].Coverage, *gd.OldCoverage)
			require.Equal(t, ng[gd.ID].Coverage, *gd.NewCoverage)
			require.Equal(t, og[gd.ID].StaleCount, *gd.OldStaleCount)
			require.Equal(t, og[gd.ID].Status, gd.OldStatus)
			require.Equal(t, ng[gd.ID].Status, gd.NewStatus)
			if gd.Old != nil && gd.New != nil {
				require.Equal(t, *ng[gd.ID].Progress-*og[gd.ID].Progress, *gd.Change)
			} else {
				require.Nil(t, gd.Change)
			}
		}
		require.Equal(t, from.Strategy.Coverage, *d.Strategy.OldCoverage)
		require.Equal(t, to.Strategy.Coverage, *d.Strategy.NewCoverage)
		for _, sc := range d.StatusChanges {
			sched := oldM[sc.ID].Status != newM[sc.ID].Status
			life := sc.OldPortfolioStatus != sc.NewPortfolioStatus
			want := map[[2]bool]string{{true, false}: controlling.ChangedSchedule, {false, true}: controlling.ChangedLifecycle, {true, true}: controlling.ChangedBoth}[[2]bool{sched, life}]
			require.Equal(t, want, sc.Changed, sc.ID)
		}
	}
}
