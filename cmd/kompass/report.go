package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/bl-digital/kompass/controlling"
	"github.com/bl-digital/kompass/controlling/report"
	"github.com/bl-digital/kompass/diag"
	"github.com/bl-digital/kompass/examples"
	"github.com/bl-digital/kompass/internal/jsondoc"
	"github.com/bl-digital/kompass/portfolio"
	"github.com/bl-digital/kompass/schema"
	"github.com/bl-digital/kompass/strategy"
)

// Names of the embedded files in messages.
const (
	embeddedStrategyName  = "examples/bl/strategy.json (embedded)"
	embeddedPortfolioName = "examples/bl/portfolio.json (embedded)"
)

const reportUsage = `usage: kompass report [flags] [PORTFOLIO]

Computes the controlling of PORTFOLIO (default: the embedded example
portfolio) against its strategy and prints the report.

flags:
`

// runReport is `kompass report`.
func runReport(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("report", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, reportUsage)
		fs.PrintDefaults()
	}
	strategyFile := fs.String("strategy", "", "strategy `FILE` (default: the embedded BL strategy, for portfolios of strategy "+blStrategyID+")")
	format := fs.String("format", "text", "output `format`: text, md, html, csv or json")
	asOf := fs.String("as-of", "", "compute the figures at `DATE` (YYYY, YYYY-MM or YYYY-MM-DD; default: the portfolio's asOf)")
	lang := fs.String("lang", "de", "`language` of texts and labels: de, fr, it or en")
	fragment := fs.Bool("fragment", false, "with --format html: print only the content, without <html>, <head> and <style>, to paste into <kompass-explorer>")
	ascii := fs.Bool("ascii", false, "with --format text: draw progress bars with # and . instead of block characters")
	files, err := parseInterleaved(fs, args)
	if err != nil {
		return exitUsage
	}
	f, err := report.ParseFormat(*format)
	if err == nil && *fragment {
		if f != report.HTML && f != report.HTMLFragment {
			err = errors.New("--fragment needs --format html")
		}
		f = report.HTMLFragment
	}
	if err == nil {
		err = checkLang(*lang)
	}
	var opts controlling.Options
	if err == nil && *asOf != "" {
		opts.AsOf, err = strategy.ParseDate(*asOf)
		if err != nil {
			err = fmt.Errorf("--as-of: %w", err)
		}
	}
	if err == nil && len(files) > 1 {
		err = fmt.Errorf("want at most one PORTFOLIO, got %d files", len(files))
	}
	if err != nil {
		fmt.Fprintf(stderr, "kompass report: %v\n", err)
		fs.Usage()
		return exitUsage
	}

	var in *reportInput
	var code int
	if len(files) == 0 {
		in, code = loadReportInput(*strategyFile, embeddedPortfolioName, examples.PortfolioJSON, stderr)
	} else {
		in, code = loadReportInputFile(*strategyFile, files[0], stderr)
	}
	if in == nil {
		return code
	}
	r, err := controlling.Compute(in.strategy, in.portfolio, opts)
	if err != nil {
		fmt.Fprintf(stderr, "kompass report: %s: %v\n", in.name, err)
		return exitInvalid
	}
	rd := report.Renderer{Lang: *lang, ASCII: *ascii}
	if err := rd.Render(stdout, r, f); err != nil {
		fmt.Fprintf(stderr, "kompass report: %v\n", err)
		return exitInvalid
	}
	return exitOK
}

// checkLang accepts the languages of strategy.Languages().
func checkLang(lang string) error {
	if !slices.Contains(strategy.Languages(), lang) {
		return fmt.Errorf("--lang %q: want one of %s", lang, strings.Join(strategy.Languages(), ", "))
	}
	return nil
}

// reportInput is a validated portfolio and its strategy.
type reportInput struct {
	name      string // the portfolio's file name, for messages
	strategy  *strategy.Strategy
	portfolio *portfolio.Portfolio
}

// loadReportInputFile reads the portfolio file name and its strategy. It
// prints problems to stderr and returns nil with exitInvalid for invalid
// data, exitUsage for a file that cannot be read.
func loadReportInputFile(strategyFile, name string, stderr io.Writer) (*reportInput, int) {
	data, err := readDataFile(name)
	if err != nil {
		fmt.Fprintf(stderr, "kompass: %v\n", err)
		return nil, exitUsage
	}
	return loadReportInput(strategyFile, name, data, stderr)
}

// loadReportInput validates a portfolio file's content and its strategy:
// strategyFile, or the embedded BL strategy when strategyFile is empty and
// the portfolio is of strategy bl-dt-2026.
func loadReportInput(strategyFile, name string, data []byte, stderr io.Writer) (*reportInput, int) {
	var s *strategy.Strategy
	var code int
	if strategyFile != "" {
		s, code = loadStrategyFile(strategyFile, stderr)
	} else {
		_, ref := schema.Detect(data)
		if ref != "" && ref != blStrategyID {
			fmt.Fprintf(stderr, "kompass: %s: the portfolio is for strategy %q; give that strategy with --strategy FILE (only %q is built in)\n",
				name, ref, blStrategyID)
			return nil, exitUsage
		}
		s, code = validStrategy(embeddedStrategyName, examples.StrategyJSON, stderr)
	}
	if s == nil {
		return nil, code
	}
	p, l := schema.ValidatePortfolio(data, s)
	if !printProblems(stderr, name, l) || p == nil {
		return nil, exitInvalid
	}
	return &reportInput{name: name, strategy: s, portfolio: p}, exitOK
}

// loadStrategyFile reads and validates a strategy file.
func loadStrategyFile(name string, stderr io.Writer) (*strategy.Strategy, int) {
	data, err := readDataFile(name)
	if err != nil {
		fmt.Fprintf(stderr, "kompass: %v\n", err)
		return nil, exitUsage
	}
	return validStrategy(name, data, stderr)
}

// validStrategy validates a strategy file's content, printing its problems.
func validStrategy(name string, data []byte, stderr io.Writer) (*strategy.Strategy, int) {
	s, l := schema.ValidateStrategy(data)
	if !printProblems(stderr, name, l) || s == nil {
		return nil, exitInvalid
	}
	return s, exitOK
}

// printProblems prints l as `file:line:col: /pointer: message`, one per
// line, and reports whether l is free of errors (warnings alone pass).
func printProblems(stderr io.Writer, name string, l diag.List) bool {
	l.SetFile(name)
	l.Sort()
	for _, p := range l {
		fmt.Fprintln(stderr, p.String())
	}
	return !l.HasErrors()
}

// readDataFile reads a data file, at most one byte more than the size limit
// so that validation can refuse a file that is too large.
func readDataFile(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := jsondoc.Read(f, 0)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return data, nil
}
