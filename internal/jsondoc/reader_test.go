package jsondoc

import (
	"fmt"
	"testing"
	"time"

	"github.com/bl-digital/kompass/diag"
	"github.com/stretchr/testify/assert"
)

// item and list are a small model with a hand-written decoder, as the
// strategy and portfolio packages write theirs.
type item struct {
	ID    string
	Date  time.Time
	Count int
	Tags  []string
	Ratio *float64
	Done  bool
	Ext   map[string]any
}

type list struct {
	Name  string
	Items []item
	Text  map[string]string
}

func parseDay(s string) (time.Time, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("invalid date %q", s)
	}
	return t, nil
}

func parseColor(s string) (string, error) {
	if s == "red" || s == "blue" {
		return s, nil
	}
	return "", fmt.Errorf("unknown color %q (allowed: red, blue)", s)
}

func readItem(r *Reader) (it item) {
	r.Object(func(name []byte) {
		switch string(name) {
		case "id":
			it.ID = r.String()
		case "date":
			it.Date = Parse(r, parseDay)
		case "count":
			it.Count = r.Int()
		case "tags":
			it.Tags = List(r, func(r *Reader) string { return Parse(r, parseColor) })
		case "ratio":
			it.Ratio = r.FloatPtr()
		case "done":
			it.Done = r.Bool()
		case "ext":
			it.Ext = r.Map()
		default:
			r.Unknown()
		}
	})
	return it
}

func readList(text string) (list, diag.List) {
	var v list
	r := NewReader([]byte(text))
	r.Object(func(name []byte) {
		switch string(name) {
		case "name":
			v.Name = r.String()
		case "items":
			v.Items = List(r, readItem)
		case "text":
			v.Text = r.StringMap()
		default:
			r.Unknown()
		}
	})
	r.End()
	return v, r.Problems()
}

func TestReaderProblems(t *testing.T) {
	tests := []struct {
		name   string
		data   string
		want   diag.List
		reason string
	}{
		{"valid", `{"name": "x", "items": [{"id": "a", "date": "2025-03-01", "tags": ["red"]}]}`, nil, "nothing to report"},
		{"unknown member", `{"name": "x", "extra": {"a": [1]}}`,
			diag.List{{Line: 1, Column: 15, Pointer: "/extra", Rule: diag.RuleUnknownProperty, Message: `unknown property "extra"`}},
			"unknown members are errors, at their names"},
		{"wrong type", `{"name": 5}`,
			diag.List{{Line: 1, Column: 10, Pointer: "/name", Rule: diag.RuleType, Message: "expected string, but got number"}},
			"a number where a string belongs, at the value"},
		{"text type", `{"items": [{"date": 2025}]}`,
			diag.List{{Line: 1, Column: 21, Pointer: "/items/0/date", Rule: diag.RuleType, Message: "expected string, but got number"}},
			"a parsed value wants a string"},
		{"bad date", "{\"items\": [\n{\"date\": \"2025-02-30\"}]}",
			diag.List{{Line: 2, Column: 10, Pointer: "/items/0/date", Rule: diag.RuleValue, Message: `invalid date "2025-02-30"`}},
			"the parser's error is the message"},
		{"not an integer", `{"items": [{"count": 1.5}]}`,
			diag.List{{Line: 1, Column: 22, Pointer: "/items/0/count", Rule: diag.RuleType, Message: "expected integer, but got 1.5"}},
			"a fraction for an int"},
		{"out of range", `{"items": [{"count": 1e2}, {"count": 123456789012345678901}, {"ratio": -1e999}]}`,
			diag.List{
				{Line: 1, Column: 22, Pointer: "/items/0/count", Rule: diag.RuleType, Message: "expected integer, but got 1e2"},
				{Line: 1, Column: 38, Pointer: "/items/1/count", Rule: diag.RuleValue, Message: "the integer 123456789012345678901 is out of range"},
				{Line: 1, Column: 72, Pointer: "/items/2/ratio", Rule: diag.RuleNumber, Message: "the number -1e999 is too large: it is out of the range of a 64-bit float (about ±1.8e308)"},
			},
			"an exponent is no integer; numbers too large for Go are out of range"},
		{"every problem", `{"items": [{"x": 1}, {"id": "ok"}, {"tags": ["green", "red", true]}], "name": 1, "text": {"de": []}}`,
			diag.List{
				{Line: 1, Column: 13, Pointer: "/items/0/x", Rule: diag.RuleUnknownProperty, Message: `unknown property "x"`},
				{Line: 1, Column: 46, Pointer: "/items/2/tags/0", Rule: diag.RuleValue, Message: `unknown color "green" (allowed: red, blue)`},
				{Line: 1, Column: 62, Pointer: "/items/2/tags/2", Rule: diag.RuleType, Message: "expected string, but got boolean"},
				{Line: 1, Column: 79, Pointer: "/name", Rule: diag.RuleType, Message: "expected string, but got number"},
				{Line: 1, Column: 97, Pointer: "/text/de", Rule: diag.RuleType, Message: "expected string, but got array"},
			},
			"every bad item and member is reported, and reading goes on after them"},
		{"escaped name", `{"n\u0061me": 1, "x\/y": 2}`,
			diag.List{
				{Line: 1, Column: 15, Pointer: "/name", Rule: diag.RuleType, Message: "expected string, but got number"},
				{Line: 1, Column: 18, Pointer: "/x~1y", Rule: diag.RuleUnknownProperty, Message: `unknown property "x/y"`},
			},
			"names are unescaped, pointers escaped"},
		{"syntax", `{"name": "x", "items": [{"id": "a"} {"id": "b"}]}`,
			diag.List{{Line: 1, Column: 37, Pointer: "/items", Rule: diag.RuleSyntax, Message: "a comma is missing here, after the value that ends at 1:35: add ','"}},
			"a syntax error ends reading"},
		{"trailing", `{} []`,
			diag.List{{Line: 1, Column: 4, Rule: diag.RuleSyntax, Message: afterEnd}},
			"nothing may follow the value"},
		{"wrong root", `[1]`,
			diag.List{{Line: 1, Column: 1, Rule: diag.RuleType, Message: "expected object, but got array"}},
			"the document itself has a type"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, got := readList(tc.data)
			assert.Equal(t, tc.want, got, tc.reason)
		})
	}
}

func TestReaderValues(t *testing.T) {
	v, l := readList(`{"name": "a\"b\u00e9", "text": {}, "items": [
		{"id": "a", "date": "2025-01-02", "count": -0, "ratio": 0.5, "done": true, "tags": [], "ext": {"a": [1, "s", null, false, {}]}},
		null,
		{"id": null, "date": null, "ratio": null, "tags": null, "ext": null, "done": null}]}`)
	assert.Nil(t, l)
	half := 0.5
	assert.Equal(t, list{Name: "a\"bé", Text: map[string]string{}, Items: []item{
		{ID: "a", Date: time.Date(2025, 1, 2, 0, 0, 0, 0, time.UTC), Ratio: &half, Done: true, Tags: []string{},
			Ext: map[string]any{"a": []any{1.0, "s", nil, false, map[string]any{}}}},
		{},
		{},
	}}, v, "null is the zero value; [] and {} are empty, not nil; numbers in any values are float64")
}

func TestReaderDeepNesting(t *testing.T) {
	deep := `{"items": [{"ext": {"a": ` + repeat("[", 20_000) + repeat("]", 20_000) + `}}]}`
	_, l := readList(deep)
	if assert.Len(t, l, 1) {
		assert.Equal(t, diag.RuleSyntax, l[0].Rule, "nesting is bounded whatever the input, so recursion is too")
	}
}

func repeat(s string, n int) string {
	b := make([]byte, 0, len(s)*n)
	for range n {
		b = append(b, s...)
	}
	return string(b)
}
