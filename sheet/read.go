package sheet

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"

	"github.com/bl-digital/kompass/diag"
	"github.com/xuri/excelize/v2"
)

// MaxWorkbookSize is the largest workbook file Read accepts, and the most
// bytes its parts may unzip to is a few times that.
const MaxWorkbookSize = 32 << 20

// The rules of the problems only workbooks have; the portfolio a workbook
// becomes is checked with the rules of package schema.
const (
	RuleWorkbook = diag.RuleWorkbook
	RuleCell     = diag.RuleCell
	RuleColumn   = diag.RuleColumn
	RuleRowKey   = diag.RuleRowKey
	RuleConflict = diag.RuleConflict
)

// loc is a cell of a workbook.
type loc struct {
	sheet    string
	row, col int // 1-based; col 0 for a whole row
}

func (l loc) String() string {
	if l.row == 0 {
		return l.sheet
	}
	c := l.col
	if c == 0 {
		c = 1
	}
	name, _ := excelize.CoordinatesToCellName(c, l.row)
	return l.sheet + "!" + name
}

// problem is a problem found while reading; its pointer is relative to the
// measure when m is set, else absolute.
type problem struct {
	at   loc
	m    *measureRow
	ptr  string
	rule diag.Rule
	msg  string
}

// Book is one workbook read by Read, ready for Build.
type Book struct {
	// Name is the file name problems are reported with.
	Name string

	sheetOrder map[string]int
	hasMeta    bool
	meta       *object
	metaCells  cellIndex // absolute pointers
	orgs       []any
	orgCells   cellIndex // absolute pointers
	measures   []*measureRow
	problems   []problem
	fatal      bool // no sheet of measures: nothing to build from
}

type measureRow struct {
	book       *Book
	id         string
	obj        *object
	cells      cellIndex // pointers relative to the measure
	empty      map[string]bool
	indicators []*indicatorRow
	milestones []any
	links      []any
}

type indicatorRow struct {
	id      string
	obj     *object
	empty   map[string]bool
	actuals []any
}

// Read reads a workbook. It returns a Book whose problems Build reports
// together with those of the portfolio it becomes; a file that is not a
// workbook at all gives a Book with one problem. Read never panics.
func Read(name string, r io.Reader) (b *Book) {
	b = &Book{Name: name, sheetOrder: map[string]int{}}
	defer func() {
		if v := recover(); v != nil {
			b.problems = append(b.problems, problem{rule: RuleWorkbook, msg: fmt.Sprintf("the workbook cannot be read (the spreadsheet library failed: %v)", v)})
			b.fatal = true
		}
	}()
	data, err := io.ReadAll(io.LimitReader(r, MaxWorkbookSize+1))
	if err != nil {
		b.fail("cannot read the file: %v", err)
		return b
	}
	if len(data) > MaxWorkbookSize {
		b.fail("the file is larger than %d MiB", MaxWorkbookSize>>20)
		return b
	}
	x, err := openXLSX(data)
	if err != nil {
		b.fail("%v", err)
		return b
	}
	b.read(x)
	return b
}

func (b *Book) fail(format string, args ...any) {
	b.problems = append(b.problems, problem{rule: RuleWorkbook, msg: fmt.Sprintf(format, args...)})
	b.fatal = true
}

func (b *Book) add(at loc, m *measureRow, ptr string, rule diag.Rule, format string, args ...any) {
	b.problems = append(b.problems, problem{at: at, m: m, ptr: ptr, rule: rule, msg: fmt.Sprintf(format, args...)})
}

// find returns the workbook's sheet that d names in any language.
func find(sheets []string, d *sheetDef) string {
	for _, s := range sheets {
		if d.is(s) {
			return s
		}
	}
	return ""
}

func (b *Book) read(f *xlsx) {
	sheets := f.sheets
	for i, s := range sheets {
		b.sheetOrder[s] = i
	}
	ms := find(sheets, measureSheet(counts{}))
	if ms == "" {
		b.fail("no sheet of measures (Massnahmen, Mesures, Misure or Measures): not a workbook written by kompass sheet export")
		return
	}
	if meta := find(sheets, metaSheet); meta != "" {
		b.readMeta(f, meta)
	} else {
		b.add(loc{}, nil, "", RuleWorkbook, "no sheet %q with the portfolio's id, title, strategy and date: export the workbook again", metaSheet.names[0])
	}
	if org := find(sheets, orgSheet); org != "" {
		b.readOrgs(f, org)
	} else {
		b.add(loc{}, nil, "/organisations", RuleWorkbook, "no sheet %q: export the workbook again", orgSheet.names[0])
	}
	byID := map[string]*measureRow{}
	b.readTable(f, ms, "measures", func(at loc, obj *object, keys map[string]string, cells *rowCells, empty map[string]bool) (*measureRow, string) {
		id, _ := obj.get("id")
		m := &measureRow{book: b, obj: obj, empty: empty}
		m.cells.addRow("", cells)
		m.id, _ = id.(string)
		if _, ok := obj.get("goals"); !ok {
			obj.set("goals", []any{})
		}
		b.measures = append(b.measures, m)
		if _, dup := byID[m.id]; !dup && m.id != "" {
			byID[m.id] = m
		}
		return m, ""
	})
	owner := func(at loc, keys map[string]string) *measureRow {
		id := keys["$measure"]
		m := byID[id]
		if m == nil {
			if id == "" {
				b.add(at, nil, "/measures", RuleRowKey, "the row names no measure: write the measure's ID in the first column")
			} else {
				b.add(at, nil, "/measures", RuleRowKey, "measure %s is not on sheet %s", quote(id), ms)
			}
		}
		return m
	}
	if s := find(sheets, indicatorSheet); s != "" {
		b.readTable(f, s, "indicators", func(at loc, obj *object, keys map[string]string, cells *rowCells, empty map[string]bool) (*measureRow, string) {
			if m := owner(at, keys); m != nil {
				id, _ := obj.get("id")
				in := &indicatorRow{obj: obj, empty: empty}
				in.id, _ = id.(string)
				prefix := fmt.Sprintf("/indicators/%d", len(m.indicators))
				m.merge(prefix, cells)
				m.indicators = append(m.indicators, in)
				return m, prefix
			}
			return nil, ""
		})
	}
	if s := find(sheets, actualSheet); s != "" {
		b.readTable(f, s, "actuals", func(at loc, obj *object, keys map[string]string, cells *rowCells, empty map[string]bool) (*measureRow, string) {
			m := owner(at, keys)
			if m == nil {
				return nil, ""
			}
			for j, in := range m.indicators {
				if in.id == keys["$indicator"] {
					prefix := fmt.Sprintf("/indicators/%d/actuals/%d", j, len(in.actuals))
					m.merge(prefix, cells)
					in.actuals = append(in.actuals, obj)
					return m, prefix
				}
			}
			b.add(loc{at.sheet, at.row, 2}, m, "/indicators", RuleRowKey, "measure %s has no indicator %s on sheet %s", quote(m.id), quote(keys["$indicator"]), indicatorSheet.names[0])
			return nil, ""
		})
	}
	if s := find(sheets, milestoneSheet); s != "" {
		b.readTable(f, s, "milestones", func(at loc, obj *object, keys map[string]string, cells *rowCells, empty map[string]bool) (*measureRow, string) {
			if m := owner(at, keys); m != nil {
				if _, ok := obj.get("done"); !ok {
					obj.set("done", false)
				}
				prefix := fmt.Sprintf("/milestones/%d", len(m.milestones))
				m.merge(prefix, cells)
				m.milestones = append(m.milestones, obj)
				return m, prefix
			}
			return nil, ""
		})
	}
	if s := find(sheets, linkSheet); s != "" {
		b.readTable(f, s, "links", func(at loc, obj *object, keys map[string]string, cells *rowCells, empty map[string]bool) (*measureRow, string) {
			if m := owner(at, keys); m != nil {
				prefix := fmt.Sprintf("/links/%d", len(m.links))
				m.merge(prefix, cells)
				m.links = append(m.links, obj)
				return m, prefix
			}
			return nil, ""
		})
	}
	for _, m := range b.measures {
		m.finish()
	}
}

// merge adds the cells of a row of another sheet under prefix.
func (m *measureRow) merge(prefix string, cells *rowCells) {
	m.cells.addRow(prefix, cells)
}

// measureOrder and indicatorOrder are the order of members in the file
// written, that of the Go types.
var (
	measureOrder = []string{"id", "title", "summary", "goals", "owner", "status", "start", "end", "progress", "weight",
		"fields", "beneficiaries", "before", "after", "budget", "purpose", "savings", "indicators", "milestones",
		"dependsOn", "links", "updated", "selfAssessment", "extensions"}
	indicatorOrder = []string{"id", "title", "unit", "baseline", "target", "actuals", "extensions"}
)

// finish adds the rows of the other sheets to the measure's object.
func (m *measureRow) finish() {
	for _, in := range m.indicators {
		if len(in.actuals) > 0 || in.empty["actuals"] {
			in.obj.set("actuals", in.actuals)
		}
		sortKeys(in.obj, indicatorOrder)
	}
	if len(m.indicators) > 0 || m.empty["indicators"] {
		l := make([]any, len(m.indicators))
		for i, in := range m.indicators {
			l[i] = in.obj
		}
		m.obj.set("indicators", l)
	}
	if len(m.milestones) > 0 || m.empty["milestones"] {
		m.obj.set("milestones", m.milestones)
	}
	if len(m.links) > 0 || m.empty["links"] {
		m.obj.set("links", m.links)
	}
	sortKeys(m.obj, measureOrder)
}

func sortKeys(o *object, order []string) { o.sortKeys(order) }

// listNames are the lists a "$emptyLists" cell may name, per sheet.
var listNames = map[string][]string{
	"measures":   {"fields", "beneficiaries", "dependsOn", "indicators", "milestones", "links"},
	"indicators": {"actuals"},
}

var numberedPtr = regexp.MustCompile(`^(goals|fields|beneficiaries|dependsOn)/([0-9]{1,4})$`)

// columnFor finds the column a header names on the sheet of kind key.
func columnFor(key, ptr string) (column, int, bool) {
	var cols []column
	switch key {
	case "measures":
		if m := numberedPtr.FindStringSubmatch(ptr); m != nil {
			n, _ := strconv.Atoi(m[2])
			for _, c := range measureSheet(counts{1, 1, 1, 1}).cols {
				if c.ptr == m[1]+"/0" {
					c.ptr = ptr
					return c, n, true
				}
			}
		}
		cols = measureSheet(counts{}).cols
	case "indicators":
		cols = indicatorSheet.cols
	case "actuals":
		cols = actualSheet.cols
	case "milestones":
		cols = milestoneSheet.cols
	case "links":
		cols = linkSheet.cols
	case "organisations":
		cols = orgSheet.cols
	}
	for _, c := range cols {
		if c.ptr == ptr {
			return c, 0, true
		}
	}
	return column{}, 0, false
}

type colAt struct {
	idx     int // 0-based column index
	c       column
	n       int      // the index of a numbered list column
	ptr     string   // "/" + c.ptr
	parents []string // "/budget" for "/budget/planned"
	isList  bool     // a numbered list column, such as goals/0
	list    string   // its list's name
	path    []string // c.ptr's parts: "budget", "planned"
}

func newColAt(idx int, c column, n int, key string) colAt {
	ca := colAt{idx: idx, c: c, n: n, ptr: "/" + c.ptr}
	name, _, nested := strings.Cut(c.ptr, "/")
	ca.isList = nested && key == "measures" && numberedPtr.MatchString(c.ptr)
	ca.list = name
	ca.path = strings.Split(c.ptr, "/")
	for i := strings.LastIndexByte(ca.ptr, '/'); i > 0; i = strings.LastIndexByte(ca.ptr[:i], '/') {
		ca.parents = append(ca.parents, ca.ptr[:i])
	}
	return ca
}

// readTable reads a sheet whose row 2 names the columns' properties and
// calls row for each row that is not empty, in order.
//
// It is a pipeline: one goroutine scans the sheet's XML into batches of
// rows, the batches are turned into objects on all of GOMAXPROCS, and this
// goroutine hands them to row in order. Everything that touches the Book
// happens here.
func (b *Book) readTable(f *xlsx, sheet, key string, row rowFunc) {
	type result struct {
		rows     []parsedRow
		problems []problem // of the header row
		header   bool      // row 2 was in the batch
		err      error
	}
	batches := make(chan []rowCellsRaw, 4)
	scanErr := make(chan error, 1)
	go func() {
		defer close(batches)
		defer func() {
			if v := recover(); v != nil {
				scanErr <- fmt.Errorf("the sheet cannot be read (%v)", v)
			}
		}()
		var batch []rowCellsRaw
		err := f.rows(sheet, func(r int, cells []cell) {
			batch = append(batch, rowCellsRaw{r, slices.Clone(cells)})
			if len(batch) == 256 || r <= 2 {
				batches <- batch
				batch = nil
			}
		})
		if len(batch) > 0 {
			batches <- batch
		}
		scanErr <- err
	}()

	// The dispatcher reads the header and starts a worker per batch; the
	// futures keep the batches' order.
	futures := make(chan chan result, 2*runtime.GOMAXPROCS(0)+2)
	go func() {
		defer close(futures)
		var t *tableShape
		sem := make(chan struct{}, runtime.GOMAXPROCS(0))
		for batch := range batches {
			fut := make(chan result, 1)
			futures <- fut
			if t == nil {
				// Rows 1 and 2 come in batches of their own.
				res := result{}
				func() {
					defer func() {
						if v := recover(); v != nil {
							res.err = fmt.Errorf("the sheet cannot be read (%v)", v)
						}
					}()
					for _, rc := range batch {
						if rc.row == 2 {
							scratch := &Book{}
							t = newTableShape(scratch, sheet, key, rc.cells)
							res.problems, res.header = scratch.problems, t.cols != nil
						}
					}
				}()
				fut <- res
				continue
			}
			sem <- struct{}{}
			go func(batch []rowCellsRaw) {
				res := result{}
				defer func() {
					if v := recover(); v != nil {
						res = result{err: fmt.Errorf("the sheet cannot be read (%v)", v)}
					}
					<-sem
					fut <- res
				}()
				res.rows = make([]parsedRow, 0, len(batch))
				dense := make([]string, t.width)
				for _, rc := range batch {
					if pr, ok := t.parse(loc{sheet, rc.row, 0}, rc.cells, dense); ok {
						res.rows = append(res.rows, pr)
					}
				}
			}(batch)
		}
	}()
	// Should row panic (Read recovers), the goroutines still run to their end.
	defer func() {
		for fut := range futures {
			<-fut
		}
	}()

	header := false
	var err error
	for fut := range futures {
		res := <-fut
		if res.err != nil && err == nil {
			err = res.err
		}
		b.problems = append(b.problems, res.problems...)
		header = header || res.header
		for _, pr := range res.rows {
			b.commitRow(pr, row)
		}
	}
	if e := <-scanErr; e != nil && err == nil {
		err = e
	}
	if err != nil {
		b.add(loc{sheet: sheet}, nil, "", RuleWorkbook, "sheet %s cannot be read: %v", sheet, err)
	}
	if !header {
		b.add(loc{sheet, 2, 1}, nil, "", RuleColumn, "row 2 must name the property of each column (id, title/de, …): export the workbook again")
	}
}

type rowCellsRaw struct {
	row   int
	cells []cell
}

// tableShape is what row 2 of a table sheet says, shared by its rows.
type tableShape struct {
	key      string
	cols     []colAt
	width    int            // the columns data rows need: up to the last named in row 2
	hdrCells map[string]int // pointer -> column
	members  int            // the members of a row's object, at most
}

func newTableShape(b *Book, sheet, key string, cells []cell) *tableShape {
	t := &tableShape{key: key}
	if len(cells) == 0 {
		return t
	}
	hdr := make([]string, cells[len(cells)-1].col)
	for _, c := range cells {
		hdr[c.col-1] = c.v
	}
	t.cols = b.header(sheet, key, hdr)
	for _, c := range t.cols {
		t.width = max(t.width, c.idx+1)
	}
	t.hdrCells = headerCells(t.cols)
	t.members = topMembers(t.cols)
	return t
}

// parse reads a data row; false for a row without cells in the columns.
func (t *tableShape) parse(at loc, cells []cell, dense []string) (parsedRow, bool) {
	if t.cols == nil {
		return parsedRow{}, false
	}
	clear(dense)
	any := false
	for _, c := range cells {
		if c.col <= t.width {
			dense[c.col-1] = c.v
			any = true
		}
	}
	if !any {
		return parsedRow{}, false
	}
	return parseRow(at, t.key, t.cols, t.hdrCells, t.members, dense), true
}

func (b *Book) header(sheet, key string, cells []string) []colAt {
	var cols []colAt
	seen := map[string]int{}
	for i, h := range cells {
		h = strings.TrimSpace(h)
		if h == "" {
			continue
		}
		at := loc{sheet, 2, i + 1}
		c, n, ok := columnFor(key, h)
		if !ok {
			b.add(at, nil, "", RuleColumn, "row 2 names %s, which is no property of this sheet: restore the header or empty the cell", quote(h))
			continue
		}
		if j, dup := seen[h]; dup {
			name, _ := excelize.CoordinatesToCellName(j+1, 2)
			b.add(at, nil, "", RuleColumn, "%s is the property of two columns (also %s): keep one", quote(h), name)
			continue
		}
		seen[h] = i
		cols = append(cols, newColAt(i, c, n, key))
	}
	if len(cols) > 0 {
		need := "id"
		if key != "measures" && key != "indicators" && key != "organisations" {
			need = "$measure"
		}
		if _, ok := seen[need]; !ok {
			b.add(loc{sheet, 2, 1}, nil, "", RuleColumn, "no column has the property %q in row 2: restore it", need)
		}
	}
	return cols
}

// listItem is a value of a numbered list column.
type listItem struct {
	list int // index in the row's lists
	n    int
	v    any
	col  int
}

// parsedRow is a row of a table sheet read into an object, before it
// becomes part of the Book.
type parsedRow struct {
	at      loc
	obj     *object
	keys    map[string]string
	rc      *rowCells
	empty   map[string]bool
	pending []problem // relative pointers, attached to the measure later
}

// parseRow reads a row; it touches nothing shared, so rows are read in
// parallel.
func parseRow(at loc, key string, cols []colAt, hdrCells map[string]int, members int, cells []string) parsedRow {
	// The members the row has: one per first part of a property with a
	// value (a text's languages are neighbours), and room for the lists.
	n, prev := 4, ""
	for i := range cols {
		ca := &cols[i]
		if ca.idx < len(cells) && cells[ca.idx] != "" && ca.path[0] != prev {
			n++
			prev = ca.path[0]
		}
	}
	obj := newObjectCap(min(n, members))
	var keys map[string]string
	rc := &rowCells{at: at, cols: hdrCells}
	var empty map[string]bool
	var listsBuf [8]string
	lists := listsBuf[:0] // names, in the order of their first column
	var itemsBuf [16]listItem
	items := itemsBuf[:0]
	var pending []problem // relative pointers, attached to the measure later
	for i := range cols {
		ca := &cols[i]
		c := &ca.c
		raw := ""
		if ca.idx < len(cells) {
			raw = cells[ca.idx]
		}
		isList := ca.isList
		li := -1
		if isList {
			if li = slices.Index(lists, ca.list); li < 0 {
				li = len(lists)
				lists = append(lists, ca.list)
				obj.set(ca.list, nil) // keeps the member's place
			}
		}
		if raw == "" {
			continue
		}
		here := loc{at.sheet, at.row, ca.idx + 1}
		v, err := convert(c, raw)
		if err != nil {
			if !isList {
				pending = append(pending, problem{at: here, ptr: ca.ptr, rule: RuleCell, msg: err.Error()})
			} else {
				pending = append(pending, problem{at: here, ptr: "/" + ca.list + "/?", rule: RuleCell, msg: err.Error()})
			}
		}
		switch {
		case strings.HasPrefix(c.ptr, "$"):
			if c.kind == kLists {
				for _, n := range splitList(raw) {
					if !slices.Contains(listNames[key], n) {
						pending = append(pending, problem{at: here, ptr: "", rule: RuleCell,
							msg: fmt.Sprintf("%s is not a list of this row: name one of %s, or empty the cell", quote(n), strings.Join(listNames[key], ", "))})
						continue
					}
					if empty == nil {
						empty = map[string]bool{}
					}
					empty[n] = true
				}
			} else {
				if keys == nil {
					keys = map[string]string{}
				}
				keys[c.ptr], _ = v.(string)
			}
		case isList:
			items = append(items, listItem{list: li, n: ca.n, v: v, col: here.col})
		default:
			setParts(obj, ca.path, v)
		}
	}
	// The items of each list in the order of their numbers.
	slices.SortStableFunc(items, func(a, b listItem) int { return cmp.Or(a.list-b.list, a.n-b.n) })
	if len(items) > 0 {
		rc.items = make([]listCell, 0, len(items))
	}
	for li, name := range lists {
		count := 0
		for _, it := range items {
			if it.list == li {
				count++
			}
		}
		vals := make([]any, 0, count)
		for _, it := range items {
			if it.list != li {
				continue
			}
			i := len(vals)
			vals = append(vals, it.v)
			rc.items = append(rc.items, listCell{name, i, it.col})
			for j := range pending {
				if pending[j].at.col == it.col {
					pending[j].ptr = "/" + name + "/" + strconv.Itoa(i)
				}
			}
		}
		if len(vals) == 0 && !empty[name] && name != "goals" {
			obj.remove(name)
			continue
		}
		obj.set(name, vals)
	}
	return parsedRow{at, obj, keys, rc, empty, pending}
}

// commitRow hands a row to row and keeps its problems. They are attached
// when the row becomes a measure or part of one: their pointers are
// relative until then.
func (b *Book) commitRow(pr parsedRow, row rowFunc) {
	m, prefix := row(pr.at, pr.obj, pr.keys, pr.rc, pr.empty)
	for _, p := range pr.pending {
		p.m = m
		if m == nil && prefix == "" {
			p.ptr = "/measures"
		} else {
			p.ptr = prefix + p.ptr
		}
		b.problems = append(b.problems, p)
	}
}

// topMembers is the number of members a row's object may have: one per
// first part of the columns' properties, and one for each list the row may
// add from other sheets.
func topMembers(cols []colAt) int {
	var seen []string
	for _, ca := range cols {
		if !strings.HasPrefix(ca.c.ptr, "$") && !slices.Contains(seen, ca.path[0]) {
			seen = append(seen, ca.path[0])
		}
	}
	return len(seen) + 4
}

// rowFunc takes a row of a table sheet and returns the measure it became
// part of and its pointer there (relative to the measure), or no measure
// and an absolute pointer, or neither.
type rowFunc func(at loc, obj *object, keys map[string]string, cells *rowCells, empty map[string]bool) (*measureRow, string)

func splitList(s string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == ',' || r == ' ' || r == '\n' }) {
		out = append(out, f)
	}
	return out
}

// setPath sets the member at a relative pointer such as "budget/planned".
func setPath(o *object, ptr string, v any) {
	setParts(o, strings.Split(ptr, "/"), v)
}

// setParts sets the member at a pointer split into its parts.
func setParts(o *object, parts []string, v any) {
	for _, p := range parts[:len(parts)-1] {
		o = o.child(p)
	}
	o.set(parts[len(parts)-1], v)
}

// convert reads a cell as its column's kind. On error it returns the text
// as it is, so that the portfolio keeps a value at the pointer (the
// problem is reported once, by the caller).
func convert(c *column, raw string) (any, error) {
	switch c.kind {
	case kString:
		return raw, nil
	case kID:
		return strings.TrimSpace(raw), nil
	case kNumber:
		v, err := parseNumber(raw)
		if err != nil {
			return raw, err
		}
		return v, nil
	case kInt:
		v, err := parseInt(raw)
		if err != nil {
			return raw, err
		}
		return v, nil
	case kDate:
		d, err := parseDate(raw)
		if err != nil {
			return raw, err
		}
		return d.String(), nil
	case kBool:
		v, err := parseBool(raw)
		if err != nil {
			return raw, err
		}
		return v, nil
	case kJSON:
		v, err := parseJSONObject(raw)
		if err != nil {
			return raw, fmt.Errorf("extensions must be a JSON object: %v", err)
		}
		return v, nil
	case kEnum:
		v, ok := c.enum.parseBoxed(raw)
		if !ok {
			var choices []string
			for _, x := range c.enum.values {
				choices = append(choices, c.enum.label(x, 0))
			}
			return raw, fmt.Errorf("%s is not a %s: choose one of %s from the list", quote(raw), c.enum.name, strings.Join(choices, ", "))
		}
		return v, nil
	case kLists:
		return raw, nil
	}
	return raw, nil
}

// readMeta reads the sheet of the portfolio's properties: label, property, value.
func (b *Book) readMeta(f *xlsx, sheet string) {
	b.hasMeta = true
	b.meta = newObject()
	seen := map[string]bool{}
	err := f.rows(sheet, func(r int, row []cell) {
		var cells [3]string
		for _, c := range row {
			if c.col <= 3 {
				cells[c.col-1] = c.v
			}
		}
		if r == 1 || strings.TrimSpace(cells[1]) == "" {
			return
		}
		ptr := strings.TrimSpace(cells[1])
		at := loc{sheet, r, 3}
		i := slices.IndexFunc(metaProps, func(c column) bool { return c.ptr == ptr })
		if i < 0 {
			b.add(loc{sheet, r, 2}, nil, "", RuleColumn, "%s is no property of a portfolio: restore it or empty the row", quote(ptr))
			return
		}
		if seen[ptr] {
			b.add(loc{sheet, r, 2}, nil, "", RuleColumn, "%s is given twice: keep one row", quote(ptr))
			return
		}
		seen[ptr] = true
		b.metaCells.register("/"+ptr, at)
		if cells[2] == "" {
			return
		}
		v, err := convert(&metaProps[i], cells[2])
		if err != nil {
			b.add(at, nil, "/"+ptr, RuleCell, "%s", err.Error())
		}
		setPath(b.meta, ptr, v)
	})
	if err != nil {
		b.add(loc{sheet: sheet}, nil, "", RuleWorkbook, "sheet %s cannot be read: %v", sheet, err)
	}
	b.metaCells.add("", loc{sheet, 1, 1})
}

// readOrgs reads the organisations.
func (b *Book) readOrgs(f *xlsx, sheet string) {
	b.orgs = []any{}
	b.readTable(f, sheet, "organisations", func(at loc, obj *object, keys map[string]string, cells *rowCells, empty map[string]bool) (*measureRow, string) {
		prefix := fmt.Sprintf("/organisations/%d", len(b.orgs))
		b.orgCells.addRow(prefix, cells)
		b.orgs = append(b.orgs, obj)
		return nil, prefix
	})
	b.orgCells.add("/organisations", loc{sheet, 1, 1})
}

// canonical is v as plain JSON data, for comparisons.
func canonical(v any) any {
	data, err := json.Marshal(v)
	if err != nil {
		return nil
	}
	var out any
	if json.Unmarshal(data, &out) != nil {
		return nil
	}
	return out
}
