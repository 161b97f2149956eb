package schema

import (
	"strings"

	"github.com/bl-digital/kompass/diag"
)

// merge joins the problems of the four layers of one file: bytes (bl), JSON
// Schema (sl), decoding (dl) and semantics (vl). Every distinct problem is
// kept; what is dropped is the same defect found twice:
//
//   - a decoder problem at a pointer where the schema or the byte layer
//     has one (a wrong type, an unknown property, a bad enum value or date
//     is found by both);
//   - a schema problem at a pointer where the byte layer refused a number
//     (the schema saw 0 in its place);
//   - a semantic problem about a value that an earlier layer found broken:
//     at its pointer, inside a value of the wrong type, or at the value it
//     is compared with (a progress-status problem when the progress could
//     not be read, an end-before-start when the start could not).
func merge(bl, sl, dl, vl diag.List) diag.List {
	byteAt := pointers(bl)
	schemaAt := pointers(sl)
	decodeAt := pointers(dl)
	// Values whose whole content is broken: a wrong type or a refused
	// number; what is inside them was not read.
	broken := map[string]bool{}
	for _, p := range append(bl[:len(bl):len(bl)], dl...) {
		if p.Rule == diag.RuleType || p.Rule == diag.RuleNumber || p.Rule == diag.RuleValue {
			broken[p.Pointer] = true
		}
	}
	l := make(diag.List, 0, len(bl)+len(sl)+len(dl)+len(vl))
	l = append(l, bl...)
	for _, p := range sl {
		if p.Rule == diag.RuleTruncated || !byteAt[p.Pointer] {
			l = append(l, p)
		}
	}
	for _, p := range dl {
		if p.Rule == diag.RuleTruncated || !schemaAt[p.Pointer] && !byteAt[p.Pointer] {
			l = append(l, p)
		}
	}
	for _, p := range vl {
		if !aboutBroken(p, byteAt, schemaAt, decodeAt, broken) {
			l = append(l, p)
		}
	}
	return l
}

func pointers(l diag.List) map[string]bool {
	m := make(map[string]bool, len(l))
	for _, p := range l {
		m[p.Pointer] = true
	}
	return m
}

// aboutBroken reports whether the semantic problem p is about a value an
// earlier layer found broken.
func aboutBroken(p diag.Problem, byteAt, schemaAt, decodeAt, broken map[string]bool) bool {
	at := func(ptr string) bool { return byteAt[ptr] || schemaAt[ptr] || decodeAt[ptr] }
	for _, ptr := range related(p) {
		if at(ptr) {
			return true
		}
		// Inside a value of the wrong type, below the top level.
		for q := ptr; strings.Count(q, "/") > 1; {
			q = q[:strings.LastIndexByte(q, '/')]
			if broken[q] {
				return true
			}
		}
	}
	return false
}

// related are the pointers of the values a semantic problem is about: its
// own, and the value it was compared with.
func related(p diag.Problem) []string {
	ptr := p.Pointer
	parent, last := ptr, ""
	if i := strings.LastIndexByte(ptr, '/'); i >= 0 {
		parent, last = ptr[:i], ptr[i+1:]
	}
	switch {
	case p.Rule == diag.RuleProgressStatus:
		return []string{parent + "/progress", parent + "/status"}
	case p.Rule == diag.RuleEndBeforeStart && last == "end":
		return []string{ptr, parent + "/start"}
	case p.Rule == diag.RuleIndicatorTarget && last == "value":
		ind := parent[:max(strings.LastIndexByte(parent, '/'), 0)]
		return []string{ptr, parent, ind + "/baseline", ind + "/baseline/value"}
	}
	return []string{ptr}
}
