package schema

import (
	"fmt"
	"math/big"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/bl-digital/kompass/diag"
	"github.com/bl-digital/kompass/examples"
	"github.com/bl-digital/kompass/internal/jsondoc"
	"github.com/bl-digital/kompass/strategy"
	"github.com/santhosh-tekuri/jsonschema/v5"
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
			[]string{`schema 7:14: /measures/1/prio: unknown property "prio"`}, true,
			"the schema and the decoder both find it; it is reported once"},
		{"schema and decoder and semantics", strings.NewReplacer(`"id": "M0"`, `"id": "M 0"`, `"end": "2027"`, `"end": "2027-02-30"`).Replace(base), false,
			[]string{
				`schema 6:2: /measures/0/id: "M 0" is not a valid id: it must be a letter or digit, then up to 63 letters, digits, '.', '_' or '-'`,
				`value 6:136: /measures/0/end: invalid date "2027-02-30": February 2027 has no day 30`,
				`unknown-measure 7:172: /measures/1/dependsOn/0: dependsOn "M0" is not a measure of this portfolio`,
			}, true,
			"a date the pattern allows is still no date; the decoder reads on, and the semantic checks run on what it read"},
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
			}, true, "a missing member points at its object; a progress that cannot be read is not also reported missing"},
		{"unknown goal", strings.Replace(base, `"GK1"`, `"GK9"`, 1), false,
			[]string{`unknown-goal 6:56: /measures/0/goals/0: goal "GK9" is not a goal of strategy "bl-dt-2026"`}, true,
			"checked against the strategy"},
		{"no strategy", strings.Replace(base, `"GK1"`, `"GK9"`, 1), true, []string{}, true,
			"without a strategy the goals are not checked"},
		{"bom", "\xEF\xBB\xBF" + base, false,
			[]string{`bom 1:1: /: warning: the file starts with a UTF-8 byte order mark; it was ignored`}, true,
			"a warning does not stop anything"},
		{"syntax", strings.Replace(base, `"owner": "FKD",`, `"owner": "FKD"`, 1), false,
			[]string{"syntax 6:86: /measures/0: a comma is missing here, after the value that ends at 6:84: add ','"}, false,
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
	doc, l := jsondoc.Check([]byte(data), jsondoc.Options{Tree: true, Number: jsonNumber, Spans: "measures"})
	require.Empty(t, l)
	whole, _ := jsondoc.Check([]byte(data), jsondoc.Options{Tree: true, Number: jsonNumber})
	c, err := load()
	require.NoError(t, err)
	parallel := c.portfolioProblems(doc, nil)
	sequential := c.problems(c.portfolio, whole.Tree, "")
	parallel.Sort()
	sequential.Sort()
	assert.Equal(t, sequential, parallel)
	assert.Greater(t, len(parallel), 60, "every paused measure, the unknown member and the id")
}

func TestMerge(t *testing.T) {
	p := func(ptr string, rule diag.Rule) diag.Problem {
		return diag.Problem{Pointer: ptr, Rule: rule, Message: string(rule)}
	}
	tests := []struct {
		bytes, schema, decode, semantic diag.List
		want                            diag.List
		reason                          string
	}{
		{schema: diag.List{p("/measures/1", diag.RuleSchema)}, decode: diag.List{p("/measures/1/x", diag.RuleUnknownProperty)},
			want:   diag.List{p("/measures/1", diag.RuleSchema), p("/measures/1/x", diag.RuleUnknownProperty)},
			reason: "a decoder problem below a schema problem is another problem: kept"},
		{schema: diag.List{p("/measures/1/status", diag.RuleSchema)}, decode: diag.List{p("/measures/1/status", diag.RuleValue)},
			want:   diag.List{p("/measures/1/status", diag.RuleSchema)},
			reason: "the same bad value found by schema and decoder is reported once"},
		{bytes: diag.List{p("/measures/0/weight", diag.RuleNumber)}, schema: diag.List{p("/measures/0/weight", diag.RuleSchema)},
			decode: diag.List{p("/measures/0/weight", diag.RuleNumber)},
			want:   diag.List{p("/measures/0/weight", diag.RuleNumber)},
			reason: "a refused number is reported by the byte layer alone; the schema saw 0 in its place"},
		{decode: diag.List{p("/measures/2/progress", diag.RuleType)}, semantic: diag.List{p("/measures/2/status", diag.RuleProgressStatus), p("/measures/7/goals/0", diag.RuleUnknownGoal)},
			want:   diag.List{p("/measures/2/progress", diag.RuleType), p("/measures/7/goals/0", diag.RuleUnknownGoal)},
			reason: "an unreadable progress is not also a missing progress; another measure's problem stays"},
		{schema: diag.List{p("/measures/3", diag.RuleSchema)}, semantic: diag.List{p("/measures/3/owner", diag.RuleUnknownOwner)},
			want:   diag.List{p("/measures/3", diag.RuleSchema), p("/measures/3/owner", diag.RuleUnknownOwner)},
			reason: "a missing required property of a measure does not hide its other problems"},
		{decode: diag.List{p("/measures/4", diag.RuleType)}, semantic: diag.List{p("/measures/4/id", diag.RuleDuplicateID)},
			want:   diag.List{p("/measures/4", diag.RuleType)},
			reason: "nothing inside a measure of the wrong type was read"},
		{decode: diag.List{p("/measures/5/start", diag.RuleValue)}, semantic: diag.List{p("/measures/5/end", diag.RuleEndBeforeStart)},
			want:   diag.List{p("/measures/5/start", diag.RuleValue)},
			reason: "an end compared with an unreadable start"},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, merge(tc.bytes, tc.schema, tc.decode, tc.semantic), tc.reason)
	}
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

// TestPanicOnWorkerIsAProblem makes the JSON Schema validator panic on one
// measure, which a worker goroutine validates: the panic becomes a problem
// at that measure, and every other layer still reports.
func TestPanicOnWorkerIsAProblem(t *testing.T) {
	old := validateValue
	t.Cleanup(func() { validateValue = old })
	// holds reports whether v is measure M150 or a chunk of measures
	// (arrays nested in arrays) that has it.
	var holds func(v any) bool
	holds = func(v any) bool {
		switch x := v.(type) {
		case map[string]any:
			return x["id"] == "M150"
		case []any:
			return slices.ContainsFunc(x, holds)
		}
		return false
	}
	validateValue = func(s *jsonschema.Schema, v any) error {
		if holds(v) {
			var r *big.Rat
			_ = r.Sign() // the nil big.Rat of the crashes this guards against
		}
		return old(s, v)
	}
	data := strings.Replace(string(generatePortfolio(4*chunk)), `"GK1"`, `"GK9"`, 1)
	p, l := ValidatePortfolio([]byte(data), blStrategy(t))
	require.NotNil(t, p)
	require.Len(t, l, 2, "%v", l)
	assert.Equal(t, diag.RuleUnknownGoal, l[0].Rule, "the other layers report as ever")
	assert.Equal(t, diag.RuleInternal, l[1].Rule)
	assert.Equal(t, "/measures/150", l[1].Pointer)
	assert.Contains(t, l[1].Message, "the JSON Schema validator failed here (runtime error: invalid memory address or nil pointer dereference)")
	assert.Positive(t, l[1].Line, "placed like any problem")
}

// TestCrashRegressions are the inputs that crashed validation or took
// minutes: each is now a problem at its pointer, found at once.
func TestCrashRegressions(t *testing.T) {
	base := string(generatePortfolio(3 * chunk))
	huge := "1" + strings.Repeat("0", 3_000_000)
	tests := []struct {
		data, pointer string
		rule          diag.Rule
		reason        string
	}{
		{strings.Replace(base, `"progress": 7`, `"progress": 1e-10000000`, 1), "/measures/1/progress", diag.RuleNumber,
			"an underflowing progress made the schema library panic on a nil big.Rat (santhosh-tekuri/jsonschema#77, #261)"},
		{strings.Replace(base, `"progress": 7`, `"progress": 1e10000000`, 1), "/measures/1/progress", diag.RuleNumber, "and so did an overflowing one"},
		{strings.Replace(base, `"minutesPerDay": 2.5`, `"minutesPerDay": 1e400`, 1), "/measures/0/savings/minutesPerDay", diag.RuleNumber, "1e400 is out of float64 range"},
		{strings.Replace(base, `"progress": 7`, `"progress": `+huge, 1), "/measures/1/progress", diag.RuleNumber,
			"a 3-million-digit number took minutes (quadratic in its length)"},
		{strings.Replace(base, `"progress": 7,`, `"progress": 7, "extensions": {"n": -1e-10000000},`, 1), "/measures/1/extensions/n", diag.RuleNumber,
			"even where any value is allowed"},
	}
	for _, tc := range tests {
		_, l := ValidatePortfolio([]byte(tc.data), blStrategy(t))
		require.Len(t, l, 1, "%s: %v", tc.reason, l)
		assert.Equal(t, tc.pointer, l[0].Pointer, tc.reason)
		assert.Equal(t, tc.rule, l[0].Rule, tc.reason)
	}
	_, l := ValidateStrategy([]byte(strings.Replace(string(examples.StrategyJSON), `"start": 2023`, `"start": 1e10000000`, 1)))
	require.Len(t, l, 1, "%v", l)
	assert.Equal(t, "/period/start", l[0].Pointer, "a strategy's period too")
}

// TestManyProblemsCounted checks that a file with 3,000 unknown members
// (found by both the schema and the decoder) lists 1,000 problems and
// counts the rest once: 2,001 more (with the missing required members).
func TestManyProblemsCounted(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"measures": [], "strategy": "bl-dt-2026"`)
	for i := range 3000 {
		fmt.Fprintf(&b, `, "x%d": 1`, i)
	}
	b.WriteString("}")
	_, l := ValidatePortfolio([]byte(b.String()), nil)
	require.Len(t, l, diag.MaxProblems+1)
	assert.Equal(t, diag.RuleTruncated, l[diag.MaxProblems].Rule)
	assert.Equal(t, 2001, l[diag.MaxProblems].Omitted(), "3,000 unknown members and one missing-required problem, 1,000 listed")
}

func TestLinks(t *testing.T) {
	tests := []struct {
		url, want string // want: the rule, "" for a good link
		reason    string
	}{
		{"https://www.bl.ch/digital?x=1#a", "", "an https URL with a host"},
		{"mailto:digital@bl.ch", "", "a mailto address"},
		{"https://", "schema", "https without a host: the schema's pattern finds it, reported once"},
		{"mailto:", "schema", "mailto without an address"},
		{"http://www.bl.ch", "schema", "not https"},
		{"javascript:alert(1)", "schema", "not a web link"},
		{"https://www.bl.ch/%zz", "link", "a malformed escape that only net/url finds"},
		{"https://[::1/x", "link", "a malformed IPv6 host"},
	}
	base := string(generatePortfolio(2))
	for _, tc := range tests {
		data := strings.Replace(base, `"id": "M1",`, `"id": "M1", "links": [{"title": {"de": "L"}, "url": `+strconv.Quote(tc.url)+`}],`, 1)
		_, l := ValidatePortfolio([]byte(data), nil)
		var rules []string
		for _, p := range l {
			rules = append(rules, string(p.Rule))
			assert.Equal(t, "/measures/1/links/0/url", p.Pointer, tc.reason)
		}
		if tc.want == "" {
			assert.Empty(t, rules, tc.reason)
		} else {
			assert.Equal(t, []string{tc.want}, rules, tc.reason)
		}
	}
}
