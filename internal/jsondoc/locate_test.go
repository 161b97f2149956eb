package jsondoc

import (
	"testing"

	"github.com/bl-digital/kompass/diag"
	"github.com/stretchr/testify/assert"
)

func TestLocate(t *testing.T) {
	data := []byte("\xEF\xBB\xBF" + `{
  "id": "p",
  "measures": [
    {"id": "M1", "goals": ["GK1", "XX"]},
    {"id": "M2",
     "a/b": {"c~d": 1}}
  ],
  "id": "again"
}`)
	tests := []struct {
		pointer   string
		line, col int
		reason    string
	}{
		{"", 1, 1, "the whole document is its first value"},
		{"/id", 2, 3, "an object member points at its name"},
		{"/measures/0/goals/1", 4, 35, "an array item points at its value"},
		{"/measures/1", 5, 5, "an array item that is an object"},
		{"/measures/1/a~1b/c~0d", 6, 14, "escaped reference tokens"},
		{"/measures/0/progress", 4, 5, "a missing member falls back to its object"},
		{"/measures/7/id", 3, 3, "a missing item falls back to its array's member"},
		{"/nothing/at/all", 1, 1, "nothing found falls back to the document"},
	}
	l := make(diag.List, len(tests))
	for i, tc := range tests {
		l[i] = diag.Problem{Pointer: tc.pointer}
	}
	l = append(l, diag.Problem{Pointer: "/id", Line: 99, Column: 9})
	Locate(data, l)
	for i, tc := range tests {
		assert.Equal(t, [2]int{tc.line, tc.col}, [2]int{l[i].Line, l[i].Column}, "%s: %s", tc.pointer, tc.reason)
	}
	assert.Equal(t, [2]int{99, 9}, [2]int{l[len(l)-1].Line, l[len(l)-1].Column}, "positions already known are kept")
}

func TestLocateBrokenDocument(t *testing.T) {
	l := diag.List{{Pointer: "/a/b"}, {Pointer: "/c"}}
	Locate([]byte(`{"a": {"b": [1, 2`), l)
	assert.Equal(t, 1, l[0].Line, "a broken document still locates what it can")
	assert.Equal(t, 8, l[0].Column)
	assert.Equal(t, 1, l[1].Column, "and falls back to the start")
	Locate(nil, diag.List{{Pointer: "/x"}}) // no panic on nothing
}

func TestPointerTokens(t *testing.T) {
	assert.Nil(t, pointerTokens(""), "the whole document")
	assert.Equal(t, []string{""}, pointerTokens("/"), "the member with the empty name")
	assert.Equal(t, []string{"a/b", "c~d", "0"}, pointerTokens("/a~1b/c~0d/0"))
	assert.Equal(t, []string{"~1"}, pointerTokens("/~01"), "~01 is ~1, not /")
}
