package jsondoc

import (
	"encoding/json"
	"runtime"
	"strings"
	"testing"
	"unsafe"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestBuilderReuse builds trees one after the other with one Builder, which
// recycles the maps and arrays of each tree for the next: each tree must be
// what a fresh Value builds, whatever came before it.
func TestBuilderReuse(t *testing.T) {
	long := strings.Repeat("x", 300)
	texts := []struct {
		text   string
		reason string
	}{
		{`{"a": [1, "x", true, null], "b": {"c": []}}`, "nested maps and arrays"},
		{`{"a": 1}`, "fewer members than the map recycled from before: no stale member may remain"},
		{`[[1, [2, 3]], [], [[4]], 5]`, "arrays inside arrays share one stack of items"},
		{`{"1": "1", "x": 1, "y": "1"}`, "a string and a number with the same literal stay of their own type"},
		{`["` + long + `", "` + long + `"]`, "long strings are not interned"},
		{`{"a": "x\u00e9\n", "b": "\u00e9"}`, "escaped strings are unquoted"},
		{`[` + strings.Repeat(`{"k": [1, 2]},`, 5000) + `{}]`, "more maps and items than a Builder keeps for reuse"},
		{`{"a": [1, "x", true, null], "b": {"c": []}}`, "the first document again, after a large one"},
		{`{"a": `, "not JSON: nil"},
		{`"just a string"`, "a scalar at the top"},
	}
	b := Builder{Number: func(s string) any { return json.Number(s) }}
	for _, tt := range texts {
		fresh := Builder{Number: b.Number}
		want := fresh.Value([]byte(tt.text))
		got := b.Value([]byte(tt.text))
		assert.Equal(t, want, got, tt.reason)
		if want != nil {
			var plain any
			dec := json.NewDecoder(strings.NewReader(tt.text))
			dec.UseNumber()
			if assert.NoError(t, dec.Decode(&plain)) {
				assert.Equal(t, plain, got, "as encoding/json reads it: "+tt.reason)
			}
		}
	}
}

// TestBuilderEmptyArray checks that an empty array is an empty, non-nil
// []any, as encoding/json makes it, also when it comes from the arena.
func TestBuilderEmptyArray(t *testing.T) {
	var b Builder
	for range 3 {
		v := b.Value([]byte(`{"a": [], "b": [1]}`))
		m, ok := v.(map[string]any)
		if !assert.True(t, ok) {
			return
		}
		a, ok := m["a"].([]any)
		assert.True(t, ok && a != nil && len(a) == 0, "an empty array is a non-nil []any")
		assert.Equal(t, []any{1.0}, m["b"], "without Number, numbers are float64")
	}
}

func TestCountItems(t *testing.T) {
	tests := []struct {
		text   string
		want   int
		reason string
	}{
		{`1, 2, 3]`, 3, "plain items"},
		{` {"a": [1, 2], "b": {"c": 3}}, [4, 5]]`, 2, "commas inside nested values do not count"},
		{`"a,b]", "c\"]", "\\"]`, 3, "commas, brackets and escaped quotes inside strings do not count"},
		{`1, 2`, 0, "a text that ends before the array does: no hint"},
		{`"unterminated`, 0, "an unterminated string: no hint"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, countItems([]byte(tt.text), 0), tt.reason)
	}
}

// TestListLong reads lists longer than the first chunk, whose rest is
// counted, also when the count is wrong because the text is broken.
func TestListCounted(t *testing.T) {
	items := strings.Repeat("1, ", 199) + "1"
	for _, tt := range []struct {
		text   string
		want   int
		reason string
	}{
		{"[" + items + "]", 200, "counted exactly"},
		{"[" + items + ", {]", 200, "broken after the items: read as far as they go"},
		{"[" + strings.Repeat(`"x", `, 100) + `"y"]`, 101, "strings"},
	} {
		r := NewReader([]byte(tt.text))
		got := List(r, (*Reader).Float)
		if len(got) < tt.want {
			t.Errorf("%s: %d items, want %d", tt.reason, len(got), tt.want)
		}
		assert.LessOrEqual(t, len(got), tt.want+1, tt.reason)
	}
}

// TestListLargeItemsOnce checks that a long list of large items is
// allocated once, at its counted length: append rounds capacities up to
// size classes, so the first chunk of such items fills at 66, not 64
// (the count used to be skipped then, and the list grew by doubling, each
// chunk copied once more at the end: three times the memory).
func TestListLargeItemsOnce(t *testing.T) {
	type large struct {
		F    float64
		Rest [50]uint64 // 408 bytes in all, as a portfolio's measure
	}
	const n = 2000
	text := []byte("[" + strings.Repeat("1, ", n-1) + "1]")
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	got := List(NewReader(text), func(r *Reader) large { return large{F: r.Float()} })
	runtime.ReadMemStats(&after)
	require.Len(t, got, n)
	size := int(unsafe.Sizeof(large{}))
	assert.Less(t, int(after.TotalAlloc-before.TotalAlloc), n*size*5/4,
		"the list is allocated once (with the first chunk of 66 before it), not doubled and copied")
}
