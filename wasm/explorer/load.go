package explorer

import (
	"github.com/bl-digital/kompass/diag"
	"github.com/bl-digital/kompass/examples"
	"github.com/bl-digital/kompass/internal/jsondoc"
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

// loadFirst is Load for a widget's first render, which it reaches sooner:
// when both files decode strictly without a problem and validate, it
// leaves their byte checks (strategy.CheckBytes, portfolio.CheckBytes:
// duplicate member names, invalid UTF-8, limits) to Model.CheckBytes, which
// the widget runs before its complete view, after the first one is painted.
// The byte checks read every byte of both files once more: in the browser
// that was a fifth of the time from the data to the first render. Any
// problem (a byte order mark is a syntax error to Unmarshal) or a file over
// the size limit takes Load's way, so that every error is Load's own.
func loadFirst(strategyData, portfolioData []byte, strategyURL, portfolioURL string) (*Model, error) {
	full := func() (*Model, error) { return Load(strategyData, portfolioData, strategyURL, portfolioURL) }
	if len(strategyData) > jsondoc.DefaultMaxSize || len(portfolioData) > jsondoc.DefaultMaxSize {
		return full()
	}
	s, sl := strategy.Unmarshal(strategyData)
	p, pl := portfolio.Unmarshal(portfolioData)
	if s == nil || p == nil || len(sl) > 0 || len(pl) > 0 {
		return full()
	}
	ssrc, psrc := source{strategyURL, strategyData}, source{portfolioURL, portfolioData}
	m, err := newModel(s, p, ssrc, psrc)
	if err != nil {
		return full()
	}
	m.unchecked = [2]source{ssrc, psrc}
	return m, nil
}

// CheckBytes runs, once, the byte checks that a widget's load (Loads.Model)
// leaves until after the first render, and returns Load's error for the
// files when they find an error; nil when they find none, or when the model
// came from Load or NewModel, which check everything first. Widget.Screen
// calls it before the complete view. It is safe for concurrent use: widgets
// showing the same files share the model (it stays in the Loads cache) and
// the result.
func (m *Model) CheckBytes() error {
	m.checkOnce.Do(func() {
		ssrc, psrc := m.unchecked[0], m.unchecked[1]
		if ssrc.data == nil {
			return
		}
		if strategy.CheckBytes(ssrc.data).HasErrors() || portfolio.CheckBytes(psrc.data).HasErrors() {
			if _, err := Load(ssrc.data, psrc.data, ssrc.url, psrc.url); err != nil {
				m.checkErr = err
			}
		}
	})
	return m.checkErr
}

// LoadEmbedded is Load of the embedded example data (package examples):
// examples.WidgetStrategyJSON and examples.WidgetPortfolioJSON, the
// example without white space and without the strategy's texts the widget
// never shows.
func LoadEmbedded() (*Model, error) {
	return Load(examples.WidgetStrategyJSON, examples.WidgetPortfolioJSON, EmbeddedURL, EmbeddedURL)
}
