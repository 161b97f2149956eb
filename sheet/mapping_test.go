package sheet

import (
	"bytes"
	"testing"

	"github.com/bl-digital/kompass/portfolio"
	"github.com/bl-digital/kompass/strategy"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"
)

// baseMeasure is a measure with every field set, so that each row of the
// mapping table finds its cell.
func baseMeasure() portfolio.Measure {
	f := func(v float64) *float64 { return &v }
	return portfolio.Measure{
		ID: "M1", Title: strategy.Text{"de": "Titel", "fr": "Titre"}, Summary: strategy.Text{"de": "Kurz"},
		Goals: []strategy.ID{"GK1", "DL2"}, Owner: "FKD", Status: portfolio.Active,
		Start: strategy.NewDate(2026, 12, 31), End: strategy.Date{Y: 2027, M: 6, Precision: strategy.Month},
		Progress: f(42.5), Weight: f(2), Fields: []portfolio.Field{portfolio.Data, portfolio.Law},
		Beneficiaries: []strategy.Beneficiary{strategy.Business},
		Before:        strategy.Text{"de": "Papier"}, After: strategy.Text{"de": "Digital", "en": "Digital"},
		Budget:  &portfolio.Budget{Planned: 1200000, Spent: 0.5},
		Purpose: portfolio.FewerVisits, Savings: &portfolio.Savings{People: 400, MinutesPerDay: 3},
		Indicators: []portfolio.Indicator{{ID: "I1", Title: strategy.Text{"de": "Quote"}, Unit: "%",
			Baseline: portfolio.Observation{Value: 10, Date: strategy.Date{Y: 2025, Precision: strategy.Year}},
			Target:   portfolio.Observation{Value: 80, Date: strategy.Date{Y: 2028, Precision: strategy.Year}},
			Actuals:  []portfolio.Observation{{Value: 35, Date: strategy.NewDate(2026, 6, 30)}}}},
		Milestones:     []portfolio.Milestone{{Title: strategy.Text{"de": "Start"}, Due: strategy.NewDate(2026, 3, 1), Done: true}},
		DependsOn:      []strategy.ID{"M0"},
		Links:          []portfolio.Link{{Title: strategy.Text{"de": "Web"}, URL: "https://www.bl.ch/"}},
		Updated:        strategy.Date{Y: 2026, M: 9, Precision: strategy.Month},
		SelfAssessment: &portfolio.SelfAssessment{Status: portfolio.AtRisk, Date: strategy.NewDate(2026, 9, 30), Comment: strategy.Text{"de": "Verzug"}},
		Extensions:     map[string]any{"psp": "P-1"},
	}
}

// TestFieldMapping: each property lands in its column, in the form a
// steward reads (labels in the workbook's language, dates as Excel dates
// or as text for months and years), and comes back unchanged.
func TestFieldMapping(t *testing.T) {
	s := blStrategy(t)
	p := &portfolio.Portfolio{ID: "p", Title: strategy.Text{"de": "P"}, Strategy: s.ID, AsOf: strategy.NewDate(2026, 10, 31),
		Currency: portfolio.CHF, Organisations: []portfolio.Organisation{{ID: "FKD", Name: strategy.Text{"de": "FKD"}}},
		Measures: []portfolio.Measure{{ID: "M0", Title: strategy.Text{"de": "Null"}, Goals: []strategy.ID{"GK1"}, Owner: "FKD",
			Status: portfolio.Planned, Start: strategy.Date{Y: 2026, Precision: strategy.Year}, End: strategy.Date{Y: 2026, Precision: strategy.Year}}, baseMeasure()}}
	wb := exportBytes(t, p, s, ExportOptions{Lang: "de"})
	f, err := excelize.OpenReader(bytes.NewReader(wb))
	require.NoError(t, err)
	defer f.Close()
	tests := []struct {
		sheet, ptr, want, reason string
	}{
		{"Massnahmen", "id", "M1", "the id, the key of every other sheet"},
		{"Massnahmen", "title/de", "Titel", "a Text: one column per language"},
		{"Massnahmen", "title/fr", "Titre", "French in its own column"},
		{"Massnahmen", "title/it", "", "a language the text lacks stays empty (and missing on import)"},
		{"Massnahmen", "summary/de", "Kurz", "an optional Text"},
		{"Massnahmen", "goals/0", "GK1", "lists: one value per numbered column, in order"},
		{"Massnahmen", "goals/1", "DL2", "the second goal"},
		{"Massnahmen", "goals/2", "", "a spare column for one more goal"},
		{"Massnahmen", "owner", "FKD", "the owner's id, from the dropdown of organisations"},
		{"Massnahmen", "status", "aktiv", "a closed list shows its label in the workbook's language"},
		{"Massnahmen", "start", "46387", "a day is a real Excel date (serial 46387 = 31.12.2026)"},
		{"Massnahmen", "end", "06.2027", "a month is text MM.YYYY, so its precision survives"},
		{"Massnahmen", "progress", "42.5", "a number cell"},
		{"Massnahmen", "weight", "2", "weight, restricted to > 0"},
		{"Massnahmen", "fields/0", "Daten", "a field's label"},
		{"Massnahmen", "fields/1", "Recht", "the second field"},
		{"Massnahmen", "beneficiaries/0", "Wirtschaft", "a beneficiary's label"},
		{"Massnahmen", "before/de", "Papier", "Bisher"},
		{"Massnahmen", "after/en", "Digital", "In Zukunft, in English"},
		{"Massnahmen", "budget/planned", "1200000", "an amount, a plain number (Excel formats it)"},
		{"Massnahmen", "budget/spent", "0.5", "a fraction of a franc is kept"},
		{"Massnahmen", "purpose", "c) Weniger Behördengänge", "purpose a–d with its letter from the interpellation"},
		{"Massnahmen", "savings/people", "400", "a whole number"},
		{"Massnahmen", "savings/minutesPerDay", "3", "minutes per day"},
		{"Massnahmen", "dependsOn/0", "M0", "a measure id, from the dropdown of the measures sheet"},
		{"Massnahmen", "updated", "09.2026", "a month"},
		{"Massnahmen", "selfAssessment/status", "gefährdet", "the owner's rating, as a label"},
		{"Massnahmen", "selfAssessment/date", "46295", "a day"},
		{"Massnahmen", "selfAssessment/comment/de", "Verzug", "a nested Text"},
		{"Massnahmen", "extensions", `{"psp":"P-1"}`, "extensions as JSON text"},
		{"Massnahmen", "$emptyLists", "", "no list is present but empty"},
		{"Indikatoren", "$measure", "M1", "indicators are keyed by measure id"},
		{"Indikatoren", "id", "I1", "the indicator id"},
		{"Indikatoren", "unit", "%", "the unit, text"},
		{"Indikatoren", "baseline/value", "10", "the baseline"},
		{"Indikatoren", "baseline/date", "2026", "a year as text"},
		{"Indikatoren", "target/value", "80", "the target"},
		{"Istwerte", "$indicator", "I1", "actuals are keyed by measure and indicator"},
		{"Istwerte", "value", "35", "one row per actual"},
		{"Istwerte", "date", "46203", "its date"},
		{"Meilensteine", "title/de", "Start", "milestones, one row each"},
		{"Meilensteine", "done", "ja", "yes/no in the workbook's language"},
		{"Links", "url", "https://www.bl.ch/", "links, one row each"},
		{"Organisationen", "id", "FKD", "the organisations are kept, for the round trip and the dropdown"},
	}
	for _, tt := range tests {
		row := 3
		if tt.sheet == "Massnahmen" {
			row = 4 // M1 follows M0
		}
		v, err := f.GetCellValue(tt.sheet, cellOf(t, f, tt.sheet, tt.ptr, row), excelize.Options{RawCellValue: true})
		require.NoError(t, err)
		if tt.sheet == "Indikatoren" && tt.ptr == "baseline/date" {
			tt.want = "2025"
		}
		assert.Equal(t, tt.want, v, "%s %s: %s", tt.sheet, tt.ptr, tt.reason)
	}
	out, l := Build([]*Book{Read("m.xlsx", bytes.NewReader(wb))}, nil, s)
	require.False(t, l.HasErrors(), l.Error())
	back, msgs := validated(t, out, s)
	require.Empty(t, msgs)
	assert.Equal(t, p.Measures, back.Measures, "every field comes back")
}

// TestEmptyVersusMissingLists: a list present but empty stays present.
func TestEmptyVersusMissingLists(t *testing.T) {
	s := blStrategy(t)
	m := baseMeasure()
	m.Fields, m.Beneficiaries, m.Links, m.Milestones, m.DependsOn = []portfolio.Field{}, nil, []portfolio.Link{}, nil, []strategy.ID{}
	m.Indicators[0].Actuals = []portfolio.Observation{}
	m2 := baseMeasure()
	m2.ID, m2.DependsOn, m2.Indicators = "M0", nil, []portfolio.Indicator{}
	p := &portfolio.Portfolio{ID: "p", Title: strategy.Text{"de": "P"}, Strategy: s.ID, AsOf: strategy.NewDate(2026, 10, 31),
		Currency: portfolio.CHF, Organisations: []portfolio.Organisation{{ID: "FKD", Name: strategy.Text{"de": "FKD"}, Extensions: map[string]any{}}},
		Measures: []portfolio.Measure{m2, m}, Extensions: map[string]any{"n": 1.5}}
	wb := exportBytes(t, p, s, ExportOptions{Lang: "en"})
	out, l := Build([]*Book{Read("e.xlsx", bytes.NewReader(wb))}, nil, s)
	require.False(t, l.HasErrors(), l.Error())
	back, _ := validated(t, out, s)
	assert.Equal(t, p, back)
}
