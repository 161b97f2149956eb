package chart_test

import (
	"fmt"
	"os"

	"github.com/bl-digital/kompass/controlling"
	"github.com/bl-digital/kompass/controlling/chart"
)

func ExampleStatusBar() {
	counts := map[controlling.ScheduleStatus]int{controlling.Late: 2, controlling.OnTrack: 7, controlling.Done: 3}
	bar := chart.StatusBar(chart.Options{ID: "dl-status", Lang: "de", Compact: true}, "DL Dienstleistungen", counts)
	fmt.Println(bar.Find("title").TextContent())
	for _, s := range chart.StatusSegments(counts) {
		fmt.Printf("%s: %d (%.0f %%)\n", s.Status, s.Count, s.Width*100)
	}
	// Output:
	// DL Dienstleistungen: Massnahmen nach Status (12 Massnahmen): 2 im Verzug, 7 auf Kurs, 3 abgeschlossen
	// late: 2 (17 %)
	// on-track: 7 (58 %)
	// done: 3 (25 %)
}

func ExampleNode_WriteTo() {
	fte := chart.FTE(chart.Options{ID: "fte", Lang: "en", Compact: true}, []chart.FTERow{
		{Label: "Strategy", Expected: 2.38, Realized: 0.5},
		{Label: "DL Services", Expected: 0, Realized: 0}, // no savings data: left out
	})
	_, _ = fte.WriteTo(os.Stdout)
	// Output:
	// <figure class="kc kc-fte" id="fte"><svg class="kc-svg kc-svg-fte" role="img" aria-labelledby="fte-title" width="100%" height="60" focusable="false" font-size="12" fill="#1a1a1a"><title id="fte-title">Full-time positions saved (expected / realized)</title><g aria-hidden="true"><text x="0" y="13" class="kc-label">Strategy</text><rect class="kc-track" x="0" y="20" width="100%" height="14" fill="#e8ebef" stroke="#505a64" stroke-width="1"></rect><rect class="kc-bar" x="0" y="20" width="21.01%" height="14" fill="#1d5c96"></rect><text x="0" y="51" class="kc-figures">0.50 of 2.38 realized</text></g></svg></figure>
}
