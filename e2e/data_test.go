package e2e

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/bl-digital/kompass/controlling"
	"github.com/bl-digital/kompass/examples"
	"github.com/bl-digital/kompass/portfolio"
	"github.com/bl-digital/kompass/strategy"
	"github.com/bl-digital/kompass/wasm/explorer"
	"github.com/stretchr/testify/require"
)

// data is a strategy, a portfolio and their controlling report, computed
// in Go: what the widget must show.
type data struct {
	s *strategy.Strategy
	p *portfolio.Portfolio
	r *controlling.Report
}

var exampleData = sync.OnceValues(func() (*data, error) {
	return compute(examples.StrategyJSON, examples.PortfolioJSON)
})

func compute(sJSON, pJSON []byte) (*data, error) {
	s, err := strategy.DecodeBytes(sJSON)
	if err != nil {
		return nil, err
	}
	p, err := portfolio.DecodeBytes(pJSON)
	if err != nil {
		return nil, err
	}
	r, err := controlling.Compute(s, p, controlling.Options{})
	if err != nil {
		return nil, err
	}
	return &data{s, p, r}, nil
}

// example returns the embedded example data and its report.
func example(t testing.TB) *data {
	t.Helper()
	d, err := exampleData()
	require.NoError(t, err)
	return d
}

// status returns the computed schedule status of measure id.
func (d *data) status(id strategy.ID) controlling.ScheduleStatus {
	for _, m := range d.r.Measures {
		if m.ID == id {
			return m.Status
		}
	}
	return ""
}

// filter is what the expected count is computed from, independent of the
// widget's own filter code.
type filter struct {
	area        strategy.ID
	goal        strategy.ID
	field       portfolio.Field
	beneficiary strategy.Beneficiary
	owner       strategy.ID
	status      controlling.ScheduleStatus
	query       string // matched, case- and accent-insensitively, in id, German title, summary, before and after
}

// count returns how many measures pass f.
func (d *data) count(f filter) int {
	n := 0
	for _, m := range d.p.Measures {
		if f.area != "" && !slices.ContainsFunc(m.Goals, func(g strategy.ID) bool {
			_, fa, ok := d.s.Goal(g)
			return ok && fa.ID == f.area
		}) {
			continue
		}
		if (f.goal != "" && !slices.Contains(m.Goals, f.goal)) ||
			(f.field != "" && !slices.Contains(m.Fields, f.field)) ||
			(f.beneficiary != "" && !slices.Contains(m.Beneficiaries, f.beneficiary)) ||
			(f.owner != "" && m.Owner != f.owner) ||
			(f.status != "" && d.status(m.ID) != f.status) {
			continue
		}
		if q := explorer.Fold(f.query); q != "" && !slices.ContainsFunc(
			[]string{string(m.ID), m.Title["de"], m.Summary["de"], m.Before["de"], m.After["de"]},
			func(h string) bool { return strings.Contains(explorer.Fold(h), q) }) {
			continue
		}
		n++
	}
	return n
}

// shownFigures is what the widget shows of one roll-up (figuresJS reads it).
type shownFigures struct {
	ValueNow     *string `json:"valueNow"`     // the progress bar's aria-valuenow; nil without a bar
	ProgressText string  `json:"progressText"` // the progress figure as text
	Status       string  `json:"status"`       // the status badge's data-status
	Meta         string  `json:"meta"`         // the line with status and coverage
}

// figuresJS reads the figures of the summary, every focus area and every
// goal shown in the tree of widget id.
const figuresJS = `((id) => {
  const root = __e2e.root(id);
  const fig = (el) => {
    const f = el.querySelector(":scope > .kx-figures");
    const bar = f.querySelector(":scope > .kx-progress-row [role=progressbar]");
    const meta = f.querySelector(":scope > p.kx-meta");
    return {
      valueNow: bar ? bar.getAttribute("aria-valuenow") : null,
      progressText: f.querySelector(":scope > .kx-progress-row .kx-progress-text").textContent,
      status: meta.querySelector("[data-status]").getAttribute("data-status"),
      meta: meta.textContent,
    };
  };
  const out = { strategy: fig(__e2e.must(id, "summary")), areas: {}, goals: {} };
  root.querySelectorAll('[data-testid^="area-"]').forEach((li) => { out.areas[li.dataset.testid.slice(5)] = fig(li); });
  root.querySelectorAll('[data-testid^="goal-"]').forEach((li) => { out.goals[li.dataset.testid.slice(5)] = fig(li); });
  return out;
})`

type treeFigures struct {
	Strategy shownFigures            `json:"strategy"`
	Areas    map[string]shownFigures `json:"areas"`
	Goals    map[string]shownFigures `json:"goals"`
}

// assertFigures checks that shown is roll-up r in lang: the progress as the
// widget formats it (explorer.Percent) and as aria-valuenow, the status and
// the coverage.
func assertFigures(t *testing.T, what, lang string, r controlling.Rollup, shown shownFigures) {
	t.Helper()
	if r.Progress == nil {
		require.Nil(t, shown.ValueNow, "%s: a progress bar without progress", what)
		require.Equal(t, explorer.Msg(lang, "progress.none"), shown.ProgressText, what)
	} else {
		require.NotNil(t, shown.ValueNow, "%s: no progress bar", what)
		p := math.Min(100, math.Max(0, *r.Progress))
		require.Equal(t, strconv.Itoa(int(math.Round(p))), *shown.ValueNow, "%s: aria-valuenow", what)
		require.Equal(t, explorer.Percent(lang, p), shown.ProgressText, "%s: progress", what)
	}
	st := r.Status
	if r.Progress == nil && r.Coverage.Covered == 0 {
		st = controlling.Uncovered
	}
	require.Equal(t, string(st), shown.Status, "%s: status", what)
	require.Contains(t, shown.Meta, explorer.Msg(lang, "status."+string(st)), "%s: status text", what)
	coverage := explorer.Msg(lang, "coverage", "c", strconv.Itoa(r.Coverage.Covered), "t", strconv.Itoa(r.Coverage.Total))
	if r.Coverage.Total > 1 && r.Coverage.Covered < r.Coverage.Total {
		require.Contains(t, shown.Meta, coverage, "%s: a gap in coverage is said", what)
	} else {
		require.NotContains(t, shown.Meta, coverage, "%s: full coverage is not repeated", what)
	}
}

// firstPage is how many items a list of n shows at first: all of them up
// to explorer.ShowAllUpTo, else a page.
func firstPage(n int) int {
	if n <= explorer.ShowAllUpTo {
		return n
	}
	return explorer.PageSize
}

// countText is the widget's "N of M measures" in lang.
func countText(lang string, n, m int) string {
	return explorer.Msg(lang, "count", "n", strconv.Itoa(n), "m", strconv.Itoa(m))
}

// statusOf is s as a schedule status.
func statusOf(s string) controlling.ScheduleStatus { return controlling.ScheduleStatus(s) }
