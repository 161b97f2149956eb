package explorer_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/bl-digital/kompass/diag"
	"github.com/bl-digital/kompass/wasm/explorer"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestErrorNotice(t *testing.T) {
	invalid := &explorer.InvalidError{URL: "/data/p.json", Problems: diag.List{
		{File: "/data/p.json", Line: 3, Column: 9, Pointer: "/measures/0/goals/0", Message: `goal "XX9" is not a goal of strategy "bl"`},
		{File: "/data/p.json", Line: 7, Column: 2, Pointer: "/asOf", Message: "not a date"},
	}}
	tests := []struct {
		reason string
		err    error
		lang   string
		want   []string // in the disclosure's text
	}{
		{"a 404 in German says not found", &explorer.FetchError{URL: "/data/p.json", Status: 404}, "de",
			[]string{"Die interaktive Ansicht ist nicht verfügbar.", "/data/p.json: Der Server antwortete mit HTTP 404 (nicht gefunden)."}},
		{"a 500 in French, with the no-break space before the colon", &explorer.FetchError{URL: "/s.json", Status: 500}, "fr",
			[]string{"La vue interactive n’est pas disponible.", "/s.json\u00a0: le serveur a répondu HTTP 500."}},
		{"an HTML answer is named in plain words, not as a JSON syntax error", &explorer.NotJSONError{URL: "/p.json", HTML: true}, "it",
			[]string{"La vista interattiva non è disponibile.", "pagina HTML, non con JSON"}},
		{"an HTML answer in English", &explorer.NotJSONError{URL: "/p.json", HTML: true}, "en",
			[]string{"/p.json: the server answered with an HTML page, not JSON."}},
		{"a network failure keeps the browser's reason", &explorer.FetchError{URL: "/p.json", Reason: "TypeError: Failed to fetch"}, "de",
			[]string{"Abruf fehlgeschlagen (TypeError: Failed to fetch)"}},
		{"invalid data lists every problem as URL:line:col: /pointer: message", invalid, "fr",
			[]string{"/data/p.json contient des données invalides (2\u00a0problèmes)\u00a0:",
				`/data/p.json:3:9: /measures/0/goals/0: goal "XX9" is not a goal of strategy "bl"`, "/data/p.json:7:2: /asOf: not a date"}},
		{"one problem is singular", &explorer.InvalidError{URL: "/p.json", Problems: invalid.Problems[:1]}, "de",
			[]string{"(1 Problem):"}},
		{"one data attribute without the other", &explorer.AttributeError{Missing: "strategy", Other: "portfolio"}, "de",
			[]string{"Das Attribut «portfolio» ist gesetzt, «strategy» fehlt"}},
		{"a page language with a region", &explorer.FetchError{URL: "/p.json", Status: 404}, "fr-CH", []string{"introuvable"}},
		{"any other error is still a message, in the page's language", errors.New("boom"), "en", []string{"Internal error of the widget: boom"}},
	}
	for _, tt := range tests {
		n := explorer.ErrorNotice(tt.err, tt.lang)
		details := n.ByTestID("error-details")
		require.NotNil(t, details, "reason: %s: the detail is behind a disclosure", tt.reason)
		assert.Equal(t, "details", details.Tag)
		assert.Equal(t, "summary", details.Children[0].Tag, "reason: %s: the disclosure has a summary", tt.reason)
		text := n.TextContent()
		for _, w := range tt.want {
			assert.Contains(t, text, w, "reason: %s", tt.reason)
		}
		role, _ := n.Attr("role")
		assert.Equal(t, "alert", role, "reason: %s", tt.reason)
		assert.NotContains(t, text, "invalid character", "reason: %s", tt.reason)
	}
	list := explorer.ErrorNotice(invalid, "de").ByTestID("error-problems")
	require.NotNil(t, list)
	lang, _ := list.Attr("lang")
	assert.Equal(t, "en", lang, "reason: the validator's messages are English and marked so")
}

func TestErrorMessagesComplete(t *testing.T) {
	for _, key := range explorer.ErrorMessageKeys() {
		texts := map[string]string{}
		for _, lang := range explorer.Langs {
			n := explorer.ErrorNotice(errors.New("x"), lang) // makes sure every language renders
			require.NotNil(t, n)
			texts[lang] = explorer.ErrorText(lang, key)
			assert.NotEmpty(t, texts[lang], "reason: %s has a %s text", key, lang)
		}
		fr := texts["fr"]
		for _, bad := range []string{" :", " ;", "« ", " »"} {
			assert.NotContains(t, fr, bad, "reason: %s: French puts a no-break space, not a space, there", key)
		}
		if key != "notice.details" {
			assert.NotEqual(t, texts["de"], texts["en"], "reason: %s is translated", key)
		}
		for _, lang := range explorer.Langs[1:] {
			assert.False(t, strings.Contains(texts[lang], "nicht"), "reason: %s in %s has no German", key, lang)
		}
	}
}
