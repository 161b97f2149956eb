// Package diag is Kompass's vocabulary for problems found in users' data:
// a Problem names where (file, line, column, JSON pointer), which Rule, and
// what is wrong; a List collects all problems of a run and is an error.
//
// Every rule is a constant of type Rule, documented in rules.go and, with
// an example message each, in docs/validation.md. List.Limit caps a list
// at MaxProblems with a count of the rest, Quote cuts values quoted in
// messages to MaxQuote characters, and Escape keeps control characters
// from the data off terminals and out of reports.
package diag
