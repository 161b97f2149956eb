package chart

import (
	"io"
	"testing"
)

// BenchmarkOverview builds the overview charts of the example report
// (status bar, focus areas, budget, FTE) and writes them as markup, as the
// html report does.
func BenchmarkOverview(b *testing.B) {
	r := blReport(b)
	o := Options{ID: "b", Lang: "de"}
	b.ReportAllocs()
	for b.Loop() {
		for _, n := range Overview(r, o) {
			n.WriteTo(io.Discard)
		}
	}
}

// BenchmarkStatusBar builds one compact status bar, the chart the widget's
// tree draws most often.
func BenchmarkStatusBar(b *testing.B) {
	r := blReport(b)
	o := Options{ID: "b", Lang: "de", Compact: true}
	b.ReportAllocs()
	for b.Loop() {
		StatusBar(o, "DL", r.Strategy.Counts)
	}
}
