package schema

import (
	"slices"
	"strings"
	"testing"

	"github.com/bl-digital/kompass/diag"
	"github.com/bl-digital/kompass/examples"
	"github.com/bl-digital/kompass/internal/jsondoc"
	"github.com/bl-digital/kompass/portfolio"
	"github.com/bl-digital/kompass/strategy"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func blStrategy(t testing.TB) *strategy.Strategy {
	s, err := strategy.DecodeBytes(examples.StrategyJSON)
	require.NoError(t, err)
	return s
}

// strs formats problems as Problem.String with their rule.
func strs(l diag.List) []string {
	out := make([]string, len(l))
	for i, p := range l {
		out[i] = string(p.Rule) + " " + p.String()
	}
	return out
}

func TestValidatePortfolio(t *testing.T) {
	base := string(generatePortfolio(2))
	tests := []struct {
		name    string
		data    string
		noStrat bool
		want    []string
		decoded bool
		reason  string
	}{
		{"valid", base, false, []string{}, true, "a generated portfolio is valid"},
		{"unknown property once", strings.Replace(base, `"id": "M1",`, `"id": "M1", "prio": 1,`, 1), false,
			[]string{`schema 7:14: /measures/1/prio: unknown property "prio"`}, false,
			"the schema and the decoder both find it; it is reported once"},
		{"schema and decoder and semantics", strings.NewReplacer(`"id": "M0"`, `"id": "M 0"`, `"end": "2027"`, `"end": "2027-02-30"`).Replace(base), false,
			[]string{
				`schema 6:2: /measures/0/id: "M 0" is not a valid id: it must be a letter or digit, then up to 63 letters, digits, '.', '_' or '-'`,
				`value 6:136: /measures/0/end: invalid date "2027-02-30": February 2027 has no day 30`,
			}, false,
			"a date the pattern allows is still no date; the decode fails, so no semantic check runs"},
		{"semantics after schema errors", strings.Replace(base, `"id": "M0"`, `"id": "M 0"`, 1), false,
			[]string{
				`schema 6:2: /measures/0/id: "M 0" is not a valid id: it must be a letter or digit, then up to 63 letters, digits, '.', '_' or '-'`,
				`unknown-measure 7:172: /measures/1/dependsOn/0: dependsOn "M0" is not a measure of this portfolio`,
			}, true,
			"the struct decodes despite the pattern error, so the semantic checks run"},
		{"missing and wrong", strings.NewReplacer(`"owner": "FKD", `, ``, `"progress": 7`, `"progress": "7"`).Replace(base), false,
			[]string{
				`schema 6:1: /measures/0: missing required property "owner"`,
				`schema 7:143: /measures/1/progress: expected number, but got string`,
			}, false, "a missing member points at its object"},
		{"unknown goal", strings.Replace(base, `"GK1"`, `"GK9"`, 1), false,
			[]string{`unknown-goal 6:56: /measures/0/goals/0: goal "GK9" is not a goal of strategy "bl-dt-2026"`}, true,
			"checked against the strategy"},
		{"no strategy", strings.Replace(base, `"GK1"`, `"GK9"`, 1), true, []string{}, true,
			"without a strategy the goals are not checked"},
		{"bom", "\xEF\xBB\xBF" + base, false,
			[]string{`bom 1:1: /: warning: the file starts with a UTF-8 byte order mark; it was ignored`}, true,
			"a warning does not stop anything"},
		{"syntax", strings.Replace(base, `"owner": "FKD",`, `"owner": "FKD"`, 1), false,
			[]string{`syntax 6:86: /measures/0: invalid character '"' after object value (expecting ',' or '}')`}, false,
			"nothing but the syntax error"},
	}
	s := blStrategy(t)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			use := s
			if tc.noStrat {
				use = nil
			}
			p, l := ValidatePortfolio([]byte(tc.data), use)
			assert.Equal(t, tc.want, strs(l), tc.reason)
			assert.Equal(t, tc.decoded, p != nil, tc.reason)
		})
	}
}

func TestValidateStrategy(t *testing.T) {
	s, l := ValidateStrategy(examples.StrategyJSON)
	assert.Empty(t, l)
	require.NotNil(t, s)

	broken := strings.Replace(string(examples.StrategyJSON), `"id": "GK2"`, `"id": "GK1"`, 1)
	broken = strings.Replace(broken, `"issuer": {`, `"issuer": {"rm": "Chantun",`, 1)
	s, l = ValidateStrategy([]byte(broken))
	require.NotNil(t, s, "the struct decodes, so the semantic checks run")
	require.Len(t, l, 2)
	assert.Equal(t, []diag.Rule{diag.RuleSchema, diag.RuleDuplicateID}, []diag.Rule{l[0].Rule, l[1].Rule})
	assert.Equal(t, "/issuer/rm", l[0].Pointer, "a language the schema does not know; the decoder takes any")
	assert.Positive(t, l[1].Line)
}

// TestParallelSchemaEqualsSequential checks that validating the measures
// in parallel chunks finds exactly what one validation of the whole finds.
func TestParallelSchemaEqualsSequential(t *testing.T) {
	data := string(generatePortfolio(5 * chunk))
	data = strings.NewReplacer(`"id": "M3",`, `"id": "M3", "x": 1,`, `"id": "M200"`, `"id": 200`,
		`"status": "paused"`, `"status": "pausing"`).Replace(data)
	doc, l := jsondoc.Check([]byte(data), portfolio.CheckOptions(true))
	require.Empty(t, l)
	c, err := load()
	require.NoError(t, err)
	parallel := c.portfolioProblems(doc.Tree)
	sequential := c.problems(c.portfolio, doc.Tree, "")
	parallel.Sort()
	sequential.Sort()
	assert.Equal(t, sequential, parallel)
	assert.Greater(t, len(parallel), 60, "every paused measure, the unknown member and the id")
}

func TestDedupe(t *testing.T) {
	schema := diag.List{{Pointer: "/measures/1"}, {Pointer: "/a/b"}}
	decoded := diag.List{{Pointer: "/measures/1/x"}, {Pointer: "/measures/10"}, {Pointer: "/a/b"}, {Pointer: "/a"}, {Pointer: "weird"}}
	got := dedupe(slices.Clone(decoded), schema)
	assert.Equal(t, diag.List{{Pointer: "/measures/10"}, {Pointer: "/a"}, {Pointer: "weird"}}, got,
		"drop what the schema reported at the same pointer or above it, and nothing else")
}

func TestDetect(t *testing.T) {
	tests := []struct {
		data   string
		kind   Kind
		ref    strategy.ID
		reason string
	}{
		{`{"id": "p", "strategy": "s1", "measures": []}`, Portfolio, "s1", "measures make a portfolio"},
		{`{"measures": [{"strategy": "no"}], "strategy": {"x": 1}}`, Portfolio, "", "only a top-level string names the strategy"},
		{`{"focusAreas": []}`, Strategy, "", "focusAreas make a strategy"},
		{"\xEF\xBB\xBF" + `{"focusAreas": [], "measures": []}`, Portfolio, "", "measures win, after a byte order mark"},
		{`{"strategy": "s", "measures": [1,`, Portfolio, "s", "a broken file tells what it can"},
		{`[1, 2]`, Unknown, "", "not an object"},
		{``, Unknown, "", "nothing"},
	}
	for _, tc := range tests {
		kind, ref := Detect([]byte(tc.data))
		assert.Equal(t, tc.kind, kind, tc.reason)
		assert.Equal(t, tc.ref, ref, tc.reason)
	}
	assert.Equal(t, []string{"unknown", "strategy", "portfolio"}, []string{Unknown.String(), Strategy.String(), Portfolio.String()})
}
