package sheet

import (
	"fmt"
	"strings"
	"sync"

	"github.com/bl-digital/kompass/portfolio"
	"github.com/bl-digital/kompass/strategy"
)

// Languages are the workbook languages, in the order of every [4]string
// of labels in this package.
var Languages = []string{"de", "fr", "it", "en"}

func langIndex(lang string) int {
	for i, l := range Languages {
		if l == lang {
			return i
		}
	}
	return -1
}

// kind is how a cell's text maps to a JSON value.
type kind int

const (
	kString kind = iota // any text, kept as is
	kID                 // an id, spaces trimmed
	kNumber             // a finite number
	kInt                // a whole number
	kDate               // YYYY, YYYY-MM, YYYY-MM-DD, DD.MM.YYYY, MM.YYYY or an Excel date
	kBool               // yes/no in any language, TRUE/FALSE, 1/0
	kJSON               // a JSON object, as text
	kEnum               // one value of a closed list, as its JSON value or a label in any language
	kLists              // names of lists that are present but empty, ";"-separated
)

// enum is a closed list with its labels per language.
type enum struct {
	name   string
	values []string
	labels map[string][4]string

	once   sync.Once
	lookup map[string]string // lower-case value or label -> value
	boxed  map[string]any    // value -> value, as an interface made once
}

func (e *enum) label(v string, lang int) string {
	if l, ok := e.labels[v]; ok {
		return l[lang]
	}
	return v
}

// parse finds the value of a JSON value or a label in any language, ignoring case.
func (e *enum) parse(s string) (string, bool) {
	e.once.Do(func() {
		// The first value that a text names wins, as in a search of the
		// values in order, each before its labels.
		e.lookup = map[string]string{}
		e.boxed = map[string]any{}
		for _, v := range e.values {
			e.boxed[v] = v
			l := e.labels[v]
			for _, t := range append([]string{v}, l[:]...) {
				t = strings.ToLower(t)
				if _, ok := e.lookup[t]; !ok && t != "" {
					e.lookup[t] = v
				}
			}
		}
	})
	v, ok := e.lookup[strings.ToLower(strings.TrimSpace(s))]
	return v, ok
}

// parseBoxed is parse with the value as an interface, without allocating
// one per cell.
func (e *enum) parseBoxed(s string) (any, bool) {
	v, ok := e.parse(s)
	if !ok {
		return nil, false
	}
	return e.boxed[v], true
}

func newEnum[T ~string](name string, values []T, labels map[string][4]string) *enum {
	e := &enum{name: name, labels: labels}
	for _, v := range values {
		e.values = append(e.values, string(v))
	}
	return e
}

var (
	statusEnum = newEnum("status", portfolio.Statuses(), map[string][4]string{
		"planned":   {"geplant", "planifiée", "pianificata", "planned"},
		"active":    {"aktiv", "en cours", "in corso", "active"},
		"paused":    {"pausiert", "suspendue", "sospesa", "paused"},
		"completed": {"abgeschlossen", "terminée", "conclusa", "completed"},
		"cancelled": {"abgebrochen", "annulée", "annullata", "cancelled"},
	})
	fieldEnum = newEnum("field", portfolio.Fields(), map[string][4]string{
		"processes":   {"Prozesse", "Processus", "Processi", "Processes"},
		"competences": {"Kompetenzen", "Compétences", "Competenze", "Competences"},
		"culture":     {"Kultur", "Culture", "Cultura", "Culture"},
		"technology":  {"Technologie", "Technologie", "Tecnologia", "Technology"},
		"services":    {"Leistungen", "Prestations", "Prestazioni", "Services"},
		"data":        {"Daten", "Données", "Dati", "Data"},
		"law":         {"Recht", "Droit", "Diritto", "Law"},
	})
	beneficiaryEnum = newEnum("beneficiary", strategy.Beneficiaries(), map[string][4]string{
		"population": {"Bevölkerung", "Population", "Popolazione", "Population"},
		"business":   {"Wirtschaft", "Économie", "Economia", "Business"},
		"staff":      {"Mitarbeitende", "Personnel", "Personale", "Staff"},
	})
	purposeEnum = newEnum("purpose", portfolio.Purposes(), map[string][4]string{
		"effectiveness":       {"a) Wirksamere Verwaltung", "a) Administration plus efficace", "a) Amministrazione più efficace", "a) More effective administration"},
		"service-efficiency":  {"b) Effizientere Dienstleistungen", "b) Prestations plus efficientes", "b) Servizi più efficienti", "b) More efficient services"},
		"fewer-visits":        {"c) Weniger Behördengänge", "c) Moins de déplacements", "c) Meno visite agli uffici", "c) Fewer visits to offices"},
		"internal-efficiency": {"d) Effizientere interne Abläufe", "d) Processus internes plus efficients", "d) Processi interni più efficienti", "d) More efficient internal processes"},
	})
	ratingEnum = newEnum("rating", portfolio.Ratings(), map[string][4]string{
		"on-track": {"auf Kurs", "dans les temps", "in linea", "on track"},
		"at-risk":  {"gefährdet", "menacé", "a rischio", "at risk"},
		"late":     {"verzögert", "en retard", "in ritardo", "late"},
	})
	currencyEnum = newEnum("currency", portfolio.Currencies(), nil)
	// boolEnum is only used for the dropdown's labels; parseBool reads more.
	boolEnum = &enum{name: "yes/no", values: []string{"true", "false"}, labels: map[string][4]string{
		"true":  {"ja", "oui", "sì", "yes"},
		"false": {"nein", "non", "no", "no"},
	}}
)

// column is one column of a table sheet.
type column struct {
	ptr   string    // JSON pointer relative to the row's object, without the leading "/"
	label [4]string // header per language
	kind  kind
	enum  *enum
	list  string // a Listen column letter for the dropdown, or a formula
	width float64
	// number ranges, for the data validation
	min, max       float64
	hasMin, hasMax bool
	exclusiveMin   bool
}

// sheetDef is a sheet of rows.
type sheetDef struct {
	key   string // a stable internal name
	names [4]string
	cols  []column
}

func (d *sheetDef) name(lang int) string { return d.names[lang] }

// is reports whether name is this sheet's name in any language.
func (d *sheetDef) is(name string) bool {
	for _, n := range d.names {
		if strings.EqualFold(n, strings.TrimSpace(name)) {
			return true
		}
	}
	return false
}

// texts returns the four columns of a Text property.
func texts(ptr string, label [4]string, width float64) []column {
	var cols []column
	for _, l := range Languages {
		var lab [4]string
		for i := range lab {
			lab[i] = label[i] + " (" + l + ")"
		}
		cols = append(cols, column{ptr: ptr + "/" + l, label: lab, kind: kString, width: width})
	}
	return cols
}

// numbered returns n columns ptr/0..ptr/n-1 of one kind.
func numbered(ptr string, label [4]string, n int, c column) []column {
	var cols []column
	for i := range n {
		c := c
		c.ptr = fmt.Sprintf("%s/%d", ptr, i)
		for j := range c.label {
			c.label[j] = fmt.Sprintf("%s %d", label[j], i+1)
		}
		cols = append(cols, c)
	}
	return cols
}

func cat(groups ...[]column) []column {
	var all []column
	for _, g := range groups {
		all = append(all, g...)
	}
	return all
}

// Labels of columns used on several sheets.
var (
	lMeasure    = [4]string{"Massnahme", "Mesure", "Misura", "Measure"}
	lTitle      = [4]string{"Titel", "Titre", "Titolo", "Title"}
	lExtensions = [4]string{"Erweiterungen (JSON)", "Extensions (JSON)", "Estensioni (JSON)", "Extensions (JSON)"}
	lEmpty      = [4]string{"Leere Listen", "Listes vides", "Liste vuote", "Empty lists"}
	lDate       = [4]string{"Datum", "Date", "Data", "Date"}
)

// The hidden sheet with the dropdown lists, and its columns.
const listSheet = "Listen"

const (
	listStatus  = "A"
	listGoals   = "B"
	listOwners  = "C"
	listFields  = "D"
	listBenef   = "E"
	listPurpose = "F"
	listRating  = "G"
	listBool    = "H"
)

// counts are how many numbered columns the measures sheet gets for its lists.
type counts struct{ goals, fields, beneficiaries, dependsOn int }

func measureSheet(n counts) *sheetDef {
	num := func(min float64, exclusive bool) column {
		return column{kind: kNumber, width: 14, min: min, hasMin: true, exclusiveMin: exclusive}
	}
	progress := num(0, false)
	progress.max, progress.hasMax = 100, true
	people := column{kind: kInt, width: 14, hasMin: true}
	return &sheetDef{key: "measures", names: [4]string{"Massnahmen", "Mesures", "Misure", "Measures"}, cols: cat(
		[]column{{ptr: "id", label: [4]string{"ID", "ID", "ID", "ID"}, kind: kID, width: 12}},
		texts("title", lTitle, 40),
		texts("summary", [4]string{"Zusammenfassung", "Résumé", "Sintesi", "Summary"}, 40),
		numbered("goals", [4]string{"Ziel", "Objectif", "Obiettivo", "Goal"}, n.goals, column{kind: kID, list: listGoals, width: 10}),
		[]column{
			{ptr: "owner", label: [4]string{"Verantwortlich", "Responsable", "Responsabile", "Owner"}, kind: kID, list: listOwners, width: 14},
			{ptr: "status", label: [4]string{"Status", "Statut", "Stato", "Status"}, kind: kEnum, enum: statusEnum, list: listStatus, width: 16},
			{ptr: "start", label: [4]string{"Beginn", "Début", "Inizio", "Start"}, kind: kDate, width: 12},
			{ptr: "end", label: [4]string{"Ende", "Fin", "Fine", "End"}, kind: kDate, width: 12},
		},
		[]column{withPtr(progress, "progress", [4]string{"Fortschritt (%)", "Avancement (%)", "Avanzamento (%)", "Progress (%)"}),
			withPtr(num(0, true), "weight", [4]string{"Gewicht", "Poids", "Peso", "Weight"})},
		numbered("fields", [4]string{"Handlungsfeld", "Champ d'action", "Campo d'azione", "Field"}, n.fields, column{kind: kEnum, enum: fieldEnum, list: listFields, width: 16}),
		numbered("beneficiaries", [4]string{"Nutzniessende", "Bénéficiaires", "Beneficiari", "Beneficiaries"}, n.beneficiaries, column{kind: kEnum, enum: beneficiaryEnum, list: listBenef, width: 16}),
		texts("before", [4]string{"Bisher", "Jusqu'ici", "Finora", "Before"}, 40),
		texts("after", [4]string{"In Zukunft", "À l'avenir", "In futuro", "After"}, 40),
		[]column{
			withPtr(num(0, false), "budget/planned", [4]string{"Budget geplant (CHF)", "Budget prévu (CHF)", "Budget previsto (CHF)", "Budget planned (CHF)"}),
			withPtr(num(0, false), "budget/spent", [4]string{"Budget ausgegeben (CHF)", "Budget dépensé (CHF)", "Budget speso (CHF)", "Budget spent (CHF)"}),
			{ptr: "purpose", label: [4]string{"Zweck (a–d)", "But (a–d)", "Scopo (a–d)", "Purpose (a–d)"}, kind: kEnum, enum: purposeEnum, list: listPurpose, width: 30},
			withPtr(people, "savings/people", [4]string{"Entlastete Personen", "Personnes déchargées", "Persone sgravate", "People saving time"}),
			withPtr(num(0, false), "savings/minutesPerDay", [4]string{"Minuten pro Tag", "Minutes par jour", "Minuti al giorno", "Minutes per day"}),
		},
		numbered("dependsOn", [4]string{"Hängt ab von", "Dépend de", "Dipende da", "Depends on"}, n.dependsOn, column{kind: kID, list: "measures", width: 12}),
		[]column{
			{ptr: "updated", label: [4]string{"Aktualisiert", "Mis à jour", "Aggiornato", "Updated"}, kind: kDate, width: 12},
			{ptr: "selfAssessment/status", label: [4]string{"Selbsteinschätzung", "Auto-évaluation", "Autovalutazione", "Self-assessment"}, kind: kEnum, enum: ratingEnum, list: listRating, width: 16},
			{ptr: "selfAssessment/date", label: [4]string{"Selbsteinschätzung Datum", "Auto-évaluation date", "Autovalutazione data", "Self-assessment date"}, kind: kDate, width: 12},
		},
		texts("selfAssessment/comment", [4]string{"Selbsteinschätzung Kommentar", "Auto-évaluation commentaire", "Autovalutazione commento", "Self-assessment comment"}, 30),
		[]column{
			{ptr: "extensions", label: lExtensions, kind: kJSON, width: 20},
			{ptr: "$emptyLists", label: lEmpty, kind: kLists, width: 14},
		},
	)}
}

func withPtr(c column, ptr string, label [4]string) column {
	c.ptr, c.label = ptr, label
	return c
}

// measureKey is the first column of the sheets keyed by measure id.
var measureKey = column{ptr: "$measure", label: lMeasure, kind: kID, list: "measures", width: 12}

var indicatorSheet = &sheetDef{key: "indicators", names: [4]string{"Indikatoren", "Indicateurs", "Indicatori", "Indicators"}, cols: cat(
	[]column{measureKey, {ptr: "id", label: [4]string{"Indikator", "Indicateur", "Indicatore", "Indicator"}, kind: kID, width: 12}},
	texts("title", lTitle, 30),
	[]column{
		{ptr: "unit", label: [4]string{"Einheit", "Unité", "Unità", "Unit"}, kind: kString, width: 10},
		{ptr: "baseline/value", label: [4]string{"Ausgangswert", "Valeur initiale", "Valore iniziale", "Baseline"}, kind: kNumber, width: 14},
		{ptr: "baseline/date", label: [4]string{"Ausgangswert Datum", "Valeur initiale date", "Valore iniziale data", "Baseline date"}, kind: kDate, width: 12},
		{ptr: "target/value", label: [4]string{"Zielwert", "Valeur cible", "Valore obiettivo", "Target"}, kind: kNumber, width: 14},
		{ptr: "target/date", label: [4]string{"Zielwert Datum", "Valeur cible date", "Valore obiettivo data", "Target date"}, kind: kDate, width: 12},
		{ptr: "extensions", label: lExtensions, kind: kJSON, width: 20},
		{ptr: "$emptyLists", label: lEmpty, kind: kLists, width: 14},
	},
)}

var actualSheet = &sheetDef{key: "actuals", names: [4]string{"Istwerte", "Valeurs mesurées", "Valori misurati", "Actuals"}, cols: []column{
	measureKey,
	{ptr: "$indicator", label: [4]string{"Indikator", "Indicateur", "Indicatore", "Indicator"}, kind: kID, width: 12},
	{ptr: "value", label: [4]string{"Istwert", "Valeur mesurée", "Valore misurato", "Actual value"}, kind: kNumber, width: 14},
	{ptr: "date", label: lDate, kind: kDate, width: 12},
}}

var milestoneSheet = &sheetDef{key: "milestones", names: [4]string{"Meilensteine", "Jalons", "Tappe", "Milestones"}, cols: cat(
	[]column{measureKey},
	texts("title", [4]string{"Meilenstein", "Jalon", "Tappa", "Milestone"}, 30),
	[]column{
		{ptr: "due", label: [4]string{"Fällig", "Échéance", "Scadenza", "Due"}, kind: kDate, width: 12},
		{ptr: "done", label: [4]string{"Erreicht", "Atteint", "Raggiunta", "Done"}, kind: kBool, enum: boolEnum, list: listBool, width: 10},
	},
)}

var linkSheet = &sheetDef{key: "links", names: [4]string{"Links", "Liens", "Collegamenti", "Links"}, cols: cat(
	[]column{measureKey},
	texts("title", [4]string{"Linktext", "Texte du lien", "Testo del link", "Link text"}, 30),
	[]column{{ptr: "url", label: [4]string{"URL (https://…)", "URL (https://…)", "URL (https://…)", "URL (https://…)"}, kind: kString, width: 40}},
)}

var orgSheet = &sheetDef{key: "organisations", names: [4]string{"Organisationen", "Organisations", "Organizzazioni", "Organisations"}, cols: cat(
	[]column{{ptr: "id", label: [4]string{"ID", "ID", "ID", "ID"}, kind: kID, width: 12}},
	texts("name", [4]string{"Name", "Nom", "Nome", "Name"}, 40),
	[]column{{ptr: "extensions", label: lExtensions, kind: kJSON, width: 20}},
)}

// metaSheet holds the portfolio's own properties, one per row: label,
// property, value.
var metaSheet = &sheetDef{key: "portfolio", names: [4]string{"Portfolio", "Portefeuille", "Portafoglio", "Portfolio"}}

var metaProps = cat(
	[]column{{ptr: "$schema", label: [4]string{"Schema", "Schéma", "Schema", "Schema"}, kind: kString}},
	[]column{{ptr: "id", label: [4]string{"ID", "ID", "ID", "ID"}, kind: kID}},
	texts("title", lTitle, 0),
	[]column{
		{ptr: "strategy", label: [4]string{"Strategie", "Stratégie", "Strategia", "Strategy"}, kind: kID},
		{ptr: "asOf", label: [4]string{"Stand per", "État au", "Stato al", "As of"}, kind: kDate},
		{ptr: "currency", label: [4]string{"Währung", "Monnaie", "Valuta", "Currency"}, kind: kEnum, enum: currencyEnum},
		{ptr: "extensions", label: lExtensions, kind: kJSON},
	},
)

var metaHeader = [3][4]string{
	{"Angabe", "Donnée", "Dato", "Item"},
	{"Eigenschaft (JSON)", "Propriété (JSON)", "Proprietà (JSON)", "Property (JSON)"},
	{"Wert", "Valeur", "Valore", "Value"},
}

var guideNames = [4]string{"Anleitung", "Mode d'emploi", "Istruzioni", "Instructions"}

// tableSheets are the sheets of rows keyed by measure, in workbook order.
var tableSheets = []*sheetDef{indicatorSheet, actualSheet, milestoneSheet, linkSheet}
