package sheet

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/bl-digital/kompass/diag"
	"github.com/bl-digital/kompass/internal/jsondoc"
	"github.com/bl-digital/kompass/portfolio"
	"github.com/bl-digital/kompass/schema"
	"github.com/bl-digital/kompass/strategy"
	"github.com/xuri/excelize/v2"
)

// Base is an existing portfolio file that workbooks are merged into.
type Base struct {
	// Name is the file name problems are reported with.
	Name string
	// Data is the file's content.
	Data []byte
}

// StrategyID returns the strategy the workbooks (or base) belong to: the
// base's, else the first workbook's; "" when none says.
func StrategyID(books []*Book, base *Base) strategy.ID {
	if base != nil {
		var v struct {
			Strategy string `json:"strategy"`
		}
		_ = json.Unmarshal(base.Data, &v)
		return strategy.ID(v.Strategy)
	}
	for _, b := range books {
		if b.meta != nil {
			if v, ok := b.meta.get("strategy"); ok {
				s, _ := v.(string)
				return strategy.ID(s)
			}
		}
	}
	return ""
}

// origin is where a measure of the result comes from.
type origin struct {
	m    *measureRow // nil: the base
	base int         // index in the base, when m is nil
}

// Build joins workbooks into one portfolio and validates it against s with
// schema.ValidatePortfolio (nil s: without the checks that need the
// strategy). Without base, the portfolio's properties and organisations
// come from the workbooks, which must agree on them, and the measures are
// those of all workbooks in order. With base, only measures change: those
// with an id of the base replace it in place, new ones are added at the
// end, everything else is the base's, byte for byte as data. A measure
// that two workbooks both change (or add) is a conflict.
//
// It returns the portfolio JSON (indented) and every problem: those of the
// workbooks' cells and those of the portfolio, each located at its
// workbook's sheet and cell (File "book.xlsx:Massnahmen!F12") with the
// pointer into the result. The JSON is only meant to be written when the
// list has no errors.
func Build(books []*Book, base *Base, s *strategy.Strategy) ([]byte, diag.List) {
	var out diag.List
	var origins []origin
	doc := newObject()
	var meta *Book // the workbook the properties come from, without base
	for _, b := range books {
		if b.fatal {
			continue
		}
		if meta == nil && b.hasMeta {
			meta = b
		}
	}
	var baseIDs map[string]int
	var baseMeasures []json.RawMessage
	if base != nil {
		var l diag.List
		doc, baseMeasures, l = readBase(base)
		out = append(out, l...)
		if doc == nil {
			return nil, out
		}
		baseIDs = map[string]int{}
		for i, raw := range baseMeasures {
			var v struct {
				ID string `json:"id"`
			}
			_ = json.Unmarshal(raw, &v)
			if _, dup := baseIDs[v.ID]; !dup {
				baseIDs[v.ID] = i
			}
			origins = append(origins, origin{base: i})
		}
	} else if meta != nil {
		for i, k := range meta.meta.keys {
			if k != "measures" && k != "organisations" {
				doc.set(k, meta.meta.vals[i])
			}
		}
		if meta.orgs != nil {
			doc.set("organisations", meta.orgs)
		}
		for _, b := range books {
			if b == meta || b.fatal || !b.hasMeta {
				continue
			}
			if !reflect.DeepEqual(canonical(b.meta), canonical(meta.meta)) || !reflect.DeepEqual(canonical(b.orgs), canonical(meta.orgs)) {
				out = append(out, diag.Problem{File: b.Name + ":" + find(sheetNames(b), metaSheet), Rule: RuleConflict,
					Message: fmt.Sprintf("the portfolio's properties or organisations differ from those in %s: export both from one portfolio, or merge them one at a time with --into", meta.Name)})
			}
		}
	}

	// The measures, and who changed which.
	measures := make([]any, len(baseMeasures))
	for i, raw := range baseMeasures {
		measures[i] = raw
	}
	changedBy := map[string]*measureRow{}
	for _, b := range books {
		for _, m := range b.measures {
			if base != nil {
				if i, ok := baseIDs[m.id]; ok && m.id != "" {
					if reflect.DeepEqual(canonical(m.obj), canonical(baseMeasures[i])) {
						continue // unchanged
					}
					if prev := changedBy[m.id]; prev != nil && prev.book != b {
						out = append(out, conflict(prev, m, "changed"))
						continue
					}
					changedBy[m.id] = m
					measures[i] = m.obj
					origins[i] = origin{m: m}
					continue
				}
			}
			if prev := changedBy[m.id]; prev != nil && prev.book != b && m.id != "" {
				if base == nil && reflect.DeepEqual(canonical(prev.obj), canonical(m.obj)) {
					continue // the same measure in two workbooks, unchanged
				}
				out = append(out, conflict(prev, m, "given"))
				continue
			}
			if _, seen := changedBy[m.id]; !seen {
				changedBy[m.id] = m
			}
			measures = append(measures, m.obj)
			origins = append(origins, origin{m: m})
		}
	}
	if _, ok := doc.get("organisations"); !ok && base == nil {
		doc.set("organisations", []any{})
	}
	doc.set("measures", measures)
	if base == nil {
		sortKeys(doc, []string{"$schema", "id", "title", "strategy", "asOf", "currency", "organisations", "measures", "extensions"})
	}

	var data bytes.Buffer
	data.Grow(768 * (len(measures) + 1)) // about 500 bytes a measure, indented
	if err := writeIndented(&data, doc, 0); err != nil {
		return nil, append(out, diag.Problem{Rule: diag.RuleInternal, Message: err.Error()})
	}
	data.WriteByte('\n')

	// The workbooks' own problems, at their cells.
	cellProblem := map[string]bool{} // final pointers with a cell problem
	index := map[*measureRow]int{}
	for i, o := range origins {
		if o.m != nil {
			index[o.m] = i
		}
	}
	for _, b := range books {
		for _, p := range b.problems {
			ptr := p.ptr
			if p.m != nil {
				i, ok := index[p.m]
				if !ok {
					continue // a measure left out (unchanged, or a conflict reported)
				}
				ptr = "/measures/" + strconv.Itoa(i) + p.ptr
			}
			if p.rule == RuleCell && ptr != "" {
				cellProblem[ptr] = true
			}
			out = append(out, diag.Problem{File: fileAt(b.Name, p.at), Pointer: ptr, Rule: p.rule, Message: p.msg})
		}
	}

	// The portfolio's problems, located at the cells they come from.
	_, vl := schema.ValidatePortfolio(data.Bytes(), s)
	for _, p := range vl {
		if cellProblem[p.Pointer] {
			continue
		}
		p.Line, p.Column = 0, 0
		p.File = locate(p.Pointer, origins, meta, base)
		out = append(out, p)
	}
	sortProblems(out, books, base)
	return data.Bytes(), out
}

func sheetNames(b *Book) []string {
	names := make([]string, 0, len(b.sheetOrder))
	for n := range b.sheetOrder {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

func conflict(prev, m *measureRow, verb string) diag.Problem {
	return diag.Problem{File: fileAt(m.book.Name, m.cells.row()), Pointer: "", Rule: RuleConflict,
		Message: fmt.Sprintf("measure %s is %s in both %s (%s) and %s (%s): merge one workbook, then bring the other up to date",
			quote(m.id), verb, prev.book.Name, prev.cells.row(), m.book.Name, m.cells.row())}
}

func fileAt(name string, at loc) string {
	if at.sheet == "" {
		return name
	}
	return name + ":" + at.String()
}

// locate names the workbook cell (or the base file) a pointer of the
// result comes from: the cell of the pointer itself or of its nearest
// parent that has one (the row, for a missing property).
func locate(ptr string, origins []origin, meta *Book, base *Base) string {
	if rest, ok := strings.CutPrefix(ptr, "/measures/"); ok {
		idx, rel, _ := strings.Cut(rest, "/")
		if rel != "" {
			rel = "/" + rel
		}
		i, err := strconv.Atoi(idx)
		if err == nil && i >= 0 && i < len(origins) {
			o := origins[i]
			if o.m == nil {
				return base.Name
			}
			return fileAt(o.m.book.Name, nearest(&o.m.cells, rel))
		}
	}
	if base != nil {
		return base.Name
	}
	if meta == nil {
		return ""
	}
	if at := nearest(&meta.orgCells, ptr); at.sheet != "" {
		return fileAt(meta.Name, at)
	}
	return fileAt(meta.Name, nearest(&meta.metaCells, ptr))
}

func nearest(cells *cellIndex, ptr string) loc {
	for {
		if at, ok := cells.get(ptr); ok {
			return at
		}
		i := strings.LastIndexByte(ptr, '/')
		if i < 0 {
			return loc{}
		}
		ptr = ptr[:i]
	}
}

// readBase splits a portfolio file into its members, in order, and its
// measures; anything unreadable is a problem of the base file.
func readBase(base *Base) (*object, []json.RawMessage, diag.List) {
	data := bytes.TrimPrefix(base.Data, []byte("\xEF\xBB\xBF"))
	bad := func(msg string) (*object, []json.RawMessage, diag.List) {
		return nil, nil, diag.List{{File: base.Name, Rule: RuleWorkbook, Message: msg + ": check it with kompass validate"}}
	}
	if _, l := jsondoc.Check(data, jsondoc.Options{Limits: []jsondoc.Limit{{Member: "measures", Max: portfolio.MaxMeasures}}}); l.HasErrors() {
		l.SetFile(base.Name)
		return nil, nil, l
	}
	var members map[string]json.RawMessage
	if err := json.Unmarshal(data, &members); err != nil {
		return bad("the portfolio to merge into is not a JSON object")
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	doc := newObject()
	if _, err := dec.Token(); err != nil {
		return bad("the portfolio to merge into cannot be read")
	}
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return bad("the portfolio to merge into cannot be read")
		}
		k, _ := t.(string)
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return bad("the portfolio to merge into cannot be read")
		}
		doc.set(k, raw)
	}
	var measures []json.RawMessage
	if raw, ok := members["measures"]; ok {
		if err := json.Unmarshal(raw, &measures); err != nil {
			return bad(`its "measures" is not a list`)
		}
	}
	return doc, measures, nil
}

// sortProblems orders problems by workbook (in the order given), sheet,
// row and column, the base's after them, then by pointer and message.
func sortProblems(l diag.List, books []*Book, base *Base) {
	type key struct {
		book, sheet, row, col int
	}
	keys := make(map[string]key, len(l))
	keyOf := func(file string) key {
		if k, ok := keys[file]; ok {
			return k
		}
		k := key{book: len(books)}
		for i, b := range books {
			if file == b.Name || strings.HasPrefix(file, b.Name+":") {
				k.book = i
				rest := strings.TrimPrefix(file, b.Name)
				rest = strings.TrimPrefix(rest, ":")
				sheet, cell, _ := strings.Cut(rest, "!")
				k.sheet = -1
				if sheet != "" {
					k.sheet = b.sheetOrder[sheet]
				}
				c, r, err := excelize.CellNameToCoordinates(cell)
				if err == nil {
					k.row, k.col = r, c
				}
				break
			}
		}
		keys[file] = k
		return k
	}
	slices.SortStableFunc(l, func(a, b diag.Problem) int {
		ka, kb := keyOf(a.File), keyOf(b.File)
		return cmp.Or(cmp.Compare(ka.book, kb.book), cmp.Compare(ka.sheet, kb.sheet), cmp.Compare(ka.row, kb.row),
			cmp.Compare(ka.col, kb.col), cmp.Compare(a.File, b.File), cmp.Compare(a.Pointer, b.Pointer), cmp.Compare(a.Message, b.Message))
	})
}
