package strategy_test

import (
	"testing"

	"github.com/bl-digital/kompass/examples"
	"github.com/bl-digital/kompass/internal/jsondoc"
	"github.com/bl-digital/kompass/internal/jsondoc/jsondoctest"
	"github.com/bl-digital/kompass/strategy"
)

// matchesJSONv2 checks that Unmarshal decodes data as encoding/json/v2 does.
func matchesJSONv2(t *testing.T, data []byte) {
	t.Helper()
	jsondoctest.MatchesJSONv2(t, data, jsondoc.Options{}, strategy.Unmarshal)
}

func TestUnmarshalMatchesJSONv2(t *testing.T) {
	tests := []struct{ doc, reason string }{
		{string(examples.StrategyJSON), "the BL strategy"},
		{small, "the small strategy of the decode tests"},
		{`{}`, "nothing given"},
		{`{"id": null, "adopted": null, "period": null, "maxims": null, "focusAreas": [null], "glossary": [], "extensions": null}`,
			"null is the zero value"},
		{`{"period": {"start": 2026, "end": 2030.5}}`, "years are integers"},
		{`{"period": {"start": "2026"}}`, "years are numbers"},
		{`{"adopted": "2026-02-29"}`, "a day that does not exist"},
		{`{"adopted": 2026}`, "a date is a string"},
		{`{"focusAreas": [{"benefits": [{"de": "B"}, null, "x"], "goals": [{"beneficiaries": ["staff", null, "aliens"]}]}]}`,
			"benefits are Text, beneficiaries an enum"},
		{`{"glossary": [{"term": {"de": "T"}, "definition": {"de": "D"}, "see": "x"}]}`, "an unknown member in the glossary"},
		{`{"maxims": [{"extensions": {"x": [1, {"y": null}]}}]}`, "extensions hold anything"},
		{`{"vision": {"de": "\u00e9\ud83d\ude00"}, "\u0074itle": {}}`, "escapes"},
	}
	for _, tc := range tests {
		t.Run(tc.reason, func(t *testing.T) { matchesJSONv2(t, []byte(tc.doc)) })
	}
}
