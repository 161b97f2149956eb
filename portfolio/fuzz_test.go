package portfolio_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/bl-digital/kompass/diag"
	"github.com/bl-digital/kompass/examples"
	"github.com/bl-digital/kompass/portfolio"
)

// addSeeds adds the example files and the CLI's broken test files.
func addSeeds(f *testing.F) {
	f.Add(examples.PortfolioJSON)
	f.Add(examples.StrategyJSON)
	files, _ := filepath.Glob(filepath.Join("..", "cmd", "kompass", "testdata", "validate", "*.json"))
	for _, name := range files {
		if b, err := os.ReadFile(name); err == nil {
			f.Add(b)
		}
	}
}

// FuzzDecodePortfolio: decoding never panics, fails with positioned
// problems, yields a portfolio that Validate can check, and decodes as
// encoding/json/v2 does.
func FuzzDecodePortfolio(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		matchesJSONv2(t, data)
		p, err := portfolio.DecodeBytes(data)
		if err != nil {
			if p != nil {
				t.Fatal("a portfolio with an error")
			}
			l, ok := err.(diag.List)
			if !ok || !l.HasErrors() {
				t.Fatalf("error %T %v is not a diag.List with errors", err, err)
			}
			for _, pr := range l {
				if pr.Line < 1 || pr.Column < 1 {
					t.Fatalf("problem without position: %+v", pr)
				}
			}
			return
		}
		if p == nil {
			t.Fatal("no portfolio and no error")
		}
		_ = portfolio.Validate(p, nil)
	})
}
