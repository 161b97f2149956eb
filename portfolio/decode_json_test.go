package portfolio_test

import (
	"strings"
	"testing"

	"github.com/bl-digital/kompass/diag"
	"github.com/bl-digital/kompass/examples"
	"github.com/bl-digital/kompass/internal/jsondoc"
	"github.com/bl-digital/kompass/internal/jsondoc/jsondoctest"
	"github.com/bl-digital/kompass/portfolio"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// matchesJSONv2 checks that Unmarshal decodes data as encoding/json/v2 does.
func matchesJSONv2(t *testing.T, data []byte) {
	t.Helper()
	jsondoctest.MatchesJSONv2(t, data, jsondoc.Options{Limits: []jsondoc.Limit{{Member: "measures", Max: portfolio.MaxMeasures}}}, portfolio.Unmarshal)
}

func TestUnmarshalMatchesJSONv2(t *testing.T) {
	tests := []struct{ doc, reason string }{
		{string(examples.PortfolioJSON), "the example portfolio"},
		{small, "the small portfolio of the decode tests"},
		{`{}`, "nothing given"},
		{`null`, "null is the zero portfolio"},
		{`{"id": null, "title": null, "asOf": null, "currency": null, "measures": null, "organisations": null, "extensions": null}`,
			"null members are zero values, enums and dates included"},
		{`{"measures": [], "organisations": [], "title": {}, "extensions": {}}`, "empty lists and objects are not nil"},
		{`{"measures": [null, {}], "organisations": [{"id": "x"}, null]}`, "null items are zero items"},
		{`{"measures": [{"progress": null, "weight": 0, "budget": null, "savings": {}, "selfAssessment": {"status": null}}]}`,
			"optional numbers and objects: null is nil, a value a pointer"},
		{`{"measures": [{"budget": {"planned": 1.5e6, "spent": -0}, "savings": {"people": -0, "minutesPerDay": 2E-1}}]}`,
			"number syntax"},
		{`{"measures": [{"savings": {"people": 1.0}}]}`, "1.0 is no integer"},
		{`{"measures": [{"savings": {"people": 1e2}}]}`, "nor is 1e2"},
		{`{"measures": [{"savings": {"people": 99999999999999999999}}]}`, "an integer out of range"},
		{`{"measures": [{"progress": 1e400}]}`, "a number out of range"},
		{`{"measures": [{"status": "running"}, {"fields": ["data", "magic"]}, {"purpose": ""}]}`, "bad enum values, the empty one too"},
		{`{"measures": [{"start": "2026-02-30"}]}`, "a date that does not exist"},
		{`{"measures": [{"milestones": [{"done": null, "due": "2026"}, {"done": true}]}]}`, "booleans"},
		{`{"measures": [{"links": [{"url": 1}]}]}`, "a number for a string"},
		{`{"measures": {"id": "M"}}`, "an object for an array"},
		{`{"measures": [{"title": "T"}]}`, "a string for Text"},
		{`{"measures": [{"title": {"de": 1}}]}`, "a number in Text"},
		{`{"measures": [{"title": {"de": null, "xx": "y"}}]}`, "Text takes any language; null is empty"},
		{`{"measures": [{"extensions": {"a": [1, 2.5, null, {"b": true}, "s"], "n": {}}}]}`, "extensions hold anything"},
		{`{"extensions": [1]}`, "extensions are an object"},
		{`{"measures": [{"prio": 1}]}`, "an unknown member"},
		{`{"Measures": []}`, "names are case-sensitive"},
		{`{"\u0069d": "p\u00e9\n\ud83d\ude00", "title": {"d\u0065": "\"\\\/\b\f\r\t"}}`, "escapes in names and values"},
		{`{"measures": [{"goals": ["G1", null, 3]}]}`, "ids are strings"},
		{`[]`, "an array for the portfolio"},
		{`"p"`, "a string for the portfolio"},
		{`{"measures": [{"beneficiaries": ["staff", "aliens"], "dependsOn": {}}]}`, "more than one problem"},
	}
	for _, tc := range tests {
		t.Run(tc.reason, func(t *testing.T) { matchesJSONv2(t, []byte(tc.doc)) })
	}
}

func TestUnmarshalReportsEveryProblem(t *testing.T) {
	doc := `{"measures": [
  {"id": "M1", "status": "running", "prio": 1, "progress": "x"},
  {"id": "M2", "savings": {"people": 1.5}, "start": "2026-13"}
], "extra": true}`
	p, l := portfolio.Unmarshal([]byte(doc))
	require.NotNil(t, p, "decoding reads on past bad values")
	assert.Equal(t, []portfolio.ID{"M1", "M2"}, []portfolio.ID{p.Measures[0].ID, p.Measures[1].ID}, "what decoded is kept for Validate")
	assert.Nil(t, p.Measures[0].Progress, "a bad value is left zero")
	var got []string
	for _, pr := range l {
		got = append(got, string(pr.Rule)+" "+pr.String())
	}
	assert.Equal(t, []string{
		`value 2:26: /measures/0/status: unknown status "running" (allowed: planned, active, paused, completed, cancelled)`,
		`unknown-property 2:37: /measures/0/prio: unknown property "prio"`,
		`type 2:60: /measures/0/progress: expected number, but got string`,
		`type 3:38: /measures/1/savings/people: expected integer, but got 1.5`,
		`value 3:53: /measures/1/start: invalid date "2026-13": month 13 out of range`,
		`unknown-property 4:4: /extra: unknown property "extra"`,
	}, got, "all problems of a measure and of all measures, in the order of the text; unknown members at their names, the others at their values")
	_, l = portfolio.Unmarshal([]byte(strings.TrimSuffix(doc, "}")))
	assert.Equal(t, diag.RuleSyntax, l[len(l)-1].Rule, "a syntax error ends reading")
}
