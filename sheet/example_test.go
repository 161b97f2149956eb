package sheet_test

import (
	"bytes"
	"fmt"

	"github.com/bl-digital/kompass/examples"
	"github.com/bl-digital/kompass/schema"
	"github.com/bl-digital/kompass/sheet"
	"github.com/xuri/excelize/v2"
)

// A directorate's workbook: exported, filled in by its data steward (here
// with excelize; in life with Excel), and merged back into the central
// portfolio. A mistake is reported at its cell, and nothing is merged.
func Example() {
	s, _ := schema.ValidateStrategy(examples.StrategyJSON)
	p, _ := schema.ValidatePortfolio(examples.PortfolioJSON, s)

	var wb bytes.Buffer
	if err := sheet.Export(&wb, p, s, sheet.ExportOptions{Lang: "de", Owner: "BKSD"}); err != nil {
		fmt.Println(err)
		return
	}

	// The steward types a progress of 120 % into the first measure's row.
	f, _ := excelize.OpenReader(&wb)
	f.SetCellValue("Massnahmen", "Q3", 120) // row 2 of column Q reads "progress"
	var filled bytes.Buffer
	f.Write(&filled)

	base := &sheet.Base{Name: "portfolio.json", Data: examples.PortfolioJSON}
	book := sheet.Read("BKSD.xlsx", &filled)
	_, problems := sheet.Build([]*sheet.Book{book}, base, s)
	for _, p := range problems {
		fmt.Println(p)
	}
	// Output:
	// BKSD.xlsx:Massnahmen!Q3: /measures/12/progress: must be <= 100 but found 120
}
