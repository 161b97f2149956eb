// Package jsondoctest holds test helpers for Kompass's hand-written
// decoders. Only tests import it, so no program links encoding/json/v2.
package jsondoctest

import (
	"errors"
	"reflect"
	"testing"

	"github.com/bl-digital/kompass/diag"
	"github.com/bl-digital/kompass/internal/jsondoc"
	"github.com/go-json-experiment/json"
)

// MatchesJSONv2 checks that unmarshal (a hand-written decoder) decodes data
// as encoding/json/v2 does with unknown members rejected: both succeed with
// equal values (unmarshal may add problems of the rules v2 does not know,
// diag.RuleText and diag.RuleLink), or both fail and unmarshal reports, among all its problems,
// the one v2 stops at. Documents that fail jsondoc.Check with opts are not
// compared: the decoders never get to them.
func MatchesJSONv2[T any](t testing.TB, data []byte, opts jsondoc.Options, unmarshal func([]byte) (*T, diag.List)) {
	t.Helper()
	doc, l := jsondoc.Check(data, opts)
	if doc == nil || l.HasErrors() {
		return
	}
	got, problems := unmarshal(doc.Text)
	var want T
	err := json.Unmarshal(doc.Text, &want, json.RejectUnknownMembers(true))
	if err == nil {
		// The rules beyond types (visible German, link hosts) are the
		// decoder's own: v2 knows nothing of them.
		for _, p := range problems {
			if p.Rule != diag.RuleText && p.Rule != diag.RuleLink {
				t.Fatalf("json v2 decodes %q, Unmarshal reports %v", doc.Text, problems)
			}
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
