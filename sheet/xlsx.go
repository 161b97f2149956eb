package sheet

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
	"unicode/utf8"
)

// xlsx reads the cells of an .xlsx workbook: the sheets' names in order
// and each sheet's cell values as text, raw (numbers as stored, shared and
// inline strings resolved). It is written for speed: excelize's reader
// decodes every cell through encoding/xml, which made import three times
// slower than validation. It reads only what import needs and refuses what
// it does not understand, rather than guess.
type xlsx struct {
	files  map[string]*zip.File
	sheets []string          // names, in workbook order
	paths  map[string]string // sheet name -> part name
	sst    []string
}

// maxPart is the most a part of the workbook may unzip to.
const maxPart = 4 * MaxWorkbookSize

func openXLSX(data []byte) (*xlsx, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("not an .xlsx workbook (%v)", err)
	}
	x := &xlsx{files: map[string]*zip.File{}, paths: map[string]string{}}
	for _, f := range zr.File {
		x.files[strings.TrimPrefix(f.Name, "/")] = f
	}
	wb, err := x.part("xl/workbook.xml")
	if err != nil {
		return nil, err
	}
	rels, err := x.part("xl/_rels/workbook.xml.rels")
	if err != nil {
		return nil, err
	}
	targets := map[string]string{}
	for _, el := range elements(rels, "Relationship") {
		t := attr(el, "Target")
		if strings.HasPrefix(t, "/") {
			t = strings.TrimPrefix(t, "/")
		} else {
			t = path.Join("xl", t)
		}
		targets[attr(el, "Id")] = t
	}
	for _, el := range elements(wb, "sheet") {
		name := attr(el, "name")
		id := attr(el, "r:id")
		if id == "" {
			id = attrSuffix(el, ":id")
		}
		x.sheets = append(x.sheets, name)
		x.paths[name] = targets[id]
	}
	if _, ok := x.files["xl/sharedStrings.xml"]; ok {
		sst, err := x.part("xl/sharedStrings.xml")
		if err != nil {
			return nil, err
		}
		x.sst = sharedStrings(sst)
	} else if t, ok := findRelTarget(rels, "sharedStrings"); ok {
		if sst, err := x.part(t); err == nil {
			x.sst = sharedStrings(sst)
		}
	}
	return x, nil
}

func findRelTarget(rels []byte, kind string) (string, bool) {
	for _, el := range elements(rels, "Relationship") {
		if strings.HasSuffix(attr(el, "Type"), "/"+kind) {
			t := attr(el, "Target")
			if strings.HasPrefix(t, "/") {
				return strings.TrimPrefix(t, "/"), true
			}
			return path.Join("xl", t), true
		}
	}
	return "", false
}

// part returns an unzipped part, at most maxPart bytes.
func (x *xlsx) part(name string) ([]byte, error) {
	f, ok := x.files[name]
	if !ok {
		return nil, fmt.Errorf("not an .xlsx workbook: no part %s", name)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("part %s cannot be read: %v", name, err)
	}
	defer rc.Close()
	buf := bytes.NewBuffer(make([]byte, 0, min(f.UncompressedSize64, maxPart)+1))
	_, err = buf.ReadFrom(io.LimitReader(rc, maxPart+1))
	data := buf.Bytes()
	if err != nil {
		return nil, fmt.Errorf("part %s cannot be read: %v", name, err)
	}
	if len(data) > maxPart {
		return nil, fmt.Errorf("part %s unzips to more than %d MiB", name, maxPart>>20)
	}
	return data, nil
}

// cell is one cell's column (1-based) and raw text.
type cell struct {
	col int
	v   string
}

// rows calls fn for each row of sheet that has cells, in order, with its
// number (1-based) and cells.
func (x *xlsx) rows(sheet string, fn func(row int, cells []cell)) error {
	p := x.paths[sheet]
	data, err := x.part(p)
	if err != nil {
		return err
	}
	sd := indexTag(data, 0, "sheetData")
	if sd < 0 {
		return nil
	}
	data = data[sd:]
	if e := bytes.IndexByte(data, '>'); e > 0 && data[e-1] == '/' {
		return nil // <sheetData/>
	} else if e > 0 {
		// A sheet has one sheetData, its end near the end of the part.
		if end := bytes.LastIndex(data, endTag(data[:e+1], "sheetData")); end >= 0 {
			data = data[:end]
		}
	}
	rowNum := 0
	var cells []cell
	i := 0
	for {
		j := indexTag(data, i, "row")
		if j < 0 {
			break
		}
		tagEnd := bytes.IndexByte(data[j:], '>')
		if tagEnd < 0 {
			return fmt.Errorf("sheet %s: a row is cut off", sheet)
		}
		tag := data[j : j+tagEnd+1]
		if r := attrRaw(tag, "r"); len(r) > 0 {
			n, ok := atoi(r)
			if !ok || n < 1 || n > lastRow || n <= rowNum {
				return fmt.Errorf("sheet %s: row number %q is not valid", sheet, attr(tag, "r"))
			}
			rowNum = n
		} else {
			rowNum++
		}
		if rowNum > lastRow {
			return fmt.Errorf("sheet %s: more than %d rows", sheet, lastRow)
		}
		i = j + tagEnd + 1
		if bytes.HasSuffix(tag, []byte("/>")) {
			continue
		}
		closeRow := endTag(tag, "row")
		if plainRows && len(closeRow) == len(endRow) {
			if plain, next, ok := x.plainRow(data, i, cells[:0]); ok {
				cells, i = plain, next
				if len(cells) > 0 {
					fn(rowNum, cells)
				}
				continue
			}
		}
		end := bytes.Index(data[i:], closeRow)
		if end < 0 {
			return fmt.Errorf("sheet %s: row %d is cut off", sheet, rowNum)
		}
		body := data[i : i+end]
		i += end + len(closeRow)
		cells = cells[:0]
		col := 0
		k := 0
		for {
			c := indexTag(body, k, "c")
			if c < 0 {
				break
			}
			ce := bytes.IndexByte(body[c:], '>')
			if ce < 0 {
				return fmt.Errorf("sheet %s: a cell of row %d is cut off", sheet, rowNum)
			}
			ctag := body[c : c+ce+1]
			k = c + ce + 1
			if ref := attrRaw(ctag, "r"); len(ref) > 0 {
				n := colOf(ref)
				if n < 1 || n > 16384 || n <= col {
					return fmt.Errorf("sheet %s: cell reference %q in row %d is not valid", sheet, attr(ctag, "r"), rowNum)
				}
				col = n
			} else {
				col++
			}
			if col > 16384 {
				return fmt.Errorf("sheet %s: row %d has more than 16384 columns", sheet, rowNum)
			}
			if bytes.HasSuffix(ctag, []byte("/>")) {
				continue
			}
			closeC := endTag(ctag, "c")
			cend := plainCellEnd(body[k:], closeC)
			if cend < 0 {
				cend = bytes.Index(body[k:], closeC)
			}
			if cend < 0 {
				return fmt.Errorf("sheet %s: a cell of row %d is cut off", sheet, rowNum)
			}
			content := body[k : k+cend]
			k += cend + len(closeC)
			v, err := x.value(attrRaw(ctag, "t"), content)
			if err != nil {
				return fmt.Errorf("sheet %s: row %d: %v", sheet, rowNum, err)
			}
			if v != "" {
				cells = append(cells, cell{col, v})
			}
		}
		if len(cells) > 0 {
			fn(rowNum, cells)
		}
	}
	return nil
}

// value is a cell's text as excelize reads it with RawCellValue.
func (x *xlsx) value(rawT []byte, content []byte) (string, error) {
	t := string(rawT) // no copy: a switch on the conversion does not allocate
	if bytes.IndexByte(rawT, '&') >= 0 {
		t = unescape(rawT)
	}
	switch t {
	case "inlineStr":
		// As excelize writes it: <is><t>text</t></is>.
		if text, ok := between(content, "<is><t>", "</t></is>"); ok {
			return bstrUnmarshal(unescape(text)), nil
		}
		is := innerOf(content, "is")
		if is == nil {
			return "", nil
		}
		return richText(is), nil
	case "s":
		v, ok := between(content, "<v>", "</v>")
		if !ok {
			v = innerOf(content, "v")
		}
		v = bytes.TrimSpace(v)
		if len(v) == 0 {
			return "", nil
		}
		n, ok := atoi(v)
		if !ok || n < 0 || n >= len(x.sst) {
			return "", fmt.Errorf("shared string %q does not exist", v)
		}
		return x.sst[n], nil
	case "str":
		return bstrUnmarshal(unescape(innerOf(content, "v"))), nil
	default: // n, b, e, d
		if v, ok := between(content, "<v>", "</v>"); ok {
			return unescape(v), nil
		}
		return unescape(innerOf(content, "v")), nil
	}
}

// plainRows turns plainRow on; tests compare the two ways.
var plainRows = true

// plainRow reads the cells of a row written as excelize, Excel and
// LibreOffice write most rows: nothing but plain cells (see plainCellEnd)
// up to </row>, each right after the other, in order. It reads them in
// one pass, without first looking for the row's end, and gives up (false)
// on anything else, which rows then reads the general way: the same
// cells, or the error. i is just after the row's start tag; the result's
// int is just after its end tag.
func (x *xlsx) plainRow(data []byte, i int, cells []cell) ([]cell, int, bool) {
	col := 0
	k := i
	for {
		if k >= len(data) || data[k] != '<' {
			return nil, 0, false
		}
		if bytes.HasPrefix(data[k:], endRow) {
			return cells, k + len(endRow), true
		}
		if !isTagName(data, k+1, "c") {
			return nil, 0, false
		}
		ce := bytes.IndexByte(data[k:], '>')
		if ce < 0 {
			return nil, 0, false
		}
		ctag := data[k : k+ce+1]
		if bytes.IndexByte(ctag[1:], '<') >= 0 {
			return nil, 0, false // no end tag may hide in what is skipped
		}
		k += ce + 1
		if ref := attrRaw(ctag, "r"); len(ref) > 0 {
			n := colOf(ref)
			if n < 1 || n > 16384 || n <= col {
				return nil, 0, false
			}
			col = n
		} else {
			col++
		}
		if col > 16384 {
			return nil, 0, false
		}
		if bytes.HasSuffix(ctag, []byte("/>")) {
			continue
		}
		cend := plainCellEnd(data[k:], endC)
		if cend < 0 {
			return nil, 0, false
		}
		content := data[k : k+cend]
		k += cend + len(endC)
		v, err := x.value(attrRaw(ctag, "t"), content)
		if err != nil {
			return nil, 0, false
		}
		if v != "" {
			cells = append(cells, cell{col, v})
		}
	}
}

// plainCellEnd finds the end of a cell's content written as excelize,
// Excel and LibreOffice write most cells, <v>text</v></c> or
// <is><t>text</t></is></c>, without searching for "</c>"; -1 otherwise.
func plainCellEnd(rest, closeC []byte) int {
	if len(closeC) != len(endC) {
		return -1 // a prefixed cell
	}
	var open, end string
	switch {
	case bytes.HasPrefix(rest, []byte("<v>")):
		open, end = "<v>", "</v></c>"
	case bytes.HasPrefix(rest, []byte("<is><t>")):
		open, end = "<is><t>", "</t></is></c>"
	default:
		return -1
	}
	j := bytes.IndexByte(rest[len(open):], '<')
	if j < 0 || !bytes.HasPrefix(rest[len(open)+j:], []byte(end)) {
		return -1
	}
	return len(open) + j + len(end) - len(endC)
}

// between returns what is between open and end when content is just
// open, text without markup, end.
func between(content []byte, open, end string) ([]byte, bool) {
	if len(content) < len(open)+len(end) || string(content[:len(open)]) != open || string(content[len(content)-len(end):]) != end {
		return nil, false
	}
	text := content[len(open) : len(content)-len(end)]
	if bytes.IndexByte(text, '<') >= 0 {
		return nil, false
	}
	return text, true
}

// sharedStrings reads the table of shared strings.
func sharedStrings(data []byte) []string {
	var out []string
	i := 0
	for {
		j := indexTag(data, i, "si")
		if j < 0 {
			return out
		}
		start, end, next, ok := element(data, j, "si")
		if !ok {
			return out
		}
		out = append(out, richText(data[start:end]))
		i = next
	}
}

// richText joins the <t> texts of a string item, leaving out phonetic runs.
func richText(si []byte) string {
	// Most items are one <t> and no phonetic run: its text needs no joining.
	if j := indexTag(si, 0, "t"); j >= 0 {
		if start, end, next, ok := element(si, j, "t"); ok &&
			indexTag(si, next, "t") < 0 && indexTag(si, 0, "rPh") < 0 {
			return bstrUnmarshal(unescape(si[start:end]))
		}
	}
	var b strings.Builder
	i := 0
	for {
		j := indexTag(si, i, "t")
		if rph := indexTag(si, i, "rPh"); rph >= 0 && (j < 0 || rph < j) {
			_, _, next, ok := element(si, rph, "rPh")
			if !ok {
				break
			}
			i = next
			continue
		}
		if j < 0 {
			break
		}
		start, end, next, ok := element(si, j, "t")
		if !ok {
			break
		}
		b.WriteString(unescape(si[start:end]))
		i = next
	}
	return bstrUnmarshal(b.String())
}

// element reads the element whose start tag <name ...> begins at j in
// data: its content is data[start:end] (empty for a self-closing tag) and
// next is the index after its end tag. ok is false when the start tag or
// the end tag is cut off.
func element(data []byte, j int, name string) (start, end, next int, ok bool) {
	e := bytes.IndexByte(data[j:], '>')
	if e < 1 {
		return 0, 0, 0, false
	}
	if data[j+e-1] == '/' {
		n := j + e + 1
		return n, n, n, true
	}
	closeTag := endTag(data[j:j+e+1], name)
	start = j + e + 1
	k := bytes.Index(data[start:], closeTag)
	if k < 0 {
		return 0, 0, 0, false
	}
	return start, start + k, start + k + len(closeTag), true
}

// indexTag finds the next start tag <name ...> or <name> from i, not a
// longer name (<row> is not <rowBreaks>), with or without a prefix.
func indexTag(data []byte, i int, name string) int {
	for i < len(data) {
		j := bytes.IndexByte(data[i:], '<')
		if j < 0 {
			return -1
		}
		j += i
		k := j + 1
		if isTagName(data, k, name) {
			return j
		}
		// An optional namespace prefix: name characters up to a colon.
		p := k
		for p < len(data) && p-k < 32 && isPrefixChar(data[p]) {
			p++
		}
		if p > k && p < len(data) && data[p] == ':' && isTagName(data, p+1, name) {
			return j
		}
		i = j + 1
	}
	return -1
}

// isTagName reports whether data at k is name, ended as a tag's name is.
func isTagName(data []byte, k int, name string) bool {
	after := k + len(name)
	if after >= len(data) || string(data[k:after]) != name {
		return false
	}
	switch data[after] {
	case ' ', '>', '/', '\t', '\n', '\r':
		return true
	}
	return false
}

func isPrefixChar(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.' || c >= 0x80
}

var (
	endRow, endC, endT, endSI = []byte("</row>"), []byte("</c>"), []byte("</t>"), []byte("</si>")
	endV, endIS               = []byte("</v>"), []byte("</is>")
)

// endTag is the end tag of the element whose start tag is tag, with its
// namespace prefix if it has one ("</x:row>").
func endTag(tag []byte, name string) []byte {
	if len(tag) > len(name)+1 && string(tag[1:1+len(name)]) == name {
		switch name {
		case "row":
			return endRow
		case "c":
			return endC
		case "t":
			return endT
		case "si":
			return endSI
		case "v":
			return endV
		case "is":
			return endIS
		}
	}
	qname := tag[1:]
	if sp := bytes.IndexAny(qname, " \t\r\n/>"); sp >= 0 {
		qname = qname[:sp]
	}
	return []byte("</" + string(qname) + ">")
}

// innerOf returns the content of the first <name>…</name> in data.
func innerOf(data []byte, name string) []byte {
	j := indexTag(data, 0, name)
	if j < 0 {
		return nil
	}
	start, end, next, ok := element(data, j, name)
	if !ok || next == end { // cut off, or self-closing
		return nil
	}
	return data[start:end]
}

// elements returns the start tags <name …> in data.
func elements(data []byte, name string) [][]byte {
	var out [][]byte
	i := 0
	for {
		j := indexTag(data, i, name)
		if j < 0 {
			return out
		}
		e := bytes.IndexByte(data[j:], '>')
		if e < 0 {
			return out
		}
		out = append(out, data[j:j+e+1])
		i = j + e + 1
	}
}

// attrRaw returns the value of attribute name in a start tag as written,
// entities not resolved, without copying it.
func attrRaw(tag []byte, name string) []byte {
	i := 0
	for {
		j := bytes.Index(tag[i:], []byte(name))
		if j < 0 {
			return nil
		}
		j += i
		q := j + len(name)
		if j == 0 || (tag[j-1] != ' ' && tag[j-1] != '\t' && tag[j-1] != '\n' && tag[j-1] != '\r') || q >= len(tag) || tag[q] != '=' {
			i = j + 1
			continue
		}
		q++
		if q >= len(tag) || (tag[q] != '"' && tag[q] != '\'') {
			return nil
		}
		end := bytes.IndexByte(tag[q+1:], tag[q])
		if end < 0 {
			return nil
		}
		return tag[q+1 : q+1+end]
	}
}

// atoi reads a decimal number of at most 9 digits.
func atoi(b []byte) (int, bool) {
	if len(b) == 0 || len(b) > 9 {
		return 0, false
	}
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// attr returns the unescaped value of attribute name in a start tag.
func attr(tag []byte, name string) string {
	i := 0
	for {
		j := bytes.Index(tag[i:], []byte(name+"="))
		if j < 0 {
			return ""
		}
		j += i
		if j > 0 && tag[j-1] != ' ' && tag[j-1] != '\t' && tag[j-1] != '\n' && tag[j-1] != '\r' {
			i = j + 1
			continue
		}
		q := j + len(name) + 1
		if q >= len(tag) || (tag[q] != '"' && tag[q] != '\'') {
			return ""
		}
		end := bytes.IndexByte(tag[q+1:], tag[q])
		if end < 0 {
			return ""
		}
		return unescape(tag[q+1 : q+1+end])
	}
}

// attrSuffix returns the value of the first attribute whose name ends in suffix.
func attrSuffix(tag []byte, suffix string) string {
	j := bytes.Index(tag, []byte(suffix+"="))
	if j < 0 {
		return ""
	}
	start := bytes.LastIndexAny(tag[:j], " \t\r\n")
	if start < 0 {
		return ""
	}
	return attr(tag, string(tag[start+1:j+len(suffix)]))
}

// colOf is the column number of a cell reference such as "AB12".
func colOf[S string | []byte](ref S) int {
	n := 0
	for i := 0; i < len(ref); i++ {
		c := ref[i]
		switch {
		case c >= 'A' && c <= 'Z':
			n = n*26 + int(c-'A'+1)
		case c >= 'a' && c <= 'z':
			n = n*26 + int(c-'a'+1)
		default:
			return n
		}
		if n > 16384 {
			return n
		}
	}
	return n
}

// unescape resolves XML's entities and character references.
func unescape(b []byte) string {
	if bytes.IndexByte(b, '&') < 0 && bytes.IndexByte(b, '\r') < 0 {
		return string(b)
	}
	var out strings.Builder
	for i := 0; i < len(b); i++ {
		c := b[i]
		if c == '\r' { // XML turns CR LF and a lone CR into LF
			out.WriteByte('\n')
			if i+1 < len(b) && b[i+1] == '\n' {
				i++
			}
			continue
		}
		if c != '&' {
			out.WriteByte(c)
			continue
		}
		end := bytes.IndexByte(b[i:], ';')
		if end < 0 {
			out.WriteByte(c)
			continue
		}
		ent := string(b[i+1 : i+end])
		switch {
		case ent == "amp":
			out.WriteByte('&')
		case ent == "lt":
			out.WriteByte('<')
		case ent == "gt":
			out.WriteByte('>')
		case ent == "quot":
			out.WriteByte('"')
		case ent == "apos":
			out.WriteByte('\'')
		case strings.HasPrefix(ent, "#x") || strings.HasPrefix(ent, "#X"):
			n, err := strconv.ParseUint(ent[2:], 16, 32)
			if err != nil || !utf8.ValidRune(rune(n)) {
				out.WriteString("\uFFFD")
			} else {
				out.WriteRune(rune(n))
			}
		case strings.HasPrefix(ent, "#"):
			n, err := strconv.ParseUint(ent[1:], 10, 32)
			if err != nil || !utf8.ValidRune(rune(n)) {
				out.WriteString("\uFFFD")
			} else {
				out.WriteRune(rune(n))
			}
		default:
			out.Write(b[i : i+end+1])
		}
		i += end
	}
	return out.String()
}

// bstrUnmarshal resolves OOXML's _xHHHH_ escapes of characters XML cannot
// hold, as excelize writes and reads them (_x005F_ is "_").
func bstrUnmarshal(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		if i+7 <= len(s) && s[i] == '_' && s[i+1] == 'x' && s[i+6] == '_' && isHex4(s[i+2:i+6]) {
			n, _ := strconv.ParseUint(s[i+2:i+6], 16, 32)
			if n == 0x5F {
				b.WriteByte('_')
			} else if utf8.ValidRune(rune(n)) {
				b.WriteRune(rune(n))
			}
			i += 7
			continue
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}

func isHex4(s string) bool {
	for i := 0; i < 4; i++ {
		c := s[i]
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
			return false
		}
	}
	return true
}
