package report_test

import (
	"fmt"
	"strings"

	"github.com/bl-digital/kompass/controlling"
	"github.com/bl-digital/kompass/controlling/report"
	"github.com/bl-digital/kompass/portfolio"
	"github.com/bl-digital/kompass/strategy"
)

// tiny is a strategy of one focus area with two goals, and a portfolio of
// two measures for one of them.
func tiny() (*strategy.Strategy, *portfolio.Portfolio) {
	s := &strategy.Strategy{ID: "demo", Title: strategy.Text{"de": "Demo-Strategie", "en": "Demo strategy"},
		FocusAreas: []strategy.FocusArea{{ID: "DL", Title: strategy.Text{"de": "Dienstleistungen", "en": "Services"},
			Goals: []strategy.Goal{
				{ID: "DL1", Title: strategy.Text{"de": "One-stop-Government"}},
				{ID: "DL2", Title: strategy.Text{"de": "E-Partizipation", "en": "e-participation"}},
			}}}}
	sixty := 60.0
	p := &portfolio.Portfolio{ID: "demo-2026", Title: strategy.Text{"de": "Portfolio 2026"}, Strategy: "demo",
		AsOf: strategy.MustParseDate("2026-06-30"), Currency: portfolio.CHF,
		Organisations: []portfolio.Organisation{{ID: "FKD", Name: strategy.Text{"de": "Finanz- und Kirchendirektion"}}},
		Measures: []portfolio.Measure{
			{ID: "E-STEUER", Title: strategy.Text{"de": "Steuererklärung online", "en": "Tax return online"},
				Goals: []strategy.ID{"DL1"}, Owner: "FKD", Status: portfolio.Completed,
				Start: strategy.MustParseDate("2024"), End: strategy.MustParseDate("2025-06"),
				Budget:  &portfolio.Budget{Planned: 1_200_000, Spent: 1_150_000},
				Purpose: portfolio.FewerVisits, Savings: &portfolio.Savings{People: 400, MinutesPerDay: 3},
				Updated: strategy.MustParseDate("2026-05")},
			{ID: "BL-KONTO", Title: strategy.Text{"de": "BL-Konto", "en": "BL account"},
				Goals: []strategy.ID{"DL1"}, Owner: "FKD", Status: portfolio.Active, Progress: &sixty,
				Start: strategy.MustParseDate("2025"), End: strategy.MustParseDate("2027"),
				Budget:  &portfolio.Budget{Planned: 2_500_000, Spent: 1_000_000},
				Purpose: portfolio.ServiceEfficiency, Updated: strategy.MustParseDate("2026-06-15")},
		}}
	return s, p
}

// The CSV format opens in Swiss Excel: a BOM, ';' between fields, plain numbers.
func ExampleRender() {
	s, p := tiny()
	r, err := controlling.Compute(s, p, controlling.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	var b strings.Builder
	if err := report.Render(&b, r, report.CSV, "de"); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(strings.NewReplacer("\ufeff", "<BOM>", "\r\n", "\n").Replace(b.String()))
	// Output:
	// <BOM>ID;Titel;Schwerpunkte;Ziele;Verantwortlich;Projektstatus;Terminstatus;Fortschritt;Soll;Beginn;Ende;Budget geplant;Budget ausgegeben;Fertigstellungswert;CPI;Eingesparte Stellen;veraltet;abweichend
	// E-STEUER;Steuererklärung online;DL;DL1;FKD;abgeschlossen;abgeschlossen;100.0;100.0;2024-01-01;2025-06-30;1200000;1150000;1200000;1.04;2.38;nein;nein
	// BL-KONTO;BL-Konto;DL;DL1;FKD;laufend;auf Kurs;60.0;49.8;2025-01-01;2027-12-31;2500000;1000000;1500000;1.5;keine Einsparungsdaten;nein;nein
}

// The text format for a terminal, here in English with ASCII bars: the
// report's first lines.
func ExampleRenderer() {
	s, p := tiny()
	r, err := controlling.Compute(s, p, controlling.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	var b strings.Builder
	rd := report.Renderer{Lang: "en", ASCII: true}
	if err := rd.Render(&b, r, report.Text); err != nil {
		fmt.Println(err)
	}
	for _, line := range strings.SplitN(b.String(), "\n", 10)[:9] {
		fmt.Println(line)
	}
	// Output:
	// Demo strategy
	// Portfolio: Portfolio 2026
	// As of: 30 June 2026
	//
	// Strategy  ################....    80.0 %  on track
	//   80.0 % over the 1 of 2 goals that have measures; 1 goal without measures is not included.
	//   Measures by status: 1 on track, 1 done
	//   Budget: planned CHF 3'700'000, spent CHF 2'150'000, Earned value CHF 2'700'000, CPI 1.26
	//   Full-time posts saved (expected / realized): 2.38 / 2.38
}

func ExampleFormatCHF() {
	fmt.Println(report.FormatCHF(1_200_000))
	fmt.Println(report.FormatPercent(42.46))
	fmt.Println(report.FormatNumber(2.380952, 2))
	// Output:
	// CHF 1'200'000
	// 42.5 %
	// 2.38
}

func ExampleParseFormat() {
	f, err := report.ParseFormat("md")
	fmt.Println(f, f.ContentType(), err)
	_, err = report.ParseFormat("pdf")
	fmt.Println(err)
	// Output:
	// md text/markdown; charset=utf-8 <nil>
	// unknown format "pdf" (want text, md, html, html-fragment, csv or json)
}
