//go:build ignore

// gen_widget writes bl/strategy.widget.json and bl/portfolio.widget.json,
// the widget's copies of bl/strategy.json and bl/portfolio.json (see
// examples/internal/widgetdata). Run by go generate.
package main

import (
	"log"
	"os"

	"github.com/bl-digital/kompass/examples/internal/widgetdata"
)

func main() {
	for _, f := range []struct {
		in, out string
		copy    func([]byte) ([]byte, error)
	}{
		{"bl/strategy.json", "bl/strategy.widget.json", widgetdata.Strategy},
		{"bl/portfolio.json", "bl/portfolio.widget.json", widgetdata.Portfolio},
	} {
		full, err := os.ReadFile(f.in)
		if err != nil {
			log.Fatal(err)
		}
		out, err := f.copy(full)
		if err != nil {
			log.Fatal(f.in, ": ", err)
		}
		if err := os.WriteFile(f.out, out, 0o644); err != nil {
			log.Fatal(err)
		}
	}
}
