// Package idset finds duplicate ids of one kind and reports them as problems.
package idset

import (
	"fmt"

	"github.com/bl-digital/kompass/diag"
)

// Set records the ids of one kind (measure, goal, ...) and where each was first used.
type Set[T ~string] struct {
	kind  string
	first map[T]string // id -> pointer of its first use
}

// New returns an empty Set for ids of kind, as named in messages.
func New[T ~string](kind string) *Set[T] {
	return &Set[T]{kind: kind, first: map[T]string{}}
}

// Add records id at pointer ptr and appends a "duplicate-id" problem to l
// when id was seen before.
func (s *Set[T]) Add(l diag.List, id T, ptr string) diag.List {
	if first, ok := s.first[id]; ok {
		return append(l, diag.Problem{Pointer: ptr, Rule: "duplicate-id",
			Message: fmt.Sprintf("duplicate %s id %q (first at %s)", s.kind, id, first)})
	}
	s.first[id] = ptr
	return l
}

// Has reports whether id was added.
func (s *Set[T]) Has(id T) bool {
	_, ok := s.first[id]
	return ok
}
