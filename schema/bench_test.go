package schema

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/bl-digital/kompass/examples"
	"github.com/bl-digital/kompass/internal/jsondoc"
	"github.com/bl-digital/kompass/portfolio"
	"github.com/bl-digital/kompass/strategy"
)

var benchSizes = []int{1_000, 10_000, 100_000}

// BenchmarkValidatePortfolio is the whole validation of a portfolio: bytes,
// JSON Schema, decoding and semantic checks against the BL strategy.
func BenchmarkValidatePortfolio(b *testing.B) {
	s, err := strategy.DecodeBytes(examples.StrategyJSON)
	if err != nil {
		b.Fatal(err)
	}
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			data := generatePortfolio(n)
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, l := ValidatePortfolio(data, s); l.HasErrors() {
					b.Fatal(l)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/measure")
		})
	}
}

// BenchmarkUnmarshal is the baseline: encoding/json decoding the same
// bytes into a Portfolio, without any check.
func BenchmarkUnmarshal(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			data := generatePortfolio(n)
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				var p portfolio.Portfolio
				if err := json.Unmarshal(data, &p); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/measure")
		})
	}
}

// BenchmarkLayers times each layer of ValidatePortfolio alone on 10,000
// measures, to see where the time goes.
func BenchmarkLayers(b *testing.B) {
	data := generatePortfolio(10_000)
	c, err := load()
	if err != nil {
		b.Fatal(err)
	}
	b.Run("bytes+tree", func(b *testing.B) {
		for b.Loop() {
			jsondoc.Check(data, jsondoc.Options{Tree: true, Number: jsonNumber})
		}
	})
	b.Run("bytes+spans", func(b *testing.B) {
		for b.Loop() {
			jsondoc.Check(data, jsondoc.Options{Tree: true, Number: jsonNumber, Spans: "measures"})
		}
	})
	b.Run("bytes", func(b *testing.B) {
		for b.Loop() {
			jsondoc.Check(data, jsondoc.Options{})
		}
	})
	b.Run("decode", func(b *testing.B) {
		for b.Loop() {
			portfolio.Unmarshal(data)
		}
	})
	doc, _ := jsondoc.Check(data, jsondoc.Options{Tree: true, Number: jsonNumber, Spans: "measures"})
	whole, _ := jsondoc.Check(data, jsondoc.Options{Tree: true, Number: jsonNumber})
	b.Run("schema-parallel", func(b *testing.B) {
		for b.Loop() {
			c.portfolioProblems(doc, nil)
		}
	})
	b.Run("schema-sequential", func(b *testing.B) {
		for b.Loop() {
			c.problems(c.portfolio, whole.Tree, "")
		}
	})
	p, _ := portfolio.Unmarshal(data)
	s, _ := strategy.DecodeBytes(examples.StrategyJSON)
	b.Run("semantics", func(b *testing.B) {
		for b.Loop() {
			p.Validate(s)
		}
	})
}

// BenchmarkCompilePortfolio compiles the portfolio schema as the first
// validation of a process does (every process pays it once, a portfolio
// without measures too).
func BenchmarkCompilePortfolio(b *testing.B) {
	for b.Loop() {
		if _, err := compilePortfolio(); err != nil {
			b.Fatal(err)
		}
	}
}
