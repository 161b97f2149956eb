package jsondoc

import (
	"fmt"
	"testing"
	"time"

	"github.com/bl-digital/kompass/diag"
	"github.com/stretchr/testify/assert"
)

// day is a date decoded with UnmarshalText, like strategy.Date.
type day struct{ t time.Time }

func (d *day) UnmarshalText(b []byte) error {
	t, err := time.Parse(time.DateOnly, string(b))
	if err != nil {
		return fmt.Errorf("invalid date %q", b)
	}
	d.t = t
	return nil
}

func (d day) IsZero() bool { return d.t.IsZero() }

// color is an enum with UnmarshalText, like the model's enums.
type color string

func (c *color) UnmarshalText(b []byte) error {
	if s := string(b); s == "red" || s == "blue" {
		*c = color(s)
		return nil
	}
	return fmt.Errorf("unknown color %q (allowed: red, blue)", b)
}

type item struct {
	ID    string  `json:"id"`
	Date  day     `json:"date,omitzero"`
	Count int     `json:"count,omitempty"`
	Tags  []color `json:"tags"`
}

type list struct {
	Name  string `json:"name"`
	Items []item `json:"items"`
}

func TestUnmarshal(t *testing.T) {
	tests := []struct {
		name    string
		data    string
		isolate bool
		want    diag.List
		reason  string
	}{
		{"valid", `{"name": "x", "items": [{"id": "a", "date": "2025-03-01"}]}`, false, nil, "nothing to report"},
		{"unknown member", `{"name": "x", "extra": 1}`, false,
			diag.List{{Line: 1, Column: 15, Pointer: "/extra", Rule: "unknown-property", Message: `unknown property "extra"`}},
			"unknown members are errors"},
		{"wrong type", `{"name": 5}`, false,
			diag.List{{Line: 1, Column: 10, Pointer: "/name", Rule: "type", Message: "expected string, but got number"}},
			"a number where a string belongs"},
		{"text type", `{"items": [{"date": 2025}]}`, false,
			diag.List{{Line: 1, Column: 21, Pointer: "/items/0/date", Rule: "type", Message: "expected string, but got number"}},
			"a type with UnmarshalText wants a string"},
		{"bad date", "{\"items\": [\n{\"date\": \"2025-02-30\"}]}", false,
			diag.List{{Line: 2, Column: 10, Pointer: "/items/0/date", Rule: "value", Message: `invalid date "2025-02-30"`}},
			"UnmarshalText's error is the message"},
		{"not an integer", `{"items": [{"count": 1.5}]}`, false,
			diag.List{{Line: 1, Column: 22, Pointer: "/items/0/count", Rule: "type", Message: "expected integer, but got 1.5"}},
			"a fraction for an int"},
		{"first only", `{"items": [{"x": 1}, {"y": 2}]}`, false,
			diag.List{{Line: 1, Column: 13, Pointer: "/items/0/x", Rule: "unknown-property", Message: `unknown property "x"`}},
			"without isolation decoding stops at the first problem"},
		{"isolated", `{"items": [{"x": 1}, {"id": "ok"}, {"tags": ["green"]}], "name": 1}`, true,
			diag.List{
				{Line: 1, Column: 13, Pointer: "/items/0/x", Rule: "unknown-property", Message: `unknown property "x"`},
				{Line: 1, Column: 46, Pointer: "/items/2/tags/0", Rule: "value", Message: `unknown color "green" (allowed: red, blue)`},
				{Line: 1, Column: 66, Pointer: "/name", Rule: "type", Message: "expected string, but got number"},
			},
			"with isolation every bad item is reported, and decoding goes on after them"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var v list
			var got diag.List
			if tc.isolate {
				got = Unmarshal([]byte(tc.data), &v, Isolate[item]())
			} else {
				got = Unmarshal([]byte(tc.data), &v)
			}
			assert.Equal(t, tc.want, got, tc.reason)
		})
	}
}

func TestUnmarshalKeepsGoodValues(t *testing.T) {
	var v list
	l := Unmarshal([]byte(`{"name": "n", "items": [{"id": "a", "date": "2025-01-02"}, {"id": "b", "bad": 1}, {"id": "c"}]}`), &v, Isolate[item]())
	assert.Len(t, l, 1)
	assert.Equal(t, "n", v.Name)
	assert.Len(t, v.Items, 3, "the bad item keeps its place")
	assert.Equal(t, time.Date(2025, 1, 2, 0, 0, 0, 0, time.UTC), v.Items[0].Date.t, "dates decode through UnmarshalText")
	assert.Equal(t, "c", v.Items[2].ID, "items after a bad one are decoded")
}
