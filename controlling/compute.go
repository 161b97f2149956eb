package controlling

import (
	"errors"
	"math"
	"strconv"
	"time"

	"github.com/bl-digital/kompass/portfolio"
	"github.com/bl-digital/kompass/strategy"
)

// Errors Compute returns for unusable input; test with errors.Is.
var (
	// ErrNilInput is returned when the strategy or the portfolio is nil.
	ErrNilInput = errors.New("controlling: strategy and portfolio are required")
	// ErrNoAsOf is returned when neither Options.AsOf nor the portfolio's asOf is set.
	ErrNoAsOf = errors.New("controlling: no asOf date: set Options.AsOf or the portfolio's asOf")
	// ErrOptions is returned for negative or non-finite thresholds, hours per day or staleness days.
	ErrOptions = errors.New("controlling: invalid options")
)

// Compute computes the controlling report of p against s by the
// controlling rules (docs/controlling.md in the repository explains each
// figure, with a worked example).
//
// It fails only for unusable input: a nil strategy or portfolio, no asOf
// date, or invalid options. It does not validate the portfolio: a portfolio
// of another strategy is computed all the same, and a measure's link to a
// goal the strategy does not have is skipped (the measure still has its own
// figures and counts in Purposes). Semantic validation reports both.
//
// Details the rules leave open, decided here:
//   - asOf of month or year precision means its last day (figures "as of the
//     end of March"); Report.AsOf is always a day.
//   - `updated` of month or year precision means its last day.
//   - A measure's progress is clamped to [0, 100]; a weight that is not
//     positive counts as 0, and a goal whose weights are all 0 falls back
//     to equal weights (as in ByBudget mode).
//   - An indicator's latest actual is the one whose date ends last; of
//     actuals with the same date the later one in the list wins.
//   - A purpose entry exists only when it has measures, the one for
//     measures without purpose too.
//   - The strategy's status, counts, FTE and budget sum the distinct
//     measures linked to at least one of its goals; Purposes sums every
//     measure that is not cancelled.
//
// The report never holds NaN or infinities: divisions by zero give nil
// (or 0 where the rollupFigure is not nullable), and overflowing sums saturate.
func Compute(s *strategy.Strategy, p *portfolio.Portfolio, o Options) (*Report, error) {
	if s == nil || p == nil {
		return nil, ErrNilInput
	}
	if err := checkOptions(o); err != nil {
		return nil, err
	}
	o = o.withDefaults()
	asOf := o.AsOf
	if asOf.IsZero() {
		asOf = p.AsOf
	}
	if asOf.IsZero() {
		return nil, ErrNoAsOf
	}
	day := asOf.Last()
	o.AsOf = strategy.DateOf(day)

	c := newComputation(s, p, o, day)
	if !p.AsOf.IsZero() {
		d := strategy.DateOf(p.AsOf.Last())
		c.r.PortfolioAsOf = &d
	}
	c.measures()
	c.goals()
	c.focusAreas()
	c.strategy()
	c.purposes()
	return c.r, nil
}

// checkOptions rejects options no default can repair.
func checkOptions(o Options) error {
	for _, f := range []struct {
		name string
		v    float64
	}{{"HoursPerDay", o.HoursPerDay}, {"AtRisk", o.AtRisk}, {"Late", o.Late}} {
		if f.v < 0 || math.IsNaN(f.v) || math.IsInf(f.v, 0) {
			return optionsError(f.name + " is " + strconv.FormatFloat(f.v, 'g', -1, 64))
		}
	}
	if o.StaleAfterDays < 0 {
		return optionsError("StaleAfterDays is " + strconv.Itoa(o.StaleAfterDays))
	}
	if o.Weighting != ByWeight && o.Weighting != ByBudget {
		return optionsError("unknown Weighting " + strconv.Itoa(int(o.Weighting)))
	}
	return nil
}

// optionsError is ErrOptions with what is wrong: errors.Is finds ErrOptions.
type optionsError string

func (e optionsError) Error() string { return ErrOptions.Error() + ": " + string(e) }
func (e optionsError) Unwrap() error { return ErrOptions }

// tally accumulates the status counts, FTE and budget of a set of measures.
type tally struct {
	counts    [len(statusOrder)]int
	fte       FTE
	budget    Budget
	nMeasures int
	stale     int
}

// statusOrder indexes tally.counts; worst first, as RollupStatuses.
var statusOrder = [...]ScheduleStatus{Late, AtRisk, OnTrack, NotStarted, Done}

func statusIndex(s ScheduleStatus) int {
	for i, v := range statusOrder {
		if v == s {
			return i
		}
	}
	return -1
}

func (a *tally) add(m *Measure, src *portfolio.Measure) {
	a.nMeasures++
	if m.Stale {
		a.stale++
	}
	if i := statusIndex(m.Status); i >= 0 {
		a.counts[i]++
	}
	a.fte.Expected = finite(a.fte.Expected + m.FTE)
	if m.Status == Done {
		a.fte.Realized = finite(a.fte.Realized + m.FTE)
	}
	if src.Budget != nil {
		a.budget.Planned = finite(a.budget.Planned + src.Budget.Planned)
		a.budget.Spent = finite(a.budget.Spent + src.Budget.Spent)
		if m.EarnedValue != nil {
			a.budget.EarnedValue = finite(a.budget.EarnedValue + *m.EarnedValue)
		}
	}
}

// status is the worst status counted, or Uncovered when nothing was.
func (a *tally) status() ScheduleStatus {
	for i, n := range a.counts {
		if n > 0 {
			return statusOrder[i]
		}
	}
	return Uncovered
}

// rollup fills the status, counts, FTE and budget of a Rollup.
func (a *tally) rollup() Rollup {
	counts := make(map[ScheduleStatus]int, len(statusOrder))
	for i, s := range statusOrder {
		counts[s] = a.counts[i]
	}
	b := a.budget
	b.CPI = safeDiv(b.EarnedValue, b.Spent)
	return Rollup{Status: a.status(), Counts: counts, FTE: a.fte, Budget: b, StaleCount: a.stale}
}

// computation is the state of one Compute call.
type computation struct {
	s   *strategy.Strategy
	p   *portfolio.Portfolio
	o   Options
	day time.Time
	r   *Report

	goalIndex map[strategy.ID]int // goal id -> flat goal index
	goalArea  []int               // flat goal index -> focus area index
	goalAcc   []tally
	members   [][]int // flat goal index -> measure indices, portfolio order
	links     []int32 // the distinct goal indices of each measure, one run per measure
	linkEnd   []int   // measure index -> end of its run in links
	areaAcc   []tally
	stratAcc  tally
	goalProg  []*float64 // flat goal index -> progress

	// floats and indicators back the measures' pointers and indicator
	// slices, so that a measure costs no allocations of its own.
	floats     []float64
	indicators []IndicatorFigures
}

// ptr returns a pointer to v in c.floats.
func (c *computation) ptr(v float64) *float64 {
	if len(c.floats) == cap(c.floats) {
		c.floats = make([]float64, 0, 64)
	}
	c.floats = append(c.floats, v)
	return &c.floats[len(c.floats)-1]
}

func newComputation(s *strategy.Strategy, p *portfolio.Portfolio, o Options, day time.Time) *computation {
	n := s.GoalCount()
	c := &computation{
		s: s, p: p, o: o, day: day,
		r: &Report{
			AsOf:       o.AsOf,
			Options:    o,
			Strategy:   StrategyFigures{ID: s.ID},
			FocusAreas: make([]FocusArea, len(s.FocusAreas)),
			Measures:   make([]Measure, len(p.Measures)),
			Purposes:   []PurposeFigures{},
			Cancelled:  []strategy.ID{},
			Uncovered:  []strategy.ID{},
			Stale:      []strategy.ID{},
			Divergent:  []strategy.ID{},
			Source:     s,
			Portfolio:  p,
		},
		goalIndex: make(map[strategy.ID]int, n),
		goalArea:  make([]int, 0, n),
		goalAcc:   make([]tally, n),
		members:   make([][]int, n),
		areaAcc:   make([]tally, len(s.FocusAreas)),
		goalProg:  make([]*float64, n),
	}
	nIndicators, nLinks := 0, 0
	for i := range p.Measures {
		nIndicators += len(p.Measures[i].Indicators)
		nLinks += len(p.Measures[i].Goals)
	}
	c.links = make([]int32, 0, nLinks)
	c.linkEnd = make([]int, len(p.Measures))
	c.floats = make([]float64, 0, 2*len(p.Measures)+2*nIndicators)
	c.indicators = make([]IndicatorFigures, nIndicators)
	for a, fa := range s.FocusAreas {
		for _, g := range fa.Goals {
			if _, dup := c.goalIndex[g.ID]; !dup { // duplicate goal ids: the first wins
				c.goalIndex[g.ID] = len(c.goalArea)
			}
			c.goalArea = append(c.goalArea, a)
		}
	}
	return c
}

// measures computes every measure's figures and adds the measures that are
// not cancelled to their goals, focus areas and the strategy.
//
// The loop's body is in small methods (lists, link): in the widget, V8
// optimises a WebAssembly function by the size of the code it runs
// through, and the whole loop in one function was one of the largest
// functions a first render had optimised, on the core the render needs.
func (c *computation) measures() {
	l := linking{
		goalMark: make([]int, len(c.members)),
		areaMark: make([]int, len(c.areaAcc)),
		perGoal:  make([]int, len(c.members)),
	}
	for i := range c.p.Measures {
		src, m := &c.p.Measures[i], &c.r.Measures[i]
		c.measure(src, m)
		c.lists(src, m)
		if m.Status != Cancelled {
			c.link(i, src, m, &l)
		}
		c.linkEnd[i] = len(c.links)
	}
	c.collectMembers(l.perGoal)
}

// linking is measures' scratch space for link.
type linking struct {
	goals, areas []int // distinct goal and area indices of one measure
	// goalMark[g] and areaMark[a] are 1 + the index of the last measure
	// linked to them, so that duplicates are found in constant time.
	goalMark, areaMark []int
	perGoal            []int // measures linked to each goal
}

// lists adds measure m to the report's lists of stale, divergent and
// cancelled measures, and a cancelled one to the cancelled totals.
func (c *computation) lists(src *portfolio.Measure, m *Measure) {
	if m.Stale {
		c.r.Stale = append(c.r.Stale, m.ID)
	}
	if m.Divergent {
		c.r.Divergent = append(c.r.Divergent, m.ID)
	}
	if m.Status != Cancelled {
		return
	}
	c.r.Cancelled = append(c.r.Cancelled, m.ID)
	ct := &c.r.CancelledTotals
	ct.Measures++
	if b := src.Budget; b != nil {
		ct.Planned = finite(ct.Planned + b.Planned)
		ct.Spent = finite(ct.Spent + b.Spent)
	}
}

// link adds measure i, not cancelled, to each of its goals (once, however
// often it names one), their focus areas and the strategy.
func (c *computation) link(i int, src *portfolio.Measure, m *Measure, l *linking) {
	l.goals, l.areas = l.goals[:0], l.areas[:0]
	for _, id := range src.Goals {
		g, ok := c.goalIndex[id]
		if !ok || l.goalMark[g] == i+1 {
			continue
		}
		l.goalMark[g] = i + 1
		l.goals = append(l.goals, g)
		if a := c.goalArea[g]; l.areaMark[a] != i+1 {
			l.areaMark[a] = i + 1
			l.areas = append(l.areas, a)
		}
	}
	for _, g := range l.goals {
		c.goalAcc[g].add(m, src)
		c.links = append(c.links, int32(g))
		l.perGoal[g]++
	}
	for _, a := range l.areas {
		c.areaAcc[a].add(m, src)
	}
	if len(l.goals) > 0 {
		c.stratAcc.add(m, src)
	}
}

// collectMembers sets each goal's members, in portfolio order, in one
// backing array; perGoal is the number of each goal's members.
func (c *computation) collectMembers(perGoal []int) {
	backing := make([]int, len(c.links))
	off := 0
	for g, n := range perGoal {
		c.members[g] = backing[off : off : off+n]
		off += n
	}
	start := 0
	for i, end := range c.linkEnd {
		for _, g := range c.links[start:end] {
			c.members[g] = append(c.members[g], i)
		}
		start = end
	}
}

// measure computes the figures of one measure.
func (c *computation) measure(src *portfolio.Measure, m *Measure) {
	m.ID = src.ID
	m.Progress = clampf(src.EffectiveProgress(), 0, 100)
	start, end := src.Start.First(), src.End.Last()
	pl := planOf(start, end, c.day)
	m.PlannedProgress = pl.percent()
	m.Status = c.scheduleStatus(src, m.Progress, pl, start, end)
	switch src.Status {
	case portfolio.Completed, portfolio.Cancelled:
	default:
		m.Stale = src.Updated.IsZero() || daysBetween(src.Updated.Last(), c.day) > float64(c.o.StaleAfterDays)
	}
	if sa := src.SelfAssessment; sa != nil {
		m.Divergent = sa.Status == portfolio.OnTrack && (m.Status == AtRisk || m.Status == Late) ||
			sa.Status == portfolio.AtRisk && m.Status == Late
	}
	if sv := src.Savings; sv != nil {
		m.FTE = finite(float64(sv.People) * sv.MinutesPerDay / 60 / c.o.HoursPerDay)
	}
	if b := src.Budget; b != nil {
		ev := finite(b.Planned * m.Progress / 100)
		m.EarnedValue = c.ptr(ev)
		if q, ok := quotient(ev, b.Spent); ok {
			m.CPI = c.ptr(q)
		}
	}
	k := len(src.Indicators)
	m.Indicators, c.indicators = c.indicators[:k:k], c.indicators[k:]
	for j := range src.Indicators {
		m.Indicators[j] = c.indicator(&src.Indicators[j])
	}
}

// scheduleStatus is the schedule status of a measure with progress p
// (0..100) and planned progress pl that runs from start to end. The
// thresholds are compared exactly (plan.behindAtLeast).
func (c *computation) scheduleStatus(src *portfolio.Measure, p float64, pl plan, start, end time.Time) ScheduleStatus {
	switch {
	case src.Status == portfolio.Completed:
		return Done
	case src.Status == portfolio.Cancelled:
		return Cancelled
	case src.Status == portfolio.Planned && start.After(c.day):
		return NotStarted
	}
	st := OnTrack
	switch {
	case !pl.behindAtLeast(p, c.o.Late) || end.Before(c.day) && p < 100:
		st = Late
	case !pl.behindAtLeast(p, c.o.AtRisk):
		st = AtRisk
	}
	if src.Status == portfolio.Paused && st == OnTrack {
		st = AtRisk
	}
	return st
}

// plannedShare is the elapsed share of [start, end] at day, 0..1, on
// calendar days. When end is not after start it is 0 before start and 1
// from start on.
func plannedShare(start, end, day time.Time) float64 {
	pl := planOf(start, end, day)
	if pl.num == pl.den {
		return 1
	}
	return float64(pl.num) / float64(pl.den)
}

// indicator computes an indicator's achievement and expected share.
func (c *computation) indicator(in *portfolio.Indicator) IndicatorFigures {
	f := IndicatorFigures{ID: in.ID}
	if latest, ok := latestActual(in.Actuals); ok {
		if q, ok := quotient(latest.Value-in.Baseline.Value, in.Target.Value-in.Baseline.Value); ok {
			f.Achievement = c.ptr(q)
		}
	}
	if !in.Baseline.Date.IsZero() && !in.Target.Date.IsZero() {
		f.Expected = c.ptr(plannedShare(in.Baseline.Date.First(), in.Target.Date.Last(), c.day))
	}
	return f
}

// latestActual is the actual whose date ends last; the later one in the
// list wins a tie.
func latestActual(actuals []portfolio.Observation) (portfolio.Observation, bool) {
	var best portfolio.Observation
	var bestT time.Time
	for i, a := range actuals {
		t := a.Date.Last()
		if i == 0 || !t.Before(bestT) {
			best, bestT = a, t
		}
	}
	return best, len(actuals) > 0
}

// goals computes every goal's roll-up.
func (c *computation) goals() {
	g := 0
	for a, fa := range c.s.FocusAreas {
		out := make([]Goal, len(fa.Goals))
		for j, sg := range fa.Goals {
			out[j] = c.goal(g, sg.ID)
			c.goalProg[g] = out[j].Progress
			if out[j].Status == Uncovered {
				c.r.Uncovered = append(c.r.Uncovered, sg.ID)
			}
			g++
		}
		c.r.FocusAreas[a] = FocusArea{ID: fa.ID, Goals: out}
	}
}

// goal computes the roll-up of the goal with flat index g.
func (c *computation) goal(g int, id strategy.ID) Goal {
	members := c.members[g]
	out := Goal{
		ID:            id,
		Rollup:        c.goalAcc[g].rollup(),
		Measures:      make([]strategy.ID, len(members)),
		Contributions: make([]Contribution, len(members)),
	}
	out.Coverage = Coverage{Total: 1}
	if len(members) == 0 {
		out.Formula = "no measures: progress unknown"
		return out
	}
	out.Coverage.Covered = 1
	var sumW float64
	for k, i := range members {
		m := &c.r.Measures[i]
		w := c.weight(&c.p.Measures[i])
		sumW += w
		out.Measures[k] = m.ID
		out.Contributions[k] = Contribution{ID: m.ID, Weight: w, Progress: m.Progress}
	}
	n := len(members)
	if sumW <= 0 || math.IsInf(sumW, 0) {
		for k := range out.Contributions {
			out.Contributions[k].Weight = 1
		}
		reason := "no measure has a positive weight"
		if c.o.Weighting == ByBudget {
			reason = "no measure has a planned budget"
		}
		out.Formula = "mean(progress) over " + countNoun(n, "measure") + " (equal weights: " + reason + ")"
	} else if c.o.Weighting == ByBudget {
		out.Formula = "sum(planned budget × progress) / sum(planned budget) over " + countNoun(n, "measure")
	} else {
		out.Formula = "sum(weight × progress) / sum(weight) over " + countNoun(n, "measure")
	}
	out.Progress = weightedMean(out.Contributions)
	return out
}

// weight is a measure's weight in its goals under the options' Weighting;
// weights that are not positive and finite count as 0.
func (c *computation) weight(m *portfolio.Measure) float64 {
	var w float64
	if c.o.Weighting == ByBudget {
		if m.Budget != nil {
			w = m.Budget.Planned
		}
	} else {
		w = m.EffectiveWeight()
	}
	if !(w > 0) || math.IsInf(w, 0) {
		return 0
	}
	return w
}

// weightedMean is sum(w*p)/sum(w), kept within the range of the progress
// values (so rounding never leaves it) and falling back to the plain mean
// should the sums overflow. It is nil for no contributions.
func weightedMean(cs []Contribution) *float64 {
	if len(cs) == 0 {
		return nil
	}
	lo, hi := cs[0].Progress, cs[0].Progress
	var swp, sw, sp float64
	for _, c := range cs {
		lo, hi = math.Min(lo, c.Progress), math.Max(hi, c.Progress)
		swp += c.Weight * c.Progress
		sw += c.Weight
		sp += c.Progress
	}
	v := swp / sw
	if math.IsNaN(v) || math.IsInf(v, 0) {
		v = sp / float64(len(cs))
	}
	v = clampf(v, lo, hi)
	return &v
}

// meanOfKnown is the plain mean of the non-nil values, kept within their range; nil if none.
func meanOfKnown(vs []*float64) (*float64, int) {
	var sum, lo, hi float64
	n := 0
	for _, v := range vs {
		if v == nil {
			continue
		}
		if n == 0 || *v < lo {
			lo = *v
		}
		if n == 0 || *v > hi {
			hi = *v
		}
		sum += *v
		n++
	}
	if n == 0 {
		return nil, 0
	}
	m := clampf(sum/float64(n), lo, hi)
	return &m, n
}

// focusAreas computes every focus area's roll-up from its goals.
func (c *computation) focusAreas() {
	g := 0
	for a := range c.r.FocusAreas {
		fa := &c.r.FocusAreas[a]
		fa.Rollup = c.areaAcc[a].rollup()
		progs := c.goalProg[g : g+len(fa.Goals)]
		g += len(fa.Goals)
		var n int
		fa.Progress, n = meanOfKnown(progs)
		fa.Coverage = Coverage{Covered: n, Total: len(fa.Goals)}
		fa.Formula = meanFormula(n, len(fa.Goals), "goal")
	}
}

// strategy computes the strategy's roll-up from its focus areas.
func (c *computation) strategy() {
	st := &c.r.Strategy
	st.Rollup = c.stratAcc.rollup()
	progs := make([]*float64, len(c.r.FocusAreas))
	for a := range c.r.FocusAreas {
		progs[a] = c.r.FocusAreas[a].Progress
	}
	var n int
	st.Progress, n = meanOfKnown(progs)
	covered := 0
	for _, p := range c.goalProg {
		if p != nil {
			covered++
		}
	}
	st.Coverage = Coverage{Covered: covered, Total: len(c.goalProg)}
	st.Formula = meanFormula(n, len(progs), "focus area")
}

// meanFormula describes a plain mean over n of total parts with progress.
func meanFormula(n, total int, part string) string {
	switch {
	case n == 0:
		return "no " + part + " has progress: progress unknown"
	case n == total:
		return "mean(progress) over " + countNoun(n, part)
	}
	return "mean(progress) over " + strconv.Itoa(n) + " of " + countNoun(total, part) +
		" with progress (" + countNoun(total-n, part) + " without measures left out)"
}

func countNoun(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}

// purposes sums the measures that are not cancelled by purpose: the
// purposes in portfolio.Purposes() order, then unknown ones in order of first
// appearance, then measures without a purpose.
func (c *computation) purposes() {
	index := make(map[portfolio.Purpose]int, len(portfolio.Purposes())+1)
	order := append([]portfolio.Purpose(nil), portfolio.Purposes()...)
	for i, p := range order {
		index[p] = i
	}
	accs := make([]tally, len(order))
	var none tally
	for i := range c.p.Measures {
		src := &c.p.Measures[i]
		m := &c.r.Measures[i]
		if m.Status == Cancelled {
			continue
		}
		if src.Purpose == "" {
			none.add(m, src)
			continue
		}
		k, ok := index[src.Purpose]
		if !ok {
			k = len(order)
			index[src.Purpose] = k
			order = append(order, src.Purpose)
			accs = append(accs, tally{})
		}
		accs[k].add(m, src)
	}
	for k, p := range order {
		if accs[k].nMeasures > 0 {
			c.r.Purposes = append(c.r.Purposes, purposeFigures(&p, &accs[k]))
		}
	}
	if none.nMeasures > 0 {
		c.r.Purposes = append(c.r.Purposes, purposeFigures(nil, &none))
	}
}

func purposeFigures(p *portfolio.Purpose, a *tally) PurposeFigures {
	r := a.rollup()
	return PurposeFigures{Purpose: p, Measures: a.nMeasures, Budget: r.Budget, FTE: r.FTE, StaleCount: a.stale}
}

// daysBetween is the number of calendar days from a to b; both are midnight UTC.
func daysBetween(a, b time.Time) float64 {
	return float64((b.Unix() - a.Unix()) / 86400)
}

func clampf(v, lo, hi float64) float64 {
	if math.IsNaN(v) {
		return lo
	}
	return math.Max(lo, math.Min(hi, v))
}

// safeDiv is a/b, nil when b is 0 or the quotient is not finite.
func safeDiv(a, b float64) *float64 {
	if q, ok := quotient(a, b); ok {
		return &q
	}
	return nil
}

// quotient is a/b, false when b is 0 or the quotient is not finite.
func quotient(a, b float64) (float64, bool) {
	if b == 0 {
		return 0, false
	}
	q := a / b
	return q, !math.IsNaN(q) && !math.IsInf(q, 0)
}

// finite keeps x finite: NaN becomes 0, infinities saturate.
func finite(x float64) float64 {
	switch {
	case math.IsNaN(x):
		return 0
	case math.IsInf(x, 1):
		return math.MaxFloat64
	case math.IsInf(x, -1):
		return -math.MaxFloat64
	}
	return x
}
