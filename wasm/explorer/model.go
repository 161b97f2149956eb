package explorer

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/bl-digital/kompass/controlling"
	"github.com/bl-digital/kompass/diag"
	"github.com/bl-digital/kompass/portfolio"
	"github.com/bl-digital/kompass/strategy"
)

// Model is the data a widget shows: the strategy, the portfolio and their
// controlling report. All figures come from the report; the explorer
// computes none of its own.
type Model struct {
	Strategy  *strategy.Strategy
	Portfolio *portfolio.Portfolio
	Report    *controlling.Report
	figures   map[strategy.ID]*controlling.Measure
}

// NewModel validates p against s and computes the report. It returns an
// *InvalidError naming url when p or s has errors.
func NewModel(s *strategy.Strategy, p *portfolio.Portfolio, strategyURL, portfolioURL string) (*Model, error) {
	if s == nil || p == nil {
		return nil, errors.New("explorer: strategy and portfolio are required")
	}
	if l := s.Validate(); l.HasErrors() {
		l.SetFile(strategyURL)
		return nil, &InvalidError{URL: strategyURL, Problems: l}
	}
	if l := portfolio.Validate(p, s); l.HasErrors() {
		l.SetFile(portfolioURL)
		return nil, &InvalidError{URL: portfolioURL, Problems: l}
	}
	r, err := controlling.Compute(s, p, controlling.Options{})
	if err != nil {
		return nil, &ComputeError{Err: err}
	}
	m := &Model{Strategy: s, Portfolio: p, Report: r, figures: map[strategy.ID]*controlling.Measure{}}
	for i := range r.Measures {
		m.figures[r.Measures[i].ID] = &r.Measures[i]
	}
	return m, nil
}

// Figures returns the computed figures of measure id, or nil.
func (m *Model) Figures(id strategy.ID) *controlling.Measure { return m.figures[id] }

// areaOfGoal returns the id of the focus area holding goal id.
func (m *Model) areaOfGoal(id strategy.ID) strategy.ID {
	if _, fa, ok := m.Strategy.Goal(id); ok {
		return fa.ID
	}
	return ""
}

// Matches reports whether measure ms passes filter f in language lang.
func (m *Model) Matches(ms *portfolio.Measure, f Filter, lang string) bool {
	if f.FocusArea != "" && !slices.ContainsFunc(ms.Goals, func(g strategy.ID) bool { return m.areaOfGoal(g) == f.FocusArea }) {
		return false
	}
	if f.Goal != "" && !slices.Contains(ms.Goals, f.Goal) {
		return false
	}
	if f.Field != "" && !slices.Contains(ms.Fields, f.Field) {
		return false
	}
	if f.Beneficiary != "" && !slices.Contains(ms.Beneficiaries, f.Beneficiary) {
		return false
	}
	if f.Owner != "" && ms.Owner != f.Owner {
		return false
	}
	if f.Status != "" {
		fig := m.Figures(ms.ID)
		if fig == nil || fig.Status != f.Status {
			return false
		}
	}
	if q := strings.TrimSpace(f.Query); q != "" {
		q = strings.ToLower(q)
		hay := []string{string(ms.ID), ms.Title.In(lang), ms.Summary.In(lang), ms.Before.In(lang), ms.After.In(lang)}
		if lang != "de" {
			hay = append(hay, ms.Title.In("de"), ms.Summary.In("de"))
		}
		if !slices.ContainsFunc(hay, func(h string) bool { return strings.Contains(strings.ToLower(h), q) }) {
			return false
		}
	}
	return true
}

// Filtered returns the measures passing f in portfolio order, and how many
// measures the scope holds: all of them, or those of the focus area fixed by cfg.
func (m *Model) Filtered(f Filter, cfg Config, lang string) (shown []*portfolio.Measure, total int) {
	scope := Filter{FocusArea: cfg.Focus}
	for i := range m.Portfolio.Measures {
		ms := &m.Portfolio.Measures[i]
		if !m.Matches(ms, scope, lang) {
			continue
		}
		total++
		if m.Matches(ms, f, lang) {
			shown = append(shown, ms)
		}
	}
	return shown, total
}

// Normalize drops from s what the model does not have (a filter or
// selection naming an unknown id) and a goal filter outside the chosen
// focus area, so a stale or hand-edited hash shows something sensible.
func (m *Model) Normalize(s State, cfg Config) State {
	if cfg.Focus != "" {
		s.Filter.FocusArea = cfg.Focus
	}
	if _, ok := m.Strategy.FocusArea(s.Filter.FocusArea); !ok {
		s.Filter.FocusArea = cfg.Focus
		if _, ok := m.Strategy.FocusArea(cfg.Focus); !ok {
			s.Filter.FocusArea = ""
		}
	}
	if s.Filter.Goal != "" {
		area := m.areaOfGoal(s.Filter.Goal)
		if area == "" || (s.Filter.FocusArea != "" && area != s.Filter.FocusArea) {
			s.Filter.Goal = ""
		}
	}
	if _, ok := m.Portfolio.Organisation(s.Filter.Owner); !ok {
		s.Filter.Owner = ""
	}
	if _, ok := m.Portfolio.Measure(s.Selected); !ok {
		s.Selected = ""
	}
	return s
}

// InvalidError is data that failed decoding or validation: every problem found.
type InvalidError struct {
	URL      string
	Problems diag.List
}

func (e *InvalidError) Error() string {
	return fmt.Sprintf("%s: invalid data:\n%s", e.URL, e.Problems.Error())
}

// FetchError is a data file that could not be fetched: a network failure
// (Status 0, Reason set) or an HTTP status other than 200.
type FetchError struct {
	URL    string
	Status int
	Reason string
}

func (e *FetchError) Error() string {
	if e.Status != 0 {
		return fmt.Sprintf("%s: HTTP %d", e.URL, e.Status)
	}
	return fmt.Sprintf("%s: %s", e.URL, e.Reason)
}

// ComputeError is a failure of the controlling computation.
type ComputeError struct{ Err error }

func (e *ComputeError) Error() string { return "explorer: compute: " + e.Err.Error() }
func (e *ComputeError) Unwrap() error { return e.Err }
