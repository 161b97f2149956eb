package schema

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/bl-digital/kompass/examples"
	"github.com/bl-digital/kompass/internal/jsondoc"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestChunkSchemaEquivalent checks that validating the measures in chunks
// with the schema chunkDef (as the workers do) finds exactly the problems
// that validating the whole document with the committed portfolio schema
// finds, pointers and messages alike, on every portfolio among the CLI's
// broken test files, the fuzz corpus, the example and a generated
// portfolio with defects spread over several chunks.
func TestChunkSchemaEquivalent(t *testing.T) {
	inputs := map[string][]byte{"example": examples.PortfolioJSON}
	generated := strings.NewReplacer(`"id": "M3",`, `"id": "M3", "x": 1, "y~/": 2,`, `"id": "M200"`, `"id": 200`,
		`"status": "paused"`, `"status": "pausing"`, `"start": "2025-03"`, `"start": "2025-13"`,
		`"owner": "FKD"`, `"owner": ["FKD"]`, `"title": {"de": "Massnahme 70"}`, `"title": {"de": " ", "rm": "x"}`,
		`"progress": 7,`, `"progress": -7,`, `"goals": ["GK1", "GK4"]`, `"goals": []`).Replace(string(generatePortfolio(5 * chunk)))
	inputs["generated"] = []byte(generated)
	files, err := filepath.Glob(filepath.Join("..", "cmd", "kompass", "testdata", "validate", "*.json"))
	require.NoError(t, err)
	for _, name := range files {
		b, err := os.ReadFile(name)
		require.NoError(t, err)
		inputs[name] = b
	}
	corpus, err := filepath.Glob(filepath.Join("testdata", "fuzz", "*", "*"))
	require.NoError(t, err)
	for _, name := range corpus {
		if b, ok := fuzzInput(t, name); ok {
			inputs[name] = b
		}
	}
	c, err := load()
	require.NoError(t, err)
	compared, withProblems := 0, 0
	for name, data := range inputs {
		if kind, _ := Detect(data); kind != Portfolio {
			continue
		}
		doc, _ := jsondoc.Check(data, jsondoc.Options{Tree: true, Number: jsonNumber, Spans: "measures"})
		whole, _ := jsondoc.Check(data, jsondoc.Options{Tree: true, Number: jsonNumber})
		if doc == nil || whole == nil {
			continue // refused by the byte layer: no schema layer
		}
		chunked := c.portfolioProblems(doc, nil)
		sequential := c.problems(c.portfolio, whole.Tree, "")
		chunked.Sort()
		sequential.Sort()
		assert.Equal(t, sequential, chunked, name)
		compared++
		if len(sequential) > 0 {
			withProblems++
		}
	}
	assert.Greater(t, compared, 30, "portfolios compared")
	assert.Greater(t, withProblems, 20, "portfolios with schema problems compared")
	_, l := ValidatePortfolio([]byte(generated), nil)
	assert.Greater(t, len(l), 70, "the generated defects are found: %v", l)
	assert.Contains(t, l.Error(), "/measures/3/y~0~1: unknown property", "a member name escaped in the pointer")
}

// fuzzInput reads the input of a fuzz corpus file of one []byte argument.
func fuzzInput(t *testing.T, name string) ([]byte, bool) {
	b, err := os.ReadFile(name)
	require.NoError(t, err)
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(nil, 64<<20)
	if !sc.Scan() || sc.Text() != "go test fuzz v1" || !sc.Scan() {
		return nil, false
	}
	arg, ok := strings.CutPrefix(sc.Text(), "[]byte(")
	if !ok {
		return nil, false
	}
	s, err := strconv.Unquote(strings.TrimSuffix(arg, ")"))
	if err != nil {
		return nil, false
	}
	return []byte(s), true
}
