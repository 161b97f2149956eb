// Package report renders controlling reports (package controlling) for
// people and programs: text for a terminal, Markdown for a paper, a static
// HTML page or the HTML fragment the widget shows before it starts, CSV for
// spreadsheets and JSON; and the difference of two reports as text,
// Markdown or JSON.
//
//	err := report.Render(os.Stdout, r, report.Markdown, "fr")
//
// Numbers are written the Swiss way (FormatNumber, FormatCHF,
// FormatPercent); the labels of statuses and purposes exist in German,
// French, Italian and English (StatusLabel, LifecycleLabel, PurposeLabel).
// Output is deterministic.
//
// The human formats are made to be read on their own, by people who did
// not write the rules: the headline says which goals the progress covers,
// stale and cancelled figures are shown beside the totals, unknown figures
// read "k. A." (n. d., n/a) rather than 0, full-time posts saved are named
// in words, and Markdown and HTML end with a glossary. Data texts are
// escaped for each format, control characters included; French text gets
// its no-break spaces. Render fails for a language other than de, fr, it
// and en (ErrUnknownLanguage). docs/controlling.md in the repository
// describes every figure.
//
// The renderers live apart from package controlling because they use
// text/template and html/template: the WebAssembly widget computes reports
// with package controlling but renders them itself, and text/template's
// reflective method calls would keep the linker from dropping unused
// methods, making the widget much larger.
package report
