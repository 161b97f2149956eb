package controlling

import (
	"strconv"
	"strings"

	"github.com/bl-digital/kompass/strategy"
)

// Level names what an Explanation explains.
type Level string

const (
	LevelGoal      Level = "goal"      // a goal: weighted mean of its measures
	LevelFocusArea Level = "focusArea" // a focus area: plain mean of its goals
	LevelStrategy  Level = "strategy"  // the strategy: plain mean of its focus areas
)

// Explanation says how one rolled-up progress rollupFigure is made: the formula and
// every term that goes into it. It is what the widget's "how is this
// computed?" shows.
type Explanation struct {
	Level    Level       `json:"level"`
	ID       strategy.ID `json:"id"`
	Progress *float64    `json:"progress"` // nil when nothing below has progress
	Formula  string      `json:"formula"`
	Coverage Coverage    `json:"coverage"`
	// StaleCount is how many of the measures below are stale: the figure
	// rests partly on data older than Options.StaleAfterDays.
	StaleCount int `json:"staleCount"`
	// Terms are what the rollupFigure is computed from, in report order: a goal's
	// measures with their weights, a focus area's goals or the strategy's
	// focus areas with progress (weight 1 each, a plain mean).
	Terms []Term `json:"terms"`
	// Excluded are the goals (focus areas) below without progress, which
	// the mean leaves out; always empty for a goal.
	Excluded []strategy.ID `json:"excluded"`
}

// Term is one part of a rolled-up rollupFigure.
type Term struct {
	ID       strategy.ID `json:"id"`
	Weight   float64     `json:"weight"`
	Progress float64     `json:"progress"`
	// Stale is true for a measure whose figures are out of date (see Measure.Stale).
	Stale bool `json:"stale,omitempty"`
}

// String renders e on one line in English, for logs and plain-text output:
//
//	KD1: 42.5 = sum(weight × progress) / sum(weight) over 2 measures; M1 (weight 1, progress 30), M2 (weight 1, progress 55)
func (e Explanation) String() string {
	var b strings.Builder
	b.WriteString(string(e.ID))
	b.WriteString(": ")
	if e.Progress == nil {
		b.WriteString("unknown")
	} else {
		b.WriteString(shortNum(*e.Progress))
	}
	b.WriteString(" = ")
	b.WriteString(e.Formula)
	for i, t := range e.Terms {
		if i == 0 {
			b.WriteString("; ")
		} else {
			b.WriteString(", ")
		}
		b.WriteString(string(t.ID) + " (weight " + shortNum(t.Weight) + ", progress " + shortNum(t.Progress))
		if t.Stale {
			b.WriteString(", stale")
		}
		b.WriteString(")")
	}
	if len(e.Excluded) > 0 {
		b.WriteString("; left out: ")
		for i, id := range e.Excluded {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(string(id))
		}
	}
	return b.String()
}

func shortNum(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// ExplainGoal explains the progress of the goal with id; false if the report
// has no such goal.
func (r *Report) ExplainGoal(id strategy.ID) (Explanation, bool) {
	if r == nil {
		return Explanation{}, false
	}
	for _, fa := range r.FocusAreas {
		for _, g := range fa.Goals {
			if g.ID != id {
				continue
			}
			stale := make(map[strategy.ID]bool, len(g.Contributions))
			for _, c := range g.Contributions {
				stale[c.ID] = false
			}
			for _, m := range r.Measures {
				if _, ok := stale[m.ID]; ok && m.Stale {
					stale[m.ID] = true
				}
			}
			e := explanation(LevelGoal, g.ID, g.Rollup)
			for _, c := range g.Contributions {
				e.Terms = append(e.Terms, Term{ID: c.ID, Weight: c.Weight, Progress: c.Progress, Stale: stale[c.ID]})
			}
			return e, true
		}
	}
	return Explanation{}, false
}

// ExplainFocusArea explains the progress of the focus area with id: the
// plain mean of its goals that have progress. False if there is no such area.
func (r *Report) ExplainFocusArea(id strategy.ID) (Explanation, bool) {
	if r == nil {
		return Explanation{}, false
	}
	for _, fa := range r.FocusAreas {
		if fa.ID != id {
			continue
		}
		e := explanation(LevelFocusArea, fa.ID, fa.Rollup)
		for _, g := range fa.Goals {
			e.add(g.ID, g.Progress)
		}
		return e, true
	}
	return Explanation{}, false
}

// ExplainStrategy explains the strategy's progress: the plain mean of its
// focus areas that have progress.
func (r *Report) ExplainStrategy() Explanation {
	if r == nil {
		return Explanation{Level: LevelStrategy, Terms: []Term{}, Excluded: []strategy.ID{}}
	}
	e := explanation(LevelStrategy, r.Strategy.ID, r.Strategy.Rollup)
	for _, fa := range r.FocusAreas {
		e.add(fa.ID, fa.Progress)
	}
	return e
}

func explanation(l Level, id strategy.ID, r Rollup) Explanation {
	return Explanation{Level: l, ID: id, Progress: r.Progress, Formula: r.Formula, Coverage: r.Coverage,
		StaleCount: r.StaleCount, Terms: []Term{}, Excluded: []strategy.ID{}}
}

// add adds a term of weight 1 for a part with progress, or excludes it.
func (e *Explanation) add(id strategy.ID, p *float64) {
	if p == nil {
		e.Excluded = append(e.Excluded, id)
		return
	}
	e.Terms = append(e.Terms, Term{ID: id, Weight: 1, Progress: *p})
}
