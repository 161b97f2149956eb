package sheet

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestXLSXText(t *testing.T) {
	tests := []struct {
		in, want, reason string
	}{
		{"a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos;", `a & b <c> "d" 'e'`, "XML's five entities"},
		{"&#xE4;&#228;", "ää", "character references, hex and decimal"},
		{"line\r\nnext\rlast", "line\nnext\nlast", "raw CR LF and CR are LF, as every XML parser reads them"},
		{"&#xD;", "\r", "an escaped CR is kept"},
		{"&bogus;", "&bogus;", "an unknown entity is left as written"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, unescape([]byte(tt.in)), tt.reason)
	}
	bstr := []struct {
		in, want, reason string
	}{
		{"a_x001B_b", "a\x1bb", "a control character XML cannot hold"},
		{"_x005F_x0041_", "_x0041_", "an escaped underscore keeps a literal _x0041_"},
		{"_xD800_", "", "a lone surrogate is dropped, as excelize does"},
		{"_x12_", "_x12_", "not four hex digits: literal"},
	}
	for _, tt := range bstr {
		assert.Equal(t, tt.want, bstrUnmarshal(tt.in), tt.reason)
	}
	assert.Equal(t, 1, colOf("A1"))
	assert.Equal(t, 28, colOf("AB12"))
	assert.Equal(t, 16384, colOf("XFD1048576"))
}

// TestXLSXSharedAndRich: shared strings with rich-text runs and phonetic
// runs, as Excel and LibreOffice write them.
func TestXLSXSharedAndRich(t *testing.T) {
	sst := sharedStrings([]byte(`<sst><si><t>plain</t></si><si><r><rPr><b/></rPr><t>bo</t></r><r><t xml:space="preserve">ld </t></r></si>` +
		`<si><t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh></si><si/></sst>`))
	assert.Equal(t, []string{"plain", "bold ", "漢字", ""}, sst)
	x := &xlsx{sst: sst}
	for _, tt := range []struct {
		t, content, want, reason string
	}{
		{"s", "<v>1</v>", "bold ", "a shared string"},
		{"inlineStr", "<is><t>in&amp;line</t></is>", "in&line", "an inline string, as excelize writes"},
		{"", "<v>46387</v>", "46387", "a number, raw"},
		{"b", "<v>1</v>", "1", "a boolean, raw"},
		{"str", "<f>A1</f><v>calc</v>", "calc", "a formula's cached text"},
		{"", "<f>1+1</f><v>2</v>", "2", "a formula's cached number"},
	} {
		got, err := x.value(tt.t, []byte(tt.content))
		assert.NoError(t, err, tt.reason)
		assert.Equal(t, tt.want, got, tt.reason)
	}
	_, err := x.value("s", []byte("<v>9</v>"))
	assert.Error(t, err, "a shared string index out of range is an error, not a panic")
}
