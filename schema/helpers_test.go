package schema

import (
	"fmt"
	"maps"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v5"
)

// goalIDs are goals of the embedded BL strategy.
var goalIDs = []string{"GK1", "GK2", "GK3", "KD1", "KD2", "KD3", "KD4", "PM1"}

// orgIDs are the organisations of generated portfolios.
var orgIDs = []string{"FKD", "BKSD", "BUD", "SID", "VGD", "LKA", "GER"}

// generatePortfolio writes a valid portfolio of n measures for the BL
// strategy, the same for the same n, one measure a line. Measures vary in
// status, dates and optional members like a real portfolio's, at about 300
// bytes each on average, so that 100,000 of them stay under the 32 MiB
// limit.
func generatePortfolio(n int) []byte {
	var b strings.Builder
	b.WriteString(`{"$schema": "../schema/portfolio.schema.json", "id": "generated",
"title": {"de": "Generiertes Portfolio", "fr": "Portefeuille généré"},
"strategy": "bl-dt-2026", "asOf": "2026-06-30", "currency": "CHF",
"organisations": [`)
	for i, o := range orgIDs {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, `{"id": %q, "name": {"de": "Direktion %s"}}`, o, o)
	}
	b.WriteString("],\n\"measures\": [")
	statuses := []string{"planned", "active", "paused", "completed", "cancelled"}
	for i := range n {
		if i > 0 {
			b.WriteString(",")
		}
		status := statuses[i%len(statuses)]
		fmt.Fprintf(&b, "\n"+`{"id": "M%d", "title": {"de": "Massnahme %d"}, "goals": [%q, %q], "owner": %q, "status": %q, "start": "%d-%02d", "end": "%d"`,
			i, i, goalIDs[i%len(goalIDs)], goalIDs[(i+3)%len(goalIDs)], orgIDs[i%len(orgIDs)], status, 2024+i%3, 1+i%12, 2027+i%4)
		switch status {
		case "active", "paused", "cancelled":
			fmt.Fprintf(&b, `, "progress": %d`, (i*7)%100)
		}
		if i%3 == 0 {
			fmt.Fprintf(&b, `, "fields": ["processes"], "budget": {"planned": %d, "spent": %d}, "savings": {"people": %d, "minutesPerDay": 2.5}`,
				100000+i*10, 5000+i, 10+i%400)
		}
		if i%8 == 0 {
			fmt.Fprintf(&b, `, "indicators": [{"id": "I1", "title": {"de": "Anteil"}, "unit": "%%", "baseline": {"value": 10, "date": "2024"}, "target": {"value": 80, "date": "2028"}}]`)
		}
		if i > 0 && i%5 == 1 {
			fmt.Fprintf(&b, `, "dependsOn": ["M%d"]`, i-1)
		}
		b.WriteString(`, "updated": "2026-05"}`)
	}
	b.WriteString("\n]}\n")
	return []byte(b.String())
}

// load returns both schemas compiled, with one index of their locations
// (the tests look schemas of either file up by location).
func load() (*compiled, error) {
	s, err := loadStrategy()
	if err != nil {
		return nil, err
	}
	p, err := loadPortfolio()
	if err != nil {
		return nil, err
	}
	out := compiled{strategy: s.strategy, portfolio: p.portfolio, measure: p.measure, chunk: p.chunk,
		at: make(map[string]*jsonschema.Schema, len(s.at)+len(p.at))}
	maps.Copy(out.at, s.at)
	maps.Copy(out.at, p.at)
	return &out, nil
}
