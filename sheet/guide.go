package sheet

import (
	"fmt"
	"strings"

	"github.com/bl-digital/kompass/portfolio"
	"github.com/bl-digital/kompass/strategy"
	"github.com/xuri/excelize/v2"
)

// guideTexts are the instructions, per language; %s are the sheet names of
// measures, indicators, actuals, milestones, links.
var guideTexts = [4][]string{
	{
		"Anleitung: Stand der Massnahmen erfassen",
		"Diese Arbeitsmappe enthält die Massnahmen des Portfolios. Bitte den Stand per Stichtag nachführen und die Datei unverändert im Format .xlsx zurückgeben.",
		"1. Blatt «%[1]s»: eine Zeile pro Massnahme. Nachführen: Status, Fortschritt (0–100 %%), Budget ausgegeben, Aktualisiert (Datum von heute), Selbsteinschätzung. Neue Massnahmen in eine neue Zeile mit neuer ID.",
		"2. Zeile 1 nennt die Spalte, Zeile 2 die Eigenschaft in der Portfolio-Datei (JSON). Zeile 2 nicht ändern: über sie werden die Spalten gelesen. Spalten dürfen verschoben, weitere ohne Eintrag in Zeile 2 ergänzt werden.",
		"3. Auswahllisten: Status, Ziele, Verantwortlich, Handlungsfelder, Nutzniessende, Zweck und Selbsteinschätzung aus der Liste wählen. Mehrere Ziele, Handlungsfelder oder Nutzniessende: je ein Wert pro Spalte («Ziel 1», «Ziel 2», …).",
		"4. Texte: eine Spalte pro Sprache (de, fr, it, en); Deutsch ist Pflicht, die übrigen Sprachen sind freiwillig.",
		"5. Daten: als Datum (31.12.2026). Ein Monat oder ein Jahr als Text mit vorangestelltem Apostroph: '12.2026 oder '2026 (ein Monat als Ende meint den letzten Tag des Monats).",
		"6. Zahlen: ohne Währung und ohne %%; Tausender mit ' (1'200'000) oder ohne Trennzeichen, Dezimalpunkt (1200.50).",
		"7. Blätter «%[2]s» (mit den Istwerten auf «%[3]s»), «%[4]s» und «%[5]s»: eine Zeile pro Eintrag, in der ersten Spalte die ID der Massnahme.",
		"8. «Erweiterungen (JSON)» und «Leere Listen» sowie die Blätter zum Portfolio und zu den Organisationen bitte nicht ändern: sie sorgen dafür, dass beim Einlesen nichts verloren geht.",
		"9. Beim Einlesen (kompass sheet import) wird alles geprüft wie mit kompass validate; jeder Fehler nennt Blatt und Zelle, z. B. Massnahmen!F12.",
		"Ziele der Strategie",
		"Organisationen",
	},
	{
		"Mode d'emploi : saisir l'état des mesures",
		"Ce classeur contient les mesures du portefeuille. Veuillez mettre à jour l'état à la date de référence et rendre le fichier au format .xlsx.",
		"1. Feuille « %[1]s » : une ligne par mesure. À mettre à jour : statut, avancement (0–100 %%), budget dépensé, mise à jour (date du jour), auto-évaluation. Nouvelle mesure : nouvelle ligne avec un nouvel ID.",
		"2. La ligne 1 nomme la colonne, la ligne 2 la propriété dans le fichier du portefeuille (JSON). Ne pas modifier la ligne 2 : les colonnes sont lues par elle. Les colonnes peuvent être déplacées ; d'autres, sans entrée en ligne 2, ajoutées.",
		"3. Listes déroulantes : choisir statut, objectifs, responsable, champs d'action, bénéficiaires, but et auto-évaluation dans la liste. Plusieurs valeurs : une par colonne (« Objectif 1 », « Objectif 2 », …).",
		"4. Textes : une colonne par langue (de, fr, it, en) ; l'allemand est obligatoire, les autres langues facultatives.",
		"5. Dates : en date (31.12.2026). Un mois ou une année en texte précédé d'une apostrophe : '12.2026 ou '2026 (un mois comme fin désigne son dernier jour).",
		"6. Nombres : sans monnaie ni %% ; milliers avec ' (1'200'000) ou sans séparateur, point décimal (1200.50).",
		"7. Feuilles « %[2]s » (avec les valeurs sur « %[3]s »), « %[4]s » et « %[5]s » : une ligne par entrée, l'ID de la mesure en première colonne.",
		"8. Ne pas modifier « Extensions (JSON) », « Listes vides » ni les feuilles du portefeuille et des organisations : elles garantissent que rien ne se perd à l'import.",
		"9. À l'import (kompass sheet import), tout est vérifié comme avec kompass validate ; chaque erreur nomme la feuille et la cellule, p. ex. Mesures!F12.",
		"Objectifs de la stratégie",
		"Organisations",
	},
	{
		"Istruzioni: rilevare lo stato delle misure",
		"Questa cartella contiene le misure del portafoglio. Aggiornare lo stato alla data di riferimento e restituire il file in formato .xlsx.",
		"1. Foglio «%[1]s»: una riga per misura. Da aggiornare: stato, avanzamento (0–100 %%), budget speso, aggiornato (data odierna), autovalutazione. Nuova misura: nuova riga con nuovo ID.",
		"2. La riga 1 nomina la colonna, la riga 2 la proprietà nel file del portafoglio (JSON). Non modificare la riga 2: le colonne sono lette tramite essa. Le colonne si possono spostare; altre, senza voce nella riga 2, aggiungere.",
		"3. Elenchi a discesa: scegliere stato, obiettivi, responsabile, campi d'azione, beneficiari, scopo e autovalutazione dall'elenco. Più valori: uno per colonna («Obiettivo 1», «Obiettivo 2», …).",
		"4. Testi: una colonna per lingua (de, fr, it, en); il tedesco è obbligatorio, le altre lingue facoltative.",
		"5. Date: come data (31.12.2026). Un mese o un anno come testo preceduto da un apostrofo: '12.2026 o '2026 (un mese come fine indica il suo ultimo giorno).",
		"6. Numeri: senza valuta né %%; migliaia con ' (1'200'000) o senza separatore, punto decimale (1200.50).",
		"7. Fogli «%[2]s» (con i valori su «%[3]s»), «%[4]s» e «%[5]s»: una riga per voce, l'ID della misura nella prima colonna.",
		"8. Non modificare «Estensioni (JSON)», «Liste vuote» né i fogli del portafoglio e delle organizzazioni: garantiscono che nulla vada perso all'importazione.",
		"9. All'importazione (kompass sheet import) tutto è verificato come con kompass validate; ogni errore indica foglio e cella, p. es. Misure!F12.",
		"Obiettivi della strategia",
		"Organizzazioni",
	},
	{
		"Instructions: reporting the state of the measures",
		"This workbook holds the portfolio's measures. Please bring their state up to the reporting date and return the file as .xlsx.",
		"1. Sheet “%[1]s”: one row per measure. Update: status, progress (0–100 %%), budget spent, updated (today's date), self-assessment. A new measure goes in a new row with a new ID.",
		"2. Row 1 names the column, row 2 the property in the portfolio file (JSON). Do not change row 2: columns are read by it. Columns may be moved; others may be added with row 2 left empty.",
		"3. Dropdowns: choose status, goals, owner, fields, beneficiaries, purpose and self-assessment from the list. Several values: one per column (“Goal 1”, “Goal 2”, …).",
		"4. Texts: one column per language (de, fr, it, en); German is required, the others are optional.",
		"5. Dates: as a date (31.12.2026). A month or a year as text starting with an apostrophe: '12.2026 or '2026 (a month as an end means its last day).",
		"6. Numbers: no currency and no %%; thousands with ' (1'200'000) or no separator, a decimal point (1200.50).",
		"7. Sheets “%[2]s” (with their values on “%[3]s”), “%[4]s” and “%[5]s”: one row per entry, the measure's ID in the first column.",
		"8. Please leave “Extensions (JSON)”, “Empty lists” and the portfolio and organisations sheets as they are: they make sure nothing is lost on import.",
		"9. On import (kompass sheet import) everything is checked as kompass validate does; each problem names its sheet and cell, such as Measures!F12.",
		"Goals of the strategy",
		"Organisations",
	},
}

// guide writes the instructions sheet, with the goals and owners the
// dropdowns offer and what they mean.
func (e *exporter) guide(name string, p *portfolio.Portfolio, s *strategy.Strategy, goals []string, ms *sheetDef) error {
	f := e.f
	t := guideTexts[e.lang]
	title, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}})
	if err != nil {
		return err
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return err
	}
	if err := f.SetColWidth(name, "A", "A", 12); err != nil {
		return err
	}
	if err := f.SetColWidth(name, "B", "B", 95); err != nil {
		return err
	}
	if err := fitToWidth(f, name); err != nil {
		return err
	}
	row := 1
	put := func(a, b string, style int) error {
		if a != "" {
			if err := f.SetCellStr(name, fmt.Sprintf("A%d", row), a); err != nil {
				return err
			}
		}
		if b != "" {
			if err := f.SetCellStr(name, fmt.Sprintf("B%d", row), b); err != nil {
				return err
			}
		}
		if style != 0 {
			if err := f.SetCellStyle(name, fmt.Sprintf("A%d", row), fmt.Sprintf("B%d", row), style); err != nil {
				return err
			}
		}
		row++
		return nil
	}
	if err := put("", t[0], title); err != nil {
		return err
	}
	row++
	names := []any{ms.name(e.lang), indicatorSheet.name(e.lang), actualSheet.name(e.lang), milestoneSheet.name(e.lang), linkSheet.name(e.lang)}
	for _, line := range t[1:11] {
		if strings.Contains(line, "%[") {
			line = fmt.Sprintf(line, names...)
		} else {
			line = strings.ReplaceAll(line, "%%", "%")
		}
		if err := put("", line, e.wrap); err != nil {
			return err
		}
		// Wrapped text: about 100 characters a line at this width.
		_ = f.SetRowHeight(name, row-1, float64(15*(1+len([]rune(line))/100)))
	}
	row++
	if err := put("", t[11], bold); err != nil {
		return err
	}
	lang := Languages[e.lang]
	for _, g := range goals {
		text := ""
		if s != nil {
			if goal, _, ok := s.Goal(strategy.ID(g)); ok {
				text = goal.Title.In(lang)
			}
		}
		if err := put(g, text, 0); err != nil {
			return err
		}
	}
	row++
	if err := put("", t[12], bold); err != nil {
		return err
	}
	for _, o := range p.Organisations {
		if err := put(string(o.ID), o.Name.In(lang), 0); err != nil {
			return err
		}
	}
	return nil
}

// fitToWidth prints a sheet landscape, as wide as one page.
func fitToWidth(f *excelize.File, sheet string) error {
	landscape, one, any := "landscape", 1, 0
	fit := true
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	return f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Orientation: &landscape, FitToWidth: &one, FitToHeight: &any})
}
