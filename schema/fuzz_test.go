package schema

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/bl-digital/kompass/diag"
	"github.com/bl-digital/kompass/examples"
	"github.com/bl-digital/kompass/portfolio"
	"github.com/bl-digital/kompass/strategy"
)

// FuzzValidatePortfolio: validation never panics, places every problem,
// sorts them, and is stricter than decoding alone.
func FuzzValidatePortfolio(f *testing.F) {
	f.Add(examples.PortfolioJSON)
	f.Add(generatePortfolio(3))
	files, _ := filepath.Glob(filepath.Join("..", "cmd", "kompass", "testdata", "validate", "*.json"))
	for _, name := range files {
		if b, err := os.ReadFile(name); err == nil {
			f.Add(b)
		}
	}
	s, err := strategy.DecodeBytes(examples.StrategyJSON)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		p, l := ValidatePortfolio(data, s)
		for _, pr := range l {
			if pr.Line < 1 || pr.Column < 1 {
				t.Fatalf("problem without position: %+v", pr)
			}
		}
		sorted := slices.Clone(l)
		sorted.Sort()
		if !slices.Equal(l, sorted) {
			t.Fatal("problems not sorted")
		}
		if l.HasErrors() {
			return
		}
		if p == nil {
			t.Fatal("valid without a portfolio")
		}
		if _, err := portfolio.DecodeBytes(data); err != nil {
			t.Fatalf("valid for the schema pipeline, but Decode fails: %v", diag.AsList(err))
		}
	})
}
