package jsondoc

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/bl-digital/kompass/diag"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCheck(t *testing.T) {
	deep := strings.Repeat("[", 65) + strings.Repeat("]", 65)
	tests := []struct {
		name   string
		data   string
		opts   Options
		want   diag.List
		ok     bool // a Doc is returned
		reason string
	}{
		{"valid", `{"a": [1, "x", true, null]}`, Options{}, nil, true, "nothing to report"},
		{"empty", ``, Options{}, diag.List{{Line: 1, Column: 1, Rule: diag.RuleEmpty, Message: "the file is empty"}}, false,
			"an empty file has a rule of its own"},
		{"blank", " \n\t", Options{}, diag.List{{Line: 1, Column: 1, Rule: diag.RuleEmpty, Message: "the file is empty"}}, false,
			"whitespace only is empty too"},
		{"too large", `{"a": 1}`, Options{MaxSize: 4},
			diag.List{{Line: 1, Column: 1, Rule: diag.RuleTooLarge, Message: "the file is larger than the limit of 4 bytes"}}, false,
			"refused before reading"},
		{"bom", "\xEF\xBB\xBF{}", Options{},
			diag.List{{Line: 1, Column: 1, Rule: diag.RuleBOM, Severity: diag.Warning, Message: "the file starts with a UTF-8 byte order mark; it was ignored"}},
			true, "a byte order mark is a warning and the document is still read"},
		{"syntax", "{\"a\": 1,\n \"b\" 2}", Options{},
			diag.List{{Line: 2, Column: 6, Pointer: "/b", Rule: diag.RuleSyntax, Message: "invalid character '2' after object name (expecting ':')"}}, false,
			"a syntax error with line and column of the bad byte"},
		{"truncated", `{"a": [1, 2`, Options{},
			diag.List{{Line: 1, Column: 12, Pointer: "/a", Rule: diag.RuleSyntax, Message: "unexpected end of the file"}}, false,
			"a file that ends in the middle"},
		{"trailing", `{} {}`, Options{},
			diag.List{{Line: 1, Column: 4, Rule: diag.RuleSyntax, Message: "unexpected data after the top-level value"}}, false,
			"a second top-level value is not JSON"},
		{"duplicate", "{\"a\": 1,\n  \"a\": 2}", Options{},
			diag.List{{Line: 2, Column: 3, Pointer: "/a", Rule: diag.RuleDuplicateKey, Message: `duplicate member "a" in one object`}}, true,
			"the second member is reported where its name starts, and reading goes on"},
		{"duplicate nested", `[{"x": {"b": 1, "b": 1}}]`, Options{},
			diag.List{{Line: 1, Column: 17, Pointer: "/0/x/b", Rule: diag.RuleDuplicateKey, Message: `duplicate member "b" in one object`}}, true,
			"duplicates are found at any depth"},
		{"same name in two objects", `[{"a": 1}, {"a": 2}]`, Options{}, nil, true, "names repeat across objects"},
		{"invalid utf8", "{\"a\": \"x\xffy\"}", Options{},
			diag.List{{Line: 1, Column: 9, Pointer: "/a", Rule: diag.RuleUTF8, Message: "invalid UTF-8 in a string"}}, true,
			"the position of the bad byte, and the document is still read"},
		{"invalid utf8 name", "{\"\xff\": 1}", Options{},
			diag.List{{Line: 1, Column: 3, Pointer: "/\ufffd", Rule: diag.RuleUTF8, Message: "invalid UTF-8 in a string"}}, true,
			"member names are checked too"},
		{"too deep", deep, Options{},
			diag.List{{Line: 1, Column: 65, Pointer: "/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0",
				Rule: diag.RuleTooDeep, Message: "nested deeper than the limit of 64 levels"}}, false,
			"the 65th level is refused"},
		{"deep enough", strings.Repeat("[", 64) + strings.Repeat("]", 64), Options{}, nil, true, "64 levels are fine"},
		{"too many", `{"m": [1, 2, 3], "n": [1, 2, 3]}`, Options{Limits: []Limit{{Member: "m", Max: 2}}},
			diag.List{{Line: 1, Column: 14, Pointer: "/m", Rule: diag.RuleTooMany, Message: "more than 2 items, the limit"}}, false,
			"the third item of m is one too many"},
		{"limit only at the top", `{"x": {"m": [1, 2, 3]}}`, Options{Limits: []Limit{{Member: "m", Max: 2}}}, nil, true,
			"a limit applies to the top-level member only"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc, got := Check([]byte(tc.data), tc.opts)
			assert.Equal(t, tc.want, got, tc.reason)
			assert.Equal(t, tc.ok, doc != nil, tc.reason)
		})
	}
}

func TestCheckTree(t *testing.T) {
	data := "\xEF\xBB\xBF" + `{"s": "a\u00e9", "n": 1.50, "b": [true, false, null], "o": {}, "a": [], "d": 1, "d": 2}`
	doc, l := Check([]byte(data), Options{Tree: true})
	require.NotNil(t, doc)
	assert.Len(t, l, 2, "the BOM warning and the duplicate")
	assert.Equal(t, map[string]any{
		"s": "aé",
		"n": json.Number("1.50"),
		"b": []any{true, false, nil},
		"o": map[string]any{},
		"a": []any{},
		"d": json.Number("2"),
	}, doc.Tree, "plain values as the JSON Schema validator wants them; numbers keep their text; the last duplicate counts")
	assert.Equal(t, data[3:], string(doc.Text), "Text is without the byte order mark")

	doc, _ = Check([]byte(`{"a": 1}`), Options{})
	assert.Nil(t, doc.Tree, "no tree unless asked for")
}

func TestCheckInterning(t *testing.T) {
	long := strings.Repeat("x", maxIntern+1)
	doc, _ := Check([]byte(`[{"id": "a\"b", "k": "`+long+`"}, {"id": "a\"b", "k": "`+long+`"}]`), Options{Tree: true})
	require.NotNil(t, doc)
	for _, o := range doc.Tree.([]any) {
		assert.Equal(t, map[string]any{"id": `a"b`, "k": long}, o, "escaped and long strings are read in full")
	}
}
