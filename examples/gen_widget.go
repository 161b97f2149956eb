//go:build ignore

// gen_widget writes bl/strategy.widget.json, the widget's copy of
// bl/strategy.json (see examples/internal/widgetdata). Run by go generate.
package main

import (
	"log"
	"os"

	"github.com/bl-digital/kompass/examples/internal/widgetdata"
)

func main() {
	full, err := os.ReadFile("bl/strategy.json")
	if err != nil {
		log.Fatal(err)
	}
	out, err := widgetdata.Strategy(full)
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile("bl/strategy.widget.json", out, 0o644); err != nil {
		log.Fatal(err)
	}
}
