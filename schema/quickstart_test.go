package schema_test

import (
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/bl-digital/kompass/controlling"
	"github.com/bl-digital/kompass/controlling/report"
	"github.com/bl-digital/kompass/examples"
	"github.com/bl-digital/kompass/schema"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// quickStart is the README's quick start for Go developers, line for line
// (TestReadmeQuickStart compares them), so that it compiles as written;
// the test sends stdout to io.Discard.
//
// quick start begins
var stdout io.Writer = os.Stdout

func quickStart(portfolioJSON []byte) error {
	s, problems := schema.ValidateStrategy(examples.StrategyJSON)
	if problems.HasErrors() {
		return problems
	}
	p, problems := schema.ValidatePortfolio(portfolioJSON, s) // every problem, with JSON pointer and line:col
	if problems.HasErrors() {
		return problems
	}

	r, err := controlling.Compute(s, p, controlling.Options{}) // defaults: asOf of the portfolio, 8.4 h/day, -10/-25 thresholds
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "strategy progress %.1f %%, %d of %d goals covered\n",
		*r.Strategy.Progress, r.Strategy.Coverage.Covered, r.Strategy.Coverage.Total)
	why, _ := r.ExplainGoal("DL1") // formula and contributing measures
	fmt.Fprintln(stdout, why.Formula)
	return report.Render(stdout, r, report.Markdown, "de")
}

// quick start ends

func TestReadmeQuickStart(t *testing.T) {
	stdout = io.Discard
	t.Cleanup(func() { stdout = os.Stdout })
	require.NoError(t, quickStart(examples.PortfolioJSON), "the quick start runs on the example data")
	assert.Error(t, quickStart([]byte(`{"measures": [}`)), "and returns the problems of a broken file")

	readme, err := os.ReadFile("../README.md")
	require.NoError(t, err)
	block := regexp.MustCompile("(?s)### Go developers\n\n```go\n(.*?)```").FindSubmatch(readme)
	require.NotNil(t, block, "the README has a Go quick start")
	src, err := os.ReadFile("quickstart_test.go")
	require.NoError(t, err)
	body := regexp.MustCompile(`(?s)// quick start begins\n(.*?)// quick start ends`).FindSubmatch(src)
	require.NotNil(t, body)
	code := string(block[1])
	code = code[strings.Index(code, ")\n\n")+3:] // after the imports
	assert.Equal(t, normalise(string(body[1])), normalise(code), "README.md's quick start is quickStart's body")
}

// normalise drops indentation and blank lines.
func normalise(s string) []string {
	var out []string
	for _, line := range strings.Split(s, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			out = append(out, line)
		}
	}
	return out
}
