package sheet

import (
	"archive/zip"
	"bytes"
	"fmt"
	"reflect"
	"slices"
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
		got, err := x.value([]byte(tt.t), []byte(tt.content))
		assert.NoError(t, err, tt.reason)
		assert.Equal(t, tt.want, got, tt.reason)
	}
	_, err := x.value([]byte("s"), []byte("<v>9</v>"))
	assert.Error(t, err, "a shared string index out of range is an error, not a panic")
}

// zipXLSX is a minimal workbook of one sheet "S" with the given sheet
// data and shared strings, as a spreadsheet program may write them.
func zipXLSX(t testing.TB, sheetData, sst string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range map[string]string{
		"xl/workbook.xml": `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>` +
			`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
		"xl/worksheets/sheet1.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` + sheetData + `</sheetData><rowBreaks count="0"/></worksheet>`,
		"xl/sharedStrings.xml":     `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` + sst + `</sst>`,
	} {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(body)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestXLSXRows reads the cells of sheets written in the ways Excel,
// LibreOffice and excelize write them.
func TestXLSXRows(t *testing.T) {
	sst := `<si><t>shared</t></si><si><r><rPr><b/><rFont val="Arial"/></rPr><t>ri</t></r><r><t xml:space="preserve">ch </t></r></si><si><t>a&amp;b &#x263A;</t></si><x:si><x:t>pre</x:t></x:si>`
	for _, tc := range []struct {
		reason, data string
		want         [][]cell // row 1, 2, …; nil for a row without cells
	}{
		{"references, shared and inline strings, numbers",
			`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>in</t></is></c><c r="C1"><v>46387</v></c></row>`,
			[][]cell{{{1, "shared"}, {2, "in"}, {3, "46387"}}}},
		{"rich-text runs of a shared string are joined; entities and references resolved",
			`<row r="1"><c r="A1" t="s"><v>1</v></c><c r="B1" t="s"><v> 2 </v></c></row>`,
			[][]cell{{{1, "rich "}, {2, "a&b ☺"}}}},
		{"no r attributes: rows and cells count on",
			`<row><c t="inlineStr"><is><t>a</t></is></c><c/><c><v>3</v></c></row><row><c><v>1</v></c></row>`,
			[][]cell{{{1, "a"}, {3, "3"}}, {{1, "1"}}}},
		{"self-closing cells and rows, empty values and gaps are skipped",
			`<row r="1" spans="1:3"/><row r="3"><c r="A3" s="2"/><c r="C3" s="1" t="s"><v>0</v></c><c r="D3"><v></v></c></row>`,
			[][]cell{nil, nil, {{3, "shared"}}}},
		{"attributes in any order and quotes, with prefixes and look-alike names",
			`<x:row r='1' x14ac:dyDescent="0.25"><x:c s="1" t='inlineStr' xr:uid="{1}" r='B1'><x:is><x:t xml:space="preserve"> sp </x:t></x:is></x:c></x:row>`,
			[][]cell{{{2, " sp "}}}},
		{"inline rich text and a phonetic run",
			`<row r="1"><c r="A1" t="inlineStr"><is><r><t>a</t></r><r><rPr><i/></rPr><t>b</t></r><rPh sb="0" eb="1"><t>x</t></rPh></is></c></row>`,
			[][]cell{{{1, "ab"}}}},
		{"formulas keep their cached value; booleans and errors are raw",
			`<row r="1"><c r="A1" t="str"><f>B1</f><v>x_x005F_y</v></c><c r="B1" t="b"><v>1</v></c><c r="C1" t="e"><v>#N/A</v></c></row>`,
			[][]cell{{{1, "x_y"}, {2, "1"}, {3, "#N/A"}}}},
		{"cells with more markup than a plain value are read in full",
			`<row r="1"><c r="A1"><v>1</v><extLst/></c><c r="B1" t="inlineStr"><is><t>a</t><t>b</t></is></c><c r="C1" t="inlineStr"><is><t>x</t></is><extLst/></c></row>`,
			[][]cell{{{1, "1"}, {2, "ab"}, {3, "x"}}}},
		{"a prefixed shared string table",
			`<row r="1"><c r="A1" t="s"><v>3</v></c></row>`,
			[][]cell{{{1, "pre"}}}},
		{"CR LF in text is LF; an escaped CR stays",
			"<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>a\r\nb&#13;</t></is></c></row>",
			[][]cell{{{1, "a\nb\r"}}}},
	} {
		x, err := openXLSX(zipXLSX(t, tc.data, sst))
		if !assert.NoError(t, err, tc.reason) {
			continue
		}
		var got [][]cell
		err = x.rows("S", func(r int, cells []cell) {
			for len(got) < r {
				got = append(got, nil)
			}
			got[r-1] = slices.Clone(cells)
		})
		assert.NoError(t, err, tc.reason)
		assert.Equal(t, tc.want, got, tc.reason)
	}
	for _, tc := range []struct{ reason, data string }{
		{"rows out of order", `<row r="2"><c><v>1</v></c></row><row r="1"><c><v>1</v></c></row>`},
		{"a row number that is not one", `<row r="x1"><c><v>1</v></c></row>`},
		{"cells out of order", `<row r="1"><c r="B1"><v>1</v></c><c r="A1"><v>1</v></c></row>`},
		{"a cell cut off", `<row r="1"><c r="A1"><v>1</v></row>`},
		{"a shared string that does not exist", `<row r="1"><c r="A1" t="s"><v>7</v></c></row>`},
	} {
		x, err := openXLSX(zipXLSX(t, tc.data, sst))
		if !assert.NoError(t, err, tc.reason) {
			continue
		}
		assert.Error(t, x.rows("S", func(int, []cell) {}), tc.reason)
	}
}

// FuzzXLSXRows feeds the xlsx reader sheet XML of any shape: it never
// panics, and the rows and cells it reports are in order, within a
// sheet's bounds and not empty.
func FuzzXLSXRows(f *testing.F) {
	f.Add(`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>in</t></is></c><c r="C1"><v>46387</v></c></row>`, `<si><t>s</t></si>`)
	f.Add(`<row><c t="inlineStr"><is><r><t>a</t></r><rPh><t>x</t></rPh></is></c><c/><c><v>3</v></c></row><row r="9"/>`, `<si><r><t>a</t></r><r><t xml:space="preserve"> b</t></r></si>`)
	f.Add(`<x:row r='2'><x:c r='B2' t='str'><x:f>A1</x:f><x:v>a&amp;b&#x263A;_x000D_</x:v></x:c></x:row>`, `<x:si><x:t>p</x:t></x:si>`)
	f.Add(`<row r="1"><c r="A1" t="s"><v>9</v></c></row><row r="1">`, ``)
	f.Fuzz(func(t *testing.T, sheetData, sst string) {
		x, err := openXLSX(zipXLSX(t, sheetData, sst))
		if err != nil {
			return
		}
		// The one-pass reading of plain rows gives what the general one
		// gives: the same cells, or the same error.
		type row struct {
			r     int
			cells []cell
		}
		read := func(plain bool) ([]row, error) {
			defer func(old bool) { plainRows = old }(plainRows)
			plainRows = plain
			var got []row
			err := x.rows("S", func(r int, cells []cell) { got = append(got, row{r, slices.Clone(cells)}) })
			return got, err
		}
		fast, errFast := read(true)
		slow, errSlow := read(false)
		if fmt.Sprint(errFast) != fmt.Sprint(errSlow) || !reflect.DeepEqual(fast, slow) {
			t.Fatalf("plain rows: %v %v\ngeneral: %v %v", fast, errFast, slow, errSlow)
		}
		last := 0
		_ = x.rows("S", func(r int, cells []cell) {
			if r <= last || r > lastRow {
				t.Fatalf("row %d after row %d", r, last)
			}
			last = r
			col := 0
			for _, c := range cells {
				if c.col <= col || c.col > 16384 || c.v == "" {
					t.Fatalf("row %d: cell %+v after column %d", r, c, col)
				}
				col = c.col
			}
		})
	})
}
