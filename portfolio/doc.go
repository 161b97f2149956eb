// Package portfolio models the portfolio of measures that carries out a
// strategy: each measure linked to goals, with owner, status, dates,
// progress, budget, savings, indicators and the owner's self-assessment.
//
// Decode reads a portfolio file; Validate checks it against its strategy
// (references, cycles, dates, status/progress contradictions) and reports
// every problem with its JSON pointer. The controlling package computes the
// roll-ups.
package portfolio
