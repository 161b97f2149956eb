package explorer

import (
	"github.com/bl-digital/kompass/diag"
	"github.com/bl-digital/kompass/examples"
	"github.com/bl-digital/kompass/portfolio"
	"github.com/bl-digital/kompass/strategy"
)

// EmbeddedURL is the name the widget gives the embedded example data in messages.
const EmbeddedURL = "(embedded example)"

// Load decodes, validates and computes a strategy file and a portfolio file
// fetched from strategyURL and portfolioURL. Problems in both files are
// reported together: the error is an *InvalidError for the first file with
// problems, or a *ComputeError. Every problem has its line and column in
// the file ("URL:line:col: /pointer: message"). It never panics on bad data.
func Load(strategyData, portfolioData []byte, strategyURL, portfolioURL string) (*Model, error) {
	s, serr := strategy.DecodeBytes(strategyData)
	p, perr := portfolio.DecodeBytes(portfolioData)
	if serr != nil {
		l := diag.AsList(serr)
		l.SetFile(strategyURL)
		if perr != nil {
			pl := diag.AsList(perr)
			pl.SetFile(portfolioURL)
			l = append(l, pl...)
		}
		return nil, &InvalidError{URL: strategyURL, Problems: l}
	}
	if perr != nil {
		l := diag.AsList(perr)
		l.SetFile(portfolioURL)
		return nil, &InvalidError{URL: portfolioURL, Problems: l}
	}
	return newModel(s, p, source{strategyURL, strategyData}, source{portfolioURL, portfolioData})
}

// LoadEmbedded is Load of the embedded example data (package examples):
// examples.WidgetStrategyJSON and examples.WidgetPortfolioJSON, the
// example without white space and without the strategy's texts the widget
// never shows.
func LoadEmbedded() (*Model, error) {
	return Load(examples.WidgetStrategyJSON, examples.WidgetPortfolioJSON, EmbeddedURL, EmbeddedURL)
}
