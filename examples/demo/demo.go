// Package demo holds the demo page that `kompass serve` shows: a page made
// up like a content page of the Canton of Basel-Landschaft's website, with
// two <kompass-explorer> widgets (the whole strategy, and the focus area
// "Dienstleistungen"), and its stylesheet. The cantonal page is German; the
// same page exists in French, Italian and English (Paths), each with its
// widgets in that language, linked from one another. The page has no
// inline script or style, so it runs under a strict Content Security Policy.
package demo

import (
	_ "embed"
	"html/template"
	"io"
)

//go:embed index.html.tmpl
var pageSource string

// CSS is the demo page's stylesheet (served as /demo.css).
//
//go:embed demo.css
var CSS []byte

var page = template.Must(template.New("index").Parse(pageSource))

// Page is what the demo page shows.
type Page struct {
	// Lang is the page's language (the html element's lang attribute).
	Lang string
	// Script is the URL of kompass.js, with its fingerprint.
	Script string
	// StrategyURL and PortfolioURL are the data the widgets load.
	StrategyURL, PortfolioURL string
	// Fallback is the static HTML shown inside the first widget until it
	// starts (controlling's HTML fragment); it must be trusted, escaped HTML.
	Fallback template.HTML
	// Notice, when set, tells the reader why the widget cannot start (for
	// example, its files were not built).
	Notice string
}

// Langs are the languages the page exists in; the first is the cantonal page's.
var Langs = []string{"de", "fr", "it", "en"}

// Path is where the page in lang is served: "/" for German, "/fr/" and so on.
func Path(lang string) string {
	if lang == "de" || lang == "" {
		return "/"
	}
	return "/" + lang + "/"
}

// langLabels name each language in itself, for the language links.
var langLabels = map[string]string{"de": "Deutsch", "fr": "Français", "it": "Italiano", "en": "English"}

// langLink is one entry of the page's language links.
type langLink struct {
	Lang, Label, Href string
	Current           bool
}

// Render writes the page in p.Lang (German when it has no texts in it).
func Render(w io.Writer, p Page) error {
	t, ok := texts[p.Lang]
	if !ok {
		p.Lang, t = "de", texts["de"]
	}
	var links []langLink
	for _, l := range Langs {
		links = append(links, langLink{Lang: l, Label: langLabels[l], Href: Path(l), Current: l == p.Lang})
	}
	return page.Execute(w, struct {
		Page
		T         map[string]string
		Languages []langLink
	}{p, t, links})
}
