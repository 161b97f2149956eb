// Package sheet maps a portfolio to an Excel workbook (.xlsx) that data
// stewards fill in, and reads such workbooks back into portfolio JSON,
// validated with the same rules and limits as `kompass validate`.
//
// A workbook has one sheet per kind of row: the measures (one row each),
// their indicators, the indicators' actual values, milestones and links,
// each keyed by the measure id; the organisations; the portfolio's own
// properties; a sheet of instructions in the workbook's language; and a
// hidden sheet "Listen" that holds the values of the dropdowns. Row 1 of
// every table holds the column labels in the workbook's language, row 2 the
// JSON property each column maps to ("title/de", "budget/planned",
// "goals/0"), which is also how Read finds the columns: stewards may
// reorder, hide or add columns.
//
// Read reports every problem of a workbook at its cell, as
// "FILE.xlsx:Massnahmen!F12: /measures/11/progress: message": the sheet
// and cell first, then the JSON pointer into the portfolio the workbook
// becomes. Build joins workbooks, optionally into an existing portfolio,
// and validates the result with schema.ValidatePortfolio.
//
// The package sits beside package schema rather than under portfolio: it
// needs the full validation pipeline of schema (which imports portfolio)
// and the excelize library, neither of which the plain portfolio package
// or the WebAssembly widget should link.
package sheet
