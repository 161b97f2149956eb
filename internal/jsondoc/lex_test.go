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
		{`{"a": tru}`, `1:7: /a: "tru" is not a JSON value: did you mean true?`, "a broken literal"},
		{`[nul`, `1:2: /0: "nul" is not a JSON value: did you mean null?`, "a literal cut short"},
		{`{"a": -}`, `1:8: /a: a number needs a digit here, but found '}' (write numbers like 12, -3.5 or 1e6)`, "a minus without digits"},
		{`[1.]`, `1:4: /0: a number needs a digit here, but found ']' (write numbers like 12, -3.5 or 1e6)`, "a point without digits"},
		{`[1e+]`, `1:5: /0: a number needs a digit here, but found ']' (write numbers like 12, -3.5 or 1e6)`, "an exponent without digits"},
		{`[01]`, `1:2: /0: a number cannot start with 0 ("01]"): remove the leading zero`, "no leading zeros"},
		{`[1,]`, `1:3: /: a comma before ']' at 1:4: remove it`, "no trailing comma in arrays, reported at the comma"},
		{`{"a": 1,}`, `1:8: /: a comma before '}' at 1:9: remove it`, "nor in objects"},
		{"[1,\n  2,\n]", `2:4: /: a comma before ']' at 3:1: remove it`, "a trailing comma on another line than the bracket"},
		{`{a: 1}`, `1:2: /: the member name "a" is not in double quotes: write "a"`, "names are strings"},
		{`{"a" 1}`, `1:6: /a: a ':' is missing after the member name "a" (found '1')`, "a name wants a colon"},
		{`{"a" = 1}`, `1:6: /a: use ':' between a member's name and its value, not '='`, "an equals sign for a colon"},
		{"{\"a\": 1 \"b\": 2}", `1:9: /: a comma is missing here, after the value that ends at 1:7: add ','`, "a missing comma between members"},
		{`[1 2]`, `1:4: /: a comma is missing here, after the value that ends at 1:2: add ','`, "a missing comma between items"},
		{"{\"a\": 1 // note\n}", `1:9: /: comments are not allowed in JSON: remove the comment`, "a line comment"},
		{`/* x */ {}`, `1:1: /: comments are not allowed in JSON: remove the comment`, "a block comment"},
		{`{'a': 1}`, `1:2: /: strings and names must be in double quotes ("), not single quotes (')`, "a single-quoted name"},
		{`{"a": 'x'}`, `1:7: /a: strings and names must be in double quotes ("), not single quotes (')`, "a single-quoted value"},
		{"{\"a\": \"x\n}", `1:7: /a: a string that starts at 1:7 is not closed before the end of its line: add the closing '"' (a line break inside a string is written \n)`, "a string left open at the end of a line"},
		{`[True]`, `1:2: /0: "True" is not a JSON value: write true`, "a Python literal"},
		{`[NaN]`, `1:2: /0: "NaN" is not allowed in JSON: write a number, or null`, "NaN"},
		{`[+1]`, `1:2: /0: a number cannot start with '+': remove it`, "a plus sign"},
		{`[.5]`, `1:2: /0: a number cannot start with '.': write 0.5`, "a fraction without its zero"},
		{"[\"a\tb\"]", `1:4: /0: a control character (U+0009) inside a string: write it as \u0009`, "no raw control characters"},
		{`["\x"]`, `1:3: /0: invalid escape sequence "\\x" in a string: write \\ for a backslash, or one of \" \n \t \uXXXX`, "an unknown escape"},
		{`["\u12g4"]`, `1:3: /0: invalid escape sequence "\\u12g4" in a string: write \\ for a backslash, or one of \" \n \t \uXXXX`, "a bad hex digit"},
		{`["\ud800"]`, `1:3: /0: invalid surrogate pair "\\ud800\"]" in a string: a \uD800-\uDFFF escape must be one half of a pair`, "a lone high surrogate"},
		{`["\udc00\udc00"]`, `1:3: /0: invalid surrogate pair "\\udc00\\udc00" in a string: a \uD800-\uDFFF escape must be one half of a pair`, "a lone low surrogate"},
		{`["\ud83d\ude00", "\u00e9"]`, ``, "a surrogate pair is fine"},
		{`["ab`, `1:2: /0: a string that starts at 1:2 is not closed: add the closing '"'`, "a string cut short"},
		{`["\u00`, `1:2: /0: a string that starts at 1:2 is not closed: add the closing '"'`, "an escape cut short"},
		{`[@]`, `1:2: /0: expected a value, but found '@'`, "not a value"},
		{"[\"x\"]\xff", `1:6: /: more data after the end of the JSON value: a file holds one value (remove what follows, or put the values in an array)`, "a stray byte after the value"},
		{"[\xff]", `1:2: /0: expected a value, but found '\xff'`, "a stray byte that is not UTF-8"},
		{`{"a": [1, 2`, `1:12: /a: the file ends too early: 2 object(s) or array(s) are not closed (missing "]}")`, "the end inside an array"},
		{`{"measures": [`, `1:15: /measures: the file ends too early: 2 object(s) or array(s) are not closed (missing "]}")`, "the end at the start of an array"},
	}
	for _, tc := range tests {
		t.Run(tc.reason, func(t *testing.T) {
			_, l := Check([]byte(tc.data), Options{})
			var got string
			for _, p := range l {
				if p.Rule == diag.RuleSyntax {
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
			broken = broken || p.Rule == diag.RuleSyntax || p.Rule == diag.RuleEmpty
		}
		if surrogate.Match(data) {
			return
		}
		if valid := json.Valid(bytes.TrimPrefix(data, bom)); valid == broken {
			t.Fatalf("encoding/json.Valid(%q) is %v, Check says %v", data, valid, diag.List(l))
		}
	})
}
