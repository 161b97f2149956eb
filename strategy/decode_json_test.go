package strategy_test

import (
	"errors"
	"reflect"
	"testing"

	"github.com/bl-digital/kompass/examples"
	"github.com/bl-digital/kompass/internal/jsondoc"
	"github.com/bl-digital/kompass/strategy"
	"github.com/go-json-experiment/json"
)

// matchesJSONv2 checks that the hand-written Unmarshal decodes data as
// encoding/json/v2 does with unknown members rejected: both succeed with
// equal values, or both fail and Unmarshal reports, among all its
// problems, the one v2 stops at. Documents that fail jsondoc.Check are
// not compared: Decode never gets to decoding them.
func matchesJSONv2(t *testing.T, data []byte) {
	t.Helper()
	doc, l := jsondoc.Check(data, jsondoc.Options{})
	if doc == nil || l.HasErrors() {
		return
	}
	got, problems := strategy.Unmarshal(doc.Text)
	var want strategy.Strategy
	err := json.Unmarshal(doc.Text, &want, json.RejectUnknownMembers(true))
	if err == nil {
		if problems != nil {
			t.Fatalf("json v2 decodes %q, Unmarshal reports %v", doc.Text, problems)
		}
		if !reflect.DeepEqual(*got, want) {
			t.Fatalf("Unmarshal decodes %q as\n%#v\njson v2 as\n%#v", doc.Text, *got, want)
		}
		return
	}
	if problems == nil {
		t.Fatalf("json v2 fails on %q with %v, Unmarshal decodes it", doc.Text, err)
	}
	var serr *json.SemanticError
	if errors.As(err, &serr) {
		for _, p := range problems {
			if p.Pointer == string(serr.JSONPointer) {
				return
			}
		}
		t.Fatalf("json v2 fails on %q at %s (%v), Unmarshal reports %v", doc.Text, serr.JSONPointer, err, problems)
	}
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
