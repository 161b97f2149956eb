package chart

import (
	"strconv"
	"strings"
	"sync"

	"github.com/bl-digital/kompass/controlling"
)

// labels are the words of the charts in one language. Data texts (titles
// of focus areas, indicators) come from the caller; these are the words
// around them. Patterns use {name} placeholders (see fill).
type labels struct {
	Status          map[controlling.ScheduleStatus]string
	StatusTitle     string // "Massnahmen nach Status"
	NoMeasures      string
	AsTable         string
	Count           string
	Total           string // "{n} Massnahmen"
	FocusTitle      string
	FocusRow        string // "{progress} · Soll {planned} · {covered}/{total} Ziele"
	FocusName       string // accessible name of one row
	Progress        string
	Planned         string // Soll
	Coverage        string
	GoalsCovered    string // "{covered} von {total} Zielen"
	Unknown         string
	BudgetTitle     string
	BudgetPlanned   string
	BudgetSpent     string
	EarnedValue     string
	BudgetRow       string // "ausgegeben {spent} von {planned} · Fertigstellungswert {ev}": two lines
	Cancelled       string // "Abgebrochen ({n} Massnahmen)"
	CancelledNote   string
	FTETitle        string
	FTEExpected     string
	FTERealized     string
	FTERow          string // "{realized} von {expected} realisiert"
	IndicatorTitle  string // "{title}: Ausgangswert {baseline}, zuletzt {latest}, Ziel {target}"
	IndicatorNoData string // "{title}: Ausgangswert {baseline}, noch kein Istwert, Ziel {target}"
	Baseline        string
	Actual          string
	Target          string
	ExpectedNow     string // "erwartet per {date}"
	AsOf            string
	Date            string
	Value           string
	Item            string // table header of the row label column
}

// labelTable is built on first use, not when the program starts: the
// widget draws its charts after its first render, and a table of maps
// built at start-up is code the browser compiles and runs before the first
// render.
var labelTable = sync.OnceValue(newLabelTable)

func newLabelTable() map[string]*labels {
	return map[string]*labels{
		"de": {
			Status: map[controlling.ScheduleStatus]string{
				controlling.Late: "im Verzug", controlling.AtRisk: "gefährdet", controlling.OnTrack: "auf Kurs",
				controlling.NotStarted: "nicht begonnen", controlling.Done: "abgeschlossen",
			},
			StatusTitle:     "Massnahmen nach Status",
			NoMeasures:      "keine Massnahmen",
			AsTable:         "als Tabelle",
			Count:           "Anzahl",
			Total:           "{n} Massnahmen",
			FocusTitle:      "Fortschritt der Schwerpunkte gegenüber dem Soll",
			FocusRow:        "{progress} · Soll {planned} · {covered}/{total} Ziele",
			FocusName:       "{label}: Fortschritt {progress}, Soll {planned}, {covered} von {total} Zielen mit Massnahmen",
			Progress:        "Fortschritt",
			Planned:         "Soll",
			Coverage:        "Abdeckung",
			GoalsCovered:    "{covered} von {total} Zielen",
			Unknown:         "k. A.",
			BudgetTitle:     "Budget: geplant, ausgegeben und Fertigstellungswert",
			BudgetPlanned:   "geplant",
			BudgetSpent:     "ausgegeben",
			EarnedValue:     "Fertigstellungswert",
			BudgetRow:       "ausgegeben {spent} von {planned} · Fertigstellungswert {ev}",
			Cancelled:       "Abgebrochen ({n} Massnahmen, nicht eingerechnet)",
			CancelledNote:   "abgebrochen",
			FTETitle:        "Eingesparte Vollzeitstellen (erwartet / realisiert)",
			FTEExpected:     "erwartet",
			FTERealized:     "realisiert",
			FTERow:          "{realized} von {expected} realisiert",
			IndicatorTitle:  "{title}: Ausgangswert {baseline}, zuletzt {latest}, Ziel {target}",
			IndicatorNoData: "{title}: Ausgangswert {baseline}, noch kein Istwert, Ziel {target}",
			Baseline:        "Ausgangswert",
			Actual:          "Istwert",
			Target:          "Zielwert",
			ExpectedNow:     "erwartet per {date}",
			AsOf:            "Stand",
			Date:            "Datum",
			Value:           "Wert",
			Item:            "Bereich",
		},
		"fr": {
			Status: map[controlling.ScheduleStatus]string{
				controlling.Late: "en retard", controlling.AtRisk: "à risque", controlling.OnTrack: "dans les temps",
				controlling.NotStarted: "pas commencé", controlling.Done: "terminé",
			},
			StatusTitle:     "Mesures par statut",
			NoMeasures:      "aucune mesure",
			AsTable:         "sous forme de tableau",
			Count:           "Nombre",
			Total:           "{n} mesures",
			FocusTitle:      "Avancement des axes prioritaires par rapport au prévu",
			FocusRow:        "{progress} · prévu {planned} · {covered}/{total} objectifs",
			FocusName:       "{label}\u202f: avancement {progress}, prévu {planned}, {covered} objectifs sur {total} avec des mesures",
			Progress:        "Avancement",
			Planned:         "Prévu",
			Coverage:        "Couverture",
			GoalsCovered:    "{covered} objectifs sur {total}",
			Unknown:         "n. d.",
			BudgetTitle:     "Budget\u202f: prévu, dépensé et valeur acquise",
			BudgetPlanned:   "prévu",
			BudgetSpent:     "dépensé",
			EarnedValue:     "Valeur acquise",
			BudgetRow:       "dépensé {spent} sur {planned} · valeur acquise {ev}",
			Cancelled:       "Annulé ({n} mesures, non comptées)",
			CancelledNote:   "annulé",
			FTETitle:        "Postes à plein temps économisés (attendus / réalisés)",
			FTEExpected:     "attendus",
			FTERealized:     "réalisés",
			FTERow:          "{realized} réalisés sur {expected}",
			IndicatorTitle:  "{title}\u202f: valeur initiale {baseline}, dernière valeur {latest}, cible {target}",
			IndicatorNoData: "{title}\u202f: valeur initiale {baseline}, pas encore de valeur réelle, cible {target}",
			Baseline:        "Valeur initiale",
			Actual:          "Valeur réelle",
			Target:          "Valeur cible",
			ExpectedNow:     "attendu au {date}",
			AsOf:            "État",
			Date:            "Date",
			Value:           "Valeur",
			Item:            "Domaine",
		},
		"it": {
			Status: map[controlling.ScheduleStatus]string{
				controlling.Late: "in ritardo", controlling.AtRisk: "a rischio", controlling.OnTrack: "nei tempi",
				controlling.NotStarted: "non iniziato", controlling.Done: "concluso",
			},
			StatusTitle:     "Misure per stato",
			NoMeasures:      "nessuna misura",
			AsTable:         "come tabella",
			Count:           "Numero",
			Total:           "{n} misure",
			FocusTitle:      "Avanzamento degli ambiti prioritari rispetto al previsto",
			FocusRow:        "{progress} · previsto {planned} · {covered}/{total} obiettivi",
			FocusName:       "{label}: avanzamento {progress}, previsto {planned}, {covered} obiettivi su {total} con misure",
			Progress:        "Avanzamento",
			Planned:         "Previsto",
			Coverage:        "Copertura",
			GoalsCovered:    "{covered} obiettivi su {total}",
			Unknown:         "n. d.",
			BudgetTitle:     "Budget: previsto, speso e valore acquisito",
			BudgetPlanned:   "previsto",
			BudgetSpent:     "speso",
			EarnedValue:     "Valore acquisito",
			BudgetRow:       "speso {spent} su {planned} · valore acquisito {ev}",
			Cancelled:       "Annullato ({n} misure, non conteggiate)",
			CancelledNote:   "annullato",
			FTETitle:        "Posti a tempo pieno risparmiati (attesi / realizzati)",
			FTEExpected:     "attesi",
			FTERealized:     "realizzati",
			FTERow:          "{realized} realizzati su {expected}",
			IndicatorTitle:  "{title}: valore iniziale {baseline}, ultimo valore {latest}, obiettivo {target}",
			IndicatorNoData: "{title}: valore iniziale {baseline}, ancora nessun valore effettivo, obiettivo {target}",
			Baseline:        "Valore iniziale",
			Actual:          "Valore effettivo",
			Target:          "Valore obiettivo",
			ExpectedNow:     "atteso al {date}",
			AsOf:            "Stato",
			Date:            "Data",
			Value:           "Valore",
			Item:            "Ambito",
		},
		"en": {
			Status: map[controlling.ScheduleStatus]string{
				controlling.Late: "late", controlling.AtRisk: "at risk", controlling.OnTrack: "on track",
				controlling.NotStarted: "not started", controlling.Done: "done",
			},
			StatusTitle:     "Measures by status",
			NoMeasures:      "no measures",
			AsTable:         "as a table",
			Count:           "Count",
			Total:           "{n} measures",
			FocusTitle:      "Progress of the focus areas against plan",
			FocusRow:        "{progress} · planned {planned} · {covered}/{total} goals",
			FocusName:       "{label}: progress {progress}, planned {planned}, {covered} of {total} goals with measures",
			Progress:        "Progress",
			Planned:         "Planned",
			Coverage:        "Coverage",
			GoalsCovered:    "{covered} of {total} goals",
			Unknown:         "n/a",
			BudgetTitle:     "Budget: planned, spent and earned value",
			BudgetPlanned:   "planned",
			BudgetSpent:     "spent",
			EarnedValue:     "Earned value",
			BudgetRow:       "spent {spent} of {planned} · earned value {ev}",
			Cancelled:       "Cancelled ({n} measures, not counted)",
			CancelledNote:   "cancelled",
			FTETitle:        "Full-time positions saved (expected / realized)",
			FTEExpected:     "expected",
			FTERealized:     "realized",
			FTERow:          "{realized} of {expected} realized",
			IndicatorTitle:  "{title}: baseline {baseline}, latest {latest}, target {target}",
			IndicatorNoData: "{title}: baseline {baseline}, no actual value yet, target {target}",
			Baseline:        "Baseline",
			Actual:          "Actual",
			Target:          "Target",
			ExpectedNow:     "expected at {date}",
			AsOf:            "As of",
			Date:            "Date",
			Value:           "Value",
			Item:            "Area",
		},
	}
}

// Langs are the languages the charts speak; any other falls back to German.
var Langs = []string{"de", "fr", "it", "en"}

func labelsFor(lang string) *labels {
	if l, ok := labelTable()[lang]; ok {
		return l
	}
	return labelTable()["de"]
}

// normLang returns lang when the charts speak it, else "de".
func normLang(lang string) string {
	if _, ok := labelTable()[lang]; ok {
		return lang
	}
	return "de"
}

// fill replaces {name} placeholders in pattern by the values given as
// name, value pairs.
func fill(pattern string, pairs ...string) string {
	for i := 0; i+1 < len(pairs); i += 2 {
		pattern = strings.ReplaceAll(pattern, "{"+pairs[i]+"}", pairs[i+1])
	}
	return pattern
}

func itoa(n int) string { return strconv.Itoa(n) }
