package sheet

import (
	"bytes"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/bl-digital/kompass/internal/synth"
	"github.com/bl-digital/kompass/schema"
)

// BenchmarkSheet compares export and import of a generated portfolio with
// `kompass validate`'s work on the same file (schema.ValidatePortfolio).
// Import includes that validation, as `kompass sheet import` does.
//
//	go test -run='^$' -bench=Sheet -benchtime=5x ./sheet
func BenchmarkSheet(b *testing.B) {
	s := blStrategy(b)
	for _, n := range []int{1000, 10000} {
		p := synth.Portfolio(s, n)
		data, err := json.Marshal(p)
		if err != nil {
			b.Fatal(err)
		}
		var wb bytes.Buffer
		if err := Export(&wb, p, s, ExportOptions{}); err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("validate/%d", n), func(b *testing.B) {
			for b.Loop() {
				if _, l := schema.ValidatePortfolio(data, s); l.HasErrors() {
					b.Fatal(l)
				}
			}
		})
		b.Run(fmt.Sprintf("export/%d", n), func(b *testing.B) {
			for b.Loop() {
				var buf bytes.Buffer
				if err := Export(&buf, p, s, ExportOptions{}); err != nil {
					b.Fatal(err)
				}
			}
		})
		// The part of import before the validation: the workbook read
		// into rows and objects (Read), without Build.
		b.Run(fmt.Sprintf("import-read/%d", n), func(b *testing.B) {
			for b.Loop() {
				if bk := Read("b.xlsx", bytes.NewReader(wb.Bytes())); len(bk.problems) > 0 {
					b.Fatal(bk.problems)
				}
			}
		})
		b.Run(fmt.Sprintf("import/%d", n), func(b *testing.B) {
			for b.Loop() {
				if _, l := Build([]*Book{Read("b.xlsx", bytes.NewReader(wb.Bytes()))}, nil, s); l.HasErrors() {
					b.Fatal(l)
				}
			}
		})
	}
}
