// Package examples embeds Kompass's default data: Canton Basel-Landschaft's
// "Strategie digitale Transformation" (2026) and an illustrative example
// portfolio of measures. The portfolio's figures are illustrative, not official.
package examples

import _ "embed"

// StrategyJSON is the BL strategy 2026 (examples/bl/strategy.json).
//
//go:embed bl/strategy.json
var StrategyJSON []byte

// PortfolioJSON is the illustrative BL example portfolio (examples/bl/portfolio.json).
//
//go:embed bl/portfolio.json
var PortfolioJSON []byte
