package sheet

import (
	"strconv"
	"strings"
)

// rowCells are the cells of one row of a table sheet by the pointer they
// were read into, relative to the row's object: the row's own pointer ""
// (its first cell), each column's property and its parents ("/budget" for
// "/budget/planned", at its first column), and the items of numbered lists
// ("/goals/0"), which depend on the row's values.
type rowCells struct {
	at    loc            // the row; col is unused
	cols  map[string]int // pointer -> column, shared by all rows of a sheet
	items []listCell
}

// listCell is the cell of item i of a numbered list: "/goals/0".
type listCell struct {
	list string
	i    int
	col  int
}

// is reports whether ptr is "/" + list + "/" + i.
func (lc listCell) is(ptr string) bool {
	rest, ok := strings.CutPrefix(ptr, "/"+lc.list+"/")
	if !ok {
		return false
	}
	n, err := strconv.Atoi(rest)
	return err == nil && n == lc.i && rest == strconv.Itoa(n)
}

type ptrCell struct {
	ptr string
	at  loc
}

func (r *rowCells) get(ptr string) (loc, bool) {
	for _, it := range r.items {
		if it.is(ptr) {
			return loc{r.at.sheet, r.at.row, it.col}, true
		}
	}
	if c, ok := r.cols[ptr]; ok {
		return loc{r.at.sheet, r.at.row, c}, true
	}
	return loc{}, false
}

// cellIndex maps the pointers of a measure (relative to it) or of the
// portfolio to the cells they come from. It holds rows and their place
// rather than a map entry per cell: import reads a row per measure, and
// only the few pointers with a problem are ever looked up.
type cellIndex struct {
	rows  []prefixedRow
	extra []ptrCell // single cells; the first of a pointer wins
}

type prefixedRow struct {
	prefix string // "/indicators/0" for an indicator's row, "" for the measure's own
	r      *rowCells
}

// addRow adds the cells of a row at prefix; a later row wins over an
// earlier one for the same pointer.
func (ci *cellIndex) addRow(prefix string, r *rowCells) {
	ci.rows = append(ci.rows, prefixedRow{prefix, r})
}

// register adds the cell of ptr and of its parents that have none yet.
func (ci *cellIndex) register(ptr string, at loc) {
	ci.add(ptr, at)
	for i := strings.LastIndexByte(ptr, '/'); i > 0; i = strings.LastIndexByte(ptr[:i], '/') {
		ci.add(ptr[:i], at)
	}
}

// add adds the cell of ptr unless it has one.
func (ci *cellIndex) add(ptr string, at loc) {
	for _, e := range ci.extra {
		if e.ptr == ptr {
			return
		}
	}
	ci.extra = append(ci.extra, ptrCell{ptr, at})
}

func (ci *cellIndex) get(ptr string) (loc, bool) {
	for _, e := range ci.extra {
		if e.ptr == ptr {
			return e.at, true
		}
	}
	for i := len(ci.rows) - 1; i >= 0; i-- {
		pr := ci.rows[i]
		rest, ok := strings.CutPrefix(ptr, pr.prefix)
		if !ok || rest != "" && rest[0] != '/' {
			continue
		}
		if at, ok := pr.r.get(rest); ok {
			return at, true
		}
	}
	return loc{}, false
}

// row returns the cell of the row's own pointer "".
func (ci *cellIndex) row() loc {
	at, _ := ci.get("")
	return at
}

// headerCells maps the pointers of a sheet's columns (and their parents,
// and each numbered list's name) to their columns, the first column
// winning; "" is the first column.
func headerCells(cols []colAt) map[string]int {
	m := map[string]int{"": 1}
	put := func(p string, col int) {
		if _, ok := m[p]; !ok {
			m[p] = col
		}
	}
	for _, ca := range cols {
		if ca.isList {
			put("/"+ca.list, ca.idx+1)
			continue
		}
		put(ca.ptr, ca.idx+1)
		for _, p := range ca.parents {
			put(p, ca.idx+1)
		}
	}
	return m
}
