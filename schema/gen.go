//go:build ignore

// gen writes strategy.schema.json and portfolio.schema.json from the Go
// types. Run it with go generate in this folder.
package main

import (
	"fmt"
	"os"

	"github.com/bl-digital/kompass/schema/internal/gen"
)

func main() {
	for file, f := range map[string]func(string) ([]byte, error){
		gen.StrategyFile:  gen.Strategy,
		gen.PortfolioFile: gen.Portfolio,
	} {
		b, err := f("..")
		if err == nil {
			err = os.WriteFile(file, b, 0o644)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "gen:", err)
			os.Exit(1)
		}
	}
}
