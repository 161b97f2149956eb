package explorer

import "strings"

// errorMessages are the texts of the error notice (ErrorNotice), in de, fr,
// it and en (the order of Langs), with each language's typography (fr: a
// no-break space before ':' and inside « »). kompass.js carries its own
// copy of "notice.title" and "notice.details" for the one error Go cannot
// report, a kompass.wasm that does not load.
var errorMessages = map[string][4]string{
	"notice.title": {
		"Die interaktive Ansicht ist nicht verfügbar.",
		"La vue interactive n’est pas disponible.",
		"La vista interattiva non è disponibile.",
		"The interactive view is not available.",
	},
	"notice.details": {"Technische Details", "Détails techniques", "Dettagli tecnici", "Technical details"},
	"notice.http": {
		"{url}: Der Server antwortete mit HTTP {status}.",
		"{url}\u00a0: le serveur a répondu HTTP {status}.",
		"{url}: il server ha risposto HTTP {status}.",
		"{url}: the server answered HTTP {status}.",
	},
	"notice.http.404": {
		"{url}: Der Server antwortete mit HTTP 404 (nicht gefunden).",
		"{url}\u00a0: le serveur a répondu HTTP 404 (introuvable).",
		"{url}: il server ha risposto HTTP 404 (non trovato).",
		"{url}: the server answered HTTP 404 (not found).",
	},
	"notice.network": {
		"{url}: Abruf fehlgeschlagen ({reason}).",
		"{url}\u00a0: échec du chargement ({reason}).",
		"{url}: caricamento non riuscito ({reason}).",
		"{url}: the request failed ({reason}).",
	},
	"notice.html": {
		"{url}: Der Server antwortete mit einer HTML-Seite, nicht mit JSON.",
		"{url}\u00a0: le serveur a répondu par une page HTML, pas par du JSON.",
		"{url}: il server ha risposto con una pagina HTML, non con JSON.",
		"{url}: the server answered with an HTML page, not JSON.",
	},
	"notice.type": {
		"{url}: Der Server antwortete mit {type}, nicht mit JSON.",
		"{url}\u00a0: le serveur a répondu par {type}, pas par du JSON.",
		"{url}: il server ha risposto con {type}, non con JSON.",
		"{url}: the server answered with {type}, not JSON.",
	},
	"notice.invalid.one": {
		"{url} enthält ungültige Daten (1 Problem):",
		"{url} contient des données invalides (1\u00a0problème)\u00a0:",
		"{url} contiene dati non validi (1 problema):",
		"{url} holds invalid data (1 problem):",
	},
	"notice.invalid.other": {
		"{url} enthält ungültige Daten ({n} Probleme):",
		"{url} contient des données invalides ({n}\u00a0problèmes)\u00a0:",
		"{url} contiene dati non validi ({n} problemi):",
		"{url} holds invalid data ({n} problems):",
	},
	"notice.attribute": {
		"Das Attribut «{other}» ist gesetzt, «{missing}» fehlt: Setzen Sie beide, oder keines für die Beispieldaten.",
		"L’attribut «\u00a0{other}\u00a0» est présent, «\u00a0{missing}\u00a0» manque\u00a0: indiquez les deux, ou aucun pour les données d’exemple.",
		"L’attributo «{other}» è presente, manca «{missing}»: indicate entrambi, o nessuno per i dati di esempio.",
		"The attribute “{other}” is set but “{missing}” is missing: set both, or neither for the example data.",
	},
	"notice.compute": {
		"Die Auswertung schlug fehl: {reason}",
		"L’évaluation a échoué\u00a0: {reason}",
		"La valutazione non è riuscita: {reason}",
		"The evaluation failed: {reason}",
	},
	"notice.internal": {
		"Interner Fehler des Widgets: {reason}",
		"Erreur interne du widget\u00a0: {reason}",
		"Errore interno del widget: {reason}",
		"Internal error of the widget: {reason}",
	},
}

// errMsg is the error-notice text key in lang (see Msg).
func errMsg(lang, key string, pairs ...string) string {
	m, ok := errorMessages[key]
	if !ok {
		return key
	}
	s := m[0]
	for j, l := range Langs {
		if l == lang {
			s = m[j]
		}
	}
	for k := 0; k+1 < len(pairs); k += 2 {
		s = strings.ReplaceAll(s, "{"+pairs[k]+"}", pairs[k+1])
	}
	return s
}

// ErrorMessageKeys lists the keys of the error notice's texts.
func ErrorMessageKeys() []string {
	keys := make([]string, 0, len(errorMessages))
	for k := range errorMessages {
		keys = append(keys, k)
	}
	return keys
}

// ErrorText is the error-notice text key in lang, placeholders left as they are.
func ErrorText(lang, key string) string { return errMsg(lang, key) }
