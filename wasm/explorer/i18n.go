package explorer

import (
	"sort"
	"strings"
)

// messages holds every UI text in de, fr, it and en (the order of Langs).
// Placeholders are {name}; every language uses the same ones.
var messages = map[string][4]string{
	"widget.label":                {"Strategie-Explorer", "Explorateur de la stratégie", "Esploratore della strategia", "Strategy explorer"},
	"tab.goals":                   {"Strategie", "Stratégie", "Strategia", "Strategy"},
	"tab.measures":                {"Massnahmen", "Mesures", "Misure", "Measures"},
	"tab.timeline":                {"Zeitplan", "Calendrier", "Cronologia", "Timeline"},
	"views":                       {"Ansichten", "Vues", "Viste", "Views"},
	"filters":                     {"Filter", "Filtres", "Filtri", "Filters"},
	"filters.of":                  {"Filter: {title}", "Filtres : {title}", "Filtri: {title}", "Filters: {title}"},
	"filter.focusArea":            {"Schwerpunkt", "Axe prioritaire", "Ambito prioritario", "Focus area"},
	"filter.goal":                 {"Ziel", "Objectif", "Obiettivo", "Goal"},
	"filter.field":                {"Handlungsfeld", "Champ d’action", "Campo d’azione", "Field"},
	"filter.benef":                {"Nutzende", "Bénéficiaires", "Beneficiari", "Beneficiaries"},
	"filter.owner":                {"Zuständig", "Responsable", "Responsabile", "Owner"},
	"filter.status":               {"Status", "Statut", "Stato", "Status"},
	"filter.query":                {"Suche", "Recherche", "Ricerca", "Search"},
	"filter.all":                  {"Alle", "Tous", "Tutti", "All"},
	"filter.reset":                {"Filter zurücksetzen", "Réinitialiser les filtres", "Reimposta i filtri", "Reset filters"},
	"count":                       {"{n} von {m} Massnahmen", "{n} mesures sur {m}", "{n} di {m} misure", "{n} of {m} measures"},
	"none":                        {"Keine Massnahme entspricht den Filtern.", "Aucune mesure ne correspond aux filtres.", "Nessuna misura corrisponde ai filtri.", "No measure matches the filters."},
	"asOf":                        {"Stand {date}", "État au {date}", "Stato al {date}", "As of {date}"},
	"progress":                    {"Fortschritt", "Avancement", "Avanzamento", "Progress"},
	"progress.none":               {"kein Fortschritt (keine Massnahmen)", "pas d’avancement (aucune mesure)", "nessun avanzamento (nessuna misura)", "no progress (no measures)"},
	"planned":                     {"Soll {p}", "Prévu {p}", "Previsto {p}", "Planned {p}"},
	"coverage":                    {"{c} von {t} Zielen mit Massnahmen", "{c} objectifs sur {t} avec mesures", "{c} di {t} obiettivi con misure", "{c} of {t} goals with measures"},
	"fte":                         {"Entlastung: {e} FTE erwartet, {r} FTE realisiert", "Allègement : {e} EPT attendus, {r} EPT réalisés", "Sgravio: {e} ETP attesi, {r} ETP realizzati", "Relief: {e} FTE expected, {r} FTE realized"},
	"fte.one":                     {"Entlastung: {e} FTE", "Allègement : {e} EPT", "Sgravio: {e} ETP", "Relief: {e} FTE"},
	"budget":                      {"Budget", "Budget", "Budget", "Budget"},
	"budget.line":                 {"{planned} geplant, {spent} ausgegeben", "{planned} prévus, {spent} dépensés", "{planned} previsti, {spent} spesi", "{planned} planned, {spent} spent"},
	"budget.cpi":                  {"Kosteneffizienz (CPI) {cpi}", "Efficacité des coûts (CPI) {cpi}", "Efficienza dei costi (CPI) {cpi}", "Cost performance (CPI) {cpi}"},
	"budget.cpi.none":             {"Kosteneffizienz (CPI) –", "Efficacité des coûts (CPI) –", "Efficienza dei costi (CPI) –", "Cost performance (CPI) –"},
	"goals":                       {"Ziele", "Objectifs", "Obiettivi", "Goals"},
	"measures":                    {"Massnahmen", "Mesures", "Misure", "Measures"},
	"measures.count":              {"{n} Massnahmen", "{n} mesures", "{n} misure", "{n} measures"},
	"duration":                    {"Dauer", "Durée", "Durata", "Duration"},
	"owner":                       {"Zuständig", "Responsable", "Responsabile", "Owner"},
	"fields":                      {"Felder", "Champs", "Campi", "Fields"},
	"beneficiaries":               {"Nutzende", "Bénéficiaires", "Beneficiari", "Beneficiaries"},
	"details":                     {"Details zu «{title}»", "Détails de « {title} »", "Dettagli su «{title}»", "Details of “{title}”"},
	"details.short":               {"Details", "Détails", "Dettagli", "Details"},
	"close":                       {"Schliessen", "Fermer", "Chiudi", "Close"},
	"before":                      {"Bisher", "Jusqu’ici", "Finora", "Before"},
	"after":                       {"In Zukunft", "À l’avenir", "In futuro", "In future"},
	"indicators":                  {"Indikatoren", "Indicateurs", "Indicatori", "Indicators"},
	"indicator.line":              {"Zielerreichung {a}, erwartet {e}", "Atteinte {a}, attendu {e}", "Raggiungimento {a}, previsto {e}", "Achievement {a}, expected {e}"},
	"indicator.values":            {"Ausgangswert {b}, Ziel {t}, zuletzt {l}", "Valeur initiale {b}, cible {t}, dernière {l}", "Valore iniziale {b}, obiettivo {t}, ultimo {l}", "Baseline {b}, target {t}, latest {l}"},
	"milestones":                  {"Meilensteine", "Jalons", "Tappe", "Milestones"},
	"milestone.done":              {"erreicht", "atteint", "raggiunta", "reached"},
	"milestone.open":              {"offen", "ouvert", "aperta", "open"},
	"links":                       {"Weitere Informationen", "Plus d’informations", "Ulteriori informazioni", "More information"},
	"stale":                       {"Veraltet: Zahlen zuletzt am {date} aktualisiert", "Obsolète : chiffres mis à jour le {date}", "Obsoleto: cifre aggiornate il {date}", "Stale: figures last updated {date}"},
	"stale.never":                 {"Veraltet: Zahlen nie aktualisiert", "Obsolète : chiffres jamais mis à jour", "Obsoleto: cifre mai aggiornate", "Stale: figures never updated"},
	"divergent":                   {"Selbsteinschätzung «{self}» ist besser als berechnet", "L’autoévaluation « {self} » est meilleure que le calcul", "L’autovalutazione «{self}» è migliore del calcolo", "Self-assessment “{self}” is better than computed"},
	"dependsOn":                   {"Hängt ab von", "Dépend de", "Dipende da", "Depends on"},
	"purpose":                     {"Zweck", "But", "Scopo", "Purpose"},
	"explain":                     {"Wie wird das berechnet?", "Comment est-ce calculé ?", "Come viene calcolato?", "How is this computed?"},
	"explain.measure":             {"Massnahme", "Mesure", "Misura", "Measure"},
	"explain.weight":              {"Gewicht", "Poids", "Peso", "Weight"},
	"explain.progress":            {"Fortschritt", "Avancement", "Avanzamento", "Progress"},
	"explain.formula":             {"Formel", "Formule", "Formula", "Formula"},
	"explain.goal":                {"Fortschritt des Ziels = Σ(Gewicht × Fortschritt) / Σ Gewicht über seine Massnahmen (ohne abgebrochene).", "Avancement de l’objectif = Σ(poids × avancement) / Σ poids de ses mesures (sans les annulées).", "Avanzamento dell’obiettivo = Σ(peso × avanzamento) / Σ peso delle sue misure (escluse le annullate).", "Goal progress = Σ(weight × progress) / Σ weight over its measures (cancelled ones left out)."},
	"explain.area":                {"Fortschritt des Schwerpunkts = Mittelwert seiner Ziele mit Fortschritt.", "Avancement de l’axe = moyenne de ses objectifs ayant un avancement.", "Avanzamento dell’ambito = media dei suoi obiettivi con avanzamento.", "Focus-area progress = mean of its goals that have progress."},
	"explain.strategy":            {"Fortschritt der Strategie = Mittelwert der Schwerpunkte mit Fortschritt.", "Avancement de la stratégie = moyenne des axes ayant un avancement.", "Avanzamento della strategia = media degli ambiti con avanzamento.", "Strategy progress = mean of the focus areas that have progress."},
	"explain.part":                {"Teil", "Élément", "Elemento", "Part"},
	"timeline.label":              {"Zeitplan der Massnahmen mit Linie beim Stichtag", "Calendrier des mesures avec une ligne à la date de référence", "Cronologia delle misure con una linea alla data di riferimento", "Timeline of the measures with a line at the reference date"},
	"loading":                     {"Daten werden geladen …", "Chargement des données …", "Caricamento dei dati …", "Loading data …"},
	"error.title":                 {"Die Daten konnten nicht angezeigt werden.", "Les données n’ont pas pu être affichées.", "Non è stato possibile visualizzare i dati.", "The data could not be shown."},
	"error.http":                  {"{url}: Der Server antwortete mit HTTP {status}.", "{url} : le serveur a répondu HTTP {status}.", "{url}: il server ha risposto HTTP {status}.", "{url}: the server answered HTTP {status}."},
	"error.network":               {"{url}: Abruf fehlgeschlagen ({reason}).", "{url} : échec du chargement ({reason}).", "{url}: caricamento non riuscito ({reason}).", "{url}: fetch failed ({reason})."},
	"error.invalid":               {"{url} enthält ungültige Daten:", "{url} contient des données invalides :", "{url} contiene dati non validi:", "{url} holds invalid data:"},
	"error.compute":               {"Die Auswertung schlug fehl: {reason}", "L’évaluation a échoué : {reason}", "La valutazione non è riuscita: {reason}", "The evaluation failed: {reason}"},
	"embedded":                    {"Beispieldaten", "Données d’exemple", "Dati di esempio", "example data"},
	"cancelled.list":              {"Abgebrochene Massnahmen", "Mesures annulées", "Misure annullate", "Cancelled measures"},
	"more":                        {"{n} weitere anzeigen", "Afficher {n} de plus", "Mostra altre {n}", "Show {n} more"},
	"shown":                       {"{n} von {m} angezeigt", "{n} affichées sur {m}", "{n} di {m} visualizzate", "{n} of {m} shown"},
	"status.late":                 {"Verzögert", "En retard", "In ritardo", "Late"},
	"status.at-risk":              {"Gefährdet", "Menacé", "A rischio", "At risk"},
	"status.on-track":             {"Auf Kurs", "Dans les temps", "In linea", "On track"},
	"status.not-started":          {"Nicht gestartet", "Pas commencé", "Non iniziato", "Not started"},
	"status.done":                 {"Abgeschlossen", "Terminé", "Concluso", "Done"},
	"status.cancelled":            {"Abgebrochen", "Annulé", "Annullato", "Cancelled"},
	"status.uncovered":            {"Ohne Massnahmen", "Sans mesure", "Senza misure", "No measures"},
	"rating.on-track":             {"auf Kurs", "dans les temps", "in linea", "on track"},
	"rating.at-risk":              {"gefährdet", "menacé", "a rischio", "at risk"},
	"rating.late":                 {"verzögert", "en retard", "in ritardo", "late"},
	"field.processes":             {"Prozesse", "Processus", "Processi", "Processes"},
	"field.competences":           {"Kompetenzen", "Compétences", "Competenze", "Competences"},
	"field.culture":               {"Kultur", "Culture", "Cultura", "Culture"},
	"field.technology":            {"Technologie", "Technologie", "Tecnologia", "Technology"},
	"field.services":              {"Leistungen", "Prestations", "Prestazioni", "Services"},
	"field.data":                  {"Daten", "Données", "Dati", "Data"},
	"field.law":                   {"Recht", "Droit", "Diritto", "Law"},
	"benef.population":            {"Bevölkerung", "Population", "Popolazione", "Population"},
	"benef.business":              {"Wirtschaft", "Économie", "Economia", "Business"},
	"benef.staff":                 {"Mitarbeitende", "Personnel", "Personale", "Staff"},
	"purpose.effectiveness":       {"Wirksamere Verwaltung", "Administration plus efficace", "Amministrazione più efficace", "More effective administration"},
	"purpose.service-efficiency":  {"Effizientere Dienstleistungen", "Prestations plus efficientes", "Servizi più efficienti", "More efficient services"},
	"purpose.fewer-visits":        {"Weniger Behördengänge", "Moins de déplacements", "Meno visite agli uffici", "Fewer visits to offices"},
	"purpose.internal-efficiency": {"Effizientere interne Abläufe", "Processus internes plus efficients", "Processi interni più efficienti", "More efficient internal processes"},
}

// Msg returns the UI text key in lang with its {name} placeholders replaced
// by the values that follow in name, value pairs. An unknown key returns
// the key itself, so a mistake shows instead of vanishing.
func Msg(lang, key string, pairs ...string) string {
	m, ok := messages[key]
	if !ok {
		return key
	}
	i := 0
	for j, l := range Langs {
		if l == lang {
			i = j
		}
	}
	s := m[i]
	for k := 0; k+1 < len(pairs); k += 2 {
		s = strings.ReplaceAll(s, "{"+pairs[k]+"}", pairs[k+1])
	}
	return s
}

// MessageKeys lists every UI text key, sorted.
func MessageKeys() []string {
	keys := make([]string, 0, len(messages))
	for k := range messages {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
