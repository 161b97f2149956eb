package jsondoc

import (
	"bytes"
	"encoding/json"
	"regexp"
	"testing"

	"github.com/bl-digital/kompass/diag"
	"github.com/stretchr/testify/assert"
)

func TestCheckSyntax(t *testing.T) {
	tests := []struct {
		data, want, reason string // want: "line:col: /pointer: message"
	}{
		{`{"a": tru}`, `1:10: /a: invalid character '}' in literal true (expecting 'e')`, "a broken literal"},
		{`[nul`, `1:5: /0: unexpected end of the file`, "a literal cut short"},
		{`{"a": -}`, `1:8: /a: invalid character '}' in number (expecting digit)`, "a minus without digits"},
		{`[1.]`, `1:4: /0: invalid character ']' in number (expecting digit)`, "a point without digits"},
		{`[1e+]`, `1:5: /0: invalid character ']' in number (expecting digit)`, "an exponent without digits"},
		{`[01]`, `1:3: /: invalid character '1' after array value (expecting ',' or ']')`, "no leading zeros"},
		{`[1,]`, `1:4: /: invalid character ']' at start of value`, "no trailing comma in arrays"},
		{`{"a": 1,}`, `1:9: /: invalid character '}' at start of string (expecting '"')`, "nor in objects"},
		{`{a: 1}`, `1:2: /: invalid character 'a' at start of string (expecting '"')`, "names are strings"},
		{`{"a" 1}`, `1:6: /a: invalid character '1' after object name (expecting ':')`, "a name wants a colon"},
		{"[\"a\tb\"]", `1:4: /0: invalid character '\t' in string (expecting non-control character)`, "no raw control characters"},
		{`["\x"]`, `1:3: /0: invalid escape sequence "\\x" in string`, "an unknown escape"},
		{`["\u12g4"]`, `1:3: /0: invalid escape sequence "\\u12g4" in string`, "a bad hex digit"},
		{`["\ud800"]`, `1:3: /0: invalid surrogate pair "\\ud800\"]" in string`, "a lone high surrogate"},
		{`["\udc00\udc00"]`, `1:3: /0: invalid surrogate pair "\\udc00\\udc00" in string`, "a lone low surrogate"},
		{`["\ud83d\ude00", "\u00e9"]`, ``, "a surrogate pair is fine"},
		{`["ab`, `1:5: /0: unexpected end of the file`, "a string cut short"},
		{`["\u00`, `1:7: /0: unexpected end of the file`, "an escape cut short"},
		{`[@]`, `1:2: /0: invalid character '@' at start of value`, "not a value"},
		{"[\"x\"]\xff", `1:6: /: unexpected data after the top-level value`, "a stray byte after the value"},
		{"[\xff]", `1:2: /0: invalid character '\xff' at start of value`, "a stray byte that is not UTF-8"},
		{`{"a": [1, 2`, `1:12: /a: unexpected end of the file`, "the end inside an array"},
		{`{"measures": [`, `1:15: /measures: unexpected end of the file`, "the end at the start of an array"},
	}
	for _, tc := range tests {
		t.Run(tc.reason, func(t *testing.T) {
			_, l := Check([]byte(tc.data), Options{})
			var got string
			for _, p := range l {
				if p.Rule == "syntax" {
					got = p.String()
				}
			}
			assert.Equal(t, tc.want, got, tc.reason)
		})
	}
}

// surrogate matches a \u escape of a UTF-16 surrogate, which
// encoding/json.Valid accepts alone and Check does not.
var surrogate = regexp.MustCompile(`(?i)\\ud[89a-f]`)

// FuzzCheck: Check finds the document syntactically broken exactly when
// encoding/json does, never panics, and places every problem.
func FuzzCheck(f *testing.F) {
	for _, s := range []string{`{"a": [1, "x", true, null]}`, `{"a": 1,}`, `["\ud83d\ude00"]`, `[1e5, -0.5, 0]`, "\xEF\xBB\xBF{}", ``, `{"a": {"b": [{}]}}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		_, l := Check(data, Options{MaxDepth: 10_000})
		broken := false
		for _, p := range l {
			if p.Line < 1 || p.Column < 1 {
				t.Fatalf("problem without position: %+v", p)
			}
			broken = broken || p.Rule == "syntax" || p.Rule == "empty"
		}
		if surrogate.Match(data) {
			return
		}
		if valid := json.Valid(bytes.TrimPrefix(data, bom)); valid == broken {
			t.Fatalf("encoding/json.Valid(%q) is %v, Check says %v", data, valid, diag.List(l))
		}
	})
}
