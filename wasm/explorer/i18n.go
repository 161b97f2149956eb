package explorer

import (
	"sort"
	"strconv"
	"strings"
)

// messages holds every UI text in de, fr, it and en (the order of Langs).
//
// Placeholders are {name}; every language uses the same ones. A plural is
// {name:one|other}: the form is chosen by the number in placeholder name
// and the language's rule (see pluralOne), so "{n} {n:Massnahme|Massnahmen}"
// reads "1 Massnahme" and "2 Massnahmen", and French "0 mesure". French
// texts are written with a plain space before : ; ? ! % and » and after «;
// Msg turns it into a no-break space.
//
// Words that the html report also uses (statuses, "Soll", "Verantwortlich",
// the purposes of interpellation 2024/188) are the report's words; a test
// keeps them in step with controlling/report.
var messages = map[string][4]string{
	"widget.label":     {"Strategie-Explorer", "Explorateur de la stratégie", "Esploratore della strategia", "Strategy explorer"},
	"tab.goals":        {"Strategie", "Stratégie", "Strategia", "Strategy"},
	"tab.measures":     {"Massnahmen", "Mesures", "Misure", "Measures"},
	"tab.timeline":     {"Zeitplan", "Calendrier", "Calendario", "Timeline"},
	"views":            {"Ansichten", "Vues", "Viste", "Views"},
	"filters.button":   {"Filter ({n})", "Filtres ({n})", "Filtri ({n})", "Filters ({n})"},
	"filters.of":       {"Filter: {title}", "Filtres : {title}", "Filtri: {title}", "Filters: {title}"},
	"filter.focusArea": {"Schwerpunkt", "Axe prioritaire", "Ambito prioritario", "Focus area"},
	"filter.goal":      {"Ziel", "Objectif", "Obiettivo", "Goal"},
	"filter.field":     {"Handlungsfeld", "Champ d’action", "Campo d’azione", "Field of action"},
	"filter.benef":     {"Nutzende", "Bénéficiaires", "Beneficiari", "Beneficiaries"},
	"filter.owner":     {"Verantwortlich", "Responsable", "Responsabile", "Owner"},
	"filter.status":    {"Status", "Statut", "Stato", "Status"},
	"filter.query":     {"Suche", "Recherche", "Ricerca", "Search"},
	"filter.all":       {"Alle", "Tous", "Tutti", "All"},
	"filter.reset":     {"Filter zurücksetzen", "Réinitialiser les filtres", "Reimposta i filtri", "Reset filters"},
	"count":            {"{n} von {m} {m:Massnahme|Massnahmen}", "{n} {n:mesure|mesures} sur {m}", "{n} di {m} {m:misura|misure}", "{n} of {m} {m:measure|measures}"},
	"none":             {"Keine Massnahme entspricht den Filtern.", "Aucune mesure ne correspond aux filtres.", "Nessuna misura corrisponde ai filtri.", "No measure matches the filters."},
	"asOf":             {"Stand {date}", "État au {date}", "Stato al {date}", "As of {date}"},
	"progress":         {"Fortschritt", "Avancement", "Avanzamento", "Progress"},
	"progress.of":      {"Fortschritt: {title}", "Avancement : {title}", "Avanzamento: {title}", "Progress: {title}"},
	"progress.none":    {"noch kein Fortschritt", "pas encore d’avancement", "ancora nessun avanzamento", "no progress yet"},
	"planned":          {"Soll {p}", "Prévu {p}", "Previsto {p}", "Planned {p}"},
	"coverage":         {"{c} von {t} {t:Ziel|Zielen} mit Massnahmen", "{c} {c:objectif|objectifs} sur {t} avec mesures", "{c} di {t} {t:obiettivo|obiettivi} con misure", "{c} of {t} {t:goal|goals} with measures"},
	"stale.count":      {"{n} von {m} {m:Massnahme|Massnahmen} seit über 6 Monaten nicht nachgeführt", "{n} {n:mesure|mesures} sur {m} non {n:actualisée|actualisées} depuis plus de 6 mois", "{n} di {m} {m:misura|misure} non {n:aggiornata|aggiornate} da oltre 6 mesi", "{n} of {m} {m:measure|measures} not updated for over 6 months"},
	"fte":              {"Eingesparte Vollzeitstellen (erwartet / realisiert): {e} / {r}", "Postes à plein temps économisés (attendus / réalisés) : {e} / {r}", "Posti a tempo pieno risparmiati (attesi / realizzati): {e} / {r}", "Full-time posts saved (expected / realized): {e} / {r}"},
	"fte.one":          {"Eingesparte Stellen erwartet: {e}", "Postes économisés attendus : {e}", "Posti risparmiati attesi: {e}", "Posts saved, expected: {e}"},
	"budget.line":      {"Budget: {planned} geplant, {spent} ausgegeben", "Budget : {planned} prévus, {spent} dépensés", "Budget: {planned} previsti, {spent} spesi", "Budget: {planned} planned, {spent} spent"},
	"budget.cpi":       {"CPI\u00a0{cpi}", "CPI\u00a0{cpi}", "CPI\u00a0{cpi}", "CPI\u00a0{cpi}"},
	"goals":            {"Ziele", "Objectifs", "Obiettivi", "Goals"},
	"measures":         {"Massnahmen", "Mesures", "Misure", "Measures"},
	"measures.count":   {"{n} {n:Massnahme|Massnahmen}", "{n} {n:mesure|mesures}", "{n} {n:misura|misure}", "{n} {n:measure|measures}"},
	"duration":         {"Dauer", "Durée", "Durata", "Duration"},
	"owner":            {"Verantwortlich", "Responsable", "Responsabile", "Owner"},
	"fields":           {"Handlungsfelder", "Champs d’action", "Campi d’azione", "Fields of action"},
	"beneficiaries":    {"Nutzende", "Bénéficiaires", "Beneficiari", "Beneficiaries"},
	"details":          {"Details zu «{title}»", "Détails de « {title} »", "Dettagli su «{title}»", "Details of “{title}”"},
	"details.short":    {"Details", "Détails", "Dettagli", "Details"},
	"details.hide":     {"Details schliessen", "Fermer les détails", "Chiudi i dettagli", "Hide details"},
	"close":            {"Schliessen", "Fermer", "Chiudi", "Close"},
	"summary":          {"Worum es geht", "De quoi s’agit-il ?", "Di che cosa si tratta", "What it is about"},
	"before":           {"Bisher", "Jusqu’ici", "Finora", "Before"},
	"after":            {"In Zukunft", "À l’avenir", "In futuro", "In future"},
	"indicators":       {"Indikatoren", "Indicateurs", "Indicatori", "Indicators"},
	"indicator.line":   {"Zielerreichung {a}, erwartet {e}", "Atteinte {a}, attendue {e}", "Raggiungimento {a}, previsto {e}", "Achievement {a}, expected {e}"},
	"indicator.values": {"Ausgangswert {b}, Ziel {t}, zuletzt {l}", "Valeur initiale {b}, cible {t}, dernière valeur {l}", "Valore iniziale {b}, obiettivo {t}, ultimo {l}", "Baseline {b}, target {t}, latest {l}"},
	"money":            {"Budget und Entlastung", "Budget et allègement", "Budget e sgravio", "Budget and relief"},
	"milestones":       {"Meilensteine", "Jalons", "Tappe", "Milestones"},
	"milestone.done":   {"erreicht", "atteint", "raggiunta", "reached"},
	"milestone.open":   {"offen", "ouvert", "aperta", "open"},
	"milestone.line":   {"{date}: {title}", "{date} : {title}", "{date}: {title}", "{date}: {title}"},
	"links":            {"Weitere Informationen", "Plus d’informations", "Ulteriori informazioni", "More information"},
	"stale":            {"Veraltet: zuletzt nachgeführt am {date}", "Non actualisé : mis à jour le {date}", "Non aggiornato: aggiornato il {date}", "Stale: last updated {date}"},
	"stale.never":      {"Veraltet: nie nachgeführt", "Non actualisé : jamais mis à jour", "Non aggiornato: mai aggiornato", "Stale: never updated"},
	"divergent":        {"Selbsteinschätzung «{self}» ist besser als berechnet", "L’autoévaluation « {self} » est meilleure que le calcul", "L’autovalutazione «{self}» è migliore del calcolo", "Self-assessment “{self}” is better than computed"},
	"dependsOn":        {"Hängt ab von: {names}", "Dépend de : {names}", "Dipende da: {names}", "Depends on: {names}"},
	"purpose":          {"Zweck: {purpose}", "Finalité : {purpose}", "Finalità: {purpose}", "Purpose: {purpose}"},
	"chips":            {"{label}:", "{label} :", "{label}:", "{label}:"},

	"explain":               {"Wie wird das berechnet?", "Comment est-ce calculé ?", "Come viene calcolato?", "How is this computed?"},
	"explain.title":         {"So entsteht die Zahl", "D’où vient ce chiffre", "Da dove viene la cifra", "Where the figure comes from"},
	"explain.goal":          {"Der Fortschritt des Ziels ist der gewichtete Durchschnitt des Fortschritts seiner {n} {n:Massnahme|Massnahmen}: Eine Massnahme mit doppeltem Gewicht zählt doppelt.", "L’avancement de l’objectif est la moyenne pondérée de l’avancement de ses mesures ({n}) : une mesure de poids double compte double.", "L’avanzamento dell’obiettivo è la media ponderata dell’avanzamento delle sue misure ({n}): una misura con peso doppio conta il doppio.", "The goal’s progress is the weighted average of the progress of its {n} {n:measure|measures}: a measure with twice the weight counts twice."},
	"explain.area":          {"Der Fortschritt des Schwerpunkts ist der einfache Durchschnitt seiner Ziele mit Massnahmen ({n}): Jedes Ziel zählt gleich viel.", "L’avancement de l’axe prioritaire est la moyenne simple de ses objectifs ayant des mesures ({n}) : chaque objectif compte autant.", "L’avanzamento dell’ambito prioritario è la media semplice dei suoi obiettivi con misure ({n}): ogni obiettivo conta allo stesso modo.", "The focus area’s progress is the simple average of its goals with measures ({n}): each goal counts the same."},
	"explain.strategy":      {"Der Fortschritt der Strategie ist der einfache Durchschnitt ihrer Schwerpunkte mit Massnahmen ({n}): Jeder Schwerpunkt zählt gleich viel.", "L’avancement de la stratégie est la moyenne simple de ses axes prioritaires ayant des mesures ({n}) : chaque axe compte autant.", "L’avanzamento della strategia è la media semplice dei suoi ambiti prioritari con misure ({n}): ogni ambito conta allo stesso modo.", "The strategy’s progress is the simple average of its focus areas with measures ({n}): each focus area counts the same."},
	"explain.nothing":       {"Noch keine Massnahme trägt zu dieser Zahl bei.", "Aucune mesure ne contribue encore à ce chiffre.", "Nessuna misura contribuisce ancora a questa cifra.", "No measure contributes to this figure yet."},
	"explain.result":        {"Ergebnis: {p}.", "Résultat : {p}.", "Risultato: {p}.", "Result: {p}."},
	"explain.table":         {"Berechnung im Einzelnen", "Détail du calcul", "Dettaglio del calcolo", "Calculation in detail"},
	"explain.col.measure":   {"Massnahme", "Mesure", "Misura", "Measure"},
	"explain.col.goal":      {"Ziel", "Objectif", "Obiettivo", "Goal"},
	"explain.col.area":      {"Schwerpunkt", "Axe prioritaire", "Ambito prioritario", "Focus area"},
	"explain.col.weight":    {"Gewicht", "Poids", "Peso", "Weight"},
	"explain.col.planned":   {"Soll", "Prévu", "Previsto", "Planned"},
	"explain.left.none":     {"Abgebrochene Massnahmen und Ziele ohne Massnahmen zählen nie mit; hier gibt es keine.", "Les mesures annulées et les objectifs sans mesure ne comptent jamais ; il n’y en a pas ici.", "Le misure annullate e gli obiettivi senza misure non contano mai; qui non ce ne sono.", "Cancelled measures and goals without measures never count; there are none here."},
	"explain.left.cancel":   {"Nicht eingerechnet: {n} abgebrochene {n:Massnahme|Massnahmen} ({names}).", "Non prises en compte : {n} {n:mesure annulée|mesures annulées} ({names}).", "Non conteggiate: {n} {n:misura annullata|misure annullate} ({names}).", "Left out: {n} cancelled {n:measure|measures} ({names})."},
	"explain.left.goals":    {"Nicht eingerechnet: {n} {n:Ziel|Ziele} ohne Massnahmen ({names}).", "Non pris en compte : {n} {n:objectif|objectifs} sans mesure ({names}).", "Non conteggiati: {n} {n:obiettivo|obiettivi} senza misure ({names}).", "Left out: {n} {n:goal|goals} without measures ({names})."},
	"explain.left.areas":    {"Nicht eingerechnet: {n} {n:Schwerpunkt|Schwerpunkte} ohne Massnahmen ({names}).", "Non pris en compte : {n} {n:axe|axes} sans mesure ({names}).", "Non conteggiati: {n} {n:ambito|ambiti} senza misure ({names}).", "Left out: {n} {n:focus area|focus areas} without measures ({names})."},
	"explain.status":        {"Der Status «{status}» ist der schlechteste Status unter den Massnahmen, die hier mitzählen.", "Le statut « {status} » est le moins bon parmi les mesures prises en compte ici.", "Lo stato «{status}» è il peggiore tra le misure conteggiate qui.", "The status “{status}” is the worst among the measures counted here."},
	"explain.status.which":  {"Deshalb: {names}.", "En cause : {names}.", "Ne sono la causa: {names}.", "Because of: {names}."},
	"explain.status.none":   {"Ohne laufende Massnahmen hat diese Zahl keinen Status.", "Sans mesure en cours, ce chiffre n’a pas de statut.", "Senza misure in corso, questa cifra non ha uno stato.", "Without measures under way this figure has no status."},
	"explain.why.late":      {"«Im Verzug» heisst: mehr als 25 Prozentpunkte hinter dem Soll, oder nach dem Enddatum nicht abgeschlossen.", "« En retard » signifie : plus de 25 points de pourcentage derrière le prévu, ou non terminée après la date de fin.", "«In ritardo» significa: oltre 25 punti percentuali dietro il previsto, o non conclusa dopo la data di fine.", "“Late” means more than 25 percentage points behind plan, or not done after its end date."},
	"explain.why.at-risk":   {"«Gefährdet» heisst: 10 bis 25 Prozentpunkte hinter dem Soll.", "« À risque » signifie : 10 à 25 points de pourcentage derrière le prévu.", "«A rischio» significa: da 10 a 25 punti percentuali dietro il previsto.", "“At risk” means 10 to 25 percentage points behind plan."},
	"explain.why.on-track":  {"«Auf Kurs» heisst: höchstens 10 Prozentpunkte hinter dem Soll.", "« Dans les temps » signifie : au plus 10 points de pourcentage derrière le prévu.", "«Nei tempi» significa: al massimo 10 punti percentuali dietro il previsto.", "“On track” means at most 10 percentage points behind plan."},
	"explain.terms":         {"Begriffe", "Termes", "Termini", "Terms"},
	"term.planned":          {"Soll", "Prévu", "Previsto", "Planned"},
	"term.planned.text":     {"der Fortschritt, den eine Massnahme am Stichtag erreicht haben sollte, gleichmässig über ihre Dauer verteilt.", "l’avancement qu’une mesure devrait avoir atteint à la date de référence, réparti uniformément sur sa durée.", "l’avanzamento che una misura dovrebbe aver raggiunto alla data di riferimento, distribuito uniformemente sulla sua durata.", "the progress a measure should have reached by the reference date, spread evenly over its duration."},
	"term.cpi":              {"CPI", "CPI", "CPI", "CPI"},
	"term.cpi.text":         {"Kosteneffizienz: Wert der geleisteten Arbeit (Budget mal Fortschritt) geteilt durch das ausgegebene Geld. 1 heisst wie geplant, unter 1 teurer als geplant.", "efficacité des coûts : valeur du travail accompli (budget fois avancement) divisée par l’argent dépensé. 1 signifie conforme au plan, moins de 1 plus cher que prévu.", "efficienza dei costi: valore del lavoro svolto (budget per avanzamento) diviso per il denaro speso. 1 significa come previsto, meno di 1 più caro del previsto.", "cost performance: the value of the work done (budget times progress) divided by the money spent. 1 means as planned, below 1 costlier than planned."},
	"term.fte":              {"FTE", "EPT", "ETP", "FTE"},
	"term.fte.text":         {"eingesparte Vollzeitstellen (42-Stunden-Woche); «erwartet» zählt alle Massnahmen, «realisiert» nur abgeschlossene.", "postes à plein temps économisés (semaine de 42 heures) ; « attendus » compte toutes les mesures, « réalisés » seulement les terminées.", "posti a tempo pieno risparmiati (settimana di 42 ore); «attesi» conta tutte le misure, «realizzati» solo quelle concluse.", "full-time positions saved (42-hour week); “expected” counts all measures, “realized” only completed ones."},
	"term.stale":            {"Veraltet", "Non actualisé", "Non aggiornato", "Stale"},
	"term.stale.text":       {"Zahlen, die seit über 6 Monaten nicht nachgeführt wurden; sie zählen trotzdem mit.", "chiffres non mis à jour depuis plus de 6 mois ; ils sont tout de même pris en compte.", "cifre non aggiornate da oltre 6 mesi; sono comunque conteggiate.", "figures not updated for over 6 months; they still count."},
	"timeline.label":        {"Zeitplan der Massnahmen", "Calendrier des mesures", "Calendario delle misure", "Timeline of the measures"},
	"legend":                {"Legende", "Légende", "Legenda", "Legend"},
	"legend.progress":       {"erreichter Fortschritt", "avancement atteint", "avanzamento raggiunto", "progress reached"},
	"legend.asOf":           {"Stichtag", "Date de référence", "Data di riferimento", "Reference date"},
	"group.other":           {"Ohne Schwerpunkt", "Sans axe prioritaire", "Senza ambito prioritario", "No focus area"},
	"loading":               {"Daten werden geladen …", "Chargement des données …", "Caricamento dei dati …", "Loading data …"},
	"embedded":              {"Beispieldaten", "Données d’exemple", "Dati di esempio", "Example data"},
	"cancelled.list":        {"Abgebrochene Massnahmen", "Mesures annulées", "Misure annullate", "Cancelled measures"},
	"more":                  {"{n} weitere anzeigen", "Afficher {n} de plus", "Mostra altre {n}", "Show {n} more"},
	"shown":                 {"{n} von {m} angezeigt", "{n} sur {m} {n:affichée|affichées}", "{n} di {m} {n:visualizzata|visualizzate}", "{n} of {m} shown"},
	"status.late":           {"Im Verzug", "En retard", "In ritardo", "Late"},
	"status.at-risk":        {"Gefährdet", "À risque", "A rischio", "At risk"},
	"status.on-track":       {"Auf Kurs", "Dans les temps", "Nei tempi", "On track"},
	"status.not-started":    {"Nicht begonnen", "Pas commencé", "Non iniziato", "Not started"},
	"status.done":           {"Abgeschlossen", "Terminé", "Concluso", "Done"},
	"status.cancelled":      {"Abgebrochen", "Annulé", "Annullato", "Cancelled"},
	"status.uncovered":      {"Nicht abgedeckt", "Non couvert", "Non coperto", "Uncovered"},
	"rating.on-track":       {"auf Kurs", "dans les temps", "nei tempi", "on track"},
	"rating.at-risk":        {"gefährdet", "à risque", "a rischio", "at risk"},
	"rating.late":           {"im Verzug", "en retard", "in ritardo", "late"},
	"field.processes":       {"Prozesse", "Processus", "Processi", "Processes"},
	"field.competences":     {"Kompetenzen", "Compétences", "Competenze", "Competences"},
	"field.culture":         {"Kultur", "Culture", "Cultura", "Culture"},
	"field.technology":      {"Technologie", "Technologie", "Tecnologia", "Technology"},
	"field.services":        {"Leistungen", "Prestations", "Prestazioni", "Services"},
	"field.data":            {"Daten", "Données", "Dati", "Data"},
	"field.law":             {"Recht", "Droit", "Diritto", "Law"},
	"benef.population":      {"Bevölkerung", "Population", "Popolazione", "Population"},
	"benef.business":        {"Wirtschaft", "Économie", "Economia", "Business"},
	"benef.staff":           {"Mitarbeitende", "Personnel", "Personale", "Staff"},
	"purpose.effectiveness": {"a) Wirksamkeit der Behördenleistungen", "a) Efficacité des prestations des autorités", "a) Efficacia delle prestazioni delle autorità", "a) Effectiveness of public services"},
	"purpose.service-efficiency": {"b) Effizienz der Leistungen für Bevölkerung und Wirtschaft", "b) Efficience des prestations pour la population et l’économie", "b) Efficienza delle prestazioni per popolazione ed economia",
		"b) More efficient services for the public and business"},
	"purpose.fewer-visits":        {"c) Weniger Behördengänge", "c) Moins de démarches auprès des autorités", "c) Meno pratiche presso le autorità", "c) Fewer visits to offices"},
	"purpose.internal-efficiency": {"d) Effizienz der internen Leistungserstellung", "d) Efficience de la production interne des prestations", "d) Efficienza della produzione interna delle prestazioni", "d) More efficient internal processes"},
}

// langIndex is the position of lang in Langs; unknown languages are German.
func langIndex(lang string) int {
	for j, l := range Langs {
		if l == lang {
			return j
		}
	}
	return 0
}

// Msg returns the UI text key in lang with its {name} placeholders replaced
// by the values that follow in name, value pairs, and its plurals
// {name:one|other} chosen by the number in name. An unknown key returns the
// key itself, so a mistake shows instead of vanishing. French texts get a
// no-break space before : ; ? ! and inside « ».
func Msg(lang, key string, pairs ...string) string {
	m, ok := messages[key]
	if !ok {
		return key
	}
	i := langIndex(lang)
	s := m[i]
	if strings.Contains(s, ":") && strings.Contains(s, "|") {
		s = plurals(Langs[i], s, pairs)
	}
	if Langs[i] == "fr" {
		s = frenchSpaces(s)
	}
	for k := 0; k+1 < len(pairs); k += 2 {
		s = strings.ReplaceAll(s, "{"+pairs[k]+"}", pairs[k+1])
	}
	return s
}

// plurals replaces each {name:one|other} in s by the form the number in
// placeholder name takes in lang. A name without a number takes other.
func plurals(lang, s string, pairs []string) string {
	var b strings.Builder
	for {
		open := strings.IndexByte(s, '{')
		if open < 0 {
			break
		}
		end := strings.IndexByte(s[open:], '}')
		if end < 0 {
			break
		}
		inner := s[open+1 : open+end]
		name, forms, isPlural := strings.Cut(inner, ":")
		one, other, hasBar := strings.Cut(forms, "|")
		if !isPlural || !hasBar {
			b.WriteString(s[:open+end+1])
			s = s[open+end+1:]
			continue
		}
		b.WriteString(s[:open])
		form := other
		for k := 0; k+1 < len(pairs); k += 2 {
			if pairs[k] == name {
				if n, err := strconv.Atoi(pairs[k+1]); err == nil && pluralOne(lang, n) {
					form = one
				}
			}
		}
		b.WriteString(form)
		s = s[open+end+1:]
	}
	b.WriteString(s)
	return b.String()
}

// pluralOne reports whether n takes the singular in lang: 0 and 1 in
// French, 1 in German, Italian and English.
func pluralOne(lang string, n int) bool {
	if lang == "fr" {
		return n == 0 || n == 1
	}
	return n == 1
}

// frenchSpace puts a no-break space before : ; ? ! % and » and after «,
// replacing the plain space the French texts are written with.
var frenchSpace = newReplacer(" :", "\u00a0:", " ;", "\u202f;", " ?", "\u202f?", " !", "\u202f!",
	" %", "\u202f%", "« ", "«\u00a0", " »", "\u00a0»")

func frenchSpaces(s string) string { return frenchSpace.replace(s) }

// replacer replaces each old string of its old, new pairs by the new one,
// as strings.Replacer does (left to right, the first pair that matches at a
// position wins, no overlaps), in a few lines instead of strings.Replacer's
// tries and lookup tables (8 KB of compressed kompass.wasm).
type replacer struct {
	pairs []string
	first [256]bool // the first bytes of the old strings
}

// newReplacer takes old, new pairs; no old string is empty.
func newReplacer(pairs ...string) *replacer {
	r := &replacer{pairs: pairs}
	for i := 0; i+1 < len(pairs); i += 2 {
		r.first[pairs[i][0]] = true
	}
	return r
}

func (r *replacer) replace(s string) string {
	var b strings.Builder
	last := 0
	pairs := r.pairs
	for i := 0; i < len(s); {
		if !r.first[s[i]] {
			i++
			continue
		}
		hit := false
		for j := 0; j+1 < len(pairs); j += 2 {
			if strings.HasPrefix(s[i:], pairs[j]) {
				if b.Len() == 0 {
					b.Grow(len(s) + 8)
				}
				b.WriteString(s[last:i])
				b.WriteString(pairs[j+1])
				i += len(pairs[j])
				last, hit = i, true
				break
			}
		}
		if !hit {
			i++
		}
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
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
