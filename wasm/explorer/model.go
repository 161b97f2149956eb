package explorer

import (
	"errors"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/bl-digital/kompass/controlling"
	"github.com/bl-digital/kompass/diag"
	"github.com/bl-digital/kompass/internal/jsondoc"
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
	index     map[strategy.ID]int         // measure id -> position in Portfolio.Measures
	areas     map[strategy.ID]strategy.ID // goal id -> focus area id

	mu     sync.Mutex
	search map[string][]string      // lang -> each measure's text for the free-text filter, folded
	under  map[string][]strategy.ID // figure key -> the measures it rolls up (measuresOf)
	places map[string][]int         // figure key -> positions in Portfolio.Measures (positionsOf, view_tree.go)

	unchecked [2]source // the files whose byte checks loadFirst left for CheckBytes
	checkOnce sync.Once
	checkErr  error
}

// NewModel validates p against s and computes the report. It returns an
// *InvalidError naming url when p or s has errors.
func NewModel(s *strategy.Strategy, p *portfolio.Portfolio, strategyURL, portfolioURL string) (*Model, error) {
	return newModel(s, p, source{url: strategyURL}, source{url: portfolioURL})
}

// source is where a data file came from: its URL and, when known, its
// bytes, to give validation problems their lines and columns.
type source struct {
	url  string
	data []byte
}

// invalid is the *InvalidError of problems l found in src, each with a line
// and column when src has its bytes.
func (src source) invalid(l diag.List) *InvalidError {
	if src.data != nil {
		jsondoc.Locate(src.data, l)
	}
	l.SetFile(src.url)
	return &InvalidError{URL: src.url, Problems: l}
}

func newModel(s *strategy.Strategy, p *portfolio.Portfolio, ssrc, psrc source) (*Model, error) {
	if s == nil || p == nil {
		return nil, errors.New("explorer: strategy and portfolio are required")
	}
	if l := s.Validate(); l.HasErrors() {
		return nil, ssrc.invalid(l)
	}
	if l := portfolio.Validate(p, s); l.HasErrors() {
		return nil, psrc.invalid(l)
	}
	r, err := controlling.Compute(s, p, controlling.Options{})
	if err != nil {
		return nil, &ComputeError{Err: err}
	}
	m := &Model{Strategy: s, Portfolio: p, Report: r, figures: make(map[strategy.ID]*controlling.Measure, len(r.Measures)),
		index: make(map[strategy.ID]int, len(p.Measures)), areas: map[strategy.ID]strategy.ID{}}
	for i := range r.Measures {
		m.figures[r.Measures[i].ID] = &r.Measures[i]
	}
	for i := range p.Measures {
		m.index[p.Measures[i].ID] = i
	}
	for _, fa := range s.FocusAreas {
		for _, g := range fa.Goals {
			m.areas[g.ID] = fa.ID
		}
	}
	return m, nil
}

// measure returns measure id, or nil.
func (m *Model) measure(id strategy.ID) *portfolio.Measure {
	if i, ok := m.index[id]; ok {
		return &m.Portfolio.Measures[i]
	}
	return nil
}

// searchText returns, for each measure in portfolio order, the text the
// free-text filter searches in lang, folded (see Fold): id, title, summary,
// before and after, and the German title and summary. It is computed once
// per language.
func (m *Model) searchText(lang string) []string {
	m.mu.Lock()
	defer m.mu.Unlock()
	if t, ok := m.search[lang]; ok {
		return t
	}
	t := make([]string, len(m.Portfolio.Measures))
	for i := range m.Portfolio.Measures {
		ms := &m.Portfolio.Measures[i]
		hay := []string{string(ms.ID), ms.Title.In(lang), ms.Summary.In(lang), ms.Before.In(lang), ms.After.In(lang)}
		if lang != "de" {
			hay = append(hay, ms.Title.In("de"), ms.Summary.In("de"))
		}
		t[i] = Fold(strings.Join(hay, "\x00"))
	}
	if m.search == nil {
		m.search = map[string][]string{}
	}
	m.search[lang] = t
	return t
}

// Figures returns the computed figures of measure id, or nil.
func (m *Model) Figures(id strategy.ID) *controlling.Measure { return m.figures[id] }

// areaOfGoal returns the id of the focus area holding goal id.
func (m *Model) areaOfGoal(id strategy.ID) strategy.ID { return m.areas[id] }

// Matches reports whether measure ms passes filter f in language lang.
func (m *Model) Matches(ms *portfolio.Measure, f Filter, lang string) bool {
	q := query(f)
	if q == "" {
		return m.matches(ms, f, "", "")
	}
	i, ok := m.index[ms.ID]
	if !ok || &m.Portfolio.Measures[i] != ms {
		return false
	}
	return m.matches(ms, f, q, m.searchText(lang)[i])
}

// query is f's free text as the filter compares it: trimmed and folded.
func query(f Filter) string { return Fold(strings.TrimSpace(f.Query)) }

// fold maps letters with accents to their base letters, for Fold.
var fold = newReplacer(
	"à", "a", "á", "a", "â", "a", "ã", "a", "ä", "a", "å", "a", "æ", "ae",
	"ç", "c", "è", "e", "é", "e", "ê", "e", "ë", "e",
	"ì", "i", "í", "i", "î", "i", "ï", "i", "ñ", "n",
	"ò", "o", "ó", "o", "ô", "o", "õ", "o", "ö", "o", "ø", "o", "œ", "oe",
	"ù", "u", "ú", "u", "û", "u", "ü", "u", "ý", "y", "ÿ", "y", "ß", "ss",
	"’", "'", "‘", "'")

// Fold is s as the free-text filter compares it: lower case and without
// accents, so "Behorden" finds "Behörden" and "baugesuch" "Baugesuch".
func Fold(s string) string { return fold.replace(strings.ToLower(s)) }

// matches is Matches with the query q (see query) and ms's search text.
func (m *Model) matches(ms *portfolio.Measure, f Filter, q, text string) bool {
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
	return q == "" || strings.Contains(text, q)
}

// Filtered returns the measures passing f in portfolio order, and how many
// measures the scope holds: all of them, or those of the focus area fixed by cfg.
func (m *Model) Filtered(f Filter, cfg Config, lang string) (shown []*portfolio.Measure, total int) {
	scope := Filter{FocusArea: cfg.Focus}
	q := query(f)
	var text []string
	if q != "" {
		text = m.searchText(lang)
	}
	for i := range m.Portfolio.Measures {
		ms := &m.Portfolio.Measures[i]
		if cfg.Focus != "" && !m.matches(ms, scope, "", "") {
			continue
		}
		total++
		if q == "" {
			if m.matches(ms, f, "", "") {
				shown = append(shown, ms)
			}
		} else if m.matches(ms, f, q, text[i]) {
			shown = append(shown, ms)
		}
	}
	return shown, total
}

// Normalize drops from s what the model does not have (a filter or
// selection naming an unknown id) and a goal filter outside the chosen
// focus area, so a stale or hand-edited hash shows something sensible, and
// shows as many pages of cards as it takes to show the selected one.
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
	if m.measure(s.Selected) == nil {
		s.Selected = ""
	}
	if s.More < 0 {
		s.More = 0
	}
	if s.View == Measures && s.Selected != "" {
		// The selected card is on a page shown.
		shown, _ := m.Filtered(s.Filter, cfg, s.Lang)
		if i := slices.IndexFunc(shown, func(ms *portfolio.Measure) bool { return ms.ID == s.Selected }); i >= listLimit(s, len(shown)) {
			s.More = i / PageSize
		}
	}
	return s
}

// measuresOf returns the measures the rolled-up figure key ("strategy",
// "area:ID", "goal:ID") rolls up, each once, in portfolio order: those of
// its goals that are not cancelled.
func (m *Model) measuresOf(key string) []strategy.ID {
	m.mu.Lock()
	defer m.mu.Unlock()
	if ids, ok := m.under[key]; ok {
		return ids
	}
	if m.under == nil {
		m.under = map[string][]strategy.ID{}
	}
	ids := m.computeMeasuresOf(key)
	m.under[key] = ids
	return ids
}

// computeMeasuresOf is measuresOf without the cache.
func (m *Model) computeMeasuresOf(key string) []strategy.ID {
	in := map[strategy.ID]bool{}
	for _, fa := range m.Report.FocusAreas {
		for _, g := range fa.Goals {
			if key == "strategy" || key == "area:"+string(fa.ID) || key == "goal:"+string(g.ID) {
				for _, id := range g.Measures {
					in[id] = true
				}
			}
		}
	}
	var out []strategy.ID
	for i := range m.Portfolio.Measures {
		if id := m.Portfolio.Measures[i].ID; in[id] {
			out = append(out, id)
		}
	}
	return out
}

// staleAmong counts the stale measures among ids.
func (m *Model) staleAmong(ids []strategy.ID) int {
	n := 0
	for _, id := range ids {
		if f := m.Figures(id); f != nil && f.Stale {
			n++
		}
	}
	return n
}

// cancelledUnder returns the cancelled measures linked to a goal of figure
// key, which its roll-up leaves out, in portfolio order.
func (m *Model) cancelledUnder(key string) []strategy.ID {
	var out []strategy.ID
	for i := range m.Portfolio.Measures {
		ms := &m.Portfolio.Measures[i]
		if f := m.Figures(ms.ID); f == nil || f.Status != controlling.Cancelled {
			continue
		}
		if slices.ContainsFunc(ms.Goals, func(g strategy.ID) bool {
			return key == "strategy" || key == "goal:"+string(g) || key == "area:"+string(m.areaOfGoal(g))
		}) {
			out = append(out, ms.ID)
		}
	}
	return out
}

// rollup returns the roll-up and the explanation of figure key.
func (m *Model) rollup(key string) (controlling.Rollup, controlling.Explanation, bool) {
	kind, id, _ := strings.Cut(key, ":")
	switch kind {
	case "strategy":
		return m.Report.Strategy.Rollup, m.Report.ExplainStrategy(), true
	case "area":
		for _, fa := range m.Report.FocusAreas {
			if string(fa.ID) == id {
				e, _ := m.Report.ExplainFocusArea(fa.ID)
				return fa.Rollup, e, true
			}
		}
	case "goal":
		for _, fa := range m.Report.FocusAreas {
			for _, g := range fa.Goals {
				if string(g.ID) == id {
					e, _ := m.Report.ExplainGoal(g.ID)
					return g.Rollup, e, true
				}
			}
		}
	}
	return controlling.Rollup{}, controlling.Explanation{}, false
}

// InvalidError is data that failed decoding or validation: every problem found.
type InvalidError struct {
	URL      string
	Problems diag.List
}

func (e *InvalidError) Error() string {
	return e.URL + ": invalid data:\n" + e.Problems.Error()
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
		return e.URL + ": HTTP " + strconv.Itoa(e.Status)
	}
	return e.URL + ": " + e.Reason
}

// ComputeError is a failure of the controlling computation.
type ComputeError struct{ Err error }

func (e *ComputeError) Error() string { return "explorer: compute: " + e.Err.Error() }
func (e *ComputeError) Unwrap() error { return e.Err }
