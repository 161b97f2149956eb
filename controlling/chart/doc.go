// Package chart draws the figures of the controlling as small, accessible
// SVG charts: the status counts as one stacked bar, the focus areas' progress
// against plan side by side, budget bullet bars, savings in full-time
// equivalents and an indicator's course from baseline to target.
//
// A chart is a plain tree of Nodes (element name, attributes, children), so
// the same chart is written as inline SVG into the html report (Node.WriteTo,
// Node.HTML) and turned into DOM nodes by the widget. The package uses
// neither templates nor reflection, to stay light in WebAssembly.
//
// Every chart is a <figure> holding an <svg role="img"> whose <title> names
// what it shows (with its key figures), the marks hidden from assistive
// technology, a legend, and the same figures as a table behind an "als
// Tabelle" disclosure. Marks carry a class for theming and presentation
// attributes (fill, stroke, patterns) as defaults, never a style attribute,
// so charts are safe under a Content-Security-Policy of style-src 'self' and
// read right where no stylesheet reaches them. CSS holds the stylesheet for
// the classes, with forced-colours and print rules. Colour is never the only
// carrier: statuses have patterns, and every figure is written out.
//
// Charts are as wide as their container: marks are placed in percent of the
// width while text keeps its size, so a chart reflows down to 320 px. Ids
// inside a chart start with Options.ID, which must be unique on the page.
// Texts are in German, French, Italian or English; numbers are formatted as
// in the reports (CHF 1'200'000, 57.9 %) unless Options.Format says
// otherwise.
package chart
