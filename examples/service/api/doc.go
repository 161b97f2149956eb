// Package api is the HTTP handler of the example Kompass service: it shows
// how another team uses the strategy, portfolio, schema and controlling
// packages in its own Go service. The service's main package is one folder
// up (examples/service).
//
// Routes:
//
//	GET  /healthz                   200 {"status": "ok"}
//	POST /validate                  body: a portfolio or strategy file
//	POST /report?format=&asOf=&lang=  body: a portfolio file
//
// POST /validate tells a strategy from a portfolio by its content, like
// `kompass validate`, and answers 200 with
// {"valid": bool, "kind": "portfolio"|"strategy"|"unknown", "problems": [...]},
// each problem with its JSON pointer, line, column, rule and message;
// portfolios are checked against the configured strategy.
//
// POST /report answers the controlling report of the portfolio in the body.
// Query parameters: format (json, the default; html; html-fragment; csv;
// md; text), asOf (YYYY, YYYY-MM or YYYY-MM-DD; default the portfolio's),
// lang (de, the default; fr; it; en). HTML answers carry a
// Content-Security-Policy that allows no script and only the page's inline
// style; CSV answers are an attachment named kompass-report-<asOf>.csv.
//
// Errors are JSON, {"error": "...", "problems": [...]} where problems apply:
//
//	400  invalid JSON or an invalid portfolio (with problems), a bad query parameter
//	404  an unknown path
//	408  a body that did not arrive within Config.BodyTimeout (default 15 s)
//	405  a wrong method (with an Allow header)
//	413  a body over Config.MaxBytes (default 32 MiB, the limit of data files)
//	415  a body with a Content-Type that is not JSON (application/json or any
//	     +json type); a request without Content-Type is read as JSON
//	500  a bug: the handler panicked; it is logged, and the service serves on
//
// The problem list is capped as `kompass validate` caps it: at most 1,000
// problems, then one of rule "truncated" that says how many more. Problems
// never hold raw control characters from the data. Validation itself never
// panics: a panic inside a library, on any goroutine, becomes a problem of
// rule "internal".
package api
