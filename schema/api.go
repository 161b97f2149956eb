package schema

import (
	"fmt"
	"io"

	"github.com/bl-digital/kompass/diag"
	"github.com/bl-digital/kompass/internal/jsondoc"
	"github.com/bl-digital/kompass/portfolio"
	"github.com/bl-digital/kompass/strategy"
)

// Options configure Validate.
type Options struct {
	// Strategy is the strategy portfolios are checked against. When it is
	// nil, Lookup finds it by the id the portfolio names.
	Strategy *strategy.Strategy
	// Lookup returns the strategy of the given id, or an error that says
	// why there is none; the portfolio is then checked without a strategy
	// and the error is a problem of rule diag.RuleStrategyUnknown at
	// /strategy. A nil Lookup finds no strategy, and says nothing.
	Lookup func(id strategy.ID) (*strategy.Strategy, error)
}

// Result is what Validate found in one file.
type Result struct {
	// Kind is what the file is, by its content.
	Kind Kind
	// Strategy is the decoded strategy of a strategy file, Portfolio the
	// decoded portfolio of a portfolio file, as far as they decoded (nil
	// when the file is not JSON). Check Problems before using them.
	Strategy  *strategy.Strategy
	Portfolio *portfolio.Portfolio
	// Against is the strategy a portfolio was checked against, if any.
	Against *strategy.Strategy
	// Problems are every problem of every layer, sorted, with pointer,
	// line and column; at most diag.MaxProblems, then one of rule
	// diag.RuleTruncated that says how many more.
	Problems diag.List
}

// Valid reports whether the file has no errors (warnings allowed).
func (r Result) Valid() bool { return !r.Problems.HasErrors() }

// Validate validates a Kompass file of either kind, told by its content
// (Detect): a strategy as ValidateStrategy does, a portfolio as
// ValidatePortfolio does, against opts.Strategy or what opts.Lookup finds.
// A file of neither kind gets the problems of its bytes, or one of rule
// diag.RuleKind. Validate never panics: a panic inside a library becomes a
// problem of rule diag.RuleInternal.
func Validate(data []byte, opts Options) (res Result) {
	defer func() {
		if r := recover(); r != nil {
			res.Problems = append(res.Problems, diag.Problem{Rule: diag.RuleInternal,
				Message: fmt.Sprintf("validation failed (%v): this is a bug in Kompass or a library it uses; please report it with the file", diag.Cut(fmt.Sprint(r)))})
			res.Problems.Escape()
		}
	}()
	if len(data) > jsondoc.DefaultMaxSize {
		return Result{Kind: Unknown, Problems: tooLarge()}
	}
	kind, ref := Detect(data)
	switch kind {
	case Strategy:
		return validateStrategy(data)
	case Portfolio:
		s, extra := opts.Strategy, diag.List(nil)
		if s == nil && opts.Lookup != nil {
			var err error
			if s, err = opts.Lookup(ref); err != nil || s == nil {
				s = nil
				if err != nil {
					extra = diag.List{{Pointer: "/strategy", Rule: diag.RuleStrategyUnknown, Message: err.Error()}}
				}
			}
		}
		res := validatePortfolio(data, s)
		res.Against = s
		if len(extra) > 0 && res.Portfolio != nil {
			res.Problems = finish(data, append(res.Problems, extra...))
		}
		return res
	}
	_, l := jsondoc.Check(data, jsondoc.Options{})
	if !l.HasErrors() {
		l = append(l, diag.Problem{Line: 1, Column: 1, Rule: diag.RuleKind,
			Message: `neither a strategy (with "focusAreas") nor a portfolio (with "measures")`})
	}
	return Result{Kind: Unknown, Problems: finish(data, l)}
}

// ReadLimit is how much ValidateReader reads at most: the 32 MiB a file may
// have, and one byte to tell that it has more.
const ReadLimit = jsondoc.DefaultMaxSize + 1

// ValidateReader is Validate of what r holds, read through a limit: a
// longer stream (a huge file, /dev/zero) is refused as too large after
// ReadLimit bytes, without being read whole. An error reading r is
// returned as such.
func ValidateReader(r io.Reader, opts Options) (Result, error) {
	data, err := jsondoc.Read(r, 0)
	if err != nil {
		return Result{}, err
	}
	return Validate(data, opts), nil
}
