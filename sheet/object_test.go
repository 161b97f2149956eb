package sheet

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"testing"
)

// TestWriteIndented checks the writer of import's output against
// encoding/json: the same text as json.Indent of the compact form.
func TestWriteIndented(t *testing.T) {
	nested := newObject()
	nested.set("de", "Titel")
	nested.set("fr", "Titre \"à\" <b> & \u2028")
	withEmpty := newObject()
	withEmpty.set("list", []any{})
	withEmpty.set("obj", newObject())
	withEmpty.set("null", nil)
	for _, tc := range []struct {
		name string
		v    any
	}{
		{"an empty object stays {}", newObject()},
		{"an empty list stays []", []any{}},
		{"scalars", []any{"a", 1.5, true, false, nil, 0.0, -3.0}},
		{"nested members keep their order", func() any {
			o := newObject()
			o.set("id", "M1")
			o.set("title", nested)
			o.set("goals", []any{"Z1", "Z2"})
			return o
		}()},
		{"empty lists and objects inside", []any{withEmpty, []any{[]any{}}}},
		{"raw JSON of a base file is laid out anew at its depth", func() any {
			o := newObject()
			o.set("measures", []any{json.RawMessage("{\n\t\"id\":  \"M1\", \"x\" : [ 1,2 ,{ } ],\"e\":{}}"), json.RawMessage(`"s"`)})
			return o
		}()},
		{"a long list is written in parts, joined in order", func() any {
			l := make([]any, 3001)
			for i := range l {
				o := newObject()
				o.set("id", fmt.Sprint("M", i))
				o.set("n", float64(i))
				o.set("l", []any{})
				l[i] = o
			}
			o := newObject()
			o.set("measures", l)
			return o
		}()},
		{"numbers as encoding/json writes them", []any{1e-7, 1e21, 123456789.125, -0.000001, 1e20, 5e-324, math.MaxFloat64}},
	} {
		var compact, want, got bytes.Buffer
		if err := writeJSON(&compact, tc.v); err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if err := json.Indent(&want, compact.Bytes(), "", "  "); err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if err := writeIndented(&got, tc.v, 0); err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if got.String() != want.String() {
			t.Errorf("%s:\ngot  %s\nwant %s", tc.name, got.String(), want.String())
		}
	}
}

// TestAppendFloat checks the number format against encoding/json's.
func TestAppendFloat(t *testing.T) {
	for _, f := range []float64{0, 1, -1, 0.1, 1e-6, 9.99e-7, 1e-7, 1.5e-10, 1e20, 1e21, 1.2e21, -1e21, 1200000, 0.30000000000000004, 5e-324, math.MaxFloat64, -math.SmallestNonzeroFloat64} {
		want, _ := json.Marshal(f)
		if got := appendFloat(nil, f); string(got) != string(want) {
			t.Errorf("%g: got %s, want %s", f, got, want)
		}
	}
	var b bytes.Buffer
	if err := writeJSON(&b, math.NaN()); err == nil {
		t.Error("NaN: no error")
	}
}
