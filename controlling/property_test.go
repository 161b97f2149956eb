package controlling_test

import (
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/bl-digital/kompass/controlling"
	"github.com/bl-digital/kompass/portfolio"
	"github.com/bl-digital/kompass/strategy"
)

// Property tests over generated portfolios (fxGenerate in bench_test.go),
// seeded so that a failure names the seed that reproduces it.

const fxSeeds = 40

func fxWeightings() []controlling.Options {
	return []controlling.Options{{}, {Weighting: controlling.ByBudget}}
}

func TestPropertyProgressInRange(t *testing.T) {
	s := fxBLStrategy(t)
	goals := fxGoalIDs(s)
	inRange := func(t *testing.T, what string, v float64) {
		t.Helper()
		assert.False(t, math.IsNaN(v), "%s is NaN", what)
		assert.GreaterOrEqual(t, v, 0.0, what)
		assert.LessOrEqual(t, v, 100.0, what)
	}
	for seed := uint64(1); seed <= fxSeeds; seed++ {
		for _, o := range fxWeightings() {
			t.Run(fmt.Sprintf("seed=%d/weighting=%d", seed, o.Weighting), func(t *testing.T) {
				p := fxGenerate(goals, 1+int(seed)*7, seed)
				r, err := controlling.Compute(s, p, o)
				require.NoError(t, err)
				for _, m := range r.Measures {
					inRange(t, "measure progress", m.Progress)
					inRange(t, "measure plannedProgress", m.PlannedProgress)
				}
				for _, fa := range r.FocusAreas {
					if fa.Progress != nil {
						inRange(t, "focus area "+string(fa.ID), *fa.Progress)
					}
					for _, g := range fa.Goals {
						if g.Progress != nil {
							inRange(t, "goal "+string(g.ID), *g.Progress)
						}
						assert.Equal(t, g.Progress == nil, g.Status == controlling.Uncovered, "only uncovered goals lack progress")
					}
				}
				if r.Strategy.Progress != nil {
					inRange(t, "strategy", *r.Strategy.Progress)
				}
				_, err = json.Marshal(r)
				assert.NoError(t, err, "the report marshals (no NaN or Inf)")
			})
		}
	}
}

func TestPropertyUniformProgressRollsUp(t *testing.T) {
	s := fxBLStrategy(t)
	goals := fxGoalIDs(s)
	for seed := uint64(1); seed <= fxSeeds; seed++ {
		for _, o := range fxWeightings() {
			t.Run(fmt.Sprintf("seed=%d/weighting=%d", seed, o.Weighting), func(t *testing.T) {
				rng := rand.New(rand.NewPCG(seed, 7))
				want := float64(rng.IntN(100001)) / 1000
				p := fxGenerate(goals, 5+int(seed)*5, seed)
				for i := range p.Measures {
					m := &p.Measures[i]
					if m.Status != portfolio.Cancelled {
						m.Status, m.Progress = portfolio.Active, fxFloat(want)
					}
				}
				r, err := controlling.Compute(s, p, o)
				require.NoError(t, err)
				for _, fa := range r.FocusAreas {
					for _, g := range fa.Goals {
						if g.Progress != nil {
							assert.Equal(t, want, *g.Progress, "goal %s", g.ID)
						}
					}
					if fa.Progress != nil {
						assert.Equal(t, want, *fa.Progress, "focus area %s", fa.ID)
					}
				}
				require.NotNil(t, r.Strategy.Progress)
				assert.Equal(t, want, *r.Strategy.Progress)
			})
		}
	}
}

func TestPropertyOrderDoesNotMatter(t *testing.T) {
	s := fxBLStrategy(t)
	goals := fxGoalIDs(s)
	for seed := uint64(1); seed <= fxSeeds; seed++ {
		for _, o := range fxWeightings() {
			t.Run(fmt.Sprintf("seed=%d/weighting=%d", seed, o.Weighting), func(t *testing.T) {
				p := fxGenerate(goals, 10+int(seed)*10, seed)
				r1, err := controlling.Compute(s, p, o)
				require.NoError(t, err)

				shuffled := *p
				shuffled.Measures = slices.Clone(p.Measures)
				rng := rand.New(rand.NewPCG(seed, 99))
				rng.Shuffle(len(shuffled.Measures), func(i, j int) {
					shuffled.Measures[i], shuffled.Measures[j] = shuffled.Measures[j], shuffled.Measures[i]
				})
				r2, err := controlling.Compute(s, &shuffled, o)
				require.NoError(t, err)

				fxAssertRollupsEqual(t, "strategy", r1.Strategy.Rollup, r2.Strategy.Rollup)
				for a := range r1.FocusAreas {
					fa1, fa2 := r1.FocusAreas[a], r2.FocusAreas[a]
					fxAssertRollupsEqual(t, string(fa1.ID), fa1.Rollup, fa2.Rollup)
					for g := range fa1.Goals {
						g1, g2 := fa1.Goals[g], fa2.Goals[g]
						fxAssertRollupsEqual(t, string(g1.ID), g1.Rollup, g2.Rollup)
						assert.ElementsMatch(t, g1.Measures, g2.Measures, g1.ID)
					}
				}
				assert.Equal(t, r1.Uncovered, r2.Uncovered)
				assert.ElementsMatch(t, r1.Cancelled, r2.Cancelled)
				assert.ElementsMatch(t, r1.Stale, r2.Stale)
				assert.ElementsMatch(t, r1.Divergent, r2.Divergent)
				require.Equal(t, len(r1.Purposes), len(r2.Purposes))
				for i := range r1.Purposes {
					assert.Equal(t, r1.Purposes[i].Purpose, r2.Purposes[i].Purpose)
					assert.Equal(t, r1.Purposes[i].Measures, r2.Purposes[i].Measures)
					fxAssertClose(t, "purpose planned", r1.Purposes[i].Budget.Planned, r2.Purposes[i].Budget.Planned)
				}
			})
		}
	}
}

func TestPropertyCountsAddUp(t *testing.T) {
	s := fxBLStrategy(t)
	goals := fxGoalIDs(s)
	for seed := uint64(1); seed <= fxSeeds; seed++ {
		t.Run(fmt.Sprintf("seed=%d", seed), func(t *testing.T) {
			p := fxGenerate(goals, 3+int(seed)*3, seed)
			r, err := controlling.Compute(s, p, controlling.Options{})
			require.NoError(t, err)
			active := len(p.Measures) - len(r.Cancelled)
			total := 0
			for _, n := range r.Strategy.Counts {
				total += n
			}
			assert.Equal(t, active, total, "every measure that is not cancelled counts once in the strategy")
			inPurposes := 0
			for _, pf := range r.Purposes {
				inPurposes += pf.Measures
			}
			assert.Equal(t, active, inPurposes, "and once in the purposes")
			covered := 0
			for _, fa := range r.FocusAreas {
				covered += fa.Coverage.Covered
			}
			assert.Equal(t, r.Strategy.Coverage.Covered, covered)
			assert.Equal(t, 20, r.Strategy.Coverage.Total)
			assert.Equal(t, 20-covered, len(r.Uncovered))
		})
	}
}

func fxAssertRollupsEqual(t *testing.T, what string, a, b controlling.Rollup) {
	t.Helper()
	if a.Progress == nil || b.Progress == nil {
		assert.Equal(t, a.Progress == nil, b.Progress == nil, "%s progress known", what)
	} else {
		fxAssertClose(t, what+" progress", *a.Progress, *b.Progress)
	}
	assert.Equal(t, a.Coverage, b.Coverage, "%s coverage", what)
	assert.Equal(t, a.Status, b.Status, "%s status", what)
	assert.Equal(t, a.Counts, b.Counts, "%s counts", what)
	assert.Equal(t, a.Formula, b.Formula, "%s formula", what)
	fxAssertClose(t, what+" fte expected", a.FTE.Expected, b.FTE.Expected)
	fxAssertClose(t, what+" fte realized", a.FTE.Realized, b.FTE.Realized)
	fxAssertClose(t, what+" planned", a.Budget.Planned, b.Budget.Planned)
	fxAssertClose(t, what+" spent", a.Budget.Spent, b.Budget.Spent)
	fxAssertClose(t, what+" earned value", a.Budget.EarnedValue, b.Budget.EarnedValue)
	assert.Equal(t, a.Budget.CPI == nil, b.Budget.CPI == nil, "%s cpi known", what)
}

// fxAssertClose compares sums that differ only by the order of addition.
func fxAssertClose(t *testing.T, what string, a, b float64) {
	t.Helper()
	assert.InDelta(t, a, b, 1e-9*math.Max(1, math.Abs(a)), what)
}

// TestGeneratorIsDeterministic guards the benchmarks' and properties' inputs.
func TestGeneratorIsDeterministic(t *testing.T) {
	goals := []strategy.ID{"A1", "B1"}
	a, err := json.Marshal(fxGenerate(goals, 50, 3))
	require.NoError(t, err)
	b, err := json.Marshal(fxGenerate(goals, 50, 3))
	require.NoError(t, err)
	assert.Equal(t, string(a), string(b))
}
