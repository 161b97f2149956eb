package strategy_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/bl-digital/kompass/diag"
	"github.com/bl-digital/kompass/examples"
	"github.com/bl-digital/kompass/strategy"
)

// FuzzDecodeStrategy: decoding never panics, fails with positioned
// problems, decodes as encoding/json/v2 does, and Validate never panics on
// what it decoded.
func FuzzDecodeStrategy(f *testing.F) {
	f.Add(examples.StrategyJSON)
	f.Add(examples.PortfolioJSON)
	files, _ := filepath.Glob(filepath.Join("..", "cmd", "kompass", "testdata", "validate", "*.json"))
	for _, name := range files {
		if b, err := os.ReadFile(name); err == nil {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		matchesJSONv2(t, data)
		s, err := strategy.DecodeBytes(data)
		if err != nil {
			if s != nil {
				t.Fatal("a strategy with an error")
			}
			l, ok := err.(diag.List)
			if !ok || !l.HasErrors() {
				t.Fatalf("error %T %v is not a diag.List with errors", err, err)
			}
			for _, p := range l {
				if p.Line < 1 || p.Column < 1 {
					t.Fatalf("problem without position: %+v", p)
				}
			}
			return
		}
		for _, p := range s.Validate() {
			if !p.Rule.Known() {
				t.Fatalf("a problem of an undocumented rule: %+v", p)
			}
		}
	})
}
