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
			diag.List{{Line: 2, Column: 6, Pointer: "/b", Rule: diag.RuleSyntax, Message: "a ':' is missing after the member name \"b\" (found '2')"}}, false,
			"a syntax error with line and column of the bad byte"},
		{"truncated", `{"a": [1, 2`, Options{},
			diag.List{{Line: 1, Column: 12, Pointer: "/a", Rule: diag.RuleSyntax, Message: "the file ends too early: 2 object(s) or array(s) are not closed (missing \"]}\")"}}, false,
			"a file that ends in the middle"},
		{"trailing", `{} {}`, Options{},
			diag.List{{Line: 1, Column: 4, Rule: diag.RuleSyntax, Message: afterEnd}}, false,
			"a second top-level value is not JSON"},
		{"duplicate", "{\"a\": 1,\n  \"a\": 2}", Options{},
			diag.List{{Line: 2, Column: 3, Pointer: "/a", Rule: diag.RuleDuplicateKey, Message: `duplicate member "a" in one object`}}, true,
			"the second member is reported where its name starts, and reading goes on"},
		{"duplicate nested", `[{"x": {"b": 1, "b": 1}}]`, Options{},
			diag.List{{Line: 1, Column: 17, Pointer: "/0/x/b", Rule: diag.RuleDuplicateKey, Message: `duplicate member "b" in one object`}}, true,
			"duplicates are found at any depth"},
		{"same name in two objects", `[{"a": 1}, {"a": 2}]`, Options{}, nil, true, "names repeat across objects"},
		{"invalid utf8", "{\"a\": \"x\xffy\", \"b\": \"ä\"}", Options{},
			diag.List{{Line: 1, Column: 9, Pointer: "/a", Rule: diag.RuleUTF8, Message: "invalid UTF-8 in a string"}}, true,
			"the position of the bad byte, and the document is still read"},
		{"invalid utf8 name", "{\"\xff\": \"ä\"}", Options{},
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
		{"latin-1", "{\"a\": \"caf\xe9\", \"b\": \"na\xefve\"}", Options{},
			diag.List{{Line: 1, Column: 11, Rule: diag.RuleEncoding, Message: "the file is not UTF-8 but looks like Windows-1252 or Latin-1 (ISO-8859-1) (byte 0xe9 would be 'é' there): " + saveAsUTF8}}, true,
			"a Latin-1 file is named once, not once per string, and read on"},
		{"windows-1252", "{\"a\": \"\x93quoted\x94\"}", Options{},
			diag.List{{Line: 1, Column: 8, Rule: diag.RuleEncoding, Message: "the file is not UTF-8 but looks like Windows-1252 (byte 0x93): " + saveAsUTF8}}, true,
			"curly quotes 0x93 and 0x94 exist only in Windows-1252"},
		{"utf-16le bom", "\xff\xfe{\x00}\x00", Options{},
			diag.List{{Line: 1, Column: 1, Rule: diag.RuleEncoding, Message: "the file is UTF-16 little-endian (it starts with a UTF-16 byte order mark), not UTF-8: " + saveAsUTF8}}, false,
			"UTF-16 with a byte order mark is named, in one problem"},
		{"utf-16be no bom", "\x00{\x00\"\x00a\x00\"\x00:\x001\x00}", Options{},
			diag.List{{Line: 1, Column: 1, Rule: diag.RuleEncoding, Message: "the file is UTF-16 big-endian (every other byte is zero), not UTF-8: " + saveAsUTF8}}, false,
			"UTF-16 without a byte order mark is told by its zero bytes"},
		{"number too long", `{"a": [1, 1` + strings.Repeat("0", 100) + `]}`, Options{},
			diag.List{{Line: 1, Column: 11, Pointer: "/a/1", Rule: diag.RuleNumber, Message: `the number "100000000000000000000000" is 101 characters long; at most 100 are allowed`}}, true,
			"a number literal over 100 characters is refused at its pointer"},
		{"number too large", `{"p": {"start": 1e400}}`, Options{},
			diag.List{{Line: 1, Column: 17, Pointer: "/p/start", Rule: diag.RuleNumber, Message: "the number 1e400 is too large: it is out of the range of a 64-bit float (about ±1.8e308)"}}, true,
			"out of float64 range"},
		{"number too small", `{"progress": -1e-10000000}`, Options{},
			diag.List{{Line: 1, Column: 14, Pointer: "/progress", Rule: diag.RuleNumber, Message: "the number -1e-10000000 is too small: it is not 0, but a 64-bit float rounds it to 0 (the smallest is about 4.9e-324)"}}, true,
			"an underflow is refused too: it is not the number written"},
		{"zero with exponent", `[0e-10000000, 0.0e5, 1e308, 4.9e-324, 123456789012345678901234567890]`, Options{}, nil, true,
			"zero is zero whatever its exponent; the extremes of float64 and long mantissas are fine"},
		{"many problems", `{"a": 1, "a": 1, "a": 1, "a": 1}`, Options{MaxProblems: 2},
			diag.List{
				{Line: 1, Column: 10, Pointer: "/a", Rule: diag.RuleDuplicateKey, Message: `duplicate member "a" in one object`},
				{Line: 1, Column: 18, Pointer: "/a", Rule: diag.RuleDuplicateKey, Message: `duplicate member "a" in one object`},
				diag.More(1)}, true,
			"problems over the limit are counted, not listed"},
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
	doc, l := Check([]byte(data), Options{Tree: true, Number: func(s string) any { return json.Number(s) }})
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
	doc, _ := Check([]byte(`[{"id": "a\"b", "k": "`+long+`"}, {"id": "a\"b", "k": "`+long+`"}]`), Options{Tree: true, Number: func(s string) any { return json.Number(s) }})
	require.NotNil(t, doc)
	for _, o := range doc.Tree.([]any) {
		assert.Equal(t, map[string]any{"id": `a"b`, "k": long}, o, "escaped and long strings are read in full")
	}
}

func TestCheckSpans(t *testing.T) {
	data := `{"id": "p", "measures": [{"id": "a", "n": 1e999}, [1, {"x": "y"}], "s"], "x": {"measures": [1]}}`
	doc, l := Check([]byte(data), Options{Tree: true, Spans: "measures"})
	require.NotNil(t, doc)
	require.Len(t, l, 1, "the items are checked although no tree is built for them")
	assert.Equal(t, "/measures/0/n", l[0].Pointer)
	assert.Equal(t, map[string]any{"id": "p", "measures": []any{}, "x": map[string]any{"measures": []any{1.0}}}, doc.Tree,
		"the array of Spans is empty in the tree; a nested member of that name is not a span")
	var items []string
	for _, sp := range doc.Spans {
		items = append(items, data[sp.Start:sp.End])
	}
	assert.Equal(t, []string{`{"id": "a", "n": 1e999}`, `[1, {"x": "y"}]`, `"s"`}, items)
	assert.Equal(t, map[string]any{"id": "a", "n": 0.0}, Value([]byte(items[0])),
		"Value builds an item's tree as Check would, with a refused number as 0")
	assert.Nil(t, Value([]byte(`{"a": `)), "not JSON: no tree")
}
