package portfolio

import (
	"slices"
	"strconv"
	"strings"

	"github.com/bl-digital/kompass/diag"
	"github.com/bl-digital/kompass/internal/idset"
	"github.com/bl-digital/kompass/strategy"
)

// Validate checks p against s beyond what the JSON Schema can: unique ids,
// references to goals, owners and measures, a dependsOn cycle, dates, and
// status/progress contradictions. With a nil s the checks that need the
// strategy are left out. It reports every problem, in document order, with
// JSON pointers but no positions (schema.Validate adds them), as
// strategy's Validate does.
//
// A partly decoded portfolio (from Unmarshal, with problems) may be
// validated: values left zero (a missing id, an unreadable date) are not
// checked again.
func (p *Portfolio) Validate(s *strategy.Strategy) diag.List {
	if p == nil {
		return diag.List{{Rule: diag.RuleEmpty, Message: "no portfolio"}}
	}
	var l diag.List
	if s != nil && p.Strategy != "" && p.Strategy != s.ID {
		l = append(l, diag.Problem{Pointer: "/strategy", Rule: diag.RuleStrategyMismatch,
			Message: "portfolio is for strategy " + diag.Quote(string(p.Strategy)) + ", but the strategy is " + diag.Quote(string(s.ID))})
	}
	orgs := idset.New[ID]("organisation", func(i int) string { return diag.Pointer("organisations", i, "id") })
	for i, o := range p.Organisations {
		l = orgs.Add(l, o.ID, i)
	}
	measures := idset.New[ID]("measure", func(i int) string { return diag.Pointer("measures", i, "id") })
	for i, m := range p.Measures {
		l = measures.Add(l, m.ID, i)
	}
	for i := range p.Measures {
		l = validateMeasure(l, &p.Measures[i], i, s, orgs, measures)
	}
	return append(l, dependencyCycles(p)...)
}

// Validate is p.Validate(s).
//
// Deprecated: use the method, shaped as strategy's Validate.
func Validate(p *Portfolio, s *strategy.Strategy) diag.List { return p.Validate(s) }

func validateMeasure(l diag.List, m *Measure, i int, s *strategy.Strategy, orgs, measures *idset.Set[ID]) diag.List {
	at := func(tokens ...any) string { return diag.Pointer(append([]any{"measures", i}, tokens...)...) }
	if s != nil {
		for j, g := range m.Goals {
			if _, _, ok := s.Goal(g); !ok && g != "" {
				l = append(l, diag.Problem{Pointer: at("goals", j), Rule: diag.RuleUnknownGoal,
					Message: "goal " + diag.Quote(string(g)) + " is not a goal of strategy " + diag.Quote(string(s.ID))})
			}
		}
	}
	if m.Owner != "" && !orgs.Has(m.Owner) {
		l = append(l, diag.Problem{Pointer: at("owner"), Rule: diag.RuleUnknownOwner,
			Message: "owner " + diag.Quote(string(m.Owner)) + " is not one of the portfolio's organisations"})
	}
	for j, d := range m.DependsOn {
		if d != m.ID && d != "" && !measures.Has(d) {
			l = append(l, diag.Problem{Pointer: at("dependsOn", j), Rule: diag.RuleUnknownMeasure,
				Message: "dependsOn " + diag.Quote(string(d)) + " is not a measure of this portfolio"})
		}
	}
	if !m.Start.IsZero() && !m.End.IsZero() && m.End.Last().Before(m.Start.First()) {
		l = append(l, diag.Problem{Pointer: at("end"), Rule: diag.RuleEndBeforeStart,
			Message: "end " + m.End.String() + " is before start " + m.Start.String()})
	}
	l = checkProgress(l, m, at)
	var indicators *idset.Set[ID]
	if len(m.Indicators) > 1 {
		indicators = idset.New[ID]("indicator", func(j int) string { return at("indicators", j, "id") })
	}
	for j, ind := range m.Indicators {
		if indicators != nil {
			l = indicators.Add(l, ind.ID, j)
		}
		if ind.Target.Value == ind.Baseline.Value {
			l = append(l, diag.Problem{Pointer: at("indicators", j, "target", "value"), Rule: diag.RuleIndicatorTarget,
				Message: "indicator " + diag.Quote(string(ind.ID)) + ": target " + number(ind.Target.Value) + " equals the baseline, so achievement cannot be measured"})
		}
	}
	return l
}

// checkProgress applies the status/progress rules: planned measures have no
// progress beyond 0, completed ones 100; the others must give it. at makes
// the pointer of a member of the measure, only for a problem.
func checkProgress(l diag.List, m *Measure, at func(tokens ...any) string) diag.List {
	problem := func(member, msg string) diag.List {
		return append(l, diag.Problem{Pointer: at(member), Rule: diag.RuleProgressStatus, Message: msg})
	}
	switch {
	case m.Status == Planned && m.Progress != nil && *m.Progress > 0:
		return problem("progress", "status is planned, but progress is "+number(*m.Progress)+" (a planned measure has progress 0)")
	case m.Status == Completed && m.Progress != nil && *m.Progress < 100:
		return problem("progress", "status is completed, but progress is "+number(*m.Progress)+" (a completed measure has progress 100)")
	case m.Progress == nil && (m.Status == Active || m.Status == Paused || m.Status == Cancelled):
		return problem("status", "progress is required when status is "+string(m.Status))
	}
	return l
}

// dependencyCycles finds every dependsOn cycle once, named by its measure ids
// ("A -> B -> A"), reported at the dependsOn entry that closes it in the
// measure that comes first in the file.
func dependencyCycles(p *Portfolio) diag.List {
	index := make(map[ID]int, len(p.Measures))
	for i, m := range p.Measures {
		if _, dup := index[m.ID]; !dup {
			index[m.ID] = i
		}
	}
	const (
		unvisited = iota
		onStack
		finished
	)
	state := make([]int, len(p.Measures))
	var stack []int
	var l diag.List
	var visit func(i int)
	visit = func(i int) {
		state[i] = onStack
		stack = append(stack, i)
		for _, d := range p.Measures[i].DependsOn {
			j, ok := index[d]
			if !ok {
				continue
			}
			switch state[j] {
			case unvisited:
				visit(j)
			case onStack:
				l = append(l, cycleProblem(p, stack[slices.Index(stack, j):]))
			}
		}
		stack = stack[:len(stack)-1]
		state[i] = finished
	}
	for i := range p.Measures {
		if state[i] == unvisited {
			visit(i)
		}
	}
	return l
}

// cycleProblem describes the cycle of measure indexes in cycle (each depends
// on the next, the last on the first), rotated to start at the lowest index.
func cycleProblem(p *Portfolio, cycle []int) diag.Problem {
	start := slices.Index(cycle, slices.Min(cycle))
	rotated := append(slices.Clone(cycle[start:]), cycle[:start]...)
	names := make([]string, 0, len(rotated)+1)
	for _, i := range rotated {
		names = append(names, diag.Cut(string(p.Measures[i].ID)))
	}
	names = append(names, names[0])
	first, next := rotated[0], p.Measures[rotated[(1)%len(rotated)]].ID
	k := slices.Index(p.Measures[first].DependsOn, next)
	return diag.Problem{Pointer: diag.Pointer("measures", first, "dependsOn", k), Rule: diag.RuleDependencyCycle,
		Message: "dependsOn cycle: " + strings.Join(names, " -> ")}
}

// number writes v as fmt's %v does, without linking fmt into the widget.
func number(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }
