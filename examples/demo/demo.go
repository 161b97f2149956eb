// Package demo holds the demo page that `kompass serve` shows: a page made
// up like a content page of the Canton of Basel-Landschaft's website, with
// two <kompass-explorer> widgets (the whole strategy, and the focus area
// "Dienstleistungen"), and its stylesheet. The page has no inline script or
// style, so it runs under a strict Content Security Policy.
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

// Render writes the page.
func Render(w io.Writer, p Page) error { return page.Execute(w, p) }
