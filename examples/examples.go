// Package examples embeds Kompass's default data: Canton Basel-Landschaft's
// "Strategie digitale Transformation" (2026) and an illustrative example
// portfolio of measures. The portfolio's figures are illustrative, not official.
package examples

import _ "embed"

//go:generate go run gen_widget.go

// StrategyJSON is the BL strategy 2026 (examples/bl/strategy.json).
//
//go:embed bl/strategy.json
var StrategyJSON []byte

// PortfolioJSON is the illustrative BL example portfolio (examples/bl/portfolio.json).
//
//go:embed bl/portfolio.json
var PortfolioJSON []byte

// WidgetStrategyJSON is the copy of StrategyJSON that the explorer widget
// embeds (examples/bl/strategy.widget.json): the same strategy without the
// texts the widget never shows (vision, maxims, the focus areas' mottos and
// benefits, the goals' texts, the glossary), without white space. It is not
// a complete strategy file: use StrategyJSON everywhere else. go generate
// writes it from bl/strategy.json, and a test keeps the two in step.
//
//go:embed bl/strategy.widget.json
var WidgetStrategyJSON []byte

// WidgetPortfolioJSON is the copy of PortfolioJSON that the explorer
// widget embeds (examples/bl/portfolio.widget.json): the same JSON without
// white space. go generate writes it, and a test keeps the two in step.
//
//go:embed bl/portfolio.widget.json
var WidgetPortfolioJSON []byte
