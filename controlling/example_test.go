package controlling_test

import (
	"fmt"
	"log"

	"github.com/bl-digital/kompass/controlling"
	"github.com/bl-digital/kompass/examples"
	"github.com/bl-digital/kompass/portfolio"
	"github.com/bl-digital/kompass/strategy"
)

// fxExampleData decodes the embedded BL strategy and example portfolio.
func fxExampleData() (*strategy.Strategy, *portfolio.Portfolio) {
	s, err := strategy.DecodeBytes(examples.StrategyJSON)
	if err != nil {
		log.Fatal(err)
	}
	p, err := portfolio.DecodeBytes(examples.PortfolioJSON)
	if err != nil {
		log.Fatal(err)
	}
	return s, p
}

func ExampleCompute() {
	s, p := fxExampleData()
	r, err := controlling.Compute(s, p, controlling.Options{})
	if err != nil {
		log.Fatal(err)
	}
	st := r.Strategy
	fmt.Printf("as of %s: %.1f %% (%d of %d goals covered), %s\n",
		r.AsOf, *st.Progress, st.Coverage.Covered, st.Coverage.Total, st.Status)
	for _, s := range controlling.RollupStatuses {
		fmt.Printf("  %-11s %d\n", s, st.Counts[s])
	}
	fmt.Println("uncovered:", r.Uncovered)
	fmt.Printf("FTE expected %.2f, realized %.2f\n", st.FTE.Expected, st.FTE.Realized)
	// Output:
	// as of 2026-10-31: 57.9 % (16 of 20 goals covered), late
	//   late        6
	//   at-risk     2
	//   on-track    23
	//   not-started 5
	//   done        12
	// uncovered: [KD4 PM3 DL2 DI4]
	// FTE expected 30.95, realized 3.87
}

func ExampleReport_ExplainGoal() {
	s, p := fxExampleData()
	r, err := controlling.Compute(s, p, controlling.Options{})
	if err != nil {
		log.Fatal(err)
	}
	e, ok := r.ExplainGoal("KD1")
	if !ok {
		log.Fatal("no goal KD1")
	}
	fmt.Printf("%s: %.1f %% = %s\n", e.ID, *e.Progress, e.Formula)
	for _, t := range e.Terms {
		fmt.Printf("  %-16s weight %g, progress %g, stale %t\n", t.ID, t.Weight, t.Progress, t.Stale)
	}
	// Output:
	// KD1: 18.3 % = sum(weight × progress) / sum(weight) over 3 measures
	//   DVS              weight 1, progress 55, stale true
	//   GEMEINDEN-KONTO  weight 1, progress 0, stale false
	//   KMU-SERVICES     weight 1, progress 0, stale false
}

func ExampleDiff() {
	s, p := fxExampleData()
	last, err := controlling.Compute(s, p, controlling.Options{})
	if err != nil {
		log.Fatal(err)
	}

	// A later snapshot, two months on: DVS made progress, a new measure
	// covers KD4 (its 0 % now counts, so the strategy's progress drops), and
	// measures that stood still fell behind.
	next := *p
	next.AsOf = strategy.MustParseDate("2026-12-31")
	next.Measures = append([]portfolio.Measure(nil), p.Measures...)
	dvs, _ := next.Measure("DVS")
	progress := 75.0
	dvs.Progress = &progress
	next.Measures = append(next.Measures, portfolio.Measure{
		ID: "NEW", Title: strategy.Text{"de": "Neu"}, Goals: []strategy.ID{"KD4"}, Owner: dvs.Owner,
		Status: portfolio.Planned, Start: strategy.MustParseDate("2027"), End: strategy.MustParseDate("2028"),
	})
	now, err := controlling.Compute(s, &next, controlling.Options{})
	if err != nil {
		log.Fatal(err)
	}

	d := controlling.Diff(last, now)
	fmt.Println("added:", d.Added, "removed:", d.Removed)
	for _, m := range d.Measures {
		if *m.Change != 0 {
			fmt.Printf("%s: %g -> %g (%+g)\n", m.ID, *m.Old, *m.New, *m.Change)
		}
	}
	for _, g := range d.Goals {
		switch {
		case g.Change != nil && *g.Change != 0:
			fmt.Printf("goal %s: %.1f -> %.1f (%+.1f)\n", g.ID, *g.Old, *g.New, *g.Change)
		case g.OldStatus != g.NewStatus:
			fmt.Printf("goal %s: %s -> %s\n", g.ID, g.OldStatus, g.NewStatus)
		}
	}
	fmt.Printf("strategy: %+.2f points\n", *d.Strategy.Change)
	// Output:
	// added: [NEW] removed: []
	// DVS: 55 -> 75 (+20)
	// goal GK1: on-track -> at-risk
	// goal GK2: on-track -> at-risk
	// goal KD1: 18.3 -> 25.0 (+6.7)
	// goal KD3: at-risk -> late
	// goal KD4: uncovered -> not-started
	// goal DM3: on-track -> at-risk
	// goal DI2: 33.3 -> 40.0 (+6.7)
	// strategy: -1.20 points
}
