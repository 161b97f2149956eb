// Package idset finds duplicate ids of one kind and reports them as problems.
package idset

import (
	"github.com/bl-digital/kompass/diag"
)

// Set records the ids of one kind (measure, goal, ...) and the index of
// each one's first use. It builds JSON pointers only for problems, so a
// clean file costs no allocations beyond the map.
type Set[T ~string] struct {
	kind    string
	pointer func(i int) string
	first   map[T]int
}

// New returns an empty Set for ids of kind, as named in messages; pointer
// gives the JSON pointer of the id at index i.
func New[T ~string](kind string, pointer func(i int) string) *Set[T] {
	return &Set[T]{kind: kind, pointer: pointer, first: map[T]int{}}
}

// Add records id at index i (an empty id is not recorded) and appends a diag.RuleDuplicateID problem to l when
// id was seen before.
func (s *Set[T]) Add(l diag.List, id T, i int) diag.List {
	if id == "" {
		return l // missing: the schema's to report
	}
	if first, ok := s.first[id]; ok {
		return append(l, diag.Problem{Pointer: s.pointer(i), Rule: diag.RuleDuplicateID,
			Message: "duplicate " + s.kind + " id " + diag.Quote(string(id)) + " (first at " + s.pointer(first) + ")"})
	}
	s.first[id] = i
	return l
}

// Has reports whether id was added.
func (s *Set[T]) Has(id T) bool {
	_, ok := s.first[id]
	return ok
}
