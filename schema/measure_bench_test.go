package schema

import (
	"encoding/json"
	"testing"

	"github.com/bl-digital/kompass/examples"
	"github.com/bl-digital/kompass/internal/jsondoc"
	"github.com/bl-digital/kompass/internal/synth"
	"github.com/bl-digital/kompass/strategy"
)

// BenchmarkMeasureSchema is the schema layer alone on the measures of the
// portfolio that scripts/bench-validate generates, on one goroutine: each
// measure's tree built and validated in chunks, as a worker of
// ValidatePortfolio does, and one by one (without the nesting of
// chunkDef), and the trees alone. It reports the cost per measure.
func BenchmarkMeasureSchema(b *testing.B) {
	const n = 5_000
	data := synthPortfolio(b, n)
	doc, l := jsondoc.Check(data, jsondoc.Options{Tree: true, Number: jsonNumber, Spans: "measures"})
	if l.HasErrors() {
		b.Fatal(l)
	}
	c, err := loadPortfolio()
	if err != nil {
		b.Fatal(err)
	}
	bl := jsondoc.Builder{Number: jsonNumber}
	b.Run("tree", func(b *testing.B) {
		for b.Loop() {
			for _, sp := range doc.Spans {
				bl.Value(doc.Text[sp.Start:sp.End])
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/n, "ns/measure")
	})
	b.Run("chunks", func(b *testing.B) {
		w := chunkWorker{c: c, b: jsondoc.Builder{Number: jsonNumber}}
		for b.Loop() {
			for first := 0; first < n; first += chunk {
				batch := spanBatch{first: first, spans: doc.Spans[first:min(first+chunk, n)]}
				if l := w.problems(doc.Text, batch); len(l) > 0 {
					b.Fatal(l)
				}
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/n, "ns/measure")
	})
	b.Run("one-by-one", func(b *testing.B) {
		for b.Loop() {
			for i, sp := range doc.Spans {
				if l := c.measureProblems(&bl, doc.Text[sp.Start:sp.End], i); len(l) > 0 {
					b.Fatal(l)
				}
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/n, "ns/measure")
	})
}

// BenchmarkValidateSynth is ValidatePortfolio on the portfolio of 75,000
// measures that scripts/bench-validate generates.
func BenchmarkValidateSynth(b *testing.B) {
	const n = 75_000
	data := synthPortfolio(b, n)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, l := ValidatePortfolio(data, nil); l.HasErrors() {
			b.Fatal(l)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/n, "ns/measure")
}

// synthPortfolio is the portfolio of n measures that scripts/bench-validate
// generates, as its indented JSON.
func synthPortfolio(b *testing.B, n int) []byte {
	b.Helper()
	s, err := strategy.DecodeBytes(examples.StrategyJSON)
	if err != nil {
		b.Fatal(err)
	}
	data, err := json.MarshalIndent(synth.Portfolio(s, n), "", " ")
	if err != nil {
		b.Fatal(err)
	}
	return data
}
